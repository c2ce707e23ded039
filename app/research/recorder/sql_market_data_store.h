#pragma once

#include "market_data_store.h"
#include "market_data_url.h"

#include <QSqlDatabase>

namespace hoga {

// MarketDataStore on QtSql: SQLite (QSQLITE, WAL) or PostgreSQL (QPSQL), one schema for both, created and
// upgraded by numbered migrations recorded in md_schema_version. Decimals are TEXT in canonical form; times
// are BIGINT milliseconds (UTC). Book levels are one TEXT column per side, "price:qty;price:qty" best first.
class SqlMarketDataStore final : public MarketDataStore {
public:
    static constexpr int kSchemaVersion = 1;

    explicit SqlMarketDataStore(MarketDataUrl url);
    ~SqlMarketDataStore() override;
    SqlMarketDataStore(const SqlMarketDataStore&) = delete;
    SqlMarketDataStore& operator=(const SqlMarketDataStore&) = delete;

    bool open() override;
    QString errorString() const override { return m_error; }
    bool write(const QVector<RecordedRow>& rows) override;
    QVector<Trade> trades(const QString& venue, const QString& market, qint64 fromMs = 0,
                          qint64 toMs = 0) override;
    QVector<Ticker> tickers(const QString& venue, const QString& market, qint64 fromMs = 0,
                            qint64 toMs = 0) override;
    QVector<BookSnapshot> books(const QString& venue, const QString& market, qint64 fromMs = 0,
                                qint64 toMs = 0) override;
    QVector<QPair<QString, QString>> recordedMarkets() override;

    int schemaVersion() const; // -1 if unreadable
    static QString encodeLevels(const QVector<BookLevel>& levels);
    static QVector<BookLevel> decodeLevels(const QString& text);

private:
    bool fail(const QString& message);
    bool migrate();
    QSqlDatabase database() const;

    MarketDataUrl m_url;
    QString m_connectionName;
    QString m_error;
};

} // namespace hoga
