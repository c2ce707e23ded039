#include "bot_detail_panel.h"

#include "format/decimal_format.h"
#include "trading/order_text.h"

#include "session/profile_engine.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHeaderView>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QTimer>
#include <QValueAxis>

#include <algorithm>

namespace hoga {

namespace {

QTableWidget* makeTable(QWidget* parent, const QString& name, const QStringList& headers) {
    auto* table = new QTableWidget(parent);
    table->setObjectName(name);
    table->setColumnCount(int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->setWordWrap(false);
    // Columns as wide as their text (Qt measures at most 1000 rows), so the state is in view.
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

// A cell showing `text`; `raw` (the stored name, a timestamp) stays under Qt::UserRole for sorting and tests.
QTableWidgetItem* cell(const QString& text, const QVariant& raw = {}) {
    auto* item = new QTableWidgetItem(text);
    if (raw.isValid())
        item->setData(Qt::UserRole, raw);
    return item;
}

void setRow(QTableWidget* table, int row, const QList<QTableWidgetItem*>& cells) {
    for (int c = 0; c < cells.size(); ++c)
        table->setItem(row, c, cells[c]);
}

QString timeText(qint64 ms) {
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("MM-dd HH:mm:ss")) : QString();
}

QString amountText(const Decimal& value) {
    return value.isZero() ? QString() : formatDecimalTrimmed(value, 8);
}

} // namespace

BotDetailPanel::BotDetailPanel(ProfileEngine* engine, QWidget* parent)
    : QTabWidget(parent)
    , m_engine(engine) {
    setObjectName(QStringLiteral("botDetails"));
    m_orders = makeTable(this, QStringLiteral("botOrdersTable"),
                         {tr("Time"), tr("Side"), tr("Type"), tr("Price"), tr("Quantity"), tr("Amount"),
                          tr("Filled"), tr("State"), tr("Signal"), tr("Client id")});
    m_fills = makeTable(this, QStringLiteral("botFillsTable"),
                        {tr("Time"), tr("Side"), tr("Price"), tr("Quantity"), tr("Fee"), tr("Trade id")});
    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(QStringLiteral("botLogView"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(500);

    m_series = new QLineSeries;
    m_series->setName(tr("PnL"));
    auto* chart = new QChart;
    chart->addSeries(m_series);
    chart->legend()->hide();
    chart->setTheme(QChart::ChartThemeDark);
    chart->setBackgroundRoundness(0);
    m_time = new QDateTimeAxis;
    m_time->setFormat(QStringLiteral("HH:mm"));
    m_value = new QValueAxis;
    chart->addAxis(m_time, Qt::AlignBottom);
    chart->addAxis(m_value, Qt::AlignLeft);
    m_series->attachAxis(m_time);
    m_series->attachAxis(m_value);
    m_chart = new QChartView(chart, this);
    m_chart->setObjectName(QStringLiteral("botPnlChart"));
    m_chart->setRenderHint(QPainter::Antialiasing);

    addTab(m_orders, tr("Orders"));
    addTab(m_fills, tr("Fills"));
    addTab(m_log, tr("Log"));
    addTab(m_chart, tr("PnL chart"));

    m_journalRefresh = new QTimer(this);
    m_journalRefresh->setSingleShot(true);
    m_journalRefresh->setInterval(250);
    connect(m_journalRefresh, &QTimer::timeout, this, &BotDetailPanel::refreshJournal);
    m_chartRefresh = new QTimer(this);
    m_chartRefresh->setSingleShot(true);
    m_chartRefresh->setInterval(1000);
    connect(m_chartRefresh, &QTimer::timeout, this, &BotDetailPanel::refreshChart);

    connect(engine, &ProfileEngine::orderChanged, this, [this](const ManagedOrder& order) {
        if (!m_bot.isEmpty() && order.bot == m_bot && !m_journalRefresh->isActive())
            m_journalRefresh->start();
    });
    connect(engine, &ProfileEngine::botLogged, this, [this](const QString& id, const QString&) {
        if (id == m_bot) {
            const QStringList lines = m_engine->botLog(id);
            if (!lines.isEmpty())
                m_log->appendPlainText(lines.constLast());
        }
    });
    connect(engine, &ProfileEngine::botChanged, this, [this](const QString& id) {
        if (id == m_bot && !m_chartRefresh->isActive())
            m_chartRefresh->start();
    });
}

void BotDetailPanel::setBot(const QString& id) {
    m_bot = id;
    m_log->setPlainText(m_engine->botLog(id).join(QLatin1Char('\n')));
    refreshJournal();
    refreshChart();
}

void BotDetailPanel::refreshJournal() {
    const QVector<JournalOrder> orders =
        m_bot.isEmpty() ? QVector<JournalOrder>() : m_engine->botOrders(m_bot);
    m_orders->setRowCount(int(orders.size()));
    for (int i = 0; i < orders.size(); ++i) {
        const JournalOrder& j = orders[i];
        const Order& o = j.order;
        QTableWidgetItem* state = cell(journalStateText(j.state), journalStateName(j.state));
        if (!j.error.isEmpty())
            state->setToolTip(j.error);
        setRow(m_orders, i,
               {cell(timeText(o.createdAtMs), o.createdAtMs), cell(sideText(o.side), sideName(o.side)),
                cell(orderTypeText(o.type), orderTypeName(o.type)), cell(amountText(o.price)),
                cell(amountText(o.qty)), cell(amountText(o.total)),
                cell(formatDecimalTrimmed(o.filledQty, 8)), state, cell(j.tag), cell(o.clientId)});
    }
    QVector<Fill> fills = m_bot.isEmpty() ? QVector<Fill>() : m_engine->botFills(m_bot);
    std::reverse(fills.begin(), fills.end()); // newest first, like the orders
    m_fills->setRowCount(int(fills.size()));
    for (int i = 0; i < fills.size(); ++i) {
        const Fill& f = fills[i];
        setRow(m_fills, i,
               {cell(timeText(f.timestampMs), f.timestampMs), cell(sideText(f.side), sideName(f.side)),
                cell(formatDecimalTrimmed(f.price, 8)), cell(formatDecimalTrimmed(f.qty, 8)),
                cell(formatDecimalTrimmed(f.fee, 8)), cell(f.tradeId)});
    }
}

void BotDetailPanel::refreshChart() {
    const QVector<BotPnlPoint> points =
        m_bot.isEmpty() ? QVector<BotPnlPoint>() : m_engine->pnlHistory(m_bot);
    QList<QPointF> xy;
    double low = 0;
    double high = 0;
    for (const BotPnlPoint& p : points) {
        const double v = p.pnl.toDouble(); // drawing only; the values stay exact elsewhere
        xy << QPointF(double(p.timeMs), v);
        low = std::min(low, v);
        high = std::max(high, v);
    }
    m_series->replace(xy);
    if (!xy.isEmpty()) {
        const qint64 first = qint64(xy.constFirst().x());
        const qint64 last = std::max<qint64>(qint64(xy.constLast().x()), first + 60'000);
        m_time->setRange(QDateTime::fromMSecsSinceEpoch(first), QDateTime::fromMSecsSinceEpoch(last));
        const double pad = std::max(1.0, (high - low) * 0.1);
        m_value->setRange(low - pad, high + pad);
    }
    const auto snapshot = m_engine->bot(m_bot);
    m_chart->chart()->setTitle(snapshot ? tr("PnL in %1").arg(snapshot->quoteCurrency()) : QString());
}

} // namespace hoga
