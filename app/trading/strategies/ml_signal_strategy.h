#pragma once

#include "candle_signal_strategy.h"
#include "ml_model.h"
#include "parameter_values.h"

namespace hoga {

// The ML signal strategy's template ("ml_signal").
StrategyTemplate mlSignalTemplate();

// One walk-forward fold: the model trained on the `trainSamples` examples known by `trainedAtMs`, then
// predicted every candle until the next retraining; scored only on outcomes that came after training.
struct MlFold {
    int index = 0;
    qint64 trainFromMs = 0; // feature time of the oldest training example
    qint64 trainedAtMs = 0; // when it was trained: no example's outcome is later
    qint64 testFromMs = 0;  // first candle it predicted
    qint64 testToMs = 0;    // last candle it predicted
    int trainSamples = 0;
    int predictions = 0; // scored predictions (outcome known)
    int correct = 0;
    int predictedUp = 0;
    int truePositives = 0; // predicted up and it went up
    double accuracy() const { return predictions > 0 ? double(correct) / predictions : 0.0; }
    double precision() const { return predictedUp > 0 ? double(truePositives) / predictedUp : 0.0; }
};

// What a trained model learned from: the examples of the candles that opened from firstOpenMs to lastOpenMs
// (their features also read up to MlFeatures::kHistory - 1 candles before), whose outcomes were all known by
// trainedAtMs.
struct MlTrainingWindow {
    qint64 firstOpenMs = 0;
    qint64 lastOpenMs = 0;
    qint64 trainedAtMs = 0;
    int samples = 0;
};

// One prediction: of the candle that opened at openTimeMs, once closed.
struct MlPrediction {
    qint64 openTimeMs = 0;
    double probabilityUp = 0.5;
};

// Trades on a model's predictions of whether the next candle closes higher (parameter `model`: "linear" for
// least squares, "forest" for a random forest; see MlModel), walk-forward: features come from closed candles
// only (MlFeatures); each example's label is the next close, known only when that candle closes; every
// `retrain_every` candles the model is refitted on the last `train_window` examples whose outcome is already
// known, then predicts the candles that follow. Buys (all of order_value) when P(up) >= threshold and nothing
// is held; sells the holding when P(up) <= 1 - threshold. Folds and predictions stay readable for reports and
// tests. A saved model (useSavedModel) is used as it is, never retrained, and only on candles that closed
// after its training window: predicting the candles it learned from would flatter it.
class MlSignalStrategy : public CandleSignalStrategy {
public:
    static Result<std::unique_ptr<Strategy>> create(const ParameterValues& values, const Market& market);

    QString id() const override { return QStringLiteral("ml_signal"); }
    void onCandle(StrategyContext& context, const Candle& candle, CandleInterval interval) override;
    QJsonObject saveState() const override;
    void restoreState(const QJsonObject& state) override;

    const QVector<MlFold>& folds() const { return m_folds; }
    const QVector<MlPrediction>& predictions() const { return m_predictions; }
    MlModel::Kind modelKind() const { return m_kind; }

    // Predicts with `model` (trained as `window` says) from now on instead of training its own. False (and
    // nothing changes) when the model is not trained or not of this strategy's kind.
    bool useSavedModel(std::unique_ptr<MlModel> model, const MlTrainingWindow& window);
    // A fresh model of this strategy's kind fitted on the latest examples whose outcomes are known, for
    // saving after a walk-forward run; empty when there are not train_window of them yet.
    std::optional<std::pair<std::unique_ptr<MlModel>, MlTrainingWindow>> trainFinalModel() const;

protected:
    Signal evaluate(StrategyContext& context, double close) override;

private:
    MlSignalStrategy(const ParameterValues& values);
    void learn(const Candle& candle, qint64 closeMs);

    CandleInterval m_interval;
    int m_trainWindow;
    int m_retrainEvery;
    double m_threshold;
    MlModel::Kind m_kind;
    MlFeatures m_features;
    std::unique_ptr<MlModel> m_model;
    std::optional<qint64> m_frozenAfterMs; // a saved model: never retrained; predicts candles closing later
    QVector<MlSample> m_samples;           // labelled, oldest first, at most m_trainWindow
    std::optional<MlSample> m_unlabelled;  // the last candle's features, waiting for the next close
    std::optional<Decimal> m_unlabelledClose;
    std::optional<bool> m_pendingPredictionUp; // what was predicted for m_unlabelled
    int m_sinceTraining = 0;
    std::optional<double> m_probability; // for the candle just closed
    QVector<MlFold> m_folds;
    QVector<MlPrediction> m_predictions;
};

} // namespace hoga
