#pragma once

#include "fields.h"
#include "servicebase.h"

namespace ery::services {

class ActivityLog;
class EventData;
class OperationService;
class TimeService;

// What stopping a batch did: the minutes it took and how they were split over its operations.
struct BatchOutcome {
    Transition transition;
    qint64 totalMinutes = 0;
    QString distributionMethod; // weighted (by estimated_time) | equal | none
    Json distribution;          // [{id, minutes}]
    QString monitoringSource;   // operator | machine
    int operationsStarted = 0;
};

// Nesting batches (the original's operation_batches): operations cut or processed together, started
// and completed as one. Starting starts every member operation (roll-up and events as always);
// stopping splits the batch's minutes over them — weighted by estimated_time when every operation
// has one, else equally — books each share as a closed time entry of the operator, and completes
// them. The operator keeps the one-open-entry rule: a batch needs an operator without open time.
class BatchService : public ServiceBase {
public:
    BatchService(const DataAccess &data, ActivityLog &activity, EventData &eventData, OperationService &operations, TimeService &time)
        : ServiceBase(data), m_activity(activity), m_eventData(eventData), m_operations(operations), m_time(time)
    {
    }
    static const std::vector<Field> &fields();

    Result<Row> create(const domain::Scope &scope, const Json &input); // input may hold operation_ids
    Result<Row> update(const domain::Scope &scope, const QString &id, const Json &patch);
    Status remove(const domain::Scope &scope, const QString &id);
    Result<Row> get(const domain::Scope &scope, const QString &id); // with its operations
    Result<domain::Page> list(const domain::Scope &scope, const domain::ListQuery &q);

    Result<qint64> addOperations(const domain::Scope &scope, const QString &id, const Json &operationIds);
    Result<BatchOutcome> start(const domain::Scope &scope, const QString &id, const QString &operatorId);
    Result<BatchOutcome> stop(const domain::Scope &scope, const QString &id, const QString &operatorId);

    // Splits minutes over weights (all > 0: proportional; otherwise equal), remainders one by one.
    static std::vector<qint64> distribute(qint64 minutes, const std::vector<qint64> &weights, bool *weighted);

private:
    Result<qint64> attach(storage::WriteTx &tx, const domain::Scope &scope, const Row &batch, const Json &operationIds, const char *field);
    Json batchData(const domain::Scope &scope, const Row &batch) const;
    Json batchContext(const domain::Scope &scope, const Row &batch) const;

    // The services this one calls.
    ActivityLog &m_activity;
    EventData &m_eventData;
    OperationService &m_operations;
    TimeService &m_time;
};

} // namespace ery::services
