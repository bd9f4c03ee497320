#pragma once

#include "fields.h"
#include "servicebase.h"

namespace ery::services {

class ActivityLog;
class EventData;

// A shop's settings without SQL: its names (shop, ISA-95 enterprise/site/area), time zone, the
// shop-wide WIP switch, loopback webhook targets, the API rate-limit override, plan and quotas. A
// change is validated (every bad field at once; an unknown key is an error), written in one
// transaction, audited in the activity log and emitted as `settings.updated`. A live shop's change
// is followed by its sandbox twin, so test keys behave as live ones do.
class SettingsService : public ServiceBase {
public:
    SettingsService(const DataAccess &data, ActivityLog &activity, EventData &eventData)
        : ServiceBase(data), m_activity(activity), m_eventData(eventData)
    {
    }
    static const std::vector<Field> &fields();
    Result<Json> get(const domain::Scope &scope);
    Result<Json> update(const domain::Scope &scope, const Json &patch);
    // `settings set KEY VALUE`: the text a person typed, read as the key's type ("true", "600", "null").
    static Result<Json> parseValue(const QString &key, const QString &text);

private:
    // The services this one calls.
    ActivityLog &m_activity;
    // Holds the shop's names for event topics: forgotten after a change, so the next MQTT topic has them.
    EventData &m_eventData;
};

} // namespace ery::services
