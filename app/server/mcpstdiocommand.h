#pragma once

#include "core/config.h"

namespace ery {

// `eryxon-server mcp-stdio`: the MCP server on stdin/stdout for desktop AI clients (Claude Desktop,
// Cursor) until stdin closes. It opens the database through the same engine as every other
// command, so each tool goes through the services (the one write path) and its events land in
// the outbox; it delivers no webhooks or MQTT itself (Config::deliver = false): the hub serving the
// database sends them, or the next one to start does. Returns the exit code.
int runMcpStdio(Config cfg, const QString &key);

} // namespace ery
