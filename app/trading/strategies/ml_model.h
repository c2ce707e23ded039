#pragma once

#include "ml_features.h"

#include <QJsonObject>
#include <QString>

namespace hoga {

// One training example: the features of a closed candle and whether the next candle closed higher.
// `labelKnownAtMs` is when that answer became known (the next candle's close); a model trained at time T
// may only learn from examples known by T.
struct MlSample {
    MlFeatures::Vector features{};
    int label = 0; // 1: the next close was higher
    qint64 featureTimeMs = 0;
    qint64 labelKnownAtMs = 0;
};

// Logistic regression on standardised features, fitted by full-batch gradient descent with a little L2
// regularisation: a fixed number of iterations, deterministic, no randomness. Outputs the probability
// that the next candle closes higher.
class MlLogisticModel {
public:
    struct Options {
        int iterations = 400;
        double learningRate = 0.5;
        double l2 = 1e-3;
    };

    // Fits on `samples` at time `nowMs`. Refuses (returns a translated reason, leaving the model as it was)
    // an empty set or any sample whose label was not known by nowMs: that would be learning from the future.
    std::optional<QString> fit(const QVector<MlSample>& samples, qint64 nowMs, const Options& options);
    std::optional<QString> fit(const QVector<MlSample>& samples, qint64 nowMs) {
        return fit(samples, nowMs, Options{});
    }
    bool trained() const { return m_trained; }
    double probabilityUp(const MlFeatures::Vector& features) const;

    QJsonObject toJson() const;
    static std::optional<MlLogisticModel> fromJson(const QJsonObject& json);

private:
    MlFeatures::Vector m_mean{};
    MlFeatures::Vector m_scale{};
    MlFeatures::Vector m_weights{};
    double m_bias = 0.0;
    bool m_trained = false;
};

} // namespace hoga
