#include "common/item_roles.h"
#include "markets/market_filter_model.h"
#include "markets/market_list_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace hoga;

namespace {

Decimal dec(const char* text) {
    return Decimal::fromString(text);
}

Market makeMarket(const QString& code, const QString& base, const QString& quote, const QString& name,
                  const QString& localName) {
    Market m;
    m.venue = QStringLiteral("sim");
    m.code = code;
    m.base = base;
    m.quote = quote;
    m.displayName = name;
    m.localName = localName;
    m.rules.tickBands = quote == QLatin1String("KRW") ? TradingRules::krwPriceBands()
                                                      : QVector<PriceBand>{{Decimal(0), dec("0.01")}};
    m.rules.qtyStep = dec("0.00000001");
    return m;
}

QVector<Market> sixMarkets() {
    return {makeMarket("KRW-BTC", "BTC", "KRW", "Bitcoin", "비트코인"),
            makeMarket("KRW-ETH", "ETH", "KRW", "Ethereum", "이더리움"),
            makeMarket("KRW-XRP", "XRP", "KRW", "XRP", "리플"),
            makeMarket("KRW-USDT", "USDT", "KRW", "Tether", "테더"),
            makeMarket("BTCUSDT", "BTC", "USDT", "Bitcoin", QString()),
            makeMarket("ETHUSDT", "ETH", "USDT", "Ethereum", QString())};
}

Ticker makeTicker(const QString& market, const char* last, const char* changeRate, const char* quoteVolume) {
    Ticker t;
    t.venue = QStringLiteral("sim");
    t.market = market;
    t.last = dec(last);
    t.changeRate = dec(changeRate);
    t.change = dec(last).multiply(dec(changeRate), 0, Rounding::HalfEven);
    t.quoteVolume24h = dec(quoteVolume);
    return t;
}

} // namespace

class TestMarketListModel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void marketsWithoutTickersShowNoNumbers() {
        MarketListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMarkets(sixMarkets());
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.columnCount(), int(MarketListModel::ColumnCount));
        QCOMPARE(model.data(model.index(0, MarketListModel::MarketColumn)).toString(),
                 QStringLiteral("Bitcoin"));
        QCOMPARE(model.data(model.index(0, MarketListModel::MarketColumn), MarketListModel::SubtitleRole)
                     .toString(),
                 QStringLiteral("BTC/KRW"));
        // No ticker yet: empty cells, never a placeholder number.
        QVERIFY(model.data(model.index(0, MarketListModel::PriceColumn)).toString().isEmpty());
        QVERIFY(model.data(model.index(0, MarketListModel::ChangeColumn)).toString().isEmpty());
    }

    void tickerUpdatesSignalOnlyTheirRow() {
        MarketListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMarkets(sixMarkets());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        model.updateTickers({makeTicker("KRW-ETH", "5383000", "-0.0976", "167000000000")});
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 1);
        const QModelIndex topLeft = changed.first().at(0).toModelIndex();
        const QModelIndex bottomRight = changed.first().at(1).toModelIndex();
        QCOMPARE(topLeft.row(), 1);
        QCOMPARE(bottomRight.row(), 1);

        QCOMPARE(model.data(model.index(1, MarketListModel::PriceColumn)).toString(),
                 QStringLiteral("5,383,000"));
        QCOMPARE(model.data(model.index(1, MarketListModel::ChangeColumn)).toString(),
                 QStringLiteral("-9.76%"));
        QCOMPARE(model.data(model.index(1, MarketListModel::VolumeColumn)).toString(),
                 QStringLiteral("167B"));
        QCOMPARE(model.data(model.index(1, MarketListModel::PriceColumn), DecimalRole).value<Decimal>(),
                 dec("5383000"));
        QCOMPARE(model.data(model.index(1, MarketListModel::PriceColumn), Qt::TextAlignmentRole).toInt(),
                 int(Qt::AlignRight | Qt::AlignVCenter));

        // Colours follow the convention: international down is red.
        QCOMPARE(
            model.data(model.index(1, MarketListModel::ChangeColumn), Qt::ForegroundRole).value<QColor>(),
            PriceColors::international().down);
        model.setPriceColors(PriceColors::korean());
        QCOMPARE(
            model.data(model.index(1, MarketListModel::ChangeColumn), Qt::ForegroundRole).value<QColor>(),
            PriceColors::korean().down);

        // Unknown markets are ignored.
        changed.clear();
        model.updateTickers({makeTicker("KRW-DOGE", "100", "0", "1")});
        QCOMPARE(changed.count(), 0);
    }

    void usdtPricesKeepTheirTickDecimals() {
        MarketListModel model;
        model.setMarkets(sixMarkets());
        model.updateTickers({makeTicker("BTCUSDT", "98550.6", "0.0233", "2390000000")});
        const int row = model.rowOfMarket(QStringLiteral("BTCUSDT"));
        QCOMPARE(model.data(model.index(row, MarketListModel::PriceColumn)).toString(),
                 QStringLiteral("98,550.60"));
        QCOMPARE(model.data(model.index(row, MarketListModel::ChangeColumn)).toString(),
                 QStringLiteral("+2.33%"));
        QCOMPARE(model.data(model.index(row, MarketListModel::VolumeColumn)).toString(),
                 QStringLiteral("2.39B"));
    }

    void koreanNamesWhenPreferred() {
        MarketListModel model;
        model.setMarkets(sixMarkets());
        model.setPreferLocalNames(true);
        QCOMPARE(model.data(model.index(0, MarketListModel::MarketColumn)).toString(),
                 QStringLiteral("비트코인"));
        // Without a Korean name the English one stays.
        QCOMPARE(model.data(model.index(4, MarketListModel::MarketColumn)).toString(),
                 QStringLiteral("Bitcoin"));
    }

    void setMarketsKeepsKnownTickers() {
        MarketListModel model;
        model.setMarkets(sixMarkets());
        model.updateTickers({makeTicker("KRW-BTC", "146130000", "0.0299", "346000000000")});
        model.setMarkets(sixMarkets());
        QVERIFY(model.tickerAt(0).has_value());
        QVERIFY(!model.tickerAt(1).has_value());
    }

    void filterSearchesCodesAndNames_data() {
        QTest::addColumn<QString>("search");
        QTest::addColumn<QString>("quote");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("all") << QString() << QString() << QStringList{"KRW-BTC",  "KRW-ETH", "KRW-XRP",
                                                                      "KRW-USDT", "BTCUSDT", "ETHUSDT"};
        // "eth" is also inside "Tether": names match anywhere.
        QTest::newRow("any case, anywhere")
            << "eth" << QString() << QStringList{"KRW-ETH", "KRW-USDT", "ETHUSDT"};
        QTest::newRow("base") << "xrp" << QString() << QStringList{"KRW-XRP"};
        QTest::newRow("code") << "KRW-X" << QString() << QStringList{"KRW-XRP"};
        QTest::newRow("english name") << "tether" << QString() << QStringList{"KRW-USDT"};
        QTest::newRow("korean name") << "비트" << QString() << QStringList{"KRW-BTC"};
        QTest::newRow("pair") << "BTC/USDT" << QString() << QStringList{"BTCUSDT"};
        QTest::newRow("quote filter") << QString() << "USDT" << QStringList{"BTCUSDT", "ETHUSDT"};
        QTest::newRow("search and quote") << "bitcoin"
                                          << "KRW" << QStringList{"KRW-BTC"};
        QTest::newRow("nothing") << "doge" << QString() << QStringList{};
        // Korean initial consonants (초성), as a Korean keyboard types them.
        QTest::newRow("initials bitcoin") << "ㅂㅌ" << QString() << QStringList{"KRW-BTC"};
        QTest::newRow("initials ethereum") << "ㅇㄷ" << QString() << QStringList{"KRW-ETH"};
        QTest::newRow("initials ripple") << "ㄹㅍ" << QString() << QStringList{"KRW-XRP"};
        QTest::newRow("initials tether") << "ㅌㄷ" << QString() << QStringList{"KRW-USDT"};
        QTest::newRow("syllable and initial") << "비ㅌ" << QString() << QStringList{"KRW-BTC"};
        QTest::newRow("initials and quote") << "ㅂㅌ"
                                            << "USDT" << QStringList{};
        QTest::newRow("initials miss") << "ㅎㅎ" << QString() << QStringList{};
    }

    void filterSearchesCodesAndNames() {
        QFETCH(QString, search);
        QFETCH(QString, quote);
        QFETCH(QStringList, expected);
        MarketListModel model;
        MarketFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMarkets(sixMarkets());
        filter.setSearchText(search);
        filter.setQuoteFilter(quote);
        QStringList shown;
        for (int row = 0; row < filter.rowCount(); ++row)
            shown << filter.index(row, 0).data(KeyRole).toString();
        QCOMPARE(shown, expected);
    }

    void starsFollowTheWatchlist() {
        MarketListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMarkets(sixMarkets());
        QCOMPARE(model.index(0, MarketListModel::StarColumn).data().toString(), QStringLiteral("☆"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setStarred({QStringLiteral("KRW-XRP"), QStringLiteral("KRW-BTC")});
        // Only the two rows whose star changed, star column only.
        QCOMPARE(changed.count(), 2);
        for (const QList<QVariant>& args : std::as_const(changed)) {
            QCOMPARE(args.at(0).toModelIndex().column(), int(MarketListModel::StarColumn));
            QCOMPARE(args.at(1).toModelIndex().column(), int(MarketListModel::StarColumn));
        }
        const int xrp = model.rowOfMarket(QStringLiteral("KRW-XRP"));
        QVERIFY(model.isStarred(xrp));
        QVERIFY(model.index(xrp, MarketListModel::MarketColumn).data(MarketListModel::StarredRole).toBool());
        QCOMPARE(model.index(xrp, MarketListModel::StarColumn).data().toString(), QStringLiteral("★"));
        QCOMPARE(model.index(xrp, MarketListModel::StarColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Remove from watchlist"));
        QCOMPARE(model.index(1, MarketListModel::StarColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Add to watchlist"));
        // Its sort key is the starring order.
        QCOMPARE(model.index(xrp, MarketListModel::StarColumn).data(SortRole).toInt(), 0);
        QCOMPARE(model.index(0, MarketListModel::StarColumn).data(SortRole).toInt(), 1);
        changed.clear();
        model.setStarred({QStringLiteral("KRW-XRP"), QStringLiteral("KRW-BTC")});
        QCOMPARE(changed.count(), 0);
    }

    void starredOnlyShowsTheWatchlistInStarringOrder() {
        MarketListModel model;
        MarketFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMarkets(sixMarkets());
        filter.sort(MarketListModel::StarColumn, Qt::AscendingOrder);
        filter.setStarredOnly(true);
        QCOMPARE(filter.rowCount(), 0);
        const auto shown = [&filter] {
            QStringList codes;
            for (int row = 0; row < filter.rowCount(); ++row)
                codes << filter.index(row, 0).data(KeyRole).toString();
            return codes;
        };
        // Starring appears at once, in the order starred (not the list's).
        model.setStarred({QStringLiteral("ETHUSDT"), QStringLiteral("KRW-XRP")});
        QCOMPARE(shown(), (QStringList{"ETHUSDT", "KRW-XRP"}));
        model.setStarred({QStringLiteral("ETHUSDT"), QStringLiteral("KRW-XRP"), QStringLiteral("KRW-BTC")});
        QCOMPARE(shown(), (QStringList{"ETHUSDT", "KRW-XRP", "KRW-BTC"}));
        // With the search and quote filters on top.
        filter.setQuoteFilter(QStringLiteral("KRW"));
        QCOMPARE(shown(), (QStringList{"KRW-XRP", "KRW-BTC"}));
        filter.setSearchText(QStringLiteral("ㄹㅍ"));
        QCOMPARE(shown(), (QStringList{"KRW-XRP"}));
        filter.setSearchText(QString());
        filter.setQuoteFilter(QString());
        // Unstarring removes the row; the filter off shows every market again.
        model.setStarred({QStringLiteral("ETHUSDT"), QStringLiteral("KRW-BTC")});
        QCOMPARE(shown(), (QStringList{"ETHUSDT", "KRW-BTC"}));
        filter.setStarredOnly(false);
        QCOMPARE(filter.rowCount(), 6);
        QCOMPARE(shown().mid(0, 2), (QStringList{"ETHUSDT", "KRW-BTC"}));
    }

    void proxySortsByVolumeAndFollowsTicks() {
        MarketListModel model;
        MarketFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMarkets(sixMarkets());
        model.updateTickers({makeTicker("KRW-BTC", "146130000", "0.0299", "346000000000"),
                             makeTicker("KRW-XRP", "3293", "-0.0303", "862000000000")});
        filter.sort(MarketListModel::VolumeColumn, Qt::DescendingOrder);
        QCOMPARE(filter.index(0, 0).data(KeyRole).toString(), QStringLiteral("KRW-XRP"));
        QCOMPARE(filter.index(1, 0).data(KeyRole).toString(), QStringLiteral("KRW-BTC"));
        // A tick that changes the order re-sorts the proxy (dynamic sort).
        model.updateTickers({makeTicker("KRW-BTC", "146130000", "0.0299", "900000000000")});
        QCOMPARE(filter.index(0, 0).data(KeyRole).toString(), QStringLiteral("KRW-BTC"));
    }
};

QTEST_MAIN(TestMarketListModel)
#include "tst_market_list_model.moc"
