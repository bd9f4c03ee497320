#pragma once

#include "fields.h"
#include "servicebase.h"

namespace ery::services {

class CatalogService;
class EventData;

// An operation's checklist: steps added by hand or from a template, each with its own status.
class SubstepService : public ServiceBase {
public:
    SubstepService(const DataAccess &data, CatalogService &catalog, EventData &eventData)
        : ServiceBase(data), m_catalog(catalog), m_eventData(eventData)
    {
    }
    static const std::vector<Field> &fields();                      // create
    static const std::vector<Field> &updateFields();                // besides status
    Result<Row> add(const domain::Scope &scope, const Json &input); // operation_id, name, sequence, notes
    Result<Row> update(const domain::Scope &scope, const QString &id, const Json &patch);
    // not_started → in_progress → completed (→ not_started); blocked resets to not_started.
    Result<Row> setStatus(const domain::Scope &scope, const QString &id, const QString &status);
    Status remove(const domain::Scope &scope, const QString &id);
    Result<domain::Page> list(const domain::Scope &scope, const domain::ListQuery &q);
    Result<Rows> applyTemplate(const domain::Scope &scope, const QString &templateId, const QString &operationId);

private:
    // The services this one calls.
    CatalogService &m_catalog;
    EventData &m_eventData;
};

} // namespace ery::services
