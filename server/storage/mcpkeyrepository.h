#pragma once

#include "database.h"
#include "domain/scope.h"

namespace ery::storage {

// The MCP keys' queries that a Table cannot express: the lookup by hash that crosses tenants by
// design (a presented key is all an MCP client has), and the usage log, whose rows keep the time of
// the call rather than the time they were written.
class McpKeyRepository {
public:
    // The key with this SHA-256 hex (enabled or not), with its tenant's sandbox twin id
    // (sandbox_id); NOT_FOUND when no key has it.
    Result<Row> byHash(Database &db, const QString &keyHash) const;
    // Appends one usage row (key_id, tool_name, arguments_digest, success, error_message,
    // response_time_ms, and created_at = the time of the call, now when empty) in `scope`, recorded
    // in the transaction's outbox like any insert.
    Result<Row> insertUsage(WriteTx &tx, const domain::Scope &scope, Row row) const;
};

} // namespace ery::storage
