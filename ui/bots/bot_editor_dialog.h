#pragma once

#include "session/profile_engine.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QWidget;

namespace hoga {

// Creates or edits a bot: name, strategy template, venue and market, the template's parameters (a field
// each, checked as you type with the template's own translated messages) and the bot's risk limits. OK
// stays disabled while anything is invalid; the reason is shown under the field it belongs to.
class BotEditorDialog : public QDialog {
    Q_OBJECT
public:
    // `existing`: edit that bot (its name, strategy, venue and market are fixed); else create one.
    BotEditorDialog(ProfileEngine* engine, std::optional<BotSnapshot> existing, QWidget* parent = nullptr);

    // Starts a new bot's form on this venue and market (when the venue takes bots).
    void preferMarket(const QString& venue, const QString& market);

    BotSpec spec() const;
    bool isValid() const { return m_valid; }
    // The first problem, or empty.
    QString problem() const;

    // Fields by key, for tests: a parameter's key ("period") or a limit's key ("max_order_value").
    QWidget* parameterField(const QString& key) const { return m_paramFields.value(key); }
    QLineEdit* limitField(const QString& key) const { return m_limitFields.value(key); }

private:
    void buildParameters();
    void fillMarkets();
    void validate();
    QString fieldText(const QString& key) const;
    RiskLimits limits(QStringList* errors) const;

    ProfileEngine* m_engine;
    std::optional<BotSnapshot> m_existing;
    QLineEdit* m_name;
    QComboBox* m_strategy;
    QLabel* m_description;
    QComboBox* m_venue;
    QComboBox* m_market;
    QFormLayout* m_paramForm;
    QWidget* m_paramBox;
    QHash<QString, QWidget*> m_paramFields;
    QHash<QString, QLabel*> m_paramErrors;
    QHash<QString, QLineEdit*> m_limitFields;
    QHash<QString, QLabel*> m_limitErrors;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
    bool m_valid = false;
};

} // namespace hoga
