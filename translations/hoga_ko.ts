<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>hoga::CandleChartView</name>
    <message>
        <source>O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>H</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MA%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::ChartTab</name>
    <message>
        <source>1m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1-minute candles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3-minute candles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5-minute candles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>15m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>15-minute candles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30-minute candles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1-hour candles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4-hour candles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily candles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices come from the built-in market simulator, not from a real exchange.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a market to see its chart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the market data connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading chart…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No candles for this market yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No market selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  ·  %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::Connector</name>
    <message>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::FillsModel</name>
    <message>
        <source>Maker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::Json</name>
    <message>
        <source>The JSON text is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected data after the JSON value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed JSON at byte %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected end of the JSON text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a value (object, array, string, number, true, false or null).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers must not have leading zeros.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A number needs digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A decimal point must be followed by digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An exponent needs digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unterminated string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Control characters must be escaped in strings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid UTF-8 in a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>\u must be followed by four hex digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A high surrogate must be followed by a low surrogate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A low surrogate without a high surrogate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid escape sequence in a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nesting is deeper than %1 levels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trailing comma in an array.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unterminated array.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected &apos;,&apos; or &apos;]&apos; in an array.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unterminated object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a member name in double quotes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected &apos;:&apos; after a member name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trailing comma in an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected &apos;,&apos; or &apos;}&apos; in an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JSON text is too large (4 GiB or more).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::Main</name>
    <message>
        <source>Native trading dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User interface language: en or ko.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a screenshot of every tab into &lt;dir&gt; once live data has arrived, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit after &lt;ms&gt; milliseconds (with --screenshot-dir: the longest wait for data).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed of the simulated market.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulator only: place a few paper orders once the market is live (demonstrations).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::MainWindow</name>
    <message>
        <source>Portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colour convention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Korean (red up, blue down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>International (green up, red down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Hoga</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hoga</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hoga — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language takes effect the next time Hoga starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Hoga</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Hoga&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A native trading dashboard for Upbit, Bithumb, Binance and KIS.

This build runs on the built-in simulator: prices are generated and balances are paper money. No keys and no network are needed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::MarketDataHub</name>
    <message>
        <source>The request failed unexpectedly.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::MarketHeader</name>
    <message>
        <source>24h high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24h low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24h volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24h turnover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No market selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for prices…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::MarketListModel</name>
    <message>
        <source>Caution: the venue flagged this market.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24h volume: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::MarketListPanel</name>
    <message>
        <source>Search markets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading markets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No market matches the search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::OpenOrdersModel</name>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::OrderBookSideModel</name>
    <message>
        <source>Click to use this price in the order ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bid price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::OrderBookTab</name>
    <message>
        <source>Order book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No trades yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent trades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the order book…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spread %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mid %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::OrderTableModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avg. fill price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::OrderText</name>
    <message>
        <source>Market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partially filled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::OrderTicket</name>
    <message>
        <source>%1 %2 %3 at %4 %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 at market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order accepted: %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order rejected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders go to the built-in simulator (paper trading).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One tick lower (Down arrow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One tick higher (Up arrow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use %1% of the available balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best available price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount of %1 to spend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You receive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a market in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the market&apos;s trading rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the highlighted field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no %1 balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a price first: the quantity is computed from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending %1 order…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::OrderValidator</name>
    <message>
        <source>The order total is too large to compute. Enter a smaller quantity or price.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No market is selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The market %1 is unknown: no trading rules are loaded for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a price for the limit order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price %1 %2 must be greater than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price %1 %2 is not a multiple of the %3 %2 tick. Nearest valid prices: %4 or %5 %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an amount to spend or a quantity to buy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a quantity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity %1 %2 must be greater than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity %1 %2 is not a multiple of the %3 %2 step. Nearest valid quantity: %4 %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity %1 %2 is below the minimum of %3 %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount %1 %2 must be greater than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No current price is known for %1, so this market order cannot be checked against the minimum order total of %2 %3. Wait for market data and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order total %1 %2 is below the minimum of %3 %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order total %1 %2 exceeds the maximum of %3 %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insufficient %1: the order sells %2 %1 but only %3 %1 is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insufficient %1: the order needs %2 %1 including the %3% fee, but only %4 %1 is available.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::PortfolioModel</name>
    <message>
        <source>No live %1 price from the venue: this holding is not valued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average buy price in KRW, as the venue reports it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current price in KRW (through USDT where there is no KRW market)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unrealised profit or loss in KRW against the average buy price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the total value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avg. price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value KRW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value USDT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PnL KRW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PnL %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::PortfolioTab</name>
    <message>
        <source>Portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper balances on the built-in simulator: no real money is involved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unrealised PnL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total value (USDT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KRW cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holdings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading balances…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account holds no assets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No holdings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for balances…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no KRW-USDT rate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::SimConnector</name>
    <message>
        <source>Simulated market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The simulated venue has no market %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no order with client id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no order with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price, quantity and total cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A limit order needs a price and a quantity above zero, and no total.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A market buy needs either a quantity or a total amount (not both), and no price.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A market sell needs a quantity above zero, and no price or total.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client order id %1 was already used for another order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price %1 %2 is not a multiple of the %3 %2 tick. Nearest valid prices: %4 or %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity %1 %2 is not a multiple of the %3 %2 step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity %1 %2 is below the minimum of %3 %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order total %1 %2 is below the minimum of %3 %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order total %1 %2 is above the maximum of %3 %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order needs %1 %2 but only %3 %2 is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 is already closed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::TradeTapeModel</name>
    <message>
        <source>Buyer took the ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seller hit the bid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::TradingSession</name>
    <message>
        <source>The venue connection is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is not known whether the order was placed. Check the open orders before placing it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::TradingTab</name>
    <message>
        <source>No open orders. Orders you place wait here until they fill or you cancel them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No fills yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No finished orders yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::VenueError</name>
    <message>
        <source>Authentication failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insufficient funds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the API key is valid and has not expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key lacks this permission or this IP address is not on its allowlist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Try again in %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Wait a moment and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The available balance is too low.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The venue said: %1%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::VenueStatusWidget</name>
    <message>
        <source>Simulated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in simulator: generated prices, paper balances, no network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::net::HttpClient</name>
    <message numerus="yes">
        <source>The venue failed %n time(s) in a row; requests pause until %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The venue has blocked requests for making too many; it accepts them again at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 did not answer within %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Could not reach %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hoga::net::WsSession</name>
    <message>
        <source>The server closed the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server closed the connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The connection was not established within %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No data for %n second(s); reconnecting.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
