#include "sim_account.h"

namespace hoga::sim {

namespace {

const QString kVenue = QStringLiteral("sim");

} // namespace

void SimAccount::reset(const QHash<QString, Decimal>& amounts) {
    m_holdings.clear();
    if (!amounts.isEmpty()) {
        for (auto it = amounts.begin(); it != amounts.end(); ++it)
            m_holdings[it.key()].free = it.value();
        return;
    }
    const QString krw = QStringLiteral("KRW");
    m_holdings[krw].free = 10'000'000;
    m_holdings[QStringLiteral("USDT")].free = 5'000;
    m_holdings[QStringLiteral("BTC")] = Holding{Decimal::fromString("0.05"), {}, 140'000'000, krw};
    m_holdings[QStringLiteral("ETH")] = Holding{Decimal::fromString("1.2"), {}, 5'100'000, krw};
    m_holdings[QStringLiteral("XRP")] = Holding{1'500, {}, 3'000, krw};
}

Decimal SimAccount::freeOf(const QString& currency) const {
    const Holding* h = holding(currency);
    return h ? h->free : Decimal();
}

bool SimAccount::lock(const QString& currency, const Decimal& amount) {
    Holding& h = m_holdings[currency];
    if (h.free < amount)
        return false;
    h.free -= amount;
    h.locked += amount;
    return true;
}

void SimAccount::unlock(const QString& currency, const Decimal& amount) {
    Holding& h = m_holdings[currency];
    h.locked -= amount;
    h.free += amount;
}

void SimAccount::spendLocked(const QString& currency, const Decimal& amount) {
    m_holdings[currency].locked -= amount;
}

void SimAccount::credit(const QString& currency, const Decimal& amount) {
    m_holdings[currency].free += amount;
}

void SimAccount::recordBuy(const QString& coin, const Decimal& qty, const Decimal& price,
                           const QString& priceCurrency) {
    Holding& h = m_holdings[coin];
    // The holding already includes `qty` (credited just before).
    const Decimal before = h.free + h.locked - qty;
    if (!before.isPositive() || h.avgBuyCurrency != priceCurrency) {
        h.avgBuyPrice = price;
        h.avgBuyCurrency = priceCurrency;
        return;
    }
    const Decimal cost = before * h.avgBuyPrice + qty * price;
    h.avgBuyPrice = cost.divide(before + qty, 8, Rounding::HalfEven);
}

void SimAccount::recordSell(const QString& coin) {
    Holding& h = m_holdings[coin];
    if (h.free.isZero() && h.locked.isZero()) {
        h.avgBuyPrice = {};
        h.avgBuyCurrency.clear();
    }
}

const SimAccount::Holding* SimAccount::holding(const QString& currency) const {
    auto it = m_holdings.find(currency);
    return it == m_holdings.end() ? nullptr : &it.value();
}

Balance SimAccount::balance(const QString& currency) const {
    Balance b;
    b.venue = kVenue;
    b.currency = currency;
    if (const Holding* h = holding(currency)) {
        b.free = h->free;
        b.locked = h->locked;
        b.avgBuyPrice = h->avgBuyPrice;
        b.avgBuyCurrency = h->avgBuyCurrency;
    }
    return b;
}

QVector<Balance> SimAccount::balances() const {
    QVector<Balance> out;
    for (auto it = m_holdings.begin(); it != m_holdings.end(); ++it)
        if (!(it->free + it->locked).isZero())
            out.append(balance(it.key()));
    return out;
}

} // namespace hoga::sim
