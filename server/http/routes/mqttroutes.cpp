#include "http/actionroute.h"
#include "http/apiserver.h"
#include "http/answers.h"
#include "http/openapi.h"
#include "http/resourcespec.h"
#include "routes.h"
#include "services/services.h"

#include <QFutureWatcher>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

using namespace ery::domain;
using namespace ery::services;

namespace ery::http {

namespace {
const QString kTag = QStringLiteral("MQTT");
// Probes of brokers that take their time run side by side, up to this many at once.
constexpr int kProbeThreads = 8;
const QString kSampleTopicPattern = QStringLiteral("{enterprise}/{site}/{area}/{cell}/{event}");
const QString kSampleEvent = QStringLiteral("operation.started");

// "Test connection": connects to the broker with the stored settings and reports the answer. The
// probe runs on a worker thread and is answered when it is done, so the engine thread keeps
// serving everyone else meanwhile.
Response probeBroker(Services &s, Request &r, const QString &id)
{
    auto probe = s.mqttPublishers.connectionTest(r.scope(), id);
    if (!probe)
        return Response::error(probe.error());
    return Response::deferred([probe = std::move(*probe)](Response::Done done) {
        static QThreadPool probes;
        probes.setMaxThreadCount(kProbeThreads);
        auto *watcher = new QFutureWatcher<Json>();
        QObject::connect(watcher, &QFutureWatcherBase::finished, watcher, [watcher, done] {
            done(Response::ok(watcher->result()));
            watcher->deleteLater();
        });
        watcher->setFuture(QtConcurrent::run(&probes, probe));
    });
}
} // namespace

// MQTT publishers (CONTRACTS.md §4): the password is accepted and never returned.
void installMqttRoutes(ApiServer &api)
{
    Services &s = api.services();
    ResourceSpec spec;
    spec.path = QStringLiteral("/api/v1/mqtt-publishers");
    spec.itemPath = QStringLiteral("/api/v1/mqtt-publishers/{id}");
    spec.compatPath = QStringLiteral("/functions/v1/api-mqtt-publishers");
    spec.plural = QStringLiteral("mqtt_publishers");
    spec.singular = QStringLiteral("mqtt_publisher");
    spec.tag = kTag;
    spec.filters = {{QStringLiteral("active"), Filter::Bool}};
    spec.sorts = {"created_at", "name", "updated_at"};
    spec.createFields = MqttPublisherService::fields();
    spec.list = [&s](const Request &r, const ListQuery &q) { return s.mqttPublishers.list(r.scope(), q); };
    spec.get = [&s](const Request &r, const QString &id) { return s.mqttPublishers.get(r.scope(), id); };
    spec.create = [&s](const Request &r, const Json &body) { return s.mqttPublishers.create(r.scope(), body); };
    spec.update = [&s](const Request &r, const QString &id, const Json &body) { return s.mqttPublishers.update(r.scope(), id, body); };
    spec.remove = [&s](const Request &r, const QString &id) { return s.mqttPublishers.remove(r.scope(), id); };
    installResource(api, spec);

    installActions(api.router(),
                   {
                       {Method::Post,
                        "/api/v1/mqtt-publishers/{id}/test",
                        nullptr,
                        Access::Write,
                        byId([&s](Request &r, const QString &id) { return probeBroker(s, r, id); }),
                        {"Test the connection to the broker", kTag}},
                       {Method::Get,
                        "/api/v1/mqtt-publishers/preview-topic",
                        nullptr,
                        Access::Read,
                        [&s](Request &r) {
                            QString pattern = r.q(QStringLiteral("pattern")), event = r.q(QStringLiteral("event"));
                            if (pattern.isEmpty())
                                pattern = kSampleTopicPattern;
                            if (event.isEmpty())
                                event = kSampleEvent;
                            return respond(s.mqttPublishers.previewTopic(r.scope(), pattern, event), [](const QString &t) {
                                return Response::ok(Json{{"topic", toStd(t)}});
                            });
                        },
                        {.summary = "The topic a sample event would be published on", .tag = kTag, .queryParams = {"pattern", "event"}}},
                   });

    ResourceSpec logs;
    logs.path = QStringLiteral("/api/v1/mqtt-logs");
    logs.plural = QStringLiteral("mqtt_logs");
    logs.singular = QStringLiteral("mqtt_log");
    logs.tag = kTag;
    logs.filters = {{QStringLiteral("publisher_id")}, {QStringLiteral("event_type")}, {QStringLiteral("success"), Filter::Bool}};
    logs.sorts = {"created_at", "latency_ms"};
    logs.defaultDescending = true;
    logs.list = [&s](const Request &r, const ListQuery &q) { return s.mqttPublishers.logs(r.scope(), q); };
    installResource(api, logs);
}

} // namespace ery::http
