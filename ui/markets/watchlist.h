#pragma once

#include <QObject>
#include <QStringList>

namespace hoga {

// The markets a trader starred (관심), in the order they were starred. The main window loads it from and
// saves it to the profile's settings; the market list and the market header both star through it.
class Watchlist : public QObject {
    Q_OBJECT
public:
    explicit Watchlist(QObject* parent = nullptr);

    QStringList codes() const { return m_codes; }
    bool contains(const QString& code) const { return m_codes.contains(code); }
    // 0-based position in starring order, or -1.
    int position(const QString& code) const { return int(m_codes.indexOf(code)); }

    // Replaces the whole list (duplicates and empty codes dropped, order kept).
    void setCodes(const QStringList& codes);
    // Starring appends, so the list keeps the order in which markets were starred.
    void add(const QString& code);
    void remove(const QString& code);
    void toggle(const QString& code);

signals:
    void changed();

private:
    QStringList m_codes;
};

} // namespace hoga
