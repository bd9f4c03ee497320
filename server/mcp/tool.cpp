#include "tool.h"

#include "core/jsonutil.h"

namespace ery::mcp {

QString ToolCall::text(const char *name) const
{
    return str(args, name);
}

qint64 ToolCall::integer(const char *name, qint64 fallback) const
{
    return has(name) && args[name].is_number() ? args[name].get<qint64>() : fallback;
}

bool ToolCall::boolean(const char *name, bool fallback) const
{
    return has(name) && args[name].is_boolean() ? args[name].get<bool>() : fallback;
}

Json Tool::describe() const
{
    Json t{{"name", toStd(name)},
           {"title", toStd(title)},
           {"description", toStd(description)},
           {"inputSchema", inputSchema},
           {"annotations",
            {{"title", toStd(title)},
             {"readOnlyHint", hints.readOnly},
             {"destructiveHint", hints.destructive},
             {"idempotentHint", hints.idempotent},
             {"openWorldHint", hints.openWorld}}}};
    if (!outputSchema.is_null())
        t["outputSchema"] = outputSchema;
    t["_meta"] = Json{{"io.eryxon/module", toStd(module)}};
    return t;
}

} // namespace ery::mcp
