#include "portfolio_history.h"

#include "profile_database.h"

#include <QSqlQuery>

namespace hoga {

PortfolioHistory::PortfolioHistory(ProfileDatabase* database, int maxPoints)
    : m_database(database)
    , m_maxPoints(std::max(1, maxPoints)) {}

bool PortfolioHistory::ensureTable() const {
    if (!m_database || !m_database->isOpen())
        return false;
    QSqlQuery q(m_database->database());
    // Money as canonical decimal text, like every money column of the profile database.
    return q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS portfolio_history ("
                                 " at_ms INTEGER PRIMARY KEY,"
                                 " total_krw TEXT NOT NULL,"
                                 " total_usdt TEXT NOT NULL)"));
}

bool PortfolioHistory::append(const PortfolioValuePoint& point) {
    if (!ensureTable())
        return false;
    QSqlQuery q(m_database->database());
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO portfolio_history (at_ms, total_krw, total_usdt) VALUES (?, ?, ?)"));
    q.addBindValue(point.atMs);
    q.addBindValue(ProfileDatabase::toSql(point.totalKrw));
    q.addBindValue(ProfileDatabase::toSql(point.totalUsdt));
    if (!q.exec())
        return false;
    QSqlQuery trim(m_database->database());
    trim.prepare(QStringLiteral("DELETE FROM portfolio_history WHERE at_ms NOT IN"
                                " (SELECT at_ms FROM portfolio_history ORDER BY at_ms DESC LIMIT ?)"));
    trim.addBindValue(m_maxPoints);
    return trim.exec();
}

QVector<PortfolioValuePoint> PortfolioHistory::points() const {
    QVector<PortfolioValuePoint> out;
    if (!ensureTable())
        return out;
    QSqlQuery q(m_database->database());
    if (!q.exec(QStringLiteral("SELECT at_ms, total_krw, total_usdt FROM portfolio_history ORDER BY at_ms")))
        return out;
    while (q.next()) {
        const std::optional<Decimal> krw = ProfileDatabase::decimalFromSql(q.value(1));
        const std::optional<Decimal> usdt = ProfileDatabase::decimalFromSql(q.value(2));
        if (!krw || !usdt)
            continue; // not ours: skip rather than draw a wrong point
        out.append({q.value(0).toLongLong(), *krw, *usdt});
    }
    return out;
}

} // namespace hoga
