#include "market_data_url.h"

#include <QCryptographicHash>
#include <QUrl>

namespace hoga {

MarketDataUrl MarketDataUrl::sqlite(const QString& filePath) {
    MarketDataUrl url;
    url.engine = Engine::Sqlite;
    url.filePath = filePath;
    return url;
}

std::optional<MarketDataUrl> MarketDataUrl::parse(const QString& text) {
    if (text.isEmpty())
        return std::nullopt;
    if (text.startsWith(QLatin1String("postgresql://")) || text.startsWith(QLatin1String("postgres://"))) {
        const QUrl url(text, QUrl::StrictMode);
        const QString database = url.path().mid(1);
        if (!url.isValid() || url.host().isEmpty() || database.isEmpty() || !url.password().isEmpty())
            return std::nullopt;
        MarketDataUrl result;
        result.engine = Engine::Postgres;
        result.host = url.host();
        result.port = url.port(5432);
        result.user = url.userName();
        result.database = database;
        return result;
    }
    if (text.startsWith(QLatin1String("sqlite://"))) {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.path().isEmpty())
            return std::nullopt;
        return sqlite(url.path());
    }
    if (text.contains(QLatin1String("://")))
        return std::nullopt;
    return sqlite(text);
}

QString MarketDataUrl::describe() const {
    if (engine == Engine::Sqlite)
        return filePath;
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

QString MarketDataUrl::secretKey() const {
    const QByteArray digest = QCryptographicHash::hash(describe().toUtf8(), QCryptographicHash::Sha256);
    return QStringLiteral("research/postgres/") + QString::fromLatin1(digest.toHex());
}

} // namespace hoga
