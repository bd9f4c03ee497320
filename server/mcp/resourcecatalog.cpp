#include "resourcecatalog.h"

#include "core/jsonutil.h"
#include "domain/listquery.h"
#include "domain/rules.h"
#include "services/services.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QUrl>

using namespace ery::domain;
using namespace ery::services;

namespace ery::mcp {

namespace {
const QString kScheme = QStringLiteral("eryxon://");

// The path after the scheme, split; percent-escapes decoded (a job number may hold spaces).
QStringList partsOf(const QString &uri)
{
    if (!uri.startsWith(kScheme))
        return {};
    QStringList out;
    for (const QString &p : uri.mid(kScheme.size()).split(QLatin1Char('/')))
        out << QUrl::fromPercentEncoding(p.toUtf8());
    return out;
}

Json item(const QString &uri, const Json &body)
{
    return Json{{"uri", toStd(uri)}, {"mimeType", "application/json"}, {"text", jsonText(body)}};
}

Result<Rows> all(const Result<Page> &page)
{
    if (!page)
        return page.error();
    return page->rows;
}
} // namespace

Json ResourceCatalog::list(const Scope &) const
{
    return Json::array({Json{{"uri", "eryxon://dashboard"},
                             {"name", "dashboard"},
                             {"title", "Shop dashboard"},
                             {"description", "Counts by status of jobs, parts, operations and issues, and the work running now"},
                             {"mimeType", "application/json"}},
                        Json{{"uri", "eryxon://issues/open"},
                             {"name", "open-issues"},
                             {"title", "Open issues"},
                             {"description", "Pending and approved issues and NCRs, most severe first"},
                             {"mimeType", "application/json"}}});
}

Json ResourceCatalog::templates() const
{
    return Json::array({Json{{"uriTemplate", "eryxon://jobs/{job_number}"},
                             {"name", "job"},
                             {"title", "Job"},
                             {"description", "A job with its parts and each part's operations"},
                             {"mimeType", "application/json"}},
                        Json{{"uriTemplate", "eryxon://operations/{id}"},
                             {"name", "operation"},
                             {"title", "Operation"},
                             {"description", "An operation with its substeps and time entries"},
                             {"mimeType", "application/json"}},
                        Json{{"uriTemplate", "eryxon://parts/{id}/files/{name}"},
                             {"name", "part-file"},
                             {"title", "A part's file"},
                             {"description", "A drawing, CAD file or photo of a part (list them with list_part_files); images and PDFs as blobs"}},
                        Json{{"uriTemplate", "eryxon://cells/{name}/queue"},
                             {"name", "cell-queue"},
                             {"title", "Cell queue"},
                             {"description", "A cell's open operations (running, paused, waiting) in planned order"},
                             {"mimeType", "application/json"}}});
}

Result<Json> ResourceCatalog::read(const Scope &scope, const QString &uri) const
{
    const QStringList p = partsOf(uri);
    if (p.size() == 4 && p[0] == QLatin1String("parts") && p[2] == QLatin1String("files"))
        return readFile(scope, uri, p[1], p[3]);
    auto body = render(scope, uri);
    if (!body)
        return body.error();
    return item(uri, *body);
}

Result<Json> ResourceCatalog::readFile(const Scope &scope, const QString &uri, const QString &partId, const QString &name) const
{
    const Error unknown = Error::notFound(QStringLiteral("resource %1").arg(uri));
    auto file = m_s.files.byName(scope, {QStringLiteral("part"), partId}, name);
    if (!file)
        return file.error().code == ErrorCode::NotFound || file.error().code == ErrorCode::BadRequest ? Result<Json>(unknown)
                                                                                                        : Result<Json>(file.error());
    const qint64 size = num(*file, "size_bytes");
    if (size > kMaxFileBytes)
        return Error::badRequest(QStringLiteral("%1 is %2 MB, more than an MCP resource carries (%3 MB); fetch it through "
                                                "GET /functions/v1/api-parts/%4/file-url?path=%5")
                                     .arg(name)
                                     .arg(size >> 20)
                                     .arg(kMaxFileBytes >> 20)
                                     .arg(partId, str(*file, "path")));
    auto device = m_s.files.open(*file);
    if (!device)
        return device.error();
    const QByteArray bytes = (*device)->readAll();
    if (bytes.size() != size)
        return Error::internal(QStringLiteral("The stored bytes of %1 are missing").arg(name));
    const QString type = str(*file, "content_type");
    static const QStringList textTypes{"text/plain", "text/csv", "application/json", "application/step", "application/stp", "model/step",
                                       "application/dxf", "image/vnd.dxf"};
    Json out{{"uri", toStd(uri)}, {"mimeType", toStd(type)}};
    // Text formats as text when they are UTF-8; images, PDFs and everything else as a blob.
    const QString decoded = QString::fromUtf8(bytes);
    if (textTypes.contains(type) && !decoded.contains(QChar::ReplacementCharacter))
        out["text"] = decoded.toStdString();
    else
        out["blob"] = bytes.toBase64().toStdString();
    return out;
}

Result<Json> ResourceCatalog::render(const Scope &scope, const QString &uri) const
{
    const QStringList p = partsOf(uri);
    const Error unknown = Error::notFound(QStringLiteral("resource %1").arg(uri));
    if (p.size() == 1 && p[0] == QLatin1String("dashboard")) {
        Json counts = Json::object();
        auto count = [&](const char *key, auto listFn, const QStringList &statuses, const char *column) -> Status {
            Json byStatus = Json::object();
            for (const QString &st : statuses) {
                ListQuery q;
                q.eq.emplace_back(QLatin1String(column), st);
                q.limit = 1;
                auto page = listFn(q);
                if (!page)
                    return page.error();
                byStatus[toStd(st)] = page->total;
            }
            counts[key] = byStatus;
            return {};
        };
        ERY_TRY(count(
            "jobs", [&](const ListQuery &q) { return m_s.jobs.list(scope, q); }, choices::workStatuses(), "status"));
        ERY_TRY(count(
            "parts", [&](const ListQuery &q) { return m_s.parts.list(scope, q); }, choices::workStatuses(), "status"));
        ERY_TRY(count(
            "operations", [&](const ListQuery &q) { return m_s.operations.list(scope, q); }, choices::workStatuses(), "status"));
        ERY_TRY(count(
            "issues", [&](const ListQuery &q) { return m_s.issues.list(scope, q); }, choices::issueStatuses(), "status"));
        ListQuery running;
        running.eq.emplace_back(QStringLiteral("end_time"), QVariant());
        running.limit = 1;
        auto open = m_s.time.list(scope, running);
        if (!open)
            return open.error();
        counts["active_time_entries"] = open->total;
        return counts;
    }
    if (p.size() == 2 && p[0] == QLatin1String("issues") && p[1] == QLatin1String("open")) {
        ListQuery q;
        q.conds.push_back(
            {QStringLiteral("status"), ListQuery::Op::In, QVariantList{QStringLiteral("pending"), QStringLiteral("approved")}});
        q.sort = QStringLiteral("created_at");
        q.descending = true;
        q.limit = 500;
        auto rows = all(m_s.issues.list(scope, q));
        if (!rows)
            return rows.error();
        static const QStringList order{QStringLiteral("critical"), QStringLiteral("high"), QStringLiteral("medium"), QStringLiteral("low")};
        std::stable_sort(rows->begin(), rows->end(), [](const Json &a, const Json &b) {
            return order.indexOf(str(a, "severity")) < order.indexOf(str(b, "severity"));
        });
        return Json{{"issues", Json(*rows)}, {"count", rows->size()}};
    }
    if (p.size() == 2 && p[0] == QLatin1String("jobs")) {
        auto job = m_s.jobs.byNumber(scope, p[1]);
        if (!job)
            return job.error().code == ErrorCode::NotFound ? Result<Json>(unknown) : Result<Json>(job.error());
        return m_s.jobs.tree(scope, str(*job, "id"));
    }
    if (p.size() == 2 && p[0] == QLatin1String("operations")) {
        auto op = m_s.operations.get(scope, p[1]);
        if (!op)
            return op.error().code == ErrorCode::NotFound || op.error().code == ErrorCode::BadRequest ? Result<Json>(unknown)
                                                                                                      : Result<Json>(op.error());
        ListQuery q;
        q.eq.emplace_back(QStringLiteral("operation_id"), p[1]);
        q.sort = QStringLiteral("sequence");
        q.limit = 500;
        auto substeps = all(m_s.substeps.list(scope, q));
        if (!substeps)
            return substeps.error();
        ListQuery t;
        t.eq.emplace_back(QStringLiteral("operation_id"), p[1]);
        t.sort = QStringLiteral("start_time");
        t.limit = 500;
        auto entries = all(m_s.time.list(scope, t));
        if (!entries)
            return entries.error();
        Json out = *op;
        out["substeps"] = Json(*substeps);
        out["time_entries"] = Json(*entries);
        return out;
    }
    if (p.size() == 3 && p[0] == QLatin1String("cells") && p[2] == QLatin1String("queue")) {
        auto cell = m_s.catalog.cellByName(scope, p[1]);
        if (!cell)
            return cell.error().code == ErrorCode::NotFound ? Result<Json>(unknown) : Result<Json>(cell.error());
        ListQuery q;
        q.eq.emplace_back(QStringLiteral("cell_id"), str(*cell, "id"));
        q.conds.push_back({QStringLiteral("status"), ListQuery::Op::In,
                           QVariantList{QStringLiteral("in_progress"), QStringLiteral("on_hold"), QStringLiteral("not_started")}});
        q.sort = QStringLiteral("sequence");
        q.limit = 1000;
        auto ops = all(m_s.operations.list(scope, q));
        if (!ops)
            return ops.error();
        // Running first, then paused, then waiting; planned start, then sequence within each.
        static const QStringList order{QStringLiteral("in_progress"), QStringLiteral("on_hold"), QStringLiteral("not_started")};
        std::stable_sort(ops->begin(), ops->end(), [](const Json &a, const Json &b) {
            const int sa = order.indexOf(str(a, "status")), sb = order.indexOf(str(b, "status"));
            if (sa != sb)
                return sa < sb;
            const QString pa = str(a, "planned_start"), pb = str(b, "planned_start");
            if (pa != pb)
                return pb.isEmpty() || (!pa.isEmpty() && pa < pb);
            return false;
        });
        return Json{{"cell", *cell}, {"operations", Json(*ops)}, {"count", ops->size()}};
    }
    return unknown;
}

QStringList ResourceCatalog::complete(const Scope &scope, const QString &uriTemplate, const QString &argument, const QString &prefix) const
{
    QStringList out;
    ListQuery q;
    q.limit = 100;
    if (argument == QLatin1String("job_number") || uriTemplate.startsWith(QLatin1String("eryxon://jobs/"))) {
        q.conds.push_back({QStringLiteral("job_number"), ListQuery::Op::Like, prefix});
        q.sort = QStringLiteral("job_number");
        if (auto jobs = m_s.jobs.list(scope, q))
            for (const Json &j : jobs->rows)
                out << str(j, "job_number");
    } else if (argument == QLatin1String("name") || argument == QLatin1String("cell") ||
               uriTemplate.startsWith(QLatin1String("eryxon://cells/"))) {
        q.conds.push_back({QStringLiteral("name"), ListQuery::Op::Like, prefix});
        q.sort = QStringLiteral("name");
        if (auto cells = m_s.catalog.list(CatalogService::Cells, scope, q))
            for (const Json &c : cells->rows)
                out << str(c, "name");
    }
    return out;
}

QByteArray ResourceCatalog::digest(const Json &contents)
{
    return QCryptographicHash::hash(QByteArray::fromStdString(str(contents, "text").toStdString() + str(contents, "blob").toStdString()),
                                    QCryptographicHash::Sha256);
}

bool ResourceCatalog::watched(const QString &table)
{
    static const QSet<QString> tables{QStringLiteral("jobs"),        QStringLiteral("parts"), QStringLiteral("operations"),
                                      QStringLiteral("issues"),      QStringLiteral("cells"), QStringLiteral("substeps"),
                                      QStringLiteral("time_entries"), QStringLiteral("files")};
    return tables.contains(table);
}

bool ResourceCatalog::dependsOn(const QString &uri, const QSet<QString> &t)
{
    const QStringList p = partsOf(uri);
    if (p.isEmpty())
        return false;
    if (p[0] == QLatin1String("dashboard"))
        return t.contains(QStringLiteral("jobs")) || t.contains(QStringLiteral("parts")) || t.contains(QStringLiteral("operations")) ||
               t.contains(QStringLiteral("issues")) || t.contains(QStringLiteral("time_entries"));
    if (p[0] == QLatin1String("issues"))
        return t.contains(QStringLiteral("issues"));
    if (p[0] == QLatin1String("jobs"))
        return t.contains(QStringLiteral("jobs")) || t.contains(QStringLiteral("parts")) || t.contains(QStringLiteral("operations"));
    if (p[0] == QLatin1String("operations"))
        return t.contains(QStringLiteral("operations")) || t.contains(QStringLiteral("substeps")) ||
               t.contains(QStringLiteral("time_entries"));
    if (p[0] == QLatin1String("parts"))
        return t.contains(QStringLiteral("files"));
    if (p[0] == QLatin1String("cells"))
        return t.contains(QStringLiteral("operations")) || t.contains(QStringLiteral("cells"));
    return false;
}

} // namespace ery::mcp
