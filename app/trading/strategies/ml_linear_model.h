#pragma once

#include "ml_model.h"

namespace hoga {

// Linear regression of the label on the standardised features, solved by least squares (Eigen's complete
// orthogonal decomposition: the minimum-norm solution, so a constant feature does no harm). Its output is
// clamped to [0, 1].
class MlLinearModel : public MlModel {
public:
    Kind kind() const override { return Kind::Linear; }
    std::unique_ptr<MlModel> clone() const override { return std::make_unique<MlLinearModel>(*this); }

protected:
    void train(const QVector<MlSample>& samples) override;
    double predict(const MlFeatures::Vector& features) const override;
    QJsonObject parametersJson() const override;
    bool readParameters(const QJsonObject& json) override;

private:
    MlFeatures::Vector m_mean{};
    MlFeatures::Vector m_scale{};
    MlFeatures::Vector m_weights{};
    double m_bias = 0.0;
};

} // namespace hoga
