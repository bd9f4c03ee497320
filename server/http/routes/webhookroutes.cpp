#include "events/eventcatalog.h"
#include "http/actionroute.h"
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
const QString kTag = QStringLiteral("Webhooks");
const Json kEventsSchema{{"minItems", 1}, {"description", "event names (job.created), family wildcards (operation.*) or *"}};
const Json kReplaySinceBody{
    {"type", "object"}, {"required", {"since"}}, {"properties", {{"since", {{"type", "string"}, {"format", "date-time"}}}}}};
} // namespace

// Webhooks (CONTRACTS.md §3): registration with the secret in the create answer only, rotation,
// the delivery log per attempt, and replay.
void installWebhookRoutes(ApiServer &api)
{
    Services &s = api.services();
    ResourceSpec spec;
    spec.path = QStringLiteral("/api/v1/webhooks");
    spec.itemPath = QStringLiteral("/api/v1/webhooks/{id}");
    spec.compatPath = QStringLiteral("/functions/v1/api-webhooks");
    spec.plural = QStringLiteral("webhooks");
    spec.singular = QStringLiteral("webhook");
    spec.tag = kTag;
    spec.filters = {{QStringLiteral("active"), Filter::Bool}};
    spec.sorts = {"created_at", "url", "updated_at"};
    spec.createFields = WebhookService::fields();
    spec.createSchema = fieldsSchema(WebhookService::fields(), true);
    spec.createSchema["properties"]["url"]["format"] = "uri";
    spec.createSchema["properties"]["events"].update(kEventsSchema);
    spec.list = [&s](const Request &r, const ListQuery &q) { return s.webhooks.list(r.scope(), q); };
    spec.get = [&s](const Request &r, const QString &id) { return s.webhooks.get(r.scope(), id); };
    spec.create = [&s](const Request &r, const Json &body) -> Result<Row> {
        auto h = s.webhooks.create(r.scope(), body);
        if (h)
            (*h)["secret_key"] = (*h)["secret"]; // the original's name for it
        return h;
    };
    spec.update = [&s](const Request &r, const QString &id, const Json &body) { return s.webhooks.update(r.scope(), id, body); };
    spec.remove = [&s](const Request &r, const QString &id) { return s.webhooks.remove(r.scope(), id); };
    installResource(api, spec);

    installActions(
        api.router(),
        {
            {Method::Post,
             "/api/v1/webhooks/{id}/rotate-secret",
             nullptr,
             Access::Write,
             byId([&s](Request &r, const QString &id) {
                 return respond(s.webhooks.rotateSecret(r.scope(), id), [](const Row &h) {
                     return Response::ok(
                         Json{{"webhook", h}, {"warning", "Store the new secret now; the old one stays valid for 24 hours."}});
                 });
             }),
             {"Rotate a webhook's secret (both are valid for 24 h)", kTag}},
            {Method::Post,
             "/api/v1/webhooks/{id}/replay",
             nullptr,
             Access::Write,
             byIdAndBody([&s](Request &r, const QString &id, const Json &body) {
                 Validation v;
                 Row in = acceptFields(body, {{"since", Field::Timestamp, true}}, true, v);
                 if (!v.ok())
                     return Response::error(v.error());
                 return respond(s.webhooks.replayFailedSince(r.scope(), str(in, "since"), id), [](qint64 n) {
                     return Response::ok(Json{{"replayed", n}});
                 });
             }),
             {.summary = "Send again every failed delivery of a webhook since a time", .tag = kTag, .requestSchema = kReplaySinceBody}},
            // What `events` accepts, for a picker: every event name with its family (job.created → job).
            {Method::Get,
             "/api/v1/event-types",
             nullptr,
             Access::Read,
             [](Request &) {
                 Json types = Json::array();
                 for (const QString &name : events::eventCatalog())
                     types.push_back(Json{{"name", toStd(name)}, {"family", toStd(name.section(QLatin1Char('.'), 0, 0))}});
                 return Response::ok(Json{{"event_types", std::move(types)}});
             },
             {"The event names webhooks and MQTT publishers subscribe to, with their family", kTag}},
        });

    ResourceSpec deliveries;
    deliveries.path = QStringLiteral("/api/v1/webhook-deliveries");
    deliveries.plural = QStringLiteral("webhook_deliveries");
    deliveries.singular = QStringLiteral("webhook_delivery");
    deliveries.tag = kTag;
    deliveries.filters = {
        {QStringLiteral("webhook_id")}, {QStringLiteral("status")}, {QStringLiteral("event_type")}, {QStringLiteral("event_id")}};
    deliveries.sorts = {"created_at", "next_attempt_at", "status"};
    deliveries.defaultDescending = true;
    deliveries.list = [&s](const Request &r, const ListQuery &q) { return s.webhooks.deliveries(r.scope(), q); };
    installResource(api, deliveries);
    installActions(api.router(), {
                                     {Method::Post,
                                      "/api/v1/webhook-deliveries/{id}/replay",
                                      nullptr,
                                      Access::Write,
                                      byId([&s](Request &r, const QString &id) {
                                          return respond(s.webhooks.replayDelivery(r.scope(), id), [](const Row &d) {
                                              return Response::ok(Json{{"webhook_delivery", d}});
                                          });
                                      }),
                                      {"Send one delivery again", kTag}},
                                 });

    // Every attempt: status, duration, response excerpt, error.
    ResourceSpec logs;
    logs.path = QStringLiteral("/api/v1/webhook-logs");
    logs.compatPath = QStringLiteral("/functions/v1/api-webhook-logs");
    logs.plural = QStringLiteral("webhook_logs");
    logs.singular = QStringLiteral("webhook_log");
    logs.tag = kTag;
    logs.filters = {
        {QStringLiteral("webhook_id")}, {QStringLiteral("delivery_id")}, {QStringLiteral("status_code")}, {QStringLiteral("event_type")}};
    logs.sorts = {"created_at", "status_code", "duration_ms"};
    logs.defaultDescending = true;
    logs.list = [&s](const Request &r, const ListQuery &q) { return s.webhooks.attempts(r.scope(), q); };
    installResource(api, logs);
}

} // namespace ery::http
