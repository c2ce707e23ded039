#include "order_entry.h"

#include "marketdata/when_finished.h"
#include "venues/core/async_call.h"

#include <QCoreApplication>
#include <QPointer>
#include <QUuid>

namespace hoga {

ValidationResult OrderEntry::check(const OrderRequest& request, const Market& market,
                                   const VenueCapabilities& capabilities, const OrderContext& context) {
    ValidationResult result =
        context.checkBalances
            ? OrderValidator::validate(request, market, context.balances, context.referencePrice,
                                       capabilities)
            : OrderValidator::checkRules(request, market, context.referencePrice, capabilities);
    // A closed market comes first: no other fix would let the order through now.
    if (context.nowMs > 0 && market.isValid())
        if (std::optional<ValidationIssue> closed =
                OrderValidator::checkSession(market, context.nowMs, request.session))
            result.issues.prepend(*closed);
    return result;
}

VenueError OrderEntry::invalidOrder(const ValidationResult& validation) {
    VenueError e;
    e.kind = ErrorKind::InvalidOrder;
    e.detail = validation.summary();
    return e;
}

QFuture<OrderPlacement> OrderEntry::place(Connector* connector, OrderRequest request, QObject* receiver,
                                          std::function<OrderContext(const Market& market)> contextFor) {
    if (request.clientId.isEmpty())
        request.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto promise = std::make_shared<QPromise<OrderPlacement>>();
    promise->start();
    QFuture<OrderPlacement> future = promise->future();
    if (!connector) {
        VenueError e{ErrorKind::Network,
                     {},
                     {},
                     QCoreApplication::translate("hoga::OrderEntry", "The venue connection is closed."),
                     0};
        resolve(promise, OrderPlacement::rejected(e, request.clientId));
        return future;
    }
    const VenueCapabilities capabilities = connector->capabilities();
    whenFinished(
        connector->fetchMarketRules(request.market), receiver,
        [connector = QPointer<Connector>(connector), request, receiver, contextFor = std::move(contextFor),
         capabilities, promise](const Result<Market>& market) {
            if (!market.ok() || !connector) {
                const VenueError e =
                    market.ok() ? VenueError{ErrorKind::Cancelled, {}, {}, {}, 0} : market.error();
                resolve(promise, OrderPlacement::rejected(e, request.clientId));
                return;
            }
            const ValidationResult validation =
                check(request, market.value(), capabilities, contextFor(market.value()));
            if (!validation.ok()) {
                resolve(promise, OrderPlacement::rejected(invalidOrder(validation), request.clientId));
                return;
            }
            auto* watcher = new QFutureWatcher<OrderPlacement>(receiver);
            QObject::connect(watcher, &QFutureWatcherBase::finished, receiver, [watcher, promise, request] {
                const QFuture<OrderPlacement> sent = watcher->future();
                watcher->deleteLater();
                if (sent.resultCount() > 0) {
                    resolve(promise, sent.result());
                    return;
                }
                // The connector went away with the request in flight: it may have reached the venue.
                VenueError e{ErrorKind::Cancelled,
                             {},
                             {},
                             QCoreApplication::translate(
                                 "hoga::OrderEntry",
                                 "The connection closed before the venue answered the order request."),
                             0};
                resolve(promise, OrderPlacement::unknown(e, request.clientId));
            });
            watcher->setFuture(connector->createOrder(request));
        });
    return future;
}

} // namespace hoga
