#include "http/actionroute.h"
#include "http/answers.h"
#include "http/apiserver.h"
#include "http/resourcespec.h"
#include "mcp/toolregistry.h"
#include "routes.h"
#include "services/services.h"

using namespace ery::domain;
using namespace ery::services;

namespace ery::http {

namespace {
const QString kTag = QStringLiteral("MCP keys");

// MCP keys belong to the live tenant; a test key, whatever its scope, never manages them.
Result<Scope> liveAdmin(const Request &r)
{
    if (r.key->test)
        return Error::forbidden(QStringLiteral("Key management needs a live admin key"));
    return Scope::of(r.key->liveTenantId);
}

std::vector<Field> updateFields()
{
    std::vector<Field> out;
    for (const Field &f : McpKeyService::fields())
        if (qstrcmp(f.name, "environment") != 0 && qstrcmp(f.name, "test") != 0)
            out.push_back(f);
    return out;
}

Json toolsSchema(Json schema)
{
    schema["properties"]["allowed_tools"]["items"]["pattern"] = "^([a-z][a-z0-9_]{0,63}|\\*)$";
    schema["properties"]["allowed_tools"]["minItems"] = 1;
    schema["properties"]["allowed_tools"]["description"] = "tool names of the MCP registry, or [\"*\"] for every tool (the default)";
    return schema;
}
} // namespace

// MCP keys (CONTRACTS.md §6): the keys MCP clients present, their allowed tools, rate limit and
// usage log. Admin scope, live keys only, like the API keys.
void installMcpKeyRoutes(ApiServer &api)
{
    Services &s = api.services();
    ResourceSpec spec;
    spec.path = QStringLiteral("/api/v1/mcp-keys");
    spec.itemPath = QStringLiteral("/api/v1/mcp-keys/{id}");
    spec.plural = QStringLiteral("mcp_keys");
    spec.singular = QStringLiteral("mcp_key");
    spec.tag = kTag;
    spec.readAccess = Access::Admin;
    spec.writeAccess = Access::Admin;
    spec.filters = {{QStringLiteral("enabled"), Filter::Bool},
                    {QStringLiteral("environment"), Filter::Exact, {}, {QStringLiteral("live"), QStringLiteral("test")}}};
    spec.sorts = {"created_at", "name", "last_used_at", "usage_count"};
    spec.defaultSort = QStringLiteral("created_at");
    spec.defaultDescending = true;
    spec.createFields = McpKeyService::fields();
    spec.updateFields = updateFields();
    spec.createSchema = toolsSchema(fieldsSchema(spec.createFields, true));
    spec.list = [&s](const Request &r, const ListQuery &q) -> Result<Page> {
        auto sc = liveAdmin(r);
        if (!sc)
            return sc.error();
        return s.mcpKeys.list(*sc, q);
    };
    spec.get = [&s](const Request &r, const QString &id) -> Result<Row> {
        auto sc = liveAdmin(r);
        if (!sc)
            return sc.error();
        return s.mcpKeys.get(*sc, id);
    };
    // The full key is in the creation answer (`key`), once; no read shows it again.
    spec.create = [&s, &api](const Request &r, const Json &body) -> Result<Row> {
        auto sc = liveAdmin(r);
        if (!sc)
            return sc.error();
        auto k = s.mcpKeys.create(*sc, body, api.mcpToolNames());
        if (!k)
            return k.error();
        Row out = k->key;
        out["key"] = toStd(k->secret);
        return out;
    };
    spec.update = [&s, &api](const Request &r, const QString &id, const Json &body) -> Result<Row> {
        auto sc = liveAdmin(r);
        if (!sc)
            return sc.error();
        return s.mcpKeys.update(*sc, id, body, api.mcpToolNames());
    };
    installResource(api, spec);

    // DELETE revokes: the row stays (with its usage log), disabled; the answer is the key as it is now.
    api.router().add(Method::Delete, spec.itemPath, Access::Admin, byId([&s](Request &r, const QString &id) {
                         auto sc = liveAdmin(r);
                         if (!sc)
                             return Response::error(sc.error());
                         return respond(s.mcpKeys.revoke(*sc, id), [](const Row &k) { return itemResponse(QStringLiteral("mcp_key"), k); });
                     }),
                     {QStringLiteral("Revoke an MCP key (at once, also for open MCP sessions)"), kTag, {}, false, nullptr, 200});

    // The usage log of one key: paged, newest first, filtered by tool and success.
    ResourceSpec usage;
    usage.plural = QStringLiteral("usage");
    usage.tag = kTag;
    usage.filters = {{QStringLiteral("tool"), Filter::Exact, QStringLiteral("tool_name")}, {QStringLiteral("success"), Filter::Bool}};
    usage.sorts = {"created_at", "response_time_ms", "tool_name"};
    usage.defaultSort = QStringLiteral("created_at");
    usage.defaultDescending = true;
    installActions(api.router(),
                   {
                       {Method::Get,
                        "/api/v1/mcp-keys/{id}/usage",
                        nullptr,
                        Access::Admin,
                        byId([&s, usage](Request &r, const QString &id) {
                            auto sc = liveAdmin(r);
                            if (!sc)
                                return Response::error(sc.error());
                            auto q = listQueryFrom(r, usage);
                            if (!q)
                                return Response::error(q.error());
                            auto page = s.mcpKeys.usage(*sc, id, *q);
                            if (!page)
                                return Response::error(page.error());
                            return listResponse(usage.plural, std::move(*page), *q);
                        }),
                        {.summary = QStringLiteral("An MCP key's usage log (one row per tools/call), newest first"),
                         .tag = kTag,
                         .queryParams = {QStringLiteral("tool"), QStringLiteral("success")},
                         .list = true}},
                       // The names allowed_tools accepts, for a picker: the registry's tools with their module.
                       {Method::Get,
                        "/api/v1/mcp-tools",
                        nullptr,
                        Access::Admin,
                        [](Request &) {
                            Json tools = Json::array();
                            for (const mcp::Tool &t : mcp::ToolRegistry::standard().tools())
                                tools.push_back(Json{{"name", toStd(t.name)},
                                                     {"module", toStd(t.module)},
                                                     {"title", toStd(t.title)},
                                                     {"description", toStd(t.description)}});
                            return Response::ok(Json{{"mcp_tools", std::move(tools)}});
                        },
                        {.summary = QStringLiteral("The MCP tools a key's allowed_tools may name"), .tag = kTag}},
                   });
}

} // namespace ery::http
