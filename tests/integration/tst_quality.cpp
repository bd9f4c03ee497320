#include "testshop.h"

#include <QTest>

using namespace ery::domain;
using namespace ery::storage;
using namespace ery::services;
using namespace ery;
using namespace ery::test;

class TestQuality : public QObject {
    Q_OBJECT
private slots:
    void issueValidation();
    void standstillParksAndRestores();
    void lastStandstillRestores();
    void completedNeverParked();
    void reviewNeedsNotes();
    void issueTransitions();
    void ncrNumbersAndVerify();
    void notificationsForAdmins();
    void productionReport();
    void productionValidation();
    void scrapOnlyReport();
    void defaultScrapReasonsAreLowercase();
    void substepsAndTemplates();
    void assignments();
    void activityLogged();
};

static Json issueIn(TestShop &shop, int op, bool standstill, const char *severity = "high")
{
    return Json{{"operation_id", toStd(shop.ops[op])},     {"created_by", toStd(shop.op1)},  {"severity", severity}, {"title", "Burr"},
                {"description", "Heavy burr on the edge"}, {"causes_standstill", standstill}};
}

void TestQuality::issueValidation()
{
    auto shop = TestShop::create();
    auto r = shop->s().issues.create(shop->scope, Json{{"severity", "urgent"}, {"issue_type", "general"}, {"ncr_category", "dimensional"}});
    ERY_VERIFY_ERR(r, ErrorCode::ValidationError);
    QStringList fields;
    for (const auto &e : r.error().details)
        fields << str(e, "field");
    for (const char *f : {"operation_id", "description", "severity", "ncr_category"})
        QVERIFY2(fields.contains(f), qPrintable(fields.join(',')));
    // An operation of another tenant is as unknown as a missing one.
    Row other = shop->makeJob(shop->sandbox, "SB-1");
    auto tree = shop->s().jobs.tree(shop->sandbox, str(other, "id"));
    Json in = issueIn(*shop, 0, false);
    in["operation_id"] = (*tree)["parts"][0]["operations"][0]["id"];
    ERY_VERIFY_ERR(shop->s().issues.create(shop->scope, in), ErrorCode::ValidationError);
}

void TestQuality::standstillParksAndRestores()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    ERY_VERIFY_OK(s.operations.start(shop->scope, shop->ops[0], shop->op1));
    auto reported = s.issues.report(shop->scope, issueIn(*shop, 0, true));
    ERY_VERIFY_OK(reported);
    const Row *issue = &reported->issue;
    // The answer carries the operation it parked, as it now is.
    QVERIFY(reported->parkedOperation.has_value());
    QCOMPARE(str(*reported->parkedOperation, "id"), shop->ops[0]);
    QCOMPARE(str(*reported->parkedOperation, "status"), QStringLiteral("on_hold"));
    QCOMPARE(str(shop->op(0), "status"), QStringLiteral("on_hold"));
    QCOMPARE(str(shop->op(0), "status_before_hold"), QStringLiteral("in_progress"));
    QVERIFY(Repositories().openEntriesOfWorker(shop->db(), shop->scope, shop->op1)->empty()); // a parked operation books no time
    QCOMPARE(str(shop->events("operation.paused").back()["payload"]["data"], "reason"), QStringLiteral("standstill"));
    QCOMPARE(str(*issue, "current_cell_id"), shop->laser);
    QCOMPARE(str(*issue, "intended_next_cell_id"), shop->bending);
    ERY_VERIFY_OK(s.issues.approve(shop->scope, str(*issue, "id"), "Deburred by hand"));
    QCOMPARE(str(shop->op(0), "status"), QStringLiteral("in_progress"));
    QVERIFY(shop->op(0)["status_before_hold"].is_null());
    QCOMPARE(str(shop->events("operation.resumed").back()["payload"]["data"], "reason"), QStringLiteral("standstill_released"));

    // A not_started operation comes back as not_started.
    auto i2 = s.issues.create(shop->scope, issueIn(*shop, 1, true));
    ERY_VERIFY_OK(i2);
    QCOMPARE(str(shop->op(1), "status"), QStringLiteral("on_hold"));
    // A report without a standstill parks nothing.
    auto minor = s.issues.report(shop->scope, issueIn(*shop, 2, false));
    ERY_VERIFY_OK(minor);
    QVERIFY(!minor->parkedOperation.has_value());
    ERY_VERIFY_OK(s.issues.reject(shop->scope, str(*i2, "id"), "Not a defect"));
    QCOMPARE(str(shop->op(1), "status"), QStringLiteral("not_started"));
}

void TestQuality::lastStandstillRestores()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    ERY_VERIFY_OK(s.operations.start(shop->scope, shop->ops[0]));
    auto a = s.issues.create(shop->scope, issueIn(*shop, 0, true));
    auto b = s.issues.create(shop->scope, issueIn(*shop, 0, true));
    auto plain = s.issues.create(shop->scope, issueIn(*shop, 0, false));
    ERY_VERIFY_OK(a);
    ERY_VERIFY_OK(b);
    ERY_VERIFY_OK(plain);
    ERY_VERIFY_OK(s.issues.approve(shop->scope, str(*a, "id"), "fixed"));
    QCOMPARE(str(shop->op(0), "status"), QStringLiteral("on_hold")); // b still pending
    ERY_VERIFY_OK(s.issues.approve(shop->scope, str(*plain, "id"), "fine"));
    QCOMPARE(str(shop->op(0), "status"), QStringLiteral("on_hold")); // a non-standstill issue changes nothing
    ERY_VERIFY_OK(s.issues.reject(shop->scope, str(*b, "id"), "duplicate"));
    QCOMPARE(str(shop->op(0), "status"), QStringLiteral("in_progress"));
}

void TestQuality::completedNeverParked()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    ERY_VERIFY_OK(s.operations.start(shop->scope, shop->ops[0]));
    ERY_VERIFY_OK(s.operations.complete(shop->scope, shop->ops[0]));
    ERY_VERIFY_OK(s.issues.create(shop->scope, issueIn(*shop, 0, true)));
    QCOMPARE(str(shop->op(0), "status"), QStringLiteral("completed"));
}

void TestQuality::reviewNeedsNotes()
{
    auto shop = TestShop::create();
    auto issue = shop->s().issues.create(shop->scope, issueIn(*shop, 0, false));
    auto r = shop->s().issues.approve(shop->scope, str(*issue, "id"), "  ");
    ERY_VERIFY_ERR(r, ErrorCode::ValidationError);
    QCOMPARE(str(r.error().details[0], "field"), QStringLiteral("resolution_notes"));
    ERY_VERIFY_ERR(shop->s().issues.reject(shop->scope, str(*issue, "id"), {}), ErrorCode::ValidationError);
}

void TestQuality::issueTransitions()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    auto i = s.issues.create(shop->scope, issueIn(*shop, 0, false));
    const QString id = str(*i, "id");
    ERY_VERIFY_ERR(s.issues.close(shop->scope, id), ErrorCode::InvalidStateTransition); // pending cannot close
    auto t = s.issues.approve(shop->scope, id, "ok");
    ERY_VERIFY_OK(t);
    QCOMPARE(t->previousStatus, QStringLiteral("pending"));
    QCOMPARE(str(t->row, "reviewed_by"), shop->admin);
    QVERIFY(!str(t->row, "reviewed_at").isEmpty());
    ERY_VERIFY_ERR(s.issues.approve(shop->scope, id, "again"), ErrorCode::InvalidStateTransition);
    ERY_VERIFY_ERR(s.issues.reject(shop->scope, id, "again"), ErrorCode::InvalidStateTransition);
    ERY_VERIFY_OK(s.issues.close(shop->scope, id));
    ERY_VERIFY_ERR(s.issues.close(shop->scope, id), ErrorCode::InvalidStateTransition);
    QCOMPARE(shop->eventCount("issue.created"), 1);
    QCOMPARE(shop->eventCount("issue.approved"), 1);
    QCOMPARE(shop->eventCount("issue.closed"), 1);
}

void TestQuality::ncrNumbersAndVerify()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    Json in = issueIn(*shop, 0, false);
    in["issue_type"] = "ncr";
    in["ncr_category"] = "dimensional";
    in["disposition"] = "rework";
    in["affected_quantity"] = 3;
    auto a = s.issues.create(shop->scope, in);
    auto b = s.issues.create(shop->scope, in);
    ERY_VERIFY_OK(a);
    QCOMPARE(str(*a, "ncr_number"), QStringLiteral("NCR-00001"));
    QCOMPARE(str(*b, "ncr_number"), QStringLiteral("NCR-00002"));
    QCOMPARE(shop->eventCount("ncr.created"), 2);
    in["ncr_category"] = "material"; // the original validator's list, not the schema's
    ERY_VERIFY_ERR(s.issues.create(shop->scope, in), ErrorCode::ValidationError);
    ERY_VERIFY_OK(s.issues.verifyNcr(shop->scope, str(*a, "id")));
    ERY_VERIFY_ERR(s.issues.verifyNcr(shop->scope, str(*a, "id")), ErrorCode::InvalidStateTransition);
    QCOMPARE(shop->eventCount("ncr.verified"), 1);
    auto general = s.issues.create(shop->scope, issueIn(*shop, 0, false));
    ERY_VERIFY_ERR(s.issues.verifyNcr(shop->scope, str(*general, "id")), ErrorCode::BadRequest);
}

void TestQuality::notificationsForAdmins()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    ERY_VERIFY_OK(s.issues.create(shop->scope, issueIn(*shop, 0, false, "critical")));
    auto list = s.notifications.list(shop->scope, shop->admin, ListQuery{});
    ERY_VERIFY_OK(list);
    QCOMPARE(list->total, 1);
    const Row n = list->rows.front();
    QCOMPARE(str(n, "severity"), QStringLiteral("high")); // critical maps to high
    QCOMPARE(str(n, "type"), QStringLiteral("issue"));
    // Operators get none of these.
    QCOMPARE(s.notifications.list(shop->scope, shop->op1, ListQuery{})->total, 0);
    ERY_VERIFY_OK(s.notifications.togglePin(shop->scope, str(n, "id")));
    auto read = s.notifications.markRead(shop->scope, str(n, "id"));
    QVERIFY(flag(*read, "read"));
    QVERIFY(flag(*read, "pinned"));
    ERY_VERIFY_OK(s.issues.create(shop->scope, issueIn(*shop, 0, false, "low")));
    QCOMPARE(*s.notifications.markAllRead(shop->scope, shop->admin), 1);
    ERY_VERIFY_OK(s.notifications.dismiss(shop->scope, str(n, "id")));
}

void TestQuality::productionReport()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    ERY_VERIFY_OK(s.catalog.seedDefaultScrapReasons(shop->scope));
    auto reasons = s.catalog.list(CatalogService::ScrapReasons, shop->scope, ListQuery{});
    const QString r1 = str(reasons->rows[0], "id"), r2 = str(reasons->rows[1], "id");
    auto q = s.production.report(
        shop->scope, Json{{"operation_id", toStd(shop->ops[0])},
                          {"quantity_good", 7},
                          {"quantity_rework", 1},
                          {"quantity_scrap", 3},
                          {"recorded_by", toStd(shop->op1)},
                          {"scrap_lines", Json::array({{{"scrap_reason_id", toStd(r1)}, {"quantity", 2}},
                                                       {{"scrap_reason_id", toStd(r2)}, {"quantity", 1}, {"notes", "bent"}}})}});
    ERY_VERIFY_OK(q);
    QCOMPARE(num(*q, "quantity_produced"), 11);
    auto got = s.production.get(shop->scope, str(*q, "id"));
    QCOMPARE(int((*got)["scrap_lines"].size()), 2);
    QCOMPARE(shop->eventCount("production.quantity_reported"), 1);
    QCOMPARE(shop->eventCount("production.scrap_recorded"), 1);
    auto ev = shop->events("production.scrap_recorded").back()["payload"]["data"];
    QCOMPARE(int(ev["scrap_reasons"].size()), 2);
    QCOMPARE(str(ev, "job_number"), QStringLiteral("J-100"));
    auto t = s.production.totals(shop->scope, shop->ops[0]);
    QCOMPARE(num(*t, "good"), 7);
    QCOMPARE((*t)["yield_percent"].get<double>(), 100.0 * 7 / 11);
    // Without scrap no scrap event.
    ERY_VERIFY_OK(s.production.report(shop->scope, Json{{"operation_id", toStd(shop->ops[0])}, {"quantity_good", 1}}));
    QCOMPARE(shop->eventCount("production.scrap_recorded"), 1);
}

void TestQuality::productionValidation()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    ERY_VERIFY_OK(s.catalog.seedDefaultScrapReasons(shop->scope));
    auto reasons = s.catalog.list(CatalogService::ScrapReasons, shop->scope, ListQuery{});
    const QString r1 = str(reasons->rows[0], "id");
    const qint64 before = shop->outboxCount();
    ERY_VERIFY_ERR(s.production.report(shop->scope, Json{{"operation_id", toStd(shop->ops[0])}, {"quantity_good", -1}}),
                   ErrorCode::ValidationError);
    ERY_VERIFY_ERR(s.production.report(shop->scope, Json{{"operation_id", toStd(shop->ops[0])}}), ErrorCode::ValidationError);
    auto sum = s.production.report(shop->scope, Json{{"operation_id", toStd(shop->ops[0])},
                                                     {"quantity_scrap", 3},
                                                     {"scrap_lines", Json::array({{{"scrap_reason_id", toStd(r1)}, {"quantity", 2}}})}});
    ERY_VERIFY_ERR(sum, ErrorCode::ValidationError);
    QVERIFY(sum.error().message.contains("add up"));
    ERY_VERIFY_OK(s.catalog.update(CatalogService::ScrapReasons, shop->scope, r1, Json{{"active", false}}));
    ERY_VERIFY_ERR(
        s.production.report(shop->scope, Json{{"operation_id", toStd(shop->ops[0])},
                                              {"quantity_scrap", 1},
                                              {"scrap_lines", Json::array({{{"scrap_reason_id", toStd(r1)}, {"quantity", 1}}})}}),
        ErrorCode::ValidationError);
    QCOMPARE(shop->outboxCount(), before + 1); // only the reason's own update
    QCOMPARE(s.production.list(shop->scope, ListQuery{})->total, 0);
}

void TestQuality::scrapOnlyReport()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    ERY_VERIFY_OK(s.catalog.seedDefaultScrapReasons(shop->scope));
    auto reasons = s.catalog.list(CatalogService::ScrapReasons, shop->scope, ListQuery{});
    auto q = s.production.reportScrap(shop->scope, shop->ops[0], 4, str(reasons->rows[0], "id"), "cracked");
    ERY_VERIFY_OK(q);
    QCOMPARE(num(*q, "quantity_produced"), 4);
    QCOMPARE(num(*q, "quantity_good"), 0);
    auto lines = s.production.get(shop->scope, str(*q, "id"));
    QCOMPARE(int((*lines)["scrap_lines"].size()), 1); // the same junction rows as the terminal writes
}

void TestQuality::defaultScrapReasonsAreLowercase()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    ERY_VERIFY_OK(s.catalog.seedDefaultScrapReasons(shop->scope));
    ERY_VERIFY_OK(s.catalog.seedDefaultScrapReasons(shop->scope)); // twice changes nothing
    auto reasons = s.catalog.list(CatalogService::ScrapReasons, shop->scope, ListQuery{});
    QCOMPARE(reasons->total, 14);
    for (const auto &r : reasons->rows)
        QVERIFY(domain::isScrapCategory(str(r, "category")));
    ERY_VERIFY_ERR(
        s.catalog.create(CatalogService::ScrapReasons, shop->scope, Json{{"code", "X"}, {"description", "x"}, {"category", "Material"}}),
        ErrorCode::ValidationError);
}

void TestQuality::substepsAndTemplates()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    auto a = s.substeps.add(shop->scope, Json{{"operation_id", toStd(shop->ops[0])}, {"name", "Check drawing"}});
    ERY_VERIFY_OK(a);
    QCOMPARE(num(*a, "sequence"), 1);
    QCOMPARE(shop->eventCount("step.added"), 1);
    Scope actor = shop->scope;
    actor.actorId = shop->op1;
    ERY_VERIFY_OK(s.substeps.setStatus(actor, str(*a, "id"), "in_progress"));
    auto done = s.substeps.setStatus(actor, str(*a, "id"), "completed");
    ERY_VERIFY_OK(done);
    QCOMPARE(str(*done, "completed_by"), shop->op1);
    QCOMPARE(shop->eventCount("step.completed"), 1);
    auto back = s.substeps.setStatus(actor, str(*a, "id"), "not_started");
    QVERIFY((*back)["completed_at"].is_null());
    ERY_VERIFY_ERR(s.substeps.setStatus(actor, str(*a, "id"), "done"), ErrorCode::ValidationError);

    auto tpl = s.catalog.create(CatalogService::SubstepTemplates, shop->scope, Json{{"name", "Laser checklist"}});
    ERY_VERIFY_OK(tpl);
    ERY_VERIFY_OK(s.catalog.addTemplateItem(shop->scope, str(*tpl, "id"), Json{{"name", "Load sheet"}, {"sequence", 1}}));
    ERY_VERIFY_OK(s.catalog.addTemplateItem(shop->scope, str(*tpl, "id"), Json{{"name", "Run program"}, {"sequence", 2}}));
    ERY_VERIFY_ERR(s.catalog.addTemplateItem(shop->scope, str(*tpl, "id"), Json{{"name", "Dup"}, {"sequence", 2}}), ErrorCode::Conflict);
    auto applied = s.substeps.applyTemplate(shop->scope, str(*tpl, "id"), shop->ops[1]);
    ERY_VERIFY_OK(applied);
    QCOMPARE(int(applied->size()), 2);
    QCOMPARE(s.substeps.list(shop->scope, ListQuery{{{"operation_id", shop->ops[1]}}})->total, 2);
}

void TestQuality::assignments()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    auto a =
        s.assignments.assign(shop->scope, Json{{"part_id", toStd(shop->partId)}, {"operator_id", toStd(shop->op2)}, {"notes", "rush"}});
    ERY_VERIFY_OK(a);
    QCOMPARE(str(*a, "job_id"), shop->jobId);
    QCOMPARE(str(shop->op(0), "assigned_operator_id"), shop->op2);
    QCOMPARE(s.notifications.list(shop->scope, shop->op2, ListQuery{})->total, 1);
    ERY_VERIFY_OK(s.assignments.setStatus(shop->scope, str(*a, "id"), "accepted"));
    ERY_VERIFY_ERR(s.assignments.setStatus(shop->scope, str(*a, "id"), "assigned"), ErrorCode::InvalidStateTransition);
    ERY_VERIFY_OK(s.assignments.remove(shop->scope, str(*a, "id")));
}

void TestQuality::activityLogged()
{
    auto shop = TestShop::create();
    auto &s = shop->s();
    ERY_VERIFY_OK(s.operations.start(shop->scope, shop->ops[0]));
    auto log = s.activity.list(shop->scope, ListQuery{});
    ERY_VERIFY_OK(log);
    QVERIFY(log->total > 0);
    QCOMPARE(str(log->rows.front(), "entity_type"), QStringLiteral("operation"));
    QCOMPARE(str(log->rows.front(), "action"), QStringLiteral("start"));
    QCOMPARE(str(log->rows.front(), "user_id"), shop->admin);
}

QTEST_GUILESS_MAIN(TestQuality)
#include "tst_quality.moc"
