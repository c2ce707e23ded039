#include "sim_markets.h"

#include "core/krx_market.h"

namespace hoga::sim {

namespace {

Decimal dec(const char* text) {
    return Decimal::fromString(text);
}

// Upbit's KRW market rules: banded ticks, 5,000 KRW minimum, 0.05 % fees.
TradingRules krwRules() {
    TradingRules rules;
    rules.tickBands = TradingRules::krwPriceBands();
    rules.qtyStep = dec("0.00000001");
    rules.minTotal = 5000;
    rules.maxTotal = 1'000'000'000;
    rules.makerFeeRate = dec("0.0005");
    rules.takerFeeRate = dec("0.0005");
    return rules;
}

// Binance-style USDT market rules: 0.01 tick, 5 USDT minimum notional, 0.1 % fees.
TradingRules usdtRules(const char* qtyStep) {
    TradingRules rules;
    rules.tickBands = {PriceBand{Decimal(0), dec("0.01")}};
    rules.qtyStep = dec(qtyStep);
    rules.minQty = dec(qtyStep);
    rules.minTotal = 5;
    rules.makerFeeRate = dec("0.001");
    rules.takerFeeRate = dec("0.001");
    return rules;
}

// KRX stock rules: the KRX tick table, whole shares, the regular session; a broker-like 0.015 % commission
// (the sell-side transaction tax is not simulated).
TradingRules krxStockRules() {
    TradingRules rules;
    rules.tickBands = krx::tickBands();
    rules.qtyStep = Decimal(1);
    rules.minQty = Decimal(1);
    rules.makerFeeRate = dec("0.00015");
    rules.takerFeeRate = dec("0.00015");
    rules.session = MarketSession::KrxRegular;
    return rules;
}

Market market(const char* code, const char* base, const char* quote, const QString& name,
              const QString& localName, TradingRules rules) {
    Market m;
    m.venue = QStringLiteral("sim");
    m.code = QString::fromLatin1(code);
    m.base = QString::fromLatin1(base);
    m.quote = QString::fromLatin1(quote);
    m.displayName = name;
    m.localName = localName;
    m.rules = std::move(rules);
    return m;
}

Decimal roundToTick(const TradingRules& rules, const Decimal& price, Rounding mode) {
    const Decimal tick = rules.tickFor(price);
    return tick.isPositive() ? price.roundToStep(tick, mode) : price;
}

} // namespace

Decimal floorToTick(const TradingRules& rules, const Decimal& price) {
    return roundToTick(rules, price, Rounding::Floor);
}

Decimal ceilToTick(const TradingRules& rules, const Decimal& price) {
    return roundToTick(rules, price, Rounding::Ceiling);
}

Decimal nearestTick(const TradingRules& rules, const Decimal& price) {
    return roundToTick(rules, price, Rounding::HalfEven);
}

QVector<SimMarketSpec> simMarketSpecs() {
    const QString bitcoin = QStringLiteral("Bitcoin");
    const QString ethereum = QStringLiteral("Ethereum");
    const QString bitcoinKo = QStringLiteral("비트코인");
    const QString ethereumKo = QStringLiteral("이더리움");

    // Volumes and sizes follow the shape of Upbit's KRW books and Binance's USDT books: many small
    // prints, a few hundred of them a minute, levels a few dozen prints deep.
    QVector<SimMarketSpec> specs{
        {market("KRW-BTC", "BTC", "KRW", bitcoin, bitcoinKo, krwRules()),
         SimDriver::KrwBtc,
         dec("0.0018"),
         dec("0.12"),
         dec("2100"),
         450'000'000,
         {}},
        {market("KRW-ETH", "ETH", "KRW", ethereum, ethereumKo, krwRules()),
         SimDriver::KrwEth,
         dec("0.025"),
         dec("1.6"),
         dec("26000"),
         550'000'000,
         {}},
        {market("KRW-XRP", "XRP", "KRW", QStringLiteral("XRP"), QStringLiteral("리플"), krwRules()),
         SimDriver::KrwXrp,
         dec("180"),
         dec("12000"),
         dec("190000000"),
         500'000'000,
         {}},
        {market("KRW-USDT", "USDT", "KRW", QStringLiteral("Tether"), QStringLiteral("테더"), krwRules()),
         SimDriver::UsdtKrw,
         dec("300"),
         dec("25000"),
         dec("280000000"),
         0,
         {}},
        {market("BTCUSDT", "BTC", "USDT", bitcoin, bitcoinKo, usdtRules("0.00001")),
         SimDriver::BtcUsdt,
         dec("0.016"),
         dec("0.6"),
         dec("21000"),
         450'000'000,
         {}},
        {market("ETHUSDT", "ETH", "USDT", ethereum, ethereumKo, usdtRules("0.0001")),
         SimDriver::EthUsdt,
         dec("0.3"),
         dec("9"),
         dec("320000"),
         550'000'000,
         {}},
    };
    specs += simStockSpecs();
    return specs;
}

QVector<SimMarketSpec> simStockSpecs() {
    // Real codes and names of three large KRX stocks (as KIS's built-in master lists them), so a strategy or
    // watch list carries over to the KIS venue unchanged; the prices are simulated like the coins' (the
    // venue says "Simulated market" everywhere). Three price levels cover three tick bands (50, 100 and
    // 1,000 KRW). Sizes follow the shape of their real books: many small prints, levels of thousands of
    // shares near the top.
    auto stock = [](const char* code, const char* name, const char* localName, int index, const char* anchor,
                    qint64 dailySigmaPpb, const char* tradeQty, const char* levelQty, const char* dailyVolume,
                    qint64 yearlyDriftPpb) {
        SimMarketSpec spec{
            market(code, code, "KRW", QString::fromUtf8(name), QString::fromUtf8(localName), krxStockRules()),
            SimDriver::KrxStock,
            dec(tradeQty),
            dec(levelQty),
            dec(dailyVolume),
            yearlyDriftPpb,
            {index, dec(anchor), dailySigmaPpb}};
        return spec;
    };
    return {
        stock("005930", "Samsung Electronics", "삼성전자", 0, "98000", 18'000'000, "120", "18000", "15000000",
              150'000'000),
        stock("000660", "SK hynix", "SK하이닉스", 1, "520000", 28'000'000, "15", "1500", "3000000",
              400'000'000),
        stock("035720", "Kakao", "카카오", 2, "42000", 24'000'000, "40", "4000", "1200000", 0),
    };
}

} // namespace hoga::sim
