#include "bots_tab.h"

#include "bot_detail_panel.h"
#include "bot_editor_dialog.h"
#include "bot_table_model.h"

#include "session/profile_engine.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace hoga {

BotsTab::BotsTab(ProfileEngine* engine, QWidget* parent)
    : QWidget(parent)
    , m_engine(engine) {
    setObjectName(QStringLiteral("botsTab"));
    auto* layout = new QVBoxLayout(this);

    m_haltBanner = new QLabel(this);
    m_haltBanner->setObjectName(QStringLiteral("botsHaltBanner"));
    m_haltBanner->setWordWrap(true);
    m_haltBanner->setStyleSheet(
        QStringLiteral("background: #5a1e22; color: #ffd7d9; padding: 6px; border-radius: 3px;"));
    layout->addWidget(m_haltBanner);

    auto* buttons = new QHBoxLayout;
    auto button = [this, buttons](const QString& name, const QString& text) {
        auto* b = new QPushButton(text, this);
        b->setObjectName(name);
        buttons->addWidget(b);
        return b;
    };
    m_new = button(QStringLiteral("newBotButton"), tr("New bot…"));
    m_edit = button(QStringLiteral("editBotButton"), tr("Edit…"));
    m_start = button(QStringLiteral("startBotButton"), tr("Start"));
    m_pause = button(QStringLiteral("pauseBotButton"), tr("Pause"));
    m_resume = button(QStringLiteral("resumeBotButton"), tr("Resume"));
    m_stop = button(QStringLiteral("stopBotButton"), tr("Stop"));
    m_duplicate = button(QStringLiteral("duplicateBotButton"), tr("Duplicate"));
    m_delete = button(QStringLiteral("deleteBotButton"), tr("Delete…"));
    m_stop->setToolTip(tr("Stops the bot and cancels its open orders."));
    m_pause->setToolTip(tr("Stops the bot's signals; its open orders stay in the book."));
    buttons->addStretch();
    layout->addLayout(buttons);

    m_model = new BotTableModel(engine, this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("botsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_details = new BotDetailPanel(engine, this);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_details);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    layout->addWidget(split, 1);

    connect(m_new, &QPushButton::clicked, this, &BotsTab::newBot);
    connect(m_edit, &QPushButton::clicked, this, &BotsTab::editBot);
    connect(m_start, &QPushButton::clicked, this, [this] { m_engine->startBot(selectedBot()); });
    connect(m_pause, &QPushButton::clicked, this, [this] { m_engine->pauseBot(selectedBot()); });
    connect(m_resume, &QPushButton::clicked, this, [this] { m_engine->resumeBot(selectedBot()); });
    connect(m_stop, &QPushButton::clicked, this, [this] { m_engine->stopBot(selectedBot()); });
    connect(m_duplicate, &QPushButton::clicked, this, [this] {
        const QString copy = m_engine->duplicateBot(selectedBot());
        if (!copy.isEmpty())
            selectBot(copy);
    });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        const QString id = selectedBot();
        if (id.isEmpty())
            return;
        if (m_confirm(this, tr("Delete bot"),
                      tr("Delete the bot “%1”? It stops and its open orders are cancelled; its orders and "
                         "fills stay in the journal.")
                          .arg(id)))
            m_engine->deleteBot(id);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &BotsTab::onSelection);
    connect(m_model, &QAbstractItemModel::modelReset, this, &BotsTab::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &BotsTab::updateButtons);
    auto showHalt = [this] {
        m_haltBanner->setText(
            tr("Trading is halted by the emergency stop (%1). No order is sent until you re-arm trading.")
                .arg(m_engine->haltReason()));
        m_haltBanner->setVisible(m_engine->isHalted());
        updateButtons();
    };
    connect(engine, &ProfileEngine::haltedChanged, this, showHalt);
    showHalt();
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    updateButtons();
}

bool BotsTab::askUser(QWidget* parent, const QString& title, const QString& text) {
    return QMessageBox::question(parent, title, text) == QMessageBox::Yes;
}

QString BotsTab::selectedBot() const {
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_model->botId(rows.first().row());
}

void BotsTab::selectBot(const QString& id) {
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_table->selectRow(row);
}

void BotsTab::onSelection() {
    const QString id = selectedBot();
    if (id != m_details->bot())
        m_details->setBot(id);
    updateButtons();
}

void BotsTab::updateButtons() {
    // A model reset drops the selection: keep showing the bot that was selected.
    if (selectedBot().isEmpty() && !m_details->bot().isEmpty())
        selectBot(m_details->bot());
    const auto bot = m_engine->bot(selectedBot());
    const BotState state = bot ? bot->state : BotState::Stopped;
    const bool active = state == BotState::Running || state == BotState::Starting;
    m_edit->setEnabled(bot && !active);
    m_start->setEnabled(bot && !active && state != BotState::Paused && !m_engine->isHalted());
    m_pause->setEnabled(bot && active);
    m_resume->setEnabled(bot && state == BotState::Paused && !m_engine->isHalted());
    m_stop->setEnabled(bot && (active || state == BotState::Paused || state == BotState::Halted));
    m_duplicate->setEnabled(bot.has_value());
    m_delete->setEnabled(bot.has_value());
}

void BotsTab::newBot() {
    openEditor(false);
}

void BotsTab::editBot() {
    openEditor(true);
}

void BotsTab::openEditor(bool editing) {
    std::optional<BotSnapshot> existing;
    if (editing) {
        existing = m_engine->bot(selectedBot());
        if (!existing)
            return;
    }
    auto* dialog = new BotEditorDialog(m_engine, existing, this);
    if (!editing && m_current) {
        const auto [venue, market] = m_current();
        dialog->preferMarket(venue, market);
    }
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_editor = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog, editing] {
        const BotSpec spec = dialog->spec();
        const Result<QString> done = editing ? m_engine->updateBot(spec) : m_engine->createBot(spec);
        if (!done.ok()) {
            QMessageBox::warning(this, tr("Bot"), done.error().userMessage());
            return;
        }
        selectBot(done.value());
    });
    connect(dialog, &QObject::destroyed, this, [this, dialog] {
        if (m_editor == dialog)
            m_editor = nullptr;
    });
    dialog->open();
}

} // namespace hoga
