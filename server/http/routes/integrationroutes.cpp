#include "http/apiserver.h"
#include "http/resourceroutes.h"
#include "routes.h"
#include "services/services.h"

#include <QFutureWatcher>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace ery::http {

namespace {
const Json kEventsSchema{{"minItems", 1}, {"description", "event names (job.created), family wildcards (operation.*) or *"}};
} // namespace

// Webhooks (CONTRACTS.md §3): registration with the secret in the create answer only, rotation,
// the delivery log per attempt, and replay.
void installWebhookRoutes(ApiServer &api)
{
    Services &s = api.services();
    ResourceSpec spec;
    spec.path = QStringLiteral("webhooks");
    spec.compat = QStringLiteral("api-webhooks");
    spec.plural = QStringLiteral("webhooks");
    spec.singular = QStringLiteral("webhook");
    spec.tag = QStringLiteral("Webhooks");
    spec.filters = {{QStringLiteral("active"), Filter::Bool}};
    spec.sorts = {"created_at", "url", "updated_at"};
    spec.createFields = WebhookService::fields();
    spec.createSchema = bodySchema(WebhookService::fields(), true);
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

    Handler rotate = [&s](Request &r) {
        auto id = r.id();
        if (!id)
            return Response::error(id.error());
        return respond(s.webhooks.rotateSecret(r.scope(), *id), [](const Row &h) {
            return Response::ok(Json{{"webhook", h}, {"warning", "Store the new secret now; the old one stays valid for 24 hours."}});
        });
    };
    api.router().add(Method::Post, canonical(QStringLiteral("webhooks/{id}/rotate-secret")), Access::Write, rotate,
                     {QStringLiteral("Rotate a webhook's secret (both are valid for 24 h)"), spec.tag, {}, false, nullptr, 200});

    Handler replayFailed = [&s](Request &r) {
        auto id = r.id();
        if (!id)
            return Response::error(id.error());
        auto body = r.json();
        if (!body)
            return Response::error(body.error());
        Validation v;
        Row in = acceptFields(*body, {{"since", Field::Timestamp, true}}, true, v);
        if (!v.ok())
            return Response::error(v.error());
        return respond(s.webhooks.replayFailedSince(r.scope(), str(in, "since"), *id),
                       [](qint64 n) { return Response::ok(Json{{"replayed", n}}); });
    };
    api.router().add(Method::Post, canonical(QStringLiteral("webhooks/{id}/replay")), Access::Write, replayFailed,
                     {QStringLiteral("Send again every failed delivery of a webhook since a time"), spec.tag, {}, false,
                      Json{{"type", "object"}, {"required", {"since"}}, {"properties", {{"since", {{"type", "string"}, {"format", "date-time"}}}}}}, 200});

    ResourceSpec deliveries;
    deliveries.path = QStringLiteral("webhook-deliveries");
    deliveries.plural = QStringLiteral("webhook_deliveries");
    deliveries.singular = QStringLiteral("webhook_delivery");
    deliveries.tag = spec.tag;
    deliveries.filters = {{QStringLiteral("webhook_id")}, {QStringLiteral("status")}, {QStringLiteral("event_type")}, {QStringLiteral("event_id")}};
    deliveries.sorts = {"created_at", "next_attempt_at", "status"};
    deliveries.defaultDescending = true;
    deliveries.list = [&s](const Request &r, const ListQuery &q) { return s.webhooks.deliveries(r.scope(), q); };
    installResource(api, deliveries);
    Handler replayOne = [&s](Request &r) {
        auto id = r.id();
        if (!id)
            return Response::error(id.error());
        return respond(s.webhooks.replayDelivery(r.scope(), *id), [](const Row &d) { return Response::ok(Json{{"webhook_delivery", d}}); });
    };
    api.router().add(Method::Post, canonical(QStringLiteral("webhook-deliveries/{id}/replay")), Access::Write, replayOne,
                     {QStringLiteral("Send one delivery again"), spec.tag, {}, false, nullptr, 200});

    // Every attempt: status, duration, response excerpt, error.
    ResourceSpec logs;
    logs.path = QStringLiteral("webhook-logs");
    logs.compat = QStringLiteral("api-webhook-logs");
    logs.plural = QStringLiteral("webhook_logs");
    logs.singular = QStringLiteral("webhook_log");
    logs.tag = spec.tag;
    logs.filters = {{QStringLiteral("webhook_id")}, {QStringLiteral("delivery_id")}, {QStringLiteral("status_code")}, {QStringLiteral("event_type")}};
    logs.sorts = {"created_at", "status_code", "duration_ms"};
    logs.defaultDescending = true;
    logs.list = [&s](const Request &r, const ListQuery &q) { return s.webhooks.attempts(r.scope(), q); };
    installResource(api, logs);
}

// MQTT publishers (CONTRACTS.md §4): the password is accepted and never returned.
void installMqttRoutes(ApiServer &api)
{
    Services &s = api.services();
    ResourceSpec spec;
    spec.path = QStringLiteral("mqtt-publishers");
    spec.compat = QStringLiteral("api-mqtt-publishers");
    spec.plural = QStringLiteral("mqtt_publishers");
    spec.singular = QStringLiteral("mqtt_publisher");
    spec.tag = QStringLiteral("MQTT");
    spec.filters = {{QStringLiteral("active"), Filter::Bool}};
    spec.sorts = {"created_at", "name", "updated_at"};
    spec.createFields = MqttPublisherService::fields();
    spec.list = [&s](const Request &r, const ListQuery &q) { return s.mqttPublishers.list(r.scope(), q); };
    spec.get = [&s](const Request &r, const QString &id) { return s.mqttPublishers.get(r.scope(), id); };
    spec.create = [&s](const Request &r, const Json &body) { return s.mqttPublishers.create(r.scope(), body); };
    spec.update = [&s](const Request &r, const QString &id, const Json &body) { return s.mqttPublishers.update(r.scope(), id, body); };
    spec.remove = [&s](const Request &r, const QString &id) { return s.mqttPublishers.remove(r.scope(), id); };
    installResource(api, spec);

    // "Test connection": connects to the broker with the stored settings and reports the answer.
    // The probe runs on a worker thread (up to 3 s against a silent broker) and is answered when it
    // is done, so the engine thread keeps serving everyone else meanwhile.
    Handler test = [&s](Request &r) {
        auto id = r.id();
        if (!id)
            return Response::error(id.error());
        auto probe = s.mqttPublishers.connectionTest(r.scope(), *id);
        if (!probe)
            return Response::error(probe.error());
        return Response::deferred([probe = std::move(*probe)](Response::Done done) {
            static QThreadPool probes;
            probes.setMaxThreadCount(8);
            auto *watcher = new QFutureWatcher<Json>();
            QObject::connect(watcher, &QFutureWatcherBase::finished, watcher, [watcher, done] {
                done(Response::ok(watcher->result()));
                watcher->deleteLater();
            });
            watcher->setFuture(QtConcurrent::run(&probes, probe));
        });
    };
    api.router().add(Method::Post, canonical(QStringLiteral("mqtt-publishers/{id}/test")), Access::Write, test,
                     {QStringLiteral("Test the connection to the broker"), spec.tag, {}, false, nullptr, 200});

    Handler preview = [&s](Request &r) {
        const QString pattern = r.q(QStringLiteral("pattern")).isEmpty() ? QStringLiteral("{enterprise}/{site}/{area}/{cell}/{event}")
                                                                           : r.q(QStringLiteral("pattern"));
        const QString event = r.q(QStringLiteral("event")).isEmpty() ? QStringLiteral("operation.started") : r.q(QStringLiteral("event"));
        return respond(s.mqttPublishers.previewTopic(r.scope(), pattern, event),
                       [](const QString &t) { return Response::ok(Json{{"topic", js(t)}}); });
    };
    api.router().add(Method::Get, canonical(QStringLiteral("mqtt-publishers/preview-topic")), Access::Read, preview,
                     {QStringLiteral("The topic a sample event would be published on"), spec.tag, {"pattern", "event"}, false, nullptr, 200});

    ResourceSpec logs;
    logs.path = QStringLiteral("mqtt-logs");
    logs.plural = QStringLiteral("mqtt_logs");
    logs.singular = QStringLiteral("mqtt_log");
    logs.tag = spec.tag;
    logs.filters = {{QStringLiteral("publisher_id")}, {QStringLiteral("event_type")}, {QStringLiteral("success"), Filter::Bool}};
    logs.sorts = {"created_at", "latency_ms"};
    logs.defaultDescending = true;
    logs.list = [&s](const Request &r, const ListQuery &q) { return s.mqttPublishers.logs(r.scope(), q); };
    installResource(api, logs);
}

} // namespace ery::http
