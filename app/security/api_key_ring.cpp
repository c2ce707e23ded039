#include "api_key_ring.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

namespace hoga {

namespace {

const QString kIndexKey = QStringLiteral("_index/venues");

QString accessKeyName(const QString& venue) {
    return venue + QLatin1String("/access_key");
}
QString secretKeyName(const QString& venue) {
    return venue + QLatin1String("/secret_key");
}

QStringList parseIndex(const QByteArray& data) {
    QStringList venues;
    for (const QByteArray& line : data.split('\n')) {
        const QString venue = QString::fromUtf8(line);
        if (ApiKeyRing::isValidVenueName(venue) && !venues.contains(venue))
            venues.append(venue);
    }
    return venues;
}

SecretResult invalidVenue(const QString& venue) {
    return SecretResult::failure(
        SecretStatus::InvalidKey,
        QCoreApplication::translate("hoga::ApiKeyRing", "\"%1\" is not a venue name.").arg(venue));
}

} // namespace

QString ApiKeyPair::maskedAccessKey() const {
    return ApiKeyRing::mask(accessKey);
}

ApiKeyRing::ApiKeyRing(std::shared_ptr<SecretStore> store, QObject* parent)
    : QObject(parent)
    , m_store(std::move(store)) {}

bool ApiKeyRing::isValidVenueName(const QString& venue) {
    if (venue.isEmpty() || venue.size() > 32)
        return false;
    for (int i = 0; i < venue.size(); ++i) {
        const QChar c = venue.at(i);
        const bool alnum = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                           (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
        if (!alnum && (i == 0 || (c != QLatin1Char('_') && c != QLatin1Char('-'))))
            return false;
    }
    return true;
}

QString ApiKeyRing::mask(const QString& text) {
    if (text.size() < 12)
        return QString(std::max<qsizetype>(text.size(), 4), QChar(0x2022)); // bullets, length hint only
    return text.left(4) + QChar(0x2026) + text.right(4);
}

void ApiKeyRing::enqueue(Step step) {
    m_queue.push_back(std::move(step));
    if (!m_running) {
        m_running = true;
        // Start on the next event loop turn, so `done` never runs inside the call that queued it.
        QTimer::singleShot(0, this, [this] { runNext(); });
    }
}

void ApiKeyRing::runNext() {
    if (m_queue.empty()) {
        m_running = false;
        return;
    }
    m_running = true;
    Step step = std::move(m_queue.front());
    m_queue.pop_front();
    step([this] { runNext(); });
}

void ApiKeyRing::readIndex(std::function<void(SecretResult, QStringList)> then) {
    m_store->read(kIndexKey, this, [then = std::move(then)](SecretResult r) {
        if (r.status == SecretStatus::NotFound)
            return then(SecretResult::success(), {});
        if (!r.ok())
            return then(std::move(r), {});
        then(SecretResult::success(), parseIndex(r.data));
    });
}

void ApiKeyRing::writeIndex(const QStringList& venues, Done then) {
    if (venues.isEmpty())
        return m_store->remove(kIndexKey, this, std::move(then));
    m_store->write(kIndexKey, venues.join(QLatin1Char('\n')).toUtf8(), this, std::move(then));
}

void ApiKeyRing::setKey(const QString& venue, const ApiKeyPair& key, QObject* context, Done done) {
    QPointer<QObject> guard(context);
    auto finish = [guard, done](SecretResult r) {
        if (guard)
            done(std::move(r));
    };
    if (!isValidVenueName(venue))
        return enqueue([finish, venue](auto next) {
            finish(invalidVenue(venue));
            next();
        });
    if (key.isEmpty())
        return enqueue([finish](auto next) {
            finish(SecretResult::failure(SecretStatus::InvalidKey,
                                         QCoreApplication::translate("hoga::ApiKeyRing",
                                                                     "Enter both the access key and the "
                                                                     "secret key.")));
            next();
        });
    auto pair = std::make_shared<ApiKeyPair>(key);
    enqueue([this, venue, pair, finish](std::function<void()> next) {
        auto fail = [finish, next](SecretResult r) {
            finish(std::move(r));
            next();
        };
        m_store->write(accessKeyName(venue), pair->accessKey.toUtf8(), this, [=, this](SecretResult r) {
            if (!r.ok())
                return fail(std::move(r));
            m_store->write(secretKeyName(venue), pair->secretKey, this, [=, this](SecretResult r2) {
                pair->wipe();
                if (!r2.ok())
                    return fail(std::move(r2));
                readIndex([=, this](SecretResult r3, QStringList venues) {
                    if (!r3.ok())
                        return fail(std::move(r3));
                    if (venues.contains(venue))
                        return fail(SecretResult::success());
                    venues.append(venue);
                    writeIndex(venues, fail);
                });
            });
        });
    });
}

void ApiKeyRing::key(const QString& venue, QObject* context, KeyDone done) {
    QPointer<QObject> guard(context);
    auto finish = [guard, done](SecretResult r, ApiKeyPair pair) {
        if (guard)
            done(std::move(r), std::move(pair));
    };
    if (!isValidVenueName(venue))
        return enqueue([finish, venue](auto next) {
            finish(invalidVenue(venue), {});
            next();
        });
    enqueue([this, venue, finish](std::function<void()> next) {
        m_store->read(accessKeyName(venue), this, [=, this](SecretResult access) {
            if (!access.ok()) {
                finish(std::move(access), {});
                return next();
            }
            m_store->read(secretKeyName(venue), this, [=](SecretResult secret) mutable {
                if (!secret.ok()) {
                    finish(std::move(secret), {});
                    return next();
                }
                ApiKeyPair pair(QString::fromUtf8(access.data),
                                QByteArray(secret.data.constData(), secret.data.size()));
                finish(SecretResult::success(), std::move(pair));
                next();
            });
        });
    });
}

void ApiKeyRing::venues(QObject* context, ListDone done) {
    QPointer<QObject> guard(context);
    enqueue([this, guard, done](std::function<void()> next) {
        readIndex([guard, done, next](SecretResult r, QStringList venues) {
            if (guard)
                done(std::move(r), venues);
            next();
        });
    });
}

void ApiKeyRing::removeVenueEntries(const QStringList& venues, int at, SecretResult firstError, Done then) {
    if (at >= venues.size() * 2)
        return then(std::move(firstError));
    const QString& venue = venues.at(at / 2);
    const QString key = at % 2 == 0 ? accessKeyName(venue) : secretKeyName(venue);
    m_store->remove(key, this, [this, venues, at, firstError, then](SecretResult r) mutable {
        if (!r.ok() && firstError.ok())
            firstError = std::move(r);
        removeVenueEntries(venues, at + 1, std::move(firstError), std::move(then));
    });
}

void ApiKeyRing::removeKey(const QString& venue, QObject* context, Done done) {
    QPointer<QObject> guard(context);
    auto finish = [guard, done](SecretResult r) {
        if (guard)
            done(std::move(r));
    };
    if (!isValidVenueName(venue))
        return enqueue([finish, venue](auto next) {
            finish(invalidVenue(venue));
            next();
        });
    enqueue([this, venue, finish](std::function<void()> next) {
        auto end = [finish, next](SecretResult r) {
            finish(std::move(r));
            next();
        };
        removeVenueEntries({venue}, 0, SecretResult::success(), [=, this](SecretResult removed) {
            if (!removed.ok())
                return end(std::move(removed));
            readIndex([=, this](SecretResult r, QStringList venues) {
                if (!r.ok() || !venues.contains(venue))
                    return end(std::move(r));
                venues.removeAll(venue);
                writeIndex(venues, end);
            });
        });
    });
}

void ApiKeyRing::removeAll(const QStringList& alsoVenues, QObject* context, Done done) {
    QPointer<QObject> guard(context);
    enqueue([this, alsoVenues, guard, done](std::function<void()> next) {
        auto end = [guard, done, next](SecretResult r) {
            if (guard)
                done(std::move(r));
            next();
        };
        readIndex([=, this](SecretResult r, QStringList venues) {
            // A missing keychain means nothing can be removed there; anything else we still try to clean.
            if (r.status == SecretStatus::NoKeychain)
                return end(std::move(r));
            for (const QString& v : alsoVenues) {
                if (isValidVenueName(v) && !venues.contains(v))
                    venues.append(v);
            }
            removeVenueEntries(venues, 0, SecretResult::success(), [=, this](SecretResult removed) {
                m_store->remove(kIndexKey, this, [=](SecretResult indexRemoved) {
                    end(!removed.ok() ? removed : indexRemoved);
                });
            });
        });
    });
}

} // namespace hoga
