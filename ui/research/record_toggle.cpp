#include "record_toggle.h"

#include "research/recorder/sql_market_data_store.h"
#include "venues/connector.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

#include <climits>

namespace hoga {

namespace {

// A one-line label that shows as much of its text as fits, ending in "…", and can shrink to nothing: in a
// narrow window the Record button stays and the full status is in the tooltip.
class ElidingLabel : public QLabel {
public:
    void setFullText(const QString& text) {
        m_full = text;
        setToolTip(text);
        updateGeometry();
        elide();
    }
    QSize sizeHint() const override {
        return {fontMetrics().horizontalAdvance(m_full) + 2, QLabel::sizeHint().height()};
    }
    QSize minimumSizeHint() const override { return {0, QLabel::minimumSizeHint().height()}; }

protected:
    void resizeEvent(QResizeEvent* event) override {
        QLabel::resizeEvent(event);
        elide();
    }

private:
    void elide() { setText(fontMetrics().elidedText(m_full, Qt::ElideRight, contentsRect().width())); }
    QString m_full;
};

} // namespace

RecordToggle::RecordToggle(Connector* connector, QString market, MarketDataUrl database, QWidget* parent)
    : QWidget(parent)
    , m_connector(connector)
    , m_market(std::move(market))
    , m_database(std::move(database)) {
    setObjectName(QStringLiteral("recordToggle"));
    m_button = new QPushButton(tr("Record"));
    m_button->setObjectName(QStringLiteral("recordButton"));
    m_button->setCheckable(true);
    m_buttonTip = tr("Record %1's tickers, trades and order book snapshots for backtests.").arg(m_market);
    m_button->setToolTip(m_buttonTip);
    m_status = new ElidingLabel;
    // Asks for no room of its own: it gets what the bar it sits in can spare.
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_status->setObjectName(QStringLiteral("recordStatus"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_button);
    layout->addWidget(m_status, 1);
    connect(m_button, &QPushButton::toggled, this, &RecordToggle::setRecording);
    m_refresh.setInterval(1000);
    connect(&m_refresh, &QTimer::timeout, this, &RecordToggle::refreshStatus);
    refreshStatus();
}

RecordToggle::~RecordToggle() {
    if (m_recorder)
        m_recorder->stop();
}

void RecordToggle::setRecording(bool on) {
    if (on == isRecording()) {
        m_button->setChecked(on);
        return;
    }
    if (on) {
        RecorderSettings settings;
        settings.markets = {m_market};
        const MarketDataUrl url = m_database;
        auto recorder = std::make_unique<MarketDataRecorder>(
            [url] { return std::make_unique<SqlMarketDataStore>(url); }, settings);
        if (!recorder->start()) {
            static_cast<ElidingLabel*>(m_status)->setFullText(recorder->errorString());
            const QSignalBlocker blocker(m_button);
            m_button->setChecked(false);
            return;
        }
        if (m_connector)
            recorder->attach(m_connector);
        m_recorder = std::move(recorder);
        m_refresh.start();
    } else {
        m_recorder->stop();
        m_lastWritten = m_recorder->rowsWritten();
        m_lastDropped = m_recorder->rowsDropped();
        m_recorder.reset();
        m_refresh.stop();
    }
    const QSignalBlocker blocker(m_button);
    m_button->setChecked(on);
    m_button->setText(on ? tr("Recording") : tr("Record"));
    refreshStatus();
    emit recordingChanged(on);
}

void RecordToggle::refreshStatus() {
    const qint64 written = m_recorder ? m_recorder->rowsWritten() : m_lastWritten;
    const qint64 dropped = m_recorder ? m_recorder->rowsDropped() : m_lastDropped;
    QString size;
    if (m_database.engine == MarketDataUrl::Engine::Sqlite) {
        const qint64 bytes = QFileInfo(m_database.filePath).size() +
                             QFileInfo(m_database.filePath + QStringLiteral("-wal")).size();
        size = QLocale().formattedDataSize(bytes);
    } else {
        size = m_database.describe();
    }
    const int rows = int(std::min<qint64>(written, INT_MAX));
    const int lost = int(std::min<qint64>(dropped, INT_MAX));
    QString text = tr("%n row(s)", nullptr, rows) + QStringLiteral(" · ") + size;
    const QString droppedText = tr("%n dropped", nullptr, lost);
    // Rows lost go first, where a shortened status still shows them.
    text = lost > 0 ? droppedText + QStringLiteral(" · ") + text : text + QStringLiteral(" · ") + droppedText;
    if (m_recorder && !m_recorder->errorString().isEmpty())
        text += QStringLiteral(" · ") + m_recorder->errorString();
    static_cast<ElidingLabel*>(m_status)->setFullText(text);
    m_button->setToolTip(m_buttonTip + QLatin1Char('\n') + text);
}

QString RecordToggle::statusText() const {
    return m_status->toolTip(); // the full text (the label may show it shortened)
}

} // namespace hoga
