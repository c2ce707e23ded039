#include "account_limits_dialog.h"

#include "format/decimal_format.h"

#include "session/profile_engine_types.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hoga {

namespace {

struct LimitField {
    QString key;
    QString label;
    bool whole; // a count, not an amount
};

// The keys whose value may be zero (a reserve of nothing is just no reserve).
bool zeroAllowed(const QString& key) {
    return key == QLatin1String("cash_reserve");
}

bool isWhole(const QString& key) {
    return key == QLatin1String("max_open_orders") || key == QLatin1String("max_orders_per_minute");
}

} // namespace

AccountLimitsDialog::AccountLimitsDialog(const RiskLimits& current, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Risk limits"));
    auto* intro = new QLabel(tr("Limits for the whole account, checked before every order of this profile: "
                                "the order ticket's and every bot's, on top of each bot's own limits. Leave "
                                "a field empty for no limit."),
                             this);
    intro->setWordWrap(true);

    const QVector<LimitField> fields = {
        {QStringLiteral("max_order_value"), tr("Largest order value (quote currency)"), false},
        {QStringLiteral("max_position"), tr("Largest position in one market (base currency)"), false},
        {QStringLiteral("max_open_orders"), tr("Most open orders"), true},
        {QStringLiteral("max_orders_per_minute"), tr("Most orders per minute"), true},
        {QStringLiteral("max_price_deviation_pct"), tr("Limit price within % of the last price"), false},
        {QStringLiteral("cash_reserve"), tr("Cash reserve bots may not spend"), false},
        {QStringLiteral("daily_loss_limit"), tr("Daily loss limit of all bots (halts them)"), false},
    };
    const QJsonObject values = riskLimitsToJson(current);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    for (const LimitField& f : fields) {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(QStringLiteral("limit_") + f.key);
        edit->setPlaceholderText(tr("No limit"));
        const QJsonValue v = values.value(f.key);
        edit->setText(v.isDouble() ? QString::number(v.toInt()) : v.toString());
        auto* error = new QLabel(this);
        error->setObjectName(QStringLiteral("limitError_") + f.key);
        error->setStyleSheet(QStringLiteral("color: #e0565b;"));
        error->setWordWrap(true);
        error->hide();
        auto* cell = new QWidget(this);
        auto* cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        cellLayout->setSpacing(2);
        cellLayout->addWidget(edit);
        cellLayout->addWidget(error);
        form->addRow(f.label, cell);
        m_fields.insert(f.key, edit);
        m_errors.insert(f.key, error);
        connect(edit, &QLineEdit::textChanged, this, &AccountLimitsDialog::validate);
    }

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("accountLimitsSave"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_valid)
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(520);
    validate();
}

QString AccountLimitsDialog::fieldProblem(const QString& key) const {
    const QString text = m_fields.value(key)->text().trimmed();
    if (text.isEmpty())
        return {};
    if (isWhole(key)) {
        bool ok = false;
        const int n = text.toInt(&ok);
        if (!ok || n <= 0)
            return tr("Enter a whole number greater than zero, or leave it empty.");
        return {};
    }
    const auto value = parseDecimalInput(text);
    if (!value)
        return tr("“%1” is not a number.").arg(text);
    if (value->isNegative() || (value->isZero() && !zeroAllowed(key)))
        return tr("Enter a number greater than zero, or leave it empty.");
    return {};
}

void AccountLimitsDialog::validate() {
    m_valid = true;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        const QString problem = fieldProblem(it.key());
        QLabel* error = m_errors.value(it.key());
        error->setText(problem);
        error->setVisible(!problem.isEmpty());
        m_valid = m_valid && problem.isEmpty();
    }
    m_save->setEnabled(m_valid);
}

RiskLimits AccountLimitsDialog::limits() const {
    QJsonObject json;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        const QString text = it.value()->text().trimmed();
        if (text.isEmpty() || !fieldProblem(it.key()).isEmpty())
            continue;
        if (isWhole(it.key()))
            json.insert(it.key(), text.toInt());
        else
            json.insert(it.key(), parseDecimalInput(text)->toString());
    }
    return riskLimitsFromJson(json);
}

} // namespace hoga
