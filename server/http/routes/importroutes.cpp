#include "http/apiserver.h"
#include "http/resourcespec.h"
#include "portability/csvimport.h"
#include "portability/csvtemplate.h"
#include "routes.h"
#include "services/services.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

using namespace ery::services;
using namespace ery::portability;

namespace ery::http {

namespace {

// The answer to a finished import. A report of 100,000 rows is megabytes of JSON: it is built on a
// worker thread, and done is called back in the engine thread.
void answerImport(QObject *context, Result<CsvImport::Report> report, bool onlyErrors, const Response::Done &done)
{
    if (!report)
        return done(Response::error(report.error()));
    auto shared = std::make_shared<CsvImport::Report>(std::move(*report));
    auto out = std::make_shared<Response>();
    auto *watcher = new QFutureWatcher<void>(context);
    QObject::connect(watcher, &QFutureWatcher<void>::finished, context, [watcher, out, done] {
        watcher->deleteLater();
        done(std::move(*out));
    });
    watcher->setFuture(QtConcurrent::run([shared, out, onlyErrors] {
        const CsvImport::Report &r = *shared;
        if (r.cancelled)
            *out = Response::error({ErrorCode::ServiceUnavailable, QStringLiteral("the import was cancelled; nothing was imported"), nullptr});
        else if (!r.committed && !r.dryRun)
            *out = Response::error(
                {ErrorCode::ValidationError,
                 QStringLiteral("%1 of %2 rows have errors; nothing was imported (fix them, or import with skip_bad_rows=true)")
                     .arg(r.failed)
                     .arg(r.total),
                 r.toJson(true)});
        else
            *out = Response::ok(Json{{"import", r.toJson(onlyErrors)}});
    }));
}

} // namespace

// CSV import (CONTRACTS.md §7): POST /api/v1/import/{entity} with the file as a text/csv body.
// ?dry_run=true reports what would happen; ?skip_bad_rows=true imports the good rows of a file with
// bad ones (otherwise it goes in whole or not at all); ?source= fills external_source where a row
// has none; ?file_name= names the file in the history; ?rows=errors lists only the bad rows.
// GET /api/v1/import/templates/{entity} hands out the shipped template of an entity.
//
// The rows are written in short steps between which the engine thread serves other requests (see
// CsvImport::start); the answer comes when the file is in. The body is held in memory, so it is
// bounded by the server's body limit (HttpConfig::maxBodyBytes, 32 MiB by default); the guard's 413
// for a larger file names the command line, which reads a file of any size as it goes.
void installImportRoutes(ApiServer &api)
{
    Services &s = api.services();
    Handler import = [&s, &api](Request &r) {
        auto entity = SyncService::entityNamed(r.params.value(QStringLiteral("entity")));
        if (!entity)
            return Response::error(entity.error());
        const QByteArray type = r.header("content-type").toLower();
        if (type.startsWith("application/json"))
            return Response::error(Error::badRequest(QStringLiteral("Send the CSV file itself as the body (Content-Type: text/csv)")));
        auto flagOf = [&](const char *name) -> Result<bool> {
            const QString v = r.q(QLatin1String(name)).toLower();
            if (v.isEmpty() || v == QLatin1String("false") || v == QLatin1String("0"))
                return false;
            if (v == QLatin1String("true") || v == QLatin1String("1"))
                return true;
            return Error::badRequest(QStringLiteral("%1 must be true or false").arg(QLatin1String(name)));
        };
        auto dry = flagOf("dry_run");
        auto skip = flagOf("skip_bad_rows");
        if (!dry || !skip)
            return Response::error(!dry ? dry.error() : skip.error());
        const QString rows = r.q(QStringLiteral("rows"));
        if (!rows.isEmpty() && rows != QLatin1String("all") && rows != QLatin1String("errors"))
            return Response::error(Error::badRequest(QStringLiteral("rows must be all or errors")));
        CsvImport::Options o;
        o.dryRun = *dry;
        o.skipBadRows = *skip;
        o.source = r.q(QStringLiteral("source")).left(limits::kShort);
        o.fileName = r.q(QStringLiteral("file_name")).left(limits::kName);
        const bool onlyErrors = rows == QLatin1String("errors");
        if (r.progress)
            o.progress = [report = r.progress](const CsvImport::Progress &p) { report(p.bytesRead, p.bytesTotal); };
        o.cancelled = [cancel = r.cancel] { return cancel->load(); };
        return Response::deferred([&s, &api, scope = r.scope(), entity = *entity, body = r.body, o, onlyErrors](Response::Done done) {
            CsvImport::start(s, &api, scope, entity, body, o, [&api, onlyErrors, done](Result<CsvImport::Report> report) {
                answerImport(&api, std::move(report), onlyErrors, done);
            });
        });
    };
    RouteDoc doc{QStringLiteral("Import a CSV file of jobs, parts, operations, cells or resources"),
                 QStringLiteral("Data"),
                 {"dry_run", "skip_bad_rows", "source", "file_name", "rows"},
                 false,
                 Json{{"type", "string"}, {"description", "The CSV file: a header row naming the fields, then one record per row"}},
                 200};
    doc.bodyType = QStringLiteral("text/csv");
    api.router().add(Method::Post, QStringLiteral("/api/v1/import/{entity}"), Access::Write, import, doc);

    Handler templateFile = [](Request &r) {
        const QString entity = r.params.value(QStringLiteral("entity"));
        auto file = CsvTemplate::file(entity);
        if (!file)
            return Response::error(file.error());
        return Response::text(200, std::move(*file), "text/csv; charset=utf-8")
            .header("Content-Disposition", QStringLiteral("attachment; filename=\"%1.csv\"").arg(entity).toLatin1());
    };
    api.router().add(Method::Get, QStringLiteral("/api/v1/import/templates/{entity}"), Access::Read, templateFile,
                     {.summary = QStringLiteral("The CSV import template of cells, resources, jobs, parts or operations (a header and a "
                                                "sample row)"),
                      .tag = QStringLiteral("Data"),
                      .answerType = QStringLiteral("text/csv")});
}

} // namespace ery::http
