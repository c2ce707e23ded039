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
QString fieldsName(const QString& venue) {
    return venue + QLatin1String("/_fields");
}
QString extraName(const QString& venue, const QString& id) {
    return venue + QLatin1Char('/') + id;
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

QStringList parseFieldIds(const QByteArray& data) {
    QStringList ids;
    for (const QByteArray& line : data.split('\n')) {
        const QString id = QString::fromUtf8(line);
        if (ApiKeyRing::isValidFieldId(id) && !ids.contains(id))
            ids.append(id);
    }
    return ids;
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

bool ApiKeyRing::isValidFieldId(const QString& id) {
    if (id.isEmpty() || id.size() > 32 || id == QLatin1String("access_key") ||
        id == QLatin1String("secret_key"))
        return false;
    for (int i = 0; i < id.size(); ++i) {
        const QChar c = id.at(i);
        const bool letter = c >= QLatin1Char('a') && c <= QLatin1Char('z');
        const bool digitOrUnderscore =
            (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_');
        if (!letter && (i == 0 || !digitOrUnderscore))
            return false;
    }
    return true;
}

QString ApiKeyRing::mask(const QString& text) {
    if (text.size() < 12)
        return QString(std::max<qsizetype>(text.size(), 4), QChar(0x2022)); // bullets, length hint only
    return text.left(4) + QChar(0x2026) + text.right(4);
}

void ApiKeyRing::enqueue(Operation operation) {
    m_queue.push_back(std::move(operation));
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
    Operation operation = std::move(m_queue.front());
    m_queue.pop_front();
    operation([this] { runNext(); });
}

void ApiKeyRing::readIndex(ListThen then) {
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

void ApiKeyRing::readFieldIds(const QString& venue, ListThen then) {
    m_store->read(fieldsName(venue), this, [then = std::move(then)](SecretResult r) {
        if (r.status == SecretStatus::NotFound) // no extras, or stored before extras existed
            return then(SecretResult::success(), {});
        if (!r.ok())
            return then(std::move(r), {});
        then(SecretResult::success(), parseFieldIds(r.data));
    });
}

void ApiKeyRing::writeFieldIds(const QString& venue, const QStringList& ids, Done then) {
    if (ids.isEmpty())
        return m_store->remove(fieldsName(venue), this, std::move(then));
    m_store->write(fieldsName(venue), ids.join(QLatin1Char('\n')).toUtf8(), this, std::move(then));
}

ApiKeyRing::Step ApiKeyRing::write(const QString& key, const QByteArray& value) {
    return [this, key, value](Done done) {
        m_store->write(key, value, this, std::move(done));
    };
}

void ApiKeyRing::runSteps(QList<Step> steps, Done then) {
    if (steps.isEmpty())
        return then(SecretResult::success());
    const Step step = steps.takeFirst();
    step([this, steps, then](SecretResult r) mutable {
        if (!r.ok())
            return then(std::move(r));
        runSteps(std::move(steps), std::move(then));
    });
}

void ApiKeyRing::removeEntries(QStringList keys, SecretResult firstError, Done then) {
    if (keys.isEmpty())
        return then(std::move(firstError));
    const QString key = keys.takeFirst();
    m_store->remove(key, this, [this, keys, firstError, then](SecretResult r) mutable {
        if (!r.ok() && firstError.ok())
            firstError = std::move(r);
        removeEntries(std::move(keys), std::move(firstError), std::move(then));
    });
}

void ApiKeyRing::readExtras(const QString& venue, QStringList ids, QHash<QString, QString> read,
                            std::function<void(SecretResult, QHash<QString, QString>)> then) {
    if (ids.isEmpty())
        return then(SecretResult::success(), std::move(read));
    const QString id = ids.takeFirst();
    m_store->read(extraName(venue, id), this, [=, this](SecretResult r) mutable {
        if (r.ok())
            read.insert(id, QString::fromUtf8(r.data));
        else if (r.status != SecretStatus::NotFound) // a listed field that is gone is simply absent
            return then(std::move(r), {});
        readExtras(venue, std::move(ids), std::move(read), std::move(then));
    });
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
    for (auto it = key.extras.constBegin(); it != key.extras.constEnd(); ++it) {
        if (!isValidFieldId(it.key()))
            return enqueue([finish, id = it.key()](auto next) {
                finish(SecretResult::failure(
                    SecretStatus::InvalidKey,
                    QCoreApplication::translate("hoga::ApiKeyRing", "\"%1\" is not a credential field name.")
                        .arg(id)));
                next();
            });
    }
    auto pair = std::make_shared<ApiKeyPair>(key);
    enqueue([this, venue, pair, finish](std::function<void()> next) {
        auto end = [finish, next](SecretResult r) {
            finish(std::move(r));
            next();
        };
        readFieldIds(venue, [this, venue, pair, end](SecretResult listed, QStringList oldIds) {
            if (!listed.ok())
                return end(std::move(listed));
            QStringList newIds; // an optional field left blank is not stored
            for (auto it = pair->extras.constBegin(); it != pair->extras.constEnd(); ++it)
                if (!it.value().isEmpty())
                    newIds.append(it.key());
            newIds.sort();
            // _fields names every extra entry that may exist at any moment, so a removal after a crash or a
            // failed write still finds them all: the union of old and new first, the exact list last.
            QStringList allIds = oldIds;
            for (const QString& id : std::as_const(newIds))
                if (!allIds.contains(id))
                    allIds.append(id);
            QStringList stale;
            for (const QString& id : std::as_const(oldIds))
                if (!newIds.contains(id))
                    stale.append(extraName(venue, id));

            QList<Step> steps;
            steps << write(accessKeyName(venue), pair->accessKey.toUtf8());
            steps << [this, venue, pair](Done stepDone) {
                m_store->write(secretKeyName(venue), pair->secretKey, this, [pair, stepDone](SecretResult r) {
                    secureWipe(pair->secretKey);
                    stepDone(std::move(r));
                });
            };
            if (allIds != oldIds)
                steps << [this, venue, allIds](Done stepDone) {
                    writeFieldIds(venue, allIds, std::move(stepDone));
                };
            for (const QString& id : std::as_const(newIds))
                steps << write(extraName(venue, id), pair->extras.value(id).toUtf8());
            if (!stale.isEmpty())
                steps << [this, stale](Done stepDone) {
                    removeEntries(stale, SecretResult::success(), stepDone);
                };
            if (allIds != newIds)
                steps << [this, venue, newIds](Done stepDone) {
                    writeFieldIds(venue, newIds, std::move(stepDone));
                };
            steps << [this, venue](Done stepDone) {
                readIndex([this, venue, stepDone](SecretResult r, QStringList venues) {
                    if (!r.ok() || venues.contains(venue))
                        return stepDone(std::move(r));
                    venues.append(venue);
                    writeIndex(venues, stepDone);
                });
            };
            runSteps(std::move(steps), [pair, end](SecretResult r) {
                pair->wipe();
                end(std::move(r));
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
        auto fail = [finish, next](SecretResult r) {
            finish(std::move(r), {});
            next();
        };
        m_store->read(accessKeyName(venue), this, [=, this](SecretResult access) {
            if (!access.ok())
                return fail(std::move(access));
            m_store->read(secretKeyName(venue), this, [=, this](SecretResult secret) {
                if (!secret.ok())
                    return fail(std::move(secret));
                // Own buffers: `secret` wipes its copy when it goes.
                auto pair = std::make_shared<ApiKeyPair>(
                    QString::fromUtf8(access.data), QByteArray(secret.data.constData(), secret.data.size()));
                readFieldIds(venue, [=, this](SecretResult listed, QStringList ids) {
                    if (!listed.ok())
                        return fail(std::move(listed));
                    readExtras(venue, ids, {}, [=](SecretResult read, QHash<QString, QString> extras) {
                        if (!read.ok())
                            return fail(std::move(read));
                        pair->extras = std::move(extras);
                        finish(SecretResult::success(), std::move(*pair));
                        next();
                    });
                });
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
    if (at >= venues.size())
        return then(std::move(firstError));
    const QString venue = venues.at(at);
    readFieldIds(venue, [=, this](SecretResult listed, QStringList ids) mutable {
        if (!listed.ok() && firstError.ok())
            firstError = listed;
        // The extras before the list that names them, so an interrupted removal can still find them.
        QStringList keys;
        for (const QString& id : std::as_const(ids))
            keys.append(extraName(venue, id));
        keys << fieldsName(venue) << accessKeyName(venue) << secretKeyName(venue);
        removeEntries(keys, std::move(firstError), [=, this](SecretResult removed) {
            removeVenueEntries(venues, at + 1, std::move(removed), then);
        });
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
