#pragma once

#include <QAbstractTableModel>
#include <QSet>
#include <QVector>

namespace hoga {

// A table model over a list of rows with a stable key each (order id, currency, ...). `syncRows` brings the
// list to a new state with fine-grained signals: removed rows are removed, new rows inserted where they
// appear, changed rows get one dataChanged; only a reordering of existing rows falls back to a reset.
// This keeps selections and scroll positions stable while the data flows.
template <class Row> class KeyedRowsModel : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }

    const QVector<Row>& rows() const { return m_rows; }
    const Row* rowAt(int row) const { return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr; }

    int rowOfKey(const QString& key) const {
        for (int i = 0; i < m_rows.size(); ++i)
            if (rowKey(m_rows[i]) == key)
                return i;
        return -1;
    }

protected:
    virtual QString rowKey(const Row& row) const = 0;
    virtual bool sameRow(const Row& a, const Row& b) const = 0;

    void syncRows(const QVector<Row>& next) {
        QSet<QString> nextKeys;
        for (const Row& r : next)
            nextKeys.insert(rowKey(r));

        // 1. Remove rows that are gone, bottom-up in contiguous runs.
        for (int end = static_cast<int>(m_rows.size()) - 1; end >= 0;) {
            if (nextKeys.contains(rowKey(m_rows[end]))) {
                --end;
                continue;
            }
            int begin = end;
            while (begin > 0 && !nextKeys.contains(rowKey(m_rows[begin - 1])))
                --begin;
            beginRemoveRows({}, begin, end);
            m_rows.remove(begin, end - begin + 1);
            endRemoveRows();
            end = begin - 1;
        }

        // 2. The remaining rows must keep their relative order in `next`; otherwise reset.
        QSet<QString> oldKeys;
        for (const Row& r : m_rows)
            oldKeys.insert(rowKey(r));
        {
            int k = 0;
            for (const Row& r : next) {
                if (!oldKeys.contains(rowKey(r)))
                    continue;
                if (rowKey(m_rows[k]) != rowKey(r)) {
                    beginResetModel();
                    m_rows = next;
                    endResetModel();
                    return;
                }
                ++k;
            }
        }

        // 3. Insert new rows in runs, and note changed ones.
        int firstChanged = -1;
        int lastChanged = -1;
        auto flushChanged = [&] {
            if (firstChanged >= 0)
                emit dataChanged(index(firstChanged, 0), index(lastChanged, columnCount() - 1));
            firstChanged = lastChanged = -1;
        };
        for (int i = 0; i < next.size();) {
            if (i < m_rows.size() && rowKey(m_rows[i]) == rowKey(next[i])) {
                if (!sameRow(m_rows[i], next[i])) {
                    m_rows[i] = next[i];
                    if (firstChanged < 0 || lastChanged != i - 1)
                        flushChanged();
                    if (firstChanged < 0)
                        firstChanged = i;
                    lastChanged = i;
                }
                ++i;
                continue;
            }
            int end = i;
            while (end + 1 < next.size() && !oldKeys.contains(rowKey(next[end + 1])))
                ++end;
            flushChanged();
            beginInsertRows({}, i, end);
            m_rows.insert(i, end - i + 1, Row{});
            for (int j = i; j <= end; ++j)
                m_rows[j] = next[j];
            endInsertRows();
            i = end + 1;
        }
        flushChanged();
    }

    // Emits dataChanged for every cell (e.g. after the colour convention changed).
    void refreshAll() {
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    }

private:
    QVector<Row> m_rows;
};

} // namespace hoga
