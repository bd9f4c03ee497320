#include "testshop.h"

#include <QTest>

using namespace ery::domain;
using namespace ery::storage;
using namespace ery::services;
using namespace ery;
using namespace ery::test;

// Tenant A can never read or change tenant B: checked on every repository and through the services.
class TestIsolation : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyRepositoryIsScoped_data();
    void everyRepositoryIsScoped();
    void unscopedAccessIsRefused();
    void servicesRefuseForeignIds();
    void crossTenantReferencesAreRefused();
    void sandboxIsSeparate();

private:
    std::unique_ptr<TestShop> m_shop;
    Scope m_b; // a second live tenant with a row in every table
    Repositories m_repo;
    std::vector<std::pair<QString, const Table *>> m_tables;
};

void TestIsolation::initTestCase()
{
    m_shop = TestShop::create();
    auto &s = m_shop->s();
    auto pair = s.tenants.create(Json{{"name", "Other Shop"}});
    QVERIFY(pair);
    m_b = Scope::of(str(pair->live, "id"));
    auto must = [](const auto &r) {
        if (!r)
            qFatal("seed: %s", qPrintable(r.error().message));
        return str(*r, "id");
    };
    m_b.actorId = must(s.users.createAdmin(m_b, Json{{"username", "badmin"}, {"full_name", "B Admin"}, {"password", "long enough"}}));
    const QString worker = must(s.users.createOperator(m_b, Json{{"full_name", "B Worker"}, {"pin", "1111"}}));
    must(s.catalog.create(CatalogService::Cells, m_b, Json{{"name", "Laser"}}));
    must(s.catalog.create(CatalogService::Cells, m_b, Json{{"name", "Bending"}}));
    must(s.catalog.create(CatalogService::Cells, m_b, Json{{"name", "Welding"}}));
    const QString resource = must(s.catalog.create(CatalogService::Resources, m_b, Json{{"name", "Press"}}));
    must(s.catalog.create(CatalogService::Materials, m_b, Json{{"name", "Steel"}}));
    must(s.catalog.create(CatalogService::IssueCategories, m_b, Json{{"code", "DIM"}, {"description", "Dimensions"}}));
    const QString tpl = must(s.catalog.create(CatalogService::SubstepTemplates, m_b, Json{{"name", "Checklist"}}));
    must(s.catalog.addTemplateItem(m_b, tpl, Json{{"name", "Step"}, {"sequence", 1}}));
    QVERIFY(s.catalog.seedDefaultScrapReasons(m_b));
    Row job = m_shop->makeJob(m_b, "B-1");
    auto tree = s.jobs.tree(m_b, str(job, "id"));
    const QString part = str((*tree)["parts"][0], "id");
    const QString op = str((*tree)["parts"][0]["operations"][0], "id");
    must(s.catalog.create(CatalogService::OperationResources, m_b, Json{{"operation_id", toStd(op)}, {"resource_id", toStd(resource)}}));
    auto entry = s.time.start(m_b, worker, op);
    QVERIFY(entry);
    QVERIFY(s.time.pause(m_b, str(*entry, "id")));
    QVERIFY(s.time.resume(m_b, str(*entry, "id")));
    must(s.substeps.add(m_b, Json{{"operation_id", toStd(op)}, {"name", "Check"}}));
    auto reasons = s.catalog.list(CatalogService::ScrapReasons, m_b, ListQuery{});
    must(s.production.report(m_b, Json{{"operation_id", toStd(op)},
                                       {"quantity_good", 1},
                                       {"quantity_scrap", 1},
                                       {"scrap_lines", Json::array({{{"scrap_reason_id", reasons->rows[0]["id"]}, {"quantity", 1}}})}}));
    must(
        s.issues.create(m_b, Json{{"operation_id", toStd(op)}, {"created_by", toStd(worker)}, {"severity", "high"}, {"description", "x"}}));
    must(s.assignments.assign(m_b, Json{{"part_id", toStd(part)}, {"operator_id", toStd(worker)}}));
    const QString bCell = str(*s.catalog.cellByName(m_b, "Welding"), "id");
    const QString bLast = str((*tree)["parts"][0]["operations"][2], "id");
    must(s.batches.create(m_b, Json{{"batch_number", "NEST-B"}, {"cell_id", toStd(bCell)}, {"operation_ids", {toStd(bLast)}}}));
    // Tables whose services come with later capabilities are filled through their repositories.
    auto filled = m_shop->db().write([&](WriteTx &tx) -> Status {
        const auto &r = m_repo;
        auto key = r.apiKeys.insert(tx, m_b, Row{{"name", "k"}, {"key_hash", "h1"}, {"key_prefix", "ery_live_ab"}, {"key_last4", "abcd"}});
        auto mcp = r.mcpKeys.insert(tx, m_b, Row{{"name", "m"}, {"key_hash", "h2"}, {"key_prefix", "mcp_live_ab"}});
        if (!key || !mcp)
            return Error::internal("keys");
        ERY_TRY(Table(QStringLiteral("mcp_key_usage"), false)
                    .insert(tx, m_b, Row{{"key_id", (*mcp)["id"]}, {"tool_name", "fetch_jobs"}, {"success", true}}));
        auto hook = r.webhooks.insert(tx, m_b, Row{{"url", "http://10.0.0.5/hook"}, {"events", Json::array({"*"})}, {"secret", "whsec_x"}});
        if (!hook)
            return hook.error();
        auto delivery = r.webhookDeliveries.insert(
            tx, m_b, Row{{"webhook_id", (*hook)["id"]}, {"event_id", "e1"}, {"event_type", "job.created"}, {"payload", Json::object()}});
        if (!delivery)
            return delivery.error();
        ERY_TRY(
            Table(QStringLiteral("webhook_logs"), false)
                .insert(tx, m_b, Row{{"webhook_id", (*hook)["id"]}, {"delivery_id", (*delivery)["id"]}, {"event_type", "job.created"}}));
        auto pub = r.mqttPublishers.insert(tx, m_b, Row{{"name", "p"}, {"broker_url", "localhost"}, {"events", Json::array({"*"})}});
        if (!pub)
            return pub.error();
        ERY_TRY(Table(QStringLiteral("mqtt_logs"), false)
                    .insert(tx, m_b, Row{{"publisher_id", (*pub)["id"]}, {"event_type", "x"}, {"topic", "t"}, {"success", true}}));
        ERY_TRY(r.syncImports.insert(tx, m_b, Row{{"entity_type", "jobs"}, {"source", "csv"}, {"status", "completed"}}));
        return {};
    });
    QVERIFY2(filled, qPrintable(filled ? QString() : filled.error().message));
    auto staged = s.files.stage(QByteArray("%PDF-1.7\n%%EOF\n"));
    QVERIFY(staged);
    must(s.files.attach(m_b, {QStringLiteral("part"), part}, {QStringLiteral("drawing.pdf"), QStringLiteral("application/pdf"), *staged, {}, 0}));
    QVERIFY(s.files.createUploadLink(m_b, m_b.tenantId + QStringLiteral("/files/x.pdf"), QStringLiteral("application/pdf"), 900));

    const auto &r = m_repo;
    m_tables = {{"users", &r.users},
                {"cells", &r.cells},
                {"resources", &r.resources},
                {"operation_resources", &r.operationResources},
                {"materials", &r.materials},
                {"jobs", &r.jobs},
                {"parts", &r.parts},
                {"operations", &r.operations},
                {"time_entries", &r.timeEntries},
                {"time_entry_pauses", &r.timeEntryPauses},
                {"substeps", &r.substeps},
                {"substep_templates", &r.substepTemplates},
                {"substep_template_items", &r.substepTemplateItems},
                {"scrap_reasons", &r.scrapReasons},
                {"operation_quantities", &r.quantities},
                {"operation_quantity_scrap_reasons", &r.quantityScrapReasons},
                {"issue_categories", &r.issueCategories},
                {"issues", &r.issues},
                {"assignments", &r.assignments},
                {"notifications", &r.notifications},
                {"activity_log", &r.activity},
                {"api_keys", &r.apiKeys},
                {"mcp_keys", &r.mcpKeys},
                {"webhooks", &r.webhooks},
                {"webhook_deliveries", &r.webhookDeliveries},
                {"mqtt_publishers", &r.mqttPublishers},
                {"sync_imports", &r.syncImports},
                {"operation_batches", &r.batches},
                {"batch_operations", &r.batchOperations},
                {"files", &r.files},
                {"file_links", &r.fileLinks}};
}

void TestIsolation::cleanupTestCase()
{
    m_shop.reset();
}

void TestIsolation::everyRepositoryIsScoped_data()
{
    QTest::addColumn<QString>("table");
    for (const auto &[name, t] : m_tables)
        QTest::newRow(qPrintable(name)) << name;
    // Every tenant-owned table of the schema is covered (a new table must be added above).
    auto all = m_shop->db().query(
        m_shop->postgres()
            ? "SELECT table_name AS name FROM information_schema.columns WHERE column_name = 'tenant_id' AND table_schema = "
              "current_schema()"
            : "SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND p.name = 'tenant_id'");
    QStringList covered;
    for (const auto &[name, t] : m_tables)
        covered << name;
    // Delivery bookkeeping: written and read by the delivery workers with each row's own tenant.
    covered << "mcp_key_usage"
            << "webhook_logs"
            << "mqtt_logs"
            << "mqtt_messages"
            << "outbox"
            // Sessions of signed-in users: found by the token's hash across tenants
            // (SessionRepository), each row with its own tenant, never listed by a route.
            << "user_sessions"
            // First answers to POSTs with an Idempotency-Key: read only by the caller's own tenant
            // and key (IdempotencyRepository::find), never listed by a route.
            << "idempotency_keys";
    for (const auto &row : *all)
        QVERIFY2(covered.contains(str(row, "name")), qPrintable("not covered: " + str(row, "name")));
}

void TestIsolation::everyRepositoryIsScoped()
{
    QFETCH(QString, table);
    const Table *t = nullptr;
    for (const auto &[name, tab] : m_tables)
        if (name == table)
            t = tab;
    QVERIFY(t);
    Database &db = m_shop->db();
    const Scope a = m_shop->scope;
    auto foreign = db.query(QStringLiteral("SELECT * FROM %1 WHERE tenant_id = ?").arg(table), {m_b.tenantId});
    QVERIFY(foreign);
    QVERIFY2(!foreign->empty(), "tenant B has a row here, so the check means something");
    auto page = t->list(db, a, ListQuery{.limit = 1000, .includeDeleted = true});
    QVERIFY(page);
    for (const auto &row : page->rows)
        QCOMPARE(str(row, "tenant_id"), a.tenantId);
    for (const Row &row : *foreign) {
        const QString id = str(row, "id");
        ERY_VERIFY_ERR(t->get(db, a, id), ErrorCode::NotFound);
        QCOMPARE(*t->count(db, a, Match().eq("id", id)), 0);
        QVERIFY(t->where(db, a, Match().eq("id", id))->empty());
        auto upd = db.write([&](WriteTx &tx) { return t->update(tx, a, row, Row{{"updated_at", "2000-01-01T00:00:00.000Z"}}); });
        ERY_VERIFY_ERR(upd, ErrorCode::NotFound);
        auto del = db.write([&](WriteTx &tx) { return t->remove(tx, a, row); });
        ERY_VERIFY_ERR(del, ErrorCode::NotFound);
        auto still = db.query(QStringLiteral("SELECT updated_at FROM %1 WHERE id = ?").arg(table), {id});
        QCOMPARE(int(still->size()), 1);
        QCOMPARE(str(still->front(), "updated_at"), str(row, "updated_at"));
        QVERIFY(!str(still->front(), "updated_at").startsWith("2000"));
    }
}

void TestIsolation::unscopedAccessIsRefused()
{
    Database &db = m_shop->db();
    const auto &r = m_repo;
    ERY_VERIFY_ERR(r.jobs.get(db, Scope{}, m_shop->jobId), ErrorCode::Internal);
    ERY_VERIFY_ERR(r.jobs.list(db, Scope{}, ListQuery{}), ErrorCode::Internal);
    ERY_VERIFY_ERR(db.write([&](WriteTx &tx) { return r.jobs.insert(tx, Scope{}, Row{{"job_number", "x"}}); }), ErrorCode::Internal);
}

void TestIsolation::servicesRefuseForeignIds()
{
    auto &s = m_shop->s();
    const Scope a = m_shop->scope;
    auto job = s.jobs.byNumber(m_b, "B-1");
    QVERIFY(job);
    const QString jobId = str(*job, "id");
    auto tree = s.jobs.tree(m_b, jobId);
    const QString partId = str((*tree)["parts"][0], "id");
    const QString opId = str((*tree)["parts"][0]["operations"][1], "id");
    const qint64 before = m_shop->outboxCount();
    ERY_VERIFY_ERR(s.jobs.get(a, jobId), ErrorCode::NotFound);
    ERY_VERIFY_ERR(s.jobs.byNumber(a, "B-1"), ErrorCode::NotFound);
    ERY_VERIFY_ERR(s.jobs.update(a, jobId, Json{{"customer", "hijack"}}), ErrorCode::NotFound);
    ERY_VERIFY_ERR(s.jobs.start(a, jobId), ErrorCode::NotFound);
    ERY_VERIFY_ERR(s.jobs.remove(a, jobId), ErrorCode::NotFound);
    ERY_VERIFY_ERR(s.parts.get(a, partId), ErrorCode::NotFound);
    ERY_VERIFY_ERR(s.parts.update(a, partId, Json{{"quantity", 1}}), ErrorCode::NotFound);
    ERY_VERIFY_ERR(s.parts.remove(a, partId), ErrorCode::NotFound);
    ERY_VERIFY_ERR(s.operations.start(a, opId), ErrorCode::NotFound);
    ERY_VERIFY_ERR(s.operations.update(a, opId, Json{{"notes", "x"}}), ErrorCode::NotFound);
    ERY_VERIFY_ERR(s.operations.remove(a, opId), ErrorCode::NotFound);
    ERY_VERIFY_ERR(s.time.start(a, m_shop->op1, opId), ErrorCode::NotFound);
    auto issues = s.issues.list(m_b, ListQuery{});
    const QString issueId = str(issues->rows.front(), "id");
    ERY_VERIFY_ERR(s.issues.approve(a, issueId, "x"), ErrorCode::NotFound);
    ERY_VERIFY_ERR(s.issues.get(a, issueId), ErrorCode::NotFound);
    auto entries = s.time.list(m_b, ListQuery{});
    ERY_VERIFY_ERR(s.time.forceStop(a, str(entries->rows.front(), "id")), ErrorCode::NotFound);
    auto users = s.users.list(m_b, ListQuery{});
    for (const auto &u : users->rows) {
        ERY_VERIFY_ERR(s.users.get(a, str(u, "id")), ErrorCode::NotFound);
        ERY_VERIFY_ERR(s.users.resetPin(a, str(u, "id"), "9999"), ErrorCode::NotFound);
    }
    auto cells = s.catalog.list(CatalogService::Cells, m_b, ListQuery{});
    ERY_VERIFY_ERR(s.catalog.update(CatalogService::Cells, a, str(cells->rows.front(), "id"), Json{{"name", "x"}}), ErrorCode::NotFound);
    ERY_VERIFY_ERR(s.catalog.remove(CatalogService::Cells, a, str(cells->rows.front(), "id")), ErrorCode::NotFound);
    const QString batchId = str(s.batches.list(m_b, ListQuery{})->rows.front(), "id");
    ERY_VERIFY_ERR(s.batches.get(a, batchId), ErrorCode::NotFound);
    ERY_VERIFY_ERR(s.batches.update(a, batchId, Json{{"notes", "x"}}), ErrorCode::NotFound);
    ERY_VERIFY_ERR(s.batches.start(a, batchId, m_shop->op1), ErrorCode::NotFound);
    ERY_VERIFY_ERR(s.batches.stop(a, batchId, m_shop->op1), ErrorCode::NotFound);
    ERY_VERIFY_ERR(s.batches.addOperations(a, batchId, Json::array({toStd(m_shop->ops[0])})), ErrorCode::NotFound);
    ERY_VERIFY_ERR(s.batches.remove(a, batchId), ErrorCode::NotFound);
    // Nor can tenant A put B's operation into a batch of its own.
    ERY_VERIFY_ERR(
        s.batches.create(a, Json{{"batch_number", "NEST-HIJACK"}, {"cell_id", toStd(m_shop->laser)}, {"operation_ids", {toStd(opId)}}}),
        ErrorCode::ValidationError);
    QCOMPARE(m_shop->outboxCount(), before); // nothing was written
    // B's own data is untouched.
    QCOMPARE(str(*s.jobs.get(m_b, jobId), "customer"), QStringLiteral("ACME"));
}

void TestIsolation::crossTenantReferencesAreRefused()
{
    auto &s = m_shop->s();
    const Scope a = m_shop->scope;
    auto bCells = s.catalog.list(CatalogService::Cells, m_b, ListQuery{});
    auto bJob = s.jobs.byNumber(m_b, "B-1");
    // A's operation cannot point at B's cell, A's part cannot live in B's job.
    ERY_VERIFY_ERR(
        s.operations.create(a, Json{{"part_id", toStd(m_shop->partId)}, {"cell_id", bCells->rows.front()["id"]}, {"operation_name", "x"}}),
        ErrorCode::ValidationError);
    ERY_VERIFY_ERR(s.parts.create(a, Json{{"job_id", (*bJob)["id"]}, {"part_number", "x"}, {"material", "x"}}), ErrorCode::ValidationError);
    auto bUsers = s.users.list(m_b, ListQuery{});
    ERY_VERIFY_ERR(s.assignments.assign(a, Json{{"part_id", toStd(m_shop->partId)}, {"operator_id", bUsers->rows.front()["id"]}}),
                   ErrorCode::NotFound);
    ERY_VERIFY_ERR(s.time.start(a, str(bUsers->rows.back(), "id"), m_shop->ops[0]), ErrorCode::NotFound);
}

void TestIsolation::sandboxIsSeparate()
{
    auto &s = m_shop->s();
    const Scope live = m_shop->scope, sandbox = m_shop->sandbox;
    QCOMPARE(s.jobs.list(sandbox, ListQuery{})->total, 0);
    Row sbJob = m_shop->makeJob(sandbox, "SB-1");
    ERY_VERIFY_ERR(s.jobs.get(live, str(sbJob, "id")), ErrorCode::NotFound);
    ERY_VERIFY_ERR(s.jobs.get(sandbox, m_shop->jobId), ErrorCode::NotFound);
    QVERIFY(s.jobs.list(live, ListQuery{})->total >= 1);
    QCOMPARE(s.jobs.list(sandbox, ListQuery{})->total, 1);
    // Sandbox events are the sandbox tenant's, so only sandbox endpoints can ever receive them.
    auto ev = m_shop->db().query("SELECT tenant_id FROM outbox WHERE kind = 'event' AND topic = 'job.created' AND entity_id = ?",
                                 {str(sbJob, "id")});
    QCOMPARE(str(ev->front(), "tenant_id"), m_shop->sandboxId);
    auto t = s.tenants.get(m_shop->sandboxId);
    QVERIFY(flag(*t, "is_sandbox"));
    QCOMPARE(str(*t, "sandbox_of"), m_shop->tenantId);
    QCOMPARE(str(*s.tenants.sandboxOf(m_shop->tenantId), "id"), m_shop->sandboxId);
}

QTEST_GUILESS_MAIN(TestIsolation)
#include "tst_isolation.moc"
