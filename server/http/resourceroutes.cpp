#include "core/jsonutil.h"
#include "resourceroutes.h"

#include "apiserver.h"
#include "core/jsontext.h"
#include "services/services.h"

#include <algorithm>

namespace ery::http {

QString canonical(const QString &rest)
{
    return QStringLiteral("/api/v1/") + rest;
}

QString compatPath(const QString &rest)
{
    return QStringLiteral("/functions/v1/") + rest;
}

Json bodySchema(const std::vector<Field> &fields, bool creating)
{
    Json props = Json::object();
    Json required = Json::array();
    for (const Field &f : fields) {
        Json p;
        switch (f.type) {
        case Field::Text: p = {{"type", "string"}, {"maxLength", f.maxLength}}; break;
        case Field::Int:
            p = {{"type", "integer"}, {"minimum", qint64(f.min ? *f.min : limits::kIntMin)}, {"maximum", qint64(f.max ? *f.max : limits::kIntMax)}};
            break;
        case Field::Number: p = {{"type", "number"}}; break;
        case Field::Bool: p = {{"type", "boolean"}}; break;
        case Field::Uuid: p = {{"type", "string"}, {"format", "uuid"}}; break;
        case Field::Timestamp: p = {{"type", "string"}, {"format", "date-time"}}; break;
        case Field::Date: p = {{"type", "string"}, {"format", "date"}}; break;
        case Field::Json:
            p = {{"description", QStringLiteral("Any JSON value; at most %1 bytes serialised and %2 properties")
                                     .arg(f.maxBytes)
                                     .arg(f.maxProperties)
                                     .toStdString()},
                 {"maxProperties", f.maxProperties},
                 {"x-max-bytes", f.maxBytes}};
            break;
        case Field::Enum: {
            Json e = Json::array();
            for (const QString &c : f.choices)
                e.push_back(js(c));
            p = {{"type", "string"}, {"enum", e}};
            break;
        }
        case Field::TextList: p = {{"type", "array"}, {"maxItems", f.maxItems}, {"items", {{"type", "string"}, {"maxLength", f.maxLength}}}}; break;
        }
        if (f.type == Field::Number) {
            if (f.min)
                p["minimum"] = *f.min;
            if (f.max)
                p["maximum"] = *f.max;
        }
        props[f.name] = p;
        if (creating && f.required)
            required.push_back(f.name);
    }
    Json s{{"type", "object"}, {"properties", props}};
    if (!required.empty())
        s["required"] = required;
    return s;
}

Response listResponse(const QString &plural, Page page, const ListQuery &q)
{
    if (page.rendered) {
        // The envelope around rows that are JSON text already; the same bytes Response::ok writes.
        std::string head = R"({"success":true,"data":{)";
        appendJsonString(head, js(plural));
        head += ":[";
        std::string tail = R"(],"pagination":{"total":)";
        appendJsonInt(tail, page.total);
        tail += R"(,"offset":)";
        appendJsonInt(tail, q.offset);
        tail += R"(,"limit":)";
        appendJsonInt(tail, q.limit);
        tail += "}}}";
        QByteArray body;
        body.reserve(qsizetype(head.size() + page.json.size() + tail.size()));
        body.append(head.data(), qsizetype(head.size()));
        body.append(page.json.data(), qsizetype(page.json.size()));
        body.append(tail.data(), qsizetype(tail.size()));
        return Response::text(200, std::move(body), "application/json");
    }
    Json rows = Json::array();
    rows.get_ref<Json::array_t &>() = std::move(page.rows);
    Json data = Json::object();
    data[js(plural)] = std::move(rows);
    data["pagination"] = {{"total", page.total}, {"offset", q.offset}, {"limit", q.limit}};
    return Response::ok(std::move(data));
}

Response itemResponse(const QString &singular, Row row, int status)
{
    Json data = Json::object();
    data[js(singular)] = std::move(row);
    return Response::success(status, std::move(data));
}

void installResource(ApiServer &api, const ResourceSpec &spec)
{
    Router &router = api.router();
    Services &s = api.services();
    const QString base = canonical(spec.path);
    const QString one = base + QStringLiteral("/{id}");

    Handler list = [spec](Request &r) {
        auto q = listQueryFrom(r, spec);
        if (!q)
            return Response::error(q.error());
        q->render = spec.renderRows;
        auto page = spec.list(r, *q);
        if (!page)
            return Response::error(page.error());
        return listResponse(spec.plural, std::move(*page), *q);
    };
    Handler get = [spec](Request &r) {
        auto id = r.id();
        if (!id)
            return Response::error(id.error());
        auto row = spec.get(r, *id);
        if (!row)
            return Response::error(row.error());
        return itemResponse(spec.singular, std::move(*row));
    };
    QStringList filterNames, textFilters;
    for (const Filter &f : spec.filters) {
        filterNames << f.param;
        if (f.kind == Filter::Like)
            textFilters << f.param;
    }
    if (spec.list) {
        RouteDoc doc{QStringLiteral("List %1").arg(spec.plural), spec.tag, filterNames, true, nullptr, 200};
        doc.textParams = textFilters;
        router.add(Method::Get, base, spec.readAccess, list, doc);
    }
    if (spec.get)
        router.add(Method::Get, one, spec.readAccess, get, {QStringLiteral("Get one %1").arg(spec.singular), spec.tag, {}, false, nullptr, 200});
    if (!spec.compat.isEmpty() && (spec.list || spec.get)) {
        const bool canList = bool(spec.list), canGet = bool(spec.get);
        router.compat(Method::Get, compatPath(spec.compat), spec.readAccess, [list, get, canList, canGet](Request &r) {
            const bool one = r.has(QStringLiteral("id"));
            if (one ? !canGet : !canList)
                return Response::error(Error::badRequest(one ? QStringLiteral("This resource is listed, not read by id")
                                                             : QStringLiteral("Missing id (use ?id=<uuid>)")));
            return one ? get(r) : list(r);
        }, textFilters);
    }

    if (spec.create) {
        Handler create = [spec](Request &r) {
            auto body = r.json();
            if (!body)
                return Response::error(body.error());
            return respond(spec.create(r, *body), [&](const Row &row) { return itemResponse(spec.singular, row, 201); });
        };
        router.add(Method::Post, base, spec.writeAccess, create,
                   {QStringLiteral("Create a %1").arg(spec.singular), spec.tag, {}, false,
                    spec.createSchema.is_null() ? bodySchema(spec.createFields, true) : spec.createSchema, 201});
        if (!spec.compat.isEmpty())
            router.compat(Method::Post, compatPath(spec.compat), spec.writeAccess, create);
    }
    if (spec.update) {
        Handler update = [spec](Request &r) {
            auto id = r.id();
            if (!id)
                return Response::error(id.error());
            auto body = r.json();
            if (!body)
                return Response::error(body.error());
            return respond(spec.update(r, *id, *body), [&](const Row &row) { return itemResponse(spec.singular, row); });
        };
        const RouteDoc doc{QStringLiteral("Update a %1").arg(spec.singular), spec.tag, {}, false,
                           bodySchema(spec.updateFields.empty() ? spec.createFields : spec.updateFields, false), 200};
        router.add(Method::Patch, one, spec.writeAccess, update, doc);
        router.add(Method::Put, one, spec.writeAccess, update, doc);
        if (!spec.compat.isEmpty()) {
            router.compat(Method::Patch, compatPath(spec.compat), spec.writeAccess, update);
            router.compat(Method::Put, compatPath(spec.compat), spec.writeAccess, update);
        }
    }
    if (spec.remove) {
        Handler remove = [spec](Request &r) {
            auto id = r.id();
            if (!id)
                return Response::error(id.error());
            auto done = spec.remove(r, *id);
            if (!done)
                return Response::error(done.error());
            return Response::ok(Json{{"message", "Deleted successfully"}, {"id", js(*id)}});
        };
        router.add(Method::Delete, one, spec.writeAccess, remove, {QStringLiteral("Delete a %1").arg(spec.singular), spec.tag, {}, false, nullptr, 200});
        if (!spec.compat.isEmpty())
            router.compat(Method::Delete, compatPath(spec.compat), spec.writeAccess, remove);
    }
    if (spec.sync) {
        const SyncService::Entity entity = *spec.sync;
        Handler sync = [&s, spec, entity](Request &r) {
            auto body = r.json();
            if (!body)
                return Response::error(body.error());
            auto out = s.sync.upsert(r.scope(), entity, *body);
            if (!out)
                return Response::error(out.error());
            Json data = Json::object();
            data[js(spec.singular)] = out->row;
            data["action"] = out->created ? "created" : "updated";
            return Response::json(out->created ? 201 : 200, Json{{"success", true}, {"data", data}});
        };
        Handler bulk = [&s, spec, entity](Request &r) {
            auto body = r.json();
            if (!body)
                return Response::error(body.error());
            // {"items": [...]} or the original's legacy {"<table>": [...]}.
            Json items = nullptr;
            if (body->is_object())
                items = body->contains("items") ? (*body)["items"] : body->value(js(spec.plural), Json(nullptr));
            if (!items.is_array())
                return Response::error(Error::badRequest(QStringLiteral("Send {\"items\": [...]} (at most %1)").arg(SyncService::kMaxBulkItems)));
            auto out = s.sync.bulk(r.scope(), entity, items);
            if (!out)
                return Response::error(out.error());
            return Response::ok(Json{{"results", {{"created", out->created}, {"updated", out->updated}, {"failed", out->failed},
                                                  {"errors", out->errors}, {"items", out->results}}},
                                     {"total", items.size()}});
        };
        Json itemSchema = bodySchema(spec.createFields, false);
        itemSchema["required"] = Json::array({"external_id", "external_source"});
        itemSchema["properties"]["external_id"] = {{"type", "string"}, {"maxLength", limits::kName}};
        itemSchema["properties"]["external_source"] = {{"type", "string"}, {"maxLength", limits::kShort}};
        router.add(Method::Put, base + QStringLiteral("/sync"), Access::Write, sync,
                   {QStringLiteral("Create or update a %1 by external_source + external_id").arg(spec.singular), spec.tag, {}, false, itemSchema, 200});
        router.add(Method::Post, base + QStringLiteral("/bulk-sync"), Access::Write, bulk,
                   {QStringLiteral("Create or update up to 1000 %1 by external keys").arg(spec.plural), spec.tag, {}, false,
                    Json{{"type", "object"},
                         {"required", Json::array({"items"})},
                         {"properties", {{"items", {{"type", "array"}, {"maxItems", 1000}, {"items", itemSchema}}}}}},
                    200});
        if (!spec.compat.isEmpty()) {
            router.compat(Method::Put, compatPath(spec.compat + QStringLiteral("/sync")), Access::Write, sync);
            router.compat(Method::Post, compatPath(spec.compat + QStringLiteral("/bulk-sync")), Access::Write, bulk);
        }
    }
}

} // namespace ery::http
