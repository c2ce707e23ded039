// Bithumb's own error names, tried before the Upbit names it shares.
#include "venues/bithumb/bithumb_errors.h"
#include "venues/upbit/upbit_errors.h"

#include <QTest>

using namespace hoga;
using namespace hoga::upbit;

class TestBithumbErrors : public QObject {
    Q_OBJECT

    static VenueError map(int status, const QByteArray& name) {
        net::HttpResponse r;
        r.status = status;
        r.body = "{\"error\":{\"name\":\"" + name + "\",\"message\":\"원문 메시지\"}}";
        return errorFromResponse(r, bithumb::errorRules(), upbitErrorRules());
    }

private slots:
    void everyName_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("kind");
        const std::tuple<const char*, int, ErrorKind> expected[] = {
            {"NotAllowIP", 401, ErrorKind::Permission},
            {"expired_jwt", 401, ErrorKind::Auth},
            {"blocked_member_id", 403, ErrorKind::Permission},
            {"bank_account_required", 400, ErrorKind::Permission},
            {"two_factor_auth_required", 400, ErrorKind::Permission},
            {"cross_trading", 400, ErrorKind::InvalidOrder},
            {"under_price_limit_bid", 400, ErrorKind::InvalidOrder},
            {"under_price_limit_ask", 400, ErrorKind::InvalidOrder},
            {"invalid_price", 400, ErrorKind::InvalidOrder},
            {"order_not_ready", 422, ErrorKind::Venue},
            {"withdraw_insufficient_balance", 400, ErrorKind::InsufficientFunds},
            {"deposit_not_found", 404, ErrorKind::NotFound},
            {"withdraw_not_found", 404, ErrorKind::NotFound},
            // Shared with Upbit (Bithumb's documented list, 2.5)
            {"invalid_parameter", 400, ErrorKind::InvalidOrder},
            {"invalid_price_bid", 400, ErrorKind::InvalidOrder},
            {"invalid_price_ask", 400, ErrorKind::InvalidOrder},
            {"invalid_query_payload", 401, ErrorKind::Auth},
            {"jwt_verification", 401, ErrorKind::Auth},
            {"out_of_scope", 401, ErrorKind::Permission},
            {"order_not_found", 404, ErrorKind::NotFound},
            {"insufficient_funds_bid", 400, ErrorKind::InsufficientFunds},
            {"under_min_total_ask", 400, ErrorKind::InvalidOrder},
        };
        for (const auto& [name, status, kind] : expected)
            QTest::newRow(name) << QString::fromLatin1(name) << status << int(kind);
    }
    void everyName() {
        QFETCH(QString, name);
        QFETCH(int, status);
        QFETCH(int, kind);
        const VenueError e = map(status, name.toUtf8());
        QCOMPARE(int(e.kind), kind);
        QCOMPARE(e.venueCode, name);
        QCOMPARE(e.venueMessage, QStringLiteral("원문 메시지"));
        QVERIFY(!e.detail.isEmpty());
    }

    void everyBithumbRuleIsCovered() { QCOMPARE(qsizetype(bithumb::errorRules().size()), qsizetype(13)); }

    void unknownNameIsVenue() {
        const VenueError e = map(400, "something_else");
        QCOMPARE(e.kind, ErrorKind::Venue);
        QCOMPARE(e.venueCode, QStringLiteral("something_else"));
    }
};

QTEST_GUILESS_MAIN(TestBithumbErrors)
#include "tst_bithumb_errors.moc"
