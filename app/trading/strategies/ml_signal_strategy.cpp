#include "ml_signal_strategy.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace hoga {

namespace {

constexpr qsizetype kMaxKeptPredictions = 100'000; // a live bot's report stays bounded

StrategyParameter parameter(const QString& key, StrategyParameter::Type type, const QString& label,
                            const QString& description, const QString& defaultValue, const QString& minimum,
                            const QString& maximum) {
    StrategyParameter p;
    p.key = key;
    p.type = type;
    p.label = label;
    p.description = description;
    p.defaultValue = defaultValue;
    p.minimum = minimum;
    p.maximum = maximum;
    p.required = defaultValue.isEmpty() && type == StrategyParameter::Type::Decimal;
    return p;
}

} // namespace

StrategyTemplate mlSignalTemplate() {
    using Type = StrategyParameter::Type;
    StrategyTemplate t;
    t.id = QStringLiteral("ml_signal");
    t.name = QCoreApplication::translate("hoga::MlSignal", "ML signal (walk-forward)");
    t.description = QCoreApplication::translate(
        "hoga::MlSignal",
        "Predicts whether the next candle closes higher with a linear regression or a random forest on "
        "returns, volatility, RSI and volume of closed candles, retrained on a rolling window of past "
        "outcomes only; buys above the confidence threshold and sells below its mirror.");
    StrategyParameter model = parameter(
        QStringLiteral("model"), Type::Choice, QCoreApplication::translate("hoga::MlSignal", "Model"),
        QCoreApplication::translate("hoga::MlSignal",
                                    "linear: least-squares linear regression; forest: a random forest of "
                                    "regression trees. Both estimate the probability of a higher close."),
        QStringLiteral("linear"), {}, {});
    model.choices = {MlModel::kindName(MlModel::Kind::Linear), MlModel::kindName(MlModel::Kind::Forest)};
    t.parameters = {
        model,
        parameter(QStringLiteral("train_window"), Type::Integer,
                  QCoreApplication::translate("hoga::MlSignal", "Training window"),
                  QCoreApplication::translate("hoga::MlSignal", "Past candles with known outcomes the model "
                                                                "learns from each time it is trained."),
                  QStringLiteral("300"), QStringLiteral("30"), QStringLiteral("100000")),
        parameter(QStringLiteral("retrain_every"), Type::Integer,
                  QCoreApplication::translate("hoga::MlSignal", "Retrain every"),
                  QCoreApplication::translate("hoga::MlSignal",
                                              "Candles predicted by one model before it is trained again."),
                  QStringLiteral("50"), QStringLiteral("1"), QStringLiteral("100000")),
        parameter(QStringLiteral("threshold"), Type::Decimal,
                  QCoreApplication::translate("hoga::MlSignal", "Confidence threshold"),
                  QCoreApplication::translate("hoga::MlSignal",
                                              "Buy when the probability of a higher close reaches this; sell "
                                              "when it falls to one minus this."),
                  QStringLiteral("0.55"), QStringLiteral("0.5"), QStringLiteral("0.99")),
        parameter(QStringLiteral("interval"), Type::Interval,
                  QCoreApplication::translate("hoga::MlSignal", "Candle interval"),
                  QCoreApplication::translate("hoga::MlSignal", "The model reads candles of this length."),
                  QStringLiteral("15m"), {}, {}),
        parameter(
            QStringLiteral("order_value"), Type::Decimal,
            QCoreApplication::translate("hoga::MlSignal", "Order value"),
            QCoreApplication::translate("hoga::MlSignal", "Amount of the quote currency spent on each buy."),
            {}, QStringLiteral("0"), {}),
    };
    const StrategyTemplate description = t; // without a factory: no cycle
    t.create = [description](const StrategyParams& given,
                             const Market& market) -> Result<std::unique_ptr<Strategy>> {
        const Result<StrategyParams> complete = completeParameters(description, given);
        if (!complete.ok())
            return complete.error();
        return MlSignalStrategy::create(ParameterValues(complete.value()), market);
    };
    return t;
}

Result<std::unique_ptr<Strategy>> MlSignalStrategy::create(const ParameterValues& values, const Market&) {
    if (!MlModel::kindFromName(values.text(QStringLiteral("model"))))
        return invalidParameters(
            QCoreApplication::translate("hoga::MlSignal", "Parameter model must be linear or forest."));
    if (!values.decimal(QStringLiteral("order_value")).isPositive())
        return invalidParameters(QCoreApplication::translate(
            "hoga::MlSignal", "Parameter order_value must be greater than zero."));
    return std::unique_ptr<Strategy>(new MlSignalStrategy(values));
}

MlSignalStrategy::MlSignalStrategy(const ParameterValues& values)
    : CandleSignalStrategy(values.interval(QStringLiteral("interval")),
                           values.decimal(QStringLiteral("order_value")),
                           values.integer(QStringLiteral("train_window")) + MlFeatures::kHistory + 1)
    , m_interval(values.interval(QStringLiteral("interval")))
    , m_trainWindow(values.integer(QStringLiteral("train_window")))
    , m_retrainEvery(values.integer(QStringLiteral("retrain_every")))
    , m_threshold(values.decimal(QStringLiteral("threshold")).toDouble())
    , m_kind(MlModel::kindFromName(values.text(QStringLiteral("model"))).value_or(MlModel::Kind::Linear))
    , m_model(MlModel::create(m_kind)) {}

bool MlSignalStrategy::useSavedModel(std::unique_ptr<MlModel> model, const MlTrainingWindow& window) {
    if (!model || !model->trained() || model->kind() != m_kind)
        return false;
    m_model = std::move(model);
    m_frozenAfterMs = window.trainedAtMs;
    MlFold fold;
    fold.index = int(m_folds.size());
    fold.trainFromMs = window.firstOpenMs + intervalMs(m_interval);
    fold.trainedAtMs = window.trainedAtMs;
    fold.trainSamples = window.samples;
    m_folds.append(fold);
    return true;
}

std::optional<std::pair<std::unique_ptr<MlModel>, MlTrainingWindow>>
MlSignalStrategy::trainFinalModel() const {
    if (m_samples.size() < m_trainWindow)
        return std::nullopt;
    std::unique_ptr<MlModel> model = MlModel::create(m_kind);
    const qint64 knownAtMs = m_samples.last().labelKnownAtMs;
    if (model->fit(m_samples, knownAtMs))
        return std::nullopt;
    const qint64 length = intervalMs(m_interval);
    MlTrainingWindow window;
    window.firstOpenMs = m_samples.first().featureTimeMs - length;
    window.lastOpenMs = knownAtMs - length;
    window.trainedAtMs = knownAtMs;
    window.samples = int(m_samples.size());
    return std::make_pair(std::move(model), window);
}

void MlSignalStrategy::onCandle(StrategyContext& context, const Candle& candle, CandleInterval interval) {
    m_probability.reset();
    if (interval == m_interval)
        learn(candle, candle.openTimeMs + intervalMs(m_interval));
    CandleSignalStrategy::onCandle(context, candle, interval);
}

void MlSignalStrategy::learn(const Candle& candle, qint64 closeMs) {
    if (!m_features.add(candle))
        return; // not after the previous candle: never learn from it
    const Decimal& close = candle.close;
    // The previous candle's example learns its outcome now, at this candle's close.
    if (m_unlabelled) {
        MlSample sample = *m_unlabelled;
        sample.label = close > *m_unlabelledClose ? 1 : 0;
        sample.labelKnownAtMs = closeMs;
        if (m_pendingPredictionUp && !m_folds.isEmpty()) {
            MlFold& fold = m_folds.last();
            ++fold.predictions;
            const bool up = sample.label == 1;
            fold.correct += *m_pendingPredictionUp == up ? 1 : 0;
            fold.predictedUp += *m_pendingPredictionUp ? 1 : 0;
            fold.truePositives += *m_pendingPredictionUp && up ? 1 : 0;
        }
        m_samples.append(sample);
        if (m_samples.size() > m_trainWindow)
            m_samples.removeFirst();
        m_unlabelled.reset();
        m_pendingPredictionUp.reset();
    }
    const std::optional<MlFeatures::Vector> features = m_features.current();
    if (!features)
        return;
    ++m_sinceTraining;
    const bool retrain = !m_frozenAfterMs && (!m_model->trained() || m_sinceTraining >= m_retrainEvery);
    if (m_samples.size() >= m_trainWindow && retrain) {
        if (!m_model->fit(m_samples, closeMs)) {
            MlFold fold;
            fold.index = int(m_folds.size());
            fold.trainFromMs = m_samples.first().featureTimeMs;
            fold.trainedAtMs = closeMs;
            fold.testFromMs = candle.openTimeMs;
            fold.testToMs = candle.openTimeMs;
            fold.trainSamples = int(m_samples.size());
            m_folds.append(fold);
            m_sinceTraining = 0;
        }
    }
    MlSample next;
    next.features = *features;
    next.featureTimeMs = closeMs;
    m_unlabelled = next;
    m_unlabelledClose = close;
    if (!m_model->trained() || (m_frozenAfterMs && closeMs <= *m_frozenAfterMs))
        return;
    const double p = m_model->probabilityUp(*features);
    m_probability = p;
    m_pendingPredictionUp = p >= 0.5;
    if (!m_folds.isEmpty()) {
        MlFold& fold = m_folds.last();
        if (fold.testFromMs == 0) // a saved model's fold starts at its first prediction
            fold.testFromMs = candle.openTimeMs;
        fold.testToMs = candle.openTimeMs;
    }
    if (m_predictions.size() >= kMaxKeptPredictions)
        m_predictions.removeFirst();
    m_predictions.append({candle.openTimeMs, p});
}

CandleSignalStrategy::Signal MlSignalStrategy::evaluate(StrategyContext& context, double) {
    if (!m_probability)
        return Signal::None;
    context.setIndicator(QStringLiteral("ml_probability_up"), *m_probability);
    if (*m_probability >= m_threshold)
        return Signal::Buy;
    if (*m_probability <= 1.0 - m_threshold)
        return Signal::Sell;
    return Signal::None;
}

// The trained model travels with the bot's state (per profile), with its training window and the last
// fold's out-of-sample score, so a restarted bot trades at once and a user can see what it learned.
QJsonObject MlSignalStrategy::saveState() const {
    QJsonObject state = CandleSignalStrategy::saveState();
    if (m_model->trained()) {
        QJsonObject model = m_model->toJson();
        if (!m_folds.isEmpty()) {
            const MlFold& f = m_folds.last();
            model.insert(QStringLiteral("train_from_ms"), double(f.trainFromMs));
            model.insert(QStringLiteral("trained_at_ms"), double(f.trainedAtMs));
            model.insert(QStringLiteral("train_samples"), f.trainSamples);
            model.insert(QStringLiteral("predictions"), f.predictions);
            model.insert(QStringLiteral("accuracy"), f.accuracy());
            model.insert(QStringLiteral("precision"), f.precision());
        }
        if (m_frozenAfterMs) // a saved model stays frozen across restarts
            model.insert(QStringLiteral("frozen_after_ms"), double(*m_frozenAfterMs));
        state.insert(QStringLiteral("model"), model);
    }
    return state;
}

void MlSignalStrategy::restoreState(const QJsonObject& state) {
    CandleSignalStrategy::restoreState(state);
    // A model of another kind (or an older format) is dropped: this strategy trains its own again.
    const QJsonObject saved = state.value(QStringLiteral("model")).toObject();
    std::unique_ptr<MlModel> model = MlModel::fromJson(saved);
    if (!model || model->kind() != m_kind)
        return;
    m_model = std::move(model);
    if (saved.value(QStringLiteral("frozen_after_ms")).isDouble())
        m_frozenAfterMs = qint64(saved.value(QStringLiteral("frozen_after_ms")).toDouble());
}

} // namespace hoga
