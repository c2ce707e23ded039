#include "kis_tables.h"

#include "core/krx_market.h"

namespace hoga::kis {

QVector<PriceBand> krxTickBands() {
    return krx::tickBands();
}

TradingRules krxRules(const Decimal& price, const Decimal& tick) {
    TradingRules r;
    r.tickBands = krxTickBands();
    if (tick.isPositive() && price.isPositive()) {
        // The venue's own tick at the current price wins over the table (ETFs keep 5 KRW, for one).
        for (qsizetype i = r.tickBands.size() - 1; i >= 0; --i) {
            if (r.tickBands[i].fromPrice <= price) {
                r.tickBands[i].tick = tick;
                break;
            }
        }
    }
    r.qtyStep = Decimal(1);
    r.minQty = Decimal(1);
    r.session = MarketSession::KrxRegular;
    return r;
}

bool isRegularSession(qint64 epochMs) {
    return krx::isRegularSession(epochMs);
}

bool isStockCode(const QString& code) {
    if (code.size() != 6)
        return false;
    for (QChar c : code)
        if (!c.isDigit() && !c.isUpper())
            return false; // codes are digits, some newer ones end in a capital letter (0001A0)
    return true;
}

QVector<StockInfo> builtInStocks() {
    return {
        {"005930", "삼성전자", "Samsung Electronics"},
        {"000660", "SK하이닉스", "SK hynix"},
        {"373220", "LG에너지솔루션", "LG Energy Solution"},
        {"207940", "삼성바이오로직스", "Samsung Biologics"},
        {"005380", "현대차", "Hyundai Motor"},
        {"000270", "기아", "Kia"},
        {"068270", "셀트리온", "Celltrion"},
        {"035420", "NAVER", "NAVER"},
        {"035720", "카카오", "Kakao"},
        {"105560", "KB금융", "KB Financial Group"},
        {"055550", "신한지주", "Shinhan Financial Group"},
        {"005490", "POSCO홀딩스", "POSCO Holdings"},
        {"051910", "LG화학", "LG Chem"},
        {"006400", "삼성SDI", "Samsung SDI"},
        {"012330", "현대모비스", "Hyundai Mobis"},
        {"028260", "삼성물산", "Samsung C&T"},
        {"066570", "LG전자", "LG Electronics"},
        {"003550", "LG", "LG Corp"},
        {"017670", "SK텔레콤", "SK Telecom"},
        {"030200", "KT", "KT"},
        {"247540", "에코프로비엠", "EcoPro BM"},
        {"086520", "에코프로", "EcoPro"},
        {"069500", "KODEX 200", "KODEX 200"},
    };
}

Market stockMarket(const QString& code) {
    Market m;
    m.venue = QStringLiteral("kis");
    m.code = code;
    m.base = code;
    m.quote = QStringLiteral("KRW");
    m.displayName = code;
    for (const StockInfo& s : builtInStocks()) {
        if (code == QLatin1String(s.code)) {
            m.displayName = QString::fromUtf8(s.englishName);
            m.localName = QString::fromUtf8(s.koreanName);
            break;
        }
    }
    m.rules = krxRules();
    return m;
}

} // namespace hoga::kis
