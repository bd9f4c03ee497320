#pragma once

#include "tool.h"

#include <QHash>
#include <QStringList>

#include <vector>

namespace ery::mcp {

// Every MCP tool, declared once (name, module, schemas, hints, handler). The server lists and calls
// from it, docs/mcp.md's catalogue is generated from it, and the tests walk it.
class ToolRegistry {
public:
    // The product's tools, by module (server/mcp/tools/*.cpp).
    static const ToolRegistry &standard();

    void add(Tool tool);
    const Tool *find(const QString &name) const;
    const std::vector<Tool> &tools() const { return m_tools; }
    QStringList names() const;
    QStringList modules() const;
    // The Markdown catalogue docs/mcp.md carries between its markers.
    QString catalogue() const;

private:
    std::vector<Tool> m_tools;
    QHash<QString, size_t> m_index;
};

} // namespace ery::mcp
