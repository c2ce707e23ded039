#pragma once

#include "ml_model.h"

#include <QByteArray>

namespace hoga {

// dlib's random forest regression on the label: the mean of its trees' leaves is the share of similar past
// candles that were followed by a higher close. Seeded, so the same examples always grow the same forest.
// The trained forest is kept in dlib's own serialised form, which is what is saved and what predicts.
class MlForestModel : public MlModel {
public:
    static constexpr int kTrees = 100;
    static constexpr int kMinSamplesPerLeaf = 5;

    MlForestModel();
    ~MlForestModel() override;
    MlForestModel(const MlForestModel& other);
    MlForestModel& operator=(const MlForestModel&) = delete;

    Kind kind() const override { return Kind::Forest; }
    std::unique_ptr<MlModel> clone() const override { return std::make_unique<MlForestModel>(*this); }

protected:
    void train(const QVector<MlSample>& samples) override;
    double predict(const MlFeatures::Vector& features) const override;
    QJsonObject parametersJson() const override;
    bool readParameters(const QJsonObject& json) override;

private:
    struct Forest; // dlib's trained function, kept out of this header
    std::unique_ptr<Forest> m_forest;
    QByteArray m_serialised;
};

} // namespace hoga
