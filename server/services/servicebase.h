#pragma once

#include "core/ids.h"
#include "core/jsonutil.h"
#include "core/result.h"
#include "domain/listquery.h"
#include "domain/scope.h"

#include <optional>
#include <vector>

namespace ery::storage {
class Database;
class WriteTx;
struct Repositories;
} // namespace ery::storage

namespace ery::services {

// What every service shares: the engine's one write connection and the repositories. Storage is
// private to the service layer: a caller of a service never sees a table.
struct DataAccess {
    storage::Database &db;
    const storage::Repositories &repo;
};

class ServiceBase {
public:
    explicit ServiceBase(const DataAccess &data) : m_data(data) { }

protected:
    storage::Database &db() const { return m_data.db; }
    const storage::Repositories &repo() const { return m_data.repo; }

private:
    DataAccess m_data;
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

} // namespace ery::services
