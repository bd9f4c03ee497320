#include "testshop.h"

#include <QTest>

using namespace ery::domain;
using namespace ery::storage;
using namespace ery::services;
using namespace ery;
using namespace ery::test;

class TestLifecycle : public QObject {
    Q_OBJECT
private slots:
    void operationTransitions_data();
    void operationTransitions();
    void jobTransitions_data();
    void jobTransitions();
    void refusedTransitionEmitsNothing();
    void staleCompareAndSetConflicts();
    void rollupStartAndComplete();
    void rollupAcrossParts();
    void currentCellFollowsLowestSequence();
    void completeRefusedWhileAnotherWorkerTimes();
    void stopAndCompleteClosesOwnEntry();
    void oneOpenEntryPerWorker();
    void startTwiceOnSameOperationIsNoop();
    void severalWorkersOnOneOperation();
    void pausesAreSubtracted();
    void actualTimeIsRecomputed();
    void adminForceStop();
    void pauseClosesRunningEntries();
    void wipLimitRefusesCompletion();
    void wipLimitRefusesAMoveToAFullCell();
    void quotaJobs();
    void quotaPartsEveryPath();
    void validationListsEveryField();
    void duplicateJobNumberConflicts();
    void nestedJobCreationIsAtomic();
    void softDeleteHidesRows();
    void pinLoginAndLockout();
    void passwordLogin();
    void eventsCarryHumanNames();
};

static void setStatus(TestShop &shop, const QString &opId, const QString &status)
{
    // Walk the operation to the wanted status through the services only.
    auto &s = shop.s();
    if (status == QLatin1String("not_started"))
        return;
    QVERIFY(s.operations.start(shop.scope, opId));
    if (status == QLatin1String("on_hold"))
        QVERIFY(s.operations.pause(shop.scope, opId));
    if (status == QLatin1String("completed"))
        QVERIFY(s.operations.complete(shop.scope, opId));
}

void TestLifecycle::operationTransitions_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("to");
    const QHash<QString, QString> allowed{{"not_started/start", "in_progress"},  {"on_hold/start", "in_progress"},
                                          {"in_progress/pause", "on_hold"},      {"on_hold/resume", "in_progress"},
                                          {"in_progress/complete", "completed"}, {"on_hold/complete", "completed"}};
    for (const char *from : {"not_started", "in_progress", "on_hold", "completed"})
        for (const char *a : {"start", "pause", "resume", "complete"}) {
            const QString key = QStringLiteral("%1/%2").arg(from, a);
            QTest::newRow(qPrintable(key)) << QString(from) << QString(a) << allowed.value(key);
        }
}

void TestLifecycle::operationTransitions()
{
    QFETCH(QString, from);
    QFETCH(QString, action);
    QFETCH(QString, to);
    auto shop = TestShop::create();
    auto &s = shop->s();
    const QString id = shop->ops[0];
    setStatus(*shop, id, from);
    QCOMPARE(str(shop->op(0), "status"), from);
    const qint64 before = shop->eventCount();
    Result<Transition> r = action == "start"    ? s.operations.start(shop->scope, id)
                           : action == "pause"  ? s.operations.pause(shop->scope, id)
                           : action == "resume" ? s.operations.resume(shop->scope, id)
                                                : s.operations.complete(shop->scope, id);
    if (to.isEmpty()) {
        ERY_VERIFY_ERR(r, ErrorCode::InvalidStateTransition);
        QCOMPARE(r.error().httpStatus(), 400);
        QCOMPARE(str(shop->op(0), "status"), from);
        QCOMPARE(shop->eventCount(), before);
    } else {
        ERY_VERIFY_OK(r);
        QCOMPARE(r->previousStatus, from);
        QCOMPARE(r->newStatus, to);
        QCOMPARE(str(shop->op(0), "status"), to);
        static const QHash<QString, QString> names{{"start", "operation.started"},
                                                   {"pause", "operation.paused"},
                                                   {"resume", "operation.resumed"},
                                                   {"complete", "operation.completed"}};
        auto evs = shop->events(names[action]);
        QVERIFY(!evs.empty());
        QCOMPARE(str(evs.back()["payload"]["data"], "new_status"), to);
        if (to == "completed") {
            QCOMPARE(num(shop->op(0), "completion_percentage"), 100);
            QVERIFY(!str(shop->op(0), "completed_at").isEmpty());
        }
    }
}

void TestLifecycle::jobTransitions_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("to");
    const QHash<QString, QString> allowed{{"not_started/start", "in_progress"},  {"on_hold/start", "in_progress"},
                                          {"in_progress/stop", "on_hold"},       {"on_hold/resume", "in_progress"},
                                          {"in_progress/complete", "completed"}, {"on_hold/complete", "completed"}};
    for (const char *from : {"not_started", "in_progress", "on_hold", "completed"})
        for (const char *a : {"start", "stop", "resume", "complete"}) {
            const QString key = QStringLiteral("%1/%2").arg(from, a);
            QTest::newRow(qPrintable(key)) << QString(from) << QString(a) << allowed.value(key);
        }
}

void TestLifecycle::jobTransitions()
{
    QFETCH(QString, from);
    QFETCH(QString, action);
    QFETCH(QString, to);
    auto shop = TestShop::create();
    auto &s = shop->s();
    const QString id = shop->jobId;
    if (from != "not_started")
        QVERIFY(s.jobs.start(shop->scope, id));
    if (from == "on_hold")
        QVERIFY(s.jobs.stop(shop->scope, id));
    if (from == "completed")
        QVERIFY(s.jobs.complete(shop->scope, id));
    const qint64 before = shop->eventCount();
    Result<Transition> r = action == "start"    ? s.jobs.start(shop->scope, id)
                           : action == "stop"   ? s.jobs.stop(shop->scope, id)
                           : action == "resume" ? s.jobs.resume(shop->scope, id)
                                                : s.jobs.complete(shop->scope, id);
    if (to.isEmpty()) {
        ERY_VERIFY_ERR(r, ErrorCode::InvalidStateTransition);
        QCOMPARE(shop->eventCount(), before);
    } else {
        ERY_VERIFY_OK(r);
        QCOMPARE(r->newStatus, to);
        static const QHash<QString, QString> names{
            {"start", "job.started"}, {"stop", "job.stopped"}, {"resume", "job.resumed"}, {"complete", "job.completed"}};
        QCOMPARE(shop->eventCount(), before + 1);
        QCOMPARE(str(shop->events().back(), "topic"), names[action]);
    }
}

void TestLifecycle::refusedTransitionEmitsNothing()
{
    auto shop = TestShop::create();
    const qint64 before = shop->outboxCount();
    auto r = shop->s().operations.complete(shop->scope, shop->ops[0]);
    ERY_VERIFY_ERR(r, ErrorCode::InvalidStateTransition);
    QCOMPARE(shop->outboxCount(), before); // no event and no row change
}

void TestLifecycle::staleCompareAndSetConflicts()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    auto stale = shop->op(0);
    QVERIFY(s.operations.start(shop->scope, shop->ops[0]));
    // A writer holding the old row: the status guard refuses its update.
    auto r = shop->db().write([&](WriteTx &tx) {
        return Repositories().operations.update(tx, shop->scope, stale, {{"status", "completed"}}, {"status"});
    });
    ERY_VERIFY_ERR(r, ErrorCode::Conflict);
    QCOMPARE(str(shop->op(0), "status"), QStringLiteral("in_progress"));
}

void TestLifecycle::rollupStartAndComplete()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    auto part = [&] { return *s.parts.get(shop->scope, shop->partId); };
    auto job = [&] { return *s.jobs.get(shop->scope, shop->jobId); };
    QCOMPARE(str(part(), "status"), QStringLiteral("not_started"));
    QVERIFY(s.operations.start(shop->scope, shop->ops[0]));
    QCOMPARE(str(part(), "status"), QStringLiteral("in_progress"));
    QCOMPARE(str(job(), "status"), QStringLiteral("in_progress"));
    QCOMPARE(shop->eventCount("part.started"), 1);
    QCOMPARE(shop->eventCount("job.started"), 1);
    QCOMPARE(str(part(), "current_cell_id"), shop->laser);
    QCOMPARE(str(job(), "current_cell_id"), shop->laser);
    for (const QString &op : shop->ops) {
        if (str(*s.operations.get(shop->scope, op), "status") == "not_started")
            QVERIFY(s.operations.start(shop->scope, op));
        QVERIFY(s.operations.complete(shop->scope, op));
    }
    QCOMPARE(str(part(), "status"), QStringLiteral("completed"));
    QCOMPARE(str(job(), "status"), QStringLiteral("completed"));
    QVERIFY(part()["current_cell_id"].is_null());
    QVERIFY(job()["current_cell_id"].is_null());
    QCOMPARE(shop->eventCount("part.completed"), 1);
    QCOMPARE(shop->eventCount("job.completed"), 1);
    // A second start of another operation does not emit part/job started again.
    QCOMPARE(shop->eventCount("part.started"), 1);
}

void TestLifecycle::rollupAcrossParts()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    auto p2 =
        s.parts.create(shop->scope, Json{{"job_id", toStd(shop->jobId)},
                                         {"part_number", "P-2"},
                                         {"material", "Alu"},
                                         {"operations", Json::array({{{"cell_id", toStd(shop->welding)}, {"operation_name", "Weld"}}})}});
    ERY_VERIFY_OK(p2);
    for (const QString &op : shop->ops) {
        QVERIFY(s.operations.start(shop->scope, op));
        QVERIFY(s.operations.complete(shop->scope, op));
    }
    // The first part is complete, the job is not: P-2 is still open.
    QCOMPARE(str(*s.parts.get(shop->scope, shop->partId), "status"), QStringLiteral("completed"));
    QCOMPARE(str(*s.jobs.get(shop->scope, shop->jobId), "status"), QStringLiteral("in_progress"));
    auto ops2 = Repositories().operationsOfPart(shop->db(), shop->scope, str(*p2, "id"));
    QVERIFY(s.operations.start(shop->scope, str(ops2->front(), "id")));
    QVERIFY(s.operations.complete(shop->scope, str(ops2->front(), "id")));
    QCOMPARE(str(*s.jobs.get(shop->scope, shop->jobId), "status"), QStringLiteral("completed"));
}

void TestLifecycle::currentCellFollowsLowestSequence()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    QVERIFY(s.operations.start(shop->scope, shop->ops[2])); // welding (sequence 3)
    QCOMPARE(str(*s.jobs.get(shop->scope, shop->jobId), "current_cell_id"), shop->welding);
    QVERIFY(s.operations.start(shop->scope, shop->ops[1])); // bending (2) is now the lowest
    QCOMPARE(str(*s.jobs.get(shop->scope, shop->jobId), "current_cell_id"), shop->bending);
    QCOMPARE(str(*s.parts.get(shop->scope, shop->partId), "current_cell_id"), shop->bending);
    QVERIFY(s.operations.complete(shop->scope, shop->ops[1]));
    QCOMPARE(str(*s.jobs.get(shop->scope, shop->jobId), "current_cell_id"), shop->welding);
}

void TestLifecycle::completeRefusedWhileAnotherWorkerTimes()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    QVERIFY(s.operations.start(shop->scope, shop->ops[0], shop->op1));
    auto r = s.operations.complete(shop->scope, shop->ops[0], shop->op2);
    ERY_VERIFY_ERR(r, ErrorCode::Conflict);
    QVERIFY(r.error().message.contains("Olga Operator"));
    ERY_VERIFY_ERR(s.operations.complete(shop->scope, shop->ops[0]), ErrorCode::Conflict);
    QCOMPARE(str(shop->op(0), "status"), QStringLiteral("in_progress"));
}

void TestLifecycle::stopAndCompleteClosesOwnEntry()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    QVERIFY(s.operations.start(shop->scope, shop->ops[0], shop->op1));
    ERY_VERIFY_OK(s.operations.complete(shop->scope, shop->ops[0], shop->op1));
    auto open = Repositories().openEntriesOfWorker(shop->db(), shop->scope, shop->op1);
    QVERIFY(open->empty());
    QCOMPARE(shop->eventCount("time_entry.stopped"), 1);
}

void TestLifecycle::oneOpenEntryPerWorker()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    ERY_VERIFY_OK(s.time.start(shop->scope, shop->op1, shop->ops[0]));
    auto r = s.time.start(shop->scope, shop->op1, shop->ops[1]);
    ERY_VERIFY_ERR(r, ErrorCode::Conflict);
    // The message names the open one, as the terminal shows it.
    QVERIFY2(r.error().message.contains("Laser step 1"), qPrintable(r.error().message));
    QVERIFY(r.error().message.contains("J-100"));
    QCOMPARE(str(shop->op(1), "status"), QStringLiteral("not_started")); // nothing changed
    // The database refuses a second open entry even from a writer that skips the service.
    auto raw = shop->db().write([&](WriteTx &tx) {
        return Repositories().timeEntries.insert(
            tx, shop->scope,
            Row{{"operator_id", toStd(shop->op1)}, {"operation_id", toStd(shop->ops[1])}, {"start_time", toStd(nowIso())}});
    });
    ERY_VERIFY_ERR(raw, ErrorCode::Conflict);
}

void TestLifecycle::startTwiceOnSameOperationIsNoop()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    auto a = s.time.start(shop->scope, shop->op1, shop->ops[0]);
    auto b = s.time.start(shop->scope, shop->op1, shop->ops[0]);
    ERY_VERIFY_OK(a);
    ERY_VERIFY_OK(b);
    QCOMPARE(str(*a, "id"), str(*b, "id"));
    QCOMPARE(shop->eventCount("time_entry.started"), 1);
}

void TestLifecycle::severalWorkersOnOneOperation()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    ERY_VERIFY_OK(s.time.start(shop->scope, shop->op1, shop->ops[0]));
    ERY_VERIFY_OK(s.time.start(shop->scope, shop->op2, shop->ops[0]));
    auto open = Repositories().openEntriesOfOperation(shop->db(), shop->scope, shop->ops[0]);
    QCOMPARE(int(open->size()), 2);
    ERY_VERIFY_OK(s.time.stop(shop->scope, shop->op2));
    ERY_VERIFY_OK(s.operations.complete(shop->scope, shop->ops[0], shop->op1));
}

void TestLifecycle::pausesAreSubtracted()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    Clock::setOffsetMs(0);
    auto e = s.time.start(shop->scope, shop->op1, shop->ops[0]);
    ERY_VERIFY_OK(e);
    Clock::setOffsetMs(30 * 60 * 1000);
    ERY_VERIFY_OK(s.time.pause(shop->scope, str(*e, "id")));
    ERY_VERIFY_ERR(s.time.pause(shop->scope, str(*e, "id")), ErrorCode::InvalidStateTransition);
    Clock::setOffsetMs(50 * 60 * 1000); // 20 min break
    ERY_VERIFY_OK(s.time.resume(shop->scope, str(*e, "id")));
    Clock::setOffsetMs(70 * 60 * 1000);
    auto closed = s.time.stop(shop->scope, shop->op1);
    Clock::setOffsetMs(0);
    ERY_VERIFY_OK(closed);
    QCOMPARE(num(*closed, "duration"), 50); // 70 min elapsed - 20 min paused
    QCOMPARE(num(shop->op(0), "actual_time"), 50);
}

void TestLifecycle::actualTimeIsRecomputed()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    ERY_VERIFY_OK(s.time.start(shop->scope, shop->op1, shop->ops[0]));
    Clock::setOffsetMs(10 * 60 * 1000);
    ERY_VERIFY_OK(s.time.stop(shop->scope, shop->op1));
    ERY_VERIFY_OK(s.time.start(shop->scope, shop->op2, shop->ops[0]));
    Clock::setOffsetMs(25 * 60 * 1000);
    ERY_VERIFY_OK(s.time.stop(shop->scope, shop->op2));
    Clock::setOffsetMs(0);
    QCOMPARE(num(shop->op(0), "actual_time"), 25); // 10 + 15, from the entries
    // A wrong figure written by hand heals on the next close.
    ERY_VERIFY_OK(shop->db().write([&](WriteTx &tx) {
        return Repositories().operations.update(tx, shop->scope, shop->op(0), {{"actual_time", 999}});
    }));
    ERY_VERIFY_OK(s.time.start(shop->scope, shop->op1, shop->ops[0]));
    ERY_VERIFY_OK(s.time.stop(shop->scope, shop->op1));
    QCOMPARE(num(shop->op(0), "actual_time"), 25);
}

void TestLifecycle::adminForceStop()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    auto e1 = s.time.start(shop->scope, shop->op1, shop->ops[0]);
    auto e2 = s.time.start(shop->scope, shop->op2, shop->ops[1]);
    ERY_VERIFY_OK(e1);
    ERY_VERIFY_OK(e2);
    ERY_VERIFY_OK(s.time.forceStop(shop->scope, str(*e1, "id")));
    ERY_VERIFY_ERR(s.time.forceStop(shop->scope, str(*e1, "id")), ErrorCode::InvalidStateTransition);
    ERY_VERIFY_OK(s.time.start(shop->scope, shop->op1, shop->ops[2]));
    auto n = s.time.stopAll(shop->scope);
    ERY_VERIFY_OK(n);
    QCOMPARE(*n, 2);
    QVERIFY(Repositories().allOpenEntries(shop->db(), shop->scope)->empty());
}

void TestLifecycle::pauseClosesRunningEntries()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    ERY_VERIFY_OK(s.operations.start(shop->scope, shop->ops[0], shop->op1));
    ERY_VERIFY_OK(s.operations.pause(shop->scope, shop->ops[0]));
    QVERIFY(Repositories().openEntriesOfWorker(shop->db(), shop->scope, shop->op1)->empty());
    // A held operation cannot be timed until it is resumed.
    ERY_VERIFY_ERR(s.time.start(shop->scope, shop->op1, shop->ops[0]), ErrorCode::InvalidStateTransition);
    ERY_VERIFY_OK(s.operations.resume(shop->scope, shop->ops[0], shop->op1));
    QCOMPARE(int(Repositories().openEntriesOfWorker(shop->db(), shop->scope, shop->op1)->size()), 1);
}

void TestLifecycle::wipLimitRefusesCompletion()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    ERY_VERIFY_OK(s.catalog.update(CatalogService::Cells, shop->scope, shop->bending, Json{{"wip_limit", 1}, {"enforce_wip_limit", true}}));
    Row other = shop->makeJob(shop->scope, "J-200");
    auto tree = s.jobs.tree(shop->scope, str(other, "id"));
    const QString otherBend = str((*tree)["parts"][0]["operations"][1], "id");
    ERY_VERIFY_OK(s.operations.start(shop->scope, otherBend)); // bending now holds one job in progress
    ERY_VERIFY_OK(s.operations.start(shop->scope, shop->ops[0]));
    auto r = s.operations.complete(shop->scope, shop->ops[0]);
    ERY_VERIFY_ERR(r, ErrorCode::Conflict);
    QVERIFY(r.error().message.contains("Bending"));
    ERY_VERIFY_OK(s.operations.complete(shop->scope, otherBend));
    ERY_VERIFY_OK(s.operations.complete(shop->scope, shop->ops[0]));
    auto wip = s.catalog.cellWip(shop->scope, shop->bending);
    ERY_VERIFY_OK(wip);
    QCOMPARE(str(*wip, "status"), QStringLiteral("at_capacity")); // J-100 still has its bend to do
}

void TestLifecycle::wipLimitRefusesAMoveToAFullCell()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    shop->makeJob(shop->scope, "J-200"); // its bend waits at Bending: one job there besides J-100
    ERY_VERIFY_OK(s.catalog.update(CatalogService::Cells, shop->scope, shop->bending, Json{{"wip_limit", 1}, {"enforce_wip_limit", true}}));
    const qint64 before = shop->outboxCount();
    auto r = s.operations.update(shop->scope, shop->ops[0], Json{{"cell_id", shop->bending.toStdString()}});
    ERY_VERIFY_ERR(r, ErrorCode::Conflict);
    QVERIFY2(r.error().message.contains("Bending is at its WIP limit"), qPrintable(r.error().message));
    QCOMPARE(r.error().details["wip_limit"].get<int>(), 1);
    QCOMPARE(str(*s.operations.get(shop->scope, shop->ops[0]), "cell_id"), shop->laser); // nothing moved
    QCOMPARE(shop->outboxCount(), before);

    // Other changes to the same operation are no move; a move within the limit is recorded.
    ERY_VERIFY_OK(s.operations.update(shop->scope, shop->ops[0], Json{{"cell_id", shop->laser.toStdString()}, {"notes", "check the edge"}}));
    ERY_VERIFY_OK(s.catalog.update(CatalogService::Cells, shop->scope, shop->bending, Json{{"wip_limit", 3}}));
    auto moved = s.operations.update(shop->scope, shop->ops[0], Json{{"cell_id", shop->bending.toStdString()}});
    ERY_VERIFY_OK(moved);
    QCOMPARE(str(*moved, "cell_id"), shop->bending);
    ListQuery q;
    q.limit = 1;
    auto trail = s.activity.list(shop->scope, q);
    ERY_VERIFY_OK(trail);
    QVERIFY2(str(trail->rows[0], "description").endsWith(QStringLiteral("moved to Bending")), qPrintable(str(trail->rows[0], "description")));
}

void TestLifecycle::quotaJobs()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    ERY_VERIFY_OK(s.tenants.update(shop->tenantId, Json{{"max_jobs", 2}}));
    ERY_VERIFY_OK(s.jobs.create(shop->scope, Json{{"job_number", "J-2"}}));
    const qint64 before = shop->outboxCount();
    auto r = s.jobs.create(shop->scope, Json{{"job_number", "J-3"}});
    ERY_VERIFY_ERR(r, ErrorCode::QuotaExceeded);
    QCOMPARE(r.error().httpStatus(), 402);
    QCOMPARE(r.error().details["limitType"].get<std::string>(), std::string("jobs"));
    QCOMPARE(r.error().details["currentUsage"].get<int>(), 2);
    QCOMPARE(r.error().details["limit"].get<int>(), 2);
    QCOMPARE(shop->outboxCount(), before);
    // Completed jobs do not count as open.
    ERY_VERIFY_OK(s.jobs.start(shop->scope, shop->jobId));
    ERY_VERIFY_OK(s.jobs.complete(shop->scope, shop->jobId));
    ERY_VERIFY_OK(s.jobs.create(shop->scope, Json{{"job_number", "J-3"}}));
    // The sandbox follows the live plan.
    auto sb = s.tenants.get(shop->sandboxId);
    QCOMPARE(num(*sb, "max_jobs"), 2);
}

void TestLifecycle::quotaPartsEveryPath()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    // J-100's part has quantity 5 this month.
    ERY_VERIFY_OK(s.tenants.update(shop->tenantId, Json{{"max_parts_per_month", 10}}));
    // Path 1: nested in a job.
    auto j = s.jobs.create(
        shop->scope, Json{{"job_number", "J-2"}, {"parts", Json::array({{{"part_number", "Q1"}, {"material", "x"}, {"quantity", 6}}})}});
    ERY_VERIFY_ERR(j, ErrorCode::QuotaExceeded);
    QCOMPARE(j.error().details["limitType"].get<std::string>(), std::string("parts_per_month"));
    QVERIFY(!s.jobs.byNumber(shop->scope, "J-2")); // nothing of the refused tree exists
    // Path 2: a part on its own.
    ERY_VERIFY_ERR(
        s.parts.create(shop->scope, Json{{"job_id", toStd(shop->jobId)}, {"part_number", "Q2"}, {"material", "x"}, {"quantity", 6}}),
        ErrorCode::QuotaExceeded);
    ERY_VERIFY_OK(
        s.parts.create(shop->scope, Json{{"job_id", toStd(shop->jobId)}, {"part_number", "Q3"}, {"material", "x"}, {"quantity", 5}}));
    // Path 3: raising a quantity.
    ERY_VERIFY_ERR(s.parts.update(shop->scope, shop->partId, Json{{"quantity", 6}}), ErrorCode::QuotaExceeded);
    ERY_VERIFY_OK(s.parts.update(shop->scope, shop->partId, Json{{"quantity", 4}}));
    // NULL means unlimited.
    ERY_VERIFY_OK(s.tenants.update(shop->tenantId, Json{{"max_parts_per_month", nullptr}}));
    ERY_VERIFY_OK(
        s.parts.create(shop->scope, Json{{"job_id", toStd(shop->jobId)}, {"part_number", "Q4"}, {"material", "x"}, {"quantity", 500}}));
}

void TestLifecycle::validationListsEveryField()
{
    auto shop = TestShop::create();
    auto r = shop->s().jobs.create(
        shop->scope,
        Json{{"customer", 12}, {"due_date", "yesterday"}, {"package_count", -1}, {"parts", Json::array({{{"quantity", "many"}}})}});
    ERY_VERIFY_ERR(r, ErrorCode::ValidationError);
    QCOMPARE(r.error().httpStatus(), 422);
    QStringList fields;
    for (const auto &e : r.error().details)
        fields << fromStd(e["field"].get<std::string>());
    for (const char *f :
         {"job_number", "customer", "due_date", "package_count", "parts[0].part_number", "parts[0].material", "parts[0].quantity"})
        QVERIFY2(fields.contains(f), qPrintable(fields.join(',')));
    // Mass assignment: ids, tenant and timestamps in a body are ignored.
    auto j = shop->s().jobs.create(shop->scope, Json{{"job_number", "J-9"},
                                                     {"id", "00000000-0000-7000-8000-000000000001"},
                                                     {"tenant_id", toStd(shop->sandboxId)},
                                                     {"created_at", "1999-01-01"},
                                                     {"status", "completed"}});
    ERY_VERIFY_OK(j);
    QVERIFY(str(*j, "id") != "00000000-0000-7000-8000-000000000001");
    QCOMPARE(str(*j, "tenant_id"), shop->tenantId);
    QCOMPARE(str(*j, "status"), QStringLiteral("not_started"));
    QVERIFY(!str(*j, "created_at").startsWith("1999"));
}

void TestLifecycle::duplicateJobNumberConflicts()
{
    auto shop = TestShop::create();
    auto r = shop->s().jobs.create(shop->scope, Json{{"job_number", "J-100"}});
    ERY_VERIFY_ERR(r, ErrorCode::Conflict);
    QCOMPARE(r.error().httpStatus(), 409);
    // The same number in another tenant (the sandbox) is fine.
    ERY_VERIFY_OK(shop->s().jobs.create(shop->sandbox, Json{{"job_number", "J-100"}}));
}

void TestLifecycle::nestedJobCreationIsAtomic()
{
    auto shop = TestShop::create();
    const qint64 before = shop->outboxCount();
    auto r = shop->s().jobs.create(
        shop->scope, Json{{"job_number", "J-7"},
                          {"parts", Json::array({{{"part_number", "A1"},
                                                  {"material", "x"},
                                                  {"operations", Json::array({{{"cell_name", "Nowhere"}, {"operation_name", "x"}}})}}})}});
    ERY_VERIFY_ERR(r, ErrorCode::ValidationError);
    QCOMPARE(str(r.error().details[0], "field"), QStringLiteral("parts[0].operations[0].cell_name"));
    QCOMPARE(shop->outboxCount(), before);
    QVERIFY(!shop->s().jobs.byNumber(shop->scope, "J-7"));
}

void TestLifecycle::softDeleteHidesRows()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    ERY_VERIFY_OK(s.jobs.remove(shop->scope, shop->jobId));
    ERY_VERIFY_ERR(s.jobs.get(shop->scope, shop->jobId), ErrorCode::NotFound);
    ERY_VERIFY_ERR(s.parts.get(shop->scope, shop->partId), ErrorCode::NotFound);
    ERY_VERIFY_ERR(s.operations.get(shop->scope, shop->ops[0]), ErrorCode::NotFound);
    QCOMPARE(s.jobs.list(shop->scope, ListQuery{})->total, 0);
    QCOMPARE(shop->eventCount("job.deleted"), 1);
    // Still in the database, with deleted_at.
    auto raw = shop->db().query("SELECT deleted_at FROM jobs WHERE id = ?", {shop->jobId});
    QVERIFY(!str(raw->front(), "deleted_at").isEmpty());
}

void TestLifecycle::pinLoginAndLockout()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    auto ok = s.users.verifyPin(shop->scope, "E1", "1234");
    ERY_VERIFY_OK(ok);
    QVERIFY(!ok->contains("pin_hash")); // hashes never leave the service
    for (int i = 1; i <= 4; ++i) {
        auto r = s.users.verifyPin(shop->scope, "E1", "0000");
        ERY_VERIFY_ERR(r, ErrorCode::Unauthorized);
        QCOMPARE(r.error().details["attempts_remaining"].get<int>(), 5 - i);
    }
    auto fifth = s.users.verifyPin(shop->scope, "E1", "0000");
    ERY_VERIFY_ERR(fifth, ErrorCode::Unauthorized);
    QCOMPARE(fifth.error().details["reason"].get<std::string>(), std::string("LOCKED"));
    // Locked: even the right PIN is refused for 15 minutes.
    ERY_VERIFY_ERR(s.users.verifyPin(shop->scope, "E1", "1234"), ErrorCode::Forbidden);
    Clock::setOffsetMs(16 * 60 * 1000);
    ERY_VERIFY_OK(s.users.verifyPin(shop->scope, "E1", "1234"));
    Clock::setOffsetMs(0);
    // Admin unlock; PIN rules; other tenants' operators do not exist here.
    ERY_VERIFY_ERR(s.users.resetPin(shop->scope, shop->op1, "12"), ErrorCode::ValidationError);
    ERY_VERIFY_OK(s.users.resetPin(shop->scope, shop->op1, "654321"));
    ERY_VERIFY_OK(s.users.verifyPin(shop->scope, "E1", "654321"));
    ERY_VERIFY_ERR(s.users.verifyPin(shop->sandbox, "E1", "654321"), ErrorCode::NotFound);
    ERY_VERIFY_ERR(s.users.createOperator(shop->scope, Json{{"full_name", "X"}, {"pin", "12a4"}}), ErrorCode::ValidationError);
    auto gen = s.users.createOperator(shop->scope, Json{{"full_name", "Generated Id"}, {"pin", "4321"}});
    ERY_VERIFY_OK(gen);
    QVERIFY(str(*gen, "employee_id").startsWith("TES"));
    ERY_VERIFY_OK(s.users.deactivate(shop->scope, shop->op2));
    ERY_VERIFY_ERR(s.users.verifyPin(shop->scope, "E2", "5678"), ErrorCode::Forbidden);
}

void TestLifecycle::passwordLogin()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    ERY_VERIFY_OK(s.users.verifyPassword(shop->scope, "admin", "correct horse"));
    ERY_VERIFY_ERR(s.users.verifyPassword(shop->scope, "admin", "wrong"), ErrorCode::Unauthorized);
    ERY_VERIFY_ERR(s.users.createAdmin(shop->scope, Json{{"username", "b"}, {"full_name", "B"}, {"password", "short"}}),
                   ErrorCode::ValidationError);
    ERY_VERIFY_ERR(s.users.createAdmin(shop->scope, Json{{"username", "admin"}, {"full_name", "Dup"}, {"password", "long enough"}}),
                   ErrorCode::Conflict);
}

void TestLifecycle::eventsCarryHumanNames()
{
    auto shop = TestShop::create();
    ERY_VERIFY_OK(shop->s().operations.start(shop->scope, shop->ops[0], shop->op1));
    auto ev = shop->events("operation.started").back()["payload"];
    QCOMPARE(str(ev, "type"), QStringLiteral("operation.started"));
    QCOMPARE(str(ev, "tenant_id"), shop->tenantId);
    QVERIFY(isUuid(str(ev, "id")));
    const Json &d = ev["data"];
    QCOMPARE(str(d, "job_number"), QStringLiteral("J-100"));
    QCOMPARE(str(d, "part_number"), QStringLiteral("J-100-P1"));
    QCOMPARE(str(d, "operation_name"), QStringLiteral("Laser step 1"));
    QCOMPARE(str(d, "cell_name"), QStringLiteral("Laser"));
    QCOMPARE(str(d, "operator_name"), QStringLiteral("Olga Operator"));
    QCOMPARE(str(ev["context"], "cell"), QStringLiteral("Laser"));
    QCOMPARE(str(ev["context"], "enterprise"), QStringLiteral("eryxon"));
    auto te = shop->events("time_entry.started").back()["payload"]["data"];
    QCOMPARE(str(te, "operator_name"), QStringLiteral("Olga Operator"));
    // Row changes for the realtime feed travel with old and new.
    auto ch = shop->db().query("SELECT payload FROM outbox WHERE kind = 'change' AND topic = 'operations' ORDER BY id DESC LIMIT 1");
    const Json p = ch->front()["payload"];
    QCOMPARE(str(p, "eventType"), QStringLiteral("UPDATE"));
    QCOMPARE(str(p["old"], "status"), QStringLiteral("not_started"));
    QCOMPARE(str(p["new"], "status"), QStringLiteral("in_progress"));
}

QTEST_GUILESS_MAIN(TestLifecycle)
#include "tst_lifecycle.moc"
