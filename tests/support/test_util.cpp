#include "test_util.h"

#include <QFile>
#include <QTest>

namespace hoga::test {

QString fixturesDir()
{
    return qEnvironmentVariable("HOGA_FIXTURES_DIR", QStringLiteral("../shared/fixtures"));
}

QByteArray fixture(const QString& relativePath)
{
    QFile f(fixturesDir() + QLatin1Char('/') + relativePath);
    if (!f.open(QIODevice::ReadOnly)) {
        qWarning("fixture not found: %s", qPrintable(f.fileName()));
        return {};
    }
    return f.readAll();
}

} // namespace hoga::test
