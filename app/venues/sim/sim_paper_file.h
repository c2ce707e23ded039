#pragma once

#include "sim_exchange.h"

#include <QString>

#include <optional>

namespace hoga {

// A simulated paper account on disk (JSON, exact decimals as strings), so a profile's paper balances,
// orders and fills outlive the app. Written whole and atomically (QSaveFile): a crash while saving leaves
// the previous state.
class SimPaperFile {
public:
    explicit SimPaperFile(QString path);

    const QString& path() const { return m_path; }
    bool exists() const;
    // A missing file is no error (nothing to restore); a damaged one is (its message names the file).
    std::optional<QString> load(SimPaperState* state) const;
    std::optional<QString> save(const SimPaperState& state) const;

    static QByteArray encode(const SimPaperState& state);
    static std::optional<SimPaperState> decode(const QByteArray& json);

private:
    QString m_path;
};

} // namespace hoga
