#pragma once

#include "fields.h"
#include "servicebase.h"

namespace ery::services {

class NotificationService;

// Work handed to an operator, per part, with its own small status flow.
class AssignmentService : public ServiceBase {
public:
    AssignmentService(const DataAccess &data, NotificationService &notifications) : ServiceBase(data), m_notifications(notifications) { }
    static const std::vector<Field> &fields();
    // Work is assigned per part; the part's operations get the worker as assigned operator.
    Result<Row> assign(const domain::Scope &scope, const Json &input); // part_id, operator_id, notes
    Result<Row> setStatus(const domain::Scope &scope, const QString &id, const QString &status);
    Status remove(const domain::Scope &scope, const QString &id);
    Result<domain::Page> list(const domain::Scope &scope, const domain::ListQuery &q);

private:
    // The services this one calls.
    NotificationService &m_notifications;
};

} // namespace ery::services
