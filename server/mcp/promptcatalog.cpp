#include "promptcatalog.h"

#include "core/ids.h"
#include "core/jsonutil.h"
#include "domain/listquery.h"
#include "resourcecatalog.h"
#include "services/services.h"

#include <QUrl>

using namespace ery::domain;
using namespace ery::services;

namespace ery::mcp {

namespace {
Json argument(const char *name, const char *description, bool required)
{
    return Json{{"name", name}, {"description", description}, {"required", required}};
}

Json userMessage(const QString &text)
{
    return Json{{"role", "user"}, {"content", {{"type", "text"}, {"text", toStd(text)}}}};
}

Json resourceMessage(const Json &contents)
{
    return Json{{"role", "user"}, {"content", {{"type", "resource"}, {"resource", contents}}}};
}

Error invalid(const QString &field, const QString &message)
{
    return Error::validation(
        Json::array({Json{{"field", toStd(field)}, {"message", toStd(QStringLiteral("%1: %2").arg(field, message))}}}));
}

Result<Rows> rows(const Result<Page> &p)
{
    if (!p)
        return p.error();
    return p->rows;
}
} // namespace

Json PromptCatalog::list() const
{
    return Json::array(
        {Json{{"name", "shift_handover"},
              {"title", "Shift handover"},
              {"description",
               "A handover note for the next shift from live data: what was completed, what is running or paused, open issues"},
              {"arguments", Json::array({argument("cell", "Only this cell (its name)", false),
                                         argument("hours", "How far back the shift reaches (default 8)", false)})}},
         Json{{"name", "scrap_analysis"},
              {"title", "Scrap analysis"},
              {"description", "Scrap reported and quality issues raised in the last days, to find the biggest causes and what to do"},
              {"arguments", Json::array({argument("days", "How many days back (default 30)", false)})}},
         Json{{"name", "job_status_report"},
              {"title", "Job status report"},
              {"description", "A status report of one job for the customer or planning: parts, operations, progress, open issues"},
              {"arguments", Json::array({argument("job_number", "The job's number", true)})}}});
}

Result<Json> PromptCatalog::get(const Scope &scope, const QString &name, const Json &args) const
{
    if (!args.is_object())
        return invalid(QStringLiteral("arguments"), QStringLiteral("must be an object of strings"));
    ResourceCatalog resources(m_s);
    auto number = [&](const char *key, int fallback, int min, int max) -> Result<int> {
        const QString text = str(args, key);
        if (text.isEmpty())
            return fallback;
        bool ok = false;
        const int v = text.toInt(&ok);
        if (!ok || v < min || v > max)
            return invalid(QLatin1String(key), QStringLiteral("must be a whole number from %1 to %2").arg(min).arg(max));
        return v;
    };
    if (name == QLatin1String("shift_handover")) {
        auto hours = number("hours", 8, 1, 72);
        if (!hours)
            return hours.error();
        const QString since = isoOf(Clock::nowMs() - qint64(*hours) * 3600 * 1000);
        const QString cellName = str(args, "cell");
        QString cellId;
        if (!cellName.isEmpty()) {
            auto cell = m_s.catalog.cellByName(scope, cellName);
            if (!cell)
                return cell.error();
            cellId = str(*cell, "id");
        }
        auto ops = [&](const QStringList &statuses, bool recent) -> Result<Rows> {
            ListQuery q;
            QVariantList st;
            for (const QString &s : statuses)
                st << s;
            q.conds.push_back({QStringLiteral("status"), ListQuery::Op::In, st});
            if (recent)
                q.conds.push_back({QStringLiteral("completed_at"), ListQuery::Op::Gte, since});
            if (!cellId.isEmpty())
                q.eq.emplace_back(QStringLiteral("cell_id"), cellId);
            q.sort = QStringLiteral("updated_at");
            q.descending = true;
            q.limit = 200;
            return rows(m_s.operations.list(scope, q));
        };
        auto done = ops({QStringLiteral("completed")}, true);
        auto running = ops({QStringLiteral("in_progress")}, false);
        auto paused = ops({QStringLiteral("on_hold")}, false);
        if (!done || !running || !paused)
            return !done ? done.error() : !running ? running.error() : paused.error();
        auto issues = resources.read(scope, QStringLiteral("eryxon://issues/open"));
        if (!issues)
            return issues.error();
        const Json data{{"since", toStd(since)},
                        {"cell", cellName.isEmpty() ? Json(nullptr) : Json(toStd(cellName))},
                        {"completed_operations", Json(*done)},
                        {"running_operations", Json(*running)},
                        {"paused_operations", Json(*paused)}};
        return Json{
            {"description", "Shift handover"},
            {"messages",
             Json::array({userMessage(QStringLiteral("Write a concise shift handover for the next shift%1 covering the last %2 hours. "
                                                     "Group it as: completed, still running, paused or blocked (with why, if the "
                                                     "notes say), and open quality issues to watch. Name jobs and operations by "
                                                     "their numbers and names. Live data follows as JSON.")
                                          .arg(cellName.isEmpty() ? QString() : QStringLiteral(" at cell %1").arg(cellName))
                                          .arg(*hours)),
                          userMessage(QString::fromStdString(jsonText(data))), resourceMessage(*issues)})}};
    }
    if (name == QLatin1String("scrap_analysis")) {
        auto days = number("days", 30, 1, 365);
        if (!days)
            return days.error();
        const QString since = isoOf(Clock::nowMs() - qint64(*days) * 86400 * 1000);
        ListQuery q;
        q.conds.push_back({QStringLiteral("created_at"), ListQuery::Op::Gte, since});
        q.sort = QStringLiteral("created_at");
        q.descending = true;
        q.limit = 1000;
        auto reports = rows(m_s.production.list(scope, q));
        if (!reports)
            return reports.error();
        Rows scrapped;
        for (const Json &r : *reports)
            if (num(r, "quantity_scrap") > 0)
                scrapped.push_back(r);
        ListQuery qi = q;
        qi.limit = 500;
        auto issues = rows(m_s.issues.list(scope, qi));
        if (!issues)
            return issues.error();
        ListQuery qr;
        qr.limit = 500;
        auto reasons = rows(m_s.catalog.list(CatalogService::ScrapReasons, scope, qr));
        if (!reasons)
            return reasons.error();
        const Json data{{"since", toStd(since)},
                        {"production_reports_with_scrap", Json(scrapped)},
                        {"scrap_reasons", Json(*reasons)},
                        {"issues", Json(*issues)}};
        return Json{{"description", "Scrap analysis"},
                    {"messages",
                     Json::array({userMessage(QStringLiteral("Analyse the scrap of the last %1 days. Rank the scrap reasons by quantity "
                                                             "(a Pareto), name the operations and cells where scrap concentrates, "
                                                             "relate it to the quality issues raised, and propose the three actions "
                                                             "with the largest expected effect. Live data follows as JSON.")
                                                  .arg(*days)),
                                  userMessage(QString::fromStdString(jsonText(data)))})}};
    }
    if (name == QLatin1String("job_status_report")) {
        const QString jobNumber = str(args, "job_number");
        if (jobNumber.isEmpty())
            return invalid(QStringLiteral("job_number"), QStringLiteral("required"));
        auto job = resources.read(scope, QStringLiteral("eryxon://jobs/%1").arg(QString::fromUtf8(QUrl::toPercentEncoding(jobNumber))));
        if (!job)
            return job.error();
        auto issues = resources.read(scope, QStringLiteral("eryxon://issues/open"));
        if (!issues)
            return issues.error();
        return Json{
            {"description", toStd(QStringLiteral("Status of job %1").arg(jobNumber))},
            {"messages", Json::array({userMessage(QStringLiteral("Write a status report of job %1: overall progress, each part's state "
                                                                 "and its next operation, what is late against the due date, and the open "
                                                                 "issues that touch this job. The job and the shop's open issues follow.")
                                                      .arg(jobNumber)),
                                      resourceMessage(*job), resourceMessage(*issues)})}};
    }
    return Error::notFound(QStringLiteral("prompt %1").arg(name));
}

QStringList PromptCatalog::complete(const Scope &scope, const QString &prompt, const QString &argument, const QString &prefix) const
{
    ResourceCatalog resources(m_s);
    if (prompt == QLatin1String("job_status_report") && argument == QLatin1String("job_number"))
        return resources.complete(scope, QStringLiteral("eryxon://jobs/{job_number}"), argument, prefix);
    if (prompt == QLatin1String("shift_handover") && argument == QLatin1String("cell"))
        return resources.complete(scope, QStringLiteral("eryxon://cells/{name}/queue"), argument, prefix);
    return {};
}

} // namespace ery::mcp
