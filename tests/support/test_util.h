#pragma once

#include <QString>

namespace hoga::test {

// Folder of the venues' real payloads (shared/fixtures), from HOGA_FIXTURES_DIR.
QString fixturesDir();
// The bytes of one fixture, e.g. fixture("upbit/rest_ticker.json"); fails the current test if missing.
QByteArray fixture(const QString& relativePath);

} // namespace hoga::test
