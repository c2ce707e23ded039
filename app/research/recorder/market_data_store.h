#pragma once

#include "recorded_row.h"

#include <QString>
#include <QVector>

namespace hoga {

// Where recorded market data lives. One implementation per database engine; every one keeps the same
// schema (created by its migrations) and stores decimals as their canonical text, never as floating point.
// An instance is used from one thread only (the thread that opened it).
class MarketDataStore {
public:
    virtual ~MarketDataStore() = default;

    // Connects and runs pending migrations. False with errorString() set on failure.
    virtual bool open() = 0;
    virtual QString errorString() const = 0; // translated

    // Writes every row in one transaction: all or nothing.
    virtual bool write(const QVector<RecordedRow>& rows) = 0;

    // Reads, oldest first, rows with fromMs <= timestamp < toMs (toMs 0: no end).
    virtual QVector<Trade> trades(const QString& venue, const QString& market, qint64 fromMs = 0,
                                  qint64 toMs = 0) = 0;
    virtual QVector<Ticker> tickers(const QString& venue, const QString& market, qint64 fromMs = 0,
                                    qint64 toMs = 0) = 0;
    virtual QVector<BookSnapshot> books(const QString& venue, const QString& market, qint64 fromMs = 0,
                                        qint64 toMs = 0) = 0;
    // The (venue, market) pairs with at least one recorded trade, ticker or book.
    virtual QVector<QPair<QString, QString>> recordedMarkets() = 0;
};

} // namespace hoga
