#pragma once

#include "fields.h"
#include "servicebase.h"

namespace ery::services {

class ActivityLog;

// Who an MCP key is, resolved for one request or tool call. No cache: every call reads the key row,
// so a revoke (or a change of its allowed tools) takes effect on the very next call, also in open
// MCP sessions.
struct McpKeyIdentity {
    QString keyId;
    QString name;
    QString prefix;         // first 13 characters (mcp_live_a1b2), what logs and lists show
    QString liveTenantId;
    domain::Scope scope;    // the live tenant, or its sandbox twin for an mcp_test_ key
    bool test = false;
    bool allTools = false;  // allowed_tools is ["*"]
    QStringList allowedTools; // when not allTools
    qint64 ratePerMinute = 100;
    bool allows(const QString &tool) const { return allTools || allowedTools.contains(tool); }
};

struct CreatedMcpKey {
    Row key;        // the stored row without its hash (allowed_tools as a JSON array)
    QString secret; // the full key: shown once, never stored
};

// One tools/call, for the usage log.
struct McpUsage {
    QString keyId;
    QString tenantId; // the live tenant the key belongs to
    QString tool;
    QString argumentsDigest; // SHA-256 hex of the arguments' JSON text
    bool success = false;
    QString errorMessage;
    qint64 durationMs = 0;
    QString at; // ISO time of the call
};

// MCP keys (CONTRACTS.md §6): `mcp_live_` / `mcp_test_` + 32 hex characters; only the SHA-256 is
// stored, with a display prefix. Bound to one tenant; a test key acts on its sandbox twin. Each has
// an allowed-tools list (["*"] or names), a per-minute rate limit and a usage log.
class McpKeyService : public ServiceBase {
public:
    static const std::vector<Field> &fields();
    McpKeyService(const DataAccess &data, ActivityLog &activity) : ServiceBase(data), m_activity(activity) { }

    // input: name (required, unique per tenant), description, environment live|test or test: true,
    // allowed_tools (array of tool names, or ["*"]; default ["*"]), rate_limit (1..100000 per minute,
    // default 100). `knownTools` is the tool registry's names: an unknown name is a 422 naming it.
    // `scope` must be the live tenant.
    Result<CreatedMcpKey> create(const domain::Scope &scope, const Json &input, const QStringList &knownTools);
    // name, description, allowed_tools, rate_limit, enabled.
    Result<Row> update(const domain::Scope &scope, const QString &id, const Json &patch, const QStringList &knownTools);
    Result<domain::Page> list(const domain::Scope &scope, const domain::ListQuery &q);
    Result<Row> get(const domain::Scope &scope, const QString &id);
    // Immediate: the next call with the key (in any session, any process) is refused.
    Result<Row> revoke(const domain::Scope &scope, const QString &id);

    // The identity behind a presented key, or UNAUTHORIZED (malformed, unknown, disabled or revoked).
    Result<McpKeyIdentity> resolve(const QString &presented);
    // The same by the stored hash (an open session holds the hash of the key that opened it).
    Result<McpKeyIdentity> resolveHash(const QString &keyHash);
    // Stores usage rows (one transaction for the lot) and bumps each key's usage_count/last_used_at.
    Status logUsage(const std::vector<McpUsage> &calls);
    // The usage log of one key, newest first (filters: tool, success).
    Result<domain::Page> usage(const domain::Scope &scope, const QString &keyId, const domain::ListQuery &q);

    static QString hashOf(const QString &key);
    static bool wellFormed(const QString &key);
    static Row publicView(Row key);

private:
    // The services this one calls.
    ActivityLog &m_activity;
};

} // namespace ery::services
