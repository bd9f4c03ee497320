#include "mcp/toolregistry.h"
#include "services/services.h"
#include "tools.h"
#include "toolkit.h"

#include "domain/rules.h"

using namespace ery::domain;
using namespace ery::services;

namespace ery::mcp {

namespace {
const QString kModule = QStringLiteral("substeps");

Json substepsSchema(const char *description)
{
    using namespace schema;
    return object({{"substeps", described(arrayOf(anyObject("A substep"), 1000), description)}}, {"substeps"});
}
} // namespace

void addSubstepTools(ToolRegistry &r)
{
    using namespace schema;
    r.add({QStringLiteral("fetch_substeps"),
           kModule,
           QStringLiteral("Fetch substeps"),
           QStringLiteral("An operation's checklist in sequence order, optionally only the steps of one status."),
           object({{"operation_id", uuid("The operation")},
                   {"status", oneOf(choices::substepStatuses())},
                   {"limit", limitArg(100)},
                   {"offset", offsetArg()}},
                  {"operation_id"}),
           page("substeps", anyObject("A substep")),
           {true, false, true, false},
           [](const ToolCall &c) -> Result<Json> {
               // An operation of another shop (or none) is not found, not an empty checklist.
               ERY_TRY(c.services.operations.get(c.scope, c.text("operation_id")));
               ListQuery q = ToolKit::listQuery(c, "sequence", false);
               q.limit = int(c.integer("limit", 100));
               q.eq.emplace_back(QStringLiteral("operation_id"), c.text("operation_id"));
               if (c.has("status"))
                   q.eq.emplace_back(QStringLiteral("status"), c.text("status"));
               return ToolKit::page(c.services.substeps.list(c.scope, q), "substeps", q);
           }});

    Json add = closed(fieldsSchema(SubstepService::fields(), true));
    add["properties"]["sequence"] = integer(0, qint64(limits::kIntMax), "Position in the checklist (default: after the last step)");
    r.add({QStringLiteral("add_substep"),
           kModule,
           QStringLiteral("Add a substep"),
           QStringLiteral("Add a step to an operation's checklist (at the end unless a sequence is given)."),
           add,
           ToolKit::oneSchema("substep", "The stored substep"),
           {false, false, false, false},
           [](const ToolCall &c) { return ToolKit::one(c.services.substeps.add(c.scope, c.args), "substep"); }});

    Json update = closed(fieldsSchema(SubstepService::updateFields(), false));
    update["properties"]["status"] = oneOf(choices::substepStatuses(), "not_started → in_progress → completed; blocked resets");
    update["properties"]["id"] = uuid("The substep to change");
    update["required"] = Json::array({"id"});
    r.add({QStringLiteral("update_substep"),
           kModule,
           QStringLiteral("Update a substep"),
           QStringLiteral("Change a substep's name, sequence, notes, icon or status (completed records who and when)."),
           update,
           ToolKit::oneSchema("substep", "The substep after the change"),
           {false, false, true, false},
           [](const ToolCall &c) {
               Json patch = c.args;
               patch.erase("id");
               return ToolKit::one(c.services.substeps.update(c.scope, c.text("id"), patch), "substep");
           }});

    r.add({QStringLiteral("complete_substep"),
           kModule,
           QStringLiteral("Complete a substep"),
           QStringLiteral("Mark a checklist step completed (sets completed_at; emits step.completed the first time)."),
           object({{"id", uuid("The substep")}}, {"id"}),
           ToolKit::oneSchema("substep", "The completed substep"),
           {false, false, true, false},
           [](const ToolCall &c) {
               return ToolKit::one(c.services.substeps.setStatus(c.scope, c.text("id"), QStringLiteral("completed")), "substep");
           }});

    r.add({QStringLiteral("delete_substep"),
           kModule,
           QStringLiteral("Delete a substep"),
           QStringLiteral("Remove a step from an operation's checklist, for good."),
           object({{"id", uuid("The substep")}}, {"id"}),
           ToolKit::deletedSchema(),
           {false, true, true, false},
           [](const ToolCall &c) { return ToolKit::deleted(c.services.substeps.remove(c.scope, c.text("id")), c.text("id")); }});

    r.add({QStringLiteral("apply_substep_template"),
           kModule,
           QStringLiteral("Apply a substep template"),
           QStringLiteral("Append a substep template's items to an operation's checklist, in the template's order."),
           object({{"template_id", uuid("The substep template")}, {"operation_id", uuid("The operation")}},
                  {"template_id", "operation_id"}),
           substepsSchema("The substeps added"),
           {false, false, false, false},
           [](const ToolCall &c) -> Result<Json> {
               auto rows = c.services.substeps.applyTemplate(c.scope, c.text("template_id"), c.text("operation_id"));
               if (!rows)
                   return rows.error();
               return Json{{"substeps", Json(*rows)}};
           }});
}

} // namespace ery::mcp
