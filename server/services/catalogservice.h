#pragma once

#include "fields.h"
#include "servicebase.h"

namespace ery::storage {
class Table;
}

namespace ery::services {

class ActivityLog;
class EventData;

// The reference data a shop admin keeps: cells, resources, materials, scrap reasons, issue
// categories, substep templates and operation↔resource links. They share one create/update/delete
// shape, described per kind by a CatalogKind.
struct CatalogKind {
    QString singular; // "cell"
    const storage::Table *table = nullptr;
    std::vector<Field> fields;
    QString createdEvent, updatedEvent; // domain events, when the catalogue names one
};

class CatalogService : public ServiceBase {
public:
    static const std::vector<Field> &templateItemFields();
    CatalogService(const DataAccess &data, ActivityLog &activity, EventData &eventData);

    enum Kind { Cells, Resources, Materials, ScrapReasons, IssueCategories, SubstepTemplates, OperationResources };

    // syncStamp as JobService's.
    Result<Row> create(Kind k, const domain::Scope &scope, const Json &input, const Row &syncStamp = Row::object());
    Result<Row> update(Kind k, const domain::Scope &scope, const QString &id, const Json &patch, const Row &syncStamp = Row::object());
    Status remove(Kind k, const domain::Scope &scope, const QString &id);
    Result<Row> get(Kind k, const domain::Scope &scope, const QString &id);
    Result<domain::Page> list(Kind k, const domain::Scope &scope, const domain::ListQuery &q);
    const CatalogKind &kind(Kind k) const;

    // Resolves a cell by name (CSV, ERP sync, nested job creation).
    Result<Row> cellByName(const domain::Scope &scope, const QString &name);
    // The standard scrap codes, lower-case categories (the original's seed broke its own CHECK).
    Status seedDefaultScrapReasons(const domain::Scope &scope);
    // Substep template items, and applying a template to an operation.
    Result<Row> addTemplateItem(const domain::Scope &scope, const QString &templateId, const Json &input);
    Result<Rows> templateItems(const domain::Scope &scope, const QString &templateId);
    // Current WIP of a cell and its status (no_limit / normal / warning / at_capacity).
    Result<Json> cellWip(const domain::Scope &scope, const QString &cellId);
    // cellWip with running_operations: the state MQTT keeps retained per cell.
    Result<Json> cellState(const domain::Scope &scope, const QString &cellId);

    // Inside a caller's transaction.
    Result<Row> createIn(storage::WriteTx &tx, Kind k, const domain::Scope &scope, const Json &input, const Row &syncStamp = Row::object());

private:
    Status checkReferences(storage::WriteTx &tx, Kind k, const domain::Scope &scope, const Row &row);
    std::vector<CatalogKind> m_kinds;

    // The services this one calls.
    ActivityLog &m_activity;
    EventData &m_eventData;
};

} // namespace ery::services
