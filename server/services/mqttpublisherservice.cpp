#include "mqttpublisherservice.h"

#include "domain/brokeraddress.h"
#include "domain/mqtttopic.h"
#include "events/eventcatalog.h"
#include "fields.h"
#include "activitylog.h"
#include "eventdata.h"
#include "storage/deliveryrepository.h"
#include "storage/repositories.h"

using namespace ery::domain;
using namespace ery::storage;
using namespace ery::events;

namespace ery::services {

Row MqttPublisherService::publicView(Row p)
{
    p["has_password"] = !str(p, "password").isEmpty();
    p.erase("password");
    return p;
}

const std::vector<Field> &MqttPublisherService::fields()
{
    static const std::vector<Field> f{{"name", Field::Text, true, {}, {}, limits::kName},
                                      {"description", Field::Text, false, {}, {}, limits::kText},
                                      {"broker_url", Field::Text, true, {}, {}, 500},
                                      {"port", Field::Int, false, {}, 1, limits::kText, 65535},
                                      {"username", Field::Text, false, {}, {}, limits::kName},
                                      {"password", Field::Text, false, {}, {}, 500},
                                      {"client_id", Field::Text, false, {}, {}, limits::kShort},
                                      {"use_tls", Field::Bool},
                                      {"ca_file", Field::Text, false, {}, {}, limits::kPath},
                                      {"client_cert_file", Field::Text, false, {}, {}, limits::kPath},
                                      {"client_key_file", Field::Text, false, {}, {}, limits::kPath},
                                      {"topic_pattern", Field::Text, false, {}, {}, 500},
                                      {"default_enterprise", Field::Text, false, {}, {}, limits::kShort},
                                      {"default_site", Field::Text, false, {}, {}, limits::kShort},
                                      {"default_area", Field::Text, false, {}, {}, limits::kShort},
                                      {"events", Field::TextList, true, {}, {}, limits::kShort},
                                      {"qos", Field::Int, false, {}, 0, limits::kText, 2},
                                      {"protocol_version", Field::Enum, false, {"3.1.1", "5"}},
                                      {"cell_state_topics", Field::Bool},
                                      {"active", Field::Bool}};
    return f;
}

Result<Row> MqttPublisherService::validated(const Json &input, bool creating)
{
    Validation v;
    // Events are required when creating a publisher, not in a patch.
    std::vector<Field> spec = fields();
    for (Field &f : spec)
        if (QLatin1String(f.name) == QLatin1String("events"))
            f.required = creating;
    Row row = acceptFields(input, spec, creating, v);
    if (row.contains("port") && num(row, "port") > 65535)
        v.add("port", QStringLiteral("port must be 1 to 65535"), row["port"], "maximum");
    if (row.contains("qos") && num(row, "qos") > 2)
        v.add("qos", QStringLiteral("qos must be 0, 1 or 2"), row["qos"], "enum");
    if (row.contains("broker_url")) {
        // Stored as its parts: the host in broker_url, the URL's port in `port`, mqtts:// as use_tls.
        const domain::BrokerAddress a = domain::BrokerAddress::parse(str(row, "broker_url"));
        if (!a.ok()) {
            v.add("broker_url", a.error, row["broker_url"], "broker_url");
        } else {
            row["broker_url"] = toStd(a.host);
            if (a.port) {
                if (row.contains("port") && row["port"].is_number() && num(row, "port") != *a.port)
                    v.add("port", QStringLiteral("port %1 differs from the port in broker_url (%2)").arg(num(row, "port")).arg(*a.port),
                          row["port"], "broker_url");
                row["port"] = *a.port;
            } else if (a.tls && !row.contains("port")) {
                row["port"] = 8883; // MQTT over TLS
            }
            if (a.schemeGiven) {
                if (row.contains("use_tls") && row["use_tls"].is_boolean() && row["use_tls"].get<bool>() != a.tls)
                    v.add("use_tls",
                          QStringLiteral("use_tls is %1 but broker_url says %2")
                              .arg(row["use_tls"].get<bool>() ? QStringLiteral("true") : QStringLiteral("false"),
                                   a.tls ? QStringLiteral("mqtts:// (TLS)") : QStringLiteral("mqtt:// (no TLS)")),
                          row["use_tls"], "broker_url");
                row["use_tls"] = a.tls;
            }
        }
    }
    if (row.contains("topic_pattern")) {
        const QStringList unknown = domain::unknownTopicTokens(str(row, "topic_pattern"));
        if (!unknown.isEmpty())
            v.add("topic_pattern",
                  QStringLiteral("unknown token {%1}; known: %2").arg(unknown.first(), domain::topicTokens().join(QStringLiteral(", "))),
                  row["topic_pattern"], "tokens");
        if (str(row, "topic_pattern").contains(QLatin1Char('#')) || str(row, "topic_pattern").contains(QLatin1Char('+')))
            v.add("topic_pattern", QStringLiteral("a topic to publish to cannot contain + or #"), row["topic_pattern"], "topic");
    }
    if (row.contains("events")) {
        if (row["events"].empty())
            v.add("events", QStringLiteral("subscribe to at least one event (or \"*\")"), row["events"], "minItems");
        for (const auto &e : row["events"]) {
            const QString name = fromStd(e.get<std::string>());
            const bool ok =
                eventCatalog().contains(name) || std::any_of(eventCatalog().begin(), eventCatalog().end(), [&](const QString &c) {
                    return (name == QLatin1String("*") || name.endsWith(QLatin1String(".*"))) && eventMatches(name, c);
                });
            if (!ok)
                v.add("events", QStringLiteral("unknown event \"%1\"").arg(name), e, "enum");
        }
    }
    if (!v.ok())
        return v.error();
    return row;
}

Result<Row> MqttPublisherService::create(const Scope &scope, const Json &input)
{
    auto row = validated(input, true);
    if (!row)
        return row.error();
    // Not given: the shop's enterprise, site and area, read when each message is made.
    for (const char *k : {"default_enterprise", "default_site", "default_area"})
        if (!row->contains(k))
            (*row)[k] = "";
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto created = repo().mqttPublishers.insert(tx, scope, *row);
        if (!created)
            return created.error();
        ERY_TRY(m_activity.record(tx, scope, QStringLiteral("create"), QStringLiteral("mqtt_publisher"), str(*created, "id"),
                                  str(*created, "name"), QStringLiteral("MQTT publisher %1 created").arg(str(*created, "name"))));
        return publicView(*created);
    });
}

Result<Row> MqttPublisherService::update(const Scope &scope, const QString &id, const Json &patch)
{
    auto accepted = validated(patch, false);
    if (!accepted)
        return accepted.error();
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto p = repo().mqttPublishers.get(tx.db(), scope, id, QStringLiteral("MQTT publisher"));
        if (!p)
            return p.error();
        auto next = repo().mqttPublishers.update(tx, scope, *p, *accepted);
        if (!next)
            return next.error();
        return publicView(*next);
    });
}

Status MqttPublisherService::remove(const Scope &scope, const QString &id)
{
    return db().write([&](WriteTx &tx) -> Status {
        auto p = repo().mqttPublishers.get(tx.db(), scope, id, QStringLiteral("MQTT publisher"));
        if (!p)
            return p.error();
        return repo().mqttPublishers.remove(tx, scope, *p);
    });
}

Result<Row> MqttPublisherService::get(const Scope &scope, const QString &id)
{
    auto p = repo().mqttPublishers.get(db(), scope, id, QStringLiteral("MQTT publisher"));
    if (!p)
        return p.error();
    return publicView(*p);
}

Result<Page> MqttPublisherService::list(const Scope &scope, const ListQuery &q)
{
    auto page = repo().mqttPublishers.list(db(), scope, q);
    if (!page)
        return page.error();
    for (auto &r : page->rows)
        r = publicView(r);
    return page;
}

Result<Page> MqttPublisherService::logs(const Scope &scope, const ListQuery &q)
{
    ListQuery lq = q;
    if (lq.sort.isEmpty()) {
        lq.sort = QStringLiteral("created_at");
        lq.descending = true;
    }
    return repo().mqttLogs.list(db(), scope, lq);
}

Result<std::function<Json()>> MqttPublisherService::connectionTest(const Scope &scope, const QString &id)
{
    // The stored row itself: the probe needs the password publicView() leaves out.
    auto pub = repo().mqttPublishers.get(db(), scope, id, QStringLiteral("MQTT publisher"));
    if (!pub)
        return pub.error();
    return std::function<Json()>([probe = m_probe, p = std::move(*pub)] {
        const Status ok = probe ? probe(p) : Status(Error::internal(QStringLiteral("no MQTT client")));
        return Json{{"connected", ok.ok()}, {"error", ok ? Json(nullptr) : Json(toStd(ok.error().message))}};
    });
}

Result<QString> MqttPublisherService::previewTopic(const Scope &scope, const QString &pattern, const QString &eventType)
{
    auto t = m_eventData.tenant(scope.tenantId);
    if (!t)
        return t.error();
    const QHash<QString, QString> values{{"enterprise", str(*t, "enterprise")},
                                         {"site", str(*t, "site")},
                                         {"area", str(*t, "area")},
                                         {"cell", QStringLiteral("Laser cutting")},
                                         {"operation", QStringLiteral("Cut blanks")},
                                         {"job_number", QStringLiteral("JOB-2601")},
                                         {"part_number", QStringLiteral("JOB-2601-01")},
                                         {"tenant_id", scope.tenantId}};
    return domain::renderTopic(pattern, values, eventType);
}

Status MqttPublisherService::markConnected(const Scope &scope, const QString &id)
{
    return db().write([&](WriteTx &tx) { return DeliveryRepository::updatePublisherStatus(tx, scope, id, true, {}); });
}

Status MqttPublisherService::markError(const Scope &scope, const QString &id, const QString &error)
{
    return db().write([&](WriteTx &tx) { return DeliveryRepository::updatePublisherStatus(tx, scope, id, false, error.left(500)); });
}

Status MqttPublisherService::acknowledge(const Scope &scope, const Row &message, qint64 latencyMs)
{
    Row m = message;
    m["tenant_id"] = toStd(scope.tenantId);
    return acknowledgeMany({{m, latencyMs}});
}

Status MqttPublisherService::acknowledgeMany(const std::vector<std::pair<Row, qint64>> &acks)
{
    return db().write([&](WriteTx &tx) -> Status {
        for (const auto &[message, latencyMs] : acks) {
            ERY_TRY(DeliveryRepository::deleteMqttMessage(tx, num(message, "id")));
            ERY_TRY(DeliveryRepository::insertMqttLog(tx, Scope::of(str(message, "tenant_id")),
                                                      Row{{"publisher_id", message["publisher_id"]},
                                                          {"event_type", message["event_type"]},
                                                          {"topic", message["topic"]},
                                                          {"payload", nullptr},
                                                          {"success", true},
                                                          {"latency_ms", latencyMs}}));
        }
        return {};
    });
}

} // namespace ery::services
