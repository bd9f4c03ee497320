#include "testshop.h"

#include <QTest>

#include <numeric>

using namespace ery::domain;
using namespace ery::storage;
using namespace ery::services;
using namespace ery;
using namespace ery::test;

// Nesting batches through the service layer, on both engines: members, the start/stop lifecycle,
// the split of the batch's time over its operations, roll-up and events.
class TestBatches : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void distribution();
    void creationRules();
    void startAndStopSplitTheTime();
    void startRules();
    void machineBatchNeedsNoOperator();
    void membershipAndStatusRules();

private:
    QString batchOf(const QStringList &ops, const QString &number, Json extra = Json::object());
    std::unique_ptr<TestShop> m_shop;
};

void TestBatches::init()
{
    m_shop = TestShop::create();
}

void TestBatches::cleanup()
{
    m_shop.reset();
    Clock::setOffsetMs(0);
}

QString TestBatches::batchOf(const QStringList &ops, const QString &number, Json extra)
{
    Json in{{"batch_number", toStd(number)}, {"cell_id", toStd(m_shop->laser)}, {"operation_ids", Json::array()}};
    for (const QString &o : ops)
        in["operation_ids"].push_back(toStd(o));
    for (auto it = extra.begin(); it != extra.end(); ++it)
        in[it.key()] = it.value();
    auto b = m_shop->s().batches.create(m_shop->scope, in);
    if (!b)
        qFatal("batch: %s", qPrintable(b.error().message));
    return str(*b, "id");
}

void TestBatches::distribution()
{
    bool weighted = false;
    QCOMPARE(BatchService::distribute(60, {10, 20, 30}, &weighted), (std::vector<qint64>{10, 20, 30}));
    QVERIFY(weighted);
    QCOMPARE(BatchService::distribute(7, {1, 1, 1}, &weighted), (std::vector<qint64>{3, 2, 2}));
    QCOMPARE(BatchService::distribute(10, {0, 5}, &weighted), (std::vector<qint64>{5, 5})); // one without estimate: equal
    QVERIFY(!weighted);
    QCOMPARE(BatchService::distribute(0, {3, 4}, &weighted), (std::vector<qint64>{0, 0}));
    QCOMPARE(BatchService::distribute(5, {}, &weighted), std::vector<qint64>{});
    // Every minute is handed out, whatever the weights.
    const auto odd = BatchService::distribute(101, {7, 13, 29, 1}, &weighted);
    QCOMPARE(std::accumulate(odd.begin(), odd.end(), qint64(0)), qint64(101));
}

void TestBatches::creationRules()
{
    auto &b = m_shop->s().batches;
    const Scope sc = m_shop->scope;
    auto missing = b.create(sc, Json{{"batch_type", "saw"}});
    ERY_VERIFY_ERR(missing, ErrorCode::ValidationError);
    QStringList fields;
    for (const auto &e : missing.error().details)
        fields << str(e, "field");
    QVERIFY2(fields.contains("batch_number") && fields.contains("cell_id") && fields.contains("batch_type"), qPrintable(fields.join(',')));
    ERY_VERIFY_ERR(b.create(sc, Json{{"batch_number", "N-1"}, {"cell_id", toStd(m_shop->laser)}, {"production_mode", "automated"}}),
                   ErrorCode::ValidationError); // machine-reported only for laser nesting
    ERY_VERIFY_ERR(b.create(sc, Json{{"batch_number", "N-1"}, {"cell_id", toStd(newId())}}), ErrorCode::ValidationError);
    ERY_VERIFY_ERR(b.create(sc, Json{{"batch_number", "N-1"}, {"cell_id", toStd(m_shop->laser)}, {"operation_ids", {toStd(newId())}}}),
                   ErrorCode::ValidationError);
    ERY_VERIFY_ERR(b.create(sc, Json{{"batch_number", "N-1"},
                                     {"cell_id", toStd(m_shop->laser)},
                                     {"operation_ids", {toStd(m_shop->ops[0]), toStd(m_shop->ops[0])}}}),
                   ErrorCode::ValidationError);
    ERY_VERIFY_ERR(b.create(sc, Json{{"batch_number", "N-1"}, {"cell_id", toStd(m_shop->laser)}, {"operation_ids", "all"}}),
                   ErrorCode::ValidationError);
    const qint64 events = m_shop->outboxCount();
    QVERIFY(m_shop->outboxCount() == events); // refusals wrote nothing
    const QString id = batchOf({m_shop->ops[0]}, "N-1");
    ERY_VERIFY_ERR(b.create(sc, Json{{"batch_number", "N-1"}, {"cell_id", toStd(m_shop->laser)}}), ErrorCode::Conflict);
    // An operation sits in one batch at most.
    ERY_VERIFY_ERR(
        b.create(sc, Json{{"batch_number", "N-2"}, {"cell_id", toStd(m_shop->laser)}, {"operation_ids", {toStd(m_shop->ops[0])}}}),
        ErrorCode::ValidationError);
    auto got = b.get(sc, id);
    ERY_VERIFY_OK(got);
    QCOMPARE(num(*got, "operations_count"), 1);
    QCOMPARE((*got)["operations"].size(), size_t(1));
    QCOMPARE(str((*got)["operations"][0], "id"), m_shop->ops[0]);
    QCOMPARE(str(*got, "status"), QStringLiteral("draft"));
    QCOMPARE(str(*got, "batch_type"), QStringLiteral("general"));
}

void TestBatches::startAndStopSplitTheTime()
{
    auto &s = m_shop->s();
    const Scope sc = m_shop->scope;
    const int estimates[] = {10, 20, 30};
    for (int i = 0; i < 3; ++i)
        ERY_VERIFY_OK(s.operations.update(sc, m_shop->ops[i], Json{{"estimated_time", estimates[i]}}));
    const QString id = batchOf(m_shop->ops, "NEST-1", Json{{"batch_type", "laser_nesting"}, {"material", "S235 3mm"}});
    const qint64 before = m_shop->eventCount();
    auto started = s.batches.start(sc, id, m_shop->op1);
    ERY_VERIFY_OK(started);
    QCOMPARE(started->operationsStarted, 3);
    QCOMPARE(started->monitoringSource, QStringLiteral("operator"));
    QCOMPARE(started->transition.previousStatus, QStringLiteral("draft"));
    QCOMPARE(str(started->transition.row, "status"), QStringLiteral("in_progress"));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(str(m_shop->op(i), "status"), QStringLiteral("in_progress"));
    QCOMPARE(str(*s.jobs.get(sc, m_shop->jobId), "status"), QStringLiteral("in_progress")); // roll-up as always
    auto ev = m_shop->events("batch.started");
    QCOMPARE(ev.size(), size_t(1));
    const Json &data = ev[0]["payload"]["data"];
    QCOMPARE(str(data, "batch_number"), QStringLiteral("NEST-1"));
    QCOMPARE(str(data, "operator_name"), QStringLiteral("Olga Operator"));
    QCOMPARE(str(data, "cell_name"), QStringLiteral("Laser"));
    QCOMPARE(data["operation_ids"].size(), size_t(3));
    QCOMPARE(str(ev[0]["payload"]["context"], "cell"), QStringLiteral("Laser"));
    QCOMPARE(m_shop->eventCount("operation.started"), qint64(3));

    Clock::setOffsetMs(60LL * 60 * 1000 + 500); // an hour on the laser
    auto stopped = s.batches.stop(sc, id, {});
    ERY_VERIFY_OK(stopped);
    QCOMPARE(stopped->totalMinutes, qint64(60));
    QCOMPARE(stopped->distributionMethod, QStringLiteral("weighted"));
    QCOMPARE(stopped->distribution.size(), size_t(3));
    for (int i = 0; i < 3; ++i) {
        const Row op = m_shop->op(i);
        QCOMPARE(str(op, "status"), QStringLiteral("completed"));
        QCOMPARE(num(op, "actual_time"), qint64(estimates[i] * 60 / 60));
        QCOMPARE(num(stopped->distribution[size_t(i)], "minutes"), qint64(estimates[i]));
    }
    // The operator's share, as closed entries; no entry is left open.
    auto entries = Repositories().timeEntries.where(m_shop->db(), sc, Match().eq(QStringLiteral("operator_id"), m_shop->op1));
    QCOMPARE(entries->size(), size_t(3));
    for (const auto &e : *entries)
        QVERIFY(!str(e, "end_time").isEmpty());
    QVERIFY(Repositories().openEntriesOfWorker(m_shop->db(), sc, m_shop->op1)->empty());
    QCOMPARE(str(*s.parts.get(sc, m_shop->partId), "status"), QStringLiteral("completed"));
    QCOMPARE(str(*s.jobs.get(sc, m_shop->jobId), "status"), QStringLiteral("completed"));
    auto batch = s.batches.get(sc, id);
    QCOMPARE(str(*batch, "status"), QStringLiteral("completed"));
    QCOMPARE(num(*batch, "actual_time"), qint64(60));
    QCOMPARE(str(*batch, "completed_by"), m_shop->op1); // the operator who started it
    auto done = m_shop->events("batch.completed");
    QCOMPARE(done.size(), size_t(1));
    QCOMPARE(num(done[0]["payload"]["data"], "total_minutes"), qint64(60));
    QCOMPARE(str(done[0]["payload"]["data"], "distribution_method"), QStringLiteral("weighted"));
    QVERIFY(m_shop->eventCount() > before);
    // Stopping again is refused and changes nothing.
    const qint64 after = m_shop->outboxCount();
    ERY_VERIFY_ERR(s.batches.stop(sc, id, {}), ErrorCode::InvalidStateTransition);
    QCOMPARE(m_shop->outboxCount(), after);
}

void TestBatches::startRules()
{
    auto &s = m_shop->s();
    const Scope sc = m_shop->scope;
    const QString empty = batchOf({}, "EMPTY");
    ERY_VERIFY_ERR(s.batches.start(sc, empty, m_shop->op1), ErrorCode::BadRequest);
    const QString id = batchOf({m_shop->ops[0], m_shop->ops[1]}, "N-2");
    ERY_VERIFY_ERR(s.batches.start(sc, id, {}), ErrorCode::ValidationError); // a manual batch needs its operator
    ERY_VERIFY_ERR(s.batches.start(sc, id, newId()), ErrorCode::NotFound);
    // One open time entry per operator: someone timing another operation cannot start a batch.
    ERY_VERIFY_OK(s.time.start(sc, m_shop->op2, m_shop->ops[2]));
    ERY_VERIFY_ERR(s.batches.start(sc, id, m_shop->op2), ErrorCode::Conflict);
    QCOMPARE(str(m_shop->op(0), "status"), QStringLiteral("not_started")); // nothing moved
    ERY_VERIFY_OK(s.batches.start(sc, id, m_shop->op1));
    ERY_VERIFY_ERR(s.batches.start(sc, id, m_shop->op1), ErrorCode::InvalidStateTransition);
    ERY_VERIFY_ERR(s.batches.addOperations(sc, id, Json::array({toStd(m_shop->ops[2])})), ErrorCode::InvalidStateTransition);
    ERY_VERIFY_ERR(s.batches.remove(sc, id), ErrorCode::Conflict);
    ERY_VERIFY_ERR(s.batches.update(sc, id, Json{{"status", "cancelled"}}), ErrorCode::InvalidStateTransition);
}

void TestBatches::machineBatchNeedsNoOperator()
{
    auto &s = m_shop->s();
    const Scope sc = m_shop->scope;
    const QString id = batchOf({m_shop->ops[0]}, "AUTO-1", Json{{"batch_type", "laser_nesting"}, {"production_mode", "automated"}});
    auto started = s.batches.start(sc, id, {});
    ERY_VERIFY_OK(started);
    QCOMPARE(started->monitoringSource, QStringLiteral("machine"));
    Clock::setOffsetMs(10LL * 60 * 1000 + 100);
    auto stopped = s.batches.stop(sc, id, {});
    ERY_VERIFY_OK(stopped);
    QCOMPARE(stopped->totalMinutes, qint64(10));
    QCOMPARE(str(m_shop->op(0), "status"), QStringLiteral("completed"));
    QCOMPARE(num(m_shop->op(0), "actual_time"), qint64(0)); // no operator: no booked time
    QVERIFY(s.time.list(sc, ListQuery{})->rows.empty());
    QCOMPARE(str(m_shop->events("batch.completed")[0]["payload"]["data"], "monitoring_source"), QStringLiteral("machine"));
}

void TestBatches::membershipAndStatusRules()
{
    auto &s = m_shop->s();
    const Scope sc = m_shop->scope;
    const QString id = batchOf({m_shop->ops[0]}, "N-3");
    auto added = s.batches.addOperations(sc, id, Json::array({toStd(m_shop->ops[1]), toStd(m_shop->ops[2])}));
    ERY_VERIFY_OK(added);
    QCOMPARE(*added, qint64(2));
    auto b = s.batches.get(sc, id);
    QCOMPARE(num(*b, "operations_count"), 3);
    QCOMPARE(num((*b)["operations"][2], "sequence_in_batch"), 3);
    ERY_VERIFY_OK(s.batches.update(sc, id, Json{{"status", "ready"}, {"notes", "sheet 2 of 4"}}));
    ERY_VERIFY_ERR(s.batches.update(sc, id, Json{{"status", "completed"}}), ErrorCode::ValidationError); // only through stop
    ERY_VERIFY_ERR(s.batches.update(sc, id, Json{{"operation_ids", {toStd(m_shop->ops[0])}}}), ErrorCode::ValidationError);
    ERY_VERIFY_ERR(s.batches.update(sc, id, Json{{"parent_batch_id", toStd(id)}}), ErrorCode::ValidationError);
    // Deleting the batch frees its operations for another one.
    ERY_VERIFY_OK(s.batches.remove(sc, id));
    ERY_VERIFY_ERR(s.batches.get(sc, id), ErrorCode::NotFound);
    batchOf({m_shop->ops[0]}, "N-4");
    // A completed operation does not join a batch.
    ERY_VERIFY_OK(s.operations.start(sc, m_shop->ops[1]));
    ERY_VERIFY_OK(s.operations.complete(sc, m_shop->ops[1]));
    ERY_VERIFY_ERR(
        s.batches.create(sc, Json{{"batch_number", "N-5"}, {"cell_id", toStd(m_shop->laser)}, {"operation_ids", {toStd(m_shop->ops[1])}}}),
        ErrorCode::ValidationError);
}

QTEST_GUILESS_MAIN(TestBatches)
#include "tst_batches.moc"
