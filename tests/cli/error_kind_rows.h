#pragma once

// The one table of how each venue error kind appears on hoga-cli's stderr (kind name) and in its exit code,
// shared by the suites that check the mapping directly and through a whole run.

#include "core/error.h"

#include <QTest>

namespace hoga::test {

inline void addErrorKindRows() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("auth") << int(ErrorKind::Auth) << "auth" << 3;
    QTest::newRow("permission") << int(ErrorKind::Permission) << "permission" << 3;
    QTest::newRow("rate_limit") << int(ErrorKind::RateLimit) << "rate_limit" << 3;
    QTest::newRow("insufficient_funds") << int(ErrorKind::InsufficientFunds) << "insufficient_funds" << 3;
    QTest::newRow("invalid_order") << int(ErrorKind::InvalidOrder) << "invalid_order" << 3;
    QTest::newRow("not_found") << int(ErrorKind::NotFound) << "not_found" << 3;
    QTest::newRow("venue") << int(ErrorKind::Venue) << "venue" << 3;
    QTest::newRow("network") << int(ErrorKind::Network) << "network" << 4;
    QTest::newRow("cancelled") << int(ErrorKind::Cancelled) << "network" << 4;
}

} // namespace hoga::test
