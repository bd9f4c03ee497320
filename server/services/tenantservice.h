#pragma once

#include "servicebase.h"

namespace ery::services {

class EventData;

struct TenantPair {
    Row live;
    Row sandbox;
};

class TenantService : public ServiceBase {
public:
    TenantService(const DataAccess &data, EventData &eventData) : ServiceBase(data), m_eventData(eventData) { }
    // Creates a live tenant and its sandbox twin (what ery_test_ keys act on).
    Result<TenantPair> create(const Json &input);
    Result<Row> get(const QString &tenantId);
    Result<Rows> list();
    Result<Row> sandboxOf(const QString &liveTenantId);
    // Plan, quotas, factory hours, ISA-95 names; the sandbox twin follows plan and quotas.
    Result<Row> update(const QString &tenantId, const Json &patch);
    // The tenant a command-line or desktop session works on when none is named: the first live one.
    Result<Row> defaultTenant();

private:
    // The services this one calls.
    EventData &m_eventData;
};

} // namespace ery::services
