#pragma once

#include "trading/risk/risk_limits.h"

#include <QDialog>
#include <QHash>

class QLabel;
class QLineEdit;
class QPushButton;

namespace hoga {

// Profile > Risk limits…: the account's own pre-trade limits, checked for every order of the profile (the
// ticket's and every bot's) on top of each bot's limits. An empty field is no limit. Every field is checked
// as the trader types (exact decimals, whole numbers for counts); the translated reason shows under the field
// and Save stays disabled until all are valid. Object names: limit_<key> (the riskLimitsToJson keys),
// limitError_<key>, accountLimitsSave.
class AccountLimitsDialog : public QDialog {
    Q_OBJECT
public:
    explicit AccountLimitsDialog(const RiskLimits& current, QWidget* parent = nullptr);

    // The limits as entered (meaningful when isValid()).
    RiskLimits limits() const;
    bool isValid() const { return m_valid; }
    QLineEdit* field(const QString& key) const { return m_fields.value(key); }
    QLabel* fieldError(const QString& key) const { return m_errors.value(key); }
    QPushButton* saveButton() const { return m_save; }

private:
    void validate();
    // The field's reason to refuse its text, empty when it is valid.
    QString fieldProblem(const QString& key) const;

    QHash<QString, QLineEdit*> m_fields;
    QHash<QString, QLabel*> m_errors;
    QPushButton* m_save = nullptr;
    bool m_valid = true;
};

} // namespace hoga
