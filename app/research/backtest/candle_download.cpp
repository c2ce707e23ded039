#include "candle_download.h"

#include "marketdata/when_finished.h"
#include "venues/connector.h"

#include <QCoreApplication>

#include <algorithm>

namespace hoga {

CandleDownload::CandleDownload(Connector* connector, QString market, CandleInterval interval, qint64 fromMs,
                               qint64 toMs, QObject* parent)
    : QObject(parent)
    , m_connector(connector)
    , m_market(std::move(market))
    , m_interval(interval)
    , m_fromMs(fromMs)
    , m_toMs(toMs) {}

qint64 CandleDownload::expectedCandles() const {
    const qint64 length = intervalMs(m_interval);
    return m_toMs > m_fromMs && length > 0 ? (m_toMs - m_fromMs + length - 1) / length : 0;
}

bool CandleDownload::start() {
    if (!m_connector) {
        m_error = QCoreApplication::translate("hoga::Research", "No venue to download from.");
        return false;
    }
    const qint64 expected = expectedCandles();
    if (expected <= 0) {
        m_error = QCoreApplication::translate("hoga::Research", "The period is empty.");
        return false;
    }
    if (expected > kMaxCandles) {
        m_error = QCoreApplication::translate("hoga::Research",
                                              "That is more than %1 candles; download a shorter period.")
                      .arg(kMaxCandles);
        return false;
    }
    m_byTime.clear();
    m_error.clear();
    m_cursor = m_toMs;
    m_pages = 0;
    m_running = true;
    fetchPage();
    return true;
}

QVector<Candle> CandleDownload::candles() const {
    return QVector<Candle>(m_byTime.cbegin(), m_byTime.cend());
}

void CandleDownload::fetchPage() {
    if (!m_connector) {
        fail(QCoreApplication::translate("hoga::Research", "The venue went away during the download."));
        return;
    }
    CandleQuery query;
    query.market = m_market;
    query.interval = m_interval;
    query.count = kPageSize;
    query.toMs = m_cursor;
    ++m_pages;
    whenFinished(m_connector->fetchCandles(query), this, [this](const Result<QVector<Candle>>& result) {
        if (!result.ok()) {
            fail(result.error().userMessage());
            return;
        }
        const QVector<Candle>& page = result.value();
        for (const Candle& c : page)
            if (c.openTimeMs >= m_fromMs && c.openTimeMs < m_toMs)
                m_byTime.insert(c.openTimeMs, c);
        const int expected = int(expectedCandles());
        emit progress(int(std::min<qint64>(m_byTime.size(), expected)), expected);
        const qint64 oldest = page.isEmpty() ? m_cursor : page.first().openTimeMs;
        // Done at the period's start, when the venue has nothing older or ignores the cursor (bounded by
        // the number of pages the period can take).
        const qint64 maxPages = expectedCandles() / kPageSize + 2;
        if (page.isEmpty() || oldest <= m_fromMs || oldest >= m_cursor || m_pages >= maxPages) {
            m_running = false;
            emit progress(expected, expected);
            emit finished(true);
            return;
        }
        m_cursor = oldest;
        fetchPage();
    });
}

void CandleDownload::fail(const QString& message) {
    m_running = false;
    m_error = message;
    emit finished(false);
}

} // namespace hoga
