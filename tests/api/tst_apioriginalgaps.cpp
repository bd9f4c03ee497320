#include "apiroutetest.h"

#include "core/ids.h"

#include <QTest>

using namespace ery;
using namespace ery::test;

// What integrations written against the original expect and the hub now takes, over real HTTP on
// both tables: operations created before their cell is known, estimated_time_minutes for
// estimated_time, time booked by hand after the fact, and the CORS preflight.
class TestApiOriginalGaps : public ApiRouteTest {
    Q_OBJECT
private slots:
    void init() { ensureTenantB(); }
    void nestedOperationsWithoutACell();
    void anOperationWithoutACellIsNotWorkedUntilItHasOne();
    void cellInputIsCheckedAndNeverForeign();
    void estimateAlias();
    void estimateAliasRefusesBadValues();
    void bookingTimeByHand();
    void bookingNeverOverlapsTheWorkersOtherTime();
    void bookingInputIsChecked();
    void bookingIsAnAdminsAndNeverCrossesTenants();
    void corsPreflight();
    void corsPreflightWithoutConfiguredOrigins();

private:
    void ensureTenantB();
    Json postJob(const QString &path, const QString &number, const Json &operations, int expect = 201);
    QString isoAgo(qint64 minutes) const { return isoOf(Clock::nowMs() - minutes * 60 * 1000); }
    Json bookBody(const QString &worker, const QString &op, qint64 fromAgo, qint64 toAgo) const
    {
        return Json{{"operator_id", toStd(worker)}, {"operation_id", toStd(op)}, {"start_time", toStd(isoAgo(fromAgo))},
                    {"end_time", toStd(isoAgo(toAgo))}};
    }

    domain::Scope m_b;
    QString m_bKey, m_bCell, m_bOperation, m_bWorker, m_testAdmin;
};

// A second shop (tenant B) with a cell, an operation and a worker of its own, and an admin test key
// of the first shop (its sandbox): the foreign ids every new input is tried with.
void TestApiOriginalGaps::ensureTenantB()
{
    if (!m_bKey.isEmpty())
        return;
    QVERIFY(f->s().tenants.update(f->shop().tenantId, Json{{"plan", "enterprise"}}));
    auto pair = f->s().tenants.create(Json{{"name", "Tenant B"}, {"plan", "enterprise"}});
    QVERIFY(pair);
    m_b = domain::Scope::of(str(pair->live, "id"));
    auto bKey = f->s().apiKeys.create(m_b, Json{{"name", "b admin"}, {"scope", "admin"}});
    QVERIFY(bKey);
    m_bKey = bKey->secret;
    Row bJob = f->shop().makeJob(m_b, QStringLiteral("B-1"), 0);
    Q_UNUSED(bJob);
    auto cell = f->s().catalog.create(services::CatalogService::Cells, m_b, Json{{"name", "B Laser"}});
    QVERIFY(cell);
    m_bCell = str(*cell, "id");
    auto bTree = f->s().jobs.create(
        m_b, Json{{"job_number", "B-2"},
                  {"parts", Json::array({{{"part_number", "B-2-P"},
                                          {"material", "S"},
                                          {"operations", Json::array({{{"operation_name", "B cut"}, {"cell_id", toStd(m_bCell)}}})}}})}});
    QVERIFY(bTree);
    auto tree = f->s().jobs.tree(m_b, str(*bTree, "id"));
    m_bOperation = str((*tree)["parts"][0]["operations"][0], "id");
    auto worker = f->s().users.createOperator(m_b, Json{{"full_name", "B worker"}, {"pin", "1357"}});
    QVERIFY(worker);
    m_bWorker = str(*worker, "id");
    m_testAdmin = f->key(f->shop().scope, QStringLiteral("admin"), true);
}

Json TestApiOriginalGaps::postJob(const QString &path, const QString &number, const Json &operations, int expect)
{
    Json body{{"job_number", toStd(number)},
              {"parts", Json::array({{{"part_number", toStd(number + "-P")}, {"material", "S235"}, {"operations", operations}}})}};
    auto r = f->call("POST", path, key, body);
    if (r.status != expect)
        qWarning("%s", r.raw.left(600).constData());
    [&] { EXPECT_STATUS(r, expect); }();
    return r.status == 201 ? r.data()["job"] : r.body;
}

void TestApiOriginalGaps::nestedOperationsWithoutACell()
{
    // Migration 10 dropped NOT NULL and nothing else: on SQLite by rewriting the declaration, which
    // must leave a sound file.
    if (!TestShop::postgres()) {
        auto check = f->shop().db().query(QStringLiteral("PRAGMA integrity_check"));
        QVERIFY(check && check->size() == 1);
        QCOMPARE(str(check->front(), "integrity_check"), QStringLiteral("ok"));
        auto cols = f->shop().db().query(QStringLiteral("SELECT name, \"notnull\" AS nn FROM pragma_table_info('operations')"));
        QVERIFY(cols);
        for (const Row &c : *cols)
            QCOMPARE(num(c, "nn"), str(c, "name") == QLatin1String("cell_id") ? 0 : num(c, "nn"));
        QVERIFY(f->shop().db().query(QStringLiteral("PRAGMA foreign_key_check"))->empty());
    }
    for (const QString &path : {QStringLiteral("/api/v1/jobs"), QStringLiteral("/functions/v1/api-jobs")}) {
        const QString number = path.startsWith(QLatin1String("/api")) ? QStringLiteral("NC-1") : QStringLiteral("NC-2");
        Json job = postJob(path, number,
                           Json::array({{{"operation_name", "Cut"}, {"cell_name", "Laser"}},
                                        {{"operation_name", "Deburr"}},
                                        {{"operation_name", "Paint"}, {"cell_id", nullptr}}}));
        const Json &ops = job["parts"][0]["operations"];
        QCOMPARE(ops.size(), size_t(3));
        QCOMPARE(str(ops[0], "cell_id"), f->shop().laser);
        QVERIFY(ops[1]["cell_id"].is_null());
        QVERIFY(ops[2]["cell_id"].is_null());
        QCOMPARE(num(ops[1], "sequence"), 2);
        // Read back the same way, by id and by list.
        auto one = f->call("GET", "/api/v1/operations/" + str(ops[1], "id"), key);
        EXPECT_STATUS(one, 200);
        QVERIFY(one.data()["operation"]["cell_id"].is_null());
    }
    // A single operation too, without a cell.
    auto part = f->call("GET", "/api/v1/parts?job_id=" + f->shop().jobId, key).data()["parts"][0];
    auto alone = f->call("POST", "/api/v1/operations", key, Json{{"part_id", part["id"]}, {"operation_name", "Inspect"}});
    EXPECT_STATUS(alone, 201);
    QVERIFY(alone.data()["operation"]["cell_id"].is_null());
    // The original's whole-row sync may leave it out as well.
    auto synced = f->call("PUT", "/api/v1/operations/sync", key,
                          Json{{"external_id", "NC-O-1"}, {"external_source", "erp"}, {"operation_name", "Pack"}, {"part_id", part["id"]}});
    EXPECT_STATUS(synced, 201);
    QVERIFY(synced.data()["operation"]["cell_id"].is_null());
}

void TestApiOriginalGaps::anOperationWithoutACellIsNotWorkedUntilItHasOne()
{
    Json job = postJob("/api/v1/jobs", "NC-3", Json::array({{{"operation_name", "Deburr"}}, {{"operation_name", "Fold"}}}));
    const QString op = str(job["parts"][0]["operations"][0], "id");
    const QString other = str(job["parts"][0]["operations"][1], "id");

    // In no cell's queue or WIP.
    for (const QString &cell : {f->shop().laser, f->shop().bending, f->shop().welding}) {
        auto queue = f->call("GET", "/api/v1/analytics/cells/" + cell + "/queue", key);
        EXPECT_STATUS(queue, 200);
        QVERIFY2(!queue.raw.contains(op.toLatin1()), queue.raw.left(300).constData());
    }
    QVERIFY(!f->call("GET", "/api/v1/operations?cell_id=" + f->shop().laser, key).raw.contains(op.toLatin1()));

    // Not started, through either table or by opening a time entry; nothing changes and nothing is
    // emitted.
    const qint64 before = f->shop().outboxCount();
    for (const QString &path : QStringList{"/api/v1/operations/" + op + "/start?operator_id=" + f->shop().op1,
                                "/functions/v1/api-operation-lifecycle/start?id=" + op}) {
        auto r = f->call("POST", path, key);
        EXPECT_STATUS(r, 409);
        QCOMPARE(r.code(), QStringLiteral("CONFLICT"));
        QVERIFY2(r.raw.contains("no cell yet"), r.raw.constData());
        QCOMPARE(str(r.body["error"]["details"], "operation_id"), op);
    }
    auto timed = f->call("POST", "/api/v1/time-entries", key, Json{{"operator_id", toStd(f->shop().op1)}, {"operation_id", toStd(op)}});
    EXPECT_STATUS(timed, 409);
    QCOMPARE(f->shop().outboxCount(), before);
    QCOMPARE(str(f->call("GET", "/api/v1/operations/" + op, key).data()["operation"], "status"), QStringLiteral("not_started"));

    // An issue may be reported on it all the same (where the part stands: nowhere yet).
    auto issue = f->call("POST", "/api/v1/issues", key,
                         Json{{"operation_id", toStd(op)}, {"created_by", toStd(f->shop().op1)}, {"severity", "low"}, {"description", "No drawing"}});
    EXPECT_STATUS(issue, 201);
    QVERIFY(issue.data()["issue"]["current_cell_id"].is_null());

    // Production may be reported on it; the yield figures count it under no cell.
    auto report = f->call("POST", "/api/v1/production", key, Json{{"operation_id", toStd(op)}, {"quantity_good", 3}});
    EXPECT_STATUS(report, 201);
    auto yield = f->call("GET", "/api/v1/analytics/yield", key);
    EXPECT_STATUS(yield, 200);
    bool noCell = false;
    const Json cells = yield.data()["cells"];
    for (const auto &c : cells)
        noCell = noCell || (c["cell_id"].is_null() && c["cell_name"].is_null() && num(c, "good") >= 3);
    QVERIFY2(noCell, yield.raw.left(600).constData());

    // A PATCH gives it a cell (with the move in the activity log); then it is worked as any other.
    auto assigned = f->call("PATCH", "/api/v1/operations/" + op, key, Json{{"cell_id", toStd(f->shop().bending)}});
    EXPECT_STATUS(assigned, 200);
    QCOMPARE(str(assigned.data()["operation"], "cell_id"), f->shop().bending);
    auto queue = f->call("GET", "/api/v1/analytics/cells/" + f->shop().bending + "/queue", key);
    QVERIFY(queue.raw.contains(op.toLatin1()));
    auto started = f->call("POST", "/api/v1/operations/" + op + "/start?operator_id=" + f->shop().op1, key);
    EXPECT_STATUS(started, 200);
    QCOMPARE(str(started.data(), "new_status"), QStringLiteral("in_progress"));

    // Begun work keeps its cell; an operation nobody started may give it back.
    auto unassign = f->call("PATCH", "/api/v1/operations/" + op, key, Json{{"cell_id", nullptr}});
    EXPECT_STATUS(unassign, 409);
    QVERIFY(unassign.raw.contains("not started"));
    EXPECT_STATUS(f->call("PATCH", "/functions/v1/api-operations?id=" + other, key, Json{{"cell_id", toStd(f->shop().welding)}}), 200);
    auto back = f->call("PATCH", "/api/v1/operations/" + other, key, Json{{"cell_id", nullptr}});
    EXPECT_STATUS(back, 200);
    QVERIFY(back.data()["operation"]["cell_id"].is_null());
    EXPECT_STATUS(f->call("POST", "/api/v1/operations/" + op + "/complete?operator_id=" + f->shop().op1, key), 200);
}

void TestApiOriginalGaps::cellInputIsCheckedAndNeverForeign()
{
    const QString path = QStringLiteral("/api/v1/jobs");
    struct Bad {
        Json op;
        const char *field;
    };
    const std::vector<Bad> bad{
        {Json{{"operation_name", "X"}, {"cell_id", "not-a-uuid"}}, "parts[0].operations[0].cell_id"},
        {Json{{"operation_name", "X"}, {"cell_id", 42}}, "parts[0].operations[0].cell_id"},
        {Json{{"operation_name", "X"}, {"cell_id", toStd(m_bCell)}}, "parts[0].operations[0].cell_id"}, // another tenant's cell
        {Json{{"operation_name", "X"}, {"cell_id", toStd(newId())}}, "parts[0].operations[0].cell_id"},
        {Json{{"operation_name", "X"}, {"cell_name", "B Laser"}}, "parts[0].operations[0].cell_name"},
        {Json{{"operation_name", "X"}, {"cell_name", std::string(300, 'L')}}, "parts[0].operations[0].cell_name"},
        {Json{{"operation_name", "X"}, {"cell_id", "'; DROP TABLE operations; --"}}, "parts[0].operations[0].cell_id"},
        {Json("Cut"), "parts[0].operations[0]"},
        {Json(nullptr), "parts[0].operations[0]"},
        {Json::array({1, 2}), "parts[0].operations[0]"},
    };
    int n = 0;
    for (const Bad &b : bad) {
        Json r = postJob(path, QStringLiteral("NC-BAD-%1").arg(++n), Json::array({b.op}), 422);
        QVERIFY2(r.dump().find(b.field) != std::string::npos, r.dump().c_str());
    }
    // None of them left a job behind (one transaction for the tree).
    QCOMPARE(f->call("GET", "/api/v1/jobs?job_number=NC-BAD", key).data()["jobs"].size(), size_t(0));
    // Nor is another tenant's cell taken on a PATCH, and it is not told apart from a missing one.
    Json job = postJob(path, "NC-4", Json::array({{{"operation_name", "Deburr"}}}));
    const QString op = str(job["parts"][0]["operations"][0], "id");
    auto foreign = f->call("PATCH", "/api/v1/operations/" + op, key, Json{{"cell_id", toStd(m_bCell)}});
    auto missing = f->call("PATCH", "/api/v1/operations/" + op, key, Json{{"cell_id", toStd(newId())}});
    EXPECT_STATUS(foreign, 404);
    EXPECT_STATUS(missing, 404);
    QVERIFY(!foreign.raw.contains("B Laser"));
    // Tenant B cannot give A's operation a cell either.
    EXPECT_STATUS(f->call("PATCH", "/api/v1/operations/" + op, m_bKey, Json{{"cell_id", toStd(m_bCell)}}), 404);
    QVERIFY(f->call("GET", "/api/v1/operations/" + op, key).data()["operation"]["cell_id"].is_null());
}

void TestApiOriginalGaps::estimateAlias()
{
    const QString part = f->shop().partId;
    auto alias = f->call("POST", "/api/v1/operations", key,
                         Json{{"part_id", toStd(part)}, {"operation_name", "Alias"}, {"cell_id", toStd(f->shop().laser)},
                              {"estimated_time_minutes", 12}});
    EXPECT_STATUS(alias, 201);
    QCOMPARE(num(alias.data()["operation"], "estimated_time"), 12);
    QVERIFY(!alias.data()["operation"].contains("estimated_time_minutes"));
    const QString id = str(alias.data()["operation"], "id");

    auto same = f->call("POST", "/functions/v1/api-operations", key,
                        Json{{"part_id", toStd(part)}, {"operation_name", "Both"}, {"estimated_time", 7}, {"estimated_time_minutes", 7}});
    EXPECT_STATUS(same, 201);
    QCOMPARE(num(same.data()["operation"], "estimated_time"), 7);

    auto differ = f->call("POST", "/api/v1/operations", key,
                          Json{{"part_id", toStd(part)}, {"operation_name", "Differ"}, {"estimated_time", 7}, {"estimated_time_minutes", 8}});
    EXPECT_STATUS(differ, 422);
    QCOMPARE(str(differ.body["error"]["details"][0], "field"), QStringLiteral("estimated_time_minutes"));
    QVERIFY2(differ.raw.contains("another name for estimated_time"), differ.raw.constData());

    EXPECT_STATUS(f->call("PATCH", "/api/v1/operations/" + id, key, Json{{"estimated_time_minutes", 45}}), 200);
    QCOMPARE(num(f->call("GET", "/api/v1/operations/" + id, key).data()["operation"], "estimated_time"), 45);
    EXPECT_STATUS(f->call("PATCH", "/functions/v1/api-operations?id=" + id, key, Json{{"estimated_time_minutes", 1}, {"estimated_time", 2}}),
                  422);
    QCOMPARE(num(f->call("GET", "/api/v1/operations/" + id, key).data()["operation"], "estimated_time"), 45);

    // Nested in a job, with the field named by its place in the tree.
    Json job = postJob("/api/v1/jobs", "EST-1", Json::array({{{"operation_name", "Cut"}, {"estimated_time_minutes", 25}}}));
    QCOMPARE(num(job["parts"][0]["operations"][0], "estimated_time"), 25);
    Json refused = postJob("/functions/v1/api-jobs", "EST-2",
                           Json::array({{{"operation_name", "Cut"}}, {{"operation_name", "Bend"}, {"estimated_time", 5}, {"estimated_time_minutes", 6}}}),
                           422);
    QCOMPARE(str(refused["error"]["details"][0], "field"), QStringLiteral("parts[0].operations[1].estimated_time_minutes"));
    QCOMPARE(f->call("GET", "/api/v1/jobs?job_number=EST-2", key).data()["jobs"].size(), size_t(0));

    // And on sync, where the CSV template's name came from.
    auto sync = f->call("PUT", "/api/v1/operations/sync", key,
                        Json{{"external_id", "EST-O"}, {"external_source", "erp"}, {"operation_name", "Saw"}, {"part_id", toStd(part)},
                             {"estimated_time", 3}, {"estimated_time_minutes", 4}});
    EXPECT_STATUS(sync, 422);
}

void TestApiOriginalGaps::estimateAliasRefusesBadValues()
{
    const QString part = f->shop().partId;
    for (const Json &v : {Json("12"), Json(-1), Json(1.5), Json(1e12), Json(nullptr), Json::array({12}), Json::object(), Json(true)}) {
        auto r = f->call("POST", "/api/v1/operations", key, Json{{"part_id", toStd(part)}, {"operation_name", "Bad"}, {"estimated_time_minutes", v}});
        EXPECT_STATUS(r, 422);
        QCOMPARE(str(r.body["error"]["details"][0], "field"), QStringLiteral("estimated_time_minutes"));
    }
    EXPECT_STATUS(f->callRaw("POST", "/api/v1/operations", key, "{\"estimated_time_minutes\": 12"), 400);
}

void TestApiOriginalGaps::bookingTimeByHand()
{
    const QString op = f->shop().ops.at(0);
    const qint64 actualBefore = num(f->call("GET", "/api/v1/operations/" + op, key).data()["operation"], "actual_time");
    const qint64 started = f->shop().eventCount("time_entry.started"), stopped = f->shop().eventCount("time_entry.stopped");
    Json body = bookBody(f->shop().op1, op, 600, 510);
    body["time_type"] = "setup";
    body["notes"] = "Forgot to clock the morning's setup";
    auto booked = f->call("POST", "/api/v1/time-entries", admin, body);
    EXPECT_STATUS(booked, 201);
    const Json entry = booked.data()["time_entry"];
    QCOMPARE(num(entry, "duration"), 90);
    QCOMPARE(str(entry, "time_type"), QStringLiteral("setup"));
    QCOMPARE(str(entry, "start_time"), QString::fromStdString(body["start_time"].get<std::string>()));
    QVERIFY(!str(entry, "end_time").isEmpty());
    // actual_time is recomputed from the closed entries; the operation keeps its status.
    auto after = f->call("GET", "/api/v1/operations/" + op, key).data()["operation"];
    QCOMPARE(num(after, "actual_time"), actualBefore + 90);
    QCOMPARE(str(after, "status"), QStringLiteral("not_started"));
    // The events of any entry, started and stopped, marked as booked by hand.
    QCOMPARE(f->shop().eventCount("time_entry.started"), started + 1);
    QCOMPARE(f->shop().eventCount("time_entry.stopped"), stopped + 1);
    const Rows events = f->shop().events("time_entry.stopped");
    Json payload = events.back()["payload"];
    if (payload.is_string())
        payload = Json::parse(payload.get<std::string>());
    const Json &data = payload.contains("data") ? payload["data"] : payload;
    QVERIFY2(str(data, "time_entry_id") == str(entry, "id"), payload.dump().c_str());
    QCOMPARE(num(data, "duration"), 90);
    QCOMPARE(data.value("manual", false), true);
    QCOMPARE(str(data, "operator_id"), f->shop().op1);
    // Audited.
    auto log = f->call("GET", "/api/v1/activity?entity_type=time_entry&action=book_time", admin);
    EXPECT_STATUS(log, 200);
    QVERIFY2(log.raw.contains(str(entry, "id").toLatin1()) && log.raw.contains("90 min booked by hand for Olga Operator"),
             log.raw.left(800).constData());
    // Through the original's table as well.
    auto compat = f->call("POST", "/functions/v1/api-time-entries", admin, bookBody(f->shop().op1, op, 500, 480));
    EXPECT_STATUS(compat, 201);
    QCOMPARE(num(f->call("GET", "/api/v1/operations/" + op, key).data()["operation"], "actual_time"), actualBefore + 110);
}

void TestApiOriginalGaps::bookingNeverOverlapsTheWorkersOtherTime()
{
    const QString op = f->shop().ops.at(1), worker = f->shop().op2;
    auto first = f->call("POST", "/api/v1/time-entries", admin, bookBody(worker, op, 300, 240));
    EXPECT_STATUS(first, 201);
    const QString firstId = str(first.data()["time_entry"], "id");
    // Inside, across either end, around it: 409 naming the entry it meets.
    for (auto [from, to] : {std::pair{290, 250}, std::pair{320, 290}, std::pair{250, 200}, std::pair{400, 100}}) {
        auto r = f->call("POST", "/api/v1/time-entries", admin, bookBody(worker, f->shop().ops.at(2), from, to));
        EXPECT_STATUS(r, 409);
        QCOMPARE(r.code(), QStringLiteral("CONFLICT"));
        const Json d = r.body["error"]["details"];
        QCOMPARE(str(d, "time_entry_id"), firstId);
        QCOMPARE(str(d, "operation_id"), op);
        QVERIFY(!str(d, "start_time").isEmpty() && !str(d, "end_time").isEmpty());
        QVERIFY2(r.raw.contains("Otto Operator") && r.raw.contains("overlaps"), r.raw.constData());
    }
    // Touching is not overlapping; another worker's time is not in the way.
    EXPECT_STATUS(f->call("POST", "/api/v1/time-entries", admin, bookBody(worker, op, 240, 200)), 201);
    EXPECT_STATUS(f->call("POST", "/api/v1/time-entries", admin, bookBody(f->shop().op1, op, 300, 240)), 201);

    // An entry still running counts from its start until now.
    Clock::setOffsetMs(-qint64(60) * 60 * 1000);
    auto open = f->call("POST", "/api/v1/time-entries", key, Json{{"operator_id", toStd(worker)}, {"operation_id", toStd(op)}});
    Clock::setOffsetMs(0);
    EXPECT_STATUS(open, 201);
    auto clash = f->call("POST", "/api/v1/time-entries", admin, bookBody(worker, f->shop().ops.at(2), 90, 30));
    EXPECT_STATUS(clash, 409);
    QCOMPARE(str(clash.body["error"]["details"], "time_entry_id"), str(open.data()["time_entry"], "id"));
    QVERIFY(clash.body["error"]["details"]["end_time"].is_null());
    QVERIFY(clash.raw.contains("still running"));
    EXPECT_STATUS(f->call("POST", "/api/v1/time-entries", admin, bookBody(worker, f->shop().ops.at(2), 90, 61)), 201);
    EXPECT_STATUS(f->call("POST", "/api/v1/time-entries/" + str(open.data()["time_entry"], "id") + "/stop", key), 200);
}

void TestApiOriginalGaps::bookingInputIsChecked()
{
    const QString op = f->shop().ops.at(2), worker = f->shop().op1;
    auto expect422 = [&](Json body, const char *field) {
        auto r = f->call("POST", "/api/v1/time-entries", admin, body);
        EXPECT_STATUS(r, 422);
        QVERIFY2(r.raw.contains(field), r.raw.left(400).constData());
    };
    expect422(bookBody(worker, op, 100, 110), "end_time");                // end before start
    expect422(bookBody(worker, op, 100, 100), "end_time");                // empty
    expect422(bookBody(worker, op, 30, -30), "future");                   // not worked yet
    expect422(bookBody(worker, op, 26 * 60, 60), "24 hours");             // longer than a day
    Json b = bookBody(worker, op, 100, 90);
    b["start_time"] = "yesterday morning";
    expect422(b, "start_time");
    b = bookBody(worker, op, 100, 90);
    b["end_time"] = 1700000000;
    expect422(b, "end_time");
    b = bookBody(worker, op, 100, 90);
    b["end_time"] = nullptr;
    expect422(b, "end_time");
    b = bookBody(worker, op, 100, 90);
    b.erase("operation_id");
    expect422(b, "operation_id");
    b = bookBody(worker, op, 100, 90);
    b["operator_id"] = "' OR 1=1 --";
    expect422(b, "operator_id");
    b = bookBody(worker, op, 100, 90);
    b["time_type"] = "nap";
    expect422(b, "time_type");
    b = bookBody(worker, op, 100, 90);
    b["notes"] = std::string(10001, 'n');
    expect422(b, "notes");
    b = bookBody(worker, op, 100, 90);
    b["notes"] = std::string("a\0b", 3);
    expect422(b, "notes");
    b = bookBody(worker, op, 100, 90);
    b["start_time"] = "0001-01-01T00:00:00Z";
    expect422(b, "end_time");
    EXPECT_STATUS(f->callRaw("POST", "/api/v1/time-entries", admin, "{\"start_time\": \"2024-"), 400);
    EXPECT_STATUS(f->call("POST", "/api/v1/time-entries", admin, Json::array({bookBody(worker, op, 100, 90)})), 422);
    // Unknown ids: 404 as anywhere else; a stored note is text, never SQL.
    EXPECT_STATUS(f->call("POST", "/api/v1/time-entries", admin, bookBody(newId(), op, 100, 90)), 404);
    EXPECT_STATUS(f->call("POST", "/api/v1/time-entries", admin, bookBody(worker, newId(), 100, 90)), 404);
    b = bookBody(worker, op, 100, 90);
    b["notes"] = "'); DELETE FROM time_entries; --";
    auto stored = f->call("POST", "/api/v1/time-entries", admin, b);
    EXPECT_STATUS(stored, 201);
    QCOMPARE(str(stored.data()["time_entry"], "notes"), QStringLiteral("'); DELETE FROM time_entries; --"));
    QVERIFY(f->call("GET", "/api/v1/time-entries?limit=1000", key).data()["time_entries"].size() > 3);
    // Oversized values are refused without being echoed back whole.
    b = bookBody(worker, op, 100, 90);
    b["start_time"] = "2025-03-03T06:00:00" + std::string(1024 * 1024, '0') + "Z";
    auto big = f->call("POST", "/api/v1/time-entries", admin, b);
    EXPECT_STATUS(big, 422);
    QVERIFY(big.raw.size() < 64 * 1024);
}

void TestApiOriginalGaps::bookingIsAnAdminsAndNeverCrossesTenants()
{
    const QString op = f->shop().ops.at(2), worker = f->shop().op2;
    const qint64 stoppedBefore = f->shop().eventCount("time_entry.stopped");
    const size_t entriesBefore = f->call("GET", "/api/v1/time-entries?operation_id=" + op, admin).data()["time_entries"].size();
    auto notAdmin = f->call("POST", "/api/v1/time-entries", key, bookBody(worker, op, 1000, 990));
    EXPECT_STATUS(notAdmin, 403);
    QVERIFY(notAdmin.raw.contains("admin"));
    EXPECT_STATUS(f->call("POST", "/functions/v1/api-time-entries", key, bookBody(worker, op, 1000, 990)), 403);
    // An operator's own session books nothing by hand either.
    auto session = f->call("POST", "/api/v1/auth/pin", admin, Json{{"employee_id", "E2"}, {"pin", "5678"}});
    EXPECT_STATUS(session, 200);
    const QString token = QString::fromStdString(session.data()["session"]["access_token"].get<std::string>());
    EXPECT_STATUS(f->call("POST", "/api/v1/time-entries", token, bookBody(worker, op, 1000, 990)), 403);
    // Another tenant's operation or worker, and the live shop from a test key: 404, nothing written.
    EXPECT_STATUS(f->call("POST", "/api/v1/time-entries", admin, bookBody(worker, m_bOperation, 1000, 990)), 404);
    EXPECT_STATUS(f->call("POST", "/api/v1/time-entries", admin, bookBody(m_bWorker, op, 1000, 990)), 404);
    EXPECT_STATUS(f->call("POST", "/api/v1/time-entries", m_bKey, bookBody(worker, op, 1000, 990)), 404);
    EXPECT_STATUS(f->call("POST", "/api/v1/time-entries", m_bKey, bookBody(m_bWorker, op, 1000, 990)), 404);
    EXPECT_STATUS(f->call("POST", "/api/v1/time-entries", m_testAdmin, bookBody(worker, op, 1000, 990)), 404);
    QCOMPARE(f->shop().eventCount("time_entry.stopped"), stoppedBefore);
    QCOMPARE(f->call("GET", "/api/v1/time-entries?operation_id=" + op, admin).data()["time_entries"].size(), entriesBefore);
    // B books its own; A never sees it.
    auto b = f->call("POST", "/api/v1/time-entries", m_bKey, bookBody(m_bWorker, m_bOperation, 1000, 990));
    EXPECT_STATUS(b, 201);
    EXPECT_STATUS(f->call("GET", "/api/v1/time-entries/" + str(b.data()["time_entry"], "id"), admin), 404);
    QCOMPARE(f->shop().eventCount("time_entry.stopped"), stoppedBefore + 1);
}

void TestApiOriginalGaps::corsPreflight()
{
    const QList<QPair<QByteArray, QByteArray>> allowed{{"Origin", "http://localhost:5173"}, {"Access-Control-Request-Method", "POST"},
                                                       {"Access-Control-Request-Headers", "authorization, content-type"}};
    for (const QString &path : {QStringLiteral("/api/v1/jobs"), QStringLiteral("/functions/v1/api-jobs"),
                                QStringLiteral("/api/v1/time-entries"), QStringLiteral("/api/v1/operations/") + f->shop().ops.at(0)}) {
        auto pre = f->call("OPTIONS", path, {}, nullptr, allowed);
        EXPECT_STATUS(pre, 200);
        QCOMPARE(pre.raw, QByteArray("ok"));
        QCOMPARE(pre.header("Access-Control-Allow-Origin"), QByteArray("http://localhost:5173"));
        QCOMPARE(pre.header("Vary"), QByteArray("Origin"));
        QVERIFY(pre.header("Access-Control-Allow-Methods").contains("PATCH"));
        QVERIFY(pre.header("Access-Control-Allow-Headers").contains("authorization"));
        QVERIFY(pre.header("Access-Control-Allow-Headers").contains("idempotency-key"));
        QVERIFY(!pre.header("Allow").isEmpty());
        QVERIFY(!pre.header("x-request-id").isEmpty());
    }
    // An origin not configured, a look-alike, a hostile or oversized one: answered, never allowed.
    for (const QByteArray &origin : {QByteArray("http://evil.example"), QByteArray("http://localhost:5173.evil.example"),
                                     QByteArray("http://LOCALHOST:5173"), QByteArray("null"), QByteArray("*"),
                                     QByteArray("http://localhost:5173, http://evil.example"), QByteArray(8000, 'o')}) {
        auto pre = f->call("OPTIONS", "/api/v1/jobs", {}, nullptr, {{"Origin", origin}, {"Access-Control-Request-Method", "DELETE"}});
        EXPECT_STATUS(pre, 200);
        QVERIFY2(pre.header("Access-Control-Allow-Origin").isEmpty(), origin.left(80).constData());
        QVERIFY(pre.header("Access-Control-Allow-Methods").isEmpty());
    }
    // A preflight needs no key, reveals no data and counts as no failed sign-in.
    EXPECT_STATUS(f->call("OPTIONS", "/api/v1/unknown", {}, nullptr, allowed), 404);
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs", key), 200);
}

void TestApiOriginalGaps::corsPreflightWithoutConfiguredOrigins()
{
    HttpConfig cfg = ApiFixture::defaults();
    cfg.corsOrigins.clear();
    auto plain = ApiFixture::create(cfg);
    auto pre = plain->call("OPTIONS", "/api/v1/jobs", {}, nullptr, {{"Origin", "http://localhost:5173"}, {"Access-Control-Request-Method", "POST"}});
    EXPECT_STATUS(pre, 200);
    QVERIFY(pre.header("Access-Control-Allow-Origin").isEmpty());
    QVERIFY(pre.header("Access-Control-Allow-Methods").isEmpty());
    QVERIFY(pre.header("Allow").contains("POST"));
}

QTEST_GUILESS_MAIN(TestApiOriginalGaps)
#include "tst_apioriginalgaps.moc"
