#include "command_runner.h"

#include "await_result.h"
#include "cli_venue.h"
#include "engine_orders.h"
#include "trading/order_entry.h"

#include <QDateTime>
#include <QEventLoop>
#include <QSet>
#include <QTimer>
#include <QUuid>

#include <algorithm>

namespace hoga::cli {

namespace {

VenueError localError(ErrorKind kind, const QString& detail) {
    VenueError e;
    e.kind = kind;
    e.detail = detail;
    return e;
}

CliError failed(const VenueError& e) {
    return CliError::fromVenueError(e);
}

// The kind a venue would have answered for the same problem, so a local rejection reads like a venue's.
ErrorKind kindOf(const ValidationResult& result) {
    bool allFunds = true;
    for (const ValidationIssue& issue : result.issues) {
        if (issue.code == ValidationIssue::UnknownMarket)
            return ErrorKind::NotFound;
        allFunds = allFunds && issue.code == ValidationIssue::InsufficientBalance;
    }
    return allFunds ? ErrorKind::InsufficientFunds : ErrorKind::InvalidOrder;
}

template <class T> void fillVenue(T& record, const QString& venue) {
    if (record.venue.isEmpty())
        record.venue = venue;
}

} // namespace

CommandRunner::CommandRunner(CliVenue& venue, RecordWriter& out, QString journalDatabase)
    : m_venue(venue)
    , m_out(out)
    , m_journalDatabase(std::move(journalDatabase)) {}

QString CommandRunner::venueId() const {
    return m_venue.connector()->venueId();
}

std::optional<CliError> CommandRunner::run(const CliArgs& args) {
    m_args = args;
    if (args.isPrivate() && !m_venue.connector()->hasCredentials())
        return failed(localError(
            ErrorKind::Auth,
            args.profile
                ? QCoreApplication::translate("hoga::Cli",
                                              "This command needs API keys: profile \"%1\" has none "
                                              "for %2 (add them with hoga-cli --profile \"%1\" keys "
                                              "set --venue %2).")
                      .arg(*args.profile, args.venue)
                : QCoreApplication::translate(
                      "hoga::Cli", "This command needs API keys: set HOGA_API_KEY and HOGA_API_SECRET.")));
    switch (args.command) {
    case CliCommand::Help:
        return std::nullopt;
    case CliCommand::Markets:
        return markets();
    case CliCommand::Ticker:
        return tickers();
    case CliCommand::OrderBook:
        return orderBook();
    case CliCommand::Candles:
        return candles();
    case CliCommand::Trades:
        return trades();
    case CliCommand::Balances:
        return balances();
    case CliCommand::OpenOrders:
        return openOrders();
    case CliCommand::OrderCreate:
        return createOrder();
    case CliCommand::OrderGet:
        return fetchOrder();
    case CliCommand::OrderCancel:
        return cancelOrder();
    case CliCommand::OrderModify:
        return modifyOrder();
    case CliCommand::Stream:
        return stream();
    case CliCommand::ProfileCreate:
    case CliCommand::ProfileList:
    case CliCommand::ProfileDelete:
    case CliCommand::KeysSet:
    case CliCommand::KeysList:
    case CliCommand::KeysTest:
    case CliCommand::KeysRemove:
        break; // CliApp runs these (ProfileCommands): they need no venue
    }
    return std::nullopt;
}

std::optional<CliError> CommandRunner::markets() {
    Result<QVector<Market>> r = awaitResult(m_venue.connector()->fetchMarkets(), m_args.timeoutMs);
    if (!r.ok())
        return failed(r.error());
    for (Market& m : r.value()) {
        fillVenue(m, venueId());
        m_out.write(RecordWriter::market(m));
    }
    return std::nullopt;
}

std::optional<CliError> CommandRunner::tickers() {
    Result<QVector<Ticker>> r =
        awaitResult(m_venue.connector()->fetchTickers(m_args.markets), m_args.timeoutMs);
    if (!r.ok())
        return failed(r.error());
    // In the order asked for.
    QVector<Ticker>& tickers = r.value();
    const QStringList& asked = m_args.markets;
    std::stable_sort(tickers.begin(), tickers.end(), [&asked](const Ticker& a, const Ticker& b) {
        return qsizetype(asked.indexOf(a.market)) < qsizetype(asked.indexOf(b.market));
    });
    for (const QString& code : asked)
        if (std::none_of(tickers.begin(), tickers.end(),
                         [&code](const Ticker& t) { return t.market == code; }))
            return failed(localError(
                ErrorKind::NotFound,
                QCoreApplication::translate("hoga::Cli", "The venue sent no ticker for %1.").arg(code)));
    for (Ticker& t : tickers) {
        fillVenue(t, venueId());
        m_out.write(RecordWriter::ticker(t));
    }
    return std::nullopt;
}

std::optional<CliError> CommandRunner::orderBook() {
    Result<OrderBook> r =
        awaitResult(m_venue.connector()->fetchOrderBook(m_args.market(), m_args.depth), m_args.timeoutMs);
    if (!r.ok())
        return failed(r.error());
    OrderBook& book = r.value();
    if (book.venue().isEmpty() || book.market().isEmpty())
        book.setMarket(venueId(), m_args.market());
    m_out.write(RecordWriter::orderBook(book, m_args.depth));
    return std::nullopt;
}

std::optional<CliError> CommandRunner::candles() {
    CandleQuery query;
    query.market = m_args.market();
    query.interval = m_args.interval;
    query.count = m_args.count;
    query.toMs = m_args.toMs;
    if (m_args.fromMs > 0) {
        // The window of `count` candles from --from, bounded by --to or now: venues that page forward
        // (Binance's startTime) start there, the others page back from the window's end.
        query.fromMs = m_args.fromMs;
        qint64 start = bucketStart(query.interval, m_args.fromMs);
        if (start < m_args.fromMs)
            start = nextBucketStart(query.interval, start);
        qint64 end = start;
        for (int i = 0; i < m_args.count; ++i)
            end = nextBucketStart(query.interval, end);
        if (query.toMs <= 0 || end < query.toMs)
            query.toMs = end;
        if (query.toMs > QDateTime::currentMSecsSinceEpoch())
            query.toMs = m_args.toMs; // the present (or --to) ends it
    }
    Result<QVector<Candle>> r = awaitResult(m_venue.connector()->fetchCandles(query), m_args.timeoutMs);
    if (!r.ok())
        return failed(r.error());
    QVector<Candle>& candles = r.value();
    std::stable_sort(candles.begin(), candles.end(),
                     [](const Candle& a, const Candle& b) { return a.openTimeMs < b.openTimeMs; });
    if (m_args.fromMs > 0) {
        // The oldest `count` candles from --from on.
        int printed = 0;
        for (const Candle& c : std::as_const(candles)) {
            if (c.openTimeMs < m_args.fromMs || printed == m_args.count)
                continue;
            m_out.write(RecordWriter::candle(venueId(), query.market, c));
            ++printed;
        }
        return std::nullopt;
    }
    // The newest `count` candles, oldest first.
    const qsizetype first = std::max<qsizetype>(0, candles.size() - m_args.count);
    for (qsizetype i = first; i < candles.size(); ++i)
        m_out.write(RecordWriter::candle(venueId(), query.market, candles[i]));
    return std::nullopt;
}

std::optional<CliError> CommandRunner::trades() {
    Result<QVector<Trade>> r =
        awaitResult(m_venue.connector()->fetchTrades(m_args.market(), m_args.count), m_args.timeoutMs);
    if (!r.ok())
        return failed(r.error());
    // Newest first, as venues list them.
    const qsizetype n = std::min<qsizetype>(r.value().size(), m_args.count);
    for (qsizetype i = 0; i < n; ++i) {
        Trade& t = r.value()[i];
        fillVenue(t, venueId());
        m_out.write(RecordWriter::trade(t));
    }
    return std::nullopt;
}

std::optional<CliError> CommandRunner::balances() {
    Result<QVector<Balance>> r = awaitResult(m_venue.connector()->fetchBalances(), m_args.timeoutMs);
    if (!r.ok())
        return failed(r.error());
    for (Balance& b : r.value()) {
        fillVenue(b, venueId());
        m_out.write(RecordWriter::balance(b));
    }
    return std::nullopt;
}

std::optional<CliError> CommandRunner::openOrders() {
    Result<QVector<Order>> r =
        awaitResult(m_venue.connector()->fetchOpenOrders(m_args.market()), m_args.timeoutMs);
    if (!r.ok())
        return failed(r.error());
    for (Order& o : r.value()) {
        fillVenue(o, venueId());
        m_out.write(RecordWriter::order(o));
    }
    return std::nullopt;
}

std::optional<CliError> CommandRunner::validateOrder(const OrderRequest& request, QVector<Balance> balances,
                                                     std::optional<Decimal>& reference) {
    // The same policy as every entry path (OrderEntry): the venue's current rules for the market, its
    // capabilities, the balances and the book.
    Connector* c = m_venue.connector();
    const Result<Market> rules = awaitResult(c->fetchMarketRules(request.market), m_args.timeoutMs);
    if (!rules.ok() && rules.error().kind != ErrorKind::NotFound)
        return failed(rules.error());
    Market market = rules.ok() ? rules.value() : Market();
    if (market.isValid())
        fillVenue(market, venueId()); // the validator matches balances to the market by venue

    // run() made sure keys exist, so the balances (read by the engine's reconciliation) are checked too.
    for (Balance& b : balances)
        fillVenue(b, venueId());
    // A market order is valued at the best opposite price.
    reference.reset();
    if (executesImmediately(request.type) && market.isValid()) {
        const Result<OrderBook> book = awaitResult(c->fetchOrderBook(request.market, 1), m_args.timeoutMs);
        if (!book.ok())
            return failed(book.error());
        const std::optional<BookLevel> best =
            request.side == Side::Buy ? book.value().bestAsk() : book.value().bestBid();
        if (best)
            reference = best->price;
    }

    OrderContext context;
    context.balances = balances;
    context.referencePrice = reference;
    const ValidationResult result = OrderEntry::check(request, market, c->capabilities(), context);
    if (result.ok())
        return std::nullopt;
    return failed(localError(kindOf(result), result.summary()));
}

std::optional<CliError> CommandRunner::createOrder() {
    OrderRequest request = m_args.order;
    if (request.clientId.isEmpty())
        request.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    EngineOrders engine(m_venue, m_journalDatabase, m_args.timeoutMs);
    if (std::optional<CliError> e = engine.open())
        return e;
    std::optional<Decimal> reference;
    if (std::optional<CliError> rejected = validateOrder(request, engine.balances(), reference))
        return rejected;
    std::variant<Order, CliError> placed = engine.create(request, reference);
    if (const CliError* e = std::get_if<CliError>(&placed))
        return *e;
    m_out.write(RecordWriter::order(std::get<Order>(placed)));
    return std::nullopt;
}

std::optional<CliError> CommandRunner::fetchOrder() {
    Result<Order> r = awaitResult(m_venue.connector()->fetchOrder(m_args.ref), m_args.timeoutMs);
    if (!r.ok())
        return failed(r.error());
    fillVenue(r.value(), venueId());
    m_out.write(RecordWriter::order(r.value()));
    return std::nullopt;
}

std::optional<CliError> CommandRunner::cancelOrder() {
    EngineOrders engine(m_venue, m_journalDatabase, m_args.timeoutMs);
    if (std::optional<CliError> e = engine.open())
        return e;
    std::variant<Order, CliError> cancelled = engine.cancel(m_args.ref);
    if (const CliError* e = std::get_if<CliError>(&cancelled))
        return *e;
    Order& o = std::get<Order>(cancelled);
    fillVenue(o, venueId());
    m_out.write(RecordWriter::order(o));
    return std::nullopt;
}

std::optional<CliError> CommandRunner::modifyOrder() {
    EngineOrders engine(m_venue, m_journalDatabase, m_args.timeoutMs);
    if (std::optional<CliError> e = engine.open())
        return e;
    std::variant<Order, CliError> modified = engine.modify(m_args.ref, m_args.market(), m_args.modification);
    if (const CliError* e = std::get_if<CliError>(&modified))
        return *e;
    Order& o = std::get<Order>(modified);
    fillVenue(o, venueId());
    m_out.write(RecordWriter::order(o));
    return std::nullopt;
}

std::optional<CliError> CommandRunner::requireMarkets(const QStringList& codes) {
    const Result<QVector<Market>> markets =
        awaitResult(m_venue.connector()->fetchMarkets(), m_args.timeoutMs);
    if (!markets.ok())
        return failed(markets.error());
    QSet<QString> listed;
    for (const Market& m : markets.value())
        listed.insert(m.code);
    for (const QString& code : codes)
        if (!listed.contains(code))
            return failed(localError(
                ErrorKind::NotFound,
                QCoreApplication::translate("hoga::Cli", "The venue has no market %1.").arg(code)));
    return std::nullopt;
}

std::optional<CliError> CommandRunner::stream() {
    // A venue's stream stays silent about unknown codes; ask for the list first to fail clearly instead.
    if (std::optional<CliError> missing = requireMarkets(m_args.markets))
        return missing;

    Connector* c = m_venue.connector();
    const QSet<QString> wanted(m_args.markets.begin(), m_args.markets.end());
    const QString venue = venueId();
    int printed = 0;
    std::optional<CliError> error;
    QEventLoop loop;
    // Records arrive from the connector's thread, queued to this one through `loop` as the context.
    auto print = [&](const QString& market, const QByteArray& record) {
        if (printed >= m_args.count || !wanted.contains(market))
            return;
        m_out.write(record);
        if (++printed == m_args.count)
            loop.quit();
    };
    const unsigned channel = m_args.channel;
    if (channel == TickerChannel)
        QObject::connect(c, &Connector::tickerUpdated, &loop, [&](Ticker t) {
            fillVenue(t, venue);
            print(t.market, RecordWriter::ticker(t));
        });
    if (channel == TradeChannel)
        QObject::connect(c, &Connector::tradeReceived, &loop, [&](Trade t) {
            fillVenue(t, venue);
            print(t.market, RecordWriter::trade(t));
        });
    if (channel == OrderBookChannel)
        QObject::connect(c, &Connector::orderBookUpdated, &loop, [&](OrderBook book) {
            if (book.venue().isEmpty())
                book.setMarket(venue, book.market());
            print(book.market(), RecordWriter::orderBook(book, m_args.depth));
        });
    // Network trouble is retried by the connector (bounded here by the timeout); anything else is final.
    QObject::connect(c, &Connector::streamError, &loop, [&](const VenueError& e) {
        if (e.kind == ErrorKind::Network || error)
            return;
        error = failed(e);
        loop.quit();
    });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    deadline.start(m_args.timeoutMs);

    c->subscribeMarketData(m_args.markets, channel);
    loop.exec();
    QObject::disconnect(c, nullptr, &loop, nullptr);
    c->unsubscribeMarketData(m_args.markets, channel);

    if (error)
        return error;
    if (printed < m_args.count)
        return failed(localError(
            ErrorKind::Network,
            QCoreApplication::translate("hoga::Cli", "The stream delivered %1 of %2 records within %3 ms.")
                .arg(printed)
                .arg(m_args.count)
                .arg(m_args.timeoutMs)));
    return std::nullopt;
}

} // namespace hoga::cli
