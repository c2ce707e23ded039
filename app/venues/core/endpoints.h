#pragma once

#include <QUrl>

namespace hoga {

// Where a venue is reached. Empty URLs mean the venue's public production endpoints; tests point them at
// loopback fake venues.
struct VenueEndpoints {
    QUrl restUrl;      // e.g. https://api.upbit.com (paths such as /v1/ticker are appended)
    QUrl wsUrl;        // public stream
    QUrl privateWsUrl; // private (account) stream
};

} // namespace hoga
