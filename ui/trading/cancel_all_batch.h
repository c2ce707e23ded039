#pragma once

#include "core/order.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>

namespace hoga {

class TradingSession;

// One "cancel all" (일괄취소): a cancel for each of the given open orders, and what the venue confirmed for
// each. An order counts as cancelled only once the session shows it Cancelled (the venue's answer or its
// stream), not when the request leaves. An order that filled meanwhile counts as filled. Orders still open
// when cancels have failed (an error came and the order's fresh state is still open) or when nothing more
// is heard within `answerTimeoutMs` count as not cancelled; the outcome keeps following the orders after
// that, so a late confirmation still counts.
class CancelAllBatch : public QObject {
    Q_OBJECT
public:
    struct Outcome {
        int total = 0;
        int cancelled = 0;
        int filled = 0;     // finished otherwise before the cancel arrived (filled or rejected)
        int open = 0;       // not confirmed (yet)
        QStringList errors; // distinct venue messages seen while cancelling
    };

    CancelAllBatch(TradingSession* trading, QStringList orderIds, QObject* parent = nullptr);

    // Sends one cancel per order through `cancel` (the caller's, which also marks the rows).
    void start(const std::function<void(const QString& orderId)>& cancel, int answerTimeoutMs = 30000);
    QStringList orderIds() const { return m_ids; }
    Outcome outcome() const;
    // Every order answered, or given up on (errors, time-out).
    bool isFinished() const { return m_finished; }
    // "3 of 3 orders cancelled." and what went otherwise.
    QString summary() const;

signals:
    void progressed();
    void finished();

private:
    void check(bool afterStateChange);
    void finish();

    TradingSession* m_trading;
    QStringList m_ids;
    QHash<QString, OrderState> m_final; // orders that reached a terminal state
    QStringList m_errors;
    int m_errorCount = 0;
    bool m_finished = false;
    QTimer m_deadline;
};

} // namespace hoga
