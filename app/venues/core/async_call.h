#pragma once

#include <QMetaObject>
#include <QObject>
#include <QPromise>

#include <functional>
#include <memory>

namespace hoga {

// The promise behind one asynchronous connector call. Shared, because the work that resolves it is passed
// along from callback to callback.
template <class T> using PromisePtr = std::shared_ptr<QPromise<T>>;

// Starts `work` on `context`'s thread (always queued, so calls keep their order and never run inside the
// caller) and returns the future it resolves. A call cancelled before it starts is dropped.
template <class T> QFuture<T> startOn(QObject* context, std::function<void(PromisePtr<T>)> work) {
    auto promise = std::make_shared<QPromise<T>>();
    promise->start();
    QFuture<T> future = promise->future();
    QMetaObject::invokeMethod(
        context,
        [promise, work = std::move(work)] {
            if (promise->isCanceled()) {
                promise->finish();
                return;
            }
            work(promise);
        },
        Qt::QueuedConnection);
    return future;
}

// Resolves once; a cancelled future gets no result.
template <class T> void resolve(const PromisePtr<T>& promise, T value) {
    if (!promise->isCanceled())
        promise->addResult(std::move(value));
    promise->finish();
}

} // namespace hoga
