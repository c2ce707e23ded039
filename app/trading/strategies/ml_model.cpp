#include "ml_model.h"

#include "ml_forest_model.h"
#include "ml_linear_model.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

namespace hoga {

QString MlModel::kindName(Kind kind) {
    return kind == Kind::Linear ? QStringLiteral("linear") : QStringLiteral("forest");
}

std::optional<MlModel::Kind> MlModel::kindFromName(const QString& name) {
    if (name == QLatin1String("linear"))
        return Kind::Linear;
    if (name == QLatin1String("forest"))
        return Kind::Forest;
    return std::nullopt;
}

std::unique_ptr<MlModel> MlModel::create(Kind kind) {
    if (kind == Kind::Linear)
        return std::make_unique<MlLinearModel>();
    return std::make_unique<MlForestModel>();
}

std::unique_ptr<MlModel> MlModel::fromJson(const QJsonObject& json) {
    const std::optional<Kind> kind = kindFromName(json.value(QStringLiteral("kind")).toString());
    if (!kind ||
        json.value(QStringLiteral("features")).toArray() != QJsonArray::fromStringList(MlFeatures::names()))
        return nullptr;
    std::unique_ptr<MlModel> model = create(*kind);
    if (!model->readParameters(json))
        return nullptr;
    model->m_trained = true;
    return model;
}

std::optional<QString> MlModel::fit(const QVector<MlSample>& samples, qint64 nowMs) {
    if (samples.isEmpty())
        return QCoreApplication::translate("hoga::MlSignal", "There is nothing to train on.");
    for (const MlSample& s : samples)
        if (s.labelKnownAtMs > nowMs || s.featureTimeMs >= s.labelKnownAtMs)
            return QCoreApplication::translate("hoga::MlSignal",
                                               "Refused to train on an outcome not yet known at the time.");
    train(samples);
    m_trained = true;
    return std::nullopt;
}

double MlModel::probabilityUp(const MlFeatures::Vector& features) const {
    return m_trained ? std::clamp(predict(features), 0.0, 1.0) : 0.5;
}

QJsonObject MlModel::toJson() const {
    QJsonObject json = parametersJson();
    json.insert(QStringLiteral("kind"), kindName(kind()));
    json.insert(QStringLiteral("features"), QJsonArray::fromStringList(MlFeatures::names()));
    return json;
}

} // namespace hoga
