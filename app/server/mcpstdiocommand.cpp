#include "mcpstdiocommand.h"

#include "cli.h"
#include "engine.h"
#include "mcp/mcpserver.h"
#include "mcp/mcpstdio.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace ery::mcp;

namespace ery {

int runMcpStdio(Config cfg, const QString &key)
{
    QTextStream err(stderr);
    if (key.isEmpty()) {
        err << "eryxon-server: "
            << Cli::tr("mcp-stdio needs an MCP key: --key mcp_live_… or ERYXON_MCP_KEY (create one with `%1`)")
                   .arg(QStringLiteral("eryxon-server mcp-keys create --name NAME"))
            << Qt::endl;
        return 2;
    }
    cfg.deliver = false;
    cfg.http.enabled = false;
    Engine engine(cfg);
    if (auto s = engine.open(true); !s) {
        err << "eryxon-server: " << s.error().message << Qt::endl;
        return 1;
    }
    McpServer server(engine.services());
    server.watch(engine.hub());
    McpStdio io(server, key);
    QString why;
    if (!io.start(&why)) {
        err << "eryxon-server: mcp-stdio: " << why << Qt::endl;
        return 1;
    }
    QObject::connect(&io, &McpStdio::finished, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    const int rc = QCoreApplication::exec();
    server.flushUsage();
    return rc;
}

} // namespace ery
