#pragma once

#include "ml_features.h"

#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

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

// A model that learns, from past examples, how likely the next candle is to close higher. The models
// themselves come from libraries (MlLinearModel: least squares with Eigen; MlForestModel: dlib's random
// forest); this base holds what they share: the refusal of outcomes from the future, and saving as JSON.
// Both regress the label (1 up, 0 not) so their output reads as a probability; deterministic.
class MlModel {
public:
    enum class Kind { Linear, Forest };

    virtual ~MlModel() = default;

    static QString kindName(Kind kind); // "linear", "forest"
    static std::optional<Kind> kindFromName(const QString& name);
    static std::unique_ptr<MlModel> create(Kind kind);
    // Empty when the JSON is not a model this version can read.
    static std::unique_ptr<MlModel> fromJson(const QJsonObject& json);

    virtual Kind kind() const = 0;
    virtual std::unique_ptr<MlModel> clone() const = 0;

    // Fits on `samples` at time `nowMs`. Refuses (returns a translated reason, leaving the model as it was)
    // an empty set or any sample whose label was not known by nowMs: that would be learning from the future.
    std::optional<QString> fit(const QVector<MlSample>& samples, qint64 nowMs);
    bool trained() const { return m_trained; }
    // In [0, 1]; 0.5 until trained.
    double probabilityUp(const MlFeatures::Vector& features) const;

    QJsonObject toJson() const;

protected:
    virtual void train(const QVector<MlSample>& samples) = 0;
    virtual double predict(const MlFeatures::Vector& features) const = 0;
    virtual QJsonObject parametersJson() const = 0;
    virtual bool readParameters(const QJsonObject& json) = 0;

private:
    bool m_trained = false;
};

} // namespace hoga
