#include "crash_point.h"

#include <QByteArray>

#include <csignal>
#include <cstdlib>

namespace hoga {

void crashPoint(const char* step) {
    static const QByteArray wanted = qgetenv("HOGA_TEST_CRASH_AT");
    if (!wanted.isEmpty() && wanted == step)
        std::raise(SIGKILL);
}

} // namespace hoga
