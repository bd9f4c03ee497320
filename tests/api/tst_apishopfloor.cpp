#include "apiroutetest.h"

#include <QTest>

using namespace ery;
using namespace ery::test;

// What the floor records, on both tables over real HTTP: operators, time entries, substeps,
// assignments, issues and production reports.
class TestApiShopFloor : public ApiRouteTest {
    Q_OBJECT
private slots:
    void operators();
    void pinResetAndUnlockAreAnAdminsAndOnlyForOperators();
    void timeEntries();
    void substepsAndAssignments();
    void issuesAndProduction();
};

void TestApiShopFloor::operators()
{
    auto list = f->call("GET", "/api/v1/operators", key);
    EXPECT_STATUS(list, 200);
    QVERIFY(list.data()["operators"].size() >= 2);
    for (const auto &o : list.data()["operators"]) {
        QCOMPARE(str(o, "role"), QStringLiteral("operator"));
        QVERIFY(!o.contains("pin_hash") && !o.contains("password_hash"));
    }
    EXPECT_STATUS(f->call("GET", "/api/v1/operators/" + f->shop().admin, key), 404); // an admin is no operator
    auto c = f->call("POST", "/functions/v1/api-operators", key, Json{{"full_name", "New Op"}, {"pin", "12"}});
    EXPECT_STATUS(c, 422);
    auto ok = f->call("POST", "/api/v1/operators", key, Json{{"full_name", "New Op"}, {"pin", "2468"}});
    EXPECT_STATUS(ok, 201);
    const QString id = str(ok.data()["operator"], "id");
    EXPECT_STATUS(f->call("PATCH", "/api/v1/operators/" + id, key, Json{{"full_name", "Renamed"}}), 200);
    EXPECT_STATUS(f->call("DELETE", "/api/v1/operators/" + id, key), 200);
    QCOMPARE(f->call("GET", "/api/v1/operators/" + id, key).data()["operator"]["active"].get<bool>(), false);
}

void TestApiShopFloor::pinResetAndUnlockAreAnAdminsAndOnlyForOperators()
{
    const QString op = f->shop().op1;
    const domain::Scope scope = domain::Scope::of(f->shop().tenantId);
    // Five wrong PINs lock the operator.
    auto &users = f->s().users;
    for (int i = 0; i < 5; ++i)
        QVERIFY(!users.verifyPin(scope, str(*users.get(scope, op), "employee_id"), QStringLiteral("0000")));
    QVERIFY(!str(*users.get(scope, op), "locked_until").isEmpty());

    // A read_write key is not enough: these are an admin's.
    EXPECT_STATUS(f->call("POST", "/api/v1/operators/" + op + "/unlock", key), 403);
    EXPECT_STATUS(f->call("POST", "/api/v1/operators/" + op + "/reset-pin", key, Json{{"pin", "1357"}}), 403);
    auto unlocked = f->call("POST", "/api/v1/operators/" + op + "/unlock", admin);
    EXPECT_STATUS(unlocked, 200);
    QVERIFY(unlocked.data()["operator"]["locked_until"].is_null());
    QVERIFY(!unlocked.data()["operator"].contains("pin_hash"));

    // Bad PINs and bodies are refused with the field named; nothing changes.
    for (const Json &bad : {Json{{"pin", "12"}}, Json{{"pin", "1234567"}}, Json{{"pin", "12a4"}}, Json{{"pin", 1234}}, Json::object()}) {
        auto r = f->call("POST", "/api/v1/operators/" + op + "/reset-pin", admin, bad);
        EXPECT_STATUS(r, 422);
        QVERIFY2(r.raw.contains("pin"), r.raw.constData());
    }
    EXPECT_STATUS(f->callRaw("POST", "/api/v1/operators/" + op + "/reset-pin", admin, QByteArray("{\"pin\":")), 400);
    auto reset = f->call("POST", "/api/v1/operators/" + op + "/reset-pin", admin, Json{{"pin", "1357"}});
    EXPECT_STATUS(reset, 200);
    QVERIFY(users.verifyPin(scope, str(*users.get(scope, op), "employee_id"), QStringLiteral("1357")));

    // Not an operator, not found, another shop's: 404 alike.
    EXPECT_STATUS(f->call("POST", "/api/v1/operators/" + f->shop().admin + "/unlock", admin), 404);
    EXPECT_STATUS(f->call("POST", "/api/v1/operators/00000000-0000-4000-8000-000000000000/reset-pin", admin, Json{{"pin", "1357"}}), 404);
    EXPECT_STATUS(f->call("POST", "/api/v1/operators/not-a-uuid/unlock", admin), 404);
}

void TestApiShopFloor::timeEntries()
{
    const QString op = f->shop().ops.at(1);
    auto e = f->call("POST", "/api/v1/time-entries", key, Json{{"operator_id", toStd(f->shop().op2)}, {"operation_id", toStd(op)}});
    EXPECT_STATUS(e, 201);
    const QString id = str(e.data()["time_entry"], "id");
    EXPECT_STATUS(f->call("POST", "/api/v1/time-entries", key, Json{{"operator_id", "x"}}), 422);
    EXPECT_STATUS(f->call("POST", "/api/v1/time-entries/" + id + "/pause", key), 200);
    EXPECT_STATUS(f->call("POST", "/functions/v1/api-time-entries/resume?id=" + id, key), 200);
    auto stop = f->call("POST", "/api/v1/time-entries/" + id + "/stop", key);
    EXPECT_STATUS(stop, 200);
    QVERIFY(!stop.data()["time_entry"]["end_time"].is_null());
    EXPECT_STATUS(f->call("GET", "/api/v1/time-entries/" + id, key), 200);
    EXPECT_STATUS(f->call("GET", "/functions/v1/api-time-entries?id=" + id, key), 200);
    QVERIFY(
        f->call("GET", "/api/v1/time-entries?operator_id=" + f->shop().op2 + "&start_date=2000-01-01", key).data()["time_entries"].size() >=
        1);
    QCOMPARE(f->call("GET", "/api/v1/time-entries?end_date=2000-01-01", key).data()["time_entries"].size(), size_t(0));
    EXPECT_STATUS(f->call("DELETE", "/api/v1/time-entries/" + id, key), 405);
}

void TestApiShopFloor::substepsAndAssignments()
{
    const QString op = f->shop().ops.at(2);
    auto s = f->call("POST", "/api/v1/substeps", key, Json{{"operation_id", toStd(op)}, {"name", "Check"}});
    EXPECT_STATUS(s, 201);
    const QString sid = str(s.data()["substep"], "id");
    auto done = f->call("PATCH", "/functions/v1/api-substeps?id=" + sid, key, Json{{"status", "completed"}});
    EXPECT_STATUS(done, 200);
    QCOMPARE(str(done.data()["substep"], "status"), QStringLiteral("completed"));
    EXPECT_STATUS(f->call("PATCH", "/api/v1/substeps/" + sid, key, Json{{"status", "exploded"}}), 422);
    EXPECT_STATUS(f->call("GET", "/api/v1/substeps/" + sid, key), 200);
    QCOMPARE(f->call("GET", "/api/v1/substeps?operation_id=" + op, key).data()["substeps"].size(), size_t(1));
    EXPECT_STATUS(f->call("DELETE", "/api/v1/substeps/" + sid, key), 200);
    EXPECT_STATUS(f->call("GET", "/api/v1/substeps/" + sid, key), 404);

    auto a = f->call("POST", "/api/v1/assignments", key, Json{{"part_id", toStd(f->shop().partId)}, {"operator_id", toStd(f->shop().op1)}});
    EXPECT_STATUS(a, 201);
    const QString aid = str(a.data()["assignment"], "id");
    EXPECT_STATUS(f->call("PATCH", "/api/v1/assignments/" + aid, key, Json{{"status", "accepted"}}), 200);
    EXPECT_STATUS(f->call("PATCH", "/api/v1/assignments/" + aid, key, Json{{"status", "assigned"}}), 400);
    QCOMPARE(f->call("GET", "/functions/v1/api-assignments?operator_id=" + f->shop().op1, key).data()["assignments"].size(), size_t(1));
    EXPECT_STATUS(f->call("DELETE", "/functions/v1/api-assignments?id=" + aid, key), 200);
}

void TestApiShopFloor::issuesAndProduction()
{
    const QString op = f->shop().ops.at(2);
    auto i =
        f->call("POST", "/api/v1/issues", key,
                Json{{"operation_id", toStd(op)}, {"created_by", toStd(f->shop().op1)}, {"severity", "high"}, {"description", "Burr"}});
    EXPECT_STATUS(i, 201);
    const QString iid = str(i.data()["issue"], "id");
    auto missing = f->call("POST", "/api/v1/issues", key, Json{{"severity", "huge"}});
    EXPECT_STATUS(missing, 422);
    QVERIFY(missing.body["error"]["details"].size() >= 3);
    auto ap = f->call("POST", "/api/v1/issues/" + iid + "/approve", key, Json{{"resolution_notes", "Rework it"}});
    EXPECT_STATUS(ap, 200);
    QCOMPARE(str(ap.data(), "previous_status"), QStringLiteral("pending"));
    QCOMPARE(str(ap.data(), "new_status"), QStringLiteral("approved"));
    EXPECT_STATUS(f->call("POST", "/functions/v1/api-issues/reject?id=" + iid, key, Json{{"notes", "no"}}), 400);
    EXPECT_STATUS(f->call("POST", "/functions/v1/api-issues/close?id=" + iid, key), 200);
    QCOMPARE(f->call("GET", "/api/v1/issues?status=closed", key).data()["issues"].size(), size_t(1));
    auto ncr = f->call("POST", "/functions/v1/api-issues", key,
                       Json{{"operation_id", toStd(op)},
                            {"created_by", toStd(f->shop().op1)},
                            {"severity", "low"},
                            {"description", "Dim"},
                            {"issue_type", "ncr"},
                            {"ncr_category", "dimensional"}});
    EXPECT_STATUS(ncr, 201);
    QVERIFY(str(ncr.data()["issue"], "ncr_number").startsWith("NCR-"));
    EXPECT_STATUS(f->call("PATCH", "/api/v1/issues/" + str(ncr.data()["issue"], "id"), key, Json{{"root_cause", "Tool wear"}}), 200);

    QVERIFY(f->s().catalog.seedDefaultScrapReasons(f->shop().scope));
    auto reasons = f->call("GET", "/api/v1/scrap-reasons?limit=2", key).data()["scrap_reasons"];
    auto rep = f->call("POST", "/api/v1/production", key,
                       Json{{"operation_id", toStd(op)},
                            {"quantity_good", 8},
                            {"quantity_scrap", 2},
                            {"scrap_lines", Json::array({{{"scrap_reason_id", reasons[0]["id"]}, {"quantity", 1}},
                                                         {{"scrap_reason_id", reasons[1]["id"]}, {"quantity", 1}}})}});
    EXPECT_STATUS(rep, 201);
    QCOMPARE(f->call("GET", "/api/v1/production?operation_id=" + op, key).data()["operation_quantities"].size(), size_t(1));
    QCOMPARE(num(rep.data()["operation_quantity"], "quantity_produced"), 10);
    QCOMPARE(rep.data()["operation_quantity"]["scrap_lines"].size(), size_t(2));
    EXPECT_STATUS(f->call("POST", "/functions/v1/api-operation-quantities", key, Json{{"operation_id", toStd(op)}, {"quantity_good", 1}}),
                  201);
    auto bad =
        f->call("POST", "/api/v1/production", key, Json{{"operation_id", toStd(op)}, {"quantity_good", -1}, {"quantity_scrap", "x"}});
    EXPECT_STATUS(bad, 422);
    QCOMPARE(bad.body["error"]["details"].size(), size_t(2));
    QCOMPARE(f->call("GET", "/api/v1/production?has_scrap=true", key).data()["operation_quantities"].size(), size_t(1));
    // The reports above are on J-100; the job and its only part see the same reports.
    const size_t ofJob = f->call("GET", "/api/v1/production?job_id=" + f->shop().jobId, key).data()["operation_quantities"].size();
    QVERIFY(ofJob >= 2);
    QCOMPARE(f->call("GET", "/api/v1/production?part_id=" + f->shop().partId, key).data()["operation_quantities"].size(), ofJob);
    QCOMPARE(
        f->call("GET", "/api/v1/production?job_id=" + f->shop().jobId + "&operation_id=" + op, key).data()["operation_quantities"].size(),
        size_t(2));
    QCOMPARE(f->call("GET", "/api/v1/production?part_id=" + newId(), key).data()["operation_quantities"].size(), size_t(0));
    auto one = f->call("GET", "/functions/v1/api-operation-quantities?id=" + str(rep.data()["operation_quantity"], "id"), key);
    EXPECT_STATUS(one, 200);
    QCOMPARE(one.data()["operation_quantity"]["scrap_lines"].size(), size_t(2));
}

QTEST_GUILESS_MAIN(TestApiShopFloor)
#include "tst_apishopfloor.moc"
