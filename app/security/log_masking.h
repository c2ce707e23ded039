#pragma once

#include <QString>

namespace hoga {

// Replaces anything in `text` that looks like a credential with "[REDACTED]":
//  - JSON Web Tokens (eyJ...);
//  - the credential after "Bearer", "Basic" or "Token", and any "Authorization:" header value;
//  - the value of key=value / "key": "value" pairs whose key names a secret (secret, password, token,
//    api_key, access_key, signature, ...);
//  - runs of 20 or more key-like characters: letters/digits/'-'/'_' containing both letters and digits
//    (hex, UUIDs, base62 and base64url keys), or standard base64 containing upper, lower case and digits.
// Ordinary words, prices, market names and URL paths stay readable.
QString maskSecrets(const QString& text);

// Installs a Qt message handler that masks every log line with maskSecrets() and hands it to the handler
// installed before (Qt's default one if none). Idempotent; call once early in main().
void installLogMasking();
// Restores the previous handler (for tests).
void uninstallLogMasking();

} // namespace hoga
