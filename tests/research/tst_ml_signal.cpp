// The ML signal strategy, walk-forward, with each of its models (least squares with Eigen, dlib's random
// forest): features refuse candles out of time order, the models refuse to learn outcomes not yet known, a
// planted pattern is found out of sample, a random walk stays near chance, changing the future never changes
// a past prediction or trade, and a saved model predicts exactly as it did before it was saved.

#include "research/backtest/backtester.h"
#include "trading/strategies/ml_model_store.h"
#include "trading/strategies/ml_signal_strategy.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <random>

using namespace hoga;

namespace {

constexpr qint64 kMinute = 60'000;
constexpr qint64 kStart = 1'700'000'040'000;

// Candles whose one-candle returns are given (price starts at 100000.00); volume varies a little.
QVector<Candle> fromReturns(const QVector<double>& returns) {
    QVector<Candle> candles;
    double price = 100000;
    for (qsizetype i = 0; i < returns.size(); ++i) {
        const double next = price * (1 + returns[i]);
        const Decimal open = Decimal::fromMantissa(qint64(price * 100), 2);
        const Decimal close = Decimal::fromMantissa(qint64(next * 100), 2);
        candles.append(Candle{kStart + i * kMinute,
                              open,
                              Decimal::max(open, close),
                              Decimal::min(open, close),
                              close,
                              Decimal(1 + int(i % 7)),
                              {}});
        price = next;
    }
    return candles;
}

// Sign flips with probability `flip`; sizes 0.2 % .. 1 %.
QVector<double> returnsWithMemory(int count, double flip, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> size(0.002, 0.01);
    std::bernoulli_distribution flips(flip);
    QVector<double> r;
    int sign = 1;
    for (int i = 0; i < count; ++i) {
        if (flips(rng))
            sign = -sign;
        r.append(sign * size(rng));
    }
    return r;
}

BacktestConfig config() {
    BacktestConfig c;
    c.market.code = QStringLiteral("KRW-BTC");
    c.market.base = QStringLiteral("BTC");
    c.market.quote = QStringLiteral("KRW");
    c.market.rules.qtyStep = Decimal::fromString("0.00000001");
    c.initialCash = Decimal(1'000'000);
    c.feeRate = Decimal::fromString("0.0005");
    c.interval = CandleInterval::M1;
    c.candleMs = kMinute;
    return c;
}

std::unique_ptr<Strategy> mlStrategy(const QString& model, const QString& trainWindow = QStringLiteral("300"),
                                     const QString& retrainEvery = QStringLiteral("50")) {
    const StrategyTemplate t = mlSignalTemplate();
    Result<std::unique_ptr<Strategy>> created =
        t.create({{QStringLiteral("model"), model},
                  {QStringLiteral("interval"), QStringLiteral("1m")},
                  {QStringLiteral("order_value"), QStringLiteral("1000000")},
                  {QStringLiteral("train_window"), trainWindow},
                  {QStringLiteral("retrain_every"), retrainEvery}},
                 config().market);
    return created.ok() ? std::move(created.value()) : nullptr;
}

struct Score {
    int predictions = 0;
    int correct = 0;
    double accuracy() const { return predictions ? double(correct) / predictions : 0; }
};

Score outOfSample(const MlSignalStrategy& s) {
    Score score;
    for (const MlFold& f : s.folds()) {
        score.predictions += f.predictions;
        score.correct += f.correct;
    }
    return score;
}

void addModelKinds() {
    QTest::addColumn<QString>("model");
    QTest::newRow("linear") << QStringLiteral("linear");
    QTest::newRow("forest") << QStringLiteral("forest");
}

// Feature vectors spread around the planted pattern's, for comparing predictions.
QVector<MlFeatures::Vector> probes() {
    QVector<MlFeatures::Vector> all;
    std::mt19937 rng(17);
    std::normal_distribution<double> noise(0.0, 0.01);
    for (int i = 0; i < 200; ++i) {
        MlFeatures::Vector v{};
        for (double& x : v)
            x = noise(rng);
        all.append(v);
    }
    return all;
}

} // namespace

class TestMlSignal : public QObject {
    Q_OBJECT
private slots:
    void featuresComeFromClosedCandlesInOrder() {
        MlFeatures features;
        const QVector<Candle> candles = fromReturns(returnsWithMemory(30, 0.5, 1));
        for (int i = 0; i < MlFeatures::kHistory - 1; ++i)
            QVERIFY(features.add(candles[i]));
        QVERIFY(!features.current()); // not enough history yet
        QVERIFY(features.add(candles[MlFeatures::kHistory - 1]));
        const std::optional<MlFeatures::Vector> f = features.current();
        QVERIFY(f);
        // return_1 is the last candle's own close against the one before.
        const double c0 = candles[MlFeatures::kHistory - 1].close.toDouble();
        const double c1 = candles[MlFeatures::kHistory - 2].close.toDouble();
        QVERIFY(qAbs((*f)[0] - (c0 / c1 - 1)) < 1e-12);
        // A planted candle from the past (or the same candle again) is refused and changes nothing.
        QVERIFY(!features.add(candles[3]));
        QVERIFY(!features.add(candles[MlFeatures::kHistory - 1]));
        QCOMPARE(features.current(), f);
    }

    void modelRefusesOutcomesFromTheFuture_data() { addModelKinds(); }
    void modelRefusesOutcomesFromTheFuture() {
        QFETCH(QString, model);
        QVector<MlSample> samples;
        for (int i = 0; i < 40; ++i) {
            MlSample s;
            s.features[0] = i % 2 ? 1.0 : -1.0;
            s.label = i % 2;
            s.featureTimeMs = kStart + i * kMinute;
            s.labelKnownAtMs = s.featureTimeMs + kMinute;
            samples.append(s);
        }
        const qint64 now = samples.last().labelKnownAtMs;
        std::unique_ptr<MlModel> m = MlModel::create(*MlModel::kindFromName(model));
        // One outcome that only becomes known after "now" is planted: the whole fit is refused.
        QVector<MlSample> planted = samples;
        planted.last().labelKnownAtMs = now + kMinute;
        QVERIFY(m->fit(planted, now).has_value());
        QVERIFY(!m->trained());
        // An outcome "known" before its features were: refused too.
        planted = samples;
        planted[5].labelKnownAtMs = planted[5].featureTimeMs;
        QVERIFY(m->fit(planted, now).has_value());
        QVERIFY(!m->trained());
        QVERIFY(!m->fit(samples, now).has_value());
        QVERIFY(m->trained());
        MlFeatures::Vector up{};
        up[0] = 1.0;
        MlFeatures::Vector down{};
        down[0] = -1.0;
        QVERIFY(m->probabilityUp(up) > 0.9);
        QVERIFY(m->probabilityUp(down) < 0.1);
    }

    void savedModelsPredictTheSame_data() { addModelKinds(); }
    void savedModelsPredictTheSame() {
        QFETCH(QString, model);
        const QVector<Candle> candles = fromReturns(returnsWithMemory(500, 0.85, 21));
        std::unique_ptr<Strategy> strategy = mlStrategy(model, QStringLiteral("200"), QStringLiteral("500"));
        Backtester::run(*strategy, candles, config());
        const auto& ml = static_cast<const MlSignalStrategy&>(*strategy);
        auto final = ml.trainFinalModel();
        QVERIFY(final);
        const MlTrainingWindow window = final->second;
        QCOMPARE(window.samples, 200);
        QCOMPARE(window.lastOpenMs, candles.last().openTimeMs); // the last close labelled the last example
        QVERIFY(window.firstOpenMs < window.lastOpenMs);
        QCOMPARE(window.trainedAtMs, candles.last().openTimeMs + kMinute);

        // Through JSON alone.
        const std::unique_ptr<MlModel> copy = MlModel::fromJson(final->first->toJson());
        QVERIFY(copy);
        QCOMPARE(copy->kind(), final->first->kind());
        for (const MlFeatures::Vector& v : probes())
            QCOMPARE(copy->probabilityUp(v), final->first->probabilityUp(v)); // bit for bit

        // Through the store's file.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const MlModelStore store(dir.filePath(QStringLiteral("models")));
        MlSavedModel saved;
        saved.name = QStringLiteral("planted-") + model;
        saved.model = final->first->toJson();
        saved.interval = QStringLiteral("1m");
        saved.window = window;
        saved.folds = 3;
        saved.predictions = 90;
        saved.accuracy = 0.8;
        saved.precision = 0.75;
        QVERIFY(!store.save(saved));
        QCOMPARE(store.names(), QStringList{saved.name});
        const auto loaded = store.load(saved.name);
        QVERIFY(std::holds_alternative<MlSavedModel>(loaded));
        const MlSavedModel& back = std::get<MlSavedModel>(loaded);
        QCOMPARE(back.window.firstOpenMs, window.firstOpenMs);
        QCOMPARE(back.window.lastOpenMs, window.lastOpenMs);
        QCOMPARE(back.window.samples, 200);
        QCOMPARE(back.accuracy, 0.8);
        const std::unique_ptr<MlModel> fromFile = MlModel::fromJson(back.model);
        QVERIFY(fromFile);
        for (const MlFeatures::Vector& v : probes())
            QCOMPARE(fromFile->probabilityUp(v), final->first->probabilityUp(v));
        QVERIFY(std::holds_alternative<QString>(store.load(QStringLiteral("missing"))));
        QVERIFY(std::holds_alternative<QString>(store.load(QStringLiteral("../escape"))));
        saved.name = QStringLiteral("no/slashes");
        QVERIFY(store.save(saved).has_value());

        // A strategy given the saved model never retrains and predicts only candles after its window.
        const QVector<Candle> later = fromReturns(returnsWithMemory(900, 0.85, 21));
        std::unique_ptr<Strategy> user = mlStrategy(model, QStringLiteral("200"), QStringLiteral("1"));
        auto& frozen = static_cast<MlSignalStrategy&>(*user);
        QVERIFY(frozen.useSavedModel(MlModel::fromJson(back.model), back.window));
        Backtester::run(*user, later, config());
        QCOMPARE(frozen.folds().size(), 1);
        QVERIFY(!frozen.predictions().isEmpty());
        QVERIFY(frozen.predictions().first().openTimeMs > window.lastOpenMs);
        QVERIFY(frozen.folds().first().predictions > 300);
        QVERIFY2(frozen.folds().first().accuracy() > 0.7,
                 qPrintable(QString::number(frozen.folds().first().accuracy())));
        // Restarted from its saved state it stays frozen: it never trains its own and predicts exactly as the
        // saved model does (RSI depends on the whole history, so both read the same tail).
        std::unique_ptr<Strategy> restarted = mlStrategy(model, QStringLiteral("200"), QStringLiteral("1"));
        restarted->restoreState(user->saveState());
        std::unique_ptr<Strategy> direct = mlStrategy(model, QStringLiteral("200"), QStringLiteral("1"));
        QVERIFY(static_cast<MlSignalStrategy&>(*direct).useSavedModel(MlModel::fromJson(back.model),
                                                                      back.window));
        const QVector<Candle> tail(later.begin() + 600, later.end());
        Backtester::run(*restarted, tail, config());
        Backtester::run(*direct, tail, config());
        const auto& again = static_cast<const MlSignalStrategy&>(*restarted);
        QVERIFY(again.folds().isEmpty());
        QVERIFY(again.predictions().size() > 200);
        QCOMPARE(again.predictions().size(),
                 static_cast<const MlSignalStrategy&>(*direct).predictions().size());
        for (qsizetype i = 0; i < again.predictions().size(); ++i)
            QCOMPARE(again.predictions()[i].probabilityUp,
                     static_cast<const MlSignalStrategy&>(*direct).predictions()[i].probabilityUp);
        // Of the other kind: refused.
        std::unique_ptr<Strategy> other = mlStrategy(
            model == QLatin1String("linear") ? QStringLiteral("forest") : QStringLiteral("linear"));
        QVERIFY(!static_cast<MlSignalStrategy&>(*other).useSavedModel(MlModel::fromJson(back.model),
                                                                      back.window));
    }

    void findsAPlantedPatternOutOfSample_data() { addModelKinds(); }
    void findsAPlantedPatternOutOfSample() {
        QFETCH(QString, model);
        // Each return reverses the previous one's sign 85 % of the time.
        const QVector<Candle> candles = fromReturns(returnsWithMemory(2000, 0.85, 7));
        std::unique_ptr<Strategy> strategy = mlStrategy(model);
        QVERIFY(strategy);
        const BacktestResult result = Backtester::run(*strategy, candles, config());
        const auto& ml = static_cast<const MlSignalStrategy&>(*strategy);
        QVERIFY(ml.folds().size() >= 30);
        for (const MlFold& f : ml.folds()) {
            QVERIFY(f.trainedAtMs <= f.testFromMs + kMinute); // trained by the close of its first test candle
            QCOMPARE(f.trainSamples, 300);
        }
        const Score score = outOfSample(ml);
        QVERIFY(score.predictions > 1500);
        qInfo("%s: out-of-sample accuracy %.4f over %d predictions", qPrintable(model), score.accuracy(),
              score.predictions);
        QVERIFY2(score.accuracy() > 0.75, qPrintable(QString::number(score.accuracy())));
        QVERIFY(!result.fills.isEmpty());
    }

    void aRandomWalkStaysNearChance_data() { addModelKinds(); }
    void aRandomWalkStaysNearChance() {
        QFETCH(QString, model);
        const QVector<Candle> candles = fromReturns(returnsWithMemory(3000, 0.5, 11));
        std::unique_ptr<Strategy> strategy = mlStrategy(model, QStringLiteral("300"), QStringLiteral("150"));
        Backtester::run(*strategy, candles, config());
        const Score score = outOfSample(static_cast<const MlSignalStrategy&>(*strategy));
        QVERIFY(score.predictions > 2500);
        qInfo("%s: out-of-sample accuracy %.4f over %d predictions", qPrintable(model), score.accuracy(),
              score.predictions);
        // 2 600 fair coin flips: 0.5 +- 0.04 is more than four standard deviations.
        QVERIFY2(qAbs(score.accuracy() - 0.5) < 0.04, qPrintable(QString::number(score.accuracy())));
    }

    void theFutureNeverChangesThePast_data() { addModelKinds(); }
    void theFutureNeverChangesThePast() {
        QFETCH(QString, model);
        const QVector<Candle> original = fromReturns(returnsWithMemory(1000, 0.8, 3));
        // Same first 600 candles; the prices of the rest shuffled (open times kept).
        QVector<Candle> changed = original;
        std::mt19937 rng(5);
        QVector<Candle> tail(original.begin() + 600, original.end());
        std::shuffle(tail.begin(), tail.end(), rng);
        for (qsizetype i = 600; i < changed.size(); ++i) {
            const qint64 open = changed[i].openTimeMs;
            changed[i] = tail[i - 600];
            changed[i].openTimeMs = open;
        }
        std::unique_ptr<Strategy> a = mlStrategy(model);
        std::unique_ptr<Strategy> b = mlStrategy(model);
        const BacktestResult ra = Backtester::run(*a, original, config());
        const BacktestResult rb = Backtester::run(*b, changed, config());
        const qint64 cut = original[600].openTimeMs;
        auto before = [cut](const QVector<MlPrediction>& all) {
            QVector<QPair<qint64, double>> kept;
            for (const MlPrediction& p : all)
                if (p.openTimeMs < cut)
                    kept.append({p.openTimeMs, p.probabilityUp});
            return kept;
        };
        const auto& pa = static_cast<const MlSignalStrategy&>(*a).predictions();
        const auto& pb = static_cast<const MlSignalStrategy&>(*b).predictions();
        QVERIFY(before(pa).size() >= 250);
        QCOMPARE(before(pa), before(pb)); // bit for bit
        auto all = [](const QVector<MlPrediction>& list) {
            QVector<double> p;
            for (const MlPrediction& x : list)
                p.append(x.probabilityUp);
            return p;
        };
        QVERIFY(all(pa) != all(pb)); // the future did change what came after
        // Orders decided before the cut fill at the cut candle's open at the latest: same fills until then.
        auto fillsBefore = [cut](const BacktestResult& r) {
            QVector<QPair<qint64, QString>> kept;
            for (const BacktestFill& f : r.fills)
                if (f.timestampMs < cut)
                    kept.append({f.timestampMs, f.qty.toString() + f.price.toString()});
            return kept;
        };
        QVERIFY(!fillsBefore(ra).isEmpty());
        QCOMPARE(fillsBefore(ra), fillsBefore(rb));
    }

    void savedStateCarriesTheModel_data() { addModelKinds(); }
    void savedStateCarriesTheModel() {
        QFETCH(QString, model);
        const QVector<Candle> candles = fromReturns(returnsWithMemory(400, 0.85, 9));
        std::unique_ptr<Strategy> trained = mlStrategy(model, QStringLiteral("100"));
        Backtester::run(*trained, candles, config());
        const QJsonObject state = trained->saveState();
        const QJsonObject saved = state.value(QStringLiteral("model")).toObject();
        QCOMPARE(saved.value(QStringLiteral("kind")).toString(), model);
        QCOMPARE(saved.value(QStringLiteral("train_samples")).toInt(), 100);
        QVERIFY(saved.value(QStringLiteral("trained_at_ms")).toDouble() > 0);
        QVERIFY(saved.contains(QStringLiteral("accuracy")));
        // A fresh bot restored from it predicts from its first full feature vector, before any retraining.
        std::unique_ptr<Strategy> restored = mlStrategy(model, QStringLiteral("100"));
        restored->restoreState(state);
        const QVector<Candle> head(candles.begin(), candles.begin() + 30);
        Backtester::run(*restored, head, config());
        QVERIFY(!static_cast<const MlSignalStrategy&>(*restored).predictions().isEmpty());
    }

    void parametersAreChecked() {
        const StrategyTemplate t = mlSignalTemplate();
        QVERIFY(!t.create({{QStringLiteral("order_value"), QStringLiteral("0")}}, config().market).ok());
        QVERIFY(!t.create({{QStringLiteral("order_value"), QStringLiteral("10")},
                           {QStringLiteral("threshold"), QStringLiteral("0.4")}},
                          config().market)
                     .ok());
        QVERIFY(!t.create({{QStringLiteral("order_value"), QStringLiteral("10")},
                           {QStringLiteral("model"), QStringLiteral("logistic")}},
                          config().market)
                     .ok());
        QVERIFY(t.create({{QStringLiteral("order_value"), QStringLiteral("10")}}, config().market).ok());
        QVERIFY(t.create({{QStringLiteral("order_value"), QStringLiteral("10")},
                          {QStringLiteral("model"), QStringLiteral("forest")}},
                         config().market)
                    .ok());
    }
};

QTEST_GUILESS_MAIN(TestMlSignal)
#include "tst_ml_signal.moc"
