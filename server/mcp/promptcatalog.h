#pragma once

#include "core/result.h"
#include "domain/scope.h"

#include <QStringList>

namespace ery::services {
class Services;
}

namespace ery::mcp {

// Prompts that pull live shop data into their messages:
//   shift_handover     what ran, what is running, what is stuck (optionally for one cell)
//   scrap_analysis     the scrap and quality issues of the last N days, for a Pareto and causes
//   job_status_report  one job, its parts and operations, its open issues
class PromptCatalog {
public:
    explicit PromptCatalog(services::Services &services) : m_s(services) { }

    Json list() const;
    // {description, messages}; VALIDATION_ERROR for a missing or bad argument, NOT_FOUND for an unknown prompt.
    Result<Json> get(const domain::Scope &scope, const QString &name, const Json &arguments) const;
    QStringList complete(const domain::Scope &scope, const QString &prompt, const QString &argument, const QString &prefix) const;

private:
    services::Services &m_s;
};

} // namespace ery::mcp
