#pragma once

#include "eventdata.h"
#include "fields.h"

namespace ery::services {

class ActivityLog;
class EventData;
class NotificationService;
class OperationService;

// General issues and NCRs in one table. A standstill issue parks its operation (Yellow Card); when
// the last pending standstill on it leaves `pending`, the saved status returns.
class IssueService : public ServiceBase {
public:
    IssueService(const DataAccess &data, ActivityLog &activity, EventData &eventData, NotificationService &notifications,
                 OperationService &operations)
        : ServiceBase(data), m_activity(activity), m_eventData(eventData), m_notifications(notifications), m_operations(operations)
    {
    }
    static const std::vector<Field> &fields();

    // A report and what it did besides: a standstill parks its operation (returned as it is now).
    struct Reported {
        Row issue;
        std::optional<Row> parkedOperation;
    };
    Result<Reported> report(const domain::Scope &scope, const Json &input);
    // report(), for callers that need only the issue (the REST create, imports).
    Result<Row> create(const domain::Scope &scope, const Json &input);
    Result<Row> update(const domain::Scope &scope, const QString &id, const Json &patch); // description, NCR fields
    Result<Transition> approve(const domain::Scope &scope, const QString &id, const QString &notes);
    Result<Transition> reject(const domain::Scope &scope, const QString &id, const QString &notes);
    Result<Transition> close(const domain::Scope &scope, const QString &id, const QString &notes = {});
    Result<Row> verifyNcr(const domain::Scope &scope, const QString &id);
    Result<Row> get(const domain::Scope &scope, const QString &id);
    Result<domain::Page> list(const domain::Scope &scope, const domain::ListQuery &q);

private:
    Result<Transition> review(const domain::Scope &scope, const QString &id, int action, const QString &notes);

    // The services this one calls.
    ActivityLog &m_activity;
    EventData &m_eventData;
    NotificationService &m_notifications;
    OperationService &m_operations;
};

} // namespace ery::services
