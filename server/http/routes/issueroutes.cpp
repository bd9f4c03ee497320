#include "http/actionroute.h"
#include "domain/rules.h"
#include "http/apiserver.h"
#include "http/answers.h"
#include "http/openapi.h"
#include "http/resourcespec.h"
#include "routes.h"
#include "services/services.h"

using namespace ery::domain;
using namespace ery::services;

namespace ery::http {

namespace {
const QString kTag = QStringLiteral("Quality");
// Review notes may be as long as an issue's description.
constexpr int kReviewNotes = 2 * limits::kText;

// The review's own fields; `notes` is the original's name for resolution_notes.
const std::vector<Field> &reviewFields()
{
    static const std::vector<Field> fields{{"resolution_notes", Field::Text, false, {}, {}, kReviewNotes},
                                           {"notes", Field::Text, false, {}, {}, kReviewNotes}};
    return fields;
}

using ReviewStep = Result<Transition> (IssueService::*)(const Scope &, const QString &, const QString &);

Handler issueReview(Services &s, ReviewStep step, const char *name)
{
    return byIdAndBody([&s, step, name](Request &r, const QString &id, const Json &body) {
        Validation v;
        Row in = acceptFields(body, reviewFields(), false, v);
        if (!v.ok())
            return Response::error(v.error());
        const QString notes = in.contains("resolution_notes") ? str(in, "resolution_notes") : str(in, "notes");
        return respond((s.issues.*step)(r.scope(), id, notes),
                       [name](const Transition &t) { return transitionResponse("issue", t, QLatin1String(name)); });
    });
}

RouteDoc reviewDoc(const char *name)
{
    return {.summary = QStringLiteral("Issue review: %1").arg(QLatin1String(name)),
            .tag = kTag,
            .requestSchema = fieldsSchema(reviewFields(), false)};
}
} // namespace

// Issues and NCRs: reported against an operation, reviewed (approve/reject with notes), closed.
void installIssueRoutes(ApiServer &api)
{
    Services &s = api.services();
    ResourceSpec spec;
    spec.path = QStringLiteral("/api/v1/issues");
    spec.itemPath = QStringLiteral("/api/v1/issues/{id}");
    spec.compatPath = QStringLiteral("/functions/v1/api-issues");
    spec.plural = QStringLiteral("issues");
    spec.singular = QStringLiteral("issue");
    spec.tag = kTag;
    spec.filters = {{QStringLiteral("severity"), Filter::Exact, {}, domain::choices::severities()},
                    {QStringLiteral("status"), Filter::Exact, {}, domain::choices::issueStatuses()},
                    {QStringLiteral("issue_type"), Filter::Exact, {}, domain::choices::issueTypes()},
                    {QStringLiteral("ncr_category"), Filter::Exact, {}, domain::choices::ncrCategories()},
                    {QStringLiteral("reported_by_id")},
                    {QStringLiteral("operation_id")},
                    {QStringLiteral("created_by")}};
    spec.sorts = {"created_at", "severity", "status", "updated_at"};
    spec.defaultSort = QStringLiteral("created_at");
    spec.defaultDescending = true;
    spec.createFields = IssueService::fields();
    spec.list = [&s](const Request &r, const ListQuery &q) { return s.issues.list(r.scope(), q); };
    spec.renderRows = true;
    spec.get = [&s](const Request &r, const QString &id) { return s.issues.get(r.scope(), id); };
    spec.create = [&s](const Request &r, const Json &body) { return s.issues.create(r.scope(), body); };
    spec.update = [&s](const Request &r, const QString &id, const Json &body) { return s.issues.update(r.scope(), id, body); };
    installResource(api, spec);

    installActions(api.router(), {
                                     {Method::Post, "/api/v1/issues/{id}/approve", "/functions/v1/api-issues/approve", Access::Write,
                                      issueReview(s, &IssueService::approve, "approve"), reviewDoc("approve")},
                                     {Method::Post, "/api/v1/issues/{id}/reject", "/functions/v1/api-issues/reject", Access::Write,
                                      issueReview(s, &IssueService::reject, "reject"), reviewDoc("reject")},
                                     {Method::Post, "/api/v1/issues/{id}/close", "/functions/v1/api-issues/close", Access::Write,
                                      issueReview(s, &IssueService::close, "close"), reviewDoc("close")},
                                     {Method::Post,
                                      "/api/v1/issues/{id}/verify",
                                      "/functions/v1/api-issues/verify",
                                      Access::Write,
                                      byId([&s](Request &r, const QString &id) {
                                          return respond(s.issues.verifyNcr(r.scope(), id),
                                                         [](const Row &row) { return itemResponse(QStringLiteral("issue"), row); });
                                      }),
                                      {"Verify an NCR's corrective action", kTag}},
                                 });
}

} // namespace ery::http
