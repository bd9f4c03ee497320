#include "toolkit.h"

using namespace ery::domain;
using namespace ery::services;

namespace ery::mcp {

ListQuery ToolKit::listQuery(const ToolCall &call, const char *defaultSort, bool descending)
{
    ListQuery q;
    q.limit = int(call.integer("limit", 50));
    q.offset = int(call.integer("offset", 0));
    q.sort = QLatin1String(defaultSort);
    q.descending = descending;
    return q;
}

Result<Json> ToolKit::page(const Result<Page> &p, const char *plural, const ListQuery &q)
{
    if (!p)
        return p.error();
    return Json{{plural, Json(p->rows)},
                {"total", p->total},
                {"limit", q.limit},
                {"offset", q.offset},
                {"has_more", q.offset + qint64(p->rows.size()) < p->total}};
}

Result<Json> ToolKit::transition(const Result<Transition> &t, const char *record)
{
    if (!t)
        return t.error();
    return Json{{record, t->row},
                {"previous_status", toStd(t->previousStatus)},
                {"new_status", toStd(t->newStatus)},
                {"time_entries_opened", Json(t->openedTimeEntries)},
                {"time_entries_closed", Json(t->closedTimeEntries)}};
}

Json ToolKit::transitionSchema(const char *record)
{
    using namespace schema;
    return object({{record, anyObject("The record after the step")},
                   {"previous_status", string(40)},
                   {"new_status", string(40)},
                   {"time_entries_opened", arrayOf(anyObject())},
                   {"time_entries_closed", arrayOf(anyObject())}},
                  {record, "previous_status", "new_status", "time_entries_opened", "time_entries_closed"});
}

Result<Json> ToolKit::one(const Result<Row> &row, const char *record)
{
    if (!row)
        return row.error();
    return Json{{record, *row}};
}

Json ToolKit::oneSchema(const char *record, const char *description)
{
    using namespace schema;
    return object({{record, anyObject(description)}}, {record});
}

Result<Json> ToolKit::deleted(const Status &s, const QString &id)
{
    if (!s)
        return s.error();
    return Json{{"deleted", true}, {"id", toStd(id)}};
}

Json ToolKit::deletedSchema()
{
    using namespace schema;
    return object({{"deleted", boolean()}, {"id", uuid()}}, {"deleted", "id"});
}

Status ToolKit::exactlyOne(const ToolCall &call, const char *a, const char *b)
{
    if (call.has(a) == call.has(b))
        return invalid(QLatin1String(a), QStringLiteral("give either %1 or %2").arg(QLatin1String(a), QLatin1String(b)));
    return {};
}

Error ToolKit::invalid(const QString &field, const QString &message)
{
    return Error::validation(
        Json::array({Json{{"field", toStd(field)}, {"message", toStd(QStringLiteral("%1: %2").arg(field, message))}}}));
}

} // namespace ery::mcp
