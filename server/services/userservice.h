#pragma once

#include "fields.h"
#include "servicebase.h"

namespace ery::services {

class ActivityLog;

// One worker entity for admins (username + password) and operators (employee id + 4–6 digit PIN).
class UserService : public ServiceBase {
public:
    static const std::vector<Field> &fields();         // every user (full_name, email, active, is_machine)
    static const std::vector<Field> &operatorFields(); // an operator's own (pin, employee_id)
    UserService(const DataAccess &data, ActivityLog &activity) : ServiceBase(data), m_activity(activity) { }
    static constexpr int kMaxFailures = 5;
    static constexpr int kLockMinutes = 15;

    Result<Row> createAdmin(const domain::Scope &scope, const Json &input);    // username, full_name, password (≥ 8), email
    Result<Row> createOperator(const domain::Scope &scope, const Json &input); // full_name, pin, employee_id (generated when absent)
    Result<Row> get(const domain::Scope &scope, const QString &id);
    Result<domain::Page> list(const domain::Scope &scope, const domain::ListQuery &q);
    Result<Row> update(const domain::Scope &scope, const QString &id, const Json &patch);
    Result<Row> resetPin(const domain::Scope &scope, const QString &id, const QString &pin);
    Result<Row> unlock(const domain::Scope &scope, const QString &id);
    Result<Row> deactivate(const domain::Scope &scope, const QString &id);

    // Log-ins. Failures count and lock for 15 minutes after 5; errors carry attempts_remaining.
    Result<Row> verifyPin(const domain::Scope &scope, const QString &employeeId, const QString &pin);
    Result<Row> verifyPassword(const domain::Scope &scope, const QString &username, const QString &password);

    static Row publicView(Row user); // without hashes

private:
    Result<Row> verify(const domain::Scope &scope, const QString &column, const QString &who, const QString &secret, bool pin);

    // The services this one calls.
    ActivityLog &m_activity;
};

} // namespace ery::services
