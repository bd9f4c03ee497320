#pragma once

namespace ery::mcp {

class ToolRegistry;

// One function per module, each adding its tools to the registry (ToolRegistry::standard()).
void addJobTools(ToolRegistry &r);
void addPartTools(ToolRegistry &r);
void addOperationTools(ToolRegistry &r);
void addTimeTools(ToolRegistry &r);

} // namespace ery::mcp
