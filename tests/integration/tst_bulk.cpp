#include "testshop.h"

#include <QTest>

using namespace ery::domain;
using namespace ery::storage;
using namespace ery::services;
using namespace ery;
using namespace ery::test;

// BulkService, on both engines: many service calls in one transaction, each in a savepoint, so a
// failing item takes back only its own writes and events while the others commit together.
class TestBulk : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void completesThroughTheLifecycle();
    void failingItemTakesBackOnlyItsOwn();
    void otherShopsRecordsAreNotFound();
    void progressAndLimit();
    void nothingWrittenWhenEveryItemFails();

private:
    std::unique_ptr<TestShop> m_shop;
};

void TestBulk::init()
{
    m_shop = TestShop::create();
}

void TestBulk::cleanup()
{
    m_shop.reset();
}

void TestBulk::completesThroughTheLifecycle()
{
    auto &s = m_shop->s();
    const Scope sc = m_shop->scope;
    for (const QString &op : m_shop->ops)
        ERY_VERIFY_OK(s.operations.start(sc, op));
    const qint64 completedBefore = m_shop->eventCount(QStringLiteral("operation.completed"));
    auto r = s.bulk.run(m_shop->ops.size(), [&](qsizetype i) -> Result<Json> {
        if (!m_shop->db().inTransaction())
            return Error::internal(QStringLiteral("step outside the transaction"));
        auto t = s.operations.complete(sc, m_shop->ops[i]);
        if (!t)
            return t.error();
        return Json{{"new_status", toStd(t->newStatus)}};
    });
    ERY_VERIFY_OK(r);
    QCOMPARE(r->size(), size_t(3));
    for (const auto &one : *r) {
        ERY_VERIFY_OK(one);
        QCOMPARE(str(*one, "new_status"), QStringLiteral("completed"));
    }
    for (int i = 0; i < 3; ++i)
        QCOMPARE(str(m_shop->op(i), "status"), QStringLiteral("completed"));
    // Roll-up and events as for one completion at a time.
    auto part = s.parts.get(sc, m_shop->partId);
    ERY_VERIFY_OK(part);
    QCOMPARE(str(*part, "status"), QStringLiteral("completed"));
    auto job = s.jobs.get(sc, m_shop->jobId);
    ERY_VERIFY_OK(job);
    QCOMPARE(str(*job, "status"), QStringLiteral("completed"));
    QCOMPARE(m_shop->eventCount(QStringLiteral("operation.completed")), completedBefore + 3);
}

void TestBulk::failingItemTakesBackOnlyItsOwn()
{
    auto &s = m_shop->s();
    const Scope sc = m_shop->scope;
    const qint64 updatedBefore = m_shop->eventCount(QStringLiteral("operation.updated"));
    auto r = s.bulk.run(3, [&](qsizetype i) -> Result<Json> {
        const QString note = QStringLiteral("bulk note %1").arg(i);
        auto op = s.operations.update(sc, m_shop->ops[i], Json{{"notes", toStd(note)}});
        if (!op)
            return op.error();
        // The middle item writes, then fails: its own write and event must go, the others stay.
        if (i == 1)
            return Error::badRequest(QStringLiteral("refused after writing"));
        return Json{{"notes", (*op)["notes"]}};
    });
    ERY_VERIFY_OK(r);
    QVERIFY((*r)[0].ok());
    QVERIFY(!(*r)[1].ok());
    QCOMPARE(toString((*r)[1].error().code), toString(ErrorCode::BadRequest));
    QVERIFY((*r)[2].ok());
    QCOMPARE(str(m_shop->op(0), "notes"), QStringLiteral("bulk note 0"));
    QCOMPARE(str(m_shop->op(1), "notes"), QString());
    QCOMPARE(str(m_shop->op(2), "notes"), QStringLiteral("bulk note 2"));
    QCOMPARE(m_shop->eventCount(QStringLiteral("operation.updated")), updatedBefore + 2);
}

void TestBulk::otherShopsRecordsAreNotFound()
{
    auto &s = m_shop->s();
    // The sandbox twin's own job: its ids do not exist for the live tenant, and the reverse.
    Row other = m_shop->makeJob(m_shop->sandbox, QStringLiteral("S-1"), 1);
    auto tree = s.jobs.tree(m_shop->sandbox, str(other, "id"));
    ERY_VERIFY_OK(tree);
    const QString foreignPart = str((*tree)["parts"][0], "id");
    const QStringList ids{m_shop->partId, foreignPart};
    auto r = s.bulk.run(ids.size(), [&](qsizetype i) -> Result<Json> {
        auto p = s.parts.update(m_shop->scope, ids[i], Json{{"is_bullet_card", true}});
        if (!p)
            return p.error();
        return Json{{"id", (*p)["id"]}};
    });
    ERY_VERIFY_OK(r);
    QVERIFY((*r)[0].ok());
    QVERIFY(!(*r)[1].ok());
    QCOMPARE(toString((*r)[1].error().code), toString(ErrorCode::NotFound));
    auto foreign = s.parts.get(m_shop->sandbox, foreignPart);
    ERY_VERIFY_OK(foreign);
    QVERIFY(!flag(*foreign, "is_bullet_card"));
    auto own = s.parts.get(m_shop->scope, m_shop->partId);
    ERY_VERIFY_OK(own);
    QVERIFY(flag(*own, "is_bullet_card"));
}

void TestBulk::progressAndLimit()
{
    auto &s = m_shop->s();
    std::vector<std::pair<qsizetype, qsizetype>> seen;
    auto r = s.bulk.run(
        4, [](qsizetype i) -> Result<Json> { return Json{{"i", i}}; },
        [&](qsizetype done, qsizetype total) { seen.emplace_back(done, total); });
    ERY_VERIFY_OK(r);
    QCOMPARE(seen.size(), size_t(4));
    for (size_t i = 0; i < seen.size(); ++i) {
        QCOMPARE(seen[i].first, qsizetype(i + 1));
        QCOMPARE(seen[i].second, qsizetype(4));
    }
    int calls = 0;
    auto tooMany = s.bulk.run(BulkService::kMaxItems + 1, [&](qsizetype) -> Result<Json> {
        ++calls;
        return Json::object();
    });
    ERY_VERIFY_ERR(tooMany, ErrorCode::ValidationError);
    QCOMPARE(calls, 0);
    auto none = s.bulk.run(0, [](qsizetype) -> Result<Json> { return Json::object(); });
    ERY_VERIFY_OK(none);
    QVERIFY(none->empty());
}

void TestBulk::nothingWrittenWhenEveryItemFails()
{
    auto &s = m_shop->s();
    const Scope sc = m_shop->scope;
    const qint64 events = m_shop->outboxCount();
    auto r = s.bulk.run(m_shop->ops.size(), [&](qsizetype i) -> Result<Json> {
        // Completing a not_started operation is refused by the lifecycle.
        auto t = s.operations.complete(sc, m_shop->ops[i]);
        if (!t)
            return t.error();
        return Json::object();
    });
    ERY_VERIFY_OK(r);
    for (const auto &one : *r)
        ERY_VERIFY_ERR(one, ErrorCode::InvalidStateTransition);
    QCOMPARE(m_shop->outboxCount(), events);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(str(m_shop->op(i), "status"), QStringLiteral("not_started"));
}

QTEST_GUILESS_MAIN(TestBulk)
#include "tst_bulk.moc"
