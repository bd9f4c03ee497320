#include "http/apiserver.h"
#include "http/resourceroutes.h"
#include "routes.h"
#include "services/services.h"

namespace ery::http {

// Issues and NCRs: reported against an operation, reviewed (approve/reject with notes), closed.
void installIssueRoutes(ApiServer &api)
{
    Services &s = api.services();
    ResourceSpec spec;
    spec.path = QStringLiteral("issues");
    spec.compat = QStringLiteral("api-issues");
    spec.plural = QStringLiteral("issues");
    spec.singular = QStringLiteral("issue");
    spec.tag = QStringLiteral("Quality");
    spec.filters = {{QStringLiteral("severity")},       {QStringLiteral("status")},         {QStringLiteral("issue_type")},
                    {QStringLiteral("ncr_category")},   {QStringLiteral("reported_by_id")}, {QStringLiteral("operation_id")},
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

    // The review's own fields; `notes` is the original's name for resolution_notes.
    static const std::vector<Field> review{{"resolution_notes", Field::Text, false, {}, {}, 20000}, {"notes", Field::Text, false, {}, {}, 20000}};
    for (const char *action : {"approve", "reject", "close"}) {
        const QString name = QString::fromLatin1(action);
        Handler h = [&s, name](Request &r) {
            auto id = r.id();
            if (!id)
                return Response::error(id.error());
            auto body = r.json();
            if (!body)
                return Response::error(body.error());
            Validation v;
            Row in = acceptFields(*body, review, false, v);
            if (!v.ok())
                return Response::error(v.error());
            const QString notes = in.contains("resolution_notes") ? str(in, "resolution_notes") : str(in, "notes");
            Result<Transition> t = name == QLatin1String("approve")  ? s.issues.approve(r.scope(), *id, notes)
                                   : name == QLatin1String("reject") ? s.issues.reject(r.scope(), *id, notes)
                                                                     : s.issues.close(r.scope(), *id, notes);
            if (!t)
                return Response::error(t.error());
            return Response::ok(Json{{"issue", t->row}, {"operation", js(name)}, {"previous_status", js(t->previousStatus)},
                                     {"new_status", js(t->newStatus)}});
        };
        api.router().add(Method::Post, canonical(QStringLiteral("issues/{id}/") + name), Access::Write, h,
                         {QStringLiteral("Issue review: %1").arg(name), QStringLiteral("Quality"), {}, false,
                          bodySchema(review, false), 200});
        api.router().compat(Method::Post, compatPath(QStringLiteral("api-issues/") + name), Access::Write, h);
    }
    Handler verify = [&s](Request &r) {
        auto id = r.id();
        if (!id)
            return Response::error(id.error());
        return respond(s.issues.verifyNcr(r.scope(), *id), [](const Row &row) { return itemResponse(QStringLiteral("issue"), row); });
    };
    api.router().add(Method::Post, canonical(QStringLiteral("issues/{id}/verify")), Access::Write, verify,
                     {QStringLiteral("Verify an NCR's corrective action"), QStringLiteral("Quality"), {}, false, nullptr, 200});
    api.router().compat(Method::Post, compatPath(QStringLiteral("api-issues/verify")), Access::Write, verify);
}

} // namespace ery::http
