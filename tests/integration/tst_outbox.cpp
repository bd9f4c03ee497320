#include "events/eventcatalog.h"
#include "recordingsink.h"
#include "testshop.h"

#include <QSignalSpy>
#include <QTest>

using namespace ery::domain;
using namespace ery::storage;
using namespace ery::events;
using namespace ery::services;
using namespace ery;
using namespace ery::test;

class TestOutbox : public QObject {
    Q_OBJECT
private slots:
    void deliveredInCommitOrder();
    void replayDeliversAgainInOrder();
    void durableCursorSurvivesRestart();
    void failingSinkRetriesBatch();
    void otherProcessCommitsArePickedUp();
    void twoInstancesDeliverOnce();
    void engineHostCalls();
    void eventCatalogMatching();

private:
    void mutate(TestShop &shop, int n);
};

void TestOutbox::mutate(TestShop &shop, int n)
{
    for (int i = 0; i < n; ++i)
        QVERIFY(shop.s().jobs.update(shop.scope, shop.jobId, Json{{"notes", toStd(QString::number(i))}}));
}

void TestOutbox::deliveredInCommitOrder()
{
    auto shop = TestShop::create();
    RecordingSink durable(QStringLiteral("test-durable"), true);
    RecordingSink live(QStringLiteral("test-live"), false);
    auto &d = shop->engine().dispatcher();
    d.addSink(&durable);
    d.addSink(&live);
    // The durable sink starts at the beginning of the outbox (the seed), the live one at "now".
    auto startMax = OutboxStore::maxId(shop->db());
    d.drain();
    QCOMPARE(qint64(durable.received.size()), shop->outboxCount());
    durable.received.clear();
    live.received.clear();
    mutate(*shop, 20);
    QVERIFY(shop->s().operations.start(shop->scope, shop->ops[0], shop->op1));
    QVERIFY(shop->s().operations.complete(shop->scope, shop->ops[0], shop->op1));
    d.drain();
    auto all = shop->db().query("SELECT id, event_id, topic FROM outbox WHERE id > ? ORDER BY id", {*startMax});
    QCOMPARE(durable.received.size(), all->size());
    QCOMPARE(live.received.size(), all->size());
    for (size_t i = 0; i < all->size(); ++i) {
        QCOMPARE(durable.received[i].id, num((*all)[i], "id"));
        QCOMPARE(live.received[i].eventId, str((*all)[i], "event_id"));
        if (i)
            QVERIFY(durable.received[i].id > durable.received[i - 1].id);
    }
    // Within one mutation the events keep the order the service emitted them.
    QStringList types;
    for (const auto &e : durable.received)
        if (e.isEvent())
            types << e.topic;
    const int started = types.indexOf("operation.started");
    QVERIFY(started >= 0);
    QCOMPARE(types.mid(started, 4), (QStringList{"operation.started", "time_entry.started", "part.started", "job.started"}));
    QVERIFY(types.indexOf("time_entry.stopped") < types.indexOf("operation.completed"));
}

void TestOutbox::replayDeliversAgainInOrder()
{
    auto shop = TestShop::create();
    RecordingSink sink(QStringLiteral("replayed"), true);
    shop->engine().dispatcher().addSink(&sink);
    mutate(*shop, 5);
    shop->engine().dispatcher().drain();
    const auto first = sink.received;
    QVERIFY(first.size() > 5);
    QVERIFY(shop->engine().dispatcher().replay("replayed", first[2].id));
    shop->engine().dispatcher().drain();
    QCOMPARE(sink.received.size(), first.size() + first.size() - 3);
    for (size_t i = 3; i < first.size(); ++i)
        QCOMPARE(sink.received[first.size() + i - 3].eventId, first[i].eventId);
}

void TestOutbox::durableCursorSurvivesRestart()
{
    auto shop = TestShop::create();
    const QString url = shop->url();
    qint64 seen = 0;
    {
        Engine e(Config{url});
        QVERIFY(e.open(false));
        RecordingSink sink(QStringLiteral("restartable"), true);
        e.dispatcher().addSink(&sink);
        e.dispatcher().drain();
        seen = qint64(sink.received.size());
        e.dispatcher().removeSink(&sink);
    }
    QCOMPARE(seen, shop->outboxCount());
    mutate(*shop, 3); // written while the sink's engine is down
    Engine e(Config{url});
    QVERIFY(e.open(false));
    RecordingSink sink(QStringLiteral("restartable"), true);
    e.dispatcher().addSink(&sink);
    e.dispatcher().drain();
    QCOMPARE(qint64(sink.received.size()), shop->outboxCount() - seen); // only what it had not had
    e.dispatcher().removeSink(&sink);
}

void TestOutbox::failingSinkRetriesBatch()
{
    auto shop = TestShop::create();
    RecordingSink sink(QStringLiteral("flaky"), true);
    auto &d = shop->engine().dispatcher();
    d.addSink(&sink);
    d.drain();
    sink.received.clear();
    const qint64 before = shop->outboxCount();
    mutate(*shop, 3);
    sink.failNext = 1;
    d.drain(); // the batch fails, the cursor stays
    QVERIFY(sink.received.empty());
    QVERIFY(d.failures() > 0);
    d.drain();
    QCOMPARE(qint64(sink.received.size()), shop->outboxCount() - before); // the whole batch, now delivered
}

void TestOutbox::otherProcessCommitsArePickedUp()
{
    auto shop = TestShop::create();
    Engine reader(Config{shop->url(), 30});
    QVERIFY(reader.open(true));
    QSignalSpy spy(&reader.hub(), &SubscriptionHub::rowChanged);
    QSignalSpy events(&reader.hub(), &SubscriptionHub::domainEvent);
    // The shop's engine is another connection: as good as another process for the outbox.
    QVERIFY(shop->s().jobs.start(shop->scope, shop->jobId));
    QTRY_VERIFY_WITH_TIMEOUT(!spy.isEmpty(), 5000); // found by polling, no wake-up from the writer
    QCOMPARE(spy.first().at(0).toString(), QStringLiteral("jobs"));
    QCOMPARE(spy.first().at(1).toString(), shop->tenantId);
    QCOMPARE(spy.first().at(2).toString(), shop->jobId);
    QTRY_VERIFY(!events.isEmpty());
    QCOMPARE(events.first().at(0).toString(), QStringLiteral("job.started"));
}

void TestOutbox::twoInstancesDeliverOnce()
{
    auto shop = TestShop::create();
    Engine a(Config{shop->url()}), b(Config{shop->url()});
    QVERIFY(a.open(false));
    QVERIFY(b.open(false));
    RecordingSink sa(QStringLiteral("shared"), true), sb(QStringLiteral("shared"), true);
    a.dispatcher().addSink(&sa);
    b.dispatcher().addSink(&sb);
    a.dispatcher().drain();
    const size_t base = sa.received.size();
    for (int round = 0; round < 5; ++round) {
        mutate(*shop, 4);
        (round % 2 ? a : b).dispatcher().drain();
        (round % 2 ? b : a).dispatcher().drain();
    }
    QSet<QString> ids;
    for (const auto *s : {&sa, &sb})
        for (const auto &e : s->received)
            ids.insert(e.eventId);
    QCOMPARE(size_t(ids.size()), sa.received.size() + sb.received.size()); // nothing twice
    QCOMPARE(qint64(ids.size()), shop->outboxCount());
    QVERIFY(sa.received.size() > base && !sb.received.empty());
    a.dispatcher().removeSink(&sa);
    b.dispatcher().removeSink(&sb);
}

// The CLI's and tests' way into a hosted engine: a call on its thread, answered by a future.
void TestOutbox::engineHostCalls()
{
    auto shop = TestShop::create();
    Config cfg{shop->url(), 30};
    EngineHost host(cfg);
    QVERIFY(host.start());
    const Scope scope = shop->scope;
    auto f = host.call<Result<Row>>([scope, id = shop->jobId](Engine &e) { return e.services().jobs.get(scope, id); });
    f.waitForFinished();
    QVERIFY(f.result());
    QCOMPARE(str(*f.result(), "job_number"), QStringLiteral("J-100"));
    auto status = host.call<Json>([](Engine &e) { return e.status(); });
    status.waitForFinished();
    QCOMPARE(str(status.result()["database"], "engine"), shop->postgres() ? QStringLiteral("postgresql") : QStringLiteral("sqlite"));
    host.stop();
}

void TestOutbox::eventCatalogMatching()
{
    QVERIFY(eventMatches("*", "job.created"));
    QVERIFY(eventMatches("operation.*", "operation.started"));
    QVERIFY(!eventMatches("operation.*", "job.started"));
    QVERIFY(eventMatches("job.created", "job.created"));
    QVERIFY(!eventMatches("job.create", "job.created"));
    QVERIFY(eventMatches("sync.*", "sync.jobs.completed"));
    QCOMPARE(eventCatalog().size(), 41);
}

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
