#include "catalogservice.h"

#include "domain/rules.h"
#include "activitylog.h"
#include "eventdata.h"
#include "storage/repositories.h"

using namespace ery::domain;
using namespace ery::storage;

namespace ery::services {

namespace {
const std::vector<Field> kExternal{{"external_id", Field::Text, false, {}, {}, limits::kName},
                                   {"external_source", Field::Text, false, {}, {}, limits::kShort}};

std::vector<Field> withExternal(std::vector<Field> f)
{
    f.insert(f.end(), kExternal.begin(), kExternal.end());
    return f;
}
} // namespace

CatalogService::CatalogService(const DataAccess &data, ActivityLog &activity, EventData &eventData)
    : ServiceBase(data), m_activity(activity), m_eventData(eventData)
{
    const Repositories &r = repo();
    m_kinds = {
        {QStringLiteral("cell"),
         &r.cells,
         withExternal({{"name", Field::Text, true, {}, {}, limits::kName},
                       {"description", Field::Text, false, {}, {}, limits::kText},
                       {"color", Field::Text, false, {}, {}, 30},
                       {"icon_name", Field::Text, false, {}, {}, limits::kShort},
                       {"image_url", Field::Text, false, {}, {}, limits::kUrl},
                       {"sequence", Field::Int, false, {}, 0},
                       {"active", Field::Bool},
                       {"wip_limit", Field::Int, false, {}, 0},
                       {"wip_warning_threshold", Field::Int, false, {}, 0},
                       {"enforce_wip_limit", Field::Bool},
                       {"show_capacity_warning", Field::Bool},
                       {"capacity_hours_per_day", Field::Number, false, {}, 0}}),
         {},
         {}},
        {QStringLiteral("resource"), &r.resources,
         withExternal({{"name", Field::Text, true, {}, {}, limits::kName},
                       {"type", Field::Text, false, {}, {}, 50},
                       {"description", Field::Text, false, {}, {}, limits::kText},
                       {"identifier", Field::Text, false, {}, {}, limits::kShort},
                       {"location", Field::Text, false, {}, {}, limits::kName},
                       {"status", Field::Enum, false, {"available", "in_use", "maintenance", "retired"}},
                       {"metadata", Field::Json},
                       {"active", Field::Bool}}),
         QStringLiteral("resource.created"), QStringLiteral("resource.updated")},
        {QStringLiteral("material"),
         &r.materials,
         {{"name", Field::Text, true, {}, {}, limits::kName},
          {"description", Field::Text, false, {}, {}, limits::kText},
          {"color", Field::Text, false, {}, {}, 30},
          {"active", Field::Bool}},
         {},
         {}},
        {QStringLiteral("scrap_reason"),
         &r.scrapReasons,
         {{"code", Field::Text, true, {}, {}, 50},
          {"description", Field::Text, true, {}, {}, limits::kText},
          {"category", Field::Enum, false, {"material", "process", "equipment", "operator", "design", "other"}},
          {"active", Field::Bool},
          {"metadata", Field::Json}},
         {},
         {}},
        {QStringLiteral("issue_category"),
         &r.issueCategories,
         {{"code", Field::Text, true, {}, {}, 20},
          {"description", Field::Text, true, {}, {}, limits::kText},
          {"severity_default", Field::Enum, false, {"low", "medium", "high", "critical"}},
          {"active", Field::Bool}},
         {},
         {}},
        {QStringLiteral("substep_template"),
         &r.substepTemplates,
         {{"name", Field::Text, true, {}, {}, limits::kName},
          {"description", Field::Text, false, {}, {}, limits::kText},
          {"operation_type", Field::Text, false, {}, {}, limits::kShort},
          {"is_global", Field::Bool}},
         {},
         {}},
        {QStringLiteral("operation_resource"),
         &r.operationResources,
         {{"operation_id", Field::Uuid, true},
          {"resource_id", Field::Uuid, true},
          {"quantity", Field::Int, false, {}, 1},
          {"notes", Field::Text, false, {}, {}, limits::kText}},
         {},
         {}},
    };
}

const CatalogKind &CatalogService::kind(Kind k) const
{
    return m_kinds[size_t(k)];
}

Status CatalogService::checkReferences(WriteTx &tx, Kind k, const Scope &scope, const Row &row)
{
    // A reference to another tenant's row is as unknown as a missing one.
    if (k == OperationResources) {
        if (row.contains("operation_id"))
            ERY_TRY(repo().operations.get(tx.db(), scope, str(row, "operation_id"), QStringLiteral("operation")));
        if (row.contains("resource_id"))
            ERY_TRY(repo().resources.get(tx.db(), scope, str(row, "resource_id"), QStringLiteral("resource")));
    }
    return {};
}

Result<Row> CatalogService::createIn(WriteTx &tx, Kind k, const Scope &scope, const Json &input, const Row &syncStamp)
{
    const CatalogKind &c = kind(k);
    Validation v;
    Row row = acceptFields(input, c.fields, true, v);
    if (!v.ok())
        return v.error();
    ERY_TRY(checkReferences(tx, k, scope, row));
    if (!syncStamp.empty())
        row.update(syncStamp);
    auto created = c.table->insert(tx, scope, row);
    if (!created)
        return created.error();
    if (!c.createdEvent.isEmpty()) {
        auto t = m_eventData.tenant(scope.tenantId);
        tx.emitEvent(scope.tenantId, c.createdEvent, str(*created, "id"), *created,
                     OperationContext::topicContextFor(t ? *t : Row::object(), nullptr, nullptr, nullptr, {}));
    }
    const QString name = str(*created, "name").isEmpty() ? str(*created, "code") : str(*created, "name");
    ERY_TRY(m_activity.record(tx, scope, QStringLiteral("create"), c.singular, str(*created, "id"), name,
                              QStringLiteral("Created %1 %2").arg(c.singular, name)));
    return created;
}

Result<Row> CatalogService::create(Kind k, const Scope &scope, const Json &input, const Row &syncStamp)
{
    return db().write([&](WriteTx &tx) { return createIn(tx, k, scope, input, syncStamp); });
}

Result<Row> CatalogService::update(Kind k, const Scope &scope, const QString &id, const Json &patch, const Row &syncStamp)
{
    const CatalogKind &c = kind(k);
    Validation v;
    Row accepted = acceptFields(patch, c.fields, false, v);
    if (!v.ok())
        return v.error();
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto current = c.table->get(tx.db(), scope, id, c.singular);
        if (!current)
            return current.error();
        ERY_TRY(checkReferences(tx, k, scope, accepted));
        Row written = accepted;
        if (!syncStamp.empty())
            written.update(syncStamp);
        auto next = c.table->update(tx, scope, *current, written);
        if (!next)
            return next.error();
        if (!c.updatedEvent.isEmpty()) {
            auto t = m_eventData.tenant(scope.tenantId);
            Json data = *next;
            data["changes"] = accepted;
            tx.emitEvent(scope.tenantId, c.updatedEvent, id, data,
                         OperationContext::topicContextFor(t ? *t : Row::object(), nullptr, nullptr, nullptr, {}));
        }
        return next;
    });
}

Status CatalogService::remove(Kind k, const Scope &scope, const QString &id)
{
    const CatalogKind &c = kind(k);
    return db().write([&](WriteTx &tx) -> Status {
        auto current = c.table->get(tx.db(), scope, id, c.singular);
        if (!current)
            return current.error();
        ERY_TRY(c.table->remove(tx, scope, *current));
        const QString name = str(*current, "name").isEmpty() ? str(*current, "code") : str(*current, "name");
        return m_activity.record(tx, scope, QStringLiteral("delete"), c.singular, id, name,
                                 QStringLiteral("Deleted %1 %2").arg(c.singular, name));
    });
}

Result<Row> CatalogService::get(Kind k, const Scope &scope, const QString &id)
{
    return kind(k).table->get(db(), scope, id, kind(k).singular);
}

Result<Page> CatalogService::list(Kind k, const Scope &scope, const ListQuery &q)
{
    ListQuery lq = q;
    if (lq.sort.isEmpty() && k == Cells)
        lq.sort = QStringLiteral("sequence");
    return kind(k).table->list(db(), scope, lq);
}

Result<Row> CatalogService::cellByName(const Scope &scope, const QString &name)
{
    auto rows = repo().cells.where(db(), scope, Match().eqNoCase(QStringLiteral("name"), name.trimmed()));
    if (!rows)
        return rows.error();
    if (rows->empty())
        return Error::notFound(QStringLiteral("cell \"%1\"").arg(name));
    return std::move(rows->front());
}

Status CatalogService::seedDefaultScrapReasons(const Scope &scope)
{
    struct R {
        const char *code, *description, *category;
    };
    static const R reasons[] = {
        {"MAT-001", "Material defect from supplier", "material"},
        {"MAT-002", "Wrong material or thickness", "material"},
        {"MAT-003", "Material damaged in handling", "material"},
        {"PRC-001", "Dimension out of tolerance", "process"},
        {"PRC-002", "Burrs or poor edge quality", "process"},
        {"PRC-003", "Wrong bend angle", "process"},
        {"PRC-004", "Weld defect (porosity, cracks)", "process"},
        {"PRC-005", "Surface finish / coating defect", "process"},
        {"EQP-001", "Machine malfunction", "equipment"},
        {"EQP-002", "Tool wear or breakage", "equipment"},
        {"OPR-001", "Setup error", "operator"},
        {"OPR-002", "Wrong program or drawing revision", "operator"},
        {"DSN-001", "Design error on drawing", "design"},
        {"OTH-001", "Other", "other"},
    };
    return db().write([&](WriteTx &tx) -> Status {
        for (const R &r : reasons) {
            auto exists = repo().scrapReasons.count(tx.db(), scope, Match().eq(QStringLiteral("code"), QString::fromLatin1(r.code)));
            if (!exists)
                return exists.error();
            if (*exists)
                continue;
            ERY_TRY(createIn(tx, ScrapReasons, scope, Json{{"code", r.code}, {"description", r.description}, {"category", r.category}}));
        }
        return {};
    });
}

const std::vector<Field> &CatalogService::templateItemFields()
{
    static const std::vector<Field> f{{"name", Field::Text, true, {}, {}, limits::kName},
                                      {"notes", Field::Text, false, {}, {}, limits::kText},
                                      {"sequence", Field::Int, true, {}, 1}};
    return f;
}

Result<Row> CatalogService::addTemplateItem(const Scope &scope, const QString &templateId, const Json &input)
{
    Validation v;
    Row row = acceptFields(input, templateItemFields(), true, v);
    if (!v.ok())
        return v.error();
    return db().write([&](WriteTx &tx) -> Result<Row> {
        ERY_TRY(repo().substepTemplates.get(tx.db(), scope, templateId, QStringLiteral("substep template")));
        row["template_id"] = toStd(templateId);
        return repo().substepTemplateItems.insert(tx, scope, row);
    });
}

Result<Rows> CatalogService::templateItems(const Scope &scope, const QString &templateId)
{
    ERY_TRY(repo().substepTemplates.get(db(), scope, templateId, QStringLiteral("substep template")));
    return repo().substepTemplateItems.where(db(), scope, Match().eq(QStringLiteral("template_id"), templateId),
                                             {QStringLiteral("sequence")});
}

Result<Json> CatalogService::cellWip(const Scope &scope, const QString &cellId)
{
    auto cell = repo().cells.get(db(), scope, cellId, QStringLiteral("cell"));
    if (!cell)
        return cell.error();
    auto wip = repo().cellWip(db(), scope, cellId);
    if (!wip)
        return wip.error();
    std::optional<qint64> limit, warn;
    if ((*cell)["wip_limit"].is_number())
        limit = num(*cell, "wip_limit");
    if ((*cell)["wip_warning_threshold"].is_number())
        warn = num(*cell, "wip_warning_threshold");
    return Json{{"cell_id", toStd(cellId)},
                {"cell_name", (*cell)["name"]},
                {"wip", *wip},
                {"wip_limit", (*cell)["wip_limit"]},
                {"status", toStd(domain::wipStatus(*wip, limit, warn))},
                {"enforce_wip_limit", (*cell)["enforce_wip_limit"]}};
}

Result<Json> CatalogService::cellState(const Scope &scope, const QString &cellId)
{
    auto state = cellWip(scope, cellId);
    if (!state)
        return state.error();
    auto running = repo().runningOperationsInCell(db(), scope, cellId);
    (*state)["running_operations"] = running ? *running : 0;
    return state;
}

} // namespace ery::services
