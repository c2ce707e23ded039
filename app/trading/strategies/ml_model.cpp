#include "ml_model.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>

namespace hoga {

namespace {

double sigmoid(double z) {
    return z >= 0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z));
}

QJsonArray toArray(const MlFeatures::Vector& v) {
    QJsonArray a;
    for (double x : v)
        a.append(x);
    return a;
}

std::optional<MlFeatures::Vector> fromArray(const QJsonValue& value) {
    const QJsonArray a = value.toArray();
    if (a.size() != MlFeatures::kCount)
        return std::nullopt;
    MlFeatures::Vector v{};
    for (int i = 0; i < MlFeatures::kCount; ++i) {
        if (!a[i].isDouble())
            return std::nullopt;
        v[size_t(i)] = a[i].toDouble();
    }
    return v;
}

} // namespace

std::optional<QString> MlLogisticModel::fit(const QVector<MlSample>& samples, qint64 nowMs,
                                            const Options& options) {
    if (samples.isEmpty())
        return QCoreApplication::translate("hoga::MlSignal", "There is nothing to train on.");
    for (const MlSample& s : samples)
        if (s.labelKnownAtMs > nowMs || s.featureTimeMs >= s.labelKnownAtMs)
            return QCoreApplication::translate("hoga::MlSignal",
                                               "Refused to train on an outcome not yet known at the time.");
    constexpr int n = MlFeatures::kCount;
    const double count = double(samples.size());
    MlFeatures::Vector mean{};
    MlFeatures::Vector scale{};
    for (const MlSample& s : samples)
        for (int j = 0; j < n; ++j)
            mean[size_t(j)] += s.features[size_t(j)] / count;
    for (const MlSample& s : samples)
        for (int j = 0; j < n; ++j) {
            const double d = s.features[size_t(j)] - mean[size_t(j)];
            scale[size_t(j)] += d * d / count;
        }
    for (double& v : scale)
        v = v > 1e-24 ? std::sqrt(v) : 1.0;

    QVector<MlFeatures::Vector> x;
    x.reserve(samples.size());
    for (const MlSample& s : samples) {
        MlFeatures::Vector z{};
        for (int j = 0; j < n; ++j)
            z[size_t(j)] = (s.features[size_t(j)] - mean[size_t(j)]) / scale[size_t(j)];
        x.append(z);
    }
    MlFeatures::Vector w{};
    double b = 0;
    for (int it = 0; it < options.iterations; ++it) {
        MlFeatures::Vector gw{};
        double gb = 0;
        for (qsizetype i = 0; i < x.size(); ++i) {
            double z = b;
            for (int j = 0; j < n; ++j)
                z += w[size_t(j)] * x[i][size_t(j)];
            const double error = sigmoid(z) - samples[i].label;
            for (int j = 0; j < n; ++j)
                gw[size_t(j)] += error * x[i][size_t(j)];
            gb += error;
        }
        for (int j = 0; j < n; ++j)
            w[size_t(j)] -= options.learningRate * (gw[size_t(j)] / count + options.l2 * w[size_t(j)]);
        b -= options.learningRate * gb / count;
    }
    m_mean = mean;
    m_scale = scale;
    m_weights = w;
    m_bias = b;
    m_trained = true;
    return std::nullopt;
}

double MlLogisticModel::probabilityUp(const MlFeatures::Vector& features) const {
    if (!m_trained)
        return 0.5;
    double z = m_bias;
    for (int j = 0; j < MlFeatures::kCount; ++j)
        z += m_weights[size_t(j)] * (features[size_t(j)] - m_mean[size_t(j)]) / m_scale[size_t(j)];
    return sigmoid(z);
}

QJsonObject MlLogisticModel::toJson() const {
    return {{QStringLiteral("kind"), QStringLiteral("logistic_regression")},
            {QStringLiteral("features"), QJsonArray::fromStringList(MlFeatures::names())},
            {QStringLiteral("mean"), toArray(m_mean)},
            {QStringLiteral("scale"), toArray(m_scale)},
            {QStringLiteral("weights"), toArray(m_weights)},
            {QStringLiteral("bias"), m_bias}};
}

std::optional<MlLogisticModel> MlLogisticModel::fromJson(const QJsonObject& json) {
    if (json.value(QStringLiteral("kind")).toString() != QLatin1String("logistic_regression") ||
        json.value(QStringLiteral("features")).toArray() != QJsonArray::fromStringList(MlFeatures::names()))
        return std::nullopt;
    const auto mean = fromArray(json.value(QStringLiteral("mean")));
    const auto scale = fromArray(json.value(QStringLiteral("scale")));
    const auto weights = fromArray(json.value(QStringLiteral("weights")));
    if (!mean || !scale || !weights || !json.value(QStringLiteral("bias")).isDouble())
        return std::nullopt;
    MlLogisticModel m;
    m.m_mean = *mean;
    m.m_scale = *scale;
    m.m_weights = *weights;
    m.m_bias = json.value(QStringLiteral("bias")).toDouble();
    m.m_trained = true;
    for (double s : m.m_scale)
        if (!(s > 0))
            return std::nullopt;
    return m;
}

} // namespace hoga
