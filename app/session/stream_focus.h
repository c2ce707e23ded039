#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace hoga {

class ProfileEngine;
class VenueSession;

// Tells each venue's market data hub which markets the user needs live, most important first: the selected
// market, markets with open orders, the markets of bots that are not stopped, then the watchlist. It
// matters on venues that stream only a few markets at once (KIS); elsewhere every market streams anyway.
class StreamFocus : public QObject {
    Q_OBJECT
public:
    explicit StreamFocus(QList<VenueSession*> sessions, QObject* parent = nullptr);

    void setEngine(ProfileEngine* engine); // its bots' markets count too
    void setSelected(const QString& venue, const QString& code);
    void setWatchlist(const QString& venue, const QStringList& codes);

    // What the hub of `venue` is told, in order (for tests and the status bar).
    QStringList wanted(const QString& venue) const;

private:
    void update();

    QList<QPointer<VenueSession>> m_sessions;
    QPointer<ProfileEngine> m_engine;
    QString m_selectedVenue;
    QString m_selectedCode;
    QHash<QString, QStringList> m_watchlists; // by venue
};

} // namespace hoga
