#pragma once

// Drives a MainWindow the way a person would (clicks, typing), for the GUI suites on the simulator and on the
// fake venues. Helpers that check something use QtTest macros: after calling one, return when
// QTest::currentTestFailed().

#include "core/decimal.h"
#include "mainwindow/main_window.h"

#include <QAbstractItemModelTester>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

class QAbstractItemModel;

namespace hoga {
class VenueSession;
} // namespace hoga

namespace hoga::test {

class MainWindowDriver {
public:
    static constexpr int kTimeoutMs = 15000;

    MainWindowDriver(MainWindow* window, VenueSession* session, QString market);

    // Every item model of the window, checked for consistent signals while live data streams through it.
    void attachModelTesters();
    void detachModelTesters() { m_testers.clear(); }

    template <class T> T* find(const QString& name) const {
        T* w = m_window->findChild<T*>(name);
        if (!w)
            qFatal("no child %s", qPrintable(name));
        return w;
    }
    static QModelIndex findRow(const QAbstractItemModel* model, const QString& key);

    QString market() const { return m_market; }
    // Opens `tab`, as a person would before reading it: tabs not on screen do not update.
    void showTab(QWidget* tab) const;
    // The quantity held, read on the Portfolio tab (which this opens).
    Decimal portfolioQty(const QString& currency) const;
    Decimal lastPrice() const;
    Decimal tick(const Decimal& price) const;
    // A price well below the market that rests as a limit buy: half the last price, on the tick grid.
    Decimal restingBuyPrice() const;

    void type(const QString& editName, const QString& text);
    // Clicks submit and, when the ticket asks, confirms in the order confirmation.
    void clickSubmit();
    void confirmOrder();
    // `key`: the market list's key (the plain code with one venue, "upbit:KRW-BTC" with several).
    void selectMarketByClicking(const QString& key);

    // --- the flows every venue must pass ---
    // Markets with live prices, portfolio rows, an order book of at least `minBookLevels` per side with asks
    // above bids, trades, candles, and the status bar connected.
    void verifyLiveDataInEveryTab(int minBookLevels);
    struct PlacedOrder {
        QString id; // the venue's
        Decimal price;
    };
    // Buys 0.001 at restingBuyPrice() through the ticket, finds it among the open orders, cancels it with
    // the row's button and finds it Cancelled in the history.
    PlacedOrder placeLimitBuyAndCancel();
    // A market buy of `total` (quote currency) through the ticket: a new fill, more of the base currency in
    // the portfolio, and the order finished in the history with a filled quantity (Upbit closes market buys
    // as cancelled when some change is left, the simulator as filled).
    void marketBuyFillsAndMovesPortfolio(const QString& total);

private:
    MainWindow* m_window;
    VenueSession* m_session;
    QString m_market;
    QString m_base;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
};

} // namespace hoga::test
