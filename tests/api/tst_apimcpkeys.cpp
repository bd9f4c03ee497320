#include "apiroutetest.h"

#include "engine.h"
#include "http/apiserver.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QTest>

using namespace ery;
using namespace ery::domain;
using namespace ery::services;
using namespace ery::test;

// MCP key management over real HTTP (/api/v1/mcp-keys), and the service the MCP layer calls with
// every request: resolve (no cache, so revoke is immediate) and the usage log.
class TestApiMcpKeys : public ApiRouteTest {
    Q_OBJECT
private slots:
    void createListGetPatch();
    void secretIsShownOnceAndNeverStored();
    void testKeyActsOnTheSandbox();
    void revokeIsImmediate();
    void usageLogIsPagedAndFiltered();
    void otherTenantsKeysAreNotFound();
    void accessIsAdminOnly();
    void hostileInputIsRefused();
    void toolNamesAreCheckedAgainstTheRegistry();
    void toolListNamesWhatAllowedToolsAccepts();

private:
    // Creates a key through the API and returns the answer's mcp_key (with `key`).
    Json create(const Json &body);
};

Json TestApiMcpKeys::create(const Json &body)
{
    auto c = f->call("POST", "/api/v1/mcp-keys", admin, body);
    if (c.status != 201)
        qWarning("create: %s", c.raw.constData());
    return c.data()["mcp_key"];
}

void TestApiMcpKeys::createListGetPatch()
{
    auto c = f->call("POST", "/api/v1/mcp-keys", admin,
                     Json{{"name", "Claude Desktop"},
                          {"description", "night shift agent"},
                          {"allowed_tools", {"fetch_jobs", "start_operation", "fetch_jobs"}},
                          {"rate_limit", 30}});
    EXPECT_STATUS(c, 201);
    const Json k = c.data()["mcp_key"];
    const QString secret = str(k, "key");
    const QString id = str(k, "id");
    QVERIFY2(QRegularExpression("^mcp_live_[0-9a-f]{32}$").match(secret).hasMatch(), qPrintable(secret));
    QCOMPARE(str(k, "key_prefix"), secret.left(13));
    QCOMPARE(str(k, "name"), QStringLiteral("Claude Desktop"));
    QCOMPARE(str(k, "description"), QStringLiteral("night shift agent"));
    QCOMPARE(str(k, "environment"), QStringLiteral("live"));
    QVERIFY2(k["allowed_tools"] == Json::array({"fetch_jobs", "start_operation"}), k["allowed_tools"].dump().c_str()); // an array, duplicates dropped
    QCOMPARE(num(k, "rate_limit"), qint64(30));
    QVERIFY(flag(k, "enabled"));
    QCOMPARE(num(k, "usage_count"), qint64(0));
    QVERIFY(k["last_used_at"].is_null());
    QCOMPARE(str(k, "tenant_id"), f->shop().tenantId);

    // Defaults: every tool, 100 calls a minute.
    const Json d = create(Json{{"name", "Defaults"}});
    QVERIFY2(d["allowed_tools"] == Json::array({"*"}), d["allowed_tools"].dump().c_str());
    QCOMPARE(num(d, "rate_limit"), qint64(100));

    auto list = f->call("GET", "/api/v1/mcp-keys", admin);
    EXPECT_STATUS(list, 200);
    QVERIFY(list.data()["pagination"]["total"].get<qint64>() >= 2);
    bool seen = false;
    const Json listed = list.data()["mcp_keys"];
    for (const auto &row : listed) {
        QVERIFY(!row.contains("key_hash") && !row.contains("key"));
        QVERIFY(row["allowed_tools"].is_array());
        seen = seen || str(row, "id") == id;
    }
    QVERIFY(seen);
    auto filtered = f->call("GET", "/api/v1/mcp-keys?environment=live&enabled=true&sort=name&order=asc", admin);
    EXPECT_STATUS(filtered, 200);
    EXPECT_STATUS(f->call("GET", "/api/v1/mcp-keys?environment=prod", admin), 422);
    EXPECT_STATUS(f->call("GET", "/api/v1/mcp-keys?scope=admin", admin), 400);

    auto one = f->call("GET", "/api/v1/mcp-keys/" + id, admin);
    EXPECT_STATUS(one, 200);
    QVERIFY2(one.data()["mcp_key"]["allowed_tools"] == Json::array({"fetch_jobs", "start_operation"}), one.data()["mcp_key"]["allowed_tools"].dump().c_str());
    QVERIFY(!one.data()["mcp_key"].contains("key_hash") && !one.data()["mcp_key"].contains("key"));

    // PATCH: name, description, tools, rate limit, enabled; the environment is part of the key.
    auto p = f->call("PATCH", "/api/v1/mcp-keys/" + id, admin,
                     Json{{"name", "Claude"}, {"allowed_tools", {"*"}}, {"rate_limit", 600}, {"environment", "test"}, {"description", nullptr}});
    EXPECT_STATUS(p, 200);
    const Json after = p.data()["mcp_key"];
    QCOMPARE(str(after, "name"), QStringLiteral("Claude"));
    QVERIFY2(after["allowed_tools"] == Json::array({"*"}), after["allowed_tools"].dump().c_str());
    QCOMPARE(num(after, "rate_limit"), qint64(600));
    QCOMPARE(str(after, "environment"), QStringLiteral("live"));
    QVERIFY(after["description"].is_null());
    QVERIFY(!after.contains("key_hash") && !after.contains("key"));
    // The change holds for the key at once.
    auto who = f->s().mcpKeys.resolve(secret);
    QVERIFY(who.ok());
    QVERIFY(who->allTools && who->allows("anything_at_all"));
    QCOMPARE(who->ratePerMinute, qint64(600));
    QCOMPARE(who->name, QStringLiteral("Claude"));
    // The activity log has create and update.
    ListQuery q;
    q.eq.emplace_back(QStringLiteral("entity_id"), id);
    auto acts = f->s().activity.list(f->shop().scope, q);
    QVERIFY(acts.ok());
    QStringList actions;
    for (const auto &a : acts->rows)
        actions << str(a, "action");
    QVERIFY2(actions.contains("create") && actions.contains("update"), qPrintable(actions.join(',')));
    // An unknown id is 404; a malformed one is refused before any lookup.
    EXPECT_STATUS(f->call("GET", "/api/v1/mcp-keys/0190c0de-0000-7000-8000-000000000000", admin), 404);
    EXPECT_STATUS(f->call("PATCH", "/api/v1/mcp-keys/0190c0de-0000-7000-8000-000000000000", admin, Json{{"name", "x"}}), 404);
    QVERIFY(f->call("GET", "/api/v1/mcp-keys/not-an-id", admin).status / 100 == 4);
}

void TestApiMcpKeys::secretIsShownOnceAndNeverStored()
{
    const Json k = create(Json{{"name", "Once"}});
    const QString secret = str(k, "key");
    const QString id = str(k, "id");
    QVERIFY(McpKeyService::wellFormed(secret));
    const QByteArray hash = QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256).toHex();
    QCOMPARE(McpKeyService::hashOf(secret), QString::fromLatin1(hash));
    // No later answer holds the key or its hash.
    for (const auto &r : {f->call("GET", "/api/v1/mcp-keys", admin), f->call("GET", "/api/v1/mcp-keys/" + id, admin),
                          f->call("GET", "/api/v1/mcp-keys?search=Once", admin),
                          f->call("PATCH", "/api/v1/mcp-keys/" + id, admin, Json{{"description", "x"}}),
                          f->call("GET", "/api/v1/mcp-keys/" + id + "/usage", admin), f->call("DELETE", "/api/v1/mcp-keys/" + id, admin)}) {
        QVERIFY2(r.status == 200, r.raw.constData());
        QVERIFY(!r.raw.contains(secret.toUtf8()));
        QVERIFY(!r.raw.contains(hash));
        QVERIFY(!r.raw.contains("key_hash"));
    }
    // Nor the activity log.
    ListQuery q;
    q.limit = 1000;
    auto acts = f->s().activity.list(f->shop().scope, q);
    QVERIFY(acts.ok() && !acts->rows.empty());
    for (const auto &a : acts->rows) {
        const QByteArray text = QByteArray::fromStdString(a.dump());
        QVERIFY(!text.contains(secret.toUtf8()) && !text.contains(hash));
    }
    // Two keys never share a secret.
    QVERIFY(str(create(Json{{"name", "Twice"}}), "key") != secret);
}

void TestApiMcpKeys::testKeyActsOnTheSandbox()
{
    const Json t = create(Json{{"name", "Sandbox agent"}, {"environment", "test"}});
    const QString secret = str(t, "key");
    QVERIFY2(QRegularExpression("^mcp_test_[0-9a-f]{32}$").match(secret).hasMatch(), qPrintable(secret));
    QCOMPARE(str(t, "key_prefix"), secret.left(13));
    QCOMPARE(str(t, "environment"), QStringLiteral("test"));
    QCOMPARE(str(t, "tenant_id"), f->shop().tenantId); // the key belongs to the live tenant
    auto id = f->s().mcpKeys.resolve(secret);
    QVERIFY(id.ok());
    QVERIFY(id->test);
    QCOMPARE(id->scope.tenantId, f->shop().sandboxId);
    QCOMPARE(id->liveTenantId, f->shop().tenantId);
    QCOMPARE(id->prefix, secret.left(13));
    QCOMPARE(id->keyId, str(t, "id"));
    // `test: true` says the same.
    const QString t2 = str(create(Json{{"name", "Sandbox 2"}, {"test", true}}), "key");
    QVERIFY(t2.startsWith("mcp_test_"));
    // A live key acts on the live tenant.
    auto live = f->s().mcpKeys.resolve(str(create(Json{{"name", "Live agent"}}), "key"));
    QVERIFY(live.ok());
    QVERIFY(!live->test);
    QCOMPARE(live->scope.tenantId, f->shop().tenantId);
    // Keys are made on the live tenant only.
    auto onSandbox = f->s().mcpKeys.create(f->shop().sandbox, Json{{"name", "nope"}}, {});
    QVERIFY(!onSandbox.ok());
    QVERIFY(onSandbox.error().code == ErrorCode::Forbidden);
}

void TestApiMcpKeys::revokeIsImmediate()
{
    const Json k = create(Json{{"name", "Revoked soon"}});
    const QString secret = str(k, "key");
    const QString id = str(k, "id");
    auto before = f->s().mcpKeys.resolve(secret);
    QVERIFY(before.ok());
    QVERIFY(f->s().mcpKeys.resolveHash(McpKeyService::hashOf(secret)).ok());
    auto del = f->call("DELETE", "/api/v1/mcp-keys/" + id, admin);
    EXPECT_STATUS(del, 200);
    QVERIFY(!flag(del.data()["mcp_key"], "enabled"));
    QCOMPARE(str(del.data()["mcp_key"], "id"), id);
    // The very next resolve is refused, by key and by hash (an open session holds the hash).
    auto after = f->s().mcpKeys.resolve(secret);
    QVERIFY(!after.ok());
    QVERIFY(after.error().code == ErrorCode::Unauthorized);
    QVERIFY(after.error().message.contains("revoked"));
    auto byHash = f->s().mcpKeys.resolveHash(McpKeyService::hashOf(secret));
    QVERIFY(!byHash.ok());
    QVERIFY(byHash.error().code == ErrorCode::Unauthorized);
    // Revoking again changes nothing; the key stays listed, disabled.
    EXPECT_STATUS(f->call("DELETE", "/api/v1/mcp-keys/" + id, admin), 200);
    auto listed = f->call("GET", "/api/v1/mcp-keys?enabled=false", admin);
    bool found = false;
    const Json disabled = listed.data()["mcp_keys"];
    for (const auto &row : disabled)
        found = found || str(row, "id") == id;
    QVERIFY(found);
    ListQuery q;
    q.eq.emplace_back(QStringLiteral("entity_id"), id);
    q.eq.emplace_back(QStringLiteral("action"), QStringLiteral("revoke"));
    auto acts = f->s().activity.list(f->shop().scope, q);
    QVERIFY(acts.ok());
    QCOMPARE(acts->rows.size(), size_t(1));
    // Disabling through PATCH refuses the key the same way; enabling lets it in again.
    const Json k2 = create(Json{{"name", "Paused"}});
    EXPECT_STATUS(f->call("PATCH", "/api/v1/mcp-keys/" + str(k2, "id"), admin, Json{{"enabled", false}}), 200);
    QVERIFY(!f->s().mcpKeys.resolve(str(k2, "key")).ok());
    EXPECT_STATUS(f->call("PATCH", "/api/v1/mcp-keys/" + str(k2, "id"), admin, Json{{"enabled", true}}), 200);
    QVERIFY(f->s().mcpKeys.resolve(str(k2, "key")).ok());
    // Keys nobody issued, or of the wrong form, are refused alike.
    for (const QString &bad : {QStringLiteral("mcp_live_00000000000000000000000000000000"), QStringLiteral("mcp_live_XYZ"),
                               QStringLiteral("ery_live_00000000000000000000000000000000"), QString(),
                               QStringLiteral("mcp_live_0000000000000000000000000000000G"), QString(5000, QLatin1Char('a'))}) {
        auto r = f->s().mcpKeys.resolve(bad);
        QVERIFY(!r.ok());
        QVERIFY(r.error().code == ErrorCode::Unauthorized);
    }
    QVERIFY(!f->s().mcpKeys.resolveHash(QStringLiteral("' OR 1=1 --")).ok());
    QVERIFY(!f->s().mcpKeys.resolveHash(QString(64, QLatin1Char('0'))).ok());
}

void TestApiMcpKeys::usageLogIsPagedAndFiltered()
{
    const Json a = create(Json{{"name", "Busy"}});
    const Json b = create(Json{{"name", "Quiet"}});
    const QString aId = str(a, "id"), bId = str(b, "id");
    const QString t = f->shop().tenantId;
    std::vector<McpUsage> calls;
    const QStringList tools{"fetch_jobs", "start_operation", "fetch_jobs", "pause_operation", "fetch_jobs"};
    for (int i = 0; i < 5; ++i)
        calls.push_back(McpUsage{aId, t, tools[i], QString(64, QLatin1Char('a' + i)), i != 3, i == 3 ? QStringLiteral("INVALID_STATE_TRANSITION") : QString(),
                                 10 * (i + 1), QStringLiteral("2026-03-01T08:00:0%1.000Z").arg(i)});
    calls.push_back(McpUsage{bId, t, "fetch_parts", {}, true, {}, 3, QStringLiteral("2026-03-01T09:00:00.000Z")});
    QVERIFY(f->s().mcpKeys.logUsage(calls).ok());
    QVERIFY(f->s().mcpKeys.logUsage({}).ok());

    auto all = f->call("GET", "/api/v1/mcp-keys/" + aId + "/usage", admin);
    EXPECT_STATUS(all, 200);
    const Json rows = all.data()["usage"];
    QCOMPARE(all.data()["pagination"]["total"].get<qint64>(), qint64(5));
    QCOMPARE(rows.size(), size_t(5));
    // Newest first, each as it was logged.
    QCOMPARE(str(rows[0], "created_at"), QStringLiteral("2026-03-01T08:00:04.000Z"));
    QCOMPARE(str(rows[4], "created_at"), QStringLiteral("2026-03-01T08:00:00.000Z"));
    QCOMPARE(str(rows[1], "tool_name"), QStringLiteral("pause_operation"));
    QVERIFY(!flag(rows[1], "success"));
    QCOMPARE(str(rows[1], "error_message"), QStringLiteral("INVALID_STATE_TRANSITION"));
    QCOMPARE(num(rows[1], "response_time_ms"), qint64(40));
    QCOMPARE(str(rows[0], "arguments_digest"), QString(64, QLatin1Char('e')));
    QCOMPARE(str(rows[0], "key_id"), aId);
    // Paging.
    auto page = f->call("GET", "/api/v1/mcp-keys/" + aId + "/usage?limit=2&offset=2", admin);
    EXPECT_STATUS(page, 200);
    QCOMPARE(page.data()["usage"].size(), size_t(2));
    QCOMPARE(page.data()["pagination"]["total"].get<qint64>(), qint64(5));
    QCOMPARE(str(page.data()["usage"][0], "created_at"), QStringLiteral("2026-03-01T08:00:02.000Z"));
    // Filters: tool, success.
    auto fetches = f->call("GET", "/api/v1/mcp-keys/" + aId + "/usage?tool=fetch_jobs", admin);
    EXPECT_STATUS(fetches, 200);
    QCOMPARE(fetches.data()["usage"].size(), size_t(3));
    const Json fetched = fetches.data()["usage"];
    for (const auto &r : fetched)
        QCOMPARE(str(r, "tool_name"), QStringLiteral("fetch_jobs"));
    auto failed = f->call("GET", "/api/v1/mcp-keys/" + aId + "/usage?success=false", admin);
    EXPECT_STATUS(failed, 200);
    QCOMPARE(failed.data()["usage"].size(), size_t(1));
    QCOMPARE(str(failed.data()["usage"][0], "tool_name"), QStringLiteral("pause_operation"));
    auto both = f->call("GET", "/api/v1/mcp-keys/" + aId + "/usage?tool=fetch_jobs&success=true&order=asc", admin);
    QCOMPARE(both.data()["usage"].size(), size_t(3));
    QCOMPARE(str(both.data()["usage"][0], "created_at"), QStringLiteral("2026-03-01T08:00:00.000Z"));
    EXPECT_STATUS(f->call("GET", "/api/v1/mcp-keys/" + aId + "/usage?success=maybe", admin), 400);
    EXPECT_STATUS(f->call("GET", "/api/v1/mcp-keys/" + aId + "/usage?tool_name=x", admin), 400);
    EXPECT_STATUS(f->call("GET", "/api/v1/mcp-keys/" + aId + "/usage?limit=lots", admin), 400);
    EXPECT_STATUS(f->call("GET", "/api/v1/mcp-keys/" + aId + "/usage?tool=" + QString(2000, QLatin1Char('x')), admin), 400);
    // The other key's log is its own.
    auto quiet = f->call("GET", "/api/v1/mcp-keys/" + bId + "/usage", admin);
    QCOMPARE(quiet.data()["usage"].size(), size_t(1));
    EXPECT_STATUS(f->call("GET", "/api/v1/mcp-keys/0190c0de-0000-7000-8000-000000000000/usage", admin), 404);
    // Each key counts its calls and remembers the last.
    auto busy = f->call("GET", "/api/v1/mcp-keys/" + aId, admin).data()["mcp_key"];
    QCOMPARE(num(busy, "usage_count"), qint64(5));
    QCOMPARE(str(busy, "last_used_at"), QStringLiteral("2026-03-01T08:00:04.000Z"));
    QCOMPARE(num(f->call("GET", "/api/v1/mcp-keys/" + bId, admin).data()["mcp_key"], "usage_count"), qint64(1));
    // One transaction for the lot: a row naming an unknown key writes nothing.
    std::vector<McpUsage> broken{{aId, t, "fetch_jobs", {}, true, {}, 1, {}},
                                 {"0190c0de-0000-7000-8000-000000000000", t, "fetch_jobs", {}, true, {}, 1, {}}};
    QVERIFY(!f->s().mcpKeys.logUsage(broken).ok());
    QCOMPARE(f->call("GET", "/api/v1/mcp-keys/" + aId + "/usage", admin).data()["pagination"]["total"].get<qint64>(), qint64(5));
    QCOMPARE(num(f->call("GET", "/api/v1/mcp-keys/" + aId, admin).data()["mcp_key"], "usage_count"), qint64(5));
    // A key logged under a tenant that is not its own is refused too.
    auto other = f->s().tenants.create(Json{{"name", "Usage Other"}});
    QVERIFY(other.ok());
    QVERIFY(!f->s().mcpKeys.logUsage({{aId, str(other->live, "id"), "fetch_jobs", {}, true, {}, 1, {}}}).ok());
    QCOMPARE(num(f->call("GET", "/api/v1/mcp-keys/" + aId, admin).data()["mcp_key"], "usage_count"), qint64(5));
    // Oversized text from a client is cut, not refused: the log always gets its row.
    QVERIFY(f->s().mcpKeys.logUsage({{bId, t, QString(5000, QLatin1Char('t')), {}, false, QString(100000, QLatin1Char('e')), 1, {}}}).ok());
    auto cut = f->call("GET", "/api/v1/mcp-keys/" + bId + "/usage?success=false", admin);
    QCOMPARE(cut.data()["usage"].size(), size_t(1));
    QVERIFY(str(cut.data()["usage"][0], "tool_name").size() <= 200);
    QVERIFY(str(cut.data()["usage"][0], "error_message").size() <= 2000);
}

void TestApiMcpKeys::otherTenantsKeysAreNotFound()
{
    const Json mine = create(Json{{"name", "Tenant A key"}});
    const QString id = str(mine, "id");
    QVERIFY(f->s().mcpKeys.logUsage({{id, f->shop().tenantId, "fetch_jobs", {}, true, {}, 1, {}}}).ok());
    auto other = f->s().tenants.create(Json{{"name", "Tenant B"}});
    QVERIFY(other.ok());
    const QString bAdmin = f->key(Scope::of(str(other->live, "id")), QStringLiteral("admin"));
    EXPECT_STATUS(f->call("GET", "/api/v1/mcp-keys/" + id, bAdmin), 404);
    EXPECT_STATUS(f->call("PATCH", "/api/v1/mcp-keys/" + id, bAdmin, Json{{"enabled", false}}), 404);
    EXPECT_STATUS(f->call("DELETE", "/api/v1/mcp-keys/" + id, bAdmin), 404);
    EXPECT_STATUS(f->call("GET", "/api/v1/mcp-keys/" + id + "/usage", bAdmin), 404);
    auto theirs = f->call("GET", "/api/v1/mcp-keys", bAdmin);
    EXPECT_STATUS(theirs, 200);
    QCOMPARE(theirs.data()["mcp_keys"].size(), size_t(0));
    // A tenant id in the body does not put B's key in A's tenant.
    auto sneaky = f->call("POST", "/api/v1/mcp-keys", bAdmin, Json{{"name", "B key"}, {"tenant_id", toStd(f->shop().tenantId)}});
    EXPECT_STATUS(sneaky, 201);
    QCOMPARE(str(sneaky.data()["mcp_key"], "tenant_id"), str(other->live, "id"));
    // The same name in two tenants is fine; A's key is untouched and still works.
    EXPECT_STATUS(f->call("POST", "/api/v1/mcp-keys", bAdmin, Json{{"name", "Tenant A key"}}), 201);
    EXPECT_STATUS(f->call("GET", "/api/v1/mcp-keys/" + str(sneaky.data()["mcp_key"], "id"), admin), 404);
    auto still = f->s().mcpKeys.resolve(str(mine, "key"));
    QVERIFY(still.ok());
    QCOMPARE(still->scope.tenantId, f->shop().tenantId);
    QCOMPARE(num(f->call("GET", "/api/v1/mcp-keys/" + id, admin).data()["mcp_key"], "usage_count"), qint64(1));
}

void TestApiMcpKeys::accessIsAdminOnly()
{
    const QString id = str(create(Json{{"name", "Admins only"}}), "id");
    const QString testAdmin = f->key(f->shop().scope, QStringLiteral("admin"), true);
    const QString reader = f->key(f->shop().scope, QStringLiteral("read"));
    for (const QString &k : {key, reader, testAdmin}) {
        EXPECT_STATUS(f->call("GET", "/api/v1/mcp-keys", k), 403);
        EXPECT_STATUS(f->call("POST", "/api/v1/mcp-keys", k, Json{{"name", "sneak"}}), 403);
        EXPECT_STATUS(f->call("GET", "/api/v1/mcp-keys/" + id, k), 403);
        EXPECT_STATUS(f->call("PATCH", "/api/v1/mcp-keys/" + id, k, Json{{"enabled", false}}), 403);
        EXPECT_STATUS(f->call("DELETE", "/api/v1/mcp-keys/" + id, k), 403);
        EXPECT_STATUS(f->call("GET", "/api/v1/mcp-keys/" + id + "/usage", k), 403);
    }
    EXPECT_STATUS(f->call("GET", "/api/v1/mcp-keys"), 401);
    // An MCP key is not an API key.
    const QString mcp = str(create(Json{{"name", "Not for REST"}}), "key");
    EXPECT_STATUS(f->call("GET", "/api/v1/mcp-keys", mcp), 401);
    QVERIFY(f->s().mcpKeys.resolve(mcp).ok());
    QVERIFY(flag(f->call("GET", "/api/v1/mcp-keys/" + id, admin).data()["mcp_key"], "enabled"));
}

void TestApiMcpKeys::hostileInputIsRefused()
{
    auto field = [](const ApiFixture::Reply &r) {
        const Json d = r.body.is_object() ? r.body.value("error", Json::object()).value("details", Json::array()) : Json::array();
        return d.is_array() && !d.empty() ? str(d[0], "field") : QString();
    };
    auto expect422 = [&](const Json &body, const char *name) {
        auto r = f->call("POST", "/api/v1/mcp-keys", admin, body);
        QVERIFY2(r.status == 422, qPrintable(QStringLiteral("%1: %2 %3").arg(name).arg(r.status).arg(QString::fromUtf8(r.raw.left(300)))));
        QCOMPARE(r.code(), QStringLiteral("VALIDATION_ERROR"));
        QVERIFY2(field(r).startsWith(QString::fromLatin1(name)), qPrintable(field(r)));
    };
    auto before = f->call("GET", "/api/v1/mcp-keys", admin).data()["pagination"]["total"].get<qint64>();
    EXPECT_STATUS(f->callRaw("POST", "/api/v1/mcp-keys", admin, "{\"name\": ", {{"Content-Type", "application/json"}}), 400);
    EXPECT_STATUS(f->callRaw("POST", "/api/v1/mcp-keys", admin, "not json at all", {{"Content-Type", "application/json"}}), 400);
    QVERIFY(f->call("POST", "/api/v1/mcp-keys", admin, Json::array({1, 2})).status / 100 == 4);
    expect422(Json::object(), "name");
    expect422(Json{{"name", ""}}, "name");
    expect422(Json{{"name", "   "}}, "name");
    expect422(Json{{"name", std::string(201, 'n')}}, "name");
    expect422(Json{{"name", 42}}, "name");
    expect422(Json{{"name", std::string("nul\0byte", 8)}}, "name");
    expect422(Json{{"name", "ok"}, {"description", std::string(1001, 'd')}}, "description");
    expect422(Json{{"name", "ok"}, {"environment", "prod"}}, "environment");
    expect422(Json{{"name", "ok"}, {"allowed_tools", "fetch_jobs"}}, "allowed_tools");
    expect422(Json{{"name", "ok"}, {"allowed_tools", Json::object({{"fetch_jobs", true}})}}, "allowed_tools");
    expect422(Json{{"name", "ok"}, {"allowed_tools", Json::array()}}, "allowed_tools");
    expect422(Json{{"name", "ok"}, {"allowed_tools", {1, 2}}}, "allowed_tools");
    expect422(Json{{"name", "ok"}, {"allowed_tools", {"Fetch Jobs"}}}, "allowed_tools");
    expect422(Json{{"name", "ok"}, {"allowed_tools", {"fetch_jobs; DROP TABLE mcp_keys"}}}, "allowed_tools");
    expect422(Json{{"name", "ok"}, {"allowed_tools", {std::string(65, 'a')}}}, "allowed_tools");
    expect422(Json{{"name", "ok"}, {"allowed_tools", {"*", "fetch_jobs"}}}, "allowed_tools");
    expect422(Json{{"name", "ok"}, {"allowed_tools", nullptr}}, "allowed_tools");
    Json many = Json::array();
    for (int i = 0; i < 300; ++i)
        many.push_back("tool_" + std::to_string(i));
    expect422(Json{{"name", "ok"}, {"allowed_tools", many}}, "allowed_tools");
    expect422(Json{{"name", "ok"}, {"rate_limit", 0}}, "rate_limit");
    expect422(Json{{"name", "ok"}, {"rate_limit", -1}}, "rate_limit");
    expect422(Json{{"name", "ok"}, {"rate_limit", 100001}}, "rate_limit");
    expect422(Json{{"name", "ok"}, {"rate_limit", 1e15}}, "rate_limit");
    expect422(Json{{"name", "ok"}, {"rate_limit", 1.5}}, "rate_limit");
    expect422(Json{{"name", "ok"}, {"rate_limit", "10"}}, "rate_limit");
    expect422(Json{{"name", "ok"}, {"rate_limit", nullptr}}, "rate_limit");
    // Every bad field at once.
    auto several = f->call("POST", "/api/v1/mcp-keys", admin, Json{{"rate_limit", 0}, {"allowed_tools", "x"}});
    EXPECT_STATUS(several, 422);
    QVERIFY(several.body["error"]["details"].size() >= 3);
    // A 2 MB name is answered quickly and not echoed back whole.
    auto huge = f->call("POST", "/api/v1/mcp-keys", admin, Json{{"name", std::string(2 * 1024 * 1024, 'x')}});
    QVERIFY(huge.status == 413 || huge.status == 422);
    QVERIFY(huge.raw.size() < 10000);
    QCOMPARE(f->call("GET", "/api/v1/mcp-keys", admin).data()["pagination"]["total"].get<qint64>(), before); // nothing created
    // The same name twice in a tenant: 409 naming it.
    EXPECT_STATUS(f->call("POST", "/api/v1/mcp-keys", admin, Json{{"name", "Unique"}}), 201);
    auto dup = f->call("POST", "/api/v1/mcp-keys", admin, Json{{"name", "Unique"}});
    EXPECT_STATUS(dup, 409);
    QCOMPARE(dup.code(), QStringLiteral("CONFLICT"));
    // Fields nobody may set are ignored: the hash, the prefix, the counters.
    auto ignored = f->call("POST", "/api/v1/mcp-keys", admin,
                           Json{{"name", "Ignored"}, {"key_hash", std::string(64, '0')}, {"key_prefix", "mcp_live_0000"}, {"usage_count", 99}});
    EXPECT_STATUS(ignored, 201);
    QCOMPARE(num(ignored.data()["mcp_key"], "usage_count"), qint64(0));
    QCOMPARE(str(ignored.data()["mcp_key"], "key_prefix"), str(ignored.data()["mcp_key"], "key").left(13));
    QVERIFY(!f->s().mcpKeys.resolveHash(QString(64, QLatin1Char('0'))).ok());
    // PATCH refuses the same values.
    const QString id = str(ignored.data()["mcp_key"], "id");
    for (const Json &bad : {Json{{"rate_limit", 0}}, Json{{"rate_limit", -3}}, Json{{"rate_limit", 1e12}}, Json{{"name", nullptr}},
                            Json{{"name", ""}}, Json{{"allowed_tools", nullptr}}, Json{{"allowed_tools", "fetch_jobs"}},
                            Json{{"enabled", "yes"}}, Json{{"name", std::string(201, 'n')}}})
        EXPECT_STATUS(f->call("PATCH", "/api/v1/mcp-keys/" + id, admin, bad), 422);
    EXPECT_STATUS(f->call("PATCH", "/api/v1/mcp-keys/" + id, admin, Json{{"name", "Unique"}}), 409);
    EXPECT_STATUS(f->callRaw("PATCH", "/api/v1/mcp-keys/" + id, admin, "{", {{"Content-Type", "application/json"}}), 400);
    auto unchanged = f->call("GET", "/api/v1/mcp-keys/" + id, admin).data()["mcp_key"];
    QCOMPARE(str(unchanged, "name"), QStringLiteral("Ignored"));
    QCOMPARE(num(unchanged, "rate_limit"), qint64(100));
}

void TestApiMcpKeys::toolNamesAreCheckedAgainstTheRegistry()
{
    http::ApiServer *api = f->shop().engine().api();
    QVERIFY(api);
    // The names are the MCP registry's.
    QVERIFY(api->mcpToolNames().size() >= 55);
    QVERIFY(api->mcpToolNames().contains(QStringLiteral("pause_operation")));
    auto r = f->call("POST", "/api/v1/mcp-keys", admin,
                     Json{{"name", "Registry"}, {"allowed_tools", {"fetch_jobs", "delete_everything", "made_up_tool"}}});
    EXPECT_STATUS(r, 422);
    const Json d = r.body["error"]["details"][0];
    QCOMPARE(str(d, "field"), QStringLiteral("allowed_tools"));
    QVERIFY2(str(d, "message").contains("delete_everything") && str(d, "message").contains("made_up_tool") &&
                 !str(d, "message").contains("fetch_jobs"),
             qPrintable(str(d, "message")));
    QVERIFY2(d["value"] == Json::array({"delete_everything", "made_up_tool"}), d["value"].dump().c_str());
    auto ok = f->call("POST", "/api/v1/mcp-keys", admin, Json{{"name", "Registry"}, {"allowed_tools", {"fetch_jobs", "pause_operation"}}});
    EXPECT_STATUS(ok, 201);
    EXPECT_STATUS(f->call("POST", "/api/v1/mcp-keys", admin, Json{{"name", "Everything"}, {"allowed_tools", {"*"}}}), 201);
    const QString id = str(ok.data()["mcp_key"], "id");
    auto p = f->call("PATCH", "/api/v1/mcp-keys/" + id, admin, Json{{"allowed_tools", {"start_operation", "nope"}}});
    EXPECT_STATUS(p, 422);
    QVERIFY(str(p.body["error"]["details"][0], "message").contains("nope"));
    auto who = f->s().mcpKeys.resolve(str(ok.data()["mcp_key"], "key"));
    QVERIFY(who.ok());
    QVERIFY(!who->allTools);
    QCOMPARE(who->allowedTools, QStringList({"fetch_jobs", "pause_operation"}));
    QVERIFY(who->allows("pause_operation") && !who->allows("start_operation"));
    EXPECT_STATUS(f->call("PATCH", "/api/v1/mcp-keys/" + id, admin, Json{{"allowed_tools", {"start_operation"}}}), 200);
    QVERIFY(f->s().mcpKeys.resolve(str(ok.data()["mcp_key"], "key"))->allows("start_operation"));
}


void TestApiMcpKeys::toolListNamesWhatAllowedToolsAccepts()
{
    auto r = f->call("GET", "/api/v1/mcp-tools", admin);
    EXPECT_STATUS(r, 200);
    const Json tools = r.data()["mcp_tools"];
    QVERIFY(tools.is_array() && tools.size() > 5);
    Json names = Json::array();
    for (const Json &t : tools) {
        QVERIFY(!str(t, "name").isEmpty());
        QVERIFY(!str(t, "module").isEmpty());
        names.push_back(t["name"]);
    }
    // Every tool listed is one a key may be given, all at once.
    const Json k = create(Json{{"name", "Every tool by name"}, {"allowed_tools", names}});
    QVERIFY(k["allowed_tools"] == names);
    const QString reader = f->key(f->shop().scope, QStringLiteral("read"));
    EXPECT_STATUS(f->call("GET", "/api/v1/mcp-tools", reader), 403);
    EXPECT_STATUS(f->call("GET", "/api/v1/mcp-tools"), 401);
    EXPECT_STATUS(f->call("DELETE", "/api/v1/mcp-tools", admin), 405);
}

QTEST_GUILESS_MAIN(TestApiMcpKeys)
#include "tst_apimcpkeys.moc"
