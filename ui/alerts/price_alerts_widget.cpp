#include "price_alerts_widget.h"

#include "price_alert_editor.h"
#include "price_alert_table_model.h"

#include "alerts/price_alert_book.h"
#include "common/message_label.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace hoga {

PriceAlertsWidget::PriceAlertsWidget(PriceAlertBook* book, QWidget* parent)
    : QWidget(parent)
    , m_book(book) {
    m_model = new PriceAlertTableModel(book, this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("priceAlerts"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    // Each column as wide as its text; the condition takes the room left.
    QHeaderView* header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(PriceAlertTableModel::ConditionColumn, QHeaderView::Stretch);

    m_add = new QPushButton(tr("Add alert…"), this);
    m_add->setObjectName(QStringLiteral("addAlertButton"));
    m_remove = new QPushButton(tr("Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeAlertButton"));
    m_rearm = new QPushButton(tr("Re-arm"), this);
    m_rearm->setObjectName(QStringLiteral("rearmAlertButton"));
    m_rearm->setToolTip(tr("Arm a fired alert again: it fires once more when its condition is met."));
    m_message = new MessageLabel(1, this);
    m_message->setObjectName(QStringLiteral("alertsMessage"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_rearm);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, &PriceAlertsWidget::addAlert);
    connect(m_remove, &QPushButton::clicked, this, &PriceAlertsWidget::removeSelected);
    connect(m_rearm, &QPushButton::clicked, this, &PriceAlertsWidget::rearmSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PriceAlertsWidget::updateButtons);
    // A reset (the book changed) clears the selection: keep the buttons in step.
    connect(m_model, &QAbstractItemModel::modelReset, this, &PriceAlertsWidget::updateButtons);
    updateButtons();
}

qint64 PriceAlertsWidget::selectedId() const {
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return 0;
    return rows.first().data(PriceAlertTableModel::IdRole).toLongLong();
}

void PriceAlertsWidget::updateButtons() {
    const qint64 id = selectedId();
    const int row = id ? m_model->rowOf(id) : -1;
    const PriceAlert* a = m_model->alertAt(row);
    m_remove->setEnabled(a != nullptr);
    m_rearm->setEnabled(a && !a->isArmed());
}

void PriceAlertsWidget::addAlert() {
    // One editor at a time; a closed one waiting for its deletion does not count.
    if (m_editor && m_editor->isVisible()) {
        m_editor->raise();
        return;
    }
    auto* editor = new PriceAlertEditor(m_marketKeys, m_currentMarket, this);
    m_editor = editor;
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &QDialog::accepted, this, [this, editor] {
        if (!m_book)
            return;
        const qint64 id = m_book->add(editor->alert());
        m_message->setMessage(id ? QString() : m_book->lastError());
        if (const int row = m_model->rowOf(id); row >= 0)
            m_table->selectRow(row);
    });
    editor->open();
}

void PriceAlertsWidget::removeSelected() {
    const qint64 id = selectedId();
    if (!id || !m_book)
        return;
    m_message->setMessage(m_book->remove(id) ? QString() : m_book->lastError());
}

void PriceAlertsWidget::rearmSelected() {
    const qint64 id = selectedId();
    if (!id || !m_book)
        return;
    m_message->setMessage(m_book->rearm(id) ? QString() : m_book->lastError());
    if (const int row = m_model->rowOf(id); row >= 0)
        m_table->selectRow(row);
}

} // namespace hoga
