#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QPromise>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace hoga {

// Runs `work` on `pool` and hands its result to `done` on `context`'s thread. If `context` is destroyed
// first, `done` is dropped (the watcher delivering it is context's child). The result is moved out of the
// future, so its only remaining copy is the one `done` receives.
template <class T>
void runInPool(QObject* context, std::function<T()> work, std::function<void(T)> done,
               QThreadPool* pool = QThreadPool::globalInstance()) {
    auto promise = std::make_shared<QPromise<T>>();
    auto* watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)] {
        QFuture<T> future = watcher->future();
        watcher->deleteLater();
        if (future.resultCount() > 0)
            done(future.takeResult());
    });
    watcher->setFuture(promise->future());
    pool->start([promise, work = std::move(work)] {
        promise->start();
        promise->addResult(work());
        promise->finish();
    });
}

} // namespace hoga
