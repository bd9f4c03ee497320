#include "demoshop.h"

#include "services.h"

#include <QDateTime>

#include <algorithm>
#include <QTimeZone>
#include <QFile>
#include "storage/repositories.h"

using namespace ery::domain;
using namespace ery::storage;

namespace ery::services {

namespace {

Result<Json> demoData()
{
    QFile f(QStringLiteral(":/eryxon/resources/demo/demo-shop.json"));
    if (!f.open(QIODevice::ReadOnly))
        return Error::internal(QStringLiteral("the demo shop data is missing from the build"));
    return parseJson(f.readAll());
}

QString dayFromNow(int days)
{
    const QDate d = QDateTime::fromMSecsSinceEpoch(Clock::nowMs(), Qt::UTC).date().addDays(days);
    return QDateTime(d, QTime(15, 0), Qt::UTC).toString(Qt::ISODateWithMs);
}

// The demo's work was all done a moment ago; spread it over the last two weeks, so the dashboard's
// daily charts show a shop at work rather than one busy day. The oldest jobs were done first and
// each part's steps in their order; each step took about its estimate (80–130 %), booked as such.
// `finished` holds the completed operations in the order they were done, with their estimates.
struct Finished {
    QString operationId;
    int estimate = 0;
};

Status spreadHistory(storage::Database &db, const Scope &scope, const std::vector<Finished> &finished)
{
    constexpr qint64 kMinute = 60 * 1000, kDay = 24 * 60 * kMinute;
    constexpr int kDays = 14;
    const qint64 now = Clock::nowMs();
    const qsizetype n = qsizetype(finished.size());
    auto dayBack = [n](qsizetype i) { return kDays - 1 - int(i * kDays / std::max<qsizetype>(n, 1)); };
    QHash<int, int> perDay;
    for (qsizetype i = 0; i < n; ++i)
        ++perDay[dayBack(i)];
    QHash<int, int> seen;
    quint32 r = 7;
    for (qsizetype i = 0; i < n; ++i) {
        const int back = dayBack(i);
        const int later = perDay.value(back) - seen[back]++; // the day's last step ends 20 min before now's hour
        const qint64 end = now - back * kDay - later * 20 * kMinute;
        r = r * 1664525u + 1013904223u;
        const int minutes = std::max(1, finished[size_t(i)].estimate * (80 + int((r >> 8) % 51)) / 100);
        const QString endAt = isoOf(end), startAt = isoOf(end - minutes * kMinute);
        const QString id = finished[size_t(i)].operationId;
        ERY_TRY(db.exec(QStringLiteral("UPDATE operations SET started_at = ?, completed_at = ?, actual_time = ? WHERE tenant_id = ? AND id = ?"),
                        {startAt, endAt, minutes, scope.tenantId, id}));
        ERY_TRY(db.exec(QStringLiteral("UPDATE time_entries SET start_time = ?, end_time = ?, duration = ?, created_at = ? "
                                       "WHERE tenant_id = ? AND operation_id = ? AND end_time IS NOT NULL"),
                        {startAt, endAt, minutes, startAt, scope.tenantId, id}));
        ERY_TRY(db.exec(QStringLiteral("UPDATE operation_quantities SET recorded_at = ?, created_at = ? WHERE tenant_id = ? AND operation_id = ?"),
                        {endAt, endAt, scope.tenantId, id}));
    }
    // Parts and jobs finished when their last step did, and jobs started with their first.
    ERY_TRY(db.exec(QStringLiteral("UPDATE parts SET completed_at = (SELECT MAX(o.completed_at) FROM operations o WHERE o.part_id = parts.id) "
                                   "WHERE tenant_id = ? AND completed_at IS NOT NULL"),
                    {scope.tenantId}));
    ERY_TRY(db.exec(QStringLiteral("UPDATE jobs SET completed_at = (SELECT MAX(p.completed_at) FROM parts p WHERE p.job_id = jobs.id) "
                                   "WHERE tenant_id = ? AND completed_at IS NOT NULL"),
                    {scope.tenantId}));
    return db.exec(QStringLiteral("UPDATE jobs SET started_at = (SELECT MIN(o.started_at) FROM operations o JOIN parts p ON p.id = o.part_id "
                                  "WHERE p.job_id = jobs.id AND o.started_at IS NOT NULL) WHERE tenant_id = ? AND started_at IS NOT NULL"),
                   {scope.tenantId});
}

// A small deterministic generator so the demo looks the same on every machine.
struct Lcg {
    quint32 s = 20261125;
    int next(int n)
    {
        s = s * 1664525u + 1013904223u;
        return int((s >> 8) % quint32(n));
    }
};

// The demo's drawings (<drawing_no>.pdf, one per product) and its NCR photo are made at build time
// by tools/demo-files and compiled in; a name the build did not make is an error of the build.
Status attachDemoFile(Services &s, const Scope &scope, const FileService::Owner &owner, const QString &name, const QString &type)
{
    QFile f(QStringLiteral(":/eryxon/demo-files/") + name);
    if (!f.open(QIODevice::ReadOnly))
        return Error::internal(QStringLiteral("the demo file %1 is missing from the build").arg(name));
    auto staged = s.files.stage(f.readAll());
    if (!staged)
        return staged.error();
    auto attached = s.files.attach(scope, owner, FileService::Incoming{name, type, *staged, {}, 0});
    if (!attached)
        return attached.error();
    return {};
}

} // namespace

QString DemoShop::tenantName()
{
    return QStringLiteral("Demo Metalworks");
}

Json DemoShop::adminSignIn()
{
    auto data = demoData();
    if (!data)
        return Json::object();
    const Json admin = data->value("admin", Json::object());
    return Json{{"username", admin.value("username", "")}, {"password", admin.value("password", "")}};
}

Result<DemoShop::Outcome> DemoShop::load(Services &s, bool intoSandbox)
{
    auto data = demoData();
    if (!data)
        return data.error();
    const Json &d = *data;

    auto tenants = s.tenants.list();
    if (!tenants)
        return tenants.error();
    for (const auto &t : *tenants) {
        if (str(t, "name") != tenantName() || flag(t, "is_sandbox"))
            continue;
        if (!intoSandbox)
            return Outcome{false, str(t, "id"), 0};
        // The demo is there; its sandbox twin gets the same shop unless it has jobs already.
        auto sb = s.tenants.sandboxOf(str(t, "id"));
        if (!sb)
            return sb.error();
        auto jobs = s.jobs.overview(Scope::of(str(*sb, "id")));
        if (!jobs)
            return jobs.error();
        Outcome o{false, str(t, "id"), 0};
        if (!jobs->empty())
            return o;
        auto filled = s.m_db.write([&](WriteTx &) -> Result<int> { return fill(s, str(*sb, "id"), d); });
        if (!filled)
            return filled.error();
        o.sandboxJobs = *filled;
        return o;
    }

    // One transaction for the whole shop: a half-loaded demo never exists.
    return s.m_db.write([&](WriteTx &) -> Result<Outcome> {
        auto pair = s.tenants.create(d["tenant"]);
        if (!pair)
            return pair.error();
        const QString tenantId = str(pair->live, "id");
        auto jobs = fill(s, tenantId, d);
        if (!jobs)
            return jobs.error();
        Outcome o{true, tenantId, *jobs};
        if (intoSandbox) {
            auto sandboxJobs = fill(s, str(pair->sandbox, "id"), d);
            if (!sandboxJobs)
                return sandboxJobs.error();
            o.sandboxJobs = *sandboxJobs;
        }
        return o;
    });
}

Result<int> DemoShop::fill(Services &s, const QString &tenantId, const Json &d)
{
    {
        Scope scope = Scope::of(tenantId);

        auto admin = s.users.createAdmin(scope, d["admin"]);
        if (!admin)
            return admin.error();
        scope.actorId = str(*admin, "id");
        scope.actorName = str(*admin, "full_name");

        QList<QString> operators;
        for (const auto &o : d["operators"]) {
            auto u = s.users.createOperator(scope, o);
            if (!u)
                return u.error();
            operators << str(*u, "id");
        }
        QHash<QString, QString> cellIds;
        for (const auto &c : d["cells"]) {
            Json in = c;
            in["enforce_wip_limit"] = false;
            auto cell = s.catalog.create(CatalogService::Cells, scope, in);
            if (!cell)
                return cell.error();
            cellIds.insert(str(*cell, "name"), str(*cell, "id"));
        }
        for (const auto &r : d["resources"])
            ERY_TRY(s.catalog.create(CatalogService::Resources, scope, r));
        for (const auto &m : d["materials"])
            ERY_TRY(s.catalog.create(CatalogService::Materials, scope, m));
        for (const auto &c : d["issue_categories"])
            ERY_TRY(s.catalog.create(CatalogService::IssueCategories, scope, c));
        ERY_TRY(s.catalog.seedDefaultScrapReasons(scope));
        auto reasons = s.catalog.list(CatalogService::ScrapReasons, scope, ListQuery{});
        if (!reasons)
            return reasons.error();

        Lcg rnd;
        const Json &products = d["products"];
        const Json &customers = d["customers"];
        const int jobCount = 30;
        QStringList jobIds;
        for (int j = 0; j < jobCount; ++j) {
            const QString number = QStringLiteral("JOB-%1").arg(2601 + j);
            Json job{{"job_number", toStd(number)},
                     {"customer", customers[size_t(j) % customers.size()]},
                     {"due_date", toStd(dayFromNow(-3 + j * 24 / jobCount + rnd.next(3)))},
                     {"notes", toStd(QStringLiteral("Order %1").arg(48000 + j * 7))},
                     {"parts", Json::array()}};
            const int partCount = 1 + rnd.next(3);
            for (int p = 0; p < partCount; ++p) {
                const Json &prod = products[size_t(rnd.next(int(products.size())))];
                Json part{{"part_number", toStd(QStringLiteral("%1-%2").arg(number).arg(p + 1, 2, 10, QLatin1Char('0')))},
                          {"material", prod["material"]},
                          {"quantity", prod["quantity"].get<int>() + rnd.next(5)},
                          {"notes", prod["name"]},
                          {"drawing_no", prod["drawing_no"]},
                          {"is_bullet_card", rnd.next(12) == 0},
                          {"operations", Json::array()}};
                int seq = 1;
                for (const auto &step : prod["routing"])
                    part["operations"].push_back(
                        {{"cell_name", step[0]}, {"operation_name", step[1]}, {"estimated_time", step[2]}, {"sequence", seq++}});
                job["parts"].push_back(part);
            }
            auto created = s.jobs.create(scope, job);
            if (!created)
                return created.error();
            jobIds << str(*created, "id");
        }

        // Every part carries its product's drawing (the store keeps each PDF once).
        if (s.files.configured()) {
            for (const QString &jobId : jobIds) {
                auto tree = s.jobs.tree(scope, jobId);
                if (!tree)
                    return tree.error();
                for (const Json &part : (*tree)["parts"])
                    ERY_TRY(attachDemoFile(s, scope, {QStringLiteral("part"), str(part, "id")}, str(part, "drawing_no") + QStringLiteral(".pdf"),
                                           QStringLiteral("application/pdf")));
            }
        }

        // Bring the shop to life: the oldest jobs are done or under way, with time booked,
        // production reported and a few issues open.
        int worker = 0;
        std::vector<Finished> finished; // in the order they were done
        for (int j = 0; j < 14; ++j) {
            auto tree = s.jobs.tree(scope, jobIds[j]);
            if (!tree)
                return tree.error();
            const bool finish = j < 4;
            for (const auto &part : (*tree)["parts"]) {
                const auto &ops = part["operations"];
                const int doneOps = finish ? int(ops.size()) : std::min<int>(int(ops.size()) - 1, 1 + (j + rnd.next(2)) % 3);
                for (int k = 0; k < doneOps; ++k) {
                    const QString opId = str(ops[size_t(k)], "id");
                    const QString w = operators[worker++ % operators.size()];
                    ERY_TRY(s.operations.start(scope, opId, w));
                    Json report{{"operation_id", toStd(opId)}, {"quantity_good", num(part, "quantity")}, {"recorded_by", toStd(w)}};
                    if (rnd.next(4) == 0) {
                        report["quantity_scrap"] = 1 + rnd.next(2);
                        report["scrap_lines"] =
                            Json::array({{{"scrap_reason_id", (*reasons).rows[size_t(rnd.next(int(reasons->rows.size())))]["id"]},
                                          {"quantity", report["quantity_scrap"]}}});
                    }
                    ERY_TRY(s.production.report(scope, report));
                    ERY_TRY(s.operations.complete(scope, opId, w));
                    finished.push_back({opId, int(num(ops[size_t(k)], "estimated_time"))});
                }
                if (!finish && doneOps < int(ops.size()) && j % 3 != 2) {
                    // Someone is working on the next step right now (one open entry per worker).
                    const QString opId = str(ops[size_t(doneOps)], "id");
                    ERY_TRY(s.operations.start(scope, opId));
                }
            }
        }
        ERY_TRY(spreadHistory(s.m_db, scope, finished));
        // Issues: one standstill (Yellow Card), one NCR, one approved.
        auto inProgress = s.operations.list(scope, ListQuery{{{QStringLiteral("status"), QStringLiteral("in_progress")}}});
        if (!inProgress)
            return inProgress.error();
        if (inProgress->rows.size() >= 3) {
            const auto &rows = inProgress->rows;
            ERY_TRY(s.issues.create(scope, Json{{"operation_id", rows[0]["id"]},
                                                {"created_by", toStd(operators[0])},
                                                {"severity", "critical"},
                                                {"title", "Press brake hydraulic leak"},
                                                {"description", "[MACH] Oil on the bed; machine stopped."},
                                                {"causes_standstill", true}}));
            auto ncr = s.issues.create(scope, Json{{"operation_id", rows[1]["id"]},
                                                   {"created_by", toStd(operators[1])},
                                                   {"severity", "high"},
                                                   {"issue_type", "ncr"},
                                                   {"ncr_category", "dimensional"},
                                                   {"affected_quantity", 3},
                                                   {"title", "Hole pattern shifted 2 mm"},
                                                   {"description", "[DIM] Three parts measured out of tolerance."}});
            if (!ncr)
                return ncr.error();
            if (s.files.configured())
                ERY_TRY(attachDemoFile(s, scope, {QStringLiteral("issue"), str(*ncr, "id")}, QStringLiteral("hole-pattern.png"),
                                       QStringLiteral("image/png")));
            auto minor = s.issues.create(scope, Json{{"operation_id", rows[2]["id"]},
                                                     {"created_by", toStd(operators[2])},
                                                     {"severity", "low"},
                                                     {"title", "Drawing revision unclear"},
                                                     {"description", "[DOC] Rev B or C?"}});
            if (!minor)
                return minor.error();
            ERY_TRY(s.issues.approve(scope, str(*minor, "id"), QStringLiteral("Rev C is current; drawing updated.")));
        }
        return jobCount;
    }
}

} // namespace ery::services
