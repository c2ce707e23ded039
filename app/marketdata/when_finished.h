#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace hoga {

namespace detail {

// The future's value, or a Cancelled error when it ended without one (a connector destroyed with requests
// in flight cancels them) and a Venue error if it carried an exception.
template <class T> Result<T> resultOf(const QFuture<Result<T>>& future) {
    try {
        if (future.resultCount() > 0)
            return future.result();
        return VenueError{ErrorKind::Cancelled, {}, {}, {}, 0};
    } catch (...) {
        return VenueError{
            ErrorKind::Venue,
            {},
            {},
            QCoreApplication::translate("hoga::MarketDataHub", "The request failed unexpectedly."),
            0};
    }
}

} // namespace detail

// Calls `handler(Result<T>)` on `context`'s thread once `future` has finished, and never after `context` is
// destroyed. This is QFuture::then(context, ...) made safe for our case: Qt 6.4 asserts when the context
// dies before the future finishes, and a cancelled future would have no result to hand over. The handler
// always runs from the event loop, never synchronously inside this call. Call from `context`'s thread.
template <class T, class Handler>
void whenFinished(QFuture<Result<T>> future, QObject* context, Handler&& handler) {
    auto* watcher = new QFutureWatcher<Result<T>>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, handler = std::forward<Handler>(handler)]() mutable {
                         Result<T> result = detail::resultOf(watcher->future());
                         watcher->deleteLater();
                         handler(std::move(result));
                     });
    watcher->setFuture(std::move(future));
}

} // namespace hoga
