#pragma once

#include "eventdata.h"

namespace ery {

// Roll-up of DOMAIN.md, in the services so every caller gets it: the first start moves part and job
// to in_progress, the last completion completes them, current_cell_id follows the lowest-sequence
// in-progress operation. Each implied change emits its own event.
class Rollup : public ServiceBase {
public:
    using ServiceBase::ServiceBase;
    Status afterOperationChange(WriteTx &tx, const Scope &scope, OperationContext &ctx);
};

} // namespace ery
