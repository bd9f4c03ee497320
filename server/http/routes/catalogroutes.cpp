#include "http/actionroute.h"
#include "domain/rules.h"
#include "http/apiserver.h"
#include "http/answers.h"
#include "http/openapi.h"
#include "http/resourcespec.h"
#include "routes.h"
#include "services/services.h"

using namespace ery::domain;
using namespace ery::services;

namespace ery::http {

namespace {
struct CatalogPaths {
    const char *path;
    const char *itemPath;
    const char *compatPath;
};

ResourceSpec catalogSpec(Services &s, CatalogService::Kind kind, CatalogPaths paths, const char *plural, const char *singular,
                         const char *tag)
{
    ResourceSpec spec;
    spec.path = QString::fromLatin1(paths.path);
    spec.itemPath = QString::fromLatin1(paths.itemPath);
    spec.compatPath = QString::fromLatin1(paths.compatPath);
    spec.plural = QString::fromLatin1(plural);
    spec.singular = QString::fromLatin1(singular);
    spec.tag = QString::fromLatin1(tag);
    spec.createFields = s.catalog.kind(kind).fields;
    spec.list = [&s, kind](const Request &r, const ListQuery &q) { return s.catalog.list(kind, r.scope(), q); };
    spec.renderRows = true;
    spec.get = [&s, kind](const Request &r, const QString &id) { return s.catalog.get(kind, r.scope(), id); };
    spec.create = [&s, kind](const Request &r, const Json &body) { return s.catalog.create(kind, r.scope(), body); };
    spec.update = [&s, kind](const Request &r, const QString &id, const Json &body) { return s.catalog.update(kind, r.scope(), id, body); };
    spec.remove = [&s, kind](const Request &r, const QString &id) { return s.catalog.remove(kind, r.scope(), id); };
    return spec;
}
} // namespace

void installCatalogRoutes(ApiServer &api)
{
    Services &s = api.services();

    ResourceSpec cells =
        catalogSpec(s, CatalogService::Cells, {"/api/v1/cells", "/api/v1/cells/{id}", "/functions/v1/api-cells"}, "cells", "cell", "Cells");
    cells.filters = {{QStringLiteral("active"), Filter::Bool},
                     {QStringLiteral("name"), Filter::Like},
                     {QStringLiteral("external_source")},
                     {QStringLiteral("external_id")}};
    cells.sorts = {"name", "sequence", "created_at"};
    cells.defaultSort = QStringLiteral("sequence");
    cells.sync = SyncRoutes{SyncService::Cells, "/api/v1/cells/sync", "/api/v1/cells/bulk-sync", "/functions/v1/api-cells/sync",
                            "/functions/v1/api-cells/bulk-sync"};
    installResource(api, cells);

    ResourceSpec resources =
        catalogSpec(s, CatalogService::Resources, {"/api/v1/resources", "/api/v1/resources/{id}", "/functions/v1/api-resources"},
                    "resources", "resource", "Resources");
    resources.filters = {{QStringLiteral("type")},
                         {QStringLiteral("status")},
                         {QStringLiteral("active"), Filter::Bool},
                         {QStringLiteral("external_source")},
                         {QStringLiteral("external_id")}};
    resources.sorts = {"name", "type", "status", "created_at"};
    resources.defaultSort = QStringLiteral("name");
    resources.sync = SyncRoutes{SyncService::Resources, "/api/v1/resources/sync", "/api/v1/resources/bulk-sync",
                                "/functions/v1/api-resources/sync", "/functions/v1/api-resources/bulk-sync"};
    installResource(api, resources);

    ResourceSpec materials =
        catalogSpec(s, CatalogService::Materials, {"/api/v1/materials", "/api/v1/materials/{id}", "/functions/v1/api-materials"},
                    "materials", "material", "Materials");
    materials.filters = {{QStringLiteral("active"), Filter::Bool}};
    materials.sorts = {"name", "created_at"};
    materials.defaultSort = QStringLiteral("name");
    installResource(api, materials);

    ResourceSpec scrap = catalogSpec(s, CatalogService::ScrapReasons,
                                     {"/api/v1/scrap-reasons", "/api/v1/scrap-reasons/{id}", "/functions/v1/api-scrap-reasons"},
                                     "scrap_reasons", "scrap_reason", "Quality");
    scrap.filters = {{QStringLiteral("category"), Filter::Exact, {}, domain::choices::scrapCategories()},
                     {QStringLiteral("active"), Filter::Bool},
                     {QStringLiteral("code")}};
    scrap.sorts = {"category", "code", "created_at"};
    scrap.defaultSort = QStringLiteral("category");
    // As the original: only active reasons unless `active` is asked for.
    scrap.list = [&s](const Request &r, const ListQuery &q) {
        ListQuery lq = q;
        if (!r.has(QStringLiteral("active")))
            lq.eq.emplace_back(QStringLiteral("active"), 1);
        return s.catalog.list(CatalogService::ScrapReasons, r.scope(), lq);
    };
    installResource(api, scrap);

    ResourceSpec templates = catalogSpec(s, CatalogService::SubstepTemplates,
                                         {"/api/v1/substep-templates", "/api/v1/substep-templates/{id}", "/functions/v1/api-templates"},
                                         "substep_templates", "substep_template", "Substeps");
    templates.filters = {{QStringLiteral("operation_type")}, {QStringLiteral("is_global"), Filter::Bool}};
    templates.sorts = {"name", "created_at"};
    templates.defaultSort = QStringLiteral("name");
    templates.get = [&s](const Request &r, const QString &id) -> Result<Row> {
        auto t = s.catalog.get(CatalogService::SubstepTemplates, r.scope(), id);
        if (!t)
            return t;
        auto items = s.catalog.templateItems(r.scope(), id);
        if (!items)
            return items.error();
        (*t)["items"] = Json(*items);
        return t;
    };
    installResource(api, templates);
    installActions(api.router(), {
                                     {Method::Post,
                                      "/api/v1/substep-templates/{id}/items",
                                      nullptr,
                                      Access::Write,
                                      byIdAndBody([&s](Request &r, const QString &id, const Json &body) {
                                          return respond(s.catalog.addTemplateItem(r.scope(), id, body),
                                                         [](const Row &row) { return itemResponse(QStringLiteral("item"), row, 201); });
                                      }),
                                      {.summary = "Add an item to a substep template",
                                       .tag = "Substeps",
                                       .requestSchema = fieldsSchema(CatalogService::templateItemFields(), true),
                                       .successStatus = 201}},
                                 });
}

} // namespace ery::http
