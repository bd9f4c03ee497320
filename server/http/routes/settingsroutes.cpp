#include "http/actionroute.h"
#include "http/answers.h"
#include "http/apiserver.h"
#include "http/openapi.h"
#include "routes.h"
#include "services/services.h"

using namespace ery::services;

namespace ery::http {

namespace {
const char *kTag = "Settings";

Json settingsPatchSchema()
{
    Json schema = fieldsSchema(SettingsService::fields(), false);
    schema["additionalProperties"] = false; // an unknown setting is refused, not ignored
    schema["minProperties"] = 1;
    return schema;
}
} // namespace

// The shop's settings (the key's tenant: a test key reads and changes the sandbox twin). The
// original had no settings function, so there is no /functions/v1 row.
void installSettingsRoutes(ApiServer &api)
{
    Services &s = api.services();
    installActions(api.router(),
                   {
                       {Method::Get,
                        "/api/v1/settings",
                        nullptr,
                        Access::Admin,
                        [&s](Request &r) {
                            return respond(s.settings.get(r.scope()),
                                           [](const Json &st) { return itemResponse(QStringLiteral("settings"), st); });
                        },
                        {"The shop's settings: names, time zone, WIP switch, loopback webhooks, rate limit, plan and quotas", kTag}},
                       {Method::Patch,
                        "/api/v1/settings",
                        nullptr,
                        Access::Admin,
                        byBody([&s](Request &r, const Json &body) {
                            return respond(s.settings.update(r.scope(), body),
                                           [](const Json &st) { return itemResponse(QStringLiteral("settings"), st); });
                        }),
                        {.summary = "Change some of the shop's settings (audited; emits settings.updated)",
                         .tag = kTag,
                         .requestSchema = settingsPatchSchema()}},
                   });
}

} // namespace ery::http
