#include "apiroutetest.h"

#include <QTest>

using namespace ery;
using namespace ery::test;

// Batches (nests) on both tables over real HTTP: creation, operations, the lifecycle.
class TestApiBatches : public ApiRouteTest {
    Q_OBJECT
private slots:
    void batchesOnBothTables();
};

void TestApiBatches::batchesOnBothTables()
{
    TestShop &shop = f->shop();
    Row job = shop.makeJob(shop.scope, "J-BATCH", 2);
    auto tree = f->s().jobs.tree(shop.scope, str(job, "id"));
    const std::string op0 = (*tree)["parts"][0]["operations"][0]["id"], op1 = (*tree)["parts"][0]["operations"][1]["id"];
    auto created = f->call("POST", "/api/v1/batches", key,
                           Json{{"batch_number", "NEST-API"},
                                {"batch_type", "laser_nesting"},
                                {"cell_id", toStd(shop.laser)},
                                {"material", "S235 3mm"},
                                {"thickness_mm", 3},
                                {"operation_ids", {op0}}});
    EXPECT_STATUS(created, 201);
    const QString id = str(created.data()["batch"], "id");
    QVERIFY(created.data()["batch"]["operations_assigned"] == Json(1));
    auto added = f->call("POST", "/functions/v1/api-batch-lifecycle/add-operations?id=" + id, key, Json{{"operation_ids", {op1}}});
    EXPECT_STATUS(added, 200);
    QVERIFY(added.data()["operations_added"] == Json(1));
    auto one = f->call("GET", "/functions/v1/api-batches?id=" + id, key);
    EXPECT_STATUS(one, 200);
    QCOMPARE(one.data()["batch"]["operations"].size(), size_t(2));
    auto list = f->call("GET", "/api/v1/batches?material=s235&status=draft", key);
    EXPECT_STATUS(list, 200);
    QCOMPARE(list.data()["batches"].size(), size_t(1));
    EXPECT_STATUS(f->call("POST", "/api/v1/batches/" + id + "/start", key), 422); // the operator is missing
    auto nester = f->s().users.createOperator(shop.scope, Json{{"full_name", "Nina Nester"}, {"pin", "4321"}});
    QVERIFY(nester);
    auto started = f->call("POST", "/api/v1/batches/" + id + "/start", key, Json{{"operator_id", (*nester)["id"]}});
    EXPECT_STATUS(started, 200);
    QCOMPARE(str(started.data(), "new_status"), QStringLiteral("in_progress"));
    QVERIFY(started.data()["operations_started"] == Json(2));
    QCOMPARE(str(started.data(), "monitoring_source"), QStringLiteral("operator"));
    auto stopped = f->call("POST", "/functions/v1/api-batch-lifecycle/stop?id=" + id, key, Json::object());
    EXPECT_STATUS(stopped, 200);
    QCOMPARE(str(stopped.data(), "status"), QStringLiteral("completed"));
    QCOMPARE(stopped.data()["operations"].size(), size_t(2));
    QVERIFY(stopped.data().contains("total_minutes") && stopped.data().contains("distribution_method"));
    auto again = f->call("POST", "/api/v1/batches/" + id + "/add-operations", key, Json{{"operation_ids", {op0}}});
    EXPECT_STATUS(again, 400);
    QCOMPARE(again.code(), QStringLiteral("INVALID_STATE_TRANSITION"));
    EXPECT_STATUS(f->call("POST", "/api/v1/batches", key, Json{{"batch_number", "NEST-API"}, {"cell_id", toStd(shop.laser)}}), 409);
    EXPECT_STATUS(f->call("PATCH", "/api/v1/batches/" + id, key, Json{{"batch_type", "bogus"}}), 422);
    EXPECT_STATUS(f->call("GET", "/api/v1/batches/" + newId(), key), 404);
}

QTEST_GUILESS_MAIN(TestApiBatches)
#include "tst_apibatches.moc"
