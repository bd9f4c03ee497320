#include "mcp/toolregistry.h"
#include "services/services.h"
#include "tools.h"
#include "toolkit.h"

#include "domain/rules.h"

#include <QUrl>

using namespace ery::domain;
using namespace ery::services;

namespace ery::mcp {

namespace {
const QString kModule = QStringLiteral("parts");
}

void addPartTools(ToolRegistry &r)
{
    using namespace schema;
    r.add({QStringLiteral("fetch_parts"),
           kModule,
           QStringLiteral("Fetch parts"),
           QStringLiteral("List parts, filtered by job, status, cell, material or part number."),
           object({{"job_id", uuid("Only this job's parts")},
                   {"status", oneOf(choices::workStatuses())},
                   {"current_cell_id", uuid("Only parts now at this cell")},
                   {"material", text("Material contains this", 255)},
                   {"part_number", text("Part number contains this", 255)},
                   {"is_bullet_card", boolean("Only rush (bullet card) parts, or only the others")},
                   {"sort", oneOf({"part_number", "created_at", "updated_at", "status"}, "Sort column (default part_number)")},
                   {"descending", boolean()},
                   {"limit", limitArg()},
                   {"offset", offsetArg()}}),
           page("parts", anyObject("A part")),
           {true, false, true, false},
           [](const ToolCall &c) -> Result<Json> {
               ListQuery q = ToolKit::listQuery(c, "part_number", false);
               if (c.has("sort"))
                   q.sort = c.text("sort");
               q.descending = c.boolean("descending", false);
               for (const char *col : {"job_id", "status", "current_cell_id"})
                   if (c.has(col))
                       q.eq.emplace_back(QLatin1String(col), c.text(col));
               if (c.has("is_bullet_card"))
                   q.eq.emplace_back(QStringLiteral("is_bullet_card"), c.boolean("is_bullet_card", false) ? 1 : 0);
               for (const char *col : {"material", "part_number"})
                   if (c.has(col))
                       q.conds.push_back({QLatin1String(col), ListQuery::Op::Like, c.text(col)});
               return ToolKit::page(c.services.parts.list(c.scope, q), "parts", q);
           }});

    r.add({QStringLiteral("get_part"),
           kModule,
           QStringLiteral("Get a part"),
           QStringLiteral("One part by id, with its operations in sequence."),
           object({{"id", uuid("The part's id")}}, {"id"}),
           ToolKit::oneSchema("part", "The part with operations[]"),
           {true, false, true, false},
           [](const ToolCall &c) -> Result<Json> {
               auto part = c.services.parts.get(c.scope, c.text("id"));
               if (!part)
                   return part.error();
               ListQuery q;
               q.eq.emplace_back(QStringLiteral("part_id"), c.text("id"));
               q.sort = QStringLiteral("sequence");
               q.limit = 1000;
               auto ops = c.services.operations.list(c.scope, q);
               if (!ops)
                   return ops.error();
               Json out = *part;
               out["operations"] = Json(ops->rows);
               return Json{{"part", out}};
           }});

    r.add({QStringLiteral("list_part_files"),
           kModule,
           QStringLiteral("List a part's files"),
           QStringLiteral("The drawings, CAD files and photos attached to a part (name, type, size, SHA-256), each with the URI "
                          "of the MCP resource that reads it (eryxon://parts/{id}/files/{name}; images and PDFs as blobs)."),
           object({{"part_id", uuid("The part's id")}}, {"part_id"}),
           object({{"files", arrayOf(anyObject("A file, with resource_uri"))}, {"count", integer(0)}}, {"files", "count"}),
           {true, false, true, false},
           [](const ToolCall &c) -> Result<Json> {
               const QString part = c.text("part_id");
               auto files = c.services.files.list(c.scope, {QStringLiteral("part"), part});
               if (!files)
                   return files.error();
               Json out = Json::array();
               for (Json f : *files) {
                   f["resource_uri"] = toStd(QStringLiteral("eryxon://parts/%1/files/%2")
                                                 .arg(part, QString::fromLatin1(QUrl::toPercentEncoding(str(f, "name")))));
                   out.push_back(std::move(f));
               }
               const size_t n = out.size();
               return Json{{"files", std::move(out)}, {"count", n}};
           }});

    Json create = closed(fieldsSchema(PartService::fields(), true));
    create["properties"]["operations"] = described(arrayOf(closed(fieldsSchema(OperationService::fields(), false)), 500),
                                                   "Operations to create with the part, in routing order");
    r.add({QStringLiteral("create_part"),
           kModule,
           QStringLiteral("Create a part"),
           QStringLiteral("Add a part to a job (job_id), optionally with its operations."),
           create,
           ToolKit::oneSchema("part", "The stored part"),
           {false, false, false, false},
           [](const ToolCall &c) { return ToolKit::one(c.services.parts.create(c.scope, c.args), "part"); }});

    Json update = closed(fieldsSchema(PartService::fields(), false));
    update["properties"].erase("job_id");
    update["properties"]["id"] = uuid("The part to change");
    update["required"] = Json::array({"id"});
    r.add({QStringLiteral("update_part"),
           kModule,
           QStringLiteral("Update a part"),
           QStringLiteral("Change a part's fields (quantity, material, drawing, CNC program, bullet card, current cell, notes)."),
           update,
           ToolKit::oneSchema("part", "The part after the change"),
           {false, false, true, false},
           [](const ToolCall &c) {
               Json patch = c.args;
               patch.erase("id");
               return ToolKit::one(c.services.parts.update(c.scope, c.text("id"), patch), "part");
           }});
}

} // namespace ery::mcp
