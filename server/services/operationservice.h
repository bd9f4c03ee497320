#pragma once

#include "domain/rules.h"
#include "eventdata.h"
#include "fields.h"

namespace ery::services {

class ActivityLog;
class CatalogService;
class EventData;
class Rollup;
class TimeService;

class OperationService : public ServiceBase {
public:
    OperationService(const DataAccess &data, ActivityLog &activity, CatalogService &catalog, EventData &eventData, Rollup &rollup,
                     TimeService &time)
        : ServiceBase(data), m_activity(activity), m_catalog(catalog), m_eventData(eventData), m_rollup(rollup), m_time(time)
    {
    }
    static const std::vector<Field> &fields();
    // estimated_time_minutes (the original's CSV template name) folded into estimated_time; both
    // given with different values is reported in v. prefix as acceptFields'.
    static Json foldEstimateAlias(const Json &input, Validation &v, const std::string &prefix = {});
    // fields() and that alias: what a create or update body may hold (the OpenAPI document's).
    static const std::vector<Field> &inputFields();

    // syncStamp as JobService's. part, cell: the operation's part and cell as the caller read them
    // in this write (they are then the operation's, not read again).
    Result<Row> create(const domain::Scope &scope, const Json &input, const Row &syncStamp = Row::object(), const Row *part = nullptr,
                       const Row *cell = nullptr);
    Result<Row> update(const domain::Scope &scope, const QString &id, const Json &patch, const Row &syncStamp = Row::object());
    Status remove(const domain::Scope &scope, const QString &id);
    Result<Row> get(const domain::Scope &scope, const QString &id);
    Result<domain::Page> list(const domain::Scope &scope, const domain::ListQuery &q);

    // Lifecycle; a worker on start/resume opens a time entry, on complete closes the worker's own.
    Result<Transition> transition(const domain::Scope &scope, const QString &id, domain::Action a, const QString &workerId);
    Result<Transition> start(const domain::Scope &scope, const QString &id, const QString &workerId = {});
    Result<Transition> pause(const domain::Scope &scope, const QString &id);
    Result<Transition> resume(const domain::Scope &scope, const QString &id, const QString &workerId = {});
    Result<Transition> complete(const domain::Scope &scope, const QString &id, const QString &workerId = {});

    // Inside a caller's transaction.
    Result<Transition> transitionIn(storage::WriteTx &tx, const domain::Scope &scope, const Row &op, domain::Action a,
                                    const QString &workerId);
    Result<Row> createIn(storage::WriteTx &tx, const domain::Scope &scope, const Json &input, const Row *part = nullptr,
                         const std::string &prefix = {}, const Row &syncStamp = Row::object(), const Row *cell = nullptr);
    // Parks an operation for a standstill issue / restores it when the last one is resolved; the
    // operation as it is afterwards, or nothing when it was left as it was.
    Result<std::optional<Row>> park(storage::WriteTx &tx, const domain::Scope &scope, const QString &operationId, const QString &issueId);
    Result<std::optional<Row>> unpark(storage::WriteTx &tx, const domain::Scope &scope, const QString &operationId, const QString &issueId);

private:
    Status checkNextCellCapacity(storage::WriteTx &tx, const domain::Scope &scope, OperationContext &ctx);
    // A Conflict naming the cell and its figures when cellId enforces a WIP limit that jobId
    // (not counted itself) would exceed.
    Status checkCellHasRoom(storage::WriteTx &tx, const domain::Scope &scope, const QString &cellId, const QString &jobId);

    // The services this one calls.
    ActivityLog &m_activity;
    CatalogService &m_catalog;
    EventData &m_eventData;
    Rollup &m_rollup;
    TimeService &m_time;
};

} // namespace ery::services
