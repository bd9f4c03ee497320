#include "apifixture.h"

#include "http/apiserver.h"

#include <QElapsedTimer>
#include <QTest>

#include <random>

using namespace ery;
using namespace ery::test;

// A body fuzzer over every write route: it reads the live OpenAPI document, walks each POST, PUT
// and PATCH it lists (and the same handlers on the original's /functions/v1 table), and sends
// schema-shaped bodies with one to three fields replaced by hostile values, plus whole-body
// mutations (wrong shapes, duplicate keys, raw invalid UTF-8, non-JSON). Any 5xx — or no answer —
// fails, printing the route and the body. Seeded (ERYXON_FUZZ_SEED) and bounded
// (ERYXON_FUZZ_PER_ROUTE requests per route), so a failure replays exactly.
class TestApiBodyFuzz : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void everyWriteRoute();

private:
    struct Target {
        QByteArray method;
        QString path;  // concrete: ids filled in
        QString label; // as the document (or the router) lists it
        Json schema;   // request schema, or null
        bool csv = false;
    };

    QString idFor(const QString &collection);
    QString concretePath(const QString &pattern, bool *realId);
    Json sampleFor(const std::string &name, const Json &schema, int depth = 0);
    Json hostileValue();
    QByteArray bodyFor(const Target &t);
    QByteArray csvBodyFor();

    std::unique_ptr<ApiFixture> f;
    QString admin;
    std::mt19937 rng;
    QHash<QString, QString> ids;   // collection → a record of it
    QHash<QString, QString> known; // reference field → id (job_id → a job …)
    Json doc;
    int serial = 0;

    template <class T> T pick(std::initializer_list<T> l)
    {
        auto it = l.begin();
        std::advance(it, std::uniform_int_distribution<int>(0, int(l.size()) - 1)(rng));
        return *it;
    }
    int below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); }
};

void TestApiBodyFuzz::initTestCase()
{
    const uint seed = qEnvironmentVariableIsSet("ERYXON_FUZZ_SEED") ? qEnvironmentVariableIntValue("ERYXON_FUZZ_SEED") : 20240917u;
    qInfo("fuzz seed %u (ERYXON_FUZZ_SEED replays it)", seed);
    rng.seed(seed);
    f = ApiFixture::create();
    // Thousands of requests from one key: no plan rate limit or quota in the way.
    ERY_VERIFY_OK(
        f->s().tenants.update(f->shop().tenantId, Json{{"plan", "enterprise"}, {"max_jobs", nullptr}, {"max_parts_per_month", nullptr}}));
    admin = f->key(f->shop().scope, QStringLiteral("admin"));
    auto o = f->call("GET", "/api/v1/openapi.json");
    QCOMPARE(o.status, 200);
    doc = o.body;
    QVERIFY(doc["paths"].size() > 40);

    TestShop &shop = f->shop();
    ids["jobs"] = shop.jobId;
    ids["parts"] = shop.partId;
    ids["api-parts-images"] = shop.partId; // /functions/v1/api-parts-images/{id}/upload
    ids["operations"] = shop.ops[0];
    ids["cells"] = shop.laser;
    ids["operators"] = shop.op1;
    known = {{"job_id", shop.jobId},    {"part_id", shop.partId},       {"operation_id", shop.ops[0]},
             {"cell_id", shop.bending}, {"operator_id", shop.op1},      {"assigned_operator_id", shop.op2},
             {"recorded_by", shop.op1}, {"created_by", shop.admin},     {"reported_by_id", shop.op2},
             {"user_id", shop.op1},     {"parent_part_id", shop.partId}};
    // The records every {id} route needs, created through the API like a client would.
    known["scrap_reason_id"] = idFor(QStringLiteral("scrap-reasons"));
    known["resource_id"] = idFor(QStringLiteral("resources"));
    known["template_id"] = idFor(QStringLiteral("substep-templates"));
    // (A collection that could not be seeded shows up in everyWriteRoute as a route without a real id.)
    for (const char *c : {"materials", "substeps", "assignments", "issues", "time-entries", "webhooks", "mqtt-publishers", "batches",
                          "api-keys", "mcp-keys", "production"})
        idFor(QString::fromLatin1(c));
}

QString TestApiBodyFuzz::idFor(const QString &collection)
{
    if (ids.contains(collection))
        return ids[collection];
    TestShop &shop = f->shop();
    const QHash<QString, Json> seeds{
        {"resources", Json{{"name", "Fuzz Press"}}},
        {"materials", Json{{"name", "Fuzz Steel"}}},
        {"scrap-reasons", Json{{"code", "FZ1"}, {"description", "fuzz"}}},
        {"substep-templates", Json{{"name", "Fuzz Template"}}},
        {"substeps", Json{{"operation_id", toStd(shop.ops[1])}, {"name", "Fuzz step"}}},
        {"assignments", Json{{"part_id", toStd(shop.partId)}, {"operator_id", toStd(shop.op2)}}},
        {"issues",
         Json{{"operation_id", toStd(shop.ops[0])}, {"created_by", toStd(shop.op1)}, {"description", "fuzz"}, {"severity", "low"}}},
        {"time-entries", Json{{"operator_id", toStd(shop.op2)}, {"operation_id", toStd(shop.ops[1])}}},
        {"webhooks", Json{{"url", "https://example.com/fuzz"}, {"events", {"job.created"}}, {"active", false}}},
        {"mqtt-publishers",
         Json{{"name", "Fuzz Broker"}, {"broker_url", "127.0.0.1"}, {"port", 1}, {"events", {"job.created"}}, {"active", false}}},
        {"batches", Json{{"batch_number", "B-FUZZ"}, {"cell_id", toStd(shop.laser)}}},
        {"api-keys", Json{{"name", "fuzz key"}}},
        {"mcp-keys", Json{{"name", "fuzz MCP key"}}},
        {"production", Json{{"operation_id", toStd(shop.ops[2])}, {"quantity_good", 1}}},
    };
    QString id;
    if (seeds.contains(collection)) {
        auto c = f->call("POST", "/api/v1/" + collection, admin, seeds[collection]);
        const Json data = c.data();
        for (auto it = data.begin(); it != data.end(); ++it)
            if (it->is_object() && it->contains("id"))
                id = str(*it, "id");
        if (id.isEmpty())
            qWarning("seeding %s: %d %s", qPrintable(collection), c.status, c.raw.left(300).constData());
    }
    if (id.isEmpty()) {
        // Anything already there (webhook deliveries are made by the hub, not posted).
        auto l = f->call("GET", "/api/v1/" + collection + "?limit=1", admin);
        const Json data = l.data();
        for (auto it = data.begin(); it != data.end(); ++it)
            if (it->is_array() && !it->empty())
                id = str((*it)[0], "id");
    }
    if (!id.isEmpty())
        ids[collection] = id;
    return id;
}

QString TestApiBodyFuzz::concretePath(const QString &pattern, bool *realId)
{
    *realId = true;
    QStringList segs = pattern.split(QLatin1Char('/'));
    for (int i = 0; i < segs.size(); ++i) {
        if (segs[i] == QLatin1String("{id}")) {
            const QString id = idFor(segs[i - 1]);
            *realId = !id.isEmpty();
            segs[i] = id.isEmpty() ? newId() : id;
        } else if (segs[i] == QLatin1String("{entity}")) {
            segs[i] = pick<QString>({"jobs", "parts", "operations", "cells", "resources", "nothing"});
        }
    }
    return segs.join(QLatin1Char('/'));
}

Json TestApiBodyFuzz::sampleFor(const std::string &name, const Json &schema, int depth)
{
    // A plausible value, so most requests get past the first check and reach the service.
    const std::string type = schema.value("type", Json("")).is_string() ? schema.value("type", std::string()) : std::string();
    if (schema.contains("enum") && !schema["enum"].empty())
        return schema["enum"][size_t(below(int(schema["enum"].size())))];
    if (type == "string") {
        const std::string format = schema.value("format", std::string());
        if (format == "uuid") {
            const QString id = known.value(QString::fromStdString(name));
            return toStd(id.isEmpty() ? (below(2) ? f->shop().ops[size_t(below(3))] : newId()) : id);
        }
        if (format == "date-time" || format == "date")
            return toStd(nowIso());
        if (format == "uri")
            return "https://example.com/f" + std::to_string(++serial);
        return "fz-" + std::to_string(++serial);
    }
    if (type == "integer")
        return below(10);
    if (type == "number")
        return below(100) / 4.0;
    if (type == "boolean")
        return bool(below(2));
    if (type == "array") {
        if (name == "events")
            return Json::array({"job.created"});
        Json a = Json::array();
        if (depth < 3 && schema.contains("items"))
            for (int i = below(3); i > 0; --i)
                a.push_back(sampleFor(name, schema["items"], depth + 1));
        return a;
    }
    if (schema.contains("properties") && depth < 3) {
        Json o = Json::object();
        for (auto it = schema["properties"].begin(); it != schema["properties"].end(); ++it)
            if (below(3) || (schema.contains("required") &&
                             std::find(schema["required"].begin(), schema["required"].end(), it.key()) != schema["required"].end()))
                o[it.key()] = sampleFor(it.key(), it.value(), depth + 1);
        return o;
    }
    return Json{{"k", "v"}, {"n", 1}};
}

Json TestApiBodyFuzz::hostileValue()
{
    auto nested = [&](int depth) {
        Json v = "deep";
        for (int i = 0; i < depth; ++i)
            v = below(2) ? Json::array({v}) : Json{{"d", v}};
        return v;
    };
    switch (below(30)) {
    case 0: return nullptr;
    case 1: return true;
    case 2: return 0;
    case 3: return -1;
    case 4: return 1e308;
    case 5: return -1e308;
    case 6: return 2147483648ll;
    case 7: return -2147483649ll;
    case 8: return std::numeric_limits<qint64>::max();
    case 9: return std::numeric_limits<quint64>::max();
    case 10: return 4.9e-324;
    case 11: return 1.5;
    case 12: return "";
    case 13: return "   ";
    case 14: return std::string(below(2) ? 70000 : 300, 'x');
    case 15: return std::string("nul\0inside", 10);
    case 16: return "\u202Eright-to-left\u202C \u05D0\u05D1";
    case 17: return "emoji \U0001F600\U0001F469\u200D\U0001F467 \uFEFF zero\u200Bwidth";
    case 18: return "e\u0301\u0301\u0301 combining";
    case 19: return "not-a-uuid";
    case 20: return toStd(newId());
    case 21: return "2026-13-45T99:99:99Z";
    case 22: return "0000-01-01T00:00:00Z";
    case 23: return Json::array();
    case 24: return Json::array({nullptr, 1, "a", Json::object()});
    case 25: return Json::object();
    case 26: return nested(below(2) ? 20 : 120);
    case 27: {
        Json o = Json::object();
        for (int i = 0, n = below(2) ? 150 : 5; i < n; ++i)
            o["k" + std::to_string(i)] = i;
        return o;
    }
    case 28: return Json(std::vector<int>(size_t(below(2) ? 5000 : 3), 7));
    default: return "%_\\' OR 1=1 --";
    }
}

QByteArray TestApiBodyFuzz::csvBodyFor()
{
    static const char *lines[] = {"external_id,external_source,job_number,customer",
                                  "external_id,external_source,name",
                                  "E1,erp,J-CSV,Acme",
                                  "\"unterminated,erp,x",
                                  "E2,erp,,",
                                  ",,,,,,,,,,,,",
                                  "\xc0\xaf,\xff,\xed\xa0\x80",
                                  "E3,erp,\"a\"\"b\",\"multi\nline\""};
    QByteArray out;
    for (int i = 0, n = 1 + below(5); i < n; ++i)
        out += QByteArray(lines[below(8)]) + (below(4) ? "\n" : "\r\n");
    if (!below(8))
        out += QByteArray(below(2) ? 300000 : 20, ',');
    return out;
}

QByteArray TestApiBodyFuzz::bodyFor(const Target &t)
{
    if (t.csv)
        return csvBodyFor();
    Json base = t.schema.is_object() ? sampleFor("body", t.schema) : Json::object();
    if (!base.is_object())
        base = Json::object();
    // Nested lists of objects (parts[].operations[], bulk-sync items[]) get their mutations too.
    Json *target = &base;
    for (auto it = base.begin(); it != base.end(); ++it)
        if (it->is_array() && !it->empty() && (*it)[0].is_object() && below(2)) {
            target = &(*it)[0];
            break;
        }
    std::vector<std::string> keys;
    for (auto it = target->begin(); it != target->end(); ++it)
        keys.push_back(it.key());
    if (t.schema.is_object() && t.schema.contains("properties"))
        for (auto it = t.schema["properties"].begin(); it != t.schema["properties"].end(); ++it)
            if (target == &base && !target->contains(it.key()))
                keys.push_back(it.key());
    const int mode = below(20);
    if (mode < 13 && !keys.empty()) {
        for (int i = 0, n = 1 + below(3); i < n; ++i)
            (*target)[keys[size_t(below(int(keys.size())))]] = hostileValue();
        if (!below(4))
            (*target)[pick<std::string>({"tenant_id", "id", "zz_unknown", "created_at", "sync_hash", "deleted_at"})] = hostileValue();
        return QByteArray::fromStdString(base.dump());
    }
    const std::string text = base.dump();
    const std::string key = keys.empty() ? std::string("name") : keys[size_t(below(int(keys.size())))];
    switch (mode) {
    case 13: { // duplicate keys: which one wins is the parser's business, never a 500
        std::string dup = text;
        dup.insert(1, "\"" + key + "\":" + hostileValue().dump() + (text.size() > 2 ? "," : ""));
        return QByteArray::fromStdString(dup);
    }
    case 14: // a lone surrogate, escaped
        return QByteArray::fromStdString("{\"" + key + "\":\"" + pick<std::string>({"\\ud800", "\\udc00x", "\\ud83d", "a\\u0000b"}) +
                                         "\"}");
    case 15: // invalid UTF-8 as raw bytes: overlong '/', an encoded surrogate, a stray byte
        return "{\"" + QByteArray::fromStdString(key) + "\":\"" +
               pick<QByteArray>({"\xc0\xaf", "\xed\xa0\x80", "\xff\xfe", "\xe0\x80\xaf", "ok\x80"}) + "\"}";
    case 16:
        return pick<QByteArray>(
            {"[]", "[{}]", "null", "123", "\"text\"", "true", "{}", "", "   ", "[" + QByteArray::fromStdString(text) + "]"});
    case 17:
        return pick<QByteArray>({"not json", "{\"a\":", "{'a': 1}", "{\"a\":NaN}", "{\"a\":1} trailing", "\xef\xbb\xbf{}", "{\"a\":1,}",
                                 "/* c */ {}", QByteArray(2000, '['), QByteArray("{\"a\":") + QByteArray(300, '[')});
    case 18: // truncated
        return QByteArray::fromStdString(text.substr(0, size_t(below(int(text.size()) + 1))));
    default: { // every field hostile at once
        Json all = Json::object();
        for (const auto &k : keys)
            all[k] = hostileValue();
        return QByteArray::fromStdString(all.dump());
    }
    }
}

void TestApiBodyFuzz::everyWriteRoute()
{
    const int perRoute = qEnvironmentVariableIsSet("ERYXON_FUZZ_PER_ROUTE") ? qEnvironmentVariableIntValue("ERYXON_FUZZ_PER_ROUTE") : 24;
    std::vector<Target> targets;
    QStringList fakeIds;
    // The document's write routes…
    for (auto pit = doc["paths"].begin(); pit != doc["paths"].end(); ++pit)
        for (const char *m : {"post", "put", "patch"}) {
            if (!pit->contains(m))
                continue;
            const Json &op = (*pit)[m];
            Target t;
            t.method = QByteArray(m).toUpper();
            t.label = t.method + " " + QString::fromStdString(pit.key());
            if (op.contains("requestBody"))
                for (auto c = op["requestBody"]["content"].begin(); c != op["requestBody"]["content"].end(); ++c) {
                    t.schema = c->value("schema", Json());
                    t.csv = c.key() == "text/csv";
                }
            bool real = true;
            t.path = concretePath(QString::fromStdString(pit.key()), &real);
            if (!real)
                fakeIds << t.label;
            targets.push_back(t);
        }
    const size_t canonicalCount = targets.size();
    // …and the same handlers on the original's table, with the schema of their canonical twin.
    for (const auto &r : f->shop().engine().api()->router().routes()) {
        if (r.canonical || (r.method != http::Method::Post && r.method != http::Method::Put && r.method != http::Method::Patch))
            continue;
        Target t;
        t.method = http::methodName(r.method).toLatin1();
        t.label = t.method + " " + r.pattern;
        // /functions/v1/api-<name>[/<rest>] → /api/v1/<collection>[/{id}][/<rest>]
        QString rest = r.pattern.mid(QStringLiteral("/functions/v1/api-").size());
        QString name = rest.section(QLatin1Char('/'), 0, 0);
        const QString tail = rest.section(QLatin1Char('/'), 1);
        QString collection = name == QLatin1String("templates")  ? QStringLiteral("substep-templates")
                             : name == QLatin1String("erp-sync") ? QStringLiteral("erp")
                                                                 : name;
        if (collection.endsWith(QLatin1String("-lifecycle"))) {
            collection.chop(10);
            collection += collection.endsWith(QLatin1Char('h')) ? QStringLiteral("es") : QStringLiteral("s");
        }
        QString twin = QStringLiteral("/api/v1/") + collection;
        // ERP sync's actions (and its answer to an unknown one) take no record id.
        const bool byId = collection != QLatin1String("erp") &&
                          ((tail.isEmpty() && r.method != http::Method::Post) ||
                           (!tail.isEmpty() && tail != QLatin1String("sync") && tail != QLatin1String("bulk-sync")));
        if (byId)
            twin += QStringLiteral("/{id}");
        if (!tail.isEmpty())
            twin += QLatin1Char('/') + tail;
        const std::string m = t.method.toLower().toStdString();
        if (doc["paths"].contains(toStd(twin)) && doc["paths"][toStd(twin)].contains(m)) {
            const Json &op = doc["paths"][toStd(twin)][m];
            if (op.contains("requestBody"))
                for (auto c = op["requestBody"]["content"].begin(); c != op["requestBody"]["content"].end(); ++c)
                    t.schema = c->value("schema", Json());
        }
        bool realId = true;
        t.path = r.pattern.contains(QLatin1String("{id}")) ? concretePath(r.pattern, &realId) : r.pattern;
        if (!realId)
            fakeIds << t.label;
        if (byId && !r.pattern.contains(QLatin1String("{id}"))) {
            const QString id = idFor(collection);
            if (id.isEmpty())
                fakeIds << t.label;
            t.path += QStringLiteral("?id=") + (id.isEmpty() ? newId() : id);
        }
        targets.push_back(t);
    }
    qInfo("%zu write routes in the document, %zu on the original's table", canonicalCount, targets.size() - canonicalCount);
    QVERIFY(canonicalCount > 50);
    QVERIFY(targets.size() - canonicalCount > 40);

    QElapsedTimer total;
    total.start();
    int sent = 0;
    QStringList failures;
    QHash<int, int> statuses;
    for (const Target &t : targets) {
        for (int i = 0; i < perRoute; ++i) {
            const QByteArray body = bodyFor(t);
            QElapsedTimer one;
            one.start();
            auto r = f->callRaw(t.method, t.path, admin, body, {{"Content-Type", t.csv ? "text/csv" : "application/json"}});
            ++sent;
            statuses[r.status]++;
            if (r.status >= 500 || r.status == 0) {
                failures << QStringLiteral("%1 %2 (%3) → %4 %5\n    body: %6")
                                .arg(QString::fromLatin1(t.method), t.path, t.label)
                                .arg(r.status)
                                .arg(QString::fromUtf8(r.raw.left(300)),
                                     QString::fromUtf8(body.left(400).toPercentEncoding(" {}[]\":,._-")));
                qWarning().noquote() << failures.last();
            }
            // A slow route (the MQTT connection test waits for a broker) gets fewer tries.
            if (one.elapsed() > 1000)
                i += perRoute / 4;
        }
    }
    QStringList summary;
    for (auto it = statuses.begin(); it != statuses.end(); ++it)
        summary << QStringLiteral("%1×%2").arg(it.key()).arg(it.value());
    summary.sort();
    qInfo("%d requests in %lld ms: %s", sent, total.elapsed(), qPrintable(summary.join(QStringLiteral(" "))));
    QVERIFY2(failures.isEmpty(),
             qPrintable(QStringLiteral("%1 answers were 5xx or none:\n").arg(failures.size()) + failures.join(QLatin1Char('\n'))));
    // Only the hub's own delivery log has no record to point at (nothing was delivered).
    for (const QString &l : fakeIds)
        QVERIFY2(l.contains(QLatin1String("webhook-deliveries")), qPrintable(QStringLiteral("no real id for ") + l));
    // The fuzzing reached the services, not only the JSON parser.
    QVERIFY(statuses.value(422) > sent / 10);
    QVERIFY(statuses.value(200) + statuses.value(201) > sent / 20);
    QCOMPARE(f->call("GET", "/health").status, 200);
}

QTEST_GUILESS_MAIN(TestApiBodyFuzz)
#include "tst_apibodyfuzz.moc"
