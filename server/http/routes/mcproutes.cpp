#include "http/apiserver.h"
#include "http/mcptransport.h"
#include "routes.h"

namespace ery::http {

// The MCP server (docs/mcp.md): Streamable HTTP on the API port. It authenticates with MCP keys
// itself (Authorization: Bearer mcp_live_… / mcp_test_…), so the routes are public to the guard.
void installMcpRoutes(ApiServer &api)
{
    McpTransport &mcp = api.mcp();
    const RouteDoc doc{QStringLiteral("MCP Streamable HTTP endpoint (JSON-RPC 2.0; see docs/mcp.md)"), QStringLiteral("MCP")};
    const Handler handler = [&mcp](Request &r) { return mcp.answer(r); };
    const QString path = QStringLiteral("/mcp");
    for (Method m : {Method::Post, Method::Get, Method::Delete})
        api.router().add(m, path, Access::Public, handler, doc);
}

} // namespace ery::http
