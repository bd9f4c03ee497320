#include "core/jsonutil.h"
#include "openapi.h"

#include "core/config.h"
#include "resourcespec.h"

using namespace ery::services;

namespace ery::http {


namespace {

Json ref(const char *what)
{
    return Json{{"$ref", std::string("#/components/") + what}};
}

std::string operationId(const Route &r)
{
    // post /api/v1/jobs/{id}/start -> postJobsIdStart
    QString id = methodName(r.method).toLower();
    for (const QString &seg : r.segments) {
        if (seg == QLatin1String("api") || seg == QLatin1String("v1"))
            continue;
        QString clean = seg;
        clean.remove(QLatin1Char('{')).remove(QLatin1Char('}')).replace(QLatin1Char('.'), QLatin1Char('-'));
        for (const QString &w : clean.split(QLatin1Char('-'), Qt::SkipEmptyParts))
            id += w.left(1).toUpper() + w.mid(1);
    }
    return id.toStdString();
}

Json errorResponses(const Route &r)
{
    Json out = Json::object();
    out["400"] = ref("responses/BadRequest");
    if (r.access != Access::Public) {
        out["401"] = ref("responses/Unauthorized");
        out["403"] = ref("responses/Forbidden");
        out["429"] = ref("responses/RateLimited");
    }
    if (r.pattern.contains(QLatin1String("{id}")) || r.doc.requestSchema.is_object())
        out["404"] = ref("responses/NotFound");
    if (r.doc.requestSchema.is_object()) {
        out["402"] = ref("responses/QuotaExceeded");
        out["409"] = ref("responses/Conflict");
        out["422"] = ref("responses/ValidationFailed");
    }
    return out;
}

Json components()
{
    auto errorResponse = [](const char *description) {
        return Json{{"description", description}, {"content", {{"application/json", {{"schema", ref("schemas/ErrorEnvelope")}}}}}};
    };
    Json rateHeaders{
        {"RateLimit-Policy", {{"description", "Quota and window, e.g. \"default\";q=1000;w=60"}, {"schema", {{"type", "string"}}}}},
        {"RateLimit",
         {{"description", "Remaining requests and seconds to reset, e.g. \"default\";r=999;t=1"}, {"schema", {{"type", "string"}}}}},
        {"X-RateLimit-Limit", {{"description", "Requests per minute of this key"}, {"schema", {{"type", "integer"}}}}},
        {"X-RateLimit-Remaining", {{"description", "Requests left in the window"}, {"schema", {{"type", "integer"}}}}},
        {"X-RateLimit-Reset", {{"description", "Unix time (s) when the full quota is back"}, {"schema", {{"type", "integer"}}}}}};
    Json limited = errorResponse("Rate limit exceeded (per key by plan) or too many failed authentications from this address");
    limited["headers"] = rateHeaders;
    limited["headers"]["Retry-After"] = {{"description", "Seconds to wait"}, {"schema", {{"type", "integer"}}}};
    return Json{{"securitySchemes",
                 {{"bearerAuth",
                   {{"type", "http"},
                    {"scheme", "bearer"},
                    {"description", "An API key: ery_live_<32 hex> (live data) or ery_test_<32 hex> (the sandbox)"}}}}},
                {"schemas",
                 {{"Error",
                   {{"type", "object"},
                    {"required", {"code", "message", "statusCode"}},
                    {"properties",
                     {{"code",
                       {{"type", "string"},
                        {"enum",
                         {"BAD_REQUEST", "INVALID_STATE_TRANSITION", "UNAUTHORIZED", "QUOTA_EXCEEDED", "FORBIDDEN", "NOT_FOUND",
                          "METHOD_NOT_ALLOWED", "CONFLICT", "PAYLOAD_TOO_LARGE", "URI_TOO_LONG", "HEADERS_TOO_LARGE", "VALIDATION_ERROR",
                          "RATE_LIMIT_EXCEEDED", "INTERNAL_ERROR"}}}},
                      {"message", {{"type", "string"}}},
                      {"statusCode", {{"type", "integer"}}},
                      {"details",
                       {{"description",
                         "VALIDATION_ERROR: [{field, message, value, constraint}]; QUOTA_EXCEEDED: {limitType, currentUsage, limit}"}}},
                      {"rateLimitInfo",
                       {{"type", "object"},
                        {"properties",
                         {{"remaining", {{"type", "integer"}}},
                          {"resetAt", {{"type", "string"}, {"format", "date-time"}}},
                          {"retryAfter", {{"type", "integer"}}}}}}}}}}},
                  {"ErrorEnvelope",
                   {{"type", "object"},
                    {"required", {"success", "error"}},
                    {"properties", {{"success", {{"const", false}}}, {"error", ref("schemas/Error")}}}}},
                  {"Envelope",
                   {{"type", "object"},
                    {"required", {"success", "data"}},
                    {"description",
                     "data holds one record under its singular name (job, time_entry), or a list under the plural name with pagination"},
                    {"properties", {{"success", {{"const", true}}}, {"data", {{"type", "object"}}}}}}},
                  {"ListEnvelope",
                   {{"type", "object"},
                    {"required", {"success", "data"}},
                    {"properties",
                     {{"success", {{"const", true}}},
                      {"data",
                       {{"type", "object"},
                        {"required", {"pagination"}},
                        {"properties",
                         {{"pagination",
                           {{"type", "object"},
                            {"properties",
                             {{"total", {{"type", "integer"}}}, {"offset", {{"type", "integer"}}}, {"limit", {{"type", "integer"}}}}}}}}},
                        {"additionalProperties", {{"type", "array"}, {"items", {{"type", "object"}}}}}}}}}}}}},
                {"responses",
                 {{"BadRequest", errorResponse("Malformed JSON, a missing id or a bad query parameter")},
                  {"Unauthorized", errorResponse("Missing, invalid or revoked API key")},
                  {"Forbidden", errorResponse("The key's scope does not allow this route")},
                  {"NotFound", errorResponse("No such record in this key's tenant")},
                  {"QuotaExceeded", errorResponse("A plan quota is reached")},
                  {"Conflict", errorResponse("A unique value is taken, or the record changed meanwhile")},
                  {"ValidationFailed", errorResponse("Every invalid field, listed in details")},
                  {"RateLimited", limited}}},
                {"headers", rateHeaders}};
}

} // namespace

Json openApiDocument(const Router &router, const QString &serverUrl)
{
    Json paths = Json::object();
    QStringList tags;
    for (const Route &r : router.routes()) {
        if (!r.canonical)
            continue;
        Json op{{"operationId", operationId(r)}, {"summary", toStd(r.doc.summary.isEmpty() ? r.pattern : r.doc.summary)}};
        const QString tag = r.doc.tag.isEmpty() ? QStringLiteral("System") : r.doc.tag;
        op["tags"] = Json::array({toStd(tag)});
        if (!tags.contains(tag))
            tags << tag;
        Json params = Json::array();
        for (const QString &seg : r.segments)
            if (seg.startsWith(QLatin1Char('{')))
                params.push_back(
                    {{"name", toStd(seg.mid(1, seg.size() - 2))},
                     {"in", "path"},
                     {"required", true},
                     {"schema", seg == QLatin1String("{id}") ? Json{{"type", "string"}, {"format", "uuid"}} : Json{{"type", "string"}}}});
        if (r.doc.list) {
            params.push_back(
                {{"name", "limit"},
                 {"in", "query"},
                 {"schema", {{"type", "integer"}, {"minimum", 1}, {"maximum", kMaxListLimit}, {"default", kDefaultListLimit}}}});
            params.push_back({{"name", "offset"}, {"in", "query"}, {"schema", {{"type", "integer"}, {"minimum", 0}, {"default", 0}}}});
            params.push_back({{"name", "sort"},
                              {"in", "query"},
                              {"description", "A whitelisted column; others fall back to the default order"},
                              {"schema", {{"type", "string"}}}});
            params.push_back({{"name", "order"}, {"in", "query"}, {"schema", {{"type", "string"}, {"enum", {"asc", "desc"}}}}});
            params.push_back({{"name", "search"},
                              {"in", "query"},
                              {"description", "Case-insensitive text over the resource's text fields"},
                              {"schema", {{"type", "string"}, {"maxLength", kMaxSearchText}}}});
        }
        for (const QString &q : r.doc.queryParams) {
            const bool text = r.doc.textParams.contains(q);
            Json p{{"name", toStd(q)},
                   {"in", "query"},
                   {"schema", {{"type", "string"}, {"maxLength", text ? kMaxSearchText : kMaxQueryValue}}}};
            if (text)
                p["description"] = "Contains, case-insensitive (% and _ match themselves)";
            params.push_back(std::move(p));
        }
        if (!params.empty())
            op["parameters"] = params;
        if (r.doc.requestSchema.is_object())
            op["requestBody"] = {{"required", true}, {"content", {{toStd(r.doc.bodyType), {{"schema", r.doc.requestSchema}}}}}};
        Json ok{{"description", r.doc.successStatus == 201 ? "Created" : "OK"}};
        if (r.doc.answerType != QLatin1String("application/json"))
            ok["content"] = {{toStd(r.doc.answerType), {{"schema", {{"type", "string"}}}}}};
        else if (r.access == Access::Public)
            ok["content"] = {{"application/json", {{"schema", {{"type", "object"}}}}}};
        else
            ok["content"] = {{"application/json", {{"schema", ref(r.doc.list ? "schemas/ListEnvelope" : "schemas/Envelope")}}}};
        if (r.access != Access::Public && r.access != Access::AdminOrLoopback)
            ok["headers"] = {{"RateLimit", ref("headers/RateLimit")},
                             {"RateLimit-Policy", ref("headers/RateLimit-Policy")},
                             {"X-RateLimit-Limit", ref("headers/X-RateLimit-Limit")},
                             {"X-RateLimit-Remaining", ref("headers/X-RateLimit-Remaining")},
                             {"X-RateLimit-Reset", ref("headers/X-RateLimit-Reset")}};
        Json responses = errorResponses(r);
        responses[std::to_string(r.doc.successStatus)] = ok;
        op["responses"] = responses;
        if (r.access == Access::Public)
            op["security"] = Json::array();
        else if (r.access == Access::AdminOrLoopback)
            op["security"] = Json::array({Json::object(), {{"bearerAuth", Json::array()}}});
        paths[toStd(r.pattern)][toStd(methodName(r.method).toLower())] = op;
    }
    Json tagList = Json::array();
    for (const QString &t : tags)
        tagList.push_back({{"name", toStd(t)}, {"description", toStd(QStringLiteral("%1 of the shop (see docs/api.md)").arg(t))}});
    return Json{{"openapi", "3.1.0"},
                {"info",
                 {{"title", "Eryxon MES API"},
                  {"version", toStd(versionString())},
                  {"description", "The shop's REST API: jobs, parts, operations and their lifecycles, time, quality, production. "
                                  "Every answer is {success, data} or {success: false, error}. The original cloud API's routes "
                                  "(/functions/v1/api-*?id=) are served too; see docs/api.md."},
                  {"license", {{"name", "Proprietary"}, {"url", "https://eryxon.invalid/license"}}}}},
                {"servers", Json::array({{{"url", toStd(serverUrl)}}})},
                {"security", Json::array({{{"bearerAuth", Json::array()}}})},
                {"tags", tagList},
                {"paths", paths},
                {"components", components()}};
}

} // namespace ery::http
