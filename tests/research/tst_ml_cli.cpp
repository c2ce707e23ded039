// hoga-cli's ml commands in process: `ml train` runs the walk-forward evaluation, reports every fold, the
// out-of-sample totals and the backtest against buy-and-hold, and saves the final model with its training
// window; `ml list` shows it; `backtest --param model_name=N` predicts with it, only after its window.

#include "cli/cli_app.h"

#include <QBuffer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace hoga;
using namespace hoga::cli;

namespace {

constexpr qint64 kMinute = 60'000;
constexpr qint64 kStart = 1'700'000'040'000;

struct Run {
    int exitCode = 0;
    QList<QJsonObject> records;
    QByteArray err;
    QJsonObject withEvent(const QString& event) const {
        for (const QJsonObject& r : records)
            if (r.value(QStringLiteral("event")).toString() == event)
                return r;
        return {};
    }
    int count(const QString& event) const {
        int n = 0;
        for (const QJsonObject& r : records)
            n += r.value(QStringLiteral("event")).toString() == event ? 1 : 0;
        return n;
    }
};

// A candle file whose returns reverse sign 85 % of the time (the first `count` candles of seed 7's series).
QByteArray plantedCsv(int count) {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> size(0.002, 0.01);
    std::bernoulli_distribution flips(0.85);
    QByteArray csv = "open_time,open,high,low,close,volume\n";
    double price = 100000;
    int sign = 1;
    for (int i = 0; i < count; ++i) {
        if (flips(rng))
            sign = -sign;
        const double next = price * (1 + sign * size(rng));
        const double open = std::round(price * 100) / 100;
        const double close = std::round(next * 100) / 100;
        csv += QByteArray::number(kStart + i * kMinute) + ',' + QByteArray::number(open, 'f', 2) + ',' +
               QByteArray::number(std::max(open, close), 'f', 2) + ',' +
               QByteArray::number(std::min(open, close), 'f', 2) + ',' + QByteArray::number(close, 'f', 2) +
               ',' + QByteArray::number(1 + i % 7) + '\n';
        price = next;
    }
    return csv;
}

} // namespace

class TestMlCli : public QObject {
    Q_OBJECT
private slots:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_env = QProcessEnvironment();
        m_env.insert(QStringLiteral("HOGA_DATA_DIR"), m_dir->filePath(QStringLiteral("data")));
    }

    void trainsSavesListsAndBacktestsASavedModel_data() {
        QTest::addColumn<QString>("model");
        QTest::newRow("linear") << QStringLiteral("linear");
        QTest::newRow("forest") << QStringLiteral("forest");
    }
    void trainsSavesListsAndBacktestsASavedModel() {
        QFETCH(QString, model);
        const QString early = write(QStringLiteral("early.csv"), plantedCsv(800));
        const Run trained = run(QStringLiteral("ml train --candles %1 --model %2 --name planted --param "
                                               "train_window=200 --param retrain_every=100")
                                    .arg(early, model));
        QVERIFY2(trained.exitCode == 0, trained.err.constData());
        QVERIFY(trained.count(QStringLiteral("fold")) >= 5);
        const QJsonObject walk = trained.withEvent(QStringLiteral("walk_forward"));
        QVERIFY(walk.value(QStringLiteral("accuracy")).toDouble() > 0.75);
        QVERIFY(walk.contains(QStringLiteral("precision")));
        const QJsonObject summary =
            trained.records.value(trained.records.size() - 2).value(QStringLiteral("summary")).toObject();
        QVERIFY(summary.contains(QStringLiteral("buy_hold_return")));
        QVERIFY(summary.contains(QStringLiteral("total_return")));
        const QJsonObject saved = trained.withEvent(QStringLiteral("model_saved"));
        QCOMPARE(saved.value(QStringLiteral("kind")).toString(), model);
        QCOMPARE(saved.value(QStringLiteral("train_samples")).toInt(), 200);
        QCOMPARE(saved.value(QStringLiteral("train_last_open")).toInteger(), kStart + 799 * kMinute);
        QCOMPARE(saved.value(QStringLiteral("train_first_open")).toInteger(), kStart + 599 * kMinute);
        QCOMPARE(saved.value(QStringLiteral("accuracy")).toDouble(),
                 walk.value(QStringLiteral("accuracy")).toDouble());
        // Without --profile: a models folder beside hoga-cli's own journal.
        QCOMPARE(saved.value(QStringLiteral("path")).toString(),
                 QDir::toNativeSeparators(m_dir->filePath(QStringLiteral("data/models/planted.json"))));
        QVERIFY(QFile::exists(m_dir->filePath(QStringLiteral("data/models/planted.json"))));

        const Run listed = run(QStringLiteral("ml list"));
        QCOMPARE(listed.exitCode, 0);
        QCOMPARE(listed.records.size(), 1);
        QCOMPARE(listed.records.first().value(QStringLiteral("name")).toString(), QStringLiteral("planted"));
        QCOMPARE(listed.records.first().value(QStringLiteral("train_samples")).toInt(), 200);

        // The same series continued: the saved model predicts only the 400 candles after its window.
        const QString later = write(QStringLiteral("later.csv"), plantedCsv(1200));
        const Run backtest = run(
            QStringLiteral(
                "backtest --strategy ml_signal --candles %1 --param model_name=planted --param threshold=0.6")
                .arg(later));
        QVERIFY2(backtest.exitCode == 0, backtest.err.constData());
        QCOMPARE(backtest.count(QStringLiteral("fold")), 1);
        const QJsonObject fold = backtest.withEvent(QStringLiteral("fold"));
        QCOMPARE(fold.value(QStringLiteral("test_from")).toInteger(), kStart + 800 * kMinute);
        QCOMPARE(fold.value(QStringLiteral("predictions")).toInt(), 399); // the last one's outcome is unknown
        QVERIFY(fold.value(QStringLiteral("accuracy")).toDouble() > 0.75);
        QVERIFY(backtest.count(QStringLiteral("trade")) > 0);
    }

    void savesPerProfile() {
        m_env.insert(QStringLiteral("HOGA_PROFILE_PASSWORD"), QStringLiteral("correct-horse-1234"));
        const Run created = run(QStringLiteral("profile create alice"));
        QVERIFY2(created.exitCode == 0, created.err.constData());
        const QString id = created.records.value(0).value(QStringLiteral("id")).toString();
        QVERIFY(!id.isEmpty());
        const QString csv = write(QStringLiteral("c.csv"), plantedCsv(300));
        const Run trained =
            run(QStringLiteral("--profile alice ml train --candles %1 --name mine --param train_window=100")
                    .arg(csv));
        QVERIFY2(trained.exitCode == 0, trained.err.constData());
        // In the profile's own folder (named by its id), not hoga-cli's.
        QVERIFY(QFile::exists(m_dir->filePath(QStringLiteral("data/profiles/%1/models/mine.json").arg(id))));
        QCOMPARE(run(QStringLiteral("--profile alice ml list")).records.size(), 1);
        QCOMPARE(run(QStringLiteral("ml list")).records.size(), 0);
        const Run backtest =
            run(QStringLiteral(
                    "--profile alice backtest --strategy ml_signal --candles %1 --param model_name=mine")
                    .arg(csv));
        QVERIFY2(backtest.exitCode == 0, backtest.err.constData());
        QCOMPARE(
            run(QStringLiteral("backtest --strategy ml_signal --candles %1 --param model_name=mine").arg(csv))
                .exitCode,
            2);
    }

    void refusesWhatDoesNotFit() {
        const QString csv = write(QStringLiteral("c.csv"), plantedCsv(300));
        QCOMPARE(run(QStringLiteral("ml train --candles %1 --model tree").arg(csv)).exitCode, 2);
        QCOMPARE(run(QStringLiteral("ml train --candles %1 --name ../x").arg(csv)).exitCode, 2);
        QCOMPARE(run(QStringLiteral("ml train --candles %1 --param model=forest").arg(csv)).exitCode, 2);
        QCOMPARE(run(QStringLiteral("ml forget")).exitCode, 2);
        QCOMPARE(run(QStringLiteral("ml list --candles %1").arg(csv)).exitCode, 2);
        // Too few candles for the training window: nothing saved.
        QCOMPARE(run(QStringLiteral("ml train --candles %1 --param train_window=1000").arg(csv)).exitCode, 2);
        QCOMPARE(run(QStringLiteral("ml list")).records.size(), 0);
        QCOMPARE(
            run(QStringLiteral("backtest --strategy ml_signal --candles %1 --param model_name=none").arg(csv))
                .exitCode,
            2);
        QCOMPARE(run(QStringLiteral("backtest --strategy rsi --candles %1 --param model_name=none").arg(csv))
                     .exitCode,
                 2);
        QVERIFY(run(QStringLiteral("--profile nobody ml list")).exitCode != 0);
        // A saved linear model is not a forest.
        QCOMPARE(run(QStringLiteral("ml train --candles %1 --name lin --param train_window=100").arg(csv))
                     .exitCode,
                 0);
        QCOMPARE(
            run(QStringLiteral(
                    "backtest --strategy ml_signal --candles %1 --param model_name=lin --param model=forest")
                    .arg(csv))
                .exitCode,
            2);
    }

private:
    QString write(const QString& name, const QByteArray& data) {
        const QString path = m_dir->filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
            return {};
        return path;
    }

    // The words of `command`, split at spaces (the temporary paths have none).
    Run run(const QString& command) {
        const QStringList arguments = command.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QBuffer out;
        QBuffer err;
        out.open(QIODevice::ReadWrite);
        err.open(QIODevice::ReadWrite);
        CliApp app(&out, &err, m_env);
        Run r;
        r.exitCode = app.run(arguments);
        for (const QByteArray& line : out.data().split('\n'))
            if (!line.isEmpty())
                r.records << QJsonDocument::fromJson(line).object();
        r.err = err.data();
        return r;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QProcessEnvironment m_env;
};

QTEST_GUILESS_MAIN(TestMlCli)
#include "tst_ml_cli.moc"
