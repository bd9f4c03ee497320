#pragma once

namespace ery::mcp {

class ToolRegistry;

// One function per module, each adding its tools to the registry (ToolRegistry::standard()).
void addJobTools(ToolRegistry &r);
void addPartTools(ToolRegistry &r);
void addOperationTools(ToolRegistry &r);
void addTimeTools(ToolRegistry &r);
void addIssueTools(ToolRegistry &r);
void addSubstepTools(ToolRegistry &r);
void addDashboardTools(ToolRegistry &r);
void addQualityTools(ToolRegistry &r);
void addBatchTools(ToolRegistry &r);

} // namespace ery::mcp
