#include "http/apiserver.h"
#include "http/resourceroutes.h"
#include "portability/csvimport.h"
#include "routes.h"
#include "services/services.h"

namespace ery::http {

// CSV import (CONTRACTS.md §7): POST /api/v1/import/{entity} with the file as a text/csv body.
// ?dry_run=true reports what would happen; ?skip_bad_rows=true imports the good rows of a file with
// bad ones (otherwise it goes in whole or not at all); ?source= fills external_source where a row
// has none; ?file_name= names the file in the history.
void installImportRoutes(ApiServer &api)
{
    Services &s = api.services();
    Handler import = [&s](Request &r) {
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
        CsvImport::Options o;
        o.dryRun = *dry;
        o.skipBadRows = *skip;
        o.source = r.q(QStringLiteral("source")).left(100);
        o.fileName = r.q(QStringLiteral("file_name")).left(200);
        auto report = CsvImport(s).run(r.scope(), *entity, r.body, o);
        if (!report)
            return Response::error(report.error());
        if (!report->committed && !report->dryRun)
            return Response::error({ErrorCode::ValidationError,
                                    QStringLiteral("%1 of %2 rows have errors; nothing was imported (fix them, or import with skip_bad_rows=true)")
                                        .arg(report->failed)
                                        .arg(report->total),
                                    report->toJson(true)});
        return Response::ok(Json{{"import", report->toJson()}});
    };
    RouteDoc doc{QStringLiteral("Import a CSV file of jobs, parts, operations, cells or resources"), QStringLiteral("Data"),
                 {"dry_run", "skip_bad_rows", "source", "file_name"}, false,
                 Json{{"type", "string"}, {"description", "The CSV file: a header row naming the fields, then one record per row"}}, 200};
    doc.bodyType = QStringLiteral("text/csv");
    api.router().add(Method::Post, canonical(QStringLiteral("import/{entity}")), Access::Write, import, doc);
}

} // namespace ery::http
