#pragma once

#include "eventdata.h"
#include "fields.h"

namespace ery::services {

class ActivityLog;
class EventData;
class OperationService;

// Time tracking (DOMAIN.md): entries per (worker, operation) in minutes, pauses in seconds, one open
// entry per worker, actual_time recomputed from closed entries.
class TimeService : public ServiceBase {
public:
    TimeService(const DataAccess &data, ActivityLog &activity, EventData &eventData, OperationService &operations)
        : ServiceBase(data), m_activity(activity), m_eventData(eventData), m_operations(operations)
    {
    }

    // The terminal's Start: opens an entry; a not_started operation is started (with roll-up).
    Result<Row> start(const domain::Scope &scope, const QString &workerId, const QString &operationId);
    // Closes the worker's open entry (the terminal's Pause: the operation keeps its status).
    Result<Row> stop(const domain::Scope &scope, const QString &workerId);
    Result<Row> pause(const domain::Scope &scope, const QString &entryId); // a break inside a running entry
    Result<Row> resume(const domain::Scope &scope, const QString &entryId);
    Result<Row> forceStop(const domain::Scope &scope, const QString &entryId); // admin
    Result<qint64> stopAll(const domain::Scope &scope);                        // admin: every open entry
    // A correction after the fact (admin): time a worker forgot to clock, booked as a closed entry
    // from start_time to end_time (no later than now, at most a day, sharing no time with the
    // worker's other entries; 409 names the entry it would overlap). The operation keeps its status;
    // its actual_time is recomputed. input: bookFields().
    Result<Row> book(const domain::Scope &scope, const Json &input);
    static const std::vector<Field> &bookFields();
    static constexpr qint64 kMaxBookedMs = 24ll * 3600 * 1000;
    Result<domain::Page> list(const domain::Scope &scope, const domain::ListQuery &q);
    Result<Row> get(const domain::Scope &scope, const QString &id);

    // Inside a caller's transaction.
    Result<Row> openIn(storage::WriteTx &tx, const domain::Scope &scope, const QString &workerId, const OperationContext &ctx);
    Result<Row> closeIn(storage::WriteTx &tx, const domain::Scope &scope, const Row &entry, const QString &reason);
    Status recomputeActualTime(storage::WriteTx &tx, const domain::Scope &scope, const QString &operationId);

private:
    // The services this one calls.
    ActivityLog &m_activity;
    EventData &m_eventData;
    OperationService &m_operations;
};

} // namespace ery::services
