#pragma once

#include "fields.h"
#include "servicebase.h"

namespace ery {

// MQTT publishers (CONTRACTS.md §4). The password is stored (the hub needs it to connect) and never
// returned: reads carry `has_password` instead.
class MqttPublisherService : public ServiceBase {
public:
    static const std::vector<Field> &fields();
    using ServiceBase::ServiceBase;

    Result<Row> create(const Scope &scope, const Json &input);
    Result<Row> update(const Scope &scope, const QString &id, const Json &patch);
    Status remove(const Scope &scope, const QString &id);
    Result<Row> get(const Scope &scope, const QString &id);
    Result<Page> list(const Scope &scope, const ListQuery &q);
    Result<Page> logs(const Scope &scope, const ListQuery &q);
    // The topic a sample event would go to, for the admin's live preview.
    Result<QString> previewTopic(const Scope &scope, const QString &pattern, const QString &eventType);

    // The connection's bookkeeping (no events: it describes delivery, not the shop).
    Status markConnected(const Scope &scope, const QString &id);
    Status markError(const Scope &scope, const QString &id, const QString &error);
    Status acknowledge(const Scope &scope, const Row &message, qint64 latencyMs);
    // Many acknowledgements in one transaction: (stored message, latency in ms).
    Status acknowledgeMany(const std::vector<std::pair<Row, qint64>> &acks);

    static Row publicView(Row publisher);

private:
    Result<Row> validated(const Json &input, bool creating);
};

} // namespace ery
