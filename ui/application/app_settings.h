#pragma once

#include "theme/price_colors.h"

#include <QByteArray>
#include <QList>
#include <QSettings>
#include <QString>

#include <memory>
#include <optional>

namespace hoga {

// Hoga's persistent preferences (organisation "Hoga", application "Hoga"). The environment variable
// HOGA_SETTINGS_PATH, when set, points at an INI file used instead (tests, portable setups).
class AppSettings {
public:
    AppSettings();
    explicit AppSettings(const QString& iniPath);
    ~AppSettings();

    static constexpr const char* kPathVariable = "HOGA_SETTINGS_PATH";
    QString fileName() const;

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& state);
    QByteArray splitterState(const QString& name) const;
    void setSplitterState(const QString& name, const QByteArray& state);

    QString selectedMarket(const QString& venue) const;
    void setSelectedMarket(const QString& venue, const QString& market);
    QString selectedTab() const; // the tab's object name
    void setSelectedTab(const QString& objectName);
    QString chartInterval() const; // intervalName() text, empty if never chosen
    void setChartInterval(const QString& interval);

    std::optional<ColorConvention> colorConvention() const; // nullopt = follow the language
    void setColorConvention(ColorConvention convention);
    QString language() const; // "", "en" or "ko"; empty = the system's
    void setLanguage(const QString& code);

    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace hoga
