#pragma once

#include "venues/venue_factory.h"

#include <QObject>

#include <functional>
#include <map>
#include <memory>

namespace hoga {

class ConnectorHost;

// Checks an API key against its venue without changing anything there: creates the venue's connector with
// the key (on its own thread, as the app does) and reads the balances, a private read-only call.
class VenueKeyTester : public QObject {
    Q_OBJECT

public:
    struct Outcome {
        bool works = false;
        int balances = 0;
        QString message; // translated: "Key works: 3 balances readable." or the venue's answer
    };

    explicit VenueKeyTester(QObject* parent = nullptr);

    // Takes a copy of `credentials`; the caller may wipe its own at once. `done` runs on this object's
    // thread, unless this object is destroyed first.
    void test(const QString& venue, const VenueEndpoints& endpoints, const Credentials& credentials,
              std::function<void(Outcome)> done);

    ~VenueKeyTester() override;

private:
    // Hosts of running tests. Owned here, not by the continuations, so a host is always destroyed on this
    // object's thread (destroying it from the connector's own thread would deadlock).
    std::map<const void*, std::unique_ptr<ConnectorHost>> m_hosts;
};

} // namespace hoga
