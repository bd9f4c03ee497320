#pragma once

#include "core/result.h"
#include "domain/scope.h"

#include <QString>

#include <functional>

namespace ery::services {
class Services;
}

namespace ery::mcp {

// One tools/call as a handler sees it: the services (the same methods the REST routes call), the
// key's tenant scope (its sandbox twin for an mcp_test_ key), who is calling and the arguments,
// already checked against the tool's inputSchema.
struct ToolCall {
    services::Services &services;
    domain::Scope scope;
    QString keyId;
    QString keyName;
    Json args;
    // Progress of a long call (batch tools report per item); a no-op unless the client asked.
    std::function<void(qint64 done, qint64 total, const QString &message)> progress;

    QString text(const char *name) const;
    bool has(const char *name) const { return args.contains(name) && !args[name].is_null(); }
    qint64 integer(const char *name, qint64 fallback) const;
    bool boolean(const char *name, bool fallback) const;
    // Who the work is booked on: the `operator_id` argument, when the tool takes one.
    QString operatorId() const { return text("operator_id"); }
    void report(qint64 done, qint64 total, const QString &message) const
    {
        if (progress)
            progress(done, total, message);
    }
};

// What tools/list tells a client about a tool's behaviour (MCP ToolAnnotations).
struct ToolHints {
    bool readOnly = false;
    bool destructive = false;
    bool idempotent = false;
    bool openWorld = false;
};

// A tool as the registry declares it: tools/list, docs/mcp.md and the tests all read these fields.
// The handler returns the structuredContent object (an object matching outputSchema) or an Error,
// which the server answers as a result with isError: true and {code, message, details}.
struct Tool {
    QString name;
    QString module;
    QString title;
    QString description;
    Json inputSchema;
    Json outputSchema;
    ToolHints hints;
    std::function<Result<Json>(const ToolCall &)> handler;

    Json describe() const; // the tools/list entry
};

} // namespace ery::mcp
