#include "http/apiserver.h"
#include "http/resourcespec.h"
#include "routes.h"
#include "services/services.h"

using namespace ery::domain;
using namespace ery::services;

namespace ery::http {

// The audit trail as the desktop's Activity panel and an auditor's script read it: who changed
// what and when, newest first. Read-only (the services write it inside each change), admin keys
// and admin sessions only — it names users and shows old and new values.
void installActivityRoutes(ApiServer &api)
{
    Services &s = api.services();
    ResourceSpec spec;
    spec.path = QStringLiteral("/api/v1/activity");
    spec.plural = QStringLiteral("activity");
    spec.singular = QStringLiteral("activity");
    spec.tag = QStringLiteral("Activity");
    spec.filters = {{QStringLiteral("entity_type")},
                    {QStringLiteral("entity_id")},
                    {QStringLiteral("action")},
                    {QStringLiteral("user_id")},
                    {QStringLiteral("from_date"), Filter::Gte, QStringLiteral("created_at")},
                    {QStringLiteral("to_date"), Filter::Lte, QStringLiteral("created_at")}};
    spec.sorts = {"created_at", "entity_type", "action", "user_name"};
    spec.defaultSort = QStringLiteral("created_at");
    spec.defaultDescending = true;
    spec.readAccess = Access::Admin;
    spec.writeAccess = Access::Admin;
    spec.list = [&s](const Request &r, const ListQuery &q) { return s.activity.list(r.scope(), q); };
    installResource(api, spec);
}

} // namespace ery::http
