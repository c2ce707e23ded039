// The connector conformance suite against the strict loopback Bithumb (API 2.0) fake.
#include "venues/upbit/fake_target.h"

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    return hoga::test::runConformance(hoga::test::fakeConformanceTarget(hoga::test::FakeFlavor::Bithumb),
                                      argc, argv);
}
