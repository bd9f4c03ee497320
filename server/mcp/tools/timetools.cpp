#include "mcp/toolregistry.h"
#include "services/services.h"
#include "tools.h"
#include "toolkit.h"

#include "domain/rules.h"

using namespace ery::domain;
using namespace ery::services;

namespace ery::mcp {

namespace {
const QString kModule = QStringLiteral("time tracking");
}

void addTimeTools(ToolRegistry &r)
{
    using namespace schema;
    r.add({QStringLiteral("start_timing"),
           kModule,
           QStringLiteral("Start timing"),
           QStringLiteral("Open a time entry for an operator on an operation (as the terminal's Start; the operator's other open "
                          "entry closes first). The operation itself is not started: use start_operation for that."),
           object({{"operator_id", uuid("The operator")}, {"operation_id", uuid("The operation worked on")}},
                  {"operator_id", "operation_id"}),
           ToolKit::oneSchema("time_entry", "The open time entry"),
           {false, false, false, false},
           [](const ToolCall &c) {
               return ToolKit::one(c.services.time.start(c.scope, c.text("operator_id"), c.text("operation_id")), "time_entry");
           }});

    r.add({QStringLiteral("stop_timing"),
           kModule,
           QStringLiteral("Stop timing"),
           QStringLiteral("Close an operator's open time entry (duration is computed; the operation's actual time is updated)."),
           object({{"operator_id", uuid("The operator whose open entry closes")}}, {"operator_id"}),
           ToolKit::oneSchema("time_entry", "The closed time entry"),
           {false, false, false, false},
           [](const ToolCall &c) { return ToolKit::one(c.services.time.stop(c.scope, c.text("operator_id")), "time_entry"); }});

    r.add({QStringLiteral("pause_timing"),
           kModule,
           QStringLiteral("Pause timing"),
           QStringLiteral("Start a break inside a running time entry (the break does not count as work)."),
           object({{"id", uuid("The time entry")}}, {"id"}),
           ToolKit::oneSchema("time_entry", "The time entry"),
           {false, false, false, false},
           [](const ToolCall &c) { return ToolKit::one(c.services.time.pause(c.scope, c.text("id")), "time_entry"); }});

    r.add({QStringLiteral("resume_timing"),
           kModule,
           QStringLiteral("Resume timing"),
           QStringLiteral("End the break of a paused time entry."),
           object({{"id", uuid("The time entry")}}, {"id"}),
           ToolKit::oneSchema("time_entry", "The time entry"),
           {false, false, false, false},
           [](const ToolCall &c) { return ToolKit::one(c.services.time.resume(c.scope, c.text("id")), "time_entry"); }});

    r.add({QStringLiteral("fetch_time_entries"),
           kModule,
           QStringLiteral("Fetch time entries"),
           QStringLiteral("List time entries, newest first, by operation, operator, type, period, or only the open ones."),
           object({{"operation_id", uuid()},
                   {"operator_id", uuid()},
                   {"time_type", oneOf(choices::timeTypes())},
                   {"from", dateTime("Started at or after")},
                   {"to", dateTime("Started at or before")},
                   {"open_only", boolean("Only entries still running")},
                   {"limit", limitArg()},
                   {"offset", offsetArg()}}),
           page("time_entries", anyObject("A time entry")),
           {true, false, true, false},
           [](const ToolCall &c) -> Result<Json> {
               ListQuery q = ToolKit::listQuery(c, "start_time", true);
               for (const char *col : {"operation_id", "operator_id", "time_type"})
                   if (c.has(col))
                       q.eq.emplace_back(QLatin1String(col), c.text(col));
               if (c.has("from"))
                   q.conds.push_back({QStringLiteral("start_time"), ListQuery::Op::Gte, c.text("from")});
               if (c.has("to"))
                   q.conds.push_back({QStringLiteral("start_time"), ListQuery::Op::Lte, c.text("to")});
               if (c.boolean("open_only", false))
                   q.eq.emplace_back(QStringLiteral("end_time"), QVariant());
               return ToolKit::page(c.services.time.list(c.scope, q), "time_entries", q);
           }});

    r.add({QStringLiteral("fetch_active_work"),
           kModule,
           QStringLiteral("Fetch active work"),
           QStringLiteral("What is being worked on now: the open time entries and the operations in progress."),
           object({{"cell_id", uuid("Only operations in progress at this cell")}}),
           object(
               {{"time_entries", arrayOf(anyObject("An open time entry"))}, {"operations", arrayOf(anyObject("An operation in progress"))}},
               {"time_entries", "operations"}),
           {true, false, true, false},
           [](const ToolCall &c) -> Result<Json> {
               ListQuery t;
               t.eq.emplace_back(QStringLiteral("end_time"), QVariant());
               t.sort = QStringLiteral("start_time");
               t.limit = 1000;
               auto entries = c.services.time.list(c.scope, t);
               if (!entries)
                   return entries.error();
               ListQuery o;
               o.eq.emplace_back(QStringLiteral("status"), QStringLiteral("in_progress"));
               if (c.has("cell_id"))
                   o.eq.emplace_back(QStringLiteral("cell_id"), c.text("cell_id"));
               o.sort = QStringLiteral("updated_at");
               o.descending = true;
               o.limit = 1000;
               auto ops = c.services.operations.list(c.scope, o);
               if (!ops)
                   return ops.error();
               return Json{{"time_entries", Json(entries->rows)}, {"operations", Json(ops->rows)}};
           }});
}

} // namespace ery::mcp
