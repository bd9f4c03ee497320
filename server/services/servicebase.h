#pragma once

#include "core/ids.h"
#include "core/jsonutil.h"
#include "core/result.h"
#include "domain/scope.h"
#include "storage/repositories.h"

#include <optional>
#include <vector>

namespace ery {

class Services;

// What every service shares: the engine's one write connection and the repositories.
class ServiceBase {
public:
    explicit ServiceBase(Services &s);

protected:
    Database &db() const;
    const Repositories &repo() const;
    Services &m_s;
};

// The answer of a lifecycle action, as the API reports it, with what the action did besides the
// status change so callers never read it back (or guess it) after the write.
struct Transition {
    QString previousStatus;
    QString newStatus;
    Row row;
    std::vector<Row> openedTimeEntries;
    std::vector<Row> closedTimeEntries;
    // An issue review that ends the last pending standstill on its operation: the operation, restored.
    std::optional<Row> releasedOperation;
};

} // namespace ery
