#include "mcp/toolregistry.h"
#include "services/services.h"
#include "tools.h"
#include "toolkit.h"

#include "domain/rules.h"

using namespace ery::domain;
using namespace ery::services;

namespace ery::mcp {

namespace {
const QString kModule = QStringLiteral("operations");

// A lifecycle step, exactly as POST /api/v1/operations/{id}/<step>: with an operator the step
// opens or closes that operator's time entry; pause closes everyone's.
Tool step(const char *name, const char *title, const char *description, Action action)
{
    using namespace schema;
    Json props{{"id", uuid("The operation's id")}};
    if (action != Action::Pause)
        props["operator_id"] = uuid("The operator doing the work: their time entry opens (start, resume) or closes (complete)");
    return Tool{QLatin1String(name),
                kModule,
                QString::fromUtf8(title),
                QString::fromUtf8(description),
                object(props, {QStringLiteral("id")}),
                ToolKit::transitionSchema("operation"),
                {false, false, false, false},
                [action](const ToolCall &c) {
                    return ToolKit::transition(c.services.operations.transition(c.scope, c.text("id"), action, c.operatorId()),
                                               "operation");
                }};
}
} // namespace

void addOperationTools(ToolRegistry &r)
{
    using namespace schema;
    r.add({QStringLiteral("fetch_operations"),
           kModule,
           QStringLiteral("Fetch operations"),
           QStringLiteral("List operations, filtered by part, cell, status or assigned operator, in routing order."),
           object({{"part_id", uuid("Only this part's operations")},
                   {"cell_id", uuid("Only operations routed through this cell")},
                   {"status", oneOf(choices::workStatuses())},
                   {"assigned_operator_id", uuid("Only operations assigned to this operator")},
                   {"operation_name", text("Operation name contains this", 255)},
                   {"sort", oneOf({"sequence", "operation_name", "created_at", "updated_at", "status", "planned_start"},
                                  "Sort column (default sequence)")},
                   {"descending", boolean()},
                   {"limit", limitArg()},
                   {"offset", offsetArg()}}),
           page("operations", anyObject("An operation")),
           {true, false, true, false},
           [](const ToolCall &c) -> Result<Json> {
               ListQuery q = ToolKit::listQuery(c, "sequence", false);
               if (c.has("sort"))
                   q.sort = c.text("sort");
               q.descending = c.boolean("descending", false);
               for (const char *col : {"part_id", "cell_id", "status", "assigned_operator_id"})
                   if (c.has(col))
                       q.eq.emplace_back(QLatin1String(col), c.text(col));
               if (c.has("operation_name"))
                   q.conds.push_back({QStringLiteral("operation_name"), ListQuery::Op::Like, c.text("operation_name")});
               return ToolKit::page(c.services.operations.list(c.scope, q), "operations", q);
           }});

    r.add({QStringLiteral("get_operation"),
           kModule,
           QStringLiteral("Get an operation"),
           QStringLiteral("One operation by id, with its substeps and time entries."),
           object({{"id", uuid("The operation's id")}}, {"id"}),
           ToolKit::oneSchema("operation", "The operation with substeps[] and time_entries[]"),
           {true, false, true, false},
           [](const ToolCall &c) -> Result<Json> {
               auto op = c.services.operations.get(c.scope, c.text("id"));
               if (!op)
                   return op.error();
               ListQuery s;
               s.eq.emplace_back(QStringLiteral("operation_id"), c.text("id"));
               s.sort = QStringLiteral("sequence");
               s.limit = 1000;
               auto substeps = c.services.substeps.list(c.scope, s);
               if (!substeps)
                   return substeps.error();
               ListQuery t;
               t.eq.emplace_back(QStringLiteral("operation_id"), c.text("id"));
               t.sort = QStringLiteral("start_time");
               t.limit = 1000;
               auto entries = c.services.time.list(c.scope, t);
               if (!entries)
                   return entries.error();
               Json out = *op;
               out["substeps"] = Json(substeps->rows);
               out["time_entries"] = Json(entries->rows);
               return Json{{"operation", out}};
           }});

    r.add({QStringLiteral("create_operation"),
           kModule,
           QStringLiteral("Create an operation"),
           QStringLiteral("Add an operation to a part's routing (part_id, operation_name, cell_id, sequence, estimated_time in minutes). "
                          "Without cell_id it waits for one and cannot be started until update_operation gives it a cell."),
           closed(fieldsSchema(OperationService::fields(), true)),
           ToolKit::oneSchema("operation", "The stored operation"),
           {false, false, false, false},
           [](const ToolCall &c) { return ToolKit::one(c.services.operations.create(c.scope, c.args), "operation"); }});

    Json update = closed(fieldsSchema(OperationService::fields(), false));
    update["properties"].erase("part_id");
    update["properties"]["id"] = uuid("The operation to change");
    update["required"] = Json::array({"id"});
    r.add({QStringLiteral("update_operation"),
           kModule,
           QStringLiteral("Update an operation"),
           QStringLiteral("Change an operation's fields (cell, sequence, estimates, planned start and end, notes, completion %). "
                          "Status changes go through start_operation, pause_operation, resume_operation and complete_operation."),
           update,
           ToolKit::oneSchema("operation", "The operation after the change"),
           {false, false, true, false},
           [](const ToolCall &c) {
               Json patch = c.args;
               patch.erase("id");
               return ToolKit::one(c.services.operations.update(c.scope, c.text("id"), patch), "operation");
           }});

    r.add(step("start_operation", "Start an operation",
               "Start an operation (not_started or on_hold → in_progress); with operator_id their time entry opens. Rolls the part "
               "and job up to in_progress.",
               Action::Start));
    r.add(step("pause_operation", "Pause an operation",
               "Put a running operation on hold (in_progress → on_hold); every open time entry on it closes.", Action::Pause));
    r.add(step("resume_operation", "Resume an operation",
               "Resume an operation on hold (on_hold → in_progress); with operator_id their time entry opens.", Action::Resume));
    r.add(step("complete_operation", "Complete an operation",
               "Complete an operation (in_progress or on_hold → completed); open time entries close and the part and job roll "
               "up to completed when this was their last open operation.",
               Action::Complete));
}

} // namespace ery::mcp
