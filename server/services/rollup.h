#pragma once

#include "eventdata.h"

namespace ery::services {

class EventData;

// Roll-up of DOMAIN.md, in the services so every caller gets it: the first start moves part and job
// to in_progress, the last completion completes them, current_cell_id follows the lowest-sequence
// in-progress operation. Each implied change emits its own event.
class Rollup : public ServiceBase {
public:
    Rollup(const DataAccess &data, EventData &eventData) : ServiceBase(data), m_eventData(eventData) { }
    Status afterOperationChange(storage::WriteTx &tx, const domain::Scope &scope, OperationContext &ctx);

private:
    // The services this one calls.
    EventData &m_eventData;
};

} // namespace ery::services
