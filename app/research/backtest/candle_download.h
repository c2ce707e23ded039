#pragma once

#include "core/candle.h"

#include <QMap>
#include <QObject>
#include <QPointer>

namespace hoga {

class Connector;

// Candles of one market downloaded from a venue for a backtest, oldest first: pages of the connector's
// fetchCandles, backwards from `toMs` until `fromMs` (as hoga-cli download does). Each page reports
// progress; a venue that ignores the cursor or has nothing older ends the download. Asynchronous: answers
// are taken on the thread that started it.
class CandleDownload : public QObject {
    Q_OBJECT
public:
    static constexpr int kPageSize = 200;
    static constexpr qint64 kMaxCandles = 200'000; // a bounded download; a longer period is refused

    // Candles with fromMs <= open time < toMs.
    CandleDownload(Connector* connector, QString market, CandleInterval interval, qint64 fromMs, qint64 toMs,
                   QObject* parent = nullptr);

    // How many candles the period holds (the progress bar's end).
    qint64 expectedCandles() const;
    // False (with errorString()) when the period is empty or too long, or there is no connector.
    bool start();
    bool isRunning() const { return m_running; }
    QVector<Candle> candles() const;
    QString errorString() const { return m_error; } // translated

signals:
    void progress(int done, int expected);
    void finished(bool ok);

private:
    void fetchPage();
    void fail(const QString& message);

    QPointer<Connector> m_connector;
    QString m_market;
    CandleInterval m_interval;
    qint64 m_fromMs;
    qint64 m_toMs;
    qint64 m_cursor = 0;
    qint64 m_pages = 0;
    bool m_running = false;
    QMap<qint64, Candle> m_byTime; // open time -> candle: pages may overlap at their edges
    QString m_error;
};

} // namespace hoga
