#pragma once

#include "alerts/price_alert.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace hoga {

class MessageLabel;

// Asks for a new price alert: market ("venue:market"), kind, threshold and, for a percentage move, the
// window. Checked as the trader types; OK is enabled only for a valid alert, and the translated reason
// shows under the fields. Object names: alertMarket, alertKind, alertThreshold, alertWindow, alertError.
class PriceAlertEditor : public QDialog {
    Q_OBJECT
public:
    // `marketKeys`: the markets to offer ("upbit:KRW-BTC"); any other well-formed key is accepted when it
    // is empty. `currentMarket` is preselected.
    PriceAlertEditor(const QStringList& marketKeys, const QString& currentMarket, QWidget* parent = nullptr);

    // The alert as entered (valid when error() is empty).
    PriceAlert alert() const;
    QString error() const { return m_error; }
    QPushButton* okButton() const { return m_ok; }

private:
    void validate();
    QString currentError() const;
    QString thresholdMissing() const;
    void kindChanged();

    QStringList m_marketKeys;
    QComboBox* m_market = nullptr;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_threshold = nullptr;
    QSpinBox* m_window = nullptr;
    MessageLabel* m_message = nullptr;
    QPushButton* m_ok = nullptr;
    QString m_error;
};

} // namespace hoga
