#pragma once

#include "ml_signal_strategy.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <variant>

namespace hoga {

// A trained ML signal model as saved: the model, what it learned from and how well it predicted out of
// sample in the walk-forward run that produced it.
struct MlSavedModel {
    QString name;
    QJsonObject model; // MlModel::toJson()
    QString market;
    QString interval;
    MlTrainingWindow window;
    int folds = 0;
    int predictions = 0; // out-of-sample, outcome known
    double accuracy = 0.0;
    double precision = 0.0;
    qint64 savedAtMs = 0;

    QJsonObject toJson() const;
    static std::optional<MlSavedModel> fromJson(const QJsonObject& json);
};

// Saved models, one JSON file per name (<directory>/<name>.json), e.g. a profile's models folder.
class MlModelStore {
public:
    explicit MlModelStore(QString directory);

    // Letters, digits, '_' and '-', 1 to 64 of them: a file name on every system.
    static bool isValidName(const QString& name);

    const QString& directory() const { return m_directory; }
    // A translated reason when it could not be written; replaces a model of the same name.
    std::optional<QString> save(const MlSavedModel& saved) const;
    std::variant<MlSavedModel, QString> load(const QString& name) const;
    QStringList names() const; // sorted

private:
    QString pathOf(const QString& name) const;

    QString m_directory;
};

} // namespace hoga
