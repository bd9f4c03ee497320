#include "apiroutetest.h"
#include "core/ids.h"

#include <QTest>

using namespace ery;
using namespace ery::domain;
using namespace ery::test;

// User sessions over real HTTP: sign in with username and password, use the token wherever an
// API key works (with the user's role as its scope), refresh once, sign out; the services' lockout
// after five wrong passwords; hostile and malformed bodies; sessions of one shop never reach
// another's rows; and session rows never show in the realtime feed's tables or an export.
class TestApiAuth : public ApiRouteTest {
    Q_OBJECT
private slots:
    void init();
    void signInUseRefreshSignOut();
    void wrongPasswordsLockTheAccount();
    void malformedAndHostileBodies();
    void sessionsStayInTheirTenant();
    void apiKeysKeepWorking();
    void terminalKeySignsOperatorsInWithPin();
    void wrongPinsLockTheOperatorThroughTheHub();
    void terminalKeyDoesNothingElse();
    void pinBodiesMalformedHostileAndCrossTenant();

private:
    // A terminal key of the test shop, made through the API as an admin would.
    QString terminalKey()
    {
        auto made = f->call("POST", QStringLiteral("/api/v1/api-keys"), admin, Json{{"name", "Press brake terminal"}, {"scope", "terminal"}});
        if (made.status != 201)
            return {};
        return QString::fromStdString(made.data()["api_key"]["key"].get<std::string>());
    }
    ApiFixture::Reply pin(const QString &terminal, const QString &employee, const QString &secret)
    {
        return f->call("POST", QStringLiteral("/api/v1/auth/pin"), terminal, Json{{"employee_id", toStd(employee)}, {"pin", toStd(secret)}});
    }
    ApiFixture::Reply login(const QString &user, const QString &password, const QString &tenant = {})
    {
        Json body{{"username", toStd(user)}, {"password", toStd(password)}};
        if (!tenant.isEmpty())
            body["tenant"] = toStd(tenant);
        return f->call("POST", QStringLiteral("/api/v1/auth/login"), {}, body);
    }
};

void TestApiAuth::init()
{
    // Each test starts two hours later: the address's failed attempts of the last one (the
    // slow-down counts an hour) are forgotten, so each test sees its own.
    static qint64 offset = 0;
    offset += qint64(2) * 3600 * 1000;
    Clock::setOffsetMs(offset);
}

void TestApiAuth::signInUseRefreshSignOut()
{
    auto in = login(QStringLiteral("admin"), QStringLiteral("correct horse"));
    EXPECT_STATUS(in, 200);
    const Json session = in.data()["session"];
    const QString token = QString::fromStdString(session["access_token"].get<std::string>());
    const QString refresh = QString::fromStdString(session["refresh_token"].get<std::string>());
    QVERIFY(token.startsWith(QLatin1String("ery_session_")));
    QVERIFY(refresh.startsWith(QLatin1String("ery_refresh_")));
    QVERIFY(session["expires_in"].get<qint64>() > 3000);
    QCOMPARE(QString::fromStdString(session["tenant"]["id"].get<std::string>()), f->shop().tenantId);
    QVERIFY(!session["user"].contains("password_hash"));
    QVERIFY(!in.raw.contains("pin_hash"));

    // The token works like an admin key, on both route tables.
    EXPECT_STATUS(f->call("GET", QStringLiteral("/api/v1/jobs"), token), 200);
    EXPECT_STATUS(f->call("GET", QStringLiteral("/functions/v1/api-jobs"), token), 200);
    EXPECT_STATUS(f->call("GET", QStringLiteral("/api/v1/api-keys"), token), 200);
    auto who = f->call("GET", QStringLiteral("/api/v1/auth/session"), token);
    EXPECT_STATUS(who, 200);
    QCOMPARE(QString::fromStdString(who.data()["identity"]["kind"].get<std::string>()), QStringLiteral("session"));
    QCOMPARE(QString::fromStdString(who.data()["identity"]["scope"].get<std::string>()), QStringLiteral("admin"));
    QCOMPARE(QString::fromStdString(who.data()["identity"]["user_id"].get<std::string>()), f->shop().admin);
    // A write through a session is the user's in the activity log.
    auto job = f->call("POST", QStringLiteral("/api/v1/jobs"), token, Json{{"job_number", "S-1"}});
    EXPECT_STATUS(job, 201);

    // A refresh hands out a new pair and ends the old session; the refresh token works once.
    auto next = f->call("POST", QStringLiteral("/api/v1/auth/refresh"), {}, Json{{"refresh_token", toStd(refresh)}});
    EXPECT_STATUS(next, 200);
    const QString token2 = QString::fromStdString(next.data()["session"]["access_token"].get<std::string>());
    QVERIFY(token2 != token);
    EXPECT_STATUS(f->call("GET", QStringLiteral("/api/v1/jobs"), token), 401);
    EXPECT_STATUS(f->call("GET", QStringLiteral("/api/v1/jobs"), token2), 200);
    EXPECT_STATUS(f->call("POST", QStringLiteral("/api/v1/auth/refresh"), {}, Json{{"refresh_token", toStd(refresh)}}), 401);

    EXPECT_STATUS(f->call("POST", QStringLiteral("/api/v1/auth/logout"), token2), 200);
    auto after = f->call("GET", QStringLiteral("/api/v1/jobs"), token2);
    EXPECT_STATUS(after, 401);
    QVERIFY(after.raw.contains("ended"));

    // Session rows are bookkeeping: nothing of them in the outbox (feed, webhooks) or an export.
    auto outbox = f->shop().db().scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE topic = 'user_sessions' OR payload LIKE '%token_hash%'"));
    QCOMPARE(*outbox, qint64(0));
    auto exported = f->call("GET", QStringLiteral("/api/v1/export"), admin);
    EXPECT_STATUS(exported, 200);
    QVERIFY(!exported.raw.contains("token_hash") && !exported.raw.contains("ery_session_"));
}

void TestApiAuth::wrongPasswordsLockTheAccount()
{
    // An operator signs in too (the read_write scope), then an admin account is locked by five
    // wrong passwords: the right one is refused for the lock's 15 minutes.
    auto made = f->s().users.createAdmin(f->shop().scope, Json{{"username", "bob"}, {"full_name", "Bob"}, {"password", "bobs-password"}});
    ERY_VERIFY_OK(made);
    for (int i = 1; i <= 4; ++i) {
        auto r = login(QStringLiteral("bob"), QStringLiteral("wrong-%1").arg(i));
        EXPECT_STATUS(r, 401);
        QVERIFY(r.body["error"]["details"]["attempts_remaining"] == Json(5 - i));
    }
    auto fifth = login(QStringLiteral("bob"), QStringLiteral("wrong-5"));
    EXPECT_STATUS(fifth, 401);
    QVERIFY(fifth.raw.contains("locked"));
    auto locked = login(QStringLiteral("bob"), QStringLiteral("bobs-password"));
    EXPECT_STATUS(locked, 403);
    QVERIFY(locked.body["error"]["details"]["reason"] == Json("LOCKED"));
    // An unknown user is the same 401 as a wrong password: it tells a guesser nothing.
    auto unknown = login(QStringLiteral("nobody"), QStringLiteral("whatever"));
    EXPECT_STATUS(unknown, 401);
    QCOMPARE(QString::fromStdString(unknown.body["error"]["message"].get<std::string>()), QStringLiteral("Wrong username or password"));
}

void TestApiAuth::malformedAndHostileBodies()
{
    const QString path = QStringLiteral("/api/v1/auth/login");
    EXPECT_STATUS(f->callRaw("POST", path, {}, "{not json", {{"Content-Type", "application/json"}}), 400);
    EXPECT_STATUS(f->call("POST", path, {}, Json::array({1, 2})), 400);
    EXPECT_STATUS(f->call("POST", path, {}, Json{{"username", "admin"}}), 422);
    EXPECT_STATUS(f->call("POST", path, {}, Json{{"username", 7}, {"password", "x"}}), 422);
    EXPECT_STATUS(f->call("POST", path, {}, Json{{"username", "admin' OR '1'='1"}, {"password", "' OR 1=1 --"}}), 401);
    EXPECT_STATUS(f->call("POST", path, {}, Json{{"username", std::string(5000, 'a')}, {"password", "x"}}), 401);
    EXPECT_STATUS(f->call("POST", QStringLiteral("/api/v1/auth/refresh"), {}, Json{{"refresh_token", "ery_refresh_zz"}}), 401);
    EXPECT_STATUS(f->call("POST", QStringLiteral("/api/v1/auth/refresh"), {}, Json::object()), 422);
    // Forged tokens: right shape, never handed out.
    EXPECT_STATUS(f->call("GET", QStringLiteral("/api/v1/jobs"), QStringLiteral("ery_session_") + QString(48, QLatin1Char('a'))), 401);
    EXPECT_STATUS(f->call("GET", QStringLiteral("/api/v1/jobs"), QStringLiteral("ery_session_short")), 401);
    // Signing out takes a session, not an API key.
    EXPECT_STATUS(f->call("POST", QStringLiteral("/api/v1/auth/logout"), key), 400);
    EXPECT_STATUS(f->call("POST", QStringLiteral("/api/v1/auth/logout")), 401);
}

void TestApiAuth::sessionsStayInTheirTenant()
{
    auto other = f->s().tenants.create(Json{{"name", "Other Shop"}});
    ERY_VERIFY_OK(other);
    const Scope otherScope = Scope::of(str(other->live, "id"));
    ERY_VERIFY_OK(f->s().users.createAdmin(otherScope, Json{{"username", "admin"}, {"full_name", "Other Admin"}, {"password", "other-password"}}));
    // The same username in two shops: the tenant must be named.
    EXPECT_STATUS(login(QStringLiteral("admin"), QStringLiteral("other-password")), 400);
    auto in = login(QStringLiteral("admin"), QStringLiteral("other-password"), QStringLiteral("Other Shop"));
    EXPECT_STATUS(in, 200);
    const QString token = QString::fromStdString(in.data()["session"]["access_token"].get<std::string>());
    // Its session sees its own shop only: the first shop's job is 404.
    EXPECT_STATUS(f->call("GET", QStringLiteral("/api/v1/jobs/") + f->shop().jobId, token), 404);
    QCOMPARE(f->call("GET", QStringLiteral("/api/v1/jobs"), token).data()["jobs"].size(), size_t(0));
    // The first shop's password does not open the other shop.
    EXPECT_STATUS(login(QStringLiteral("admin"), QStringLiteral("correct horse"), QStringLiteral("Other Shop")), 401);
}

void TestApiAuth::apiKeysKeepWorking()
{
    EXPECT_STATUS(f->call("GET", QStringLiteral("/api/v1/jobs"), key), 200);
    auto who = f->call("GET", QStringLiteral("/api/v1/auth/session"), key);
    EXPECT_STATUS(who, 200);
    QCOMPARE(QString::fromStdString(who.data()["identity"]["kind"].get<std::string>()), QStringLiteral("api_key"));
    QCOMPARE(QString::fromStdString(who.data()["identity"]["scope"].get<std::string>()), QStringLiteral("read_write"));
}

void TestApiAuth::terminalKeySignsOperatorsInWithPin()
{
    const QString terminal = terminalKey();
    QVERIFY(terminal.startsWith(QLatin1String("ery_live_")));
    auto in = pin(terminal, QStringLiteral("E1"), QStringLiteral("1234"));
    EXPECT_STATUS(in, 200);
    const Json session = in.data()["session"];
    QCOMPARE(QString::fromStdString(session["user"]["id"].get<std::string>()), f->shop().op1);
    QCOMPARE(QString::fromStdString(session["tenant"]["id"].get<std::string>()), f->shop().tenantId);
    QVERIFY(!in.raw.contains("pin_hash"));
    const QString token = QString::fromStdString(session["access_token"].get<std::string>());
    // The operator's session does the terminal's work: read the queue, start and complete.
    auto who = f->call("GET", QStringLiteral("/api/v1/auth/session"), token);
    QCOMPARE(QString::fromStdString(who.data()["identity"]["scope"].get<std::string>()), QStringLiteral("read_write"));
    EXPECT_STATUS(f->call("GET", QStringLiteral("/api/v1/analytics/cells/%1/queue").arg(f->shop().laser), token), 200);
    const QString op = f->shop().ops[0];
    EXPECT_STATUS(f->call("POST", QStringLiteral("/api/v1/operations/%1/start").arg(op), token, Json{{"operator_id", toStd(f->shop().op1)}}), 200);
    EXPECT_STATUS(f->call("POST", QStringLiteral("/api/v1/operations/%1/complete").arg(op), token, Json{{"operator_id", toStd(f->shop().op1)}}), 200);
    // The activity log says who signed in where.
    auto logged = f->shop().db().scalar(
        QStringLiteral("SELECT COUNT(*) FROM activity_log WHERE action = 'login' AND description LIKE '%signed in with PIN%'"));
    QCOMPARE(*logged, qint64(1));
    // An admin key may sign operators in too (an admin setting a terminal up).
    EXPECT_STATUS(pin(admin, QStringLiteral("E2"), QStringLiteral("5678")), 200);
    // A read or read_write key may not: a PIN is only typed at a terminal.
    auto byKey = pin(key, QStringLiteral("E1"), QStringLiteral("1234"));
    EXPECT_STATUS(byKey, 403);
    QVERIFY(byKey.raw.contains("terminal"));
    // Nor without any key.
    EXPECT_STATUS(pin({}, QStringLiteral("E1"), QStringLiteral("1234")), 401);
}

void TestApiAuth::wrongPinsLockTheOperatorThroughTheHub()
{
    const QString terminal = terminalKey();
    for (int i = 1; i <= 4; ++i) {
        auto r = pin(terminal, QStringLiteral("E2"), QStringLiteral("000%1").arg(i));
        EXPECT_STATUS(r, 401);
        QVERIFY(r.body["error"]["details"]["attempts_remaining"] == Json(5 - i));
        QVERIFY(r.body["error"]["details"]["reason"] == Json("INVALID_PIN"));
    }
    auto fifth = pin(terminal, QStringLiteral("E2"), QStringLiteral("0005"));
    EXPECT_STATUS(fifth, 401);
    QVERIFY(fifth.body["error"]["details"]["reason"] == Json("LOCKED"));
    auto locked = pin(terminal, QStringLiteral("E2"), QStringLiteral("5678"));
    EXPECT_STATUS(locked, 403);
    QVERIFY(locked.body["error"]["details"]["reason"] == Json("LOCKED"));
    QVERIFY(locked.body["error"]["details"]["locked_until"].is_string());
    // The other operator is not affected; an unknown employee id says no more than a wrong PIN.
    EXPECT_STATUS(pin(terminal, QStringLiteral("E1"), QStringLiteral("1234")), 200);
    auto unknown = pin(terminal, QStringLiteral("E404"), QStringLiteral("1234"));
    EXPECT_STATUS(unknown, 401);
    QCOMPARE(QString::fromStdString(unknown.body["error"]["message"].get<std::string>()), QStringLiteral("Wrong employee id or PIN"));
    // An admin unlocks: the right PIN works again.
    ERY_VERIFY_OK(f->s().users.unlock(f->shop().scope, f->shop().op2));
    EXPECT_STATUS(pin(terminal, QStringLiteral("E2"), QStringLiteral("5678")), 200);
}

void TestApiAuth::terminalKeyDoesNothingElse()
{
    const QString terminal = terminalKey();
    for (const char *path : {"/api/v1/jobs", "/functions/v1/api-jobs", "/api/v1/operators", "/api/v1/export", "/api/v1/auth/session"}) {
        auto r = f->call("GET", QString::fromLatin1(path), terminal);
        EXPECT_STATUS(r, 403);
        QVERIFY2(r.raw.contains("terminal scope"), path);
    }
    EXPECT_STATUS(f->call("POST", QStringLiteral("/api/v1/jobs"), terminal, Json{{"job_number", "T-1"}}), 403);
    EXPECT_STATUS(f->call("POST", QStringLiteral("/api/v1/operations/%1/start").arg(f->shop().ops[0]), terminal,
                          Json{{"operator_id", toStd(f->shop().op1)}}),
                  403);
    EXPECT_STATUS(f->call("POST", QStringLiteral("/api/v1/api-keys"), terminal, Json{{"name", "escalate"}, {"scope", "admin"}}), 403);
    // Terminal keys are live keys: sessions have no sandbox.
    auto test = f->call("POST", QStringLiteral("/api/v1/api-keys"), admin, Json{{"name", "sandbox terminal"}, {"scope", "terminal"}, {"test", true}});
    EXPECT_STATUS(test, 422);
    // Revoked: refused at once with the revoke's words.
    auto list = f->call("GET", QStringLiteral("/api/v1/api-keys?scope=terminal"), admin);
    EXPECT_STATUS(list, 200);
    QString id;
    const Json keys = list.data()["api_keys"];
    for (const Json &k : keys)
        if (k["key_prefix"] == toStd(terminal.left(12)))
            id = QString::fromStdString(k["id"].get<std::string>());
    QVERIFY(!id.isEmpty());
    EXPECT_STATUS(f->call("DELETE", QStringLiteral("/api/v1/api-keys/") + id, admin), 200);
    auto revoked = pin(terminal, QStringLiteral("E1"), QStringLiteral("1234"));
    EXPECT_STATUS(revoked, 401);
    QVERIFY(revoked.raw.contains("revoked"));
}

void TestApiAuth::pinBodiesMalformedHostileAndCrossTenant()
{
    const QString terminal = terminalKey();
    const QString path = QStringLiteral("/api/v1/auth/pin");
    EXPECT_STATUS(f->callRaw("POST", path, terminal, "{not json", {{"Content-Type", "application/json"}}), 400);
    EXPECT_STATUS(f->call("POST", path, terminal, Json::array({1})), 400);
    EXPECT_STATUS(f->call("POST", path, terminal, Json{{"employee_id", "E1"}}), 422);
    EXPECT_STATUS(f->call("POST", path, terminal, Json{{"employee_id", "E1"}, {"pin", 1234}}), 422);
    EXPECT_STATUS(f->call("POST", path, terminal, Json{{"employee_id", "E1' OR '1'='1"}, {"pin", "' OR 1=1 --"}}), 401);
    EXPECT_STATUS(f->call("POST", path, terminal, Json{{"employee_id", std::string(5000, 'E')}, {"pin", "1234"}}), 401);
    EXPECT_STATUS(f->call("POST", path, terminal, Json{{"employee_id", "E1"}, {"pin", std::string(100000, '1')}}), 401);
    // A hostile body did not count against the real operator beyond wrong attempts: E1 still signs in.
    EXPECT_STATUS(pin(terminal, QStringLiteral("E1"), QStringLiteral("1234")), 200);
    // Another shop's operator with the same employee id is not reachable through this shop's key.
    auto other = f->s().tenants.create(Json{{"name", "Other Shop"}});
    ERY_VERIFY_OK(other);
    const Scope otherScope = Scope::of(str(other->live, "id"));
    ERY_VERIFY_OK(f->s().users.createOperator(otherScope, Json{{"full_name", "Elsewhere"}, {"pin", "9999"}, {"employee_id", "E9"}}));
    EXPECT_STATUS(pin(terminal, QStringLiteral("E9"), QStringLiteral("9999")), 401);
}

QTEST_GUILESS_MAIN(TestApiAuth)
#include "tst_apiauth.moc"
