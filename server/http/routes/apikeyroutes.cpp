#include "http/apiserver.h"
#include "domain/rules.h"
#include "http/openapi.h"
#include "http/resourcespec.h"
#include "routes.h"
#include "services/services.h"

using namespace ery::domain;
using namespace ery::services;

namespace ery::http {

namespace {
// Keys belong to the live tenant; a test key, whatever its scope, never manages them.
Result<Scope> liveAdmin(const Request &r)
{
    if (r.key->test)
        return Error::forbidden(QStringLiteral("Key management needs a live admin key"));
    return Scope::of(r.key->liveTenantId);
}
} // namespace

void installApiKeyRoutes(ApiServer &api)
{
    Services &s = api.services();
    ResourceSpec spec;
    spec.path = QStringLiteral("/api/v1/api-keys");
    spec.itemPath = QStringLiteral("/api/v1/api-keys/{id}");
    spec.compatPath = QStringLiteral("/functions/v1/api-key-generate");
    spec.plural = QStringLiteral("api_keys");
    spec.singular = QStringLiteral("api_key");
    spec.tag = QStringLiteral("API keys");
    spec.readAccess = Access::Admin;
    spec.writeAccess = Access::Admin;
    spec.filters = {{QStringLiteral("active"), Filter::Bool},
                    {QStringLiteral("environment"), Filter::Exact, {}, domain::choices::keyEnvironments()},
                    {QStringLiteral("scope"), Filter::Exact, {}, domain::choices::keyScopes()}};
    spec.sorts = {"created_at", "name", "last_used_at"};
    spec.defaultSort = QStringLiteral("created_at");
    spec.defaultDescending = true;
    spec.createFields = ApiKeyService::fields();
    spec.list = [&s](const Request &r, const ListQuery &q) -> Result<Page> {
        auto sc = liveAdmin(r);
        if (!sc)
            return sc.error();
        return s.apiKeys.list(*sc, q);
    };
    spec.get = [&s](const Request &r, const QString &id) -> Result<Row> {
        auto sc = liveAdmin(r);
        if (!sc)
            return sc.error();
        return s.apiKeys.get(*sc, id);
    };
    spec.remove = [&s](const Request &r, const QString &id) -> Status {
        auto sc = liveAdmin(r);
        if (!sc)
            return sc.error();
        auto k = s.apiKeys.revoke(*sc, id);
        if (!k)
            return k.error();
        return {};
    };
    installResource(api, spec);

    // Creation answers the full key once, in the original's shape too (api_key = the secret). The
    // original's table shares its path with the reads above, so the canonical one does too.
    auto create = [&s](Request &r, bool compatShape) {
        auto sc = liveAdmin(r);
        if (!sc)
            return Response::error(sc.error());
        auto body = r.json();
        if (!body)
            return Response::error(body.error());
        auto k = s.apiKeys.create(*sc, *body);
        if (!k)
            return Response::error(k.error());
        const char *warning = "Store this key now: it is shown once and cannot be retrieved again.";
        if (compatShape)
            return Response::created(Json{{"id", k->key["id"]},
                                          {"name", k->key["name"]},
                                          {"api_key", toStd(k->secret)},
                                          {"key_prefix", k->key["key_prefix"]},
                                          {"created_at", k->key["created_at"]},
                                          {"warning", warning}});
        Json key = k->key;
        key["key"] = toStd(k->secret);
        return Response::created(Json{{"api_key", key}, {"warning", warning}});
    };
    api.router().add(Method::Post, spec.path, Access::Admin, [create](Request &r) { return create(r, false); },
                     {QStringLiteral("Create an API key (the full key is in the answer, once)"),
                      spec.tag,
                      {},
                      false,
                      fieldsSchema(spec.createFields, true),
                      201});
    api.router().compat(Method::Post, spec.compatPath, Access::Admin, [create](Request &r) { return create(r, true); });
}

} // namespace ery::http
