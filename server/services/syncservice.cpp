#include "syncservice.h"

#include "catalogservice.h"
#include "jobservice.h"
#include "operationservice.h"
#include "partservice.h"

#include <QCryptographicHash>

#include <algorithm>
#include <optional>
#include <string_view>

#include "storage/repositories.h"

using namespace ery::domain;
using namespace ery::storage;

namespace ery::services {

namespace {
// How far up an assembly tree a parent is followed when checking for a cycle.
constexpr int kMaxPartDepth = 10000;

// Entries a file import's lookups keep per table at most (they start over when full), so its memory
// does not grow with the file: rows that name the same record usually follow each other.
constexpr qsizetype kMaxLookups = 1000;

// The compact JSON text of v with the keys of every object sorted, as nlohmann::json (whose objects
// are sorted maps) writes it; at the top level without the keys in `skip`.
void dumpSorted(const Json &v, std::string &out, const std::vector<std::string_view> &skip = {})
{
    if (v.is_object()) {
        std::vector<const Json::object_t::value_type *> members;
        for (const auto &m : v.get_ref<const Json::object_t &>())
            if (std::find(skip.begin(), skip.end(), std::string_view(m.first)) == skip.end())
                members.push_back(&m);
        std::sort(members.begin(), members.end(), [](const auto *a, const auto *b) { return a->first < b->first; });
        out += '{';
        for (size_t i = 0; i < members.size(); ++i) {
            if (i)
                out += ',';
            out += Json(members[i]->first).dump();
            out += ':';
            dumpSorted(members[i]->second, out);
        }
        out += '}';
    } else if (v.is_array()) {
        out += '[';
        for (size_t i = 0; i < v.size(); ++i) {
            if (i)
                out += ',';
            dumpSorted(v[i], out);
        }
        out += ']';
    } else {
        out += v.dump();
    }
}

// The record's content hash: keys sorted at every level, system fields left out, as the ERP sync
// compares it.
QString contentHash(const Json &item)
{
    static const std::vector<std::string_view> skip{"id",         "tenant_id", "created_at", "updated_at", "deleted_at",
                                                    "deleted_by", "synced_at", "sync_hash",  "cached_at"};
    std::string text;
    text.reserve(512);
    dumpSorted(item, text, skip);
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArrayView(text.data(), qsizetype(text.size())), QCryptographicHash::Sha256).toHex().left(32));
}
} // namespace

QString SyncService::entityName(Entity e)
{
    static const char *names[] = {"jobs", "parts", "operations", "cells", "resources"};
    return QString::fromLatin1(names[e]);
}

Result<SyncService::Outcome> SyncService::upsert(const Scope &scope, Entity e, const Json &item)
{
    return db().write([&](WriteTx &tx) { return upsertIn(tx, scope, e, item); });
}

Result<SyncService::Entity> SyncService::entityNamed(const QString &name)
{
    for (Entity e : {Jobs, Parts, Operations, Cells, Resources})
        if (entityName(e) == name)
            return e;
    return Error::badRequest(QStringLiteral("unknown entity \"%1\" (jobs, parts, operations, cells or resources)").arg(name.left(50)));
}

std::vector<Field> SyncService::fieldsOf(Entity e) const
{
    // The references a feed uses instead of our ids, and the CSV template's name for the estimate.
    std::vector<Field> f;
    switch (e) {
    case Jobs: f = JobService::fields(); break;
    case Parts:
        f = PartService::fields();
        f.push_back({"job_external_id", Field::Text, false, {}, {}, limits::kName});
        f.push_back({"parent_part_external_id", Field::Text, false, {}, {}, limits::kName});
        break;
    case Operations:
        f = OperationService::fields();
        f.push_back({"part_external_id", Field::Text, false, {}, {}, limits::kName});
        f.push_back({"cell_name", Field::Text, false, {}, {}, limits::kName});
        f.push_back({"estimated_time_minutes", Field::Int});
        break;
    case Cells: f = m_catalog.kind(CatalogService::Cells).fields; break;
    case Resources: f = m_catalog.kind(CatalogService::Resources).fields; break;
    }
    return f;
}

Result<SyncService::Outcome> SyncService::upsertIn(WriteTx &tx, const Scope &scope, Entity e, const Json &item, bool skipUnchanged,
                                                   Lookups *lookups)
{
    Validation v;
    if (!item.is_object()) {
        v.add("body", QStringLiteral("each record must be a JSON object"), nullptr, "object");
        return v.error();
    }
    for (const char *k : {"external_id", "external_source"}) {
        auto it = item.find(k);
        if (it == item.end() || !it->is_string() || it->get<std::string>().empty())
            v.add(k, QStringLiteral("%1 is required for sync (a non-empty string)").arg(QLatin1String(k)),
                  it == item.end() ? Json(nullptr) : *it, "required");
    }
    if (!v.ok())
        return v.error();
    // Every field's type and size before any of them is used in a lookup (external keys, the
    // references by external key or cell name); the service checks the rest again as it writes.
    acceptFields(item, fieldsOf(e), false, v);
    if (!v.ok())
        return v.error();
    const QString source = str(item, "external_source");
    const QString externalId = str(item, "external_id");
    Json in = item;
    for (const char *k : {"id", "tenant_id", "created_at", "updated_at", "deleted_at", "synced_at", "sync_hash"})
        in.erase(k);

    // A record of another table named by its external key in this record's source; from the
    // import's lookups when it keeps them.
    auto referenced = [&](const Table &t, QHash<QString, Row> *cache, const QString &key) -> Result<Row> {
        const QString cacheKey = cache ? source + QLatin1Char('\n') + key : QString();
        if (cache)
            if (auto hit = cache->constFind(cacheKey); hit != cache->cend())
                return *hit;
        auto row = repo().byExternal(tx.db(), t, scope, source, key);
        if (row && cache) {
            if (cache->size() >= kMaxLookups)
                cache->clear();
            cache->insert(cacheKey, *row);
        }
        return row;
    };

    // Resolve references by external key or name.
    if (e == Parts && in.contains("job_external_id")) {
        auto job = referenced(repo().jobs, lookups ? &lookups->jobs : nullptr, str(in, "job_external_id"));
        if (!job) {
            if (job.error().code != ErrorCode::NotFound)
                return job.error();
            v.add("job_external_id", QStringLiteral("no job with this external_id in source %1").arg(source), in["job_external_id"],
                  "exists");
            return v.error();
        }
        in["job_id"] = (*job)["id"];
        in.erase("job_external_id");
    }
    if (e == Parts && in.contains("parent_part_external_id")) {
        if (in["parent_part_external_id"].is_null()) {
            in["parent_part_id"] = nullptr;
        } else {
            // Never from the lookups: the parent may be a part this very file wrote.
            auto parent = referenced(repo().parts, nullptr, str(in, "parent_part_external_id"));
            if (!parent) {
                if (parent.error().code != ErrorCode::NotFound)
                    return parent.error();
                v.add("parent_part_external_id", QStringLiteral("no part with this external_id in source %1").arg(source),
                      in["parent_part_external_id"], "exists");
                return v.error();
            }
            in["parent_part_id"] = (*parent)["id"];
        }
    }
    std::optional<Row> part, cell; // the operation's, as resolved here
    if (e == Operations) {
        if (in.contains("part_external_id")) {
            auto found = referenced(repo().parts, lookups ? &lookups->parts : nullptr, str(in, "part_external_id"));
            if (!found) {
                if (found.error().code != ErrorCode::NotFound)
                    return found.error();
                v.add("part_external_id", QStringLiteral("no part with this external_id in source %1").arg(source), in["part_external_id"],
                      "exists");
                return v.error();
            }
            in["part_id"] = (*found)["id"];
            in.erase("part_external_id");
            part = std::move(*found);
        }
        if (in.contains("cell_name") && !in.contains("cell_id")) {
            // Matched as cellByName matches it: trimmed, in any case.
            auto cellNamed = [&](const QString &name) -> Result<Row> {
                const QString key = name.trimmed().toLower();
                if (lookups)
                    if (auto hit = lookups->cells.constFind(key); hit != lookups->cells.cend())
                        return *hit;
                auto found = m_catalog.cellByName(scope, name);
                if (found && lookups) {
                    if (lookups->cells.size() >= kMaxLookups)
                        lookups->cells.clear();
                    lookups->cells.insert(key, *found);
                }
                return found;
            };
            auto found = in["cell_name"].is_string() ? cellNamed(str(in, "cell_name")) : Result<Row>(Error::notFound("cell"));
            if (!found) {
                if (found.error().code != ErrorCode::NotFound)
                    return found.error();
                v.add("cell_name", QStringLiteral("no cell with this name"), in["cell_name"], "exists");
                return v.error();
            }
            in["cell_id"] = (*found)["id"];
            cell = std::move(*found);
        }
        in.erase("cell_name"); // estimated_time_minutes, the CSV template's name, is OperationService's to read
    }

    const Table *table = e == Jobs         ? &repo().jobs
                         : e == Parts      ? &repo().parts
                         : e == Operations ? &repo().operations
                         : e == Cells      ? &repo().cells
                                           : &repo().resources;
    auto existing = repo().byExternal(tx.db(), *table, scope, source, externalId);
    if (!existing && existing.error().code != ErrorCode::NotFound)
        return existing.error();
    const QString hash = contentHash(item);
    if (existing && skipUnchanged && str(*existing, "sync_hash") == hash)
        return Outcome{false, *existing, true, *existing};
    if (e == Parts && existing && !str(in, "parent_part_id").isEmpty()) {
        // The new parent must not be this part or sit below it: walk up from the parent.
        const QString self = str(*existing, "id");
        QString at = str(in, "parent_part_id");
        for (int depth = 0; !at.isEmpty() && depth < kMaxPartDepth; ++depth) {
            if (at == self) {
                const char *field = item.contains("parent_part_external_id") ? "parent_part_external_id" : "parent_part_id";
                v.add(field, QStringLiteral("this parent would make part %1 contain itself").arg(str(*existing, "part_number")),
                      item.value(field, Json(nullptr)), "acyclic");
                return v.error();
            }
            auto up = repo().parts.get(tx.db(), scope, at);
            if (!up) {
                if (up.error().code != ErrorCode::NotFound)
                    return up.error();
                break;
            }
            at = str(*up, "parent_part_id");
        }
    }
    in.erase("parent_part_external_id");

    // The sync stamp goes in with the record, in the same INSERT or UPDATE.
    const Row stamp{{"synced_at", toStd(nowIso())}, {"sync_hash", toStd(hash)}};
    Result<Row> written = Error::internal({});
    const bool create = !existing;
    if (create) {
        switch (e) {
        case Jobs: written = m_jobs.create(scope, in, stamp); break;
        case Parts: written = m_parts.create(scope, in, stamp); break;
        case Operations: written = m_operations.create(scope, in, stamp, part ? &*part : nullptr, cell ? &*cell : nullptr); break;
        case Cells: written = m_catalog.create(CatalogService::Cells, scope, in, stamp); break;
        case Resources: written = m_catalog.create(CatalogService::Resources, scope, in, stamp); break;
        }
    } else {
        const QString id = str(*existing, "id");
        switch (e) {
        case Jobs: written = m_jobs.update(scope, id, in, stamp); break;
        case Parts: written = m_parts.update(scope, id, in, stamp); break;
        case Operations: written = m_operations.update(scope, id, in, stamp); break;
        case Cells: written = m_catalog.update(CatalogService::Cells, scope, id, in, stamp); break;
        case Resources: written = m_catalog.update(CatalogService::Resources, scope, id, in, stamp); break;
        }
    }
    if (!written)
        return written.error();
    return Outcome{create, std::move(*written), false, existing ? std::move(*existing) : Row(nullptr)};
}

Result<SyncService::Outcome> SyncService::attempt(const Scope &scope, Entity e, const Json &item, bool skipUnchanged)
{
    return db().attempt([&](WriteTx &tx) { return upsertIn(tx, scope, e, item, skipUnchanged); });
}

Result<SyncService::BulkOutcome> SyncService::bulk(const Scope &scope, Entity e, const Json &items)
{
    if (!items.is_array())
        return Error::badRequest(QStringLiteral("bulk-sync needs {\"items\": [...]}"));
    if (items.size() > size_t(kMaxBulkItems))
        return Error::badRequest(QStringLiteral("bulk-sync takes at most %1 items, got %2").arg(kMaxBulkItems).arg(items.size()));
    BulkOutcome out;
    int index = 0;
    for (const auto &item : items) {
        auto r = upsert(scope, e, item);
        Json res{{"index", index}, {"external_id", item.is_object() ? item.value("external_id", Json(nullptr)) : Json(nullptr)}};
        if (r) {
            (r->created ? out.created : out.updated)++;
            res["action"] = r->created ? "created" : "updated";
            res["id"] = r->row["id"];
        } else {
            out.failed++;
            res["action"] = "error";
            res["error"] = r.error().toJson();
            out.errors.push_back({{"item", item}, {"error", r.error().toJson()}});
        }
        out.results.push_back(std::move(res));
        ++index;
    }
    // Cells have no event of their own: their runs end with sync.batch.completed.
    const QString event = e == Cells ? QStringLiteral("sync.batch.completed") : QStringLiteral("sync.%1.completed").arg(entityName(e));
    Json externalIds = Json::array();
    for (const auto &r : out.results)
        if (r["action"] != "error")
            externalIds.push_back(r["external_id"]);
    auto done = db().write([&](WriteTx &tx) -> Status {
        tx.emitEvent(
            scope.tenantId, event, {},
            Json{{"entity_type", toStd(entityName(e))},
                 {"source", "api_bulk_sync"},
                 {"summary",
                  {{"total", items.size()}, {"created", out.created}, {"updated", out.updated}, {"skipped", 0}, {"errors", out.failed}}},
                 {"external_ids", std::move(externalIds)},
                 {"synced_at", toStd(nowIso())},
                 {"total", items.size()},
                 {"created", out.created},
                 {"updated", out.updated},
                 {"failed", out.failed}});
        return {};
    });
    if (!done)
        return done.error();
    return out;
}

Result<SyncService::History> SyncService::history(const Scope &scope, const QString &entityType, const QString &source, int limit)
{
    ListQuery q;
    if (!entityType.isEmpty())
        q.eq.emplace_back(QStringLiteral("entity_type"), entityType);
    if (!source.isEmpty())
        q.eq.emplace_back(QStringLiteral("source"), source);
    q.sort = QStringLiteral("created_at");
    q.descending = true;
    q.limit = limit;
    auto page = repo().syncImports.list(db(), scope, q);
    if (!page)
        return page.error();
    auto totals = repo().syncImportTotals(db(), scope, entityType, source);
    if (!totals)
        return totals.error();
    History h;
    h.rows = std::move(page->rows);
    h.total = num(*totals, "total_syncs");
    h.successful = num(*totals, "successful");
    h.failed = num(*totals, "failed");
    h.created = num(*totals, "total_created");
    h.updated = num(*totals, "total_updated");
    h.errors = num(*totals, "total_errors");
    return h;
}

Result<QString> SyncService::recordRun(const Scope &scope, const Row &history)
{
    return db().write([&](WriteTx &tx) -> Result<QString> {
        auto row = repo().syncImports.insert(tx, scope, history, false);
        if (!row)
            return row.error();
        return str(*row, "id");
    });
}

Status SyncService::announce(const Scope &scope, const QString &event, Json data)
{
    if (!event.startsWith(QLatin1String("sync.")))
        return Error::internal(QStringLiteral("not a sync event: %1").arg(event));
    return db().write([&](WriteTx &tx) -> Status {
        tx.emitEvent(scope.tenantId, event, {}, std::move(data));
        return {};
    });
}

} // namespace ery::services
