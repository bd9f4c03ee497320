#include "testshop.h"

#include "core/jsonutil.h"
#include "core/ids.h"
#include "core/jsontext.h"

#include <QDateTime>
#include <QSet>
#include <QTest>

using namespace ery::domain;
using namespace ery::storage;
using namespace ery;
using namespace ery::test;

// The storage layer's own contract on both engines: values in and out (binding, column kinds), list
// pages written as JSON text byte for byte as the Json path dumps them, bound paging, error mapping
// and a statement cache that does not grow with every distinct query.
class TestStorage : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void bindingRoundTrips();
    void renderedRowsEqualDumpedRows();
    void invalidUtf8IsReplacedNotFatal();
    void jsonStringEscapes_data();
    void jsonStringEscapes();
    void pagesAreBoundAndConsistent();
    void errorsAreMapped();
    void manyDistinctStatements();
    void timestampsAndIds();
    void plansUseTheNarrowIndex();
    void groupedWritesShareOneCommit();
    void plainWriteCommitsTheGroupFirst();
    void failedGroupCommitLosesTheWholeGroup();

private:
    std::unique_ptr<TestShop> m_shop;
};

void TestStorage::init()
{
    m_shop = TestShop::create();
}

void TestStorage::cleanup()
{
    m_shop.reset();
}

void TestStorage::bindingRoundTrips()
{
    Database &db = m_shop->db();
    ERY_VERIFY_OK(db.execDirect(
        QStringLiteral("CREATE TABLE probe (id INTEGER, t TEXT, d DOUBLE PRECISION, big BIGINT, active INTEGER, metadata TEXT)")));
    ERY_VERIFY_OK(db.exec(QStringLiteral("INSERT INTO probe VALUES (?, ?, ?, ?, ?, ?)"),
                          {1, QString(), 2.5, Q_INT64_C(9007199254740993), 1, QStringLiteral("{\"a\":[1,2,{\"b\":null}]}")}));
    ERY_VERIFY_OK(db.exec(QStringLiteral("INSERT INTO probe VALUES (?, ?, ?, ?, ?, ?)"),
                          {2, QStringLiteral(""), QVariant(), QVariant(), 0, QStringLiteral("not json")}));
    auto rows = db.query(QStringLiteral("SELECT * FROM probe ORDER BY id"));
    ERY_VERIFY_OK(rows);
    QCOMPARE(rows->size(), size_t(2));
    const Row &a = (*rows)[0], &b = (*rows)[1];
    QVERIFY(a["t"].is_null()); // a null QString binds NULL
    QCOMPARE(a["d"].get<double>(), 2.5);
    QCOMPARE(a["big"].get<qint64>(), Q_INT64_C(9007199254740993));
    QVERIFY(a["active"] == Json(true));
    QVERIFY(a["metadata"] == Json::parse(R"({"a":[1,2,{"b":null}]})"));
    QVERIFY(b["t"] == Json("")); // an empty string stays a string
    QVERIFY(b["d"].is_null());
    QVERIFY(b["active"] == Json(false));
    QVERIFY(b["metadata"].is_null()); // stored text that is not JSON reads as null
    auto n = db.scalar(QStringLiteral("SELECT COUNT(*) FROM probe WHERE t IS NULL"));
    ERY_VERIFY_OK(n);
    QCOMPARE(*n, qint64(1));
    int affected = -1;
    ERY_VERIFY_OK(db.exec(QStringLiteral("UPDATE probe SET t = ? WHERE id > ?"), {QStringLiteral("x"), 0}, &affected));
    QCOMPARE(affected, 2);
}

void TestStorage::renderedRowsEqualDumpedRows()
{
    auto &s = m_shop->s();
    const QString tricky = QString::fromUtf8("Müller & Söhne — 工場 \"quoted\" back\\slash\nnew\tline \x01\x1f / 😀");
    auto job = s.jobs.create(m_shop->scope, Json{{"job_number", "R-1"},
                                                 {"customer", toStd(tricky)},
                                                 {"total_weight_kg", 12.5},
                                                 {"package_count", 3},
                                                 {"metadata", {{"k", "v"}, {"n", Json::array({1, 2.25, nullptr})}}}});
    ERY_VERIFY_OK(job);
    Table jobs(QStringLiteral("jobs"), true, {QStringLiteral("job_number"), QStringLiteral("customer")});
    for (bool desc : {false, true}) {
        ListQuery q;
        q.sort = QStringLiteral("job_number");
        q.descending = desc;
        auto plain = jobs.list(m_shop->db(), m_shop->scope, q);
        ERY_VERIFY_OK(plain);
        q.render = true;
        auto text = jobs.list(m_shop->db(), m_shop->scope, q);
        ERY_VERIFY_OK(text);
        QVERIFY(text->rendered);
        QVERIFY(!plain->rendered);
        QCOMPARE(text->total, plain->total);
        QVERIFY(plain->rows.size() >= 2);
        Json arr = Json::array();
        for (const auto &r : plain->rows)
            arr.push_back(r);
        const std::string expected = arr.dump(-1, ' ', false, Json::error_handler_t::replace);
        QCOMPARE(QString::fromStdString("[" + text->json + "]"), QString::fromStdString(expected));
    }
}

void TestStorage::invalidUtf8IsReplacedNotFatal()
{
    if (TestShop::postgres())
        QSKIP("PostgreSQL refuses invalid UTF-8 on the way in");
    Database &db = m_shop->db();
    // Text written by another program (a direct edit, an old import) may hold any bytes.
    ERY_VERIFY_OK(db.execDirect(QStringLiteral("UPDATE jobs SET notes = CAST(X'4F4BFF20C3' AS TEXT) || 'end'")));
    std::string out;
    auto n = db.render(QStringLiteral("SELECT notes FROM jobs WHERE tenant_id = ?"), {m_shop->scope.tenantId}, out);
    ERY_VERIFY_OK(n);
    QVERIFY(*n >= 1);
    const Json parsed = Json::parse("[" + out + "]", nullptr, false);
    QVERIFY(!parsed.is_discarded());
    QCOMPARE(QString::fromStdString(parsed[0]["notes"].get<std::string>()), QString::fromUtf8("OK\xEF\xBF\xBD \xEF\xBF\xBD"
                                                                                              "end"));
    auto rows = db.query(QStringLiteral("SELECT notes FROM jobs WHERE tenant_id = ?"), {m_shop->scope.tenantId});
    ERY_VERIFY_OK(rows);
    QCOMPARE(QString::fromStdString(Json(*rows)[0].dump(-1, ' ', false, Json::error_handler_t::replace)),
             QString::fromStdString(parsed[0].dump()));
}

void TestStorage::jsonStringEscapes_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("plain") << QByteArray("abc");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("controls") << QByteArray("\x00\x01\x08\x09\x0a\x0c\x0d\x1f\x7f", 9);
    QTest::newRow("quotes") << QByteArray("\"\\/'");
    QTest::newRow("two-byte") << QByteArray("\xC3\xA9");
    QTest::newRow("three-byte") << QByteArray("\xE5\xB7\xA5");
    QTest::newRow("four-byte") << QByteArray("\xF0\x9F\x98\x80");
    QTest::newRow("overlong") << QByteArray("\xC0\xAF");
    QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80");
    QTest::newRow("truncated") << QByteArray("a\xE5\xB7");
    QTest::newRow("stray continuation") << QByteArray("\x80x");
    QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80");
}

void TestStorage::jsonStringEscapes()
{
    QFETCH(QByteArray, input);
    std::string out;
    appendJsonString(out, input.constData(), size_t(input.size()));
    // Always valid JSON that reads back as a string; valid UTF-8 comes back unchanged.
    const Json back = Json::parse(out, nullptr, false);
    QVERIFY2(!back.is_discarded(), out.c_str());
    QVERIFY(back.is_string());
    const std::string raw(input.constData(), size_t(input.size()));
    const Json viaLib = raw;
    const std::string lib = viaLib.dump(-1, ' ', false, Json::error_handler_t::replace);
    if (QString::fromUtf8(input).toUtf8() == input) // valid UTF-8: byte-identical to nlohmann's dump
        QCOMPARE(QString::fromStdString(out), QString::fromStdString(lib));
}

void TestStorage::pagesAreBoundAndConsistent()
{
    auto &s = m_shop->s();
    for (int i = 0; i < 25; ++i)
        ERY_VERIFY_OK(s.jobs.create(m_shop->scope, Json{{"job_number", toStd(QStringLiteral("PG-%1").arg(i, 2, 10, QLatin1Char('0')))}}));
    Table jobs(QStringLiteral("jobs"), true, {QStringLiteral("job_number")});
    QStringList seen;
    qint64 total = -1;
    for (int offset = 0; offset < 40; offset += 7) {
        ListQuery q;
        q.sort = QStringLiteral("job_number");
        q.limit = 7;
        q.offset = offset;
        q.render = offset % 2 == 0;
        auto page = jobs.list(m_shop->db(), m_shop->scope, q);
        ERY_VERIFY_OK(page);
        Rows rows = page->rows;
        if (page->rendered) {
            const Json arr = Json::parse("[" + page->json + "]");
            rows.assign(arr.begin(), arr.end());
        }
        if (total < 0)
            total = page->total;
        QCOMPARE(page->total, total);
        for (const auto &r : rows)
            seen << str(r, "job_number");
    }
    QCOMPARE(qint64(seen.size()), total);
    QStringList sorted = seen;
    sorted.sort();
    QCOMPARE(seen, sorted);
    QCOMPARE(seen.removeDuplicates(), qsizetype(0));
}

void TestStorage::errorsAreMapped()
{
    Database &db = m_shop->db();
    auto &s = m_shop->s();
    ERY_VERIFY_ERR(s.jobs.create(m_shop->scope, Json{{"job_number", "J-100"}}), ErrorCode::Conflict);
    auto bad = db.query(QStringLiteral("SELECT no_such_column FROM jobs"));
    QVERIFY(!bad);
    QCOMPARE(toString(bad.error().code), toString(ErrorCode::Internal));
    QVERIFY(!bad.error().message.contains(QLatin1String("no_such_column"))); // never SQL in an answer
    if (!TestShop::postgres()) {                                             // QtSql's PostgreSQL driver binds a missing value as NULL
        auto wrongCount = db.query(QStringLiteral("SELECT * FROM jobs WHERE id = ?"), {});
        QVERIFY(!wrongCount);
    }
    auto fk = db.write([&](WriteTx &tx) {
        return tx.exec(QStringLiteral("INSERT INTO parts (id, tenant_id, job_id, part_number, material, quantity, created_at, updated_at) "
                                      "VALUES (?, ?, ?, 'FK-1', 'S235', 1, '2026-01-01', '2026-01-01')"),
                       {newId(), m_shop->scope.tenantId, newId()});
    });
    QVERIFY(!fk);
    QCOMPARE(toString(fk.error().code), toString(ErrorCode::ValidationError));
    // The connection is still usable after every failure.
    ERY_VERIFY_OK(db.query(QStringLiteral("SELECT COUNT(*) FROM jobs")));
}

void TestStorage::manyDistinctStatements()
{
    Database &db = m_shop->db();
    // More distinct statement texts than the cache keeps: every one still runs and answers right.
    for (int i = 0; i < 1200; ++i) {
        auto v = db.scalar(QStringLiteral("SELECT %1 + COUNT(*) * 0 FROM jobs WHERE tenant_id = ?").arg(i), {m_shop->scope.tenantId});
        ERY_VERIFY_OK(v);
        QCOMPARE(*v, qint64(i));
    }
    auto again = db.scalar(QStringLiteral("SELECT 0 + COUNT(*) * 0 FROM jobs WHERE tenant_id = ?"), {m_shop->scope.tenantId});
    ERY_VERIFY_OK(again);
}

void TestStorage::timestampsAndIds()
{
    // The hand-made ISO formatter agrees with Qt's on every kind of instant.
    const qint64 instants[] = {0,
                               1,
                               999,
                               86399999,
                               86400000,
                               951782399999 /* 2000-02-28 end */,
                               951868800000 /* leap day */,
                               1798761599999 /* 2026-12-31 */,
                               1798761600000,
                               4102444800123,
                               QDateTime::currentMSecsSinceEpoch()};
    for (qint64 ms : instants)
        QCOMPARE(isoOf(ms), QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs));
    for (qint64 ms = 1700000000000; ms < 1700000000000 + 3LL * 86400000; ms += 3599987)
        QCOMPARE(isoOf(ms), QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs));
    // Reading timestamps back: every form an integrator sends, and nothing else.
    const struct {
        const char *text;
        const char *utc; // nullptr: refused
    } cases[] = {
        {"2030-01-31", "2030-01-31T00:00:00.000Z"},       // a date is midnight UTC
        {"2030-01-31T08:15", "2030-01-31T08:15:00.000Z"}, // no offset: UTC
        {"2030-01-31T08:15:30Z", "2030-01-31T08:15:30.000Z"},
        {"2030-01-31 08:15:30.5Z", "2030-01-31T08:15:30.500Z"},
        {"2030-01-31T08:15:30.123456Z", "2030-01-31T08:15:30.123Z"},
        {"2030-01-31T08:15:30+02:00", "2030-01-31T06:15:30.000Z"},
        {"2030-01-31T00:15:30-0130", "2030-01-31T01:45:30.000Z"},
        {"2030-01-01T00:30:00+01:00", "2029-12-31T23:30:00.000Z"},
        {"2024-02-29", "2024-02-29T00:00:00.000Z"},
        {"  2030-01-31  ", "2030-01-31T00:00:00.000Z"},
        {"2023-02-29", nullptr},
        {"2030-13-01", nullptr},
        {"2030-00-10", nullptr},
        {"2030-04-31", nullptr},
        {"2030-01-31T24:00", nullptr},
        {"2030-01-31T08:60", nullptr},
        {"2030-01-31T08:15:30.Z", nullptr},
        {"2030-1-31", nullptr},
        {"31-01-2030", nullptr},
        {"2030-01-31T", nullptr},
        {"2030-01-31T08:15Zjunk", nullptr},
        {"2030-01-31T08:15+25:00", nullptr},
        {"", nullptr},
        {"tomorrow", nullptr},
        {"２０３０-01-31", nullptr},
    };
    for (const auto &c : cases) {
        qint64 ms = 0;
        const bool ok = parseIso(QString::fromUtf8(c.text), &ms);
        QVERIFY2(ok == (c.utc != nullptr), c.text);
        if (ok)
            QCOMPARE(isoOf(ms), QString::fromLatin1(c.utc));
    }
    for (qint64 ms = -86400000LL * 800; ms < 4102444800000; ms += 86400000LL * 37 + 12345)
        QCOMPARE(isoMs(isoOf(ms)), ms);
    QSet<QString> ids;
    QString previous;
    for (int i = 0; i < 20000; ++i) {
        const QString id = newId();
        QVERIFY(isUuid(id));
        QCOMPARE(id.at(14), QLatin1Char('7'));               // version 7
        QVERIFY(QStringLiteral("89ab").contains(id.at(19))); // RFC 9562 variant
        QVERIFY(id > previous);                              // monotonic within a thread
        previous = id;
        ids.insert(id);
    }
    QCOMPARE(ids.size(), 20000);
    QVERIFY(!isUuid(QStringLiteral("01a23005-185b-7aa8-b352-7b90c020f89")));
    QVERIFY(!isUuid(QStringLiteral("01a23005x185b-7aa8-b352-7b90c020f898")));
    QVERIFY(!isUuid(QStringLiteral("01a23005-185b-7aa8-b352-7b90c020f89g")));
    QVERIFY(isUuid(QStringLiteral("01A23005-185B-7AA8-B352-7B90C020F898")));
}

void TestStorage::plansUseTheNarrowIndex()
{
    if (TestShop::postgres())
        QSKIP("PostgreSQL plans from its own statistics");
    Database &db = m_shop->db();
    auto plan = [&](const QString &sql, const QVariantList &params) {
        auto rows = db.query(QStringLiteral("EXPLAIN QUERY PLAN ") + sql, params);
        QStringList steps;
        for (const auto &r : *rows)
            steps << str(r, "detail");
        return steps.join(QStringLiteral(" | "));
    };
    const QString t = m_shop->scope.tenantId;
    // A part's operations: by part, not by walking the tenant's list index.
    QVERIFY2(
        plan(QStringLiteral(
                 "SELECT * FROM operations WHERE tenant_id = ? AND deleted_at IS NULL AND (part_id = ?) ORDER BY sequence, created_at"),
             {t, m_shop->partId})
            .contains(QLatin1String("operations_part")),
        "operations of a part");
    // A page of jobs in list order: read in index order, no sort of the tenant's rows; its count
    // from the index alone.
    const QString page = plan(
        QStringLiteral("SELECT * FROM jobs WHERE tenant_id = ? AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?"),
        {t, 100, 0});
    QVERIFY2(page.contains(QLatin1String("jobs_list")) && !page.contains(QLatin1String("TEMP B-TREE")), qPrintable(page));
    QVERIFY(plan(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE tenant_id = ? AND deleted_at IS NULL"), {t})
                .contains(QLatin1String("COVERING INDEX jobs_list")));
    // Statistics written once; a reopened database keeps them and plans the same.
    auto again = Database::open(m_shop->url());
    ERY_VERIFY_OK(again);
    ERY_VERIFY_OK((*again)->migrate());
    auto stats = (*again)->scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_stat1 WHERE idx = 'jobs_list'"));
    QCOMPARE(*stats, qint64(1));
}

namespace {
qint64 jobsNamed(Database &db, const QString &prefix)
{
    auto n = db.scalar(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE job_number LIKE ?"), {prefix + QLatin1Char('%')});
    return n ? *n : -1;
}
qint64 createdEvents(Database &db, const QString &prefix)
{
    auto rows = db.query(QStringLiteral("SELECT payload FROM outbox WHERE kind = 'event' AND topic = 'job.created'"));
    qint64 n = 0;
    for (const auto &r : *rows)
        n += str(r["payload"]["data"], "job_number").startsWith(prefix) ? 1 : 0;
    return n;
}
} // namespace

void TestStorage::groupedWritesShareOneCommit()
{
    Database &db = m_shop->db();
    auto &s = m_shop->s();
    auto other = Database::open(m_shop->url()); // another connection sees only what is committed
    ERY_VERIFY_OK(other);
    int ended = 0;
    bool committedFlag = false;
    db.setGrouping(true);
    ERY_VERIFY_OK(s.jobs.create(m_shop->scope, Json{{"job_number", "GRP-1"}}));
    db.onGroupEnd([&](bool ok) {
        ++ended;
        committedFlag = ok;
    });
    ERY_VERIFY_ERR(s.jobs.create(m_shop->scope, Json{{"job_number", "GRP-1"}}), ErrorCode::Conflict); // rolls back alone
    ERY_VERIFY_ERR(s.jobs.create(m_shop->scope, Json{{"job_number", ""}}), ErrorCode::ValidationError);
    ERY_VERIFY_OK(s.jobs.create(m_shop->scope, Json{{"job_number", "GRP-2"}}));
    db.setGrouping(false);
    QVERIFY(db.groupOpen());
    QCOMPARE(jobsNamed(db, "GRP-"), qint64(2));      // this connection reads its own group
    QCOMPARE(jobsNamed(**other, "GRP-"), qint64(0)); // nothing committed yet
    QCOMPARE(createdEvents(db, "GRP-"), qint64(0));  // outbox rows are written with the commit
    QCOMPARE(ended, 0);
    ERY_VERIFY_OK(db.flushGroup());
    QVERIFY(!db.groupOpen());
    QCOMPARE(ended, 1);
    QVERIFY(committedFlag);
    QCOMPARE(jobsNamed(**other, "GRP-"), qint64(2));
    QCOMPARE(createdEvents(**other, "GRP-"), qint64(2)); // one event per successful write, none for the refused ones
    ERY_VERIFY_OK(db.flushGroup());                      // nothing open: nothing happens
    QCOMPARE(ended, 1);
}

void TestStorage::plainWriteCommitsTheGroupFirst()
{
    Database &db = m_shop->db();
    auto &s = m_shop->s();
    QStringList order;
    db.setGrouping(true);
    ERY_VERIFY_OK(s.jobs.create(m_shop->scope, Json{{"job_number", "GRPA-1"}}));
    db.onGroupEnd([&](bool ok) { order << (ok ? QStringLiteral("group committed") : QStringLiteral("group failed")); });
    db.setGrouping(false);
    ERY_VERIFY_OK(db.write([&](WriteTx &tx) -> Status {
        order << QStringLiteral("plain write");
        return tx.exec(QStringLiteral("UPDATE jobs SET notes = 'after' WHERE job_number = 'GRPA-1'"));
    }));
    QCOMPARE(order, (QStringList{"group committed", "plain write"}));
    QVERIFY(!db.groupOpen());
    auto other = Database::open(m_shop->url());
    auto rows = (*other)->query(QStringLiteral("SELECT notes FROM jobs WHERE job_number = 'GRPA-1'"));
    ERY_VERIFY_OK(rows);
    QCOMPARE(str(rows->front(), "notes"), QStringLiteral("after"));
}

void TestStorage::failedGroupCommitLosesTheWholeGroup()
{
    if (TestShop::postgres())
        QSKIP("needs a deferred constraint; the schema's PostgreSQL foreign keys are immediate");
    Database &db = m_shop->db();
    auto &s = m_shop->s();
    const qint64 outboxBefore = m_shop->outboxCount();
    bool result = true;
    db.setGrouping(true);
    ERY_VERIFY_OK(s.jobs.create(m_shop->scope, Json{{"job_number", "GRPF-1"}}));
    db.onGroupEnd([&](bool ok) { result = ok; });
    // A foreign key checked only at COMMIT makes the whole group's commit fail.
    ERY_VERIFY_OK(db.write([&](WriteTx &tx) -> Status {
        ERY_TRY(tx.exec(QStringLiteral("PRAGMA defer_foreign_keys = ON")));
        return tx.exec(QStringLiteral("INSERT INTO parts (id, tenant_id, job_id, part_number, material, quantity, created_at, updated_at) "
                                      "VALUES (?, ?, ?, 'GRPF-P', 'S235', 1, '2026-01-01', '2026-01-01')"),
                       {newId(), m_shop->scope.tenantId, newId()});
    }));
    db.setGrouping(false);
    QVERIFY(!db.flushGroup());
    QVERIFY(!result);
    QVERIFY(!db.groupOpen());
    QCOMPARE(jobsNamed(db, "GRPF-"), qint64(0));
    QCOMPARE(m_shop->outboxCount(), outboxBefore);
    ERY_VERIFY_OK(s.jobs.create(m_shop->scope, Json{{"job_number", "GRPF-2"}})); // the connection goes on
    QCOMPARE(jobsNamed(db, "GRPF-"), qint64(1));
}

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
