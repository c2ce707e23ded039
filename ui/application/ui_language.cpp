#include "ui_language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace hoga {

QString languageCode(UiLanguage language) {
    switch (language) {
    case UiLanguage::System:
        return {};
    case UiLanguage::English:
        return QStringLiteral("en");
    case UiLanguage::Korean:
        return QStringLiteral("ko");
    }
    return {};
}

UiLanguage languageFromCode(const QString& code) {
    const QString c = code.trimmed().toLower();
    if (c == QLatin1String("en") || c.startsWith(QLatin1String("en_")))
        return UiLanguage::English;
    if (c == QLatin1String("ko") || c.startsWith(QLatin1String("ko_")))
        return UiLanguage::Korean;
    return UiLanguage::System;
}

UiLanguage effectiveLanguage(UiLanguage choice, const QLocale& system) {
    if (choice != UiLanguage::System)
        return choice;
    return system.language() == QLocale::Korean ? UiLanguage::Korean : UiLanguage::English;
}

bool installTranslations(QCoreApplication& app, UiLanguage effective) {
    if (effective != UiLanguage::Korean) {
        // An explicit English choice on a Korean system still formats numbers the system's way.
        return true;
    }
    QLocale::setDefault(QLocale(QLocale::Korean, QLocale::SouthKorea));

    auto* qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_ko"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    auto* own = new QTranslator(&app);
    if (own->load(QStringLiteral(":/i18n/hoga_ko.qm"))) {
        QCoreApplication::installTranslator(own);
        return true;
    }
    delete own;
    return false;
}

} // namespace hoga
