#include "portability/csvimport.h"
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

// CSV import on both engines: the original's templates, references by external key and cell name,
// line numbers of bad rows, whole-or-nothing vs skip-bad-rows, dry runs that write nothing, unchanged
// records left alone, the history row and the import.completed event, and hostile files; a large
// re-import's small report; and the import in steps, which leaves the thread free between them.
class TestCsvImport : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void templatesInOrder();
    void wholeOrNothing();
    void skipBadRowsAndUnchanged();
    void dryRunWritesNothing();
    void hostileFiles_data();
    void hostileFiles();
    void tenantsStayApart();
    void quotaHoldsPerRow();
    void reimportReportStaysSmall();
    void stepsLeaveTheThreadFree();
    void stepsAllOrNothing();
    void abandonedImportRollsBack();

private:
    Result<CsvImport::Report> import(SyncService::Entity e, const QByteArray &csv, CsvImport::Options o = {}, const Scope *scope = nullptr);
    // CsvImport::start, waited for in the event loop; between + every 2 ms while it runs.
    Result<CsvImport::Report> importInSteps(const QByteArray &csv, CsvImport::Options o, const std::function<void()> &between);
    static QByteArray jobsFile(const QString &prefix, int rows);
    qint64 count(const char *table, const QString &where = QStringLiteral("1=1"));
    std::unique_ptr<TestShop> m_shop;
};

void TestCsvImport::init()
{
    m_shop = TestShop::create();
}

void TestCsvImport::cleanup()
{
    m_shop.reset();
}

Result<CsvImport::Report> TestCsvImport::import(SyncService::Entity e, const QByteArray &csv, CsvImport::Options o, const Scope *scope)
{
    return CsvImport(m_shop->s()).run(scope ? *scope : m_shop->scope, e, csv, o);
}

qint64 TestCsvImport::count(const char *table, const QString &where)
{
    auto n = m_shop->db().scalar(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2").arg(QLatin1String(table), where));
    return n ? *n : -1;
}

void TestCsvImport::templatesInOrder()
{
    // cells → resources → jobs → parts → operations, with the original's template headers.
    ERY_VERIFY_OK(import(SyncService::Cells, "external_id,external_source,name,sequence,color,capacity_hours_per_day,wip_limit\n"
                                             "C1,erp,Waterjet,9,#00aaff,16,4\n"));
    ERY_VERIFY_OK(import(SyncService::Resources, "external_id,external_source,name,type,identifier,location,notes\n"
                                                 "R1,erp,Press 4,machine,PB-4,Hall B,\n"));
    auto jobs = import(SyncService::Jobs, "\xEF\xBB\xBF"
                                          "external_id,external_source,job_number,customer,due_date,status,notes\r\n"
                                          "J1,erp,ERP-1001,Acme,2027-01-15,,first\r\n"
                                          "J2,erp,ERP-1002,\"Müller, GmbH\",2027-01-20,,\"two\nlines\"\r\n");
    ERY_VERIFY_OK(jobs);
    QCOMPARE(jobs->created, 2);
    QVERIFY(jobs->committed);
    QCOMPARE(jobs->ignoredColumns, QStringList{"status"}); // status moves through the lifecycle, not imports
    ERY_VERIFY_OK(import(SyncService::Parts, "external_id,external_source,part_number,job_external_id,material,quantity,notes\n"
                                             "P1,erp,ERP-1001-A,J1,S235 3mm,5,\nP2,erp,ERP-1002-A,J2,Alu 2mm,2,\n"));
    auto ops = import(SyncService::Operations,
                      "external_id,external_source,operation_name,part_external_id,cell_name,sequence,estimated_time_minutes,notes\n"
                      "O1,erp,Cut,P1,Waterjet,1,12,\nO2,erp,Bend,P1,Bending,2,8,\nO3,erp,Cut,P2,Waterjet,1,5,\n");
    ERY_VERIFY_OK(ops);
    QCOMPARE(ops->created, 3);
    auto job = m_shop->s().jobs.byNumber(m_shop->scope, "ERP-1002");
    ERY_VERIFY_OK(job);
    QCOMPARE(str(*job, "customer"), QString::fromUtf8("Müller, GmbH"));
    QCOMPARE(str(*job, "notes"), QStringLiteral("two\nlines"));
    QCOMPARE(str(*job, "due_date"), QStringLiteral("2027-01-20T00:00:00.000Z"));
    auto cut =
        m_shop->db().query("SELECT o.estimated_time, c.name FROM operations o JOIN cells c ON c.id = o.cell_id WHERE o.external_id = 'O1'");
    QCOMPARE(num(cut->front(), "estimated_time"), qint64(12));
    QCOMPARE(str(cut->front(), "name"), QStringLiteral("Waterjet"));
    // Each committed file: a history row and one import.completed, plus the entities' own events.
    QCOMPARE(count("sync_imports", "operation = 'csv_import'"), qint64(5));
    QCOMPARE(m_shop->eventCount("import.completed"), qint64(5));
    QCOMPARE(m_shop->eventCount("job.created"), qint64(3)); // J-100 of the seed + 2
    const Json last = m_shop->events("import.completed").back()["payload"]["data"];
    QCOMPARE(str(last, "entity_type"), QStringLiteral("operations"));
    QCOMPARE(num(last, "created"), qint64(3));
}

void TestCsvImport::wholeOrNothing()
{
    const qint64 outbox = m_shop->outboxCount();
    auto r = import(SyncService::Jobs, "external_id,external_source,job_number,due_date,package_count\n"
                                       "J1,erp,A-1,2027-01-15,2\n"
                                       "J2,erp,A-2,2027-02-30,1\n" // no such date
                                       "J3,erp,,2027-03-01,x\n"    // no number, not a count
                                       "J4,erp,A-1,,\n"            // the same number as line 2
                                       ",erp,A-5,,\n");            // no key
    ERY_VERIFY_OK(r);
    QVERIFY(!r->committed);
    QCOMPARE(r->total, 5);
    QCOMPARE(r->failed, 4);
    QCOMPARE(count("jobs", "job_number LIKE 'A-%'"), qint64(0)); // nothing went in
    QCOMPARE(m_shop->outboxCount(), outbox);                     // and nothing was announced
    QCOMPARE(r->rows[0].action, QStringLiteral("create"));       // would have been fine
    QCOMPARE(r->rows[1].line, 3);
    QCOMPARE(str(r->rows[1].errors[0], "column"), QStringLiteral("due_date"));
    QCOMPARE(r->rows[2].line, 4);
    QStringList columns;
    for (const auto &e : r->rows[2].errors)
        columns << str(e, "column");
    QVERIFY2(columns.contains("package_count") && columns.contains("job_number"), qPrintable(columns.join(',')));
    QCOMPARE(str(r->rows[3].errors[0], "code"), QStringLiteral("CONFLICT"));
    QCOMPARE(str(r->rows[4].errors[0], "column"), QStringLiteral("external_id"));
}

void TestCsvImport::skipBadRowsAndUnchanged()
{
    CsvImport::Options skip;
    skip.skipBadRows = true;
    const QByteArray file = "external_id,external_source,job_number,customer\nJ1,erp,S-1,Acme\nJ2,erp,S-2,\nJ3,erp,,Nobody\n";
    auto first = import(SyncService::Jobs, file, skip);
    ERY_VERIFY_OK(first);
    QVERIFY(first->committed);
    QCOMPARE(first->created, 2);
    QCOMPARE(first->failed, 1);
    QCOMPARE(count("jobs", "job_number LIKE 'S-%'"), qint64(2));
    // The same file again: the good rows are unchanged (no write, no event), the bad one still bad.
    const qint64 updatedEvents = m_shop->eventCount("job.updated");
    auto again = import(SyncService::Jobs, file, skip);
    ERY_VERIFY_OK(again);
    QCOMPARE(again->unchanged, 2);
    QCOMPARE(again->failed, 1);
    QCOMPARE(m_shop->eventCount("job.updated"), updatedEvents);
    // A changed cell is an update.
    auto changed = import(SyncService::Jobs, "external_id,external_source,job_number,customer\nJ1,erp,S-1,Acme Metal\n");
    ERY_VERIFY_OK(changed);
    QCOMPARE(changed->updated, 1);
    QCOMPARE(str(*m_shop->s().jobs.byNumber(m_shop->scope, "S-1"), "customer"), QStringLiteral("Acme Metal"));
    auto history = m_shop->db().query("SELECT status, error_count, errors FROM sync_imports ORDER BY created_at");
    QCOMPARE(str(history->front(), "status"), QStringLiteral("completed_with_errors"));
    QCOMPARE(num(history->front()["errors"][0], "line"), qint64(4));
}

void TestCsvImport::dryRunWritesNothing()
{
    CsvImport::Options dry;
    dry.dryRun = true;
    const qint64 outbox = m_shop->outboxCount();
    auto r = import(SyncService::Jobs, "external_id,external_source,job_number\nD1,erp,D-1\nD2,erp,D-2\n", dry);
    ERY_VERIFY_OK(r);
    QVERIFY(r->dryRun && !r->committed);
    QCOMPARE(r->created, 2);
    QCOMPARE(count("jobs", "job_number LIKE 'D-%'"), qint64(0));
    QCOMPARE(count("sync_imports"), qint64(0));
    QCOMPARE(m_shop->outboxCount(), outbox);
    // The source may come with the request instead of a column.
    CsvImport::Options withSource;
    withSource.source = QStringLiteral("spreadsheet");
    auto sourced = import(SyncService::Jobs, "external_id,job_number\nX1,X-1\n", withSource);
    ERY_VERIFY_OK(sourced);
    QCOMPARE(str(*m_shop->s().jobs.byNumber(m_shop->scope, "X-1"), "external_source"), QStringLiteral("spreadsheet"));
}

void TestCsvImport::hostileFiles_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("expect"); // a word of the refusal
    QTest::newRow("empty") << QByteArray() << "empty";
    QTest::newRow("header only") << QByteArray("external_id,external_source,job_number\n") << "empty";
    QTest::newRow("unterminated quote") << QByteArray("external_id,external_source,job_number\nJ1,erp,\"A-1\n") << "CSV";
    QTest::newRow("stray quote") << QByteArray("external_id,external_source,job_number\nJ1,erp,A\"1\n") << "CSV";
    QTest::newRow("not UTF-8") << QByteArray("external_id,external_source,job_number\nJ1,erp,A\xff\xfe-1\n") << "UTF-8";
    QTest::newRow("binary") << QByteArray("\x00\x01\x02\x03", 4) << "";
    QTest::newRow("no key column") << QByteArray("job_number\nA-1\n") << "external_id";
    QTest::newRow("duplicate column") << QByteArray("external_id,external_id,external_source\n1,2,x\n") << "twice";
    QTest::newRow("empty column name") << QByteArray("external_id,,external_source\n1,2,x\n") << "empty column";
    QByteArray many = "external_id,external_source,job_number\n";
    for (int i = 0; i <= CsvImport::kMaxRows + 1; ++i)
        many += "J,e,A\n";
    QTest::newRow("too many rows") << many << "rows";
}

void TestCsvImport::hostileFiles()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, expect);
    const qint64 outbox = m_shop->outboxCount();
    auto r = import(SyncService::Jobs, csv);
    if (r) { // only acceptable when every row was refused, which changes nothing
        QVERIFY(!r->committed);
    } else {
        QCOMPARE(toString(r.error().code), toString(ErrorCode::BadRequest));
        QVERIFY2(r.error().message.contains(expect, Qt::CaseInsensitive), qPrintable(r.error().message));
    }
    QCOMPARE(m_shop->outboxCount(), outbox);
}

void TestCsvImport::tenantsStayApart()
{
    // Another tenant's job with the same external key is not this tenant's.
    auto other = m_shop->s().tenants.create(Json{{"name", "Other"}});
    const Scope b = Scope::of(str(other->live, "id"));
    ERY_VERIFY_OK(import(SyncService::Jobs, "external_id,external_source,job_number\nJ1,erp,B-1\n", {}, &b));
    auto parts = import(SyncService::Parts, "external_id,external_source,part_number,job_external_id,material\nP1,erp,P-1,J1,S235\n");
    ERY_VERIFY_OK(parts);
    QCOMPARE(parts->failed, 1);
    QCOMPARE(str(parts->rows[0].errors[0], "column"), QStringLiteral("job_external_id"));
    // And the same key in this tenant creates a job of its own, leaving B's alone.
    ERY_VERIFY_OK(import(SyncService::Jobs, "external_id,external_source,job_number\nJ1,erp,A-1\n"));
    QCOMPARE(str(*m_shop->s().jobs.byNumber(b, "B-1"), "external_id"), QStringLiteral("J1"));
    QCOMPARE(count("jobs", "external_id = 'J1'"), qint64(2));
}

void TestCsvImport::quotaHoldsPerRow()
{
    // Two open jobs allowed: the seed's J-100 and one more. The file's second row is over.
    ERY_VERIFY_OK(m_shop->s().tenants.update(m_shop->tenantId, Json{{"max_jobs", 2}}));
    CsvImport::Options skip;
    skip.skipBadRows = true;
    auto r = import(SyncService::Jobs, "external_id,external_source,job_number\nQ1,erp,Q-1\nQ2,erp,Q-2\n", skip);
    ERY_VERIFY_OK(r);
    QCOMPARE(r->created, 1);
    QCOMPARE(r->failed, 1);
    QCOMPARE(str(r->rows[1].errors[0], "code"), QStringLiteral("QUOTA_EXCEEDED"));
}

Result<CsvImport::Report> TestCsvImport::importInSteps(const QByteArray &csv, CsvImport::Options o, const std::function<void()> &between)
{
    QObject context;
    std::optional<Result<CsvImport::Report>> outcome;
    QEventLoop loop;
    CsvImport::start(m_shop->s(), &context, m_shop->scope, SyncService::Jobs, csv, o, [&](Result<CsvImport::Report> r) {
        outcome = std::move(r);
        loop.quit();
    });
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, between);
    tick.start(2);
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    loop.exec();
    if (!outcome)
        return Error::internal(QStringLiteral("the import did not end"));
    return std::move(*outcome);
}

QByteArray TestCsvImport::jobsFile(const QString &prefix, int rows)
{
    QByteArray csv = "external_id,external_source,job_number,customer\n";
    for (int i = 0; i < rows; ++i)
        csv += QStringLiteral("%1%2,erp,%1-%2,Customer %3\n").arg(prefix).arg(i).arg(i % 7).toUtf8();
    return csv;
}

void TestCsvImport::reimportReportStaysSmall()
{
    // Every created id is listed; the same file again lists its first unchanged rows and counts the
    // rest, so a large re-import does not answer with megabytes.
    const int rows = CsvImport::kListedUnchanged + 1500;
    const QByteArray file = jobsFile(QStringLiteral("R"), rows);
    auto first = import(SyncService::Jobs, file);
    ERY_VERIFY_OK(first);
    const Json created = first->toJson();
    QCOMPARE(int(created["rows"].size()), rows);
    for (const Json &row : created["rows"])
        QVERIFY(!str(row, "id").isEmpty());
    QVERIFY(!created.contains("unchanged_not_listed"));

    // Two rows change and one turns bad: those are listed whatever their place in the file.
    QByteArray again = file;
    again.replace("R2400,erp,R-2400,Customer 6", "R2400,erp,R-2400,Customer changed");
    again.replace("R2401,erp,R-2401,Customer 0", "R2401,erp,R-0,Customer 0"); // R0's number
    again.replace("R2499,erp,R-2499,Customer 0", "R2499,erp,R-2499,Customer new");
    CsvImport::Options skip;
    skip.skipBadRows = true;
    auto second = import(SyncService::Jobs, again, skip);
    ERY_VERIFY_OK(second);
    QCOMPARE(second->unchanged, rows - 3);
    QCOMPARE(second->updated, 2);
    QCOMPARE(second->failed, 1);
    const Json report = second->toJson();
    QCOMPARE(num(report, "unchanged_not_listed"), qint64(rows - 3 - CsvImport::kListedUnchanged));
    QCOMPARE(int(report["rows"].size()), CsvImport::kListedUnchanged + 3);
    QStringList listed;
    for (const Json &row : report["rows"])
        if (str(row, "action") != QLatin1String("unchanged"))
            listed << QStringLiteral("%1:%2").arg(str(row, "external_id"), str(row, "action"));
    QCOMPARE(listed, (QStringList{"R2400:update", "R2401:error", "R2499:update"}));
    QVERIFY(report.dump().size() < 200 * 1024);
}

void TestCsvImport::stepsLeaveTheThreadFree()
{
    const int rows = 3000;
    const qint64 outboxBefore = m_shop->outboxCount();
    int ticksHeld = 0, refused = 0;
    qint64 longestGapMs = 0;
    QElapsedTimer gap;
    gap.start();
    QObject waiter;
    bool waited = false;
    auto r = importInSteps(jobsFile(QStringLiteral("S"), rows), {}, [&] {
        longestGapMs = std::max(longestGapMs, gap.restart());
        if (!m_shop->db().writeHeld())
            return;
        ++ticksHeld;
        // Reads beside the held write see what was committed: none of the file yet.
        QCOMPARE(count("jobs", "job_number LIKE 'S-%'"), qint64(0));
        QCOMPARE(m_shop->outboxCount(), outboxBefore);
        // A write cannot join it (its rollback would take the write along): refused, or queued.
        if (refused == 0) {
            ERY_VERIFY_ERR(m_shop->s().jobs.create(m_shop->scope, Json{{"job_number", "SIDE-1"}}), ErrorCode::ServiceUnavailable);
            ++refused;
            m_shop->db().whenWritable(&waiter, [&] {
                waited = true;
                QVERIFY(!m_shop->db().writeHeld());
                QVERIFY(m_shop->s().jobs.create(m_shop->scope, Json{{"job_number", "SIDE-1"}}));
            });
        }
    });
    ERY_VERIFY_OK(r);
    QVERIFY(r->committed);
    QCOMPARE(r->created, rows);
    QVERIFY2(ticksHeld >= 2, qPrintable(QStringLiteral("the thread was free %1 times during the import").arg(ticksHeld)));
    QVERIFY2(longestGapMs < 1000, qPrintable(QStringLiteral("the thread was busy for %1 ms at a stretch").arg(longestGapMs)));
    QVERIFY(!m_shop->db().writeHeld());
    QCOMPARE(count("jobs", "job_number LIKE 'S-%'"), qint64(rows));
    QCOMPARE(m_shop->eventCount("import.completed"), qint64(1));
    QTRY_VERIFY(waited);
    QCOMPARE(count("jobs", "job_number = 'SIDE-1'"), qint64(1));
    // Its events follow the import's: written once the file was in.
    auto order = m_shop->db().query(
        QStringLiteral("SELECT topic, entity_id FROM outbox WHERE kind = 'event' AND topic IN ('job.created', 'import.completed') "
                       "ORDER BY id DESC LIMIT 2"));
    ERY_VERIFY_OK(order);
    QCOMPARE(str(order->at(1), "topic"), QStringLiteral("import.completed"));
    QCOMPARE(str(order->at(0), "topic"), QStringLiteral("job.created"));
    QCOMPARE(m_shop->eventCount("job.created"), qint64(1 + rows + 1));
}

void TestCsvImport::stepsAllOrNothing()
{
    // A bad row at the very end: every step before it is taken back, and nothing was announced.
    const int rows = 3000;
    QByteArray file = jobsFile(QStringLiteral("N"), rows);
    file += "N-bad,erp,,Nobody\n";
    const qint64 outboxBefore = m_shop->outboxCount();
    int ticksHeld = 0;
    auto r = importInSteps(file, {}, [&] { ticksHeld += m_shop->db().writeHeld() ? 1 : 0; });
    ERY_VERIFY_OK(r);
    QVERIFY(!r->committed);
    QCOMPARE(r->failed, 1);
    QCOMPARE(r->rows.back().line, rows + 2);
    QVERIFY(ticksHeld >= 2);
    QCOMPARE(count("jobs", "job_number LIKE 'N-%'"), qint64(0));
    QCOMPARE(m_shop->outboxCount(), outboxBefore);
    QCOMPARE(count("sync_imports"), qint64(0));
    // And a dry run in steps reports the same as one at once.
    CsvImport::Options dry;
    dry.dryRun = true;
    auto rehearsal = importInSteps(jobsFile(QStringLiteral("D"), rows), dry, [] {});
    ERY_VERIFY_OK(rehearsal);
    QCOMPARE(rehearsal->created, rows);
    QCOMPARE(count("jobs", "job_number LIKE 'D-%'"), qint64(0));
    QCOMPARE(m_shop->outboxCount(), outboxBefore);
}

void TestCsvImport::abandonedImportRollsBack()
{
    // The caller goes away mid-file (the API server shutting down): the held write is rolled back.
    auto context = std::make_unique<QObject>();
    bool called = false;
    CsvImport::start(m_shop->s(), context.get(), m_shop->scope, SyncService::Jobs, jobsFile(QStringLiteral("A"), 20000), {},
                     [&](Result<CsvImport::Report>) { called = true; });
    QTRY_VERIFY_WITH_TIMEOUT(m_shop->db().writeHeld(), 30000);
    QTest::qWait(20);
    context.reset();
    QVERIFY(!m_shop->db().writeHeld());
    QTest::qWait(50);
    QVERIFY(!called);
    QCOMPARE(count("jobs", "job_number LIKE 'A-%'"), qint64(0));
    ERY_VERIFY_OK(m_shop->s().jobs.create(m_shop->scope, Json{{"job_number", "AFTER-1"}}));
}

QTEST_GUILESS_MAIN(TestCsvImport)
#include "tst_csvimport.moc"
