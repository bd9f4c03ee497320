#include "http/actionroute.h"
#include "http/answers.h"
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

    // An admin's help for an operator at the terminal: a forgotten PIN, or an account locked after
    // five wrong ones (both clear the lock and the count of failures).
    auto answer = [](const Row &row) { return itemResponse(QStringLiteral("operator"), row); };
    installActions(api.router(),
                   {
                       {Method::Post, "/api/v1/operators/{id}/reset-pin", nullptr, Access::Admin,
                        byIdAndBody([&s, getOperator, answer](Request &r, const QString &id, const Json &body) -> Response {
                            if (auto op = getOperator(r, id); !op)
                                return Response::error(op.error());
                            const Json pin = body.is_object() ? body.value("pin", Json()) : Json();
                            return respond(s.users.resetPin(r.scope(), id, pin.is_string() ? QString::fromStdString(pin.get<std::string>()) : QString()),
                                           answer);
                        }),
                        {"Give an operator a new PIN (4–6 digits); unlocks the operator", "Operators"}},
                       {Method::Post, "/api/v1/operators/{id}/unlock", nullptr, Access::Admin,
                        byId([&s, getOperator, answer](Request &r, const QString &id) -> Response {
                            if (auto op = getOperator(r, id); !op)
                                return Response::error(op.error());
                            return respond(s.users.unlock(r.scope(), id), answer);
                        }),
                        {"Unlock an operator locked out after wrong PINs", "Operators"}},
                   });
}

} // namespace ery::http
