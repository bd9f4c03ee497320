#pragma once

#include "servicebase.h"

namespace ery::services {

// The human context of an operation (its part, job, cell, tenant), loaded once per mutation so
// events carry job_number, part_number, operation_name and cell name, and MQTT topics can be filled
// from the event itself.
struct OperationContext {
    Row operation, part, job, cell, tenant;
    // The part's operations when a step of this mutation already read them; kept in step with
    // `operation` so roll-up does not read them again.
    std::optional<Rows> partOperations;

    Json eventData() const;    // operation fields + names
    Json topicContext() const; // enterprise/site/area/cell/job_number/part_number/operation
    static Json topicContextFor(const Row &tenant, const Row &job, const Row &part, const Row &cell, const QString &operation);
};

class EventData : public ServiceBase {
public:
    using ServiceBase::ServiceBase;
    Result<OperationContext> forOperation(const domain::Scope &scope, const Row &operation) const;
    Result<Row> tenant(const QString &tenantId) const;
    void forgetTenant(const QString &tenantId);
    Json jobData(const Row &job) const;
    Json jobContext(const domain::Scope &scope, const Row &job) const;
    Json partData(const Row &part, const Row &job) const;
    QString workerName(const domain::Scope &scope, const QString &workerId) const;

private:
    mutable QHash<QString, Row> m_tenants;
};

} // namespace ery::services
