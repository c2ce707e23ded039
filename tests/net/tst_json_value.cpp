#include "support/test_util.h"
#include "venues/net/json_value.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <random>

using namespace hoga;
using namespace hoga::net;

namespace {

std::string_view sv(const char* s) {
    return std::string_view(s);
}

// Compares our DOM with QJsonDocument's (numbers approximately, since Qt only has doubles).
bool sameAsQt(const JsonValue& ours, const QJsonValue& qt, QString& where) {
    switch (qt.type()) {
    case QJsonValue::Null:
        return ours.isNull();
    case QJsonValue::Bool:
        return ours.isBool() && ours.toBool() == qt.toBool();
    case QJsonValue::String:
        return ours.isString() && ours.toString() == qt.toString();
    case QJsonValue::Double: {
        if (!ours.isNumber())
            return false;
        const std::optional<Decimal> d = ours.toDecimalRounded();
        if (!d)
            return true; // beyond Decimal's range: nothing to compare against
        const double a = d->toDouble();
        const double b = qt.toDouble();
        return std::abs(a - b) <= 1e-12 * std::max(1.0, std::abs(b));
    }
    case QJsonValue::Array: {
        const QJsonArray arr = qt.toArray();
        if (!ours.isArray() || ours.size() != arr.size())
            return false;
        for (qsizetype i = 0; i < arr.size(); ++i) {
            if (!sameAsQt(ours.at(i), arr.at(i), where)) {
                where.prepend(QStringLiteral("[%1]").arg(i));
                return false;
            }
        }
        return true;
    }
    case QJsonValue::Object: {
        const QJsonObject obj = qt.toObject();
        if (!ours.isObject() || ours.size() != obj.size())
            return false;
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            const QByteArray key = it.key().toUtf8();
            if (!sameAsQt(ours[std::string_view(key.constData(), size_t(key.size()))], it.value(), where)) {
                where.prepend(QLatin1Char('.') + it.key());
                return false;
            }
        }
        return true;
    }
    case QJsonValue::Undefined:
        return ours.isUndefined();
    }
    return false;
}

QByteArray rewrite(const JsonValue& v) {
    JsonWriter w;
    w.value(v);
    return w.data();
}

} // namespace

class TestJsonValue : public QObject {
    Q_OBJECT

private slots:
    void everyFixtureParses();
    void fixturesMatchQtAndRoundTrip();
    void exactNumbersFromUpbit();
    void balancesWithMoreDigitsThanADouble();
    void scalarsAndAccessors();
    void toInt64_data();
    void toInt64();
    void decimalsFromStrings();
    void toDecimalAgreesWithDecimalParse();
    void stringEscapes();
    void rawUtf8Strings();
    void iterationAndKeys();
    void missingAndWrongTypes();
    void duplicateKeysFirstWins();
    void reuseDocument();
    void rejectsMalformed_data();
    void rejectsMalformed();
    void errorOffsets();
    void depthLimit();
    void acceptsEdgeCases_data();
    void acceptsEdgeCases();
    void writerBasics();
    void writerEscapes();
    void writerDecimals();
};

void TestJsonValue::everyFixtureParses() {
    int files = 0;
    QDirIterator it(test::fixturesDir(), {QStringLiteral("*.json")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        JsonDocument doc;
        QVERIFY2(doc.parse(f.readAll()), qPrintable(path + QLatin1String(": ") + doc.error().message));
        QVERIFY(!doc.root().isUndefined());
        ++files;
    }
    QVERIFY2(files >= 50,
             qPrintable(QStringLiteral("only %1 fixtures found in %2").arg(files).arg(test::fixturesDir())));
}

void TestJsonValue::fixturesMatchQtAndRoundTrip() {
    QDirIterator it(test::fixturesDir(), {QStringLiteral("*.json")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        JsonDocument doc;
        QVERIFY(doc.parse(bytes));
        QJsonParseError qtError;
        const QJsonDocument qt = QJsonDocument::fromJson(bytes, &qtError);
        QCOMPARE(qtError.error, QJsonParseError::NoError);
        const QJsonValue qtRoot = qt.isArray() ? QJsonValue(qt.array()) : QJsonValue(qt.object());
        QString where;
        QVERIFY2(sameAsQt(doc.root(), qtRoot, where), qPrintable(path + QLatin1String(" at ") + where));

        // Writing the DOM back gives compact JSON that parses to the same text again.
        const QByteArray compact = rewrite(doc.root());
        JsonDocument again;
        QVERIFY2(again.parse(compact), qPrintable(again.error().message));
        QCOMPARE(rewrite(again.root()), compact);
    }
}

void TestJsonValue::exactNumbersFromUpbit() {
    JsonDocument doc;
    QVERIFY(doc.parse(test::fixture(QStringLiteral("upbit/ws_ticker.json"))));
    const JsonValue tradeVolume = doc.root()["trade_volume"];
    QVERIFY(tradeVolume.isNumber());
    QCOMPARE(tradeVolume.raw(), sv("9.101e-05"));
    QCOMPARE(tradeVolume.toDecimal(), Decimal::fromString("0.00009101"));
    QCOMPARE(tradeVolume.toDecimal()->toString(), QStringLiteral("0.00009101"));

    QVERIFY(doc.parse(test::fixture(QStringLiteral("upbit/ws_ticker_krw_eth.json"))));
    QCOMPARE(doc.root()["acc_trade_price"].raw(), sv("29414391716.64815"));
    QCOMPARE(doc.root()["acc_trade_price"].toDecimal(), Decimal::fromString("29414391716.64815"));
    QCOMPARE(doc.root()["trade_price"].toDecimal(), Decimal(3428000));
    QCOMPARE(doc.root()["trade_timestamp"].toInt64(), std::optional<qint64>(1787729042970));
    QCOMPARE(doc.root()["code"].toString(), QStringLiteral("KRW-ETH"));
    QVERIFY(doc.root()["delisting_date"].isNull());
    QCOMPARE(doc.root()["is_trading_suspended"].toBool(true), false);

    QVERIFY(doc.parse(QByteArrayLiteral("{\"p\":1234567890.12345678,\"q\":-0.000000000000000001}")));
    QCOMPARE(doc.root()["p"].toDecimal()->toString(), QStringLiteral("1234567890.12345678"));
    QCOMPARE(doc.root()["q"].toDecimal()->toString(), QStringLiteral("-0.000000000000000001"));

    QVERIFY(doc.parse(test::fixture(QStringLiteral("upbit/ws_orderbook.json"))));
    const JsonValue units = doc.root()["orderbook_units"];
    QCOMPARE(units.size(), 30);
    QCOMPARE(units.at(0)["ask_price"].toDecimal(), Decimal(109950000));
    QCOMPARE(units.at(0)["ask_size"].toDecimal(), Decimal::fromString("0.00342134"));
}

void TestJsonValue::balancesWithMoreDigitsThanADouble() {
    JsonDocument doc;
    QVERIFY(doc.parse(test::fixture(QStringLiteral("upbit/ws_myasset.json"))));
    const JsonValue asset = doc.root()["assets"].at(0);
    QCOMPARE(asset["currency"].toString(), QStringLiteral("KRW"));
    // 22 significant digits: a double keeps ~16.
    QCOMPARE(asset["locked"].raw(), sv("10329.670127489597585685"));
    QCOMPARE(asset["locked"].toDecimal()->toString(), QStringLiteral("10329.670127489597585685"));
    // 20 fraction digits: more than Decimal holds, so the strict accessor refuses and the rounding one
    // rounds.
    QCOMPARE(asset["balance"].raw(), sv("1386929.37231066771348207123"));
    QVERIFY(!asset["balance"].toDecimal());
    QCOMPARE(asset["balance"].toDecimalRounded()->toString(), QStringLiteral("1386929.372310667713482071"));
    QCOMPARE(asset["balance"].toDecimalRounded(Rounding::Up)->toString(),
             QStringLiteral("1386929.372310667713482072"));
    // The raw text survives verbatim.
    QCOMPARE(asset["balance"].toString(), QStringLiteral("1386929.37231066771348207123"));

    QVERIFY(doc.parse(test::fixture(QStringLiteral("upbit/rest_accounts.json"))));
    QVERIFY(doc.root().isArray());
    for (JsonValue account : doc.root().elements()) {
        QVERIFY(account["balance"].isString());
        QVERIFY2(account["balance"].toDecimal().has_value(), account["balance"].raw().data());
    }
}

void TestJsonValue::scalarsAndAccessors() {
    JsonDocument doc;
    QVERIFY(doc.parse(QByteArrayLiteral("  true ")));
    QVERIFY(doc.root().isBool());
    QCOMPARE(doc.root().toBool(), true);
    QVERIFY(doc.parse(QByteArrayLiteral("false")));
    QCOMPARE(doc.root().toBool(true), false);
    QVERIFY(doc.parse(QByteArrayLiteral("null")));
    QVERIFY(doc.root().isNull());
    QCOMPARE(doc.root().toString(QStringLiteral("d")), QStringLiteral("d"));
    QVERIFY(doc.parse(QByteArrayLiteral("-12.5e+2")));
    QVERIFY(doc.root().isNumber());
    QCOMPARE(doc.root().raw(), sv("-12.5e+2"));
    QCOMPARE(doc.root().toString(), QStringLiteral("-12.5e+2"));
    QCOMPARE(doc.root().toDecimal(), Decimal(-1250));
    QCOMPARE(doc.root().toInt64(), std::optional<qint64>(-1250));
    QVERIFY(doc.parse(QByteArrayLiteral("\"x\"")));
    QCOMPARE(doc.root().size(), 0);
    QCOMPARE(doc.root().toBool(true), true);
    QVERIFY(doc.parse(std::string_view("[1,[2,[3]],{}]")));
    QCOMPARE(doc.root().size(), 3);
    QCOMPARE(doc.root().at(1).at(1).at(0).toInt64(), std::optional<qint64>(3));
    QVERIFY(doc.root().at(2).isObject());
    QCOMPARE(doc.root().at(2).size(), 0);
    QVERIFY(doc.root().at(3).isUndefined());
    QVERIFY(doc.root().at(-1).isUndefined());
}

void TestJsonValue::toInt64_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("zero") << QByteArray("0") << true << qint64(0);
    QTest::newRow("minus zero") << QByteArray("-0") << true << qint64(0);
    QTest::newRow("timestamp") << QByteArray("1787729043011") << true << qint64(1787729043011);
    QTest::newRow("max") << QByteArray("9223372036854775807") << true << std::numeric_limits<qint64>::max();
    QTest::newRow("min") << QByteArray("-9223372036854775808") << true << std::numeric_limits<qint64>::min();
    QTest::newRow("max+1") << QByteArray("9223372036854775808") << false << qint64(0);
    QTest::newRow("min-1") << QByteArray("-9223372036854775809") << false << qint64(0);
    QTest::newRow("20 digits") << QByteArray("12345678901234567890") << false << qint64(0);
    QTest::newRow("exponent") << QByteArray("1.5e3") << true << qint64(1500);
    QTest::newRow("zero fraction") << QByteArray("42.000") << true << qint64(42);
    QTest::newRow("fraction") << QByteArray("42.5") << false << qint64(0);
    QTest::newRow("string") << QByteArray("\"-17\"") << true << qint64(-17);
    QTest::newRow("text") << QByteArray("\"abc\"") << false << qint64(0);
    QTest::newRow("empty string") << QByteArray("\"\"") << false << qint64(0);
    QTest::newRow("bool") << QByteArray("true") << false << qint64(0);
    QTest::newRow("null") << QByteArray("null") << false << qint64(0);
    QTest::newRow("array") << QByteArray("[1]") << false << qint64(0);
}

void TestJsonValue::toInt64() {
    QFETCH(QByteArray, json);
    QFETCH(bool, ok);
    QFETCH(qint64, expected);
    JsonDocument doc;
    QVERIFY2(doc.parse(json), qPrintable(doc.error().message));
    const std::optional<qint64> v = doc.root().toInt64();
    QCOMPARE(v.has_value(), ok);
    if (ok)
        QCOMPARE(*v, expected);
    QCOMPARE(doc.root().toInt64(qint64(-99)), ok ? expected : qint64(-99));
}

void TestJsonValue::decimalsFromStrings() {
    JsonDocument doc;
    QVERIFY(doc.parse(QByteArray(R"({"a":"0.00000001","b":"45000000","c":"1e-8","d":"abc","e":" 1","f":true,)"
                                 R"("g":null,"h":"12345678901234567890.123456789012345678"})")));
    const JsonValue r = doc.root();
    QCOMPARE(r["a"].toDecimal(), Decimal::fromString("0.00000001"));
    QCOMPARE(r["b"].toDecimal(), Decimal(45000000));
    QCOMPARE(r["c"].toDecimal(), Decimal::fromString("0.00000001"));
    QVERIFY(!r["d"].toDecimal());
    QVERIFY(!r["e"].toDecimal()); // Decimal::parse accepts no surrounding whitespace
    QVERIFY(!r["f"].toDecimal());
    QVERIFY(!r["g"].toDecimal());
    QVERIFY(!r["missing"].toDecimal());
    QCOMPARE(r["h"].toDecimal()->toString(), QStringLiteral("12345678901234567890.123456789012345678"));
}

void TestJsonValue::toDecimalAgreesWithDecimalParse() {
    // The reader has a fast path for plain numbers; it must give exactly what Decimal::parse gives.
    QList<QByteArray> texts = {"0",
                               "-0",
                               "0.0",
                               "-0.000",
                               "1",
                               "10",
                               "100.00",
                               "0.00342134",
                               "109950000.0",
                               "9999999999999999999",
                               "99999999999999999999",
                               "18446744073709551615",
                               "18446744073709551616",
                               "-9999999999999999999",
                               "0.9999999999999999999",
                               "0.000000000000000001",
                               "0.0000000000000000001",
                               "0.0000000000000000000",
                               "123456789.123456789",
                               "1234567890.1234567890",
                               "00.5",
                               "1.",
                               ".5",
                               "+1",
                               "1e3",
                               "-",
                               "",
                               "1.2.3",
                               "12a",
                               "0x1"};
    std::mt19937_64 rng(20240601);
    for (int i = 0; i < 3000; ++i) {
        QByteArray t;
        if (rng() % 4 == 0)
            t += '-';
        const int intDigits = 1 + int(rng() % 22);
        for (int k = 0; k < intDigits; ++k)
            t += char('0' + (k == 0 && intDigits > 1 && rng() % 3 ? 1 + rng() % 9 : rng() % 10));
        if (rng() % 3) {
            t += '.';
            const int fracDigits = 1 + int(rng() % 21);
            for (int k = 0; k < fracDigits; ++k)
                t += char('0' + (rng() % 5 == 0 ? 0 : rng() % 10));
        }
        texts << t;
    }
    JsonDocument doc;
    for (const QByteArray& t : texts) {
        const std::string_view text(t.constData(), size_t(t.size()));
        QVERIFY(doc.parse("[\"" + t + "\"]"));
        QCOMPARE(doc.root().at(0).toDecimal(), Decimal::parse(text));
        QCOMPARE(doc.root().at(0).toDecimalRounded(), Decimal::parseRounded(text));
        if (doc.parse(t)) { // valid JSON numbers only
            QCOMPARE(doc.root().toDecimal(), Decimal::parse(text));
            QCOMPARE(doc.root().toDecimalRounded(Rounding::Down),
                     Decimal::parseRounded(text, Rounding::Down));
        }
    }
}

void TestJsonValue::stringEscapes() {
    JsonDocument doc;
    QVERIFY(doc.parse(QByteArray(R"(["a\"b", "back\\slash", "\/", "\b\f\n\r\t", "\u00e9", "\u20AC", )"
                                 R"("\ud83d\ude00", "x\u0000y", "\uD834\uDD1E"])")));
    const JsonValue r = doc.root();
    QCOMPARE(r.at(0).raw(), sv("a\"b"));
    QCOMPARE(r.at(1).raw(), sv("back\\slash"));
    QCOMPARE(r.at(2).raw(), sv("/"));
    QCOMPARE(r.at(3).raw(), sv("\b\f\n\r\t"));
    QCOMPARE(r.at(4).raw(), sv("\xC3\xA9"));
    QCOMPARE(r.at(4).toString(), QString(QChar(0xE9)));
    QCOMPARE(r.at(5).raw(), sv("\xE2\x82\xAC"));
    QCOMPARE(r.at(6).raw(), sv("\xF0\x9F\x98\x80"));
    QCOMPARE(r.at(6).toString(), QString::fromUtf8("\xF0\x9F\x98\x80"));
    QCOMPARE(r.at(7).raw(), std::string_view("x\0y", 3));
    QCOMPARE(r.at(8).raw(), sv("\xF0\x9D\x84\x9E"));

    // Escaped member names are found by their decoded text.
    QVERIFY(doc.parse(QByteArrayLiteral(R"({"ke\u0079":"v","plain":"w\"x"})")));
    QCOMPARE(doc.root()["key"].toString(), QStringLiteral("v"));
    QCOMPARE(doc.root().keyAt(0), sv("key"));
    QCOMPARE(doc.root()["plain"].toString(), QStringLiteral("w\"x"));
}

void TestJsonValue::rawUtf8Strings() {
    JsonDocument doc;
    const QByteArray korean = QStringLiteral("비트코인").toUtf8();
    QVERIFY(doc.parse("{\"korean_name\":\"" + korean + "\"}"));
    QCOMPARE(doc.root()["korean_name"].toString(), QStringLiteral("비트코인"));
    QVERIFY(doc.parse(test::fixture(QStringLiteral("upbit/rest_error_insufficient_funds_bid.json"))));
    QVERIFY(!doc.root()["error"]["message"].toString().isEmpty());
}

void TestJsonValue::iterationAndKeys() {
    JsonDocument doc;
    QVERIFY(doc.parse(QByteArrayLiteral(R"({"a":1,"b":[10,20,30],"c":{"x":"y"}})")));
    QStringList keys;
    for (const JsonMember& m : doc.root().members())
        keys << QString::fromUtf8(m.key.data(), qsizetype(m.key.size()));
    QCOMPARE(keys, QStringList({"a", "b", "c"}));
    QCOMPARE(doc.root().size(), 3);
    QCOMPARE(doc.root().keyAt(1), sv("b"));
    QVERIFY(doc.root().keyAt(3).empty());
    QCOMPARE(doc.root().at(0).toInt64(), std::optional<qint64>(1)); // value of member 0
    qint64 sum = 0;
    for (JsonValue v : doc.root()["b"].elements())
        sum += v.toInt64(0);
    QCOMPARE(sum, 60);
    QVERIFY(doc.root().contains("c"));
    QVERIFY(!doc.root().contains("d"));
    // Ranges over non-containers are empty.
    int n = 0;
    for (JsonValue v : doc.root()["a"].elements()) {
        Q_UNUSED(v);
        ++n;
    }
    for (const JsonMember& m : doc.root()["b"].members()) {
        Q_UNUSED(m);
        ++n;
    }
    QCOMPARE(n, 0);
}

void TestJsonValue::missingAndWrongTypes() {
    JsonDocument doc;
    QVERIFY(doc.parse(QByteArrayLiteral(R"({"a":[1]})")));
    const JsonValue missing = doc.root()["nope"]["deeper"].at(3)["x"];
    QVERIFY(missing.isUndefined());
    QCOMPARE(missing.size(), 0);
    QCOMPARE(missing.toString(QStringLiteral("def")), QStringLiteral("def"));
    QVERIFY(missing.raw().empty());
    QVERIFY(doc.root()["a"]["key"].isUndefined()); // array indexed by key
    QVERIFY(doc.root().at(5).isUndefined());
    const JsonValue none;
    QVERIFY(none.isUndefined());
    QVERIFY(!none.toInt64());
    QVERIFY(!none.toDecimal());
}

void TestJsonValue::duplicateKeysFirstWins() {
    JsonDocument doc;
    QVERIFY(doc.parse(QByteArrayLiteral(R"({"k":1,"k":2})")));
    QCOMPARE(doc.root().size(), 2);
    QCOMPARE(doc.root()["k"].toInt64(), std::optional<qint64>(1));
}

void TestJsonValue::reuseDocument() {
    JsonDocument doc;
    QVERIFY(doc.parse(QByteArrayLiteral(R"({"a":"\u0041"})")));
    QCOMPARE(doc.root()["a"].toString(), QStringLiteral("A"));
    QVERIFY(!doc.parse(QByteArrayLiteral("[1,]")));
    QVERIFY(!doc.ok());
    QVERIFY(doc.root().isUndefined());
    QVERIFY(doc.error().isError());
    QVERIFY(doc.parse(QByteArrayLiteral(R"({"b":"\u0042"})")));
    QVERIFY(!doc.error().isError());
    QCOMPARE(doc.root()["b"].toString(), QStringLiteral("B"));
    QVERIFY(doc.root()["a"].isUndefined());

    // The document keeps its own reference to the input.
    QByteArray input = QByteArrayLiteral(R"({"c":"text"})");
    QVERIFY(doc.parse(input));
    input.fill('x');
    QCOMPARE(doc.root()["c"].toString(), QStringLiteral("text"));
}

void TestJsonValue::rejectsMalformed_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("spaces") << QByteArray("   ");
    QTest::newRow("trailing comma array") << QByteArray("[1,]");
    QTest::newRow("trailing comma object") << QByteArray(R"({"a":1,})");
    QTest::newRow("double comma") << QByteArray("[1,,2]");
    QTest::newRow("leading comma") << QByteArray("[,1]");
    QTest::newRow("empty member") << QByteArray("{,}");
    QTest::newRow("missing comma") << QByteArray("[1 2]");
    QTest::newRow("missing colon") << QByteArray(R"({"a" 1})");
    QTest::newRow("unquoted key") << QByteArray("{a:1}");
    QTest::newRow("single quotes") << QByteArray("['a']");
    QTest::newRow("unterminated string") << QByteArray("\"abc");
    QTest::newRow("unterminated escaped string") << QByteArray("\"a\\nb");
    QTest::newRow("backslash at end") << QByteArray("\"a\\");
    QTest::newRow("unterminated array") << QByteArray("[1");
    QTest::newRow("unterminated array after comma") << QByteArray("[1,");
    QTest::newRow("unterminated object") << QByteArray(R"({"a":1)");
    QTest::newRow("object without value") << QByteArray(R"({"a":)");
    QTest::newRow("open brace") << QByteArray("{");
    QTest::newRow("open bracket") << QByteArray("[");
    QTest::newRow("close only") << QByteArray("]");
    QTest::newRow("extra close") << QByteArray("[]]");
    QTest::newRow("two values") << QByteArray("1 2");
    QTest::newRow("bad escape") << QByteArray(R"("\x")");
    QTest::newRow("escaped quote only") << QByteArray(R"("\')");
    QTest::newRow("short unicode") << QByteArray(R"("\u12")");
    QTest::newRow("bad hex") << QByteArray(R"("\u12g4")");
    QTest::newRow("lone high surrogate") << QByteArray(R"("\ud800")");
    QTest::newRow("high surrogate then text") << QByteArray(R"("\ud800abc")");
    QTest::newRow("high surrogate then non-low") << QByteArray(R"("\ud800\u0041")");
    QTest::newRow("lone low surrogate") << QByteArray(R"("\udc00")");
    QTest::newRow("raw tab") << QByteArray("\"a\tb\"");
    QTest::newRow("raw newline") << QByteArray("\"a\nb\"");
    QTest::newRow("invalid utf8 byte") << QByteArray("\"\xff\"");
    QTest::newRow("truncated utf8") << QByteArray("\"\xc3\"");
    QTest::newRow("overlong utf8") << QByteArray("\"\xc0\xaf\"");
    QTest::newRow("overlong 3-byte") << QByteArray("\"\xe0\x80\xaf\"");
    QTest::newRow("utf8 surrogate") << QByteArray("\"\xed\xa0\x80\"");
    QTest::newRow("above U+10FFFF") << QByteArray("\"\xf4\x90\x80\x80\"");
    QTest::newRow("leading zero") << QByteArray("01");
    QTest::newRow("leading zero negative") << QByteArray("-01");
    QTest::newRow("leading zeros in array") << QByteArray("[00]");
    QTest::newRow("minus only") << QByteArray("-");
    QTest::newRow("plus") << QByteArray("+1");
    QTest::newRow("dot end") << QByteArray("1.");
    QTest::newRow("dot start") << QByteArray(".5");
    QTest::newRow("exponent empty") << QByteArray("1e");
    QTest::newRow("exponent sign only") << QByteArray("1e+");
    QTest::newRow("exponent fraction") << QByteArray("1e5.3");
    QTest::newRow("hex") << QByteArray("0x10");
    QTest::newRow("NaN") << QByteArray("NaN");
    QTest::newRow("Infinity") << QByteArray("Infinity");
    QTest::newRow("-Infinity") << QByteArray("-Infinity");
    QTest::newRow("NaN in object") << QByteArray(R"({"a":NaN})");
    QTest::newRow("tru") << QByteArray("tru");
    QTest::newRow("nul") << QByteArray("nul");
    QTest::newRow("True") << QByteArray("True");
    QTest::newRow("nulls") << QByteArray("nulls");
    QTest::newRow("comment") << QByteArray("// x\n1");
    QTest::newRow("block comment") << QByteArray("[1/*x*/]");
    QTest::newRow("nul byte after") << QByteArray("1\0", 2);
    QTest::newRow("vertical tab ws") << QByteArray("\v1");
    QTest::newRow("deep nesting") << QByteArray(200, '[') + QByteArray(200, ']');
    QTest::newRow("deep objects") << QByteArray("{\"a\":").repeated(200) + "1" + QByteArray(200, '}');
}

void TestJsonValue::rejectsMalformed() {
    QFETCH(QByteArray, json);
    JsonDocument doc;
    QVERIFY(!doc.parse(json));
    QVERIFY(!doc.ok());
    QVERIFY(doc.error().isError());
    QVERIFY(doc.error().offset >= 0);
    QVERIFY(doc.error().offset <= json.size());
    QVERIFY(doc.error().message.contains(QString::number(doc.error().offset)));
    QVERIFY(doc.root().isUndefined());
}

void TestJsonValue::errorOffsets() {
    JsonDocument doc;
    QVERIFY(!doc.parse(QByteArrayLiteral("[1,]")));
    QCOMPARE(doc.error().offset, 3);
    QVERIFY(!doc.parse(QByteArrayLiteral("{\"a\":01}")));
    QCOMPARE(doc.error().offset, 6);
    QVERIFY(!doc.parse(QByteArrayLiteral("  \"abc")));
    QCOMPARE(doc.error().offset, 2); // where the string started
    QVERIFY(!doc.parse(QByteArrayLiteral("[\"ok\", \"\\q\"]")));
    QCOMPARE(doc.error().offset, 8); // the backslash
    QVERIFY(!doc.parse(QByteArrayLiteral("[1] x")));
    QCOMPARE(doc.error().offset, 4);
    QVERIFY(doc.error().message.contains(QLatin1String("after the JSON value")));
}

void TestJsonValue::depthLimit() {
    JsonDocument doc;
    const auto nested = [](int depth) {
        return QByteArray(depth, '[') + QByteArray(depth, ']');
    };
    QVERIFY(doc.parse(nested(128)));
    QVERIFY(!doc.parse(nested(129)));
    QVERIFY(doc.error().message.contains(QLatin1String("128")));
    JsonParseOptions shallow;
    shallow.maxDepth = 3;
    QVERIFY(doc.parse(QByteArrayLiteral(R"({"a":[{"b":1}]})"), shallow));
    QVERIFY(!doc.parse(QByteArrayLiteral(R"({"a":[{"b":[1]}]})"), shallow));
    // A huge depth is an error, not a stack overflow.
    QVERIFY(!doc.parse(QByteArray(100000, '[')));
}

void TestJsonValue::acceptsEdgeCases_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF{}");
    QTest::newRow("whitespace everywhere") << QByteArray(" \t\r\n{ \"a\" : [ 1 , 2 ] , \"b\" : { } } \n");
    QTest::newRow("empty string") << QByteArray("\"\"");
    QTest::newRow("zero exp") << QByteArray("0e0");
    QTest::newRow("negative zero") << QByteArray("-0.0");
    QTest::newRow("capital E") << QByteArray("1E-7");
    QTest::newRow("big number") << QByteArray("123456789012345678901234567890.5e300");
    QTest::newRow("escaped solidus") << QByteArray(R"("\/")");
    QTest::newRow("4-byte utf8") << QByteArray("\"\xf0\x9f\x98\x80\"");
    QTest::newRow("max code point") << QByteArray("\"\xf4\x8f\xbf\xbf\"");
    QTest::newRow("nested empty") << QByteArray("[[],{},[{}]]");
}

void TestJsonValue::acceptsEdgeCases() {
    QFETCH(QByteArray, json);
    JsonDocument doc;
    QVERIFY2(doc.parse(json), qPrintable(doc.error().message));
}

void TestJsonValue::writerBasics() {
    JsonWriter w;
    w.beginObject()
        .field("market", "KRW-BTC")
        .field("count", 30)
        .field("big", qint64(9007199254740993))
        .field("neg", -5)
        .field("flag", true)
        .field("off", false)
        .key("nothing")
        .nullValue()
        .key("list")
        .beginArray()
        .value(1)
        .value("two")
        .beginObject()
        .endObject()
        .beginArray()
        .endArray()
        .endArray()
        .field("name", QStringLiteral("비트"))
        .endObject();
    QVERIFY(w.isComplete());
    QCOMPARE(w.data(),
             QByteArray(R"({"market":"KRW-BTC","count":30,"big":9007199254740993,"neg":-5,"flag":true,)"
                        R"("off":false,"nothing":null,"list":[1,"two",{},[]],"name":")") +
                 QStringLiteral("비트").toUtf8() + "\"}");
    JsonDocument doc;
    QVERIFY(doc.parse(w.data()));
    QCOMPARE(doc.root()["big"].toInt64(), std::optional<qint64>(9007199254740993));

    JsonWriter top;
    top.value("just a string");
    QVERIFY(top.isComplete());
    QCOMPARE(top.data(), QByteArray("\"just a string\""));
    JsonWriter open;
    open.beginArray();
    QVERIFY(!open.isComplete());
}

void TestJsonValue::writerEscapes() {
    JsonWriter w;
    w.beginArray()
        .value(std::string_view("q\"b\\s/\b\f\n\r\t\x01\x1f end"))
        .value(std::string_view("nul\0x", 5))
        .endArray();
    QCOMPARE(w.data(), QByteArray(R"(["q\"b\\s/\b\f\n\r\t\u0001\u001f end","nul\u0000x"])"));
    JsonDocument doc;
    QVERIFY(doc.parse(w.data()));
    QCOMPARE(doc.root().at(0).raw(), sv("q\"b\\s/\b\f\n\r\t\x01\x1f end"));
    QCOMPARE(doc.root().at(1).raw(), std::string_view("nul\0x", 5));

    JsonWriter k;
    k.beginObject().key(QStringLiteral("we\"ird")).value(1).endObject();
    QCOMPARE(k.data(), QByteArray(R"({"we\"ird":1})"));
}

void TestJsonValue::writerDecimals() {
    JsonWriter w;
    const Decimal price = Decimal::fromString("45000000");
    const Decimal volume = Decimal::fromString("9.101e-05");
    w.beginObject()
        .field("price", price)
        .field("volume", volume)
        .key("volume_number")
        .decimal(volume, JsonWriter::DecimalAs::Number)
        .key("negative")
        .decimal(Decimal::fromString("-0.000000000000000001"), JsonWriter::DecimalAs::Number)
        .endObject();
    QCOMPARE(w.data(), QByteArray(R"({"price":"45000000","volume":"0.00009101","volume_number":0.00009101,)"
                                  R"("negative":-0.000000000000000001})"));
    JsonDocument doc;
    QVERIFY(doc.parse(w.data()));
    QCOMPARE(doc.root()["volume_number"].toDecimal(), volume);
    QCOMPARE(doc.root()["volume"].toDecimal(), volume);

    // Copying a parsed value keeps number text exactly.
    QVERIFY(doc.parse(QByteArrayLiteral(R"({"v":9.101e-05,"w":1386929.37231066771348207123})")));
    QCOMPARE(rewrite(doc.root()), QByteArray(R"({"v":9.101e-05,"w":1386929.37231066771348207123})"));
}

QTEST_GUILESS_MAIN(TestJsonValue)
#include "tst_json_value.moc"
