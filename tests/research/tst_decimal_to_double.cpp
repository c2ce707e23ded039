// Decimal::toDouble's fast paths (the backtester's indicators read every close through it) give exactly
// what strtod gives for the canonical text, on random mantissas of every size and every scale.

#include "core/decimal.h"

#include <QTest>

#include <cstdlib>
#include <random>

using namespace hoga;

class TestDecimalToDouble : public QObject {
    Q_OBJECT
private slots:
    void equalsStrtodOfTheText() {
        std::mt19937_64 rng(2024);
        int checked = 0;
        for (int bits = 1; bits <= 126; ++bits) {
            for (int scale = 0; scale <= Decimal::kMaxScale; ++scale) {
                for (int k = 0; k < 20; ++k) {
                    Int128 m = (Int128(rng()) << 64) | Int128(rng());
                    m &= (Int128(1) << bits) - 1;
                    if (k % 2)
                        m = -m;
                    const Decimal d = Decimal::fromMantissa(m, scale);
                    const double expected = std::strtod(d.toStdString().c_str(), nullptr);
                    if (d.toDouble() != expected)
                        QFAIL(qPrintable(d.toString()));
                    ++checked;
                }
            }
        }
        QVERIFY(checked > 40'000);
        // The edges of the exact path and of 64-bit digits.
        for (const char* text : {"9007199254740991", "9007199254740993", "-9007199254740993.5",
                                 "18446744073709551615", "18446744073709551616", "0.000000000000000001",
                                 "45000000.5", "-0.00009101", "170141183460469231731687303715884105727"}) {
            const Decimal d = Decimal::fromString(text);
            QCOMPARE(d.toDouble(), std::strtod(text, nullptr));
        }
        QCOMPARE(Decimal().toDouble(), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestDecimalToDouble)
#include "tst_decimal_to_double.moc"
