#pragma once

#include "fields.h"
#include "servicebase.h"

#include <functional>

namespace ery::services {

class ActivityLog;
class EventData;

// MQTT publishers (CONTRACTS.md §4). The password is stored (the hub needs it to connect) and never
// returned: reads carry `has_password` instead.
class MqttPublisherService : public ServiceBase {
public:
    static const std::vector<Field> &fields();
    MqttPublisherService(const DataAccess &data, ActivityLog &activity, EventData &eventData)
        : ServiceBase(data), m_activity(activity), m_eventData(eventData)
    {
    }

    Result<Row> create(const domain::Scope &scope, const Json &input);
    Result<Row> update(const domain::Scope &scope, const QString &id, const Json &patch);
    Status remove(const domain::Scope &scope, const QString &id);
    Result<Row> get(const domain::Scope &scope, const QString &id);
    Result<domain::Page> list(const domain::Scope &scope, const domain::ListQuery &q);
    Result<domain::Page> logs(const domain::Scope &scope, const domain::ListQuery &q);
    // The topic a sample event would go to, for the admin's live preview.
    Result<QString> previewTopic(const domain::Scope &scope, const QString &pattern, const QString &eventType);

    // Connects to a broker with a publisher's settings and says whether it accepted; blocks up to
    // its timeout. The MQTT client lives with the connections (integrations), which the engine
    // hands in here.
    using Probe = std::function<Status(const Json &publisher)>;
    void setProbe(Probe probe) { m_probe = std::move(probe); }
    // "Test connection": the publisher is read now (NOT_FOUND at once); the returned job connects
    // and answers {connected, error}. It blocks, so the caller runs it off the engine thread.
    Result<std::function<Json()>> connectionTest(const domain::Scope &scope, const QString &id);

    // The connection's bookkeeping (no events: it describes delivery, not the shop).
    Status markConnected(const domain::Scope &scope, const QString &id);
    Status markError(const domain::Scope &scope, const QString &id, const QString &error);
    Status acknowledge(const domain::Scope &scope, const Row &message, qint64 latencyMs);
    // Many acknowledgements in one transaction: (stored message, latency in ms).
    Status acknowledgeMany(const std::vector<std::pair<Row, qint64>> &acks);

    static Row publicView(Row publisher);

private:
    Result<Row> validated(const Json &input, bool creating);
    Probe m_probe;

    // The services this one calls.
    ActivityLog &m_activity;
    EventData &m_eventData;
};

} // namespace ery::services
