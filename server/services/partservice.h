#pragma once

#include "eventdata.h"
#include "fields.h"

namespace ery::services {

class ActivityLog;
class EventData;
class OperationService;
class Quotas;

class PartService : public ServiceBase {
public:
    PartService(const DataAccess &data, ActivityLog &activity, EventData &eventData, OperationService &operations, Quotas &quotas)
        : ServiceBase(data), m_activity(activity), m_eventData(eventData), m_operations(operations), m_quotas(quotas)
    {
    }
    static const std::vector<Field> &fields();

    // With optional nested operations[]; syncStamp as JobService's.
    Result<Row> create(const domain::Scope &scope, const Json &input, const Row &syncStamp = Row::object());
    Result<Row> update(const domain::Scope &scope, const QString &id, const Json &patch, const Row &syncStamp = Row::object());
    Status remove(const domain::Scope &scope, const QString &id);
    Result<Row> get(const domain::Scope &scope, const QString &id);
    Result<domain::Page> list(const domain::Scope &scope, const domain::ListQuery &q);

    // Inside a caller's transaction; quotas are the caller's (the whole tree is counted once).
    Result<Row> createIn(storage::WriteTx &tx, const domain::Scope &scope, const Json &input, const Row &job,
                         const std::string &prefix = {}, const Row &syncStamp = Row::object());
    // Soft-deletes the part and its operations; refused while someone times one of them.
    Status removeIn(storage::WriteTx &tx, const domain::Scope &scope, const Row &part);

private:
    // The services this one calls.
    ActivityLog &m_activity;
    EventData &m_eventData;
    OperationService &m_operations;
    Quotas &m_quotas;
};

} // namespace ery::services
