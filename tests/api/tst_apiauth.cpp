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

private:
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

QTEST_GUILESS_MAIN(TestApiAuth)
#include "tst_apiauth.moc"
