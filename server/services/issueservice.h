#pragma once

#include "eventdata.h"
#include "fields.h"

namespace ery {

// General issues and NCRs in one table. A standstill issue parks its operation (Yellow Card); when
// the last pending standstill on it leaves `pending`, the saved status returns.
class IssueService : public ServiceBase {
public:
    using ServiceBase::ServiceBase;
    static const std::vector<Field> &fields();

    Result<Row> create(const Scope &scope, const Json &input);
    Result<Row> update(const Scope &scope, const QString &id, const Json &patch); // description, NCR fields
    Result<Transition> approve(const Scope &scope, const QString &id, const QString &notes);
    Result<Transition> reject(const Scope &scope, const QString &id, const QString &notes);
    Result<Transition> close(const Scope &scope, const QString &id, const QString &notes = {});
    Result<Row> verifyNcr(const Scope &scope, const QString &id);
    Result<Row> get(const Scope &scope, const QString &id);
    Result<Page> list(const Scope &scope, const ListQuery &q);

private:
    Result<Transition> review(const Scope &scope, const QString &id, int action, const QString &notes);
};

} // namespace ery
