#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <deque>
#include <utility>

namespace ery::mcp {

// One MCP session (2025-03-26 … 2025-11-25): opened by initialize with one key, ended by DELETE,
// by expiry after idle time, or at once when its key is revoked. stdio has exactly one.
struct McpSession {
    QString id;      // Mcp-Session-Id; empty on stdio
    QString keyHash; // the key that opened it: another key gets "unknown session"
    QString protocolVersion;
    bool initialized = false; // notifications/initialized arrived
    QString logLevel = QStringLiteral("warning");
    qint64 lastSeenMs = 0;
    // Subscribed resource URIs and the digest of what the client last read or was told changed.
    QHash<QString, QByteArray> subscriptions;
    QString tenantId; // the key's scope: only changes of this tenant concern the subscriptions
    // Server-to-client messages for the GET event stream, numbered for Last-Event-ID resumption.
    std::deque<std::pair<qint64, QByteArray>> outbox;
    qint64 nextEventId = 1;
    static constexpr size_t kOutboxKeep = 256;
};

} // namespace ery::mcp
