#pragma once

#include "research/recorder/market_data_recorder.h"
#include "research/recorder/market_data_url.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;

namespace hoga {

class Connector;

// The Record toggle of one market (objectName "recordToggle"): switched on, it records the market's
// tickers, trades and order book snapshots from `connector` into `database` with a recorder of its own
// (writing never blocks the streams); its status line shows rows written, the database's size on disk
// (SQLite) and rows dropped, refreshed every second. Switching off writes what is queued and stops.
class RecordToggle : public QWidget {
    Q_OBJECT
public:
    RecordToggle(Connector* connector, QString market, MarketDataUrl database, QWidget* parent = nullptr);
    ~RecordToggle() override;

    bool isRecording() const { return m_recorder != nullptr; }
    MarketDataRecorder* recorder() const { return m_recorder.get(); } // while recording
    QString statusText() const;

    void setRecording(bool on);
    void refreshStatus();

signals:
    void recordingChanged(bool recording);

private:
    QPointer<Connector> m_connector;
    QString m_market;
    MarketDataUrl m_database;
    QPushButton* m_button = nullptr;
    QLabel* m_status = nullptr; // shortened to fit; statusText() is the full text
    QString m_buttonTip;
    QTimer m_refresh;
    std::unique_ptr<MarketDataRecorder> m_recorder;
    qint64 m_lastWritten = 0; // of the last session, shown after stopping
    qint64 m_lastDropped = 0;
};

} // namespace hoga
