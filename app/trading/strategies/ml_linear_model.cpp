#include "ml_linear_model.h"

#include <QJsonArray>

#include <Eigen/Dense>

#include <cmath>

namespace hoga {

namespace {

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

void MlLinearModel::train(const QVector<MlSample>& samples) {
    constexpr int n = MlFeatures::kCount;
    const Eigen::Index rows = samples.size();
    Eigen::MatrixXd raw(rows, n);
    Eigen::VectorXd y(rows);
    for (Eigen::Index i = 0; i < rows; ++i) {
        for (int j = 0; j < n; ++j)
            raw(i, j) = samples[i].features[size_t(j)];
        y(i) = samples[i].label;
    }
    // Standardised columns keep the solve well conditioned whatever the features' scales.
    const Eigen::RowVectorXd mean = raw.colwise().mean();
    const Eigen::MatrixXd centred = raw.rowwise() - mean;
    const Eigen::RowVectorXd deviation = (centred.colwise().squaredNorm() / double(rows)).cwiseSqrt();
    Eigen::MatrixXd x(rows, n + 1);
    x.col(n).setOnes(); // the intercept
    for (int j = 0; j < n; ++j) {
        const double scale = deviation(j) > 1e-12 ? deviation(j) : 1.0;
        x.col(j) = centred.col(j) / scale;
        m_mean[size_t(j)] = mean(j);
        m_scale[size_t(j)] = scale;
    }
    const Eigen::VectorXd beta = x.completeOrthogonalDecomposition().solve(y);
    for (int j = 0; j < n; ++j)
        m_weights[size_t(j)] = beta(j);
    m_bias = beta(n);
}

double MlLinearModel::predict(const MlFeatures::Vector& features) const {
    double y = m_bias;
    for (int j = 0; j < MlFeatures::kCount; ++j)
        y += m_weights[size_t(j)] * (features[size_t(j)] - m_mean[size_t(j)]) / m_scale[size_t(j)];
    return y;
}

QJsonObject MlLinearModel::parametersJson() const {
    return {{QStringLiteral("mean"), toArray(m_mean)},
            {QStringLiteral("scale"), toArray(m_scale)},
            {QStringLiteral("weights"), toArray(m_weights)},
            {QStringLiteral("bias"), m_bias}};
}

bool MlLinearModel::readParameters(const QJsonObject& json) {
    const auto mean = fromArray(json.value(QStringLiteral("mean")));
    const auto scale = fromArray(json.value(QStringLiteral("scale")));
    const auto weights = fromArray(json.value(QStringLiteral("weights")));
    if (!mean || !scale || !weights || !json.value(QStringLiteral("bias")).isDouble())
        return false;
    for (double s : *scale)
        if (!(s > 0))
            return false;
    m_mean = *mean;
    m_scale = *scale;
    m_weights = *weights;
    m_bias = json.value(QStringLiteral("bias")).toDouble();
    return true;
}

} // namespace hoga
