#include "bot_editor_dialog.h"

#include "format/decimal_format.h"

#include "marketdata/market_data_hub.h"
#include "session/venue_session.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace hoga {

namespace {

struct LimitField {
    QString key;
    QString label;
    bool whole; // a count, not an amount
};

QLabel* errorLabel(QWidget* parent, const QString& name) {
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setStyleSheet(QStringLiteral("color: #e0565b;"));
    label->setWordWrap(true);
    label->hide();
    return label;
}

void showError(QLabel* label, const QString& text) {
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

} // namespace

BotEditorDialog::BotEditorDialog(ProfileEngine* engine, std::optional<BotSnapshot> existing, QWidget* parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_existing(std::move(existing)) {
    setObjectName(QStringLiteral("botEditor"));
    setWindowTitle(m_existing ? tr("Edit bot %1").arg(m_existing->record.id) : tr("New bot"));
    auto* layout = new QVBoxLayout(this);

    auto* general = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("botNameEdit"));
    m_name->setPlaceholderText(tr("A name for the bot, unique in this profile"));
    general->addRow(tr("Name"), m_name);

    m_strategy = new QComboBox(this);
    m_strategy->setObjectName(QStringLiteral("strategyCombo"));
    for (const StrategyTemplate& t : builtInStrategies())
        m_strategy->addItem(t.name, t.id);
    general->addRow(tr("Strategy"), m_strategy);
    m_description = new QLabel(this);
    m_description->setWordWrap(true);
    m_description->setObjectName(QStringLiteral("strategyDescription"));
    general->addRow(QString(), m_description);

    m_venue = new QComboBox(this);
    m_venue->setObjectName(QStringLiteral("venueCombo"));
    for (VenueSession* s : engine->sessions())
        if (s->hasCredentials())
            m_venue->addItem(s->displayName(), s->venueId());
    general->addRow(tr("Venue"), m_venue);
    m_market = new QComboBox(this);
    m_market->setObjectName(QStringLiteral("marketCombo"));
    m_market->setEditable(true);
    general->addRow(tr("Market"), m_market);
    layout->addLayout(general);

    auto* params = new QGroupBox(tr("Parameters"), this);
    m_paramBox = params;
    m_paramForm = new QFormLayout(params);
    layout->addWidget(params);

    auto* risk = new QGroupBox(tr("Risk limits (empty: no limit)"), this);
    auto* riskForm = new QFormLayout(risk);
    const QVector<LimitField> limitFields = {
        {QStringLiteral("max_order_value"), tr("Largest order value (quote currency)"), false},
        {QStringLiteral("max_position"), tr("Largest position (base currency)"), false},
        {QStringLiteral("max_open_orders"), tr("Most open orders"), true},
        {QStringLiteral("max_orders_per_minute"), tr("Most orders per minute"), true},
        {QStringLiteral("max_price_deviation_pct"), tr("Limit price within % of the last price"), false},
        {QStringLiteral("cash_reserve"), tr("Cash reserve the bot may not spend"), false},
        {QStringLiteral("daily_loss_limit"), tr("Daily loss limit (halts the bot)"), false},
    };
    const QJsonObject current = m_existing ? riskLimitsToJson(m_existing->limits) : QJsonObject();
    for (const LimitField& f : limitFields) {
        auto* edit = new QLineEdit(risk);
        edit->setObjectName(QStringLiteral("limit_") + f.key);
        edit->setProperty("whole", f.whole);
        const QJsonValue v = current.value(f.key);
        edit->setText(v.isDouble() ? QString::number(v.toInt()) : v.toString());
        auto* error = errorLabel(risk, QStringLiteral("limitError_") + f.key);
        auto* cell = new QWidget(risk);
        auto* cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        cellLayout->addWidget(edit);
        cellLayout->addWidget(error);
        riskForm->addRow(f.label, cell);
        m_limitFields.insert(f.key, edit);
        m_limitErrors.insert(f.key, error);
        connect(edit, &QLineEdit::textChanged, this, &BotEditorDialog::validate);
    }
    layout->addWidget(risk);

    m_error = errorLabel(this, QStringLiteral("editorError"));
    layout->addWidget(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("botEditorOk"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(m_existing ? tr("Save") : tr("Create"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        validate();
        if (m_valid)
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    if (m_existing) {
        const BotRecord& r = m_existing->record;
        m_name->setText(r.id);
        m_name->setEnabled(false);
        m_strategy->setCurrentIndex(std::max(0, m_strategy->findData(r.strategy)));
        m_venue->setCurrentIndex(std::max(0, m_venue->findData(r.venue)));
        m_strategy->setEnabled(false);
        m_venue->setEnabled(false);
        m_market->setEnabled(false);
    } else {
        m_name->setText(engine->uniqueBotId(tr("Bot")));
    }
    fillMarkets();
    if (m_existing)
        m_market->setCurrentText(m_existing->record.market);
    buildParameters();

    connect(m_name, &QLineEdit::textChanged, this, &BotEditorDialog::validate);
    connect(m_strategy, &QComboBox::currentIndexChanged, this, [this] {
        buildParameters();
        validate();
    });
    connect(m_venue, &QComboBox::currentIndexChanged, this, [this] {
        fillMarkets();
        validate();
    });
    connect(m_market, &QComboBox::currentTextChanged, this, &BotEditorDialog::validate);
    validate();
}

void BotEditorDialog::preferMarket(const QString& venue, const QString& market) {
    const int index = m_venue->findData(venue);
    if (index < 0 || m_existing)
        return;
    m_venue->setCurrentIndex(index);
    if (m_market->findText(market) >= 0)
        m_market->setCurrentText(market);
    validate();
}

void BotEditorDialog::fillMarkets() {
    const QString venue = m_venue->currentData().toString();
    const QString keep = m_market->currentText();
    m_market->clear();
    for (VenueSession* s : m_engine->sessions()) {
        if (s->venueId() != venue)
            continue;
        QStringList codes;
        for (const Market& m : s->hub()->markets())
            codes << m.code;
        codes.sort();
        m_market->addItems(codes);
    }
    if (!keep.isEmpty() && m_market->findText(keep) >= 0)
        m_market->setCurrentText(keep);
}

void BotEditorDialog::buildParameters() {
    while (m_paramForm->rowCount() > 0)
        m_paramForm->removeRow(0);
    m_paramFields.clear();
    m_paramErrors.clear();
    const StrategyTemplate* t = findStrategy(m_strategy->currentData().toString());
    m_description->setText(t ? t->description : QString());
    if (!t)
        return;
    for (const StrategyParameter& p : t->parameters) {
        const QString value = m_existing && m_existing->record.strategy == t->id
                                  ? m_existing->record.params.value(p.key).toString(p.defaultValue)
                                  : p.defaultValue;
        QWidget* field = nullptr;
        if (p.type == StrategyParameter::Type::Choice) {
            auto* combo = new QComboBox(m_paramBox);
            combo->addItems(p.choices);
            combo->setCurrentText(value);
            connect(combo, &QComboBox::currentTextChanged, this, &BotEditorDialog::validate);
            field = combo;
        } else {
            auto* edit = new QLineEdit(m_paramBox);
            edit->setText(value);
            if (p.required)
                edit->setPlaceholderText(tr("required"));
            connect(edit, &QLineEdit::textChanged, this, &BotEditorDialog::validate);
            field = edit;
        }
        field->setObjectName(QStringLiteral("param_") + p.key);
        field->setToolTip(p.description);
        auto* error = errorLabel(m_paramBox, QStringLiteral("paramError_") + p.key);
        auto* cell = new QWidget(m_paramBox);
        auto* cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        cellLayout->addWidget(field);
        cellLayout->addWidget(error);
        m_paramForm->addRow(p.label, cell);
        m_paramFields.insert(p.key, field);
        m_paramErrors.insert(p.key, error);
    }
}

QString BotEditorDialog::fieldText(const QString& key) const {
    QWidget* field = m_paramFields.value(key);
    if (auto* edit = qobject_cast<QLineEdit*>(field))
        return edit->text().trimmed();
    if (auto* combo = qobject_cast<QComboBox*>(field))
        return combo->currentText();
    return {};
}

RiskLimits BotEditorDialog::limits(QStringList* errors) const {
    QJsonObject json;
    for (auto it = m_limitFields.begin(); it != m_limitFields.end(); ++it) {
        const QString text = it.value()->text().trimmed();
        QString error;
        if (!text.isEmpty()) {
            if (it.value()->property("whole").toBool()) {
                bool ok = false;
                const int n = text.toInt(&ok);
                if (!ok || n <= 0)
                    error = tr("Enter a whole number greater than zero, or leave it empty.");
                else
                    json.insert(it.key(), n);
            } else {
                const auto value = parseDecimalInput(text);
                if (!value || value->isNegative() ||
                    (value->isZero() && it.key() != QLatin1String("cash_reserve")))
                    error = tr("Enter a number greater than zero, or leave it empty.");
                else
                    json.insert(it.key(), value->toString());
            }
        }
        showError(m_limitErrors.value(it.key()), error);
        if (errors && !error.isEmpty())
            *errors << error;
    }
    return riskLimitsFromJson(json);
}

BotSpec BotEditorDialog::spec() const {
    BotSpec spec;
    spec.id = m_name->text().trimmed();
    spec.strategy = m_strategy->currentData().toString();
    spec.venue = m_venue->currentData().toString();
    spec.market = m_market->currentText().trimmed();
    for (auto it = m_paramFields.begin(); it != m_paramFields.end(); ++it)
        spec.params.insert(it.key(), fieldText(it.key()));
    spec.limits = limits(nullptr);
    return spec;
}

QString BotEditorDialog::problem() const {
    return m_error->text();
}

void BotEditorDialog::validate() {
    bool ok = true;
    const StrategyTemplate* t = findStrategy(m_strategy->currentData().toString());
    if (t) {
        for (const StrategyParameter& p : t->parameters) {
            const QString text = fieldText(p.key);
            QString error;
            if (text.isEmpty() && p.required)
                error = tr("Required.");
            else if (!text.isEmpty())
                error = validateParameter(p, text).value_or(QString());
            showError(m_paramErrors.value(p.key), error);
            ok = ok && error.isEmpty();
        }
    }
    QStringList limitErrors;
    limits(&limitErrors);
    ok = ok && limitErrors.isEmpty();
    // The whole bot: unique name, venue, market and the template's cross-parameter checks.
    QString overall;
    if (ok)
        overall = m_engine->validateBot(spec(), !m_existing).value_or(QString());
    showError(m_error, overall);
    m_valid = ok && overall.isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_valid);
}

} // namespace hoga
