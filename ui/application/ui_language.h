#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace hoga {

// The user's language choice (View → Language, the --lang option).
enum class UiLanguage { System, English, Korean };

QString languageCode(UiLanguage language);        // "", "en", "ko"
UiLanguage languageFromCode(const QString& code); // anything unknown = System
// What a choice means on this machine: English or Korean (System follows the system locale).
UiLanguage effectiveLanguage(UiLanguage choice, const QLocale& system = QLocale::system());

// Installs the translators for `effective` into `app`: Hoga's own (:/i18n/hoga_ko.qm, skipped if it was
// not built) and Qt's qtbase_ko from Qt's translations folder. Also makes the matching locale the default
// for number formatting. Returns false if Hoga's own catalogue was missing.
bool installTranslations(QCoreApplication& app, UiLanguage effective);

} // namespace hoga
