// The connector conformance suite against the strict loopback Upbit fake.
#include "venues/upbit/fake_target.h"

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    return hoga::test::runConformance(hoga::test::fakeConformanceTarget(hoga::test::FakeFlavor::Upbit), argc,
                                      argv);
}
