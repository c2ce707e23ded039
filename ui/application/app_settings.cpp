#include "app_settings.h"

#include <algorithm>

namespace hoga {

namespace {

std::unique_ptr<QSettings> openSettings() {
    const QString path = qEnvironmentVariable(AppSettings::kPathVariable);
    if (!path.isEmpty())
        return std::make_unique<QSettings>(path, QSettings::IniFormat);
    return std::make_unique<QSettings>(QStringLiteral("Hoga"), QStringLiteral("Hoga"));
}

} // namespace

AppSettings::AppSettings()
    : m_settings(openSettings()) {}

AppSettings::AppSettings(const QString& iniPath)
    : m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat)) {}

AppSettings::~AppSettings() = default;

std::unique_ptr<AppSettings> AppSettings::forProfile(const QString& profileIniPath) {
    const QString overridePath = qEnvironmentVariable(kPathVariable);
    auto settings = std::make_unique<AppSettings>(overridePath.isEmpty() ? profileIniPath : overridePath);
    if (overridePath.isEmpty())
        settings->m_global = openSettings();
    return settings;
}

QString AppSettings::fileName() const {
    return m_settings->fileName();
}

QByteArray AppSettings::windowGeometry() const {
    return m_settings->value(QStringLiteral("window/geometry")).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray& geometry) {
    m_settings->setValue(QStringLiteral("window/geometry"), geometry);
}

QByteArray AppSettings::windowState() const {
    return m_settings->value(QStringLiteral("window/state")).toByteArray();
}

void AppSettings::setWindowState(const QByteArray& state) {
    m_settings->setValue(QStringLiteral("window/state"), state);
}

QByteArray AppSettings::splitterState(const QString& name) const {
    return m_settings->value(QStringLiteral("splitters/") + name).toByteArray();
}

void AppSettings::setSplitterState(const QString& name, const QByteArray& state) {
    m_settings->setValue(QStringLiteral("splitters/") + name, state);
}

QString AppSettings::selectedMarket(const QString& venue) const {
    return m_settings->value(QStringLiteral("markets/") + venue).toString();
}

void AppSettings::setSelectedMarket(const QString& venue, const QString& market) {
    m_settings->setValue(QStringLiteral("markets/") + venue, market);
}

QString AppSettings::selectedTab() const {
    return m_settings->value(QStringLiteral("window/tab")).toString();
}

void AppSettings::setSelectedTab(const QString& objectName) {
    m_settings->setValue(QStringLiteral("window/tab"), objectName);
}

QString AppSettings::chartInterval() const {
    return m_settings->value(QStringLiteral("chart/interval")).toString();
}

void AppSettings::setChartInterval(const QString& interval) {
    m_settings->setValue(QStringLiteral("chart/interval"), interval);
}

std::optional<ColorConvention> AppSettings::colorConvention() const {
    const QString value = m_settings->value(QStringLiteral("view/colorConvention")).toString();
    if (value == QLatin1String("korean"))
        return ColorConvention::Korean;
    if (value == QLatin1String("international"))
        return ColorConvention::International;
    return std::nullopt;
}

void AppSettings::setColorConvention(ColorConvention convention) {
    m_settings->setValue(QStringLiteral("view/colorConvention"), convention == ColorConvention::Korean
                                                                     ? QStringLiteral("korean")
                                                                     : QStringLiteral("international"));
}

QString AppSettings::language() const {
    return (m_global ? *m_global : *m_settings).value(QStringLiteral("view/language")).toString();
}

void AppSettings::setLanguage(const QString& code) {
    (m_global ? *m_global : *m_settings).setValue(QStringLiteral("view/language"), code);
}

int AppSettings::autoLockMinutes() const {
    return std::max(0, m_settings->value(QStringLiteral("security/autoLockMinutes"), 0).toInt());
}

void AppSettings::setAutoLockMinutes(int minutes) {
    m_settings->setValue(QStringLiteral("security/autoLockMinutes"), std::max(0, minutes));
}

QString AppSettings::selectedVenue() const {
    return m_settings->value(QStringLiteral("markets/currentVenue")).toString();
}

void AppSettings::setSelectedVenue(const QString& venue) {
    m_settings->setValue(QStringLiteral("markets/currentVenue"), venue);
}

QStringList AppSettings::watchlist(const QString& venue) const {
    return m_settings->value(QStringLiteral("watchlist/") + venue).toStringList();
}

void AppSettings::setWatchlist(const QString& venue, const QStringList& codes) {
    m_settings->setValue(QStringLiteral("watchlist/") + venue, codes);
}

bool AppSettings::confirmPaperOrders() const {
    return m_settings->value(QStringLiteral("orders/confirmPaper"), true).toBool();
}

void AppSettings::setConfirmPaperOrders(bool confirm) {
    m_settings->setValue(QStringLiteral("orders/confirmPaper"), confirm);
}

bool AppSettings::hideToTrayOnClose() const {
    return m_settings->value(QStringLiteral("tray/hideOnClose"), true).toBool();
}

void AppSettings::setHideToTrayOnClose(bool hide) {
    m_settings->setValue(QStringLiteral("tray/hideOnClose"), hide);
}

bool AppSettings::trayNoticeShown() const {
    return m_settings->value(QStringLiteral("tray/noticeShown"), false).toBool();
}

void AppSettings::setTrayNoticeShown(bool shown) {
    m_settings->setValue(QStringLiteral("tray/noticeShown"), shown);
}

bool AppSettings::restartBotsAtLogin() const {
    return m_settings->value(QStringLiteral("bots/restartAtLogin"), true).toBool();
}

void AppSettings::setRestartBotsAtLogin(bool restart) {
    m_settings->setValue(QStringLiteral("bots/restartAtLogin"), restart);
}

void AppSettings::sync() {
    m_settings->sync();
    if (m_global)
        m_global->sync();
}

} // namespace hoga
