#include "http/apiserver.h"
#include "http/resourcespec.h"
#include "routes.h"
#include "services/services.h"

using namespace ery::domain;
using namespace ery::services;

namespace ery::http {

// Operators are the workers with the operator role; hashes never leave the service (publicView).
void installOperatorRoutes(ApiServer &api)
{
    Services &s = api.services();
    ResourceSpec spec;
    spec.path = QStringLiteral("/api/v1/operators");
    spec.itemPath = QStringLiteral("/api/v1/operators/{id}");
    spec.compatPath = QStringLiteral("/functions/v1/api-operators");
    spec.plural = QStringLiteral("operators");
    spec.singular = QStringLiteral("operator");
    spec.tag = QStringLiteral("Operators");
    spec.filters = {{QStringLiteral("active"), Filter::Bool}, {QStringLiteral("employee_id")}};
    spec.sorts = {"full_name", "employee_id", "created_at"};
    spec.defaultSort = QStringLiteral("full_name");
    spec.createFields = UserService::fields();
    spec.createFields.insert(spec.createFields.end(), UserService::operatorFields().begin(), UserService::operatorFields().end());
    spec.updateFields = UserService::fields();
    auto getOperator = [&s](const Request &r, const QString &id) -> Result<Row> {
        auto u = s.users.get(r.scope(), id);
        if (!u)
            return u;
        if (str(*u, "role") != QLatin1String("operator"))
            return Error::notFound(QStringLiteral("operator"));
        return u;
    };
    spec.list = [&s](const Request &r, const ListQuery &q) {
        ListQuery lq = q;
        lq.eq.emplace_back(QStringLiteral("role"), QStringLiteral("operator"));
        lq.eq.emplace_back(QStringLiteral("deleted_at"), QVariant());
        return s.users.list(r.scope(), lq);
    };
    spec.get = getOperator;
    spec.create = [&s](const Request &r, const Json &body) { return s.users.createOperator(r.scope(), body); };
    spec.update = [&s, getOperator](const Request &r, const QString &id, const Json &body) -> Result<Row> {
        ERY_TRY(getOperator(r, id));
        return s.users.update(r.scope(), id, body);
    };
    spec.remove = [&s, getOperator](const Request &r, const QString &id) -> Status {
        ERY_TRY(getOperator(r, id));
        auto d = s.users.deactivate(r.scope(), id);
        if (!d)
            return d.error();
        return {};
    };
    installResource(api, spec);
}

} // namespace ery::http
