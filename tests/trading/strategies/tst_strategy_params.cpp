#include "trading/strategies/parameter_values.h"
#include "trading/strategy/strategy_params.h"

#include <QTest>

using namespace hoga;

namespace {

StrategyParameter parameter(StrategyParameter::Type type, const QString& minimum = {},
                            const QString& maximum = {}) {
    StrategyParameter p;
    p.key = QStringLiteral("x");
    p.type = type;
    p.minimum = minimum;
    p.maximum = maximum;
    return p;
}

} // namespace

class TestStrategyParams : public QObject {
    Q_OBJECT

private slots:
    void decimals() {
        const StrategyParameter p =
            parameter(StrategyParameter::Type::Decimal, QStringLiteral("0"), QStringLiteral("100"));
        QVERIFY(!validateParameter(p, QStringLiteral("0.001")));
        QVERIFY(!validateParameter(p, QStringLiteral("100")));
        const auto notNumber = validateParameter(p, QStringLiteral("abc"));
        QVERIFY(notNumber);
        QVERIFY(notNumber->contains(QStringLiteral("x")));
        QVERIFY(notNumber->contains(QStringLiteral("abc")));
        const auto tooBig = validateParameter(p, QStringLiteral("100.5"));
        QVERIFY(tooBig);
        QVERIFY2(tooBig->contains(QStringLiteral("100.5")) && tooBig->contains(QStringLiteral("at most 100")),
                 qPrintable(*tooBig));
        QVERIFY(validateParameter(p, QStringLiteral("-1")));
        QVERIFY(validateParameter(p, QString()));
    }

    void integers() {
        const StrategyParameter p = parameter(StrategyParameter::Type::Integer, QStringLiteral("2"));
        QVERIFY(!validateParameter(p, QStringLiteral("14")));
        QVERIFY(validateParameter(p, QStringLiteral("1")));
        QVERIFY(validateParameter(p, QStringLiteral("1.5")));
        QVERIFY(validateParameter(p, QStringLiteral("ten")));
    }

    void choicesIntervalsDurations() {
        StrategyParameter choice = parameter(StrategyParameter::Type::Choice);
        choice.choices = {QStringLiteral("sma"), QStringLiteral("ema")};
        QVERIFY(!validateParameter(choice, QStringLiteral("ema")));
        QVERIFY(validateParameter(choice, QStringLiteral("wma"))->contains(QStringLiteral("sma, ema")));

        const StrategyParameter interval = parameter(StrategyParameter::Type::Interval);
        QVERIFY(!validateParameter(interval, QStringLiteral("1m")));
        QVERIFY(!validateParameter(interval, QStringLiteral("15m")));
        QVERIFY(!validateParameter(interval, QStringLiteral("1d")));
        QVERIFY(validateParameter(interval, QStringLiteral("7m")));

        const StrategyParameter duration = parameter(StrategyParameter::Type::Duration);
        for (const char* ok : {"30s", "5m", "4h", "1d"})
            QVERIFY2(!validateParameter(duration, QString::fromLatin1(ok)), ok);
        for (const char* bad : {"0s", "5", "m", "1w", "-5m", "1.5h", " 5m"})
            QVERIFY2(validateParameter(duration, QString::fromLatin1(bad)), bad);
        QCOMPARE(durationMsFromText(QStringLiteral("30s")).value(), 30'000);
        QCOMPARE(durationMsFromText(QStringLiteral("5m")).value(), 300'000);
        QCOMPARE(durationMsFromText(QStringLiteral("4h")).value(), 4 * 3'600'000);
        QCOMPARE(durationMsFromText(QStringLiteral("1d")).value(), 86'400'000);
    }

    void completeFillsDefaultsAndCanonicalises() {
        const StrategyTemplate* sma = findStrategy(QStringLiteral("sma_cross"));
        QVERIFY(sma);
        const auto complete =
            completeParameters(*sma, {{QStringLiteral("order_value"), QStringLiteral("5000.50")},
                                      {QStringLiteral("fast"), QStringLiteral("5")}});
        QVERIFY(complete.ok());
        QCOMPARE(complete.value().value(QStringLiteral("order_value")), QStringLiteral("5000.5"));
        QCOMPARE(complete.value().value(QStringLiteral("fast")), QStringLiteral("5"));
        QCOMPARE(complete.value().value(QStringLiteral("slow")), QStringLiteral("20"));
        QCOMPARE(complete.value().value(QStringLiteral("ma")), QStringLiteral("sma"));
        QCOMPARE(complete.value().value(QStringLiteral("interval")), QStringLiteral("15m"));
    }

    void completeRefusesUnknownMissingAndInvalid() {
        const StrategyTemplate* grid = findStrategy(QStringLiteral("grid"));
        QVERIFY(grid);
        const StrategyParams good = {{QStringLiteral("lower"), QStringLiteral("90")},
                                     {QStringLiteral("upper"), QStringLiteral("110")},
                                     {QStringLiteral("qty_per_level"), QStringLiteral("0.1")}};
        QVERIFY(completeParameters(*grid, good).ok());

        StrategyParams unknown = good;
        unknown.insert(QStringLiteral("spacing"), QStringLiteral("1"));
        const auto refusedUnknown = completeParameters(*grid, unknown);
        QVERIFY(!refusedUnknown.ok());
        QCOMPARE(refusedUnknown.error().kind, ErrorKind::InvalidOrder);
        QVERIFY(refusedUnknown.error().detail.contains(QStringLiteral("spacing")));

        StrategyParams missing = good;
        missing.remove(QStringLiteral("upper"));
        const auto refusedMissing = completeParameters(*grid, missing);
        QVERIFY(!refusedMissing.ok());
        QVERIFY(refusedMissing.error().detail.contains(QStringLiteral("upper")));

        StrategyParams invalid = good;
        invalid.insert(QStringLiteral("levels"), QStringLiteral("1"));
        const auto refusedInvalid = completeParameters(*grid, invalid);
        QVERIFY(!refusedInvalid.ok());
        QVERIFY(refusedInvalid.error().detail.contains(QStringLiteral("levels")));
    }

    void builtInsAreListedInOrder() {
        QStringList ids;
        for (const StrategyTemplate& t : builtInStrategies()) {
            ids.append(t.id);
            QVERIFY(!t.name.isEmpty());
            QVERIFY(!t.description.isEmpty());
            QVERIFY(t.create);
            for (const StrategyParameter& p : t.parameters) {
                QVERIFY(!p.label.isEmpty());
                if (!p.required)
                    QVERIFY2(!validateParameter(p, p.defaultValue), qPrintable(t.id + p.key));
            }
        }
        QCOMPARE(ids,
                 (QStringList{QStringLiteral("sma_cross"), QStringLiteral("rsi"), QStringLiteral("bollinger"),
                              QStringLiteral("grid"), QStringLiteral("dca"), QStringLiteral("ml_signal")}));
        QVERIFY(!findStrategy(QStringLiteral("martingale")));
    }
};

QTEST_GUILESS_MAIN(TestStrategyParams)
#include "tst_strategy_params.moc"
