#include "apiroutetest.h"

#include <QTest>

using namespace ery;
using namespace ery::test;

// Parts, operations (their lifecycle books time) and the catalogue (cells, resources, materials,
// scrap reasons, substep templates) on both tables, over real HTTP.
class TestApiParts : public ApiRouteTest {
    Q_OBJECT
private slots:
    void operationLifecycleBooksTime();
    void partsOperationsAndCatalogue();
};

void TestApiParts::operationLifecycleBooksTime()
{
    const QString op = f->shop().ops.at(0);
    const QString worker = f->shop().op1;
    auto s = f->call("POST", "/api/v1/operations/" + op + "/start", key, Json{{"operator_id", toStd(worker)}});
    EXPECT_STATUS(s, 200);
    QCOMPARE(str(s.data(), "new_status"), QStringLiteral("in_progress"));
    QCOMPARE(s.data()["time_entry_created"].get<bool>(), true);
    auto open = f->call("GET", "/api/v1/time-entries?operation_id=" + op, key);
    QCOMPARE(open.data()["time_entries"].size(), size_t(1));
    QVERIFY(open.data()["time_entries"][0]["end_time"].is_null());
    auto p = f->call("POST", "/functions/v1/api-operation-lifecycle/pause?id=" + op, key);
    EXPECT_STATUS(p, 200);
    QCOMPARE(p.data()["time_entry_ended"].get<bool>(), true);
    QCOMPARE(str(p.data(), "operation_type"), QStringLiteral("pause"));
    auto r = f->call("POST", "/functions/v1/api-operation-lifecycle/resume?id=" + op + "&user_id=" + worker, key);
    EXPECT_STATUS(r, 200);
    QCOMPARE(r.data()["time_entry_created"].get<bool>(), true);
    auto bad = f->call("POST", "/api/v1/operations/" + op + "/start", key, Json{{"operator_id", "nope"}});
    EXPECT_STATUS(bad, 422);
    auto c = f->call("POST", "/api/v1/operations/" + op + "/complete", key, Json{{"operator_id", toStd(worker)}});
    EXPECT_STATUS(c, 200);
    QCOMPARE(str(c.data(), "new_status"), QStringLiteral("completed"));
    auto again = f->call("POST", "/api/v1/operations/" + op + "/complete", key);
    EXPECT_STATUS(again, 400);
    QCOMPARE(again.code(), QStringLiteral("INVALID_STATE_TRANSITION"));
}

void TestApiParts::partsOperationsAndCatalogue()
{
    auto part = f->call("POST", "/api/v1/parts", key,
                        Json{{"job_id", toStd(f->shop().jobId)},
                             {"part_number", "P-NEW"},
                             {"material", "Alu"},
                             {"quantity", 3},
                             {"operations", Json::array({{{"operation_name", "Deburr"}, {"cell_name", "Welding"}}})}});
    EXPECT_STATUS(part, 201);
    const QString partId = str(part.data()["part"], "id");
    QCOMPARE(part.data()["part"]["operations"].size(), size_t(1));
    QCOMPARE(f->call("GET", "/api/v1/parts?job_id=" + f->shop().jobId, key).data()["parts"].size(), size_t(2));
    EXPECT_STATUS(f->call("GET", "/functions/v1/api-parts?id=" + partId, key), 200);
    EXPECT_STATUS(f->call("PATCH", "/api/v1/parts/" + partId, key, Json{{"notes", "n"}}), 200);

    auto op =
        f->call("POST", "/api/v1/operations", key,
                Json{{"part_id", toStd(partId)}, {"cell_id", toStd(f->shop().laser)}, {"operation_name", "Mark"}, {"estimated_time", 5}});
    EXPECT_STATUS(op, 201);
    const QString opId = str(op.data()["operation"], "id");
    QCOMPARE(f->call("GET", "/api/v1/operations?part_id=" + partId + "&sort=sequence", key).data()["operations"].size(), size_t(2));
    EXPECT_STATUS(f->call("PATCH", "/functions/v1/api-operations?id=" + opId, key, Json{{"notes", "x"}}), 200);
    EXPECT_STATUS(f->call("DELETE", "/api/v1/operations/" + opId, key), 200);
    EXPECT_STATUS(f->call("GET", "/api/v1/operations/" + opId, key), 404);
    EXPECT_STATUS(f->call("DELETE", "/api/v1/parts/" + partId, key), 200);

    auto cell = f->call("POST", "/api/v1/cells", key, Json{{"name", "Paint"}, {"sequence", 9}});
    EXPECT_STATUS(cell, 201);
    EXPECT_STATUS(f->call("POST", "/functions/v1/api-cells", key, Json{{"name", "Paint"}}), 409);
    EXPECT_STATUS(f->call("PATCH", "/api/v1/cells/" + str(cell.data()["cell"], "id"), key, Json{{"active", false}}), 200);
    QCOMPARE(f->call("GET", "/api/v1/cells?active=false", key).data()["cells"].size(), size_t(1));
    EXPECT_STATUS(f->call("DELETE", "/api/v1/cells/" + str(cell.data()["cell"], "id"), key), 200);

    auto res = f->call("POST", "/api/v1/resources", key, Json{{"name", "Press 1"}, {"type", "machine"}, {"status", "available"}});
    EXPECT_STATUS(res, 201);
    EXPECT_STATUS(f->call("POST", "/api/v1/resources", key, Json{{"name", "Press 2"}, {"status", "broken"}}), 422);
    QCOMPARE(f->call("GET", "/functions/v1/api-resources?type=machine", key).data()["resources"].size(), size_t(1));
    EXPECT_STATUS(f->call("DELETE", "/api/v1/resources/" + str(res.data()["resource"], "id"), key), 200);
    QCOMPARE(f->call("GET", "/api/v1/resources", key).data()["resources"].size(), size_t(0)); // soft deleted

    EXPECT_STATUS(f->call("POST", "/api/v1/materials", key, Json{{"name", "S355"}}), 201);
    QCOMPARE(f->call("GET", "/functions/v1/api-materials", key).data()["materials"].size(), size_t(1));

    auto sr = f->call("POST", "/api/v1/scrap-reasons", key, Json{{"code", "X-1"}, {"description", "Scratch"}, {"category", "process"}});
    EXPECT_STATUS(sr, 201);
    EXPECT_STATUS(f->call("PATCH", "/api/v1/scrap-reasons/" + str(sr.data()["scrap_reason"], "id"), key, Json{{"active", false}}), 200);
    QCOMPARE(f->call("GET", "/api/v1/scrap-reasons", key).data()["scrap_reasons"].size(), size_t(0)); // active only by default
    QCOMPARE(f->call("GET", "/functions/v1/api-scrap-reasons?active=false", key).data()["scrap_reasons"].size(), size_t(1));

    auto tpl = f->call("POST", "/api/v1/substep-templates", key, Json{{"name", "Weld check"}});
    EXPECT_STATUS(tpl, 201);
    const QString tplId = str(tpl.data()["substep_template"], "id");
    EXPECT_STATUS(f->call("POST", "/api/v1/substep-templates/" + tplId + "/items", key, Json{{"name", "Visual"}, {"sequence", 1}}), 201);
    auto t = f->call("GET", "/functions/v1/api-templates?id=" + tplId, key);
    EXPECT_STATUS(t, 200);
    QCOMPARE(t.data()["substep_template"]["items"].size(), size_t(1));
}

QTEST_GUILESS_MAIN(TestApiParts)
#include "tst_apiparts.moc"
