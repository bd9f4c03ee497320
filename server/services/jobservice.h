#pragma once

#include "domain/rules.h"
#include "eventdata.h"
#include "fields.h"

namespace ery::services {

class ActivityLog;
class EventData;
class PartService;
class Quotas;

class JobService : public ServiceBase {
public:
    JobService(const DataAccess &data, ActivityLog &activity, EventData &eventData, PartService &parts, Quotas &quotas)
        : ServiceBase(data), m_activity(activity), m_eventData(eventData), m_parts(parts), m_quotas(quotas)
    {
    }
    static const std::vector<Field> &fields();

    // A job with optional nested parts[] each with optional operations[] (cell_id or cell_name),
    // all in one transaction, quotas checked for the whole tree. syncStamp (here and in the other
    // services' create and update): the columns a feed stamps the record with (SyncService:
    // synced_at, sync_hash), written in the same statement; never a client's input.
    Result<Row> create(const domain::Scope &scope, const Json &input, const Row &syncStamp = Row::object());
    Result<Row> update(const domain::Scope &scope, const QString &id, const Json &patch, const Row &syncStamp = Row::object());
    Status remove(const domain::Scope &scope, const QString &id);
    Result<Row> get(const domain::Scope &scope, const QString &id);
    Result<Row> byNumber(const domain::Scope &scope, const QString &jobNumber);
    Result<domain::Page> list(const domain::Scope &scope, const domain::ListQuery &q);
    // Every job with its progress, soonest due first (the CLI's list, the demo's check).
    Result<Rows> overview(const domain::Scope &scope);
    // A page of them as the desktop's jobs table asks (Repositories::jobsOverview).
    Result<domain::Page> overview(const domain::Scope &scope, const domain::ListQuery &q);
    static const QStringList &overviewSorts();
    // The job with its parts and each part's operations.
    Result<Json> tree(const domain::Scope &scope, const QString &id);

    Result<Transition> start(const domain::Scope &scope, const QString &id);
    Result<Transition> stop(const domain::Scope &scope, const QString &id);
    Result<Transition> resume(const domain::Scope &scope, const QString &id);
    Result<Transition> complete(const domain::Scope &scope, const QString &id);

    Result<Row> createIn(storage::WriteTx &tx, const domain::Scope &scope, const Json &input, const Row &syncStamp = Row::object());

private:
    Result<Transition> transition(const domain::Scope &scope, const QString &id, domain::Action a);

    // The services this one calls.
    ActivityLog &m_activity;
    EventData &m_eventData;
    PartService &m_parts;
    Quotas &m_quotas;
};

} // namespace ery::services
