#pragma once

#include "core/order_placement.h"
#include "core/result.h"
#include "marketdata/when_finished.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QTimer>

#include <functional>

namespace hoga::cli {

// The error of a request that got no answer in time.
inline VenueError timeoutError(int timeoutMs) {
    VenueError e;
    e.kind = ErrorKind::Network;
    e.detail =
        QCoreApplication::translate("hoga::Cli", "The venue did not answer within %1 ms.").arg(timeoutMs);
    return e;
}

// Waits for a connector's future on the calling thread by running a local event loop (the connector works
// on its own thread, which is never blocked), for at most `timeoutMs`. On timeout the future is cancelled,
// so the connector abandons the request where it can, and a Network error is returned.
template <class T> Result<T> awaitResult(QFuture<Result<T>> future, int timeoutMs) {
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<Result<T>> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        timer.start(timeoutMs);
        if (!future.isFinished())
            loop.exec();
        if (!future.isFinished()) {
            future.cancel();
            return timeoutError(timeoutMs);
        }
    }
    return detail::resultOf(future);
}

// The same for an order request: on timeout the outcome is unknown (the request may have reached the venue).
inline OrderPlacement awaitPlacement(QFuture<OrderPlacement> future, const QString& clientId, int timeoutMs) {
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<OrderPlacement> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        timer.start(timeoutMs);
        if (!future.isFinished())
            loop.exec();
        if (!future.isFinished())
            return OrderPlacement::unknown(timeoutError(timeoutMs), clientId);
    }
    if (future.resultCount() == 0)
        return OrderPlacement::unknown(VenueError{ErrorKind::Cancelled, {}, {}, {}, 0}, clientId);
    return future.result();
}

// Runs a local event loop until `arm`'s connections quit it or `timeoutMs` passes (false: the time ran out).
// `arm` gets the loop and a context object that disconnects its connections when the wait ends.
inline bool waitFor(int timeoutMs, const std::function<void(QEventLoop&, QObject&)>& arm) {
    QEventLoop loop;
    QObject context;
    bool timedOut = false;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    arm(loop, context);
    timer.start(timeoutMs);
    loop.exec();
    return !timedOut;
}

} // namespace hoga::cli
