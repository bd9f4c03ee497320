#pragma once

#include "eventdata.h"
#include "fields.h"

namespace ery {

class PartService : public ServiceBase {
public:
    using ServiceBase::ServiceBase;
    static const std::vector<Field> &fields();

    Result<Row> create(const Scope &scope, const Json &input); // with optional nested operations[]
    Result<Row> update(const Scope &scope, const QString &id, const Json &patch);
    Status remove(const Scope &scope, const QString &id);
    Result<Row> get(const Scope &scope, const QString &id);
    Result<Page> list(const Scope &scope, const ListQuery &q);

    // Inside a caller's transaction; quotas are the caller's (the whole tree is counted once).
    Result<Row> createIn(WriteTx &tx, const Scope &scope, const Json &input, const Row &job, const std::string &prefix = {});
    // Soft-deletes the part and its operations; refused while someone times one of them.
    Status removeIn(WriteTx &tx, const Scope &scope, const Row &part);
};

} // namespace ery
