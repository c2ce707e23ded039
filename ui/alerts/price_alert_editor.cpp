#include "price_alert_editor.h"

#include "common/message_label.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace hoga {

PriceAlertEditor::PriceAlertEditor(const QStringList& marketKeys, const QString& currentMarket,
                                   QWidget* parent)
    : QDialog(parent)
    , m_marketKeys(marketKeys) {
    setWindowTitle(tr("New price alert"));
    m_market = new QComboBox(this);
    m_market->setObjectName(QStringLiteral("alertMarket"));
    m_market->setEditable(true);
    m_market->addItems(marketKeys);
    m_market->setCurrentText(currentMarket);
    m_market->lineEdit()->setPlaceholderText(tr("upbit:KRW-BTC"));

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("alertKind"));
    m_kind->addItem(tr("Price rises to or above"), int(PriceAlertKind::Above));
    m_kind->addItem(tr("Price falls to or below"), int(PriceAlertKind::Below));
    m_kind->addItem(tr("Price moves by a percentage"), int(PriceAlertKind::PercentMove));

    m_threshold = new QLineEdit(this);
    m_threshold->setObjectName(QStringLiteral("alertThreshold"));

    m_window = new QSpinBox(this);
    m_window->setObjectName(QStringLiteral("alertWindow"));
    m_window->setRange(1, 7 * 24 * 60);
    m_window->setValue(15);
    m_window->setSuffix(tr(" min"));

    m_message = new MessageLabel(2, this);
    m_message->setObjectName(QStringLiteral("alertError"));

    auto* form = new QFormLayout;
    form->addRow(tr("Market"), m_market);
    form->addRow(tr("Condition"), m_kind);
    form->addRow(tr("Threshold"), m_threshold);
    form->addRow(tr("Within"), m_window);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("alertOk"));
    m_ok->setText(tr("Add alert"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_error.isEmpty())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_market, &QComboBox::currentTextChanged, this, &PriceAlertEditor::validate);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &PriceAlertEditor::kindChanged);
    connect(m_threshold, &QLineEdit::textChanged, this, &PriceAlertEditor::validate);
    connect(m_window, &QSpinBox::valueChanged, this, &PriceAlertEditor::validate);
    kindChanged();
}

void PriceAlertEditor::kindChanged() {
    const bool percent = PriceAlertKind(m_kind->currentData().toInt()) == PriceAlertKind::PercentMove;
    m_window->setEnabled(percent);
    m_threshold->setPlaceholderText(percent ? tr("Percentage, e.g. 5") : tr("Price"));
    validate();
}

PriceAlert PriceAlertEditor::alert() const {
    PriceAlert a;
    PriceAlert::splitMarketKey(m_market->currentText().trimmed(), &a.venue, &a.market);
    a.kind = PriceAlertKind(m_kind->currentData().toInt());
    a.threshold = Decimal::parse(m_threshold->text().trimmed()).value_or(Decimal());
    if (a.kind == PriceAlertKind::PercentMove)
        a.windowMs = qint64(m_window->value()) * 60'000;
    return a;
}

void PriceAlertEditor::validate() {
    m_error = currentError();
    m_ok->setEnabled(m_error.isEmpty());
    // An empty threshold is not worth a red message yet: the trader has not typed it.
    const bool waitingForThreshold = m_threshold->text().trimmed().isEmpty() && m_error == thresholdMissing();
    m_message->setMessage(waitingForThreshold ? QString() : m_error);
}

QString PriceAlertEditor::thresholdMissing() const {
    const bool percent = PriceAlertKind(m_kind->currentData().toInt()) == PriceAlertKind::PercentMove;
    return percent ? tr("Enter a percentage.") : tr("Enter a price.");
}

QString PriceAlertEditor::currentError() const {
    const QString key = m_market->currentText().trimmed();
    const QString thresholdText = m_threshold->text().trimmed();
    if (key.isEmpty())
        return tr("Choose a market.");
    if (!PriceAlert::splitMarketKey(key, nullptr, nullptr))
        return tr("Write the market as venue:market, e.g. upbit:KRW-BTC.");
    if (!m_marketKeys.isEmpty() && !m_marketKeys.contains(key))
        return tr("No such market: %1.").arg(key);
    if (thresholdText.isEmpty())
        return thresholdMissing();
    if (!Decimal::parse(thresholdText))
        return tr("\"%1\" is not a number.").arg(thresholdText);
    return priceAlertError(alert());
}

} // namespace hoga
