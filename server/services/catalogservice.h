#pragma once

#include "fields.h"
#include "servicebase.h"

namespace ery {

class Table;

class ActivityLog;
class EventData;

// The reference data a shop admin keeps: cells, resources, materials, scrap reasons, issue
// categories, substep templates and operation↔resource links. They share one create/update/delete
// shape, described per kind by a CatalogKind.
struct CatalogKind {
    QString singular; // "cell"
    const Table *table = nullptr;
    std::vector<Field> fields;
    QString createdEvent, updatedEvent; // domain events, when the catalogue names one
};

class CatalogService : public ServiceBase {
public:
    static const std::vector<Field> &templateItemFields();
    CatalogService(const DataAccess &data, ActivityLog &activity, EventData &eventData);

    enum Kind { Cells, Resources, Materials, ScrapReasons, IssueCategories, SubstepTemplates, OperationResources };

    Result<Row> create(Kind k, const Scope &scope, const Json &input);
    Result<Row> update(Kind k, const Scope &scope, const QString &id, const Json &patch);
    Status remove(Kind k, const Scope &scope, const QString &id);
    Result<Row> get(Kind k, const Scope &scope, const QString &id);
    Result<Page> list(Kind k, const Scope &scope, const ListQuery &q);
    const CatalogKind &kind(Kind k) const;

    // Resolves a cell by name (CSV, ERP sync, nested job creation).
    Result<Row> cellByName(const Scope &scope, const QString &name);
    // The standard scrap codes, lower-case categories (the original's seed broke its own CHECK).
    Status seedDefaultScrapReasons(const Scope &scope);
    // Substep template items, and applying a template to an operation.
    Result<Row> addTemplateItem(const Scope &scope, const QString &templateId, const Json &input);
    Result<Rows> templateItems(const Scope &scope, const QString &templateId);
    // Current WIP of a cell and its status (no_limit / normal / warning / at_capacity).
    Result<Json> cellWip(const Scope &scope, const QString &cellId);
    // cellWip with running_operations: the state MQTT keeps retained per cell.
    Result<Json> cellState(const Scope &scope, const QString &cellId);

    // Inside a caller's transaction.
    Result<Row> createIn(WriteTx &tx, Kind k, const Scope &scope, const Json &input);

private:
    Status checkReferences(WriteTx &tx, Kind k, const Scope &scope, const Row &row);
    std::vector<CatalogKind> m_kinds;

    // The services this one calls.
    ActivityLog &m_activity;
    EventData &m_eventData;
};

} // namespace ery
