#include "ml_model_store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

namespace hoga {

namespace {

constexpr int kFormat = 1;

qint64 integerOf(const QJsonObject& json, const char* key) {
    return qint64(json.value(QLatin1String(key)).toDouble());
}

} // namespace

QJsonObject MlSavedModel::toJson() const {
    return {{QStringLiteral("format"), kFormat},
            {QStringLiteral("name"), name},
            {QStringLiteral("market"), market},
            {QStringLiteral("interval"), interval},
            {QStringLiteral("train_first_open_ms"), double(window.firstOpenMs)},
            {QStringLiteral("train_last_open_ms"), double(window.lastOpenMs)},
            {QStringLiteral("trained_at_ms"), double(window.trainedAtMs)},
            {QStringLiteral("train_samples"), window.samples},
            {QStringLiteral("folds"), folds},
            {QStringLiteral("predictions"), predictions},
            {QStringLiteral("accuracy"), accuracy},
            {QStringLiteral("precision"), precision},
            {QStringLiteral("saved_at_ms"), double(savedAtMs)},
            {QStringLiteral("model"), model}};
}

std::optional<MlSavedModel> MlSavedModel::fromJson(const QJsonObject& json) {
    if (json.value(QStringLiteral("format")).toInt() != kFormat ||
        !json.value(QStringLiteral("model")).isObject())
        return std::nullopt;
    MlSavedModel m;
    m.name = json.value(QStringLiteral("name")).toString();
    m.market = json.value(QStringLiteral("market")).toString();
    m.interval = json.value(QStringLiteral("interval")).toString();
    m.window.firstOpenMs = integerOf(json, "train_first_open_ms");
    m.window.lastOpenMs = integerOf(json, "train_last_open_ms");
    m.window.trainedAtMs = integerOf(json, "trained_at_ms");
    m.window.samples = json.value(QStringLiteral("train_samples")).toInt();
    m.folds = json.value(QStringLiteral("folds")).toInt();
    m.predictions = json.value(QStringLiteral("predictions")).toInt();
    m.accuracy = json.value(QStringLiteral("accuracy")).toDouble();
    m.precision = json.value(QStringLiteral("precision")).toDouble();
    m.savedAtMs = integerOf(json, "saved_at_ms");
    m.model = json.value(QStringLiteral("model")).toObject();
    return m;
}

MlModelStore::MlModelStore(QString directory)
    : m_directory(std::move(directory)) {}

bool MlModelStore::isValidName(const QString& name) {
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    return pattern.match(name).hasMatch();
}

QString MlModelStore::pathOf(const QString& name) const {
    return QDir(m_directory).filePath(name + QStringLiteral(".json"));
}

std::optional<QString> MlModelStore::save(const MlSavedModel& saved) const {
    if (!isValidName(saved.name))
        return QCoreApplication::translate("hoga::MlSignal",
                                           "A model name has 1 to 64 letters, digits, _ or -, not \"%1\".")
            .arg(saved.name);
    if (!QDir().mkpath(m_directory))
        return QCoreApplication::translate("hoga::MlSignal", "Cannot create the folder %1.")
            .arg(QDir::toNativeSeparators(m_directory));
    // Written whole or not at all: a crash never leaves half a model behind.
    QSaveFile file(pathOf(saved.name));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(saved.toJson()).toJson()) < 0 ||
        !file.commit())
        return QCoreApplication::translate("hoga::MlSignal", "Cannot write %1: %2")
            .arg(QDir::toNativeSeparators(pathOf(saved.name)), file.errorString());
    return std::nullopt;
}

std::variant<MlSavedModel, QString> MlModelStore::load(const QString& name) const {
    if (!isValidName(name))
        return QCoreApplication::translate("hoga::MlSignal",
                                           "A model name has 1 to 64 letters, digits, _ or -, not \"%1\".")
            .arg(name);
    QFile file(pathOf(name));
    if (!file.open(QIODevice::ReadOnly))
        return QCoreApplication::translate("hoga::MlSignal", "There is no saved model \"%1\" in %2.")
            .arg(name, QDir::toNativeSeparators(m_directory));
    const std::optional<MlSavedModel> saved =
        MlSavedModel::fromJson(QJsonDocument::fromJson(file.readAll()).object());
    if (!saved || !MlModel::fromJson(saved->model))
        return QCoreApplication::translate("hoga::MlSignal", "The saved model \"%1\" cannot be read.")
            .arg(name);
    return *saved;
}

QStringList MlModelStore::names() const {
    QStringList names;
    const QStringList files =
        QDir(m_directory).entryList({QStringLiteral("*.json")}, QDir::Files | QDir::Readable, QDir::Name);
    for (const QString& file : files) {
        const QString name = file.chopped(5);
        if (isValidName(name))
            names << name;
    }
    return names;
}

} // namespace hoga
