#include "portability/erpsync.h"
#include "testshop.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTest>
#include <QTimer>

using namespace ery::domain;
using namespace ery::services;
using namespace ery::portability;
using namespace ery;
using namespace ery::test;

// ERP sync on both engines: diff writes nothing and names the fields an update changes; sync
// creates, skips unchanged records and updates changed ones; every option does what it says;
// references inside one request (a part's job, an operation's part and cell, a part's parent part),
// dangling ones, cycles and duplicate keys are errors of their records; the history rows, the
// sync.* events and status; malformed and hostile bodies; tenants kept apart; the run in steps.
class TestErpSync : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void diffWritesNothing();
    void syncThenDiffThenUpdate();
    void skipUnchanged();
    void continueOnError();
    void recordHistoryOff();
    void status();
    void referencesInOneRequest();
    void danglingReferences();
    void parentPartsAndCycles();
    void duplicateKeys();
    void refusedBodies_data();
    void refusedBodies();
    void hostileValues();
    void tenantsStayApart();
    void quotaHoldsPerRecord();
    void stepsOfBatchSize();

private:
    Result<Json> run(ErpSync::Mode mode, const Json &body, const Scope *scope = nullptr);
    Result<Json> sync(const Json &body, const Scope *scope = nullptr) { return run(ErpSync::Mode::Sync, body, scope); }
    Result<Json> diff(const Json &body, const Scope *scope = nullptr) { return run(ErpSync::Mode::Diff, body, scope); }
    Result<Json> runInSteps(ErpSync::Mode mode, const Json &body, const std::function<void()> &between);
    static Json shopBody();
    qint64 count(const char *table, const QString &where = QStringLiteral("1=1"));
    std::unique_ptr<TestShop> m_shop;
};

void TestErpSync::init()
{
    m_shop = TestShop::create();
}

void TestErpSync::cleanup()
{
    m_shop.reset();
}

Result<Json> TestErpSync::run(ErpSync::Mode mode, const Json &body, const Scope *scope)
{
    auto request = ErpSync::parse(m_shop->s().sync, body);
    if (!request)
        return request.error();
    return ErpSync(m_shop->s()).run(scope ? *scope : m_shop->scope, mode, *request);
}

qint64 TestErpSync::count(const char *table, const QString &where)
{
    auto n = m_shop->db().scalar(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2").arg(QLatin1String(table), where));
    return n ? *n : -1;
}

// An ERP's order: two jobs, their parts (one naming a job of the same request), a machine, and the
// routing of the parts by cell name.
Json TestErpSync::shopBody()
{
    return Json{{"jobs",
                 {{{"external_id", "SO-1"}, {"external_source", "erp"}, {"job_number", "E-1"}, {"customer", "Acme"}},
                  {{"external_id", "SO-2"},
                   {"external_source", "erp"},
                   {"job_number", "E-2"},
                   {"customer_name", "Globex"},
                   {"due_date", "2027-03-01"}}}},
                {"parts",
                 {{{"external_id", "L-1"},
                   {"external_source", "erp"},
                   {"part_number", "E-1-A"},
                   {"job_external_id", "SO-1"},
                   {"material", "S235 3mm"},
                   {"quantity", 4}},
                  {{"external_id", "L-2"},
                   {"external_source", "erp"},
                   {"part_number", "E-2-A"},
                   {"job_external_id", "SO-2"},
                   {"material", "Alu 2mm"}}}},
                {"resources", {{{"external_id", "M-7"}, {"external_source", "erp"}, {"name", "Press 7"}, {"type", "machine"}}}},
                {"operations",
                 {{{"external_id", "R-1"},
                   {"external_source", "erp"},
                   {"operation_name", "Cut"},
                   {"part_external_id", "L-1"},
                   {"cell_name", "Laser"},
                   {"sequence", 1},
                   {"estimated_time_minutes", 12}},
                  {{"external_id", "R-2"},
                   {"external_source", "erp"},
                   {"operation_name", "Bend"},
                   {"part_external_id", "L-1"},
                   {"cell_name", "Bending"},
                   {"sequence", 2}}}}};
}

void TestErpSync::diffWritesNothing()
{
    const qint64 outbox = m_shop->outboxCount();
    auto d = diff(shopBody());
    ERY_VERIFY_OK(d);
    const Json &summary = (*d)["summary"];
    QCOMPARE(num(summary, "total_entities"), qint64(4));
    QCOMPARE(num(summary, "total_records"), qint64(7));
    QCOMPARE(num(summary, "total_to_create"), qint64(7));
    QCOMPARE(num(summary, "total_errors"), qint64(0));
    const Json &ops = (*d)["entities"]["operations"];
    QCOMPARE(str(ops, "entity_type"), QStringLiteral("operations"));
    QCOMPARE(num(ops, "to_create"), qint64(2));
    QCOMPARE(str(ops["records"][1], "status"), QStringLiteral("create"));
    QCOMPARE(str(ops["records"][1], "external_id"), QStringLiteral("R-2"));
    QVERIFY(!ops["records"][1].contains("existing_id"));
    // Nothing of it exists, nothing was announced, no history.
    QCOMPARE(count("jobs", "job_number LIKE 'E-%'"), qint64(0));
    QCOMPARE(count("operations", "external_id IS NOT NULL"), qint64(0));
    QCOMPARE(count("resources"), qint64(0));
    QCOMPARE(count("sync_imports"), qint64(0));
    QCOMPARE(m_shop->outboxCount(), outbox);
}

void TestErpSync::syncThenDiffThenUpdate()
{
    auto first = sync(shopBody());
    ERY_VERIFY_OK(first);
    const Json &summary = (*first)["summary"];
    QCOMPARE(num(summary, "total_created"), qint64(7));
    QCOMPARE(num(summary, "total_errors"), qint64(0));
    QVERIFY(summary.contains("duration_ms"));
    QVERIFY((*first)["entities"]["jobs"].contains("duration_ms"));
    const Json &jobResult = (*first)["entities"]["jobs"]["results"][0];
    QCOMPARE(str(jobResult, "action"), QStringLiteral("created"));
    const QString e1 = str(jobResult, "id");
    QCOMPARE(str(*m_shop->s().jobs.byNumber(m_shop->scope, "E-1"), "id"), e1);
    QCOMPARE(str(*m_shop->s().jobs.byNumber(m_shop->scope, "E-2"), "customer"), QStringLiteral("Globex")); // the original's name
    // The routing: each operation on its part, in its cell, with the template's minutes.
    auto ops = m_shop->db().query(QStringLiteral("SELECT o.operation_name, o.estimated_time, c.name AS cell, p.external_id AS part "
                                                 "FROM operations o JOIN cells c ON c.id = o.cell_id JOIN parts p ON p.id = o.part_id "
                                                 "WHERE o.external_id IN ('R-1', 'R-2') ORDER BY o.sequence"));
    ERY_VERIFY_OK(ops);
    QCOMPARE(ops->size(), size_t(2));
    QCOMPARE(str(ops->at(0), "cell"), QStringLiteral("Laser"));
    QCOMPARE(num(ops->at(0), "estimated_time"), qint64(12));
    QCOMPARE(str(ops->at(1), "cell"), QStringLiteral("Bending"));
    QCOMPARE(str(ops->at(1), "part"), QStringLiteral("L-1"));
    // A history row per entity, and the events.
    QCOMPARE(count("sync_imports", "operation = 'erp_sync' AND source = 'api_erp_sync' AND status = 'completed'"), qint64(4));
    for (const char *e :
         {"sync.jobs.completed", "sync.parts.completed", "sync.resources.completed", "sync.operations.completed", "sync.batch.completed"})
        QCOMPARE(m_shop->eventCount(QLatin1String(e)), qint64(1));
    const Json opsEvent = m_shop->events("sync.operations.completed").back()["payload"]["data"];
    QCOMPARE(str(opsEvent, "entity_type"), QStringLiteral("operations"));
    QCOMPARE(str(opsEvent, "source"), QStringLiteral("api_erp_sync"));
    QCOMPARE(num(opsEvent["summary"], "created"), qint64(2));
    QVERIFY(opsEvent["external_ids"] == Json({"R-1", "R-2"}));
    QVERIFY(!str(opsEvent, "import_id").isEmpty());
    const Json batch = m_shop->events("sync.batch.completed").back()["payload"]["data"];
    QVERIFY(batch["entities"] == Json({"jobs", "parts", "resources", "operations"}));
    QCOMPARE(num(batch, "total_created"), qint64(7));
    QCOMPARE(m_shop->eventCount("part.created"), qint64(1 + 2)); // the seed's and these

    // The same records again: unchanged, each with the row it matched.
    auto same = diff(shopBody());
    ERY_VERIFY_OK(same);
    QCOMPARE(num((*same)["summary"], "total_unchanged"), qint64(7));
    QCOMPARE(str((*same)["entities"]["jobs"]["records"][0], "status"), QStringLiteral("unchanged"));
    QCOMPARE(str((*same)["entities"]["jobs"]["records"][0], "existing_id"), e1);

    // One field changed: the diff names it, old and new; a sync updates only that record.
    Json body = shopBody();
    body["jobs"][0]["customer"] = "Acme Metal";
    body["operations"][1]["cell_name"] = "Welding";
    auto changed = diff(body);
    ERY_VERIFY_OK(changed);
    const Json &jobDiff = (*changed)["entities"]["jobs"]["records"][0];
    QCOMPARE(str(jobDiff, "status"), QStringLiteral("update"));
    QCOMPARE(str(jobDiff, "existing_id"), e1);
    QVERIFY2(jobDiff["changes"] == Json({"customer: \"Acme\" -> \"Acme Metal\""}), jobDiff.dump().c_str());
    const Json &opDiff = (*changed)["entities"]["operations"]["records"][1];
    QVERIFY2(opDiff["changes"] == Json({toStd(QStringLiteral("cell_id: \"%1\" -> \"%2\"").arg(m_shop->bending, m_shop->welding))}),
             opDiff.dump().c_str());
    QCOMPARE(num((*changed)["summary"], "total_to_update"), qint64(2));
    QCOMPARE(num((*changed)["summary"], "total_unchanged"), qint64(5));
    QCOMPARE(str(*m_shop->s().jobs.byNumber(m_shop->scope, "E-1"), "customer"), QStringLiteral("Acme")); // still
    const qint64 jobUpdates = m_shop->eventCount("job.updated");
    auto updated = sync(body);
    ERY_VERIFY_OK(updated);
    QCOMPARE(num((*updated)["summary"], "total_updated"), qint64(2));
    QCOMPARE(num((*updated)["summary"], "total_skipped"), qint64(5));
    QCOMPARE(str((*updated)["entities"]["jobs"]["results"][0], "action"), QStringLiteral("updated"));
    QCOMPARE(str((*updated)["entities"]["jobs"]["results"][0], "id"), e1);
    QCOMPARE(str((*updated)["entities"]["jobs"]["results"][1], "action"), QStringLiteral("skipped"));
    QCOMPARE(str(*m_shop->s().jobs.byNumber(m_shop->scope, "E-1"), "customer"), QStringLiteral("Acme Metal"));
    QCOMPARE(m_shop->eventCount("job.updated"), jobUpdates + 1);
    // Only entities that created or updated something announce it; the request as a whole does.
    QCOMPARE(m_shop->eventCount("sync.jobs.completed"), qint64(2));
    QCOMPARE(m_shop->eventCount("sync.parts.completed"), qint64(1));
    QCOMPARE(m_shop->eventCount("sync.batch.completed"), qint64(2));
}

void TestErpSync::skipUnchanged()
{
    ERY_VERIFY_OK(sync(shopBody()));
    const qint64 jobUpdates = m_shop->eventCount("job.updated");
    Json body = shopBody();
    body["options"] = {{"skip_unchanged", false}};
    auto again = sync(body);
    ERY_VERIFY_OK(again);
    QCOMPARE(num((*again)["summary"], "total_updated"), qint64(7));
    QCOMPARE(num((*again)["summary"], "total_skipped"), qint64(0));
    QCOMPARE(m_shop->eventCount("job.updated"), jobUpdates + 2);
    body["options"] = {{"skip_unchanged", true}};
    const qint64 jobRuns = m_shop->eventCount("sync.jobs.completed"), runs = m_shop->eventCount("sync.batch.completed");
    auto skipped = sync(body);
    ERY_VERIFY_OK(skipped);
    QCOMPARE(num((*skipped)["summary"], "total_skipped"), qint64(7));
    QCOMPARE(m_shop->eventCount("job.updated"), jobUpdates + 2);
    // Nothing changed: no entity announces anything, the run as a whole still reports itself.
    QCOMPARE(m_shop->eventCount("sync.jobs.completed"), jobRuns);
    QCOMPARE(m_shop->eventCount("sync.batch.completed"), runs + 1);
    auto row = m_shop->db().query(QStringLiteral("SELECT skipped_count, status FROM sync_imports WHERE entity_type = 'jobs' "
                                                 "ORDER BY created_at DESC, id DESC"));
    QCOMPARE(num(row->front(), "skipped_count"), qint64(2));
    QCOMPARE(str(row->front(), "status"), QStringLiteral("completed"));
}

void TestErpSync::continueOnError()
{
    // The middle job cannot be created (no job_number).
    const Json jobs = {{{"external_id", "C-1"}, {"external_source", "erp"}, {"job_number", "C-1"}},
                       {{"external_id", "C-2"}, {"external_source", "erp"}},
                       {{"external_id", "C-3"}, {"external_source", "erp"}, {"job_number", "C-3"}}};
    // false: the bad record ends the run, nothing is written, nothing announced; the failed run is
    // in the history.
    const qint64 outbox = m_shop->outboxCount(), events = m_shop->eventCount();
    auto refused = sync(Json{{"jobs", jobs}, {"options", {{"continue_on_error", false}}}, {"source", "erp_nightly"}});
    ERY_VERIFY_ERR(refused, ErrorCode::ValidationError);
    QVERIFY2(refused.error().message.contains("jobs[1]") && refused.error().message.contains("nothing was written"),
             qPrintable(refused.error().message));
    QCOMPARE(num(refused.error().details, "index"), qint64(1));
    QCOMPARE(str(refused.error().details, "external_id"), QStringLiteral("C-2"));
    QCOMPARE(count("jobs", "job_number LIKE 'C-%'"), qint64(0));
    // The outbox holds only the history row's change for the realtime feed: no event.
    QCOMPARE(m_shop->outboxCount(), outbox + 1);
    QCOMPARE(count("outbox", "kind = 'change' AND topic = 'sync_imports'"), qint64(1));
    QCOMPARE(m_shop->eventCount(), events);
    auto failed = m_shop->db().query(QStringLiteral("SELECT * FROM sync_imports"));
    QCOMPARE(failed->size(), size_t(1));
    QCOMPARE(str(failed->front(), "status"), QStringLiteral("failed"));
    QCOMPARE(str(failed->front(), "source"), QStringLiteral("erp_nightly"));
    QCOMPARE(num(failed->front(), "error_count"), qint64(1));
    QCOMPARE(num(failed->front(), "created_count"), qint64(0));
    QCOMPARE(str(failed->front()["errors"][0], "external_id"), QStringLiteral("C-2"));
    // A diff reports every record whatever the option says.
    auto d = diff(Json{{"jobs", jobs}, {"options", {{"continue_on_error", false}}}});
    ERY_VERIFY_OK(d);
    QCOMPARE(num((*d)["summary"], "total_to_create"), qint64(2));
    QCOMPARE(num((*d)["summary"], "total_errors"), qint64(1));
    QCOMPARE(str((*d)["entities"]["jobs"]["records"][1], "error_code"), QStringLiteral("VALIDATION_ERROR"));
    // true (the default): the bad record is left out, the others go in.
    auto partial = sync(Json{{"jobs", jobs}});
    ERY_VERIFY_OK(partial);
    QCOMPARE(num((*partial)["summary"], "total_created"), qint64(2));
    QCOMPARE(num((*partial)["summary"], "total_errors"), qint64(1));
    const Json &bad = (*partial)["entities"]["jobs"]["results"][1];
    QCOMPARE(str(bad, "action"), QStringLiteral("error"));
    QVERIFY2(str(bad, "error").contains("job_number") || bad.dump().find("job_number") != std::string::npos, bad.dump().c_str());
    QCOMPARE(count("jobs", "job_number LIKE 'C-%'"), qint64(2));
    auto row = m_shop->db().query(QStringLiteral("SELECT * FROM sync_imports WHERE source = 'api_erp_sync'"));
    QCOMPARE(str(row->front(), "status"), QStringLiteral("completed"));
    QCOMPARE(num(row->front(), "error_count"), qint64(1));
    // Errors only, nothing created or updated: failed.
    auto allBad = sync(Json{{"jobs", {{{"external_id", "C-9"}, {"external_source", "erp"}}}}, {"source", "only_bad"}});
    ERY_VERIFY_OK(allBad);
    auto onlyBad = m_shop->db().query(QStringLiteral("SELECT status FROM sync_imports WHERE source = 'only_bad'"));
    QCOMPARE(str(onlyBad->front(), "status"), QStringLiteral("failed"));
    QCOMPARE(m_shop->eventCount("sync.jobs.completed"), qint64(1)); // only the run that created jobs
}

void TestErpSync::recordHistoryOff()
{
    Json body = shopBody();
    body["options"] = {{"record_history", false}, {"batch_size", 3}};
    auto r = sync(body);
    ERY_VERIFY_OK(r);
    QCOMPARE(num((*r)["summary"], "total_created"), qint64(7));
    QVERIFY(!(*r)["entities"]["jobs"].contains("import_id"));
    QCOMPARE(count("sync_imports"), qint64(0));
    // The run is still announced.
    QCOMPARE(m_shop->eventCount("sync.batch.completed"), qint64(1));
    QVERIFY(m_shop->events("sync.jobs.completed").back()["payload"]["data"]["import_id"].is_null());
    // And a refused run without history leaves no row either.
    body["jobs"][0].erase("job_number");
    body["jobs"][0]["external_id"] = "NEW";
    body["options"]["continue_on_error"] = false;
    ERY_VERIFY_ERR(sync(body), ErrorCode::ValidationError);
    QCOMPARE(count("sync_imports"), qint64(0));
}

void TestErpSync::status()
{
    ErpSync erp(m_shop->s());
    auto empty = erp.status(m_shop->scope, {}, {}, 20);
    ERY_VERIFY_OK(empty);
    QCOMPARE(num((*empty)["stats"], "total_syncs"), qint64(0));
    QVERIFY((*empty)["history"].empty());
    // Three runs: two from one source, one from another, one of them with an error.
    ERY_VERIFY_OK(sync(Json{{"jobs", {{{"external_id", "S-1"}, {"external_source", "erp"}, {"job_number", "S-1"}}}}, {"source", "a"}}));
    ERY_VERIFY_OK(sync(Json{{"jobs", {{{"external_id", "S-2"}, {"external_source", "erp"}, {"job_number", "S-2"}}}},
                            {"resources", {{{"external_id", "X"}, {"external_source", "erp"}, {"name", "Saw"}}}},
                            {"source", "a"}}));
    ERY_VERIFY_OK(sync(Json{{"jobs", {{{"external_id", "S-3"}, {"external_source", "erp"}}}}, {"source", "b"}}));
    auto all = erp.status(m_shop->scope, {}, {}, 20);
    ERY_VERIFY_OK(all);
    const Json &stats = (*all)["stats"];
    QCOMPARE(num(stats, "total_syncs"), qint64(4));
    QCOMPARE(num(stats, "successful"), qint64(3));
    QCOMPARE(num(stats, "failed"), qint64(1));
    QCOMPARE(num(stats, "total_created"), qint64(3));
    QCOMPARE(num(stats, "total_errors"), qint64(1));
    QCOMPARE((*all)["history"].size(), size_t(4));
    QCOMPARE(str((*all)["history"][0], "source"), QStringLiteral("b")); // newest first
    QCOMPARE(num((*all)["pagination"], "total"), qint64(4));
    auto jobsOfA = erp.status(m_shop->scope, QStringLiteral("jobs"), QStringLiteral("a"), 20);
    QCOMPARE(num((*jobsOfA)["stats"], "total_syncs"), qint64(2));
    QCOMPARE((*jobsOfA)["history"].size(), size_t(2));
    for (const Json &h : (*jobsOfA)["history"])
        QVERIFY(str(h, "entity_type") == QLatin1String("jobs") && str(h, "source") == QLatin1String("a"));
    // limit bounds the rows, never the totals.
    auto one = erp.status(m_shop->scope, {}, {}, 1);
    QCOMPARE((*one)["history"].size(), size_t(1));
    QCOMPARE(num((*one)["stats"], "total_syncs"), qint64(4));
    auto none = erp.status(m_shop->scope, QStringLiteral("operations"), {}, 20);
    QCOMPARE(num((*none)["stats"], "total_syncs"), qint64(0));
}

void TestErpSync::referencesInOneRequest()
{
    // An operation whose part failed in this request fails with it, naming why.
    Json body = shopBody();
    body["parts"][0].erase("material"); // a new part needs its material
    auto r = sync(body);
    ERY_VERIFY_OK(r);
    QCOMPARE(str((*r)["entities"]["parts"]["results"][0], "action"), QStringLiteral("error"));
    for (int i = 0; i < 2; ++i) {
        const Json &op = (*r)["entities"]["operations"]["results"][size_t(i)];
        QCOMPARE(str(op, "action"), QStringLiteral("error"));
        QVERIFY2(str(op, "error").contains("of this request was not synced") ||
                     op.dump().find("of this request was not synced") != std::string::npos,
                 op.dump().c_str());
    }
    QCOMPARE(num((*r)["summary"], "total_created"), qint64(4));
    // Records may come in any order within an entity; entities are processed jobs, parts, resources,
    // operations whatever the body's key order.
    const Json reordered{
        {"operations",
         {{{"external_id", "Z-OP"},
           {"external_source", "erp"},
           {"operation_name", "Weld"},
           {"part_external_id", "Z-P"},
           {"cell_name", "Welding"}}}},
        {"parts",
         {{{"external_id", "Z-P"}, {"external_source", "erp"}, {"part_number", "Z-P"}, {"job_external_id", "Z-J"}, {"material", "S355"}}}},
        {"jobs", {{{"external_id", "Z-J"}, {"external_source", "erp"}, {"job_number", "Z-J"}}}}};
    auto z = sync(reordered);
    ERY_VERIFY_OK(z);
    QCOMPARE(num((*z)["summary"], "total_created"), qint64(3));
}

void TestErpSync::danglingReferences()
{
    const Json body{
        {"parts",
         {{{"external_id", "D-1"}, {"external_source", "erp"}, {"part_number", "D-1"}, {"job_external_id", "NOPE"}, {"material", "S235"}},
          // the job exists, but under another source: references stay within a source
          {{"external_id", "D-2"},
           {"external_source", "other"},
           {"part_number", "D-2"},
           {"job_external_id", "SO-1"},
           {"material", "S235"}}}},
        {"operations",
         {{{"external_id", "D-OP1"},
           {"external_source", "erp"},
           {"operation_name", "Cut"},
           {"part_external_id", "L-1"},
           {"cell_name", "Plasma"}},
          {{"external_id", "D-OP2"},
           {"external_source", "erp"},
           {"operation_name", "Cut"},
           {"part_external_id", "GHOST"},
           {"cell_name", "Laser"}}}}};
    ERY_VERIFY_OK(sync(shopBody()));
    auto r = sync(body);
    ERY_VERIFY_OK(r);
    QCOMPARE(num((*r)["summary"], "total_errors"), qint64(4));
    auto fieldOf = [](const Json &result) { return str(result["details"][0], "field"); };
    QCOMPARE(fieldOf((*r)["entities"]["parts"]["results"][0]), QStringLiteral("job_external_id"));
    QCOMPARE(fieldOf((*r)["entities"]["parts"]["results"][1]), QStringLiteral("job_external_id"));
    QCOMPARE(fieldOf((*r)["entities"]["operations"]["results"][0]), QStringLiteral("cell_name"));
    QCOMPARE(fieldOf((*r)["entities"]["operations"]["results"][1]), QStringLiteral("part_external_id"));
    QCOMPARE(count("parts", "external_id LIKE 'D-%'"), qint64(0));
}

void TestErpSync::parentPartsAndCycles()
{
    ERY_VERIFY_OK(sync(Json{{"jobs", {{{"external_id", "A"}, {"external_source", "erp"}, {"job_number", "ASM"}}}}}));
    auto part = [](const char *id, const char *parent) {
        Json p{{"external_id", id},
               {"external_source", "erp"},
               {"part_number", std::string("ASM-") + id},
               {"job_external_id", "A"},
               {"material", "S235"}};
        if (parent)
            p["parent_part_external_id"] = parent;
        return p;
    };
    // A child before its parent in the request: the parent is created first.
    auto tree = sync(Json{{"parts", {part("BOLT", "FRAME"), part("FRAME", "TOP"), part("TOP", nullptr)}}});
    ERY_VERIFY_OK(tree);
    QCOMPARE(num((*tree)["summary"], "total_created"), qint64(3));
    auto parentOf = [&](const char *id) {
        auto rows = m_shop->db().query(
            QStringLiteral("SELECT p.external_id FROM parts c JOIN parts p ON p.id = c.parent_part_id WHERE c.external_id = ?"),
            {QString::fromLatin1(id)});
        return rows && !rows->empty() ? str(rows->front(), "external_id") : QString();
    };
    QCOMPARE(parentOf("BOLT"), QStringLiteral("FRAME"));
    QCOMPARE(parentOf("FRAME"), QStringLiteral("TOP"));
    // A cycle inside one request: its parts are errors, and so is a part hanging below it.
    auto cycle = sync(Json{{"parts", {part("C1", "C2"), part("C2", "C3"), part("C3", "C1"), part("C4", "C1"), part("SELF", "SELF")}}});
    ERY_VERIFY_OK(cycle);
    const Json &results = (*cycle)["entities"]["parts"]["results"];
    for (int i : {0, 1, 2, 4}) {
        QCOMPARE(str(results[size_t(i)], "action"), QStringLiteral("error"));
        QVERIFY2(str(results[size_t(i)], "error").contains("cycle") || results[size_t(i)].dump().find("cycle") != std::string::npos,
                 results[size_t(i)].dump().c_str());
    }
    QCOMPARE(str(results[3], "action"), QStringLiteral("error"));
    QVERIFY(results[3].dump().find("of this request was not synced") != std::string::npos);
    QCOMPARE(count("parts", "external_id IN ('C1', 'C2', 'C3', 'C4', 'SELF')"), qint64(0));
    // A cycle through stored parts: TOP under BOLT, which is below TOP.
    auto stored = sync(Json{{"parts", {part("TOP", "BOLT")}}});
    ERY_VERIFY_OK(stored);
    const Json &top = (*stored)["entities"]["parts"]["results"][0];
    QCOMPARE(str(top, "action"), QStringLiteral("error"));
    QCOMPARE(str(top["details"][0], "constraint"), QStringLiteral("acyclic"));
    QCOMPARE(parentOf("TOP"), QString());
    // Leaving the parent out of a later record keeps it; null takes the part out of its assembly.
    Json loose = part("BOLT", nullptr);
    loose["parent_part_external_id"] = nullptr;
    ERY_VERIFY_OK(sync(Json{{"parts", {loose}}}));
    QCOMPARE(parentOf("BOLT"), QString());
}

void TestErpSync::duplicateKeys()
{
    const Json body{
        {"jobs",
         {{{"external_id", "DUP"}, {"external_source", "erp"}, {"job_number", "DUP-1"}},
          {{"external_id", "ONE"}, {"external_source", "erp"}, {"job_number", "ONE"}},
          {{"external_id", "DUP"}, {"external_source", "erp"}, {"job_number", "DUP-2"}},
          // the same id under another source is another record
          {{"external_id", "DUP"}, {"external_source", "mrp"}, {"job_number", "DUP-3"}}}},
        {"parts",
         {{{"external_id", "P"}, {"external_source", "erp"}, {"part_number", "P"}, {"job_external_id", "DUP"}, {"material", "x"}}}}};
    auto r = sync(body);
    ERY_VERIFY_OK(r);
    const Json &jobs = (*r)["entities"]["jobs"]["results"];
    for (int i : {0, 2}) {
        QCOMPARE(str(jobs[size_t(i)], "action"), QStringLiteral("error"));
        QVERIFY2(str(jobs[size_t(i)], "error").contains("appears 2 times") ||
                     jobs[size_t(i)].dump().find("appears 2 times") != std::string::npos,
                 jobs[size_t(i)].dump().c_str());
    }
    QCOMPARE(str(jobs[1], "action"), QStringLiteral("created"));
    QCOMPARE(str(jobs[3], "action"), QStringLiteral("created"));
    QCOMPARE(str((*r)["entities"]["parts"]["results"][0], "action"), QStringLiteral("error"));
    QCOMPARE(count("jobs", "job_number LIKE 'DUP-%'"), qint64(1));
}

void TestErpSync::refusedBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("expect"); // a word of the refusal
    const QByteArray job = R"({"external_id":"J","external_source":"erp","job_number":"J")";
    QTest::newRow("array body") << QByteArray("[1,2]") << "BAD_REQUEST"
                                << "JSON object";
    QTest::newRow("empty object") << QByteArray("{}") << "BAD_REQUEST"
                                  << "no records";
    QTest::newRow("unknown key") << QByteArray(R"({"cells":[]})") << "BAD_REQUEST"
                                 << "cells";
    QTest::newRow("entity not an array") << QByteArray(R"({"jobs":{"external_id":"J"}})") << "VALIDATION_ERROR"
                                         << "array";
    QTest::newRow("record not an object") << QByteArray(R"({"jobs":[)" + job + R"(}, 7, "x"]})") << "VALIDATION_ERROR"
                                          << "2 problem";
    QTest::newRow("no external_id") << QByteArray(R"({"jobs":[{"external_source":"erp","job_number":"J"}]})") << "VALIDATION_ERROR"
                                    << "external_id";
    QTest::newRow("blank external_source") << QByteArray(R"({"jobs":[{"external_id":"J","external_source":"  "}]})") << "VALIDATION_ERROR"
                                           << "external_source";
    QTest::newRow("wrong type") << QByteArray(R"({"parts":[{"external_id":"P","external_source":"e","quantity":"five"}]})")
                                << "VALIDATION_ERROR"
                                << "integer";
    QTest::newRow("huge number") << QByteArray(R"({"parts":[{"external_id":"P","external_source":"e","quantity":1e300}]})")
                                 << "VALIDATION_ERROR"
                                 << "problem";
    QTest::newRow("number too large for a column")
        << QByteArray(R"({"parts":[{"external_id":"P","external_source":"e","quantity":2147483648}]})") << "VALIDATION_ERROR"
        << "problem";
    QTest::newRow("oversized string") << QByteArray(R"({"jobs":[{"external_id":"J","external_source":"e","job_number":")" +
                                                    QByteArray(5000, 'x') + R"("}]})")
                                      << "VALIDATION_ERROR"
                                      << "problem";
    QTest::newRow("oversized external_id") << QByteArray(R"({"jobs":[{"external_id":")" + QByteArray(300, 'x') +
                                                         R"(","external_source":"e"}]})")
                                           << "VALIDATION_ERROR"
                                           << "problem";
    QTest::newRow("NUL in a string") << QByteArray(R"({"jobs":[{"external_id":"J","external_source":"e","customer":"a\u0000b"}]})")
                                     << "VALIDATION_ERROR"
                                     << "problem";
    QTest::newRow("options not an object") << QByteArray(R"({"jobs":[],"options":true})") << "VALIDATION_ERROR"
                                           << "problem";
    QTest::newRow("option wrong type") << QByteArray(R"({"jobs":[],"options":{"skip_unchanged":"yes"}})") << "VALIDATION_ERROR"
                                       << "problem";
    QTest::newRow("batch_size zero") << QByteArray(R"({"jobs":[],"options":{"batch_size":0}})") << "VALIDATION_ERROR"
                                     << "problem";
    QTest::newRow("unknown option") << QByteArray(R"({"jobs":[],"options":{"dry_run":true}})") << "VALIDATION_ERROR"
                                    << "problem";
    QTest::newRow("source too long") << QByteArray(R"({"jobs":[],"source":")" + QByteArray(101, 's') + R"("})") << "VALIDATION_ERROR"
                                     << "problem";
    QTest::newRow("source not a string") << QByteArray(R"({"jobs":[],"source":42})") << "VALIDATION_ERROR"
                                         << "problem";
    QByteArray many = R"({"operations":[)";
    for (int i = 0; i <= ErpSync::kMaxRecords; ++i)
        many += (i ? "," : "") + QByteArray(R"({"external_id":"O)") + QByteArray::number(i) + R"(","external_source":"e"})";
    many += "]}";
    QTest::newRow("too many records") << many << "PAYLOAD_TOO_LARGE"
                                      << "at most 1000";
    QByteArray bad = R"({"jobs":[)";
    for (int i = 0; i < 300; ++i)
        bad += (i ? "," : "") + QByteArray(R"({"external_id":1})");
    bad += "]}";
    QTest::newRow("many problems") << bad << "VALIDATION_ERROR"
                                   << "first 100";
}

void TestErpSync::refusedBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, expect);
    const qint64 outbox = m_shop->outboxCount();
    const Json parsed = Json::parse(body.constData(), body.constData() + body.size());
    auto r = sync(parsed);
    QVERIFY(!r);
    QCOMPARE(QString::fromLatin1(r.error().codeName()), code);
    const QString text = r.error().message + QString::fromStdString(r.error().details.dump());
    QVERIFY2(text.contains(expect, Qt::CaseInsensitive), qPrintable(text.left(600)));
    if (code == QLatin1String("VALIDATION_ERROR"))
        QVERIFY(r.error().details.size() <= size_t(ErpSync::kMaxListedProblems));
    QCOMPARE(m_shop->outboxCount(), outbox);
    QCOMPARE(count("sync_imports"), qint64(0));
    QCOMPARE(count("jobs"), qint64(1)); // the seed's
}

void TestErpSync::hostileValues()
{
    // Text that looks like SQL or markup is data: stored and read back as sent.
    const std::string sql = "'; DROP TABLE jobs; --";
    const std::string markup = "<script>alert(1)</script> \" \\ ✓ 日本";
    auto r = sync(Json{{"jobs",
                        {{{"external_id", sql},
                          {"external_source", "erp' OR '1'='1"},
                          {"job_number", "H-1"},
                          {"customer", markup},
                          {"notes", sql},
                          {"metadata", {{"nested", {{"deep", {1, 2, 3}}}}, {"sql", sql}}}}}}});
    ERY_VERIFY_OK(r);
    QCOMPARE(num((*r)["summary"], "total_created"), qint64(1));
    auto job = m_shop->s().jobs.byNumber(m_shop->scope, "H-1");
    ERY_VERIFY_OK(job);
    QCOMPARE(str(*job, "external_id"), QString::fromStdString(sql));
    QCOMPARE(str(*job, "customer"), QString::fromStdString(markup));
    QVERIFY((*job)["metadata"]["nested"]["deep"] == Json({1, 2, 3}));
    QCOMPARE(count("jobs"), qint64(2));
    // The same hostile record again is unchanged: the hash of the normalised record matches even
    // with the keys in another order.
    Json reordered{{"metadata", {{"sql", sql}, {"nested", {{"deep", {1, 2, 3}}}}}},
                   {"notes", sql},
                   {"customer", markup},
                   {"job_number", "H-1"},
                   {"external_source", "erp' OR '1'='1"},
                   {"external_id", sql}};
    auto again = diff(Json{{"jobs", {reordered}}});
    ERY_VERIFY_OK(again);
    QCOMPARE(num((*again)["summary"], "total_unchanged"), qint64(1));
    // A status filter is a value, not SQL.
    auto st = ErpSync(m_shop->s()).status(m_shop->scope, {}, QString::fromStdString("x' OR '1'='1"), 20);
    ERY_VERIFY_OK(st);
    QCOMPARE(num((*st)["stats"], "total_syncs"), qint64(0));
}

void TestErpSync::tenantsStayApart()
{
    ERY_VERIFY_OK(sync(shopBody()));
    auto other = m_shop->s().tenants.create(Json{{"name", "Other"}});
    ERY_VERIFY_OK(other);
    const Scope b = Scope::of(str(other->live, "id"));
    for (const char *cell : {"Laser", "Bending"})
        ERY_VERIFY_OK(m_shop->s().catalog.create(CatalogService::Cells, b, Json{{"name", cell}}));
    const QString aJob = str(*m_shop->s().jobs.byNumber(m_shop->scope, "E-1"), "id");
    // B's diff of A's keys: everything would be created, nothing of A's is named.
    auto d = diff(shopBody(), &b);
    ERY_VERIFY_OK(d);
    QCOMPARE(num((*d)["summary"], "total_to_create"), qint64(7));
    QVERIFY(d->dump().find(toStd(aJob)) == std::string::npos);
    // B syncs a record with A's external key: B gets its own, A's stays as it was.
    auto mine =
        sync(Json{{"jobs", {{{"external_id", "SO-1"}, {"external_source", "erp"}, {"job_number", "B-1"}, {"customer", "B Corp"}}}}}, &b);
    ERY_VERIFY_OK(mine);
    QCOMPARE(str((*mine)["entities"]["jobs"]["results"][0], "action"), QStringLiteral("created"));
    QCOMPARE(str(*m_shop->s().jobs.byNumber(m_shop->scope, "E-1"), "customer"), QStringLiteral("Acme"));
    QCOMPARE(count("jobs", "external_id = 'SO-1'"), qint64(2));
    // B cannot hang a part on A's job by its id, nor route an operation to A's part.
    auto steal =
        sync(Json{{"parts",
                   {{{"external_id", "X"}, {"external_source", "erp"}, {"part_number", "X"}, {"job_id", toStd(aJob)}, {"material", "S"}}}},
                  {"operations",
                   {{{"external_id", "Y"},
                     {"external_source", "erp"},
                     {"operation_name", "Y"},
                     {"part_external_id", "L-1"},
                     {"cell_name", "Laser"}}}}},
             &b);
    ERY_VERIFY_OK(steal);
    QCOMPARE(num((*steal)["summary"], "total_errors"), qint64(2));
    QCOMPARE(count("parts", QStringLiteral("job_id = '%1'").arg(aJob)), qint64(1));
    // Each tenant's history is its own.
    auto history = ErpSync(m_shop->s()).status(b, {}, {}, 100);
    QCOMPARE(num((*history)["stats"], "total_syncs"), qint64(3));
    for (const Json &h : (*history)["history"])
        QCOMPARE(str(h, "tenant_id"), str(other->live, "id"));
}

void TestErpSync::quotaHoldsPerRecord()
{
    // Two open jobs allowed: the seed's J-100 and one more.
    ERY_VERIFY_OK(m_shop->s().tenants.update(m_shop->tenantId, Json{{"max_jobs", 2}}));
    auto r = sync(Json{{"jobs",
                        {{{"external_id", "Q1"}, {"external_source", "erp"}, {"job_number", "Q-1"}},
                         {{"external_id", "Q2"}, {"external_source", "erp"}, {"job_number", "Q-2"}}}}});
    ERY_VERIFY_OK(r);
    QCOMPARE(num((*r)["summary"], "total_created"), qint64(1));
    QCOMPARE(str((*r)["entities"]["jobs"]["results"][1], "error_code"), QStringLiteral("QUOTA_EXCEEDED"));
}

Result<Json> TestErpSync::runInSteps(ErpSync::Mode mode, const Json &body, const std::function<void()> &between)
{
    auto request = ErpSync::parse(m_shop->s().sync, body);
    if (!request)
        return request.error();
    QObject context;
    std::optional<Result<Json>> outcome;
    QEventLoop loop;
    ErpSync::start(m_shop->s(), &context, m_shop->scope, mode, *request, [&](Result<Json> r) {
        outcome = std::move(r);
        loop.quit();
    });
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, between);
    tick.start(1);
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    loop.exec();
    if (!outcome)
        return Error::internal(QStringLiteral("the run did not end"));
    return std::move(*outcome);
}

void TestErpSync::stepsOfBatchSize()
{
    const int n = 600;
    Json jobs = Json::array();
    for (int i = 0; i < n; ++i)
        jobs.push_back({{"external_id", toStd(QStringLiteral("B%1").arg(i))},
                        {"external_source", "erp"},
                        {"job_number", toStd(QStringLiteral("B-%1").arg(i))}});
    const qint64 outbox = m_shop->outboxCount();
    int ticksHeld = 0;
    // A diff in steps: the thread is free between them, and nothing is written.
    auto d = runInSteps(ErpSync::Mode::Diff, Json{{"jobs", jobs}, {"options", {{"batch_size", 50}}}}, [&] {
        if (!m_shop->db().writeHeld())
            return;
        ++ticksHeld;
        QCOMPARE(count("jobs", "job_number LIKE 'B-%'"), qint64(0));
    });
    ERY_VERIFY_OK(d);
    QCOMPARE(num((*d)["summary"], "total_to_create"), qint64(n));
    QVERIFY2(ticksHeld >= 2, qPrintable(QString::number(ticksHeld)));
    QCOMPARE(m_shop->outboxCount(), outbox);
    // The sync in steps: reads meanwhile see none of it; then all of it is there.
    ticksHeld = 0;
    auto s = runInSteps(ErpSync::Mode::Sync, Json{{"jobs", jobs}, {"options", {{"batch_size", 50}}}}, [&] {
        if (!m_shop->db().writeHeld())
            return;
        ++ticksHeld;
        QCOMPARE(count("jobs", "job_number LIKE 'B-%'"), qint64(0));
    });
    ERY_VERIFY_OK(s);
    QCOMPARE(num((*s)["summary"], "total_created"), qint64(n));
    QVERIFY(ticksHeld >= 2);
    QCOMPARE(count("jobs", "job_number LIKE 'B-%'"), qint64(n));
    QCOMPARE(m_shop->eventCount("sync.jobs.completed"), qint64(1));
    QCOMPARE(m_shop->eventCount("job.created"), qint64(1 + n));
    // Refused in steps: the bad last record takes every step back.
    jobs.push_back({{"external_id", "B-bad"}, {"external_source", "erp"}});
    for (auto &j : jobs)
        j["customer"] = "changed";
    const qint64 before = m_shop->outboxCount();
    auto refused =
        runInSteps(ErpSync::Mode::Sync, Json{{"jobs", jobs}, {"options", {{"batch_size", 100}, {"continue_on_error", false}}}}, [] {});
    ERY_VERIFY_ERR(refused, ErrorCode::ValidationError);
    QCOMPARE(count("jobs", "customer = 'changed'"), qint64(0));
    QCOMPARE(m_shop->outboxCount(), before + 1); // the failed run's history row, for the realtime feed
    QCOMPARE(count("sync_imports", "status = 'failed'"), qint64(1));
}

QTEST_GUILESS_MAIN(TestErpSync)
#include "tst_erpsync.moc"
