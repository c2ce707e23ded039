// The market search helper: Hangul syllables to their initial consonants (초성), and matching a typed
// query against codes, English and Korean names.

#include "core/market.h"
#include "markets/market_search.h"

#include <QTest>

using namespace hoga;

namespace {

Market market(const char* code, const char* base, const char* quote, const QString& name,
              const QString& localName) {
    Market m;
    m.code = QString::fromLatin1(code);
    m.base = QString::fromLatin1(base);
    m.quote = QString::fromLatin1(quote);
    m.displayName = name;
    m.localName = localName;
    return m;
}

} // namespace

class TestMarketSearch : public QObject {
    Q_OBJECT

private slots:
    void initialConsonantOfEverySyllableBlock() {
        // The first and last syllables of the block, and the first syllable of each initial consonant.
        QCOMPARE(hangulInitialConsonant(QChar(0xAC00)), QChar(0x3131)); // 가 -> ㄱ
        QCOMPARE(hangulInitialConsonant(QChar(0xD7A3)), QChar(0x314E)); // 힣 -> ㅎ
        const QString firsts = QStringLiteral("가까나다따라마바빠사싸아자짜차카타파하");
        const QString initials = QStringLiteral("ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ");
        QCOMPARE(firsts.size(), 19);
        QCOMPARE(hangulInitialConsonants(firsts), initials);
        // The last syllable of each initial (with every vowel and final) still maps to it.
        for (int i = 0; i < 19; ++i) {
            const QChar last(char16_t(0xAC00 + i * 588 + 587));
            QCOMPARE(hangulInitialConsonant(last), initials.at(i));
        }
    }

    void otherCharactersStayAsTheyAre() {
        for (QChar c : QStringLiteral("aZ09-/ ㄱㅎㅏ\u3130\u314F\uABFF\uD7A4"))
            QCOMPARE(hangulInitialConsonant(c), c);
        QCOMPARE(hangulInitialConsonants(QStringLiteral("비트코인")), QStringLiteral("ㅂㅌㅋㅇ"));
        QCOMPARE(hangulInitialConsonants(QStringLiteral("이더리움")), QStringLiteral("ㅇㄷㄹㅇ"));
        QCOMPARE(hangulInitialConsonants(QStringLiteral("BTC 비트코인 캐시")),
                 QStringLiteral("BTC ㅂㅌㅋㅇ ㅋㅅ"));
        QCOMPARE(hangulInitialConsonants(QString()), QString());
    }

    void compatibilityConsonantsAsTyped() {
        QVERIFY(isCompatibilityConsonant(QChar(0x3131)));  // ㄱ
        QVERIFY(isCompatibilityConsonant(QChar(0x314E)));  // ㅎ
        QVERIFY(!isCompatibilityConsonant(QChar(0x3130))); // before the block
        QVERIFY(!isCompatibilityConsonant(QChar(0x314F))); // ㅏ, a vowel
        QVERIFY(!isCompatibilityConsonant(QChar(0xAC00))); // a syllable
        QVERIFY(!isCompatibilityConsonant(QLatin1Char('b')));
    }

    void containsWithInitials_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("matches");
        QTest::newRow("initials") << "비트코인"
                                  << "ㅂㅌ" << true;
        QTest::newRow("other initials") << "이더리움"
                                        << "ㅇㄷ" << true;
        QTest::newRow("all initials") << "이더리움"
                                      << "ㅇㄷㄹㅇ" << true;
        QTest::newRow("in the middle") << "비트코인"
                                       << "ㅌㅋ" << true;
        QTest::newRow("wrong initials") << "비트코인"
                                        << "ㅇㄷ" << false;
        QTest::newRow("not in order") << "비트코인"
                                      << "ㅌㅂ" << false;
        QTest::newRow("syllable then initial") << "비트코인"
                                               << "비ㅌ" << true;
        QTest::newRow("initial then syllable") << "비트코인"
                                               << "ㅂ트" << true;
        QTest::newRow("whole word") << "비트코인"
                                    << "비트코인" << true;
        QTest::newRow("syllables do not match as initials") << "ㅂㅌ"
                                                            << "비트" << false;
        QTest::newRow("spaces ignored in text") << "비트코인 캐시"
                                                << "ㅋㅇㅋ" << true;
        QTest::newRow("spaces ignored in query") << "비트코인"
                                                 << "ㅂ ㅌ" << true;
        QTest::newRow("too long") << "비트"
                                  << "ㅂㅌㅋ" << false;
        QTest::newRow("a final-only jamo matches no initial") << "값"
                                                              << "ㄳ" << false;
        QTest::newRow("case-insensitive") << "Bitcoin"
                                          << "bITc" << true;
        QTest::newRow("latin miss") << "Bitcoin"
                                    << "eth" << false;
        QTest::newRow("empty query") << "Bitcoin"
                                     << "" << true;
        QTest::newRow("empty text") << ""
                                    << "ㅂ" << false;
    }

    void containsWithInitials() {
        QFETCH(QString, text);
        QFETCH(QString, query);
        QFETCH(bool, matches);
        QCOMPARE(hangulAwareContains(text, query), matches);
    }

    void marketsMatchCodesNamesAndInitials() {
        const Market btc =
            market("KRW-BTC", "BTC", "KRW", QStringLiteral("Bitcoin"), QStringLiteral("비트코인"));
        const Market eth =
            market("KRW-ETH", "ETH", "KRW", QStringLiteral("Ethereum"), QStringLiteral("이더리움"));
        const Market usdt = market("BTCUSDT", "BTC", "USDT", QStringLiteral("Bitcoin"), QString());
        for (const char* q : {"ㅂㅌ", "비트", "bitcoin", "BITCOIN", "krw-btc", "KRW-B", "btc/krw", "btc"})
            QVERIFY2(marketMatchesSearch(btc, QString::fromUtf8(q)), q);
        for (const char* q : {"ㅇㄷ", "이더", "ethereum", "eth", "ㄹㅇ"})
            QVERIFY2(marketMatchesSearch(eth, QString::fromUtf8(q)), q);
        for (const char* q : {"ㅂㅌ", "bitcoin", "krw-btc", "ㅎ"})
            QVERIFY2(!marketMatchesSearch(eth, QString::fromUtf8(q)), q);
        // Without a Korean name, initials find nothing; English and codes still do.
        QVERIFY(!marketMatchesSearch(usdt, QStringLiteral("ㅂㅌ")));
        QVERIFY(marketMatchesSearch(usdt, QStringLiteral("btc/usdt")));
        QVERIFY(marketMatchesSearch(usdt, QStringLiteral("  ")));
    }
};

QTEST_APPLESS_MAIN(TestMarketSearch)
#include "tst_market_search.moc"
