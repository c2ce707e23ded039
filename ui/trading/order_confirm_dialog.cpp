#include "order_confirm_dialog.h"

#include "theme/terminal_theme.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace hoga {

OrderConfirmDialog::OrderConfirmDialog(const OrderSummary& summary, bool offerSkip, QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("orderConfirmDialog"));
    setWindowTitle(tr("Confirm order"));
    setModal(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 16);
    layout->setSpacing(10);

    auto* title = new QLabel(tr("Send this order?"), this);
    title->setObjectName(QStringLiteral("confirmTitleLabel"));
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() + 2);
    title->setFont(titleFont);
    layout->addWidget(title);

    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(24);
    grid->setVerticalSpacing(6);
    int row = 0;
    auto addRow = [&](const QString& caption, const QString& value, const QString& objectName,
                      bool number = true) {
        auto* c = new QLabel(caption, this);
        c->setProperty("role", QStringLiteral("caption"));
        auto* v = new QLabel(value, this);
        v->setObjectName(objectName);
        v->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        v->setTextInteractionFlags(Qt::TextSelectableByMouse);
        if (number)
            v->setFont(theme::numberFont());
        grid->addWidget(c, row, 0);
        grid->addWidget(v, row, 1);
        ++row;
        return v;
    };
    QLabel* side = addRow(tr("Side"), summary.side, QStringLiteral("confirmSideValue"), false);
    QFont sideFont = side->font();
    sideFont.setBold(true);
    side->setFont(sideFont);
    theme::setTextColor(side, summary.sideColor);
    addRow(tr("Market"), summary.market, QStringLiteral("confirmMarketValue"), false);
    addRow(tr("Venue"), summary.venue, QStringLiteral("confirmVenueValue"), false);
    addRow(tr("Order type"), summary.type, QStringLiteral("confirmTypeValue"), false);
    addRow(tr("Price"), summary.price, QStringLiteral("confirmPriceValue"));
    addRow(tr("Quantity"), summary.qty, QStringLiteral("confirmQtyValue"));
    addRow(tr("Order value"), summary.total, QStringLiteral("confirmTotalValue"));
    addRow(tr("Estimated fee"), summary.fee, QStringLiteral("confirmFeeValue"));
    QLabel* net = addRow(summary.netCaption, summary.net, QStringLiteral("confirmNetValue"));
    QFont netFont = net->font();
    netFont.setBold(true);
    net->setFont(netFont);
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid);

    auto* note = new QLabel(
        summary.live ? tr("This is a real order on %1: it uses your funds once sent.").arg(summary.venue)
                     : tr("Paper order on the simulated market: no real money moves."),
        this);
    note->setObjectName(QStringLiteral("confirmNoteLabel"));
    note->setWordWrap(true);
    theme::setTextColor(note, summary.live ? theme::warning() : theme::dimText());
    layout->addWidget(note);

    if (offerSkip) {
        m_skip = new QCheckBox(tr("Don't ask again for simulated orders"), this);
        m_skip->setObjectName(QStringLiteral("skipPaperConfirmCheck"));
        m_skip->setToolTip(tr("Orders on real venues always ask. Turn this back on in the Orders menu."));
        layout->addWidget(m_skip);
    }

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelConfirmButton"));
    m_cancel->setAutoDefault(false);
    m_confirm = new QPushButton(summary.confirmText, this);
    m_confirm->setObjectName(QStringLiteral("confirmOrderButton"));
    m_confirm->setDefault(true);
    m_confirm->setMinimumWidth(120);
    m_confirm->setStyleSheet(theme::filledButtonStyle(summary.sideColor));
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_confirm);
    layout->addLayout(buttons);
    connect(m_confirm, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);

    for (QWidget* w : {static_cast<QWidget*>(this), static_cast<QWidget*>(m_confirm),
                       static_cast<QWidget*>(m_cancel), static_cast<QWidget*>(m_skip)})
        if (w)
            w->installEventFilter(this);
    m_confirm->setFocus();
    setMinimumWidth(360);
}

bool OrderConfirmDialog::skipNextTime() const {
    return m_skip && m_skip->isChecked();
}

bool OrderConfirmDialog::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        // An Enter held down since the ticket must not confirm by repeating.
        if (key->isAutoRepeat() && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter))
            return true;
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace hoga
