#pragma once

#include "servicebase.h"

#include <functional>

namespace ery::services {

// Bulk actions (the MCP agent batch tools): many steps, each through the ordinary service method
// (so validation, roll-up, time entries, quotas and events are the same as for one), in one write
// transaction. Each step runs in a savepoint of its own: a step that fails takes back only its own
// writes and events, and the steps that went in commit together, once.
class BulkService : public ServiceBase {
public:
    explicit BulkService(const DataAccess &data) : ServiceBase(data) { }

    static constexpr int kMaxItems = 500;
    // One step: the item's answer, or why it failed. Steps call other services' methods, whose
    // writes join the open transaction.
    using Step = std::function<Result<Json>(qsizetype index)>;
    // Called after each step (done of total), while the transaction is still open.
    using Progress = std::function<void(qsizetype done, qsizetype total)>;

    // One outcome per step, in order. An error only when the whole could not be written (more than
    // kMaxItems steps, or the commit failed): then nothing of it was kept.
    Result<std::vector<Result<Json>>> run(qsizetype count, const Step &step, const Progress &progress = {}) const;
};

} // namespace ery::services
