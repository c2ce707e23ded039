#include "core/decimal.h"

#include <QHash>
#include <QTest>

#include <limits>
#include <random>

using namespace hoga;

Q_DECLARE_METATYPE(hoga::Rounding)

namespace {

Decimal D(const char* text) {
    return Decimal::fromString(text);
}

const Int128 kMax = Int128(~(__extension__(unsigned __int128) 0) >> 1);

const char* modeName(Rounding m) {
    switch (m) {
    case Rounding::Down:
        return "Down";
    case Rounding::Up:
        return "Up";
    case Rounding::Floor:
        return "Floor";
    case Rounding::Ceiling:
        return "Ceiling";
    case Rounding::HalfUp:
        return "HalfUp";
    case Rounding::HalfDown:
        return "HalfDown";
    case Rounding::HalfEven:
        return "HalfEven";
    }
    return "?";
}

const Rounding kModes[] = {Rounding::Down,   Rounding::Up,       Rounding::Floor,   Rounding::Ceiling,
                           Rounding::HalfUp, Rounding::HalfDown, Rounding::HalfEven};

} // namespace

class TestDecimal : public QObject {
    Q_OBJECT

private slots:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void parseQString();
    void parseRounded_data();
    void parseRounded();
    void fromStringThrows();
    void fromMantissaNormalises();
    void constructors();

    void toFixed_data();
    void toFixed();
    void toDoubleAndInt64();

    void arithmetic();
    void knownProducts();
    void overflowThrows();
    void wideIntermediates();

    void roundModes_data();
    void roundModes();
    void roundNegativeScale();
    void divideModes_data();
    void divideModes();
    void divideEdgeCases();
    void roundToStep_data();
    void roundToStep();
    void isMultipleOf();

    void comparisons();
    void hashing();
    void randomizedAgainstInt128();
};

void TestDecimal::parseValid_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<int>("scale");

    QTest::newRow("satoshi") << "0.00000001"
                             << "0.00000001" << 8;
    QTest::newRow("integer") << "45000000"
                             << "45000000" << 0;
    QTest::newRow("trailing zero") << "45000000.0"
                                   << "45000000" << 0;
    QTest::newRow("negative zero") << "-0.0"
                                   << "0" << 0;
    QTest::newRow("minus zero") << "-0"
                                << "0" << 0;
    QTest::newRow("plus sign") << "+3"
                               << "3" << 0;
    QTest::newRow("leading dot") << ".5"
                                 << "0.5" << 1;
    QTest::newRow("trailing dot") << "5."
                                  << "5" << 0;
    QTest::newRow("leading zeros") << "000123.4500"
                                   << "123.45" << 2;
    QTest::newRow("negative") << "-12.5"
                              << "-12.5" << 1;
    QTest::newRow("json exponent") << "9.101e-05"
                                   << "0.00009101" << 8;
    QTest::newRow("upper exponent") << "1E+3"
                                    << "1000" << 0;
    QTest::newRow("exponent no sign") << "2.5e2"
                                      << "250" << 0;
    QTest::newRow("exponent negative value") << "-1.2e-5"
                                             << "-0.000012" << 6;
    QTest::newRow("exponent zero mantissa") << "0e999999"
                                            << "0" << 0;
    QTest::newRow("18 digits") << "0.123456789012345678"
                               << "0.123456789012345678" << 18;
    QTest::newRow("zeros beyond 18 normalise") << "1.0000000000000000000"
                                               << "1" << 0;
    QTest::newRow("many zeros") << "1.000000000000000000000000000000000000000000000000"
                                << "1" << 0;
    QTest::newRow("exponent shifts into range") << "1234567890123456789012e-18"
                                                << "1234.567890123456789012" << 18;
    QTest::newRow("int128 max") << "170141183460469231731687303715884105727"
                                << "170141183460469231731687303715884105727" << 0;
    QTest::newRow("int128 -max") << "-170141183460469231731687303715884105727"
                                 << "-170141183460469231731687303715884105727" << 0;
    QTest::newRow("large with fraction") << "170141183460469231731.687303715884105727"
                                         << "170141183460469231731.687303715884105727" << 18;
    QTest::newRow("exponent large") << "1.5e30"
                                    << "1500000000000000000000000000000" << 0;
}

void TestDecimal::parseValid() {
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    QFETCH(int, scale);
    const auto d = Decimal::parse(text.toStdString());
    QVERIFY2(d.has_value(), qPrintable(text));
    QCOMPARE(d->toString(), canonical);
    QCOMPARE(d->scale(), scale);
    // The canonical text parses back to the identical representation.
    QCOMPARE(Decimal::parse(canonical.toStdString()), d);
}

void TestDecimal::parseInvalid_data() {
    QTest::addColumn<QString>("text");
    for (const char* bad :
         {"", "-", "+", ".", "-.", "1.2.3", "1e", "1e+", "e5", ".e5", " 1", "1 ", "0x10", "nan", "NaN", "inf",
          "-inf", "1,000", "1_000", "--1", "+-1", "1e5.5", "12a", "١٢", "1.0e-19", "0.0000000000000000001",
          "1e39", "1e-19",
          // 39 and 40 digits beyond the 128-bit range
          "170141183460469231731687303715884105728", "999999999999999999999999999999999999999",
          "-999999999999999999999999999999999999999", "1000000000000000000000000000000000000000",
          "1.7014118346046923173168730371588410572e1", "123456789012345678901.2345678901234567891"})
        QTest::newRow(bad) << QString::fromUtf8(bad);
}

void TestDecimal::parseInvalid() {
    QFETCH(QString, text);
    const QByteArray utf8 = text.toUtf8();
    QVERIFY(!Decimal::parse(std::string_view(utf8.constData(), size_t(utf8.size()))).has_value());
    QVERIFY(!Decimal::parse(text).has_value());
}

void TestDecimal::parseQString() {
    QCOMPARE(Decimal::parse(QStringLiteral("12.50")), D("12.5"));
    QVERIFY(!Decimal::parse(QStringLiteral("12.5\u00a0")).has_value());
    QVERIFY(!Decimal::parse(QString()).has_value());
}

void TestDecimal::parseRounded_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<Rounding>("mode");
    QTest::addColumn<QString>("expected");

    QTest::newRow("tie even") << "0.0000000000000000025" << Rounding::HalfEven << "0.000000000000000002";
    QTest::newRow("tie up") << "0.0000000000000000025" << Rounding::HalfUp << "0.000000000000000003";
    QTest::newRow("down") << "1.1234567890123456789" << Rounding::Down << "1.123456789012345678";
    QTest::newRow("up") << "1.1234567890123456781" << Rounding::Up << "1.123456789012345679";
    QTest::newRow("sticky beyond tie")
        << "0.00000000000000000250001" << Rounding::HalfEven << "0.000000000000000003";
    QTest::newRow("tiny to zero") << "1e-30" << Rounding::HalfEven << "0";
    QTest::newRow("tiny up") << "1e-30" << Rounding::Up << "0.000000000000000001";
    QTest::newRow("negative tiny floor") << "-1e-30" << Rounding::Floor << "-0.000000000000000001";
    QTest::newRow("negative tiny ceiling is zero") << "-1e-30" << Rounding::Ceiling << "0";
    QTest::newRow("carry normalises") << "0.9999999999999999999" << Rounding::HalfEven << "1";
    QTest::newRow("exact passes") << "12.5" << Rounding::Down << "12.5";
    QTest::newRow("exponent form") << "1.23456789e-12" << Rounding::HalfUp << "0.000000000001234568";
}

void TestDecimal::parseRounded() {
    QFETCH(QString, text);
    QFETCH(Rounding, mode);
    QFETCH(QString, expected);
    QVERIFY(!Decimal::parse(text.toStdString()).has_value() || text == QLatin1String("12.5"));
    const auto d = Decimal::parseRounded(text.toStdString(), mode);
    QVERIFY(d.has_value());
    QCOMPARE(d->toString(), expected);
    QVERIFY(!Decimal::parseRounded("1.2.3").has_value());
    QVERIFY(!Decimal::parseRounded("1e39").has_value());
}

void TestDecimal::fromStringThrows() {
    QVERIFY_THROWS_EXCEPTION(DecimalError, Decimal::fromString("abc"));
    QVERIFY_THROWS_EXCEPTION(DecimalError, Decimal::fromString(""));
    QCOMPARE(Decimal::fromString("1.5").mantissa(), Int128(15));
}

void TestDecimal::fromMantissaNormalises() {
    const Decimal d = Decimal::fromMantissa(4500, 2);
    QCOMPARE(d.mantissa(), Int128(45));
    QCOMPARE(d.scale(), 0);
    QCOMPARE(Decimal::fromMantissa(0, 7).scale(), 0);
    QCOMPARE(Decimal::fromMantissa(5, -3), Decimal(5000));
    QCOMPARE(Decimal::fromMantissa(Int128(10), 19), D("0.000000000000000001"));
    QVERIFY_THROWS_EXCEPTION(DecimalError, Decimal::fromMantissa(1, 19));
    QVERIFY_THROWS_EXCEPTION(DecimalError, Decimal::fromMantissa(kMax, -1));
    QVERIFY_THROWS_EXCEPTION(DecimalError, Decimal::fromMantissa(-kMax - 1, 0));
}

void TestDecimal::constructors() {
    QCOMPARE(Decimal(-7).toString(), QStringLiteral("-7"));
    QCOMPARE(Decimal(std::numeric_limits<long long>::min()).toString(),
             QStringLiteral("-9223372036854775808"));
    QCOMPARE(Decimal(std::numeric_limits<unsigned long long>::max()).toString(),
             QStringLiteral("18446744073709551615"));
    QCOMPARE(Decimal().toString(), QStringLiteral("0"));
    QVERIFY(Decimal().isZero());
    QCOMPARE(D("-3.2").signum(), -1);
    QCOMPARE(D("-3.2").abs(), D("3.2"));
    QCOMPARE(-D("0"), D("0"));
    QCOMPARE((-D("0")).toString(), QStringLiteral("0"));
    QCOMPARE(QString::fromStdString(D("-0.05").toStdString()), QStringLiteral("-0.05"));
}

void TestDecimal::toFixed_data() {
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<Rounding>("mode");
    QTest::addColumn<QString>("expected");

    QTest::newRow("pad integer") << "45000000" << 2 << Rounding::HalfEven << "45000000.00";
    QTest::newRow("pad fraction") << "0.5" << 8 << Rounding::HalfEven << "0.50000000";
    QTest::newRow("round half even") << "2.345" << 2 << Rounding::HalfEven << "2.34";
    QTest::newRow("round half up") << "2.345" << 2 << Rounding::HalfUp << "2.35";
    QTest::newRow("round down") << "2.349" << 2 << Rounding::Down << "2.34";
    QTest::newRow("zero decimals") << "2.5" << 0 << Rounding::HalfEven << "2";
    QTest::newRow("negative becomes zero") << "-0.001" << 2 << Rounding::HalfEven << "0.00";
    QTest::newRow("negative padded") << "-1.5" << 3 << Rounding::HalfEven << "-1.500";
    QTest::newRow("beyond max scale") << "0.1" << 20 << Rounding::HalfEven << "0.10000000000000000000";
    QTest::newRow("negative decimals clamp") << "12.7" << -2 << Rounding::Down << "12";
}

void TestDecimal::toFixed() {
    QFETCH(QString, value);
    QFETCH(int, decimals);
    QFETCH(Rounding, mode);
    QFETCH(QString, expected);
    QCOMPARE(D(value.toLatin1().constData()).toFixed(decimals, mode), expected);
}

void TestDecimal::toDoubleAndInt64() {
    QCOMPARE(D("0.00009101").toDouble(), 9.101e-05);
    QCOMPARE(D("-45000000.5").toDouble(), -45000000.5);
    QCOMPARE(D("2.5").toInt64(), 2LL);
    QCOMPARE(D("2.5").toInt64(Rounding::HalfUp), 3LL);
    QCOMPARE(D("-2.5").toInt64(Rounding::Floor), -3LL);
    QCOMPARE(D("9223372036854775807").toInt64(), std::numeric_limits<long long>::max());
    QCOMPARE(D("-9223372036854775808").toInt64(), std::numeric_limits<long long>::min());
    QVERIFY_THROWS_EXCEPTION(DecimalError, D("9223372036854775808").toInt64());
    QVERIFY_THROWS_EXCEPTION(DecimalError, D("9223372036854775807.5").toInt64(Rounding::Up));
}

void TestDecimal::arithmetic() {
    QCOMPARE(D("0.1") + D("0.2"), D("0.3"));
    QCOMPARE(D("0.5") + D("0.5"), Decimal(1));
    QCOMPARE((D("0.5") + D("0.5")).scale(), 0);
    QCOMPARE(D("1") - D("1.00000001"), D("-0.00000001"));
    QCOMPARE(D("-2.5") - D("-2.5"), Decimal(0));
    Decimal acc;
    for (int i = 0; i < 10; ++i)
        acc += D("0.1");
    QCOMPARE(acc, Decimal(1));
    acc -= D("0.25");
    QCOMPARE(acc, D("0.75"));
    acc *= D("4");
    QCOMPARE(acc, D("3"));
    QCOMPARE(D("-1.5") * D("-2"), Decimal(3));
    QCOMPARE(D("1.5") * D("-2"), Decimal(-3));
    QCOMPARE(D("0") * D("-2"), Decimal(0));
    QCOMPARE(Decimal::min(D("1.5"), D("1.49")), D("1.49"));
    QCOMPARE(Decimal::max(D("1.5"), D("1.49")), D("1.5"));
}

void TestDecimal::knownProducts() {
    QCOMPARE(D("150000000") * D("12.34567891"), D("1851851836.5"));
    QCOMPARE((D("150000000") * D("12.34567891")).toString(), QStringLiteral("1851851836.5"));
    // Scale 36 product rounded HalfEven to 18 digits.
    const Decimal a = D("123456789.123456789123456789");
    const Decimal b = D("987654321.987654321987654321");
    QCOMPARE((a * b).toString(), QStringLiteral("121932631356500531.591068431581771069"));
    QCOMPARE(a.multiply(b, 18, Rounding::Up).toString(),
             QStringLiteral("121932631356500531.59106843158177107"));
    QCOMPARE(a.multiply(b, 2, Rounding::HalfUp).toString(), QStringLiteral("121932631356500531.59"));
    QCOMPARE(a.multiply(b, -3, Rounding::HalfUp).toString(), QStringLiteral("121932631356501000"));
    QCOMPARE(D("0.000000001") * D("0.000000001"), D("0.000000000000000001"));
    QCOMPARE(D("0.000000001") * D("0.0000000001"), Decimal(0)); // below 18 digits: HalfEven to 0
    QCOMPARE(D("0.000000001").multiply(D("0.0000000001"), 18, Rounding::Up), D("0.000000000000000001"));
    QCOMPARE(D("2.5").multiply(D("1"), 0, Rounding::HalfEven), Decimal(2));
    QCOMPARE(D("-2.5").multiply(D("1"), 0, Rounding::Floor), Decimal(-3));
}

void TestDecimal::overflowThrows() {
    const Decimal max = Decimal::fromMantissa(kMax, 0);
    QCOMPARE(max.toString(), QStringLiteral("170141183460469231731687303715884105727"));
    QVERIFY_THROWS_EXCEPTION(DecimalError, max + Decimal(1));
    QVERIFY_THROWS_EXCEPTION(DecimalError, (-max) - Decimal(1));
    QVERIFY_THROWS_EXCEPTION(DecimalError, max * Decimal(2));
    QVERIFY_THROWS_EXCEPTION(DecimalError, max * D("1.1"));
    QVERIFY_THROWS_EXCEPTION(DecimalError, max.multiply(D("1.5"), 0, Rounding::Down));
    QVERIFY_THROWS_EXCEPTION(DecimalError, max + D("0.5")); // needs 40 digits
    QVERIFY_THROWS_EXCEPTION(DecimalError, D("1e20") * D("1e20"));
    QVERIFY_THROWS_EXCEPTION(DecimalError, max.divide(D("0.5"), 0, Rounding::Down));
    QVERIFY_THROWS_EXCEPTION(DecimalError, max.divide(D("0.3"), 1, Rounding::Down));
    QVERIFY_THROWS_EXCEPTION(DecimalError, max.round(-1, Rounding::Up));
    QVERIFY_THROWS_EXCEPTION(DecimalError, max.roundToStep(D("10"), Rounding::Up));
    QVERIFY_THROWS_EXCEPTION(DecimalError, D("1").divide(Decimal(0), 8, Rounding::HalfEven));
    QVERIFY_THROWS_EXCEPTION(DecimalError, D("0").divide(D("0"), 8, Rounding::HalfEven));
    // In range: no throw, exact.
    QCOMPARE(max - Decimal(1) + Decimal(1), max);
    QCOMPARE(max + (-max), Decimal(0));
    QCOMPARE(max * Decimal(1), max);
    QCOMPARE(max.divide(Decimal(1), 18, Rounding::Down), max); // trailing zeros normalise back into range
    QCOMPARE(max.multiply(D("0.5"), 0, Rounding::Down).toString(),
             QStringLiteral("85070591730234615865843651857942052863"));
    QCOMPARE(max.round(-1, Rounding::Down).toString(),
             QStringLiteral("170141183460469231731687303715884105720"));
}

void TestDecimal::wideIntermediates() {
    // Aligning 1.71e20 to scale 18 overflows 128 bits, yet the sum fits.
    const Decimal big = D("171000000000000000000");
    const Decimal neg = D("-50000000000000000000.000000000000000001");
    QCOMPARE((big + neg).toString(), QStringLiteral("120999999999999999999.999999999999999999"));
    QCOMPARE((neg + big).toString(), QStringLiteral("120999999999999999999.999999999999999999"));
    QVERIFY_THROWS_EXCEPTION(DecimalError, big + D("0.000000000000000001"));
    // Mantissa product overflows 128 bits; the rounded product fits (tie at digit 19 -> even).
    QCOMPARE((D("170141183460469231731.687303715884105727") * D("0.5")).toString(),
             QStringLiteral("85070591730234615865.843651857942052864"));
    // Dividend scaled by 10^18 exceeds 128 bits.
    QCOMPARE(D("1e21").divide(Decimal(70), 18, Rounding::HalfEven).toString(),
             QStringLiteral("14285714285714285714.285714285714285714"));
    QCOMPARE(D("-1e21").divide(Decimal(70), 18, Rounding::Floor).toString(),
             QStringLiteral("-14285714285714285714.285714285714285715"));
    QCOMPARE(D("123456789.123456789123456789")
                 .divide(D("987654321.987654321987654321"), 18, Rounding::HalfEven)
                 .toString(),
             QStringLiteral("0.1249999988609375"));
    // Comparisons whose alignment overflows 128 bits.
    QVERIFY(D("100000000000000000000") > D("99999999999999999999.999999999999999999"));
    QVERIFY(D("-100000000000000000000") < D("-99999999999999999999.999999999999999999"));
    QVERIFY(D("170141183460469231731687303715884105727") > D("0.000000000000000001"));
}

void TestDecimal::roundModes_data() {
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("scale");
    QTest::addColumn<QStringList>("expected"); // Down, Up, Floor, Ceiling, HalfUp, HalfDown, HalfEven

    auto row = [](const char* value, int scale, QStringList expected) {
        QTest::addRow("%s@%d", value, scale) << QString::fromLatin1(value) << scale << expected;
    };
    row("2.5", 0, {"2", "3", "2", "3", "3", "2", "2"});
    row("-2.5", 0, {"-2", "-3", "-3", "-2", "-3", "-2", "-2"});
    row("2.4", 0, {"2", "3", "2", "3", "2", "2", "2"});
    row("2.6", 0, {"2", "3", "2", "3", "3", "3", "3"});
    row("3.5", 0, {"3", "4", "3", "4", "4", "3", "4"});
    row("-3.5", 0, {"-3", "-4", "-4", "-3", "-4", "-3", "-4"});
    row("1.2345", 3, {"1.234", "1.235", "1.234", "1.235", "1.235", "1.234", "1.234"});
    row("-1.2345", 3, {"-1.234", "-1.235", "-1.235", "-1.234", "-1.235", "-1.234", "-1.234"});
    row("1.2355", 3, {"1.235", "1.236", "1.235", "1.236", "1.236", "1.235", "1.236"});
    row("1.23451", 3, {"1.234", "1.235", "1.234", "1.235", "1.235", "1.235", "1.235"});
    row("0.4", 0, {"0", "1", "0", "1", "0", "0", "0"});
    row("-0.4", 0, {"0", "-1", "-1", "0", "0", "0", "0"});
    row("7", 0, {"7", "7", "7", "7", "7", "7", "7"});
    row("1.5", 5, {"1.5", "1.5", "1.5", "1.5", "1.5", "1.5", "1.5"});
    row("0.000000000000000005", 17,
        {"0", "0.00000000000000001", "0", "0.00000000000000001", "0.00000000000000001", "0", "0"});
}

void TestDecimal::roundModes() {
    QFETCH(QString, value);
    QFETCH(int, scale);
    QFETCH(QStringList, expected);
    const Decimal d = D(value.toLatin1().constData());
    for (int i = 0; i < 7; ++i) {
        const Decimal r = d.round(scale, kModes[i]);
        if (r.toString() != expected[i])
            QFAIL(qPrintable(QStringLiteral("%1 round(%2, %3) = %4, expected %5")
                                 .arg(value)
                                 .arg(scale)
                                 .arg(QLatin1String(modeName(kModes[i])), r.toString(), expected[i])));
        QCOMPARE(r.scale() <= std::max(scale, 0), true);
    }
}

void TestDecimal::roundNegativeScale() {
    QCOMPARE(D("45001").round(-3, Rounding::HalfUp), D("45000"));
    QCOMPARE(D("45500").round(-3, Rounding::HalfEven), D("46000"));
    QCOMPARE(D("44500").round(-3, Rounding::HalfEven), D("44000"));
    QCOMPARE(D("45001.7").round(-3, Rounding::Ceiling), D("46000"));
    QCOMPARE(D("-45001.7").round(-2, Rounding::Floor), D("-45100"));
    QCOMPARE(D("499").round(-3, Rounding::HalfUp), Decimal(0));
    QCOMPARE(D("1").round(-50, Rounding::Down), Decimal(0));
    QVERIFY_THROWS_EXCEPTION(DecimalError, D("1").round(-50, Rounding::Up));
}

void TestDecimal::divideModes_data() {
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("scale");
    QTest::addColumn<QStringList>("expected"); // Down, Up, Floor, Ceiling, HalfUp, HalfDown, HalfEven

    auto row = [](const char* a, const char* b, int scale, QStringList expected) {
        QTest::addRow("%s/%s@%d", a, b, scale)
            << QString::fromLatin1(a) << QString::fromLatin1(b) << scale << expected;
    };
    row("1", "3", 8,
        {"0.33333333", "0.33333334", "0.33333333", "0.33333334", "0.33333333", "0.33333333", "0.33333333"});
    row("-1", "3", 8,
        {"-0.33333333", "-0.33333334", "-0.33333334", "-0.33333333", "-0.33333333", "-0.33333333",
         "-0.33333333"});
    row("1", "-3", 8,
        {"-0.33333333", "-0.33333334", "-0.33333334", "-0.33333333", "-0.33333333", "-0.33333333",
         "-0.33333333"});
    row("2", "3", 8,
        {"0.66666666", "0.66666667", "0.66666666", "0.66666667", "0.66666667", "0.66666667", "0.66666667"});
    row("10", "4", 8, {"2.5", "2.5", "2.5", "2.5", "2.5", "2.5", "2.5"});
    row("10", "4", 0, {"2", "3", "2", "3", "3", "2", "2"});
    row("-10", "-4", 0, {"2", "3", "2", "3", "3", "2", "2"});
    row("14", "4", 0, {"3", "4", "3", "4", "4", "3", "4"});
    row("0.00000001", "3", 8, {"0", "0.00000001", "0", "0.00000001", "0", "0", "0"});
    row("1851851836.5", "150000000", 8,
        {"12.34567891", "12.34567891", "12.34567891", "12.34567891", "12.34567891", "12.34567891",
         "12.34567891"});
    row("1", "0.0000003", 2,
        {"3333333.33", "3333333.34", "3333333.33", "3333333.34", "3333333.33", "3333333.33", "3333333.33"});
    row("123450", "1", -2, {"123400", "123500", "123400", "123500", "123500", "123400", "123400"});
}

void TestDecimal::divideModes() {
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, scale);
    QFETCH(QStringList, expected);
    const Decimal x = D(a.toLatin1().constData());
    const Decimal y = D(b.toLatin1().constData());
    for (int i = 0; i < 7; ++i) {
        const Decimal q = x.divide(y, scale, kModes[i]);
        if (q.toString() != expected[i])
            QFAIL(qPrintable(QStringLiteral("%1 / %2 at %3 (%4) = %5, expected %6")
                                 .arg(a, b)
                                 .arg(scale)
                                 .arg(QLatin1String(modeName(kModes[i])), q.toString(), expected[i])));
    }
}

void TestDecimal::divideEdgeCases() {
    QCOMPARE(Decimal(0).divide(D("7"), 8, Rounding::Up), Decimal(0));
    QCOMPARE(D("0.000000000000000001").divide(D("1e20"), 18, Rounding::Up), D("0.000000000000000001"));
    QCOMPARE(D("0.000000000000000001").divide(D("1e20"), 18, Rounding::HalfEven), Decimal(0));
    QCOMPARE(D("-0.000000000000000001").divide(D("1e20"), 18, Rounding::Floor), D("-0.000000000000000001"));
    QCOMPARE(D("0.000000000000000001").divide(D("170141183460469231731687303715884105727"), 18, Rounding::Up),
             D("0.000000000000000001"));
    QCOMPARE(D("100").divide(D("0.000000000000000001"), 0, Rounding::Down), D("1e20"));
    // Requested scale beyond 18 digits is clamped to 18.
    QCOMPARE(D("1").divide(D("3"), 30, Rounding::Down), D("0.333333333333333333"));
}

void TestDecimal::roundToStep_data() {
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("step");
    QTest::addColumn<QString>("down");
    QTest::addColumn<QString>("up");
    QTest::addColumn<QString>("halfEven");

    QTest::newRow("1000 mid") << "45500"
                              << "1000"
                              << "45000"
                              << "46000"
                              << "46000";
    QTest::newRow("1000 tie even low") << "44500"
                                       << "1000"
                                       << "44000"
                                       << "45000"
                                       << "44000";
    QTest::newRow("1000 near") << "45001"
                               << "1000"
                               << "45000"
                               << "46000"
                               << "45000";
    QTest::newRow("1000 exact") << "45000"
                                << "1000"
                                << "45000"
                                << "45000"
                                << "45000";
    QTest::newRow("1000 fraction") << "45999.99"
                                   << "1000"
                                   << "45000"
                                   << "46000"
                                   << "46000";
    QTest::newRow("0.5") << "10.26"
                         << "0.5"
                         << "10"
                         << "10.5"
                         << "10.5";
    QTest::newRow("0.5 tie") << "10.25"
                             << "0.5"
                             << "10"
                             << "10.5"
                             << "10";
    QTest::newRow("0.5 tie odd") << "10.75"
                                 << "0.5"
                                 << "10.5"
                                 << "11"
                                 << "11";
    QTest::newRow("0.00001") << "1.234567"
                             << "0.00001"
                             << "1.23456"
                             << "1.23457"
                             << "1.23457";
    QTest::newRow("0.00001 tie") << "1.234565"
                                 << "0.00001"
                                 << "1.23456"
                                 << "1.23457"
                                 << "1.23456";
    QTest::newRow("0.00001 small") << "0.000004"
                                   << "0.00001"
                                   << "0"
                                   << "0.00001"
                                   << "0";
    QTest::newRow("negative") << "-10.26"
                              << "0.5"
                              << "-10"
                              << "-10.5"
                              << "-10.5";
    QTest::newRow("step 5") << "12"
                            << "5"
                            << "10"
                            << "15"
                            << "10";
}

void TestDecimal::roundToStep() {
    QFETCH(QString, value);
    QFETCH(QString, step);
    QFETCH(QString, down);
    QFETCH(QString, up);
    QFETCH(QString, halfEven);
    const Decimal v = D(value.toLatin1().constData());
    const Decimal s = D(step.toLatin1().constData());
    QCOMPARE(v.roundToStep(s, Rounding::Down).toString(), down);
    QCOMPARE(v.roundToStep(s, Rounding::Up).toString(), up);
    QCOMPARE(v.roundToStep(s, Rounding::HalfEven).toString(), halfEven);
    QVERIFY(v.roundToStep(s, Rounding::Down).isMultipleOf(s));
    QVERIFY_THROWS_EXCEPTION(DecimalError, v.roundToStep(Decimal(0), Rounding::Down));
    QVERIFY_THROWS_EXCEPTION(DecimalError, v.roundToStep(D("-1"), Rounding::Down));
}

void TestDecimal::isMultipleOf() {
    QVERIFY(D("45000").isMultipleOf(D("1000")));
    QVERIFY(!D("45001").isMultipleOf(D("1000")));
    QVERIFY(D("10.5").isMultipleOf(D("0.5")));
    QVERIFY(!D("10.25").isMultipleOf(D("0.5")));
    QVERIFY(D("0.00000001").isMultipleOf(D("0.00000001")));
    QVERIFY(!D("0.000000015").isMultipleOf(D("0.00000001")));
    QVERIFY(D("-15").isMultipleOf(D("5")));
    QVERIFY(D("0").isMultipleOf(D("5")));
    QVERIFY(D("0").isMultipleOf(D("0")));
    QVERIFY(!D("1").isMultipleOf(D("0")));
    QVERIFY(D("170141183460469231731687303715884105727").isMultipleOf(D("0.000000000000000001")));
    QVERIFY(!D("170141183460469231731687303715884105727").isMultipleOf(D("10")));
}

void TestDecimal::comparisons() {
    QCOMPARE(D("1.50"), D("1.5"));
    QVERIFY(D("2") > D("1.99999999"));
    QVERIFY(D("1.99999999") < D("2"));
    QVERIFY(D("-2") < D("-1.99999999"));
    QVERIFY(D("0") > D("-0.000000000000000001"));
    QVERIFY(D("0.1") <= D("0.10"));
    QVERIFY(D("0.1") >= D("0.1"));
    QVERIFY(D("0.1") != D("0.11"));
    QVERIFY((D("3") <=> D("3.0")) == std::strong_ordering::equal);
    QVERIFY(D("-5") < D("3"));
    QVERIFY(D("1e20") > D("99999999999999999999.99"));
}

void TestDecimal::hashing() {
    QHash<Decimal, int> h;
    h.insert(D("1.50"), 1);
    h.insert(D("1.5"), 2);
    h.insert(D("-1.5"), 3);
    QCOMPARE(h.size(), 2);
    QCOMPARE(h.value(D("1.500000")), 2);
    QCOMPARE(qHash(D("0.1")), qHash(D("0.10")));
    QVariant v = QVariant::fromValue(D("2.5"));
    QCOMPARE(v.value<Decimal>(), D("2.5"));
}

namespace {

// Reference sum/product/comparison in plain __int128 on small mantissas (no overflow possible).
Int128 alignTo(Int128 m, int from, int to) {
    for (int i = from; i < to; ++i)
        m *= 10;
    return m;
}

} // namespace

void TestDecimal::randomizedAgainstInt128() {
    std::mt19937_64 rng(20240611);
    std::uniform_int_distribution<long long> mantissa(-1'000'000'000'000LL, 1'000'000'000'000LL);
    std::uniform_int_distribution<int> scaleDist(0, 9);
    for (int i = 0; i < 10000; ++i) {
        const Int128 ma = mantissa(rng);
        const Int128 mb = (i % 17 == 0) ? ma : mantissa(rng); // exercise equal operands too
        const int sa = scaleDist(rng);
        const int sb = scaleDist(rng);
        const Decimal a = Decimal::fromMantissa(ma, sa);
        const Decimal b = Decimal::fromMantissa(mb, sb);
        const int s = std::max(sa, sb);
        const Int128 ra = alignTo(ma, sa, s);
        const Int128 rb = alignTo(mb, sb, s);

        const Decimal sum = a + b;
        const Decimal diff = a - b;
        const Decimal prod = a * b;
        if (sum != Decimal::fromMantissa(ra + rb, s) || diff != Decimal::fromMantissa(ra - rb, s) ||
            prod != Decimal::fromMantissa(ma * mb, sa + sb))
            QFAIL(qPrintable(QStringLiteral("case %1: a=%2 b=%3 sum=%4 diff=%5 prod=%6 (ref %7 %8 %9)")
                                 .arg(i)
                                 .arg(a.toString(), b.toString(), sum.toString(), diff.toString(),
                                      prod.toString(), Decimal::fromMantissa(ra + rb, s).toString(),
                                      Decimal::fromMantissa(ra - rb, s).toString())
                                 .arg(Decimal::fromMantissa(ma * mb, sa + sb).toString())));
        // Canonical form: no trailing zeros; toString round-trips.
        QVERIFY(sum.scale() == 0 || sum.mantissa() % 10 != 0);
        QCOMPARE(Decimal::parse(prod.toStdString()), std::optional<Decimal>(prod));
        // Ordering agrees with the aligned integers.
        QCOMPARE((a <=> b) == std::strong_ordering::less, ra < rb);
        QCOMPARE(a == b, ra == rb);

        // Division at scale 6, HalfEven, against integer long division.
        if (mb != 0) {
            const int e = 6 + sb - sa; // q = ma * 10^e / mb
            Int128 num = ma;
            Int128 den = mb;
            if (e >= 0)
                num = alignTo(num, 0, e);
            else
                den = alignTo(den, 0, -e);
            const bool neg = (num < 0) != (den < 0);
            const Int128 an = num < 0 ? -num : num;
            const Int128 ad = den < 0 ? -den : den;
            Int128 q = an / ad;
            const Int128 r = an % ad;
            if (2 * r > ad || (2 * r == ad && (q & 1)))
                ++q;
            const Decimal ref = Decimal::fromMantissa(neg ? -q : q, 6);
            QCOMPARE(a.divide(b, 6, Rounding::HalfEven), ref);
        }
    }
}

QTEST_GUILESS_MAIN(TestDecimal)
#include "tst_decimal.moc"
