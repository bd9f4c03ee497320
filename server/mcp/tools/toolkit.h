#pragma once

#include "core/jsonutil.h"
#include "domain/listquery.h"
#include "mcp/schema.h"
#include "mcp/tool.h"
#include "services/servicebase.h"

namespace ery::mcp {

// What the tool modules share: paging arguments into a ListQuery, a page into the fetch_* answer,
// a transition into the lifecycle answer, and the output schemas those have.
class ToolKit {
public:
    // limit/offset (and an optional sort column) from the call; `eq` filters are added by the tool.
    static domain::ListQuery listQuery(const ToolCall &call, const char *defaultSort = "created_at", bool descending = true);
    // {<plural>: rows, total, limit, offset, has_more}
    static Result<Json> page(const Result<domain::Page> &p, const char *plural, const domain::ListQuery &q);
    // {<record>: row, previous_status, new_status, time_entries_opened, time_entries_closed}
    static Result<Json> transition(const Result<services::Transition> &t, const char *record);
    static Json transitionSchema(const char *record);
    // {<record>: row}
    static Result<Json> one(const Result<Row> &row, const char *record);
    static Json oneSchema(const char *record, const char *description = nullptr);
    // {deleted: true, id}
    static Result<Json> deleted(const Status &s, const QString &id);
    static Json deletedSchema();
    // Exactly one of `a` or `b` given (job_id or job_number): VALIDATION_ERROR otherwise.
    static Status exactlyOne(const ToolCall &call, const char *a, const char *b);
    static Error invalid(const QString &field, const QString &message);
};

} // namespace ery::mcp
