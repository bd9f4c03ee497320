#include "apiroutetest.h"

#include <QTest>

using namespace ery;
using namespace ery::test;

// API key management over real HTTP: creation on both tables, scopes, test keys, revocation.
class TestApiKeys : public ApiRouteTest {
    Q_OBJECT
private slots:
    void apiKeyManagement();
};

void TestApiKeys::apiKeyManagement()
{
    auto c = f->call("POST", "/api/v1/api-keys", admin, Json{{"name", "ERP"}, {"scope", "read"}});
    EXPECT_STATUS(c, 201);
    const QString secret = str(c.data()["api_key"], "key");
    const QString id = str(c.data()["api_key"], "id");
    QVERIFY(secret.startsWith("ery_live_") && secret.size() == 41);
    QCOMPARE(str(c.data()["api_key"], "key_prefix"), secret.left(12));
    QCOMPARE(str(c.data()["api_key"], "key_last4"), secret.right(4));
    auto list = f->call("GET", "/api/v1/api-keys", admin);
    EXPECT_STATUS(list, 200);
    for (const auto &k : list.data()["api_keys"]) {
        QVERIFY(!k.contains("key_hash") && !k.contains("key"));
    }
    EXPECT_STATUS(f->call("GET", "/api/v1/api-keys/" + id, admin), 200);
    // Scopes: read keys read; writes and key management need more.
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs", secret), 200);
    auto w = f->call("POST", "/api/v1/jobs", secret, Json{{"job_number", "RO-1"}});
    EXPECT_STATUS(w, 403);
    QCOMPARE(w.code(), QStringLiteral("FORBIDDEN"));
    EXPECT_STATUS(f->call("GET", "/api/v1/api-keys", key), 403);
    const QString testAdmin = f->key(f->shop().scope, QStringLiteral("admin"), true);
    EXPECT_STATUS(f->call("GET", "/api/v1/api-keys", testAdmin), 403);
    // The original's creation route answers the key as api_key.
    auto compat = f->call("POST", "/functions/v1/api-key-generate", admin, Json{{"name", "compat"}});
    EXPECT_STATUS(compat, 201);
    QVERIFY(str(compat.data(), "api_key").startsWith("ery_live_"));
    QVERIFY(!str(compat.data(), "warning").isEmpty());
    auto t = f->call("POST", "/api/v1/api-keys", admin, Json{{"name", "sandbox"}, {"environment", "test"}});
    QVERIFY(str(t.data()["api_key"], "key").startsWith("ery_test_"));
    EXPECT_STATUS(f->call("POST", "/api/v1/api-keys", admin, Json{{"scope", "root"}}), 422);
    // Revocation is immediate.
    EXPECT_STATUS(f->call("DELETE", "/api/v1/api-keys/" + id, admin), 200);
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs", secret), 401);
    EXPECT_STATUS(f->call("DELETE", "/functions/v1/api-key-generate?id=" + str(compat.data(), "id"), admin), 200);
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs", str(compat.data(), "api_key")), 401);
}

QTEST_GUILESS_MAIN(TestApiKeys)
#include "tst_apikeys.moc"
