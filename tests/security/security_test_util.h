#pragma once

#include "security/secret_store.h"

#include <QObject>
#include <QTest>

#include <optional>

namespace hoga::test {

constexpr int kSecretWaitMs = 20'000;

// Calls `start(context, callback)` and waits (processing events, never sleeping) until the callback ran.
template <class Start> SecretResult awaitSecret(Start&& start, int timeoutMs = kSecretWaitMs) {
    QObject context;
    std::optional<SecretResult> result;
    start(&context, [&result](SecretResult r) { result = std::move(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs))
        return SecretResult::failure(SecretStatus::Failed, QStringLiteral("test: no answer in time"));
    return *result;
}

inline SecretResult readSecret(SecretStore& store, const QString& key) {
    return awaitSecret([&](QObject* c, SecretCallback cb) { store.read(key, c, std::move(cb)); });
}
inline SecretResult writeSecret(SecretStore& store, const QString& key, const QByteArray& value) {
    return awaitSecret([&](QObject* c, SecretCallback cb) { store.write(key, value, c, std::move(cb)); });
}
inline SecretResult removeSecret(SecretStore& store, const QString& key) {
    return awaitSecret([&](QObject* c, SecretCallback cb) { store.remove(key, c, std::move(cb)); });
}

// True when a Secret Service can be reached (the test command runs under dbus-run-session + with-keyring.sh).
inline bool hasSessionBus() {
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
}

} // namespace hoga::test

#define HOGA_REQUIRE_SESSION_BUS()                                                                           \
    do {                                                                                                     \
        if (!hoga::test::hasSessionBus())                                                                    \
            QSKIP(                                                                                           \
                "DBUS_SESSION_BUS_ADDRESS is unset: run under "                                              \
                "'dbus-run-session -- tests/support/with-keyring.sh ctest ...' to test the real keychain");  \
    } while (false)
