#pragma once

#include "domain/ratelimiter.h"
#include "mcpsession.h"
#include "services/mcpkeyservice.h"
#include "toolregistry.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>
#include <unordered_map>

namespace ery::services {
class Services;
}
namespace ery::events {
class SubscriptionHub;
}

namespace ery::mcp {

class ResourceCatalog;
class PromptCatalog;

// The MCP server proper, independent of the transport (McpHttpEndpoint, McpStdio): JSON-RPC 2.0
// dispatch for the 2025-03-26, 2025-06-18 and 2025-11-25 revisions (sessions) and the stateless
// 2026-07-28 revision, the tool registry behind the key's allowed tools, its rate limit and usage
// log, resources with subscriptions and prompts. Lives on the engine thread.
class McpServer : public QObject {
    Q_OBJECT
public:
    static constexpr const char *kLatest = "2025-11-25";
    static constexpr const char *kStateless = "2026-07-28";
    static const QStringList &sessionVersions(); // newest first
    static constexpr qint64 kIdleMs = 30 * 60 * 1000;
    static constexpr int kMaxSessions = 1000;
    static constexpr int kMaxSessionsPerKey = 100;

    McpServer(services::Services &services, const ToolRegistry &tools = ToolRegistry::standard(), QObject *parent = nullptr);
    ~McpServer() override;

    // Resource subscriptions follow the committed changes the hub fans out.
    void watch(events::SubscriptionHub &hub);

    // The identity behind a presented key (UNAUTHORIZED when unknown or revoked); read every time.
    Result<services::McpKeyIdentity> authenticate(const QString &presentedKey);

    // A new session for `who` (the id is 32 random hex characters), or SERVICE_UNAVAILABLE when
    // the hub or the key holds the most sessions it may.
    Result<McpSession *> open(const services::McpKeyIdentity &who, const QString &keyHash);
    McpSession *session(const QString &id);
    void close(const QString &id);
    int sessionCount() const { return int(m_sessions.size()); }

    // One JSON-RPC message or batch. `session` is null for a stateless (2026-07-28) request.
    // Returns the answer (object or array), or null when there is nothing to answer (only
    // notifications or responses). `progress` receives progress notifications of this request.
    Json handle(McpSession *session, const Json &message, const services::McpKeyIdentity &who,
                const std::function<void(const Json &)> &progress = {});

    // Whether a message is a request of the stateless revision (its _meta names the version).
    static bool isStateless(const Json &message);
    static bool isInitialize(const Json &message);
    static Json error(const Json &id, int code, const QString &message, const Json &data = nullptr);

    // The usage log is written in batches: at most once a second and on shutdown.
    void flushUsage();

signals:
    // A notification for a session (resources/updated, a log message): JSON text, one line.
    void notify(const QString &sessionId, const QByteArray &message);
    // A session ended (DELETE, idle expiry, its key revoked or disabled): its stream closes.
    void sessionClosed(const QString &sessionId);

private:
    Json dispatch(McpSession *session, const Json &request, const services::McpKeyIdentity &who,
                  const std::function<void(const Json &)> &progress);
    Json initialize(McpSession *session, const Json &params);
    Json discover() const;
    Json listTools(const Json &params, const services::McpKeyIdentity &who) const;
    Json callTool(McpSession *session, const Json &id, const Json &params, const services::McpKeyIdentity &who,
                  const std::function<void(const Json &)> &progress);
    Json subscribe(McpSession *session, const Json &id, const Json &params, const services::McpKeyIdentity &who, bool on);
    Json complete(const Json &id, const Json &params, const services::McpKeyIdentity &who);
    void log(McpSession *session, const QString &level, const Json &data);
    void onRowChanged(const QString &table, const QString &tenantId);
    void checkSubscriptions();
    // Ends idle sessions and those whose key no longer resolves (revoked, disabled).
    void sweepSessions();
    Json capabilities() const;

    services::Services &m_s;
    const ToolRegistry &m_tools;
    std::unique_ptr<ResourceCatalog> m_resources;
    std::unique_ptr<PromptCatalog> m_prompts;
    std::unordered_map<std::string, std::unique_ptr<McpSession>> m_sessions;
    domain::RateLimiter m_limiter;
    std::vector<services::McpUsage> m_usage;
    QTimer m_usageTimer;
    QTimer m_expiry;
    // Changed tables per tenant since the last subscription check (debounced).
    QHash<QString, QSet<QString>> m_dirty;
    QTimer m_subscriptionCheck;
};

} // namespace ery::mcp
