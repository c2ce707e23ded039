#include "ml_forest_model.h"

#include <dlib/random_forest.h>

#include <sstream>

namespace hoga {

namespace {

using Trainer = dlib::random_forest_regression_trainer<dlib::dense_feature_extractor>;
using Sample = Trainer::sample_type;

// dlib's default feature extractor reads column vectors of doubles.
Sample toSample(const MlFeatures::Vector& features) {
    Sample s(MlFeatures::kCount);
    for (int j = 0; j < MlFeatures::kCount; ++j)
        s(j) = features[size_t(j)];
    return s;
}

} // namespace

struct MlForestModel::Forest {
    Trainer::trained_function_type function;
};

MlForestModel::MlForestModel() = default;
MlForestModel::~MlForestModel() = default;

MlForestModel::MlForestModel(const MlForestModel& other)
    : MlModel(other)
    , m_forest(other.m_forest ? std::make_unique<Forest>(*other.m_forest) : nullptr)
    , m_serialised(other.m_serialised) {}

void MlForestModel::train(const QVector<MlSample>& samples) {
    std::vector<Sample> x;
    std::vector<double> y;
    x.reserve(size_t(samples.size()));
    y.reserve(size_t(samples.size()));
    for (const MlSample& s : samples) {
        x.push_back(toSample(s.features));
        y.push_back(double(s.label));
    }
    Trainer trainer;
    trainer.set_seed("hoga-ml-forest"); // each tree is seeded from this and its index: reproducible
    trainer.set_num_trees(kTrees);
    trainer.set_min_samples_per_leaf(kMinSamplesPerLeaf);
    auto forest = std::make_unique<Forest>(Forest{trainer.train(x, y)});
    std::ostringstream out;
    serialize(forest->function, out); // dlib's friend function, found by argument-dependent lookup
    const std::string bytes = out.str();
    m_serialised = QByteArray(bytes.data(), qsizetype(bytes.size()));
    m_forest = std::move(forest);
}

double MlForestModel::predict(const MlFeatures::Vector& features) const {
    return m_forest ? m_forest->function(toSample(features)) : 0.5;
}

QJsonObject MlForestModel::parametersJson() const {
    return {{QStringLiteral("trees"), kTrees},
            {QStringLiteral("min_samples_per_leaf"), kMinSamplesPerLeaf},
            {QStringLiteral("dlib_forest"), QString::fromLatin1(m_serialised.toBase64())}};
}

bool MlForestModel::readParameters(const QJsonObject& json) {
    const QByteArray::FromBase64Result decoded =
        QByteArray::fromBase64Encoding(json.value(QStringLiteral("dlib_forest")).toString().toLatin1(),
                                       QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return false;
    auto forest = std::make_unique<Forest>();
    try {
        std::istringstream in(std::string(decoded.decoded.constData(), size_t(decoded.decoded.size())));
        deserialize(forest->function, in);
    } catch (const std::exception&) {
        return false; // not a forest dlib wrote
    }
    if (forest->function.get_num_trees() == 0 ||
        forest->function.get_feature_extractor().max_num_feats() != size_t(MlFeatures::kCount))
        return false;
    m_serialised = decoded.decoded;
    m_forest = std::move(forest);
    return true;
}

} // namespace hoga
