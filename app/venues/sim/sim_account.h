#pragma once

#include "core/account.h"

#include <QHash>
#include <QMap>
#include <QString>
#include <QVector>

namespace hoga::sim {

// Paper balances: free and locked per currency, plus the average buy price of each coin.
class SimAccount {
public:
    struct Holding {
        Decimal free;
        Decimal locked;
        Decimal avgBuyPrice;
        QString avgBuyCurrency;
    };

    // Empty `amounts`: 10,000,000 KRW, 5,000 USDT, 0.05 BTC, 1.2 ETH and 1,500 XRP with plausible averages.
    void reset(const QHash<QString, Decimal>& amounts);

    Decimal freeOf(const QString& currency) const;
    // Moves `amount` from free to locked; false (and nothing changes) if free is too low.
    bool lock(const QString& currency, const Decimal& amount);
    void unlock(const QString& currency, const Decimal& amount);
    void spendLocked(const QString& currency, const Decimal& amount);
    void credit(const QString& currency, const Decimal& amount);
    // A coin bought at `price` (in `priceCurrency`): folds into the average cost.
    void recordBuy(const QString& coin, const Decimal& qty, const Decimal& price,
                   const QString& priceCurrency);
    // After a sale: forgets the average once nothing is left.
    void recordSell(const QString& coin);

    // Every currency held, and the whole account replaced (a paper account restored from disk).
    const QMap<QString, Holding>& holdings() const { return m_holdings; }
    void restore(QMap<QString, Holding> holdings) { m_holdings = std::move(holdings); }

    const Holding* holding(const QString& currency) const;
    Balance balance(const QString& currency) const;
    QVector<Balance> balances() const; // currencies with a non-zero total, alphabetical

private:
    QMap<QString, Holding> m_holdings;
};

} // namespace hoga::sim
