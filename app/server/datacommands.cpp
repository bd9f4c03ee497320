#include "datacommands.h"

#include "cli.h"
#include "console.h"

#include "core/jsonutil.h"
#include "domain/scope.h"
#include "engine.h"
#include "portability/tenantexport.h"
#include "portability/tenantrestore.h"
#include "services/services.h"
#include "storage/database.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <cstdio>

using namespace ery::portability;

namespace ery {

namespace {

using console::err;
using console::fail;
using console::out;

// A progress line on stderr, rewritten in place, for files with many rows; `line` has %1 (done)
// and %2 (total).
std::function<void(qint64, qint64)> progressLine(const QString &line)
{
    return [line](qint64 done, qint64 total) {
        if (total < 10000)
            return;
        err() << "\r" << line.arg(done).arg(total) << (done == total ? "\n" : "") << Qt::flush;
    };
}

} // namespace

int runExport(Engine &engine, const domain::Scope &scope, const QString &format, const QString &outPath, const QString &entities)
{
    auto f = TenantExport::formatFrom(format);
    if (!f)
        return fail(f.error().message);
    auto tables = TenantExport::tablesFrom(entities);
    if (!tables)
        return fail(tables.error().message);
    TenantExport::Options o;
    o.format = *f;
    o.tables = *tables;
    o.progress = progressLine(Cli::tr("exported %1/%2 rows"));
    QElapsedTimer timer;
    timer.start();
    auto meta = TenantExport::write(engine.services().exports, scope, outPath, o);
    if (!meta)
        return fail(meta.error().message);
    qint64 rows = 0;
    for (const Json &t : (*meta)["tables"])
        rows += t.value("count", qint64(0));
    out() << Cli::tr("exported %1 rows of %2 tables to %3 (%4 bytes, %5 ms)")
                 .arg(rows)
                 .arg((*meta)["tables"].size())
                 .arg(QFileInfo(outPath).absoluteFilePath())
                 .arg(QFileInfo(outPath).size())
                 .arg(timer.elapsed())
          << Qt::endl;
    return 0;
}

int runRestore(Engine &engine, const RestoreRequest &request)
{
    TenantRestore::Options o;
    o.intoTenant = request.intoTenant;
    o.adminUsername = request.adminUsername;
    o.adminPassword = request.adminPassword;
    o.progress = progressLine(Cli::tr("restored %1/%2 rows"));
    QElapsedTimer timer;
    timer.start();
    auto done = TenantRestore::restore(engine.services().restores, engine.db().schemaVersion(), request.path, o);
    if (!done)
        return fail(done.error().message);
    qint64 rows = 0;
    for (auto it = (*done)["tables"].begin(); it != (*done)["tables"].end(); ++it)
        rows += it->get<qint64>();
    out() << Cli::tr("restored %1 rows into tenant %2 at %3 (%4 ms)")
                 .arg(rows)
                 .arg(str(*done, "tenant_id"), engine.db().location().display())
                 .arg(timer.elapsed())
          << Qt::endl;
    if (const Json files = done->value("files", Json()); files.is_object()) {
        const qint64 leftOut = files.value("left_out", qint64(0));
        const qint64 restored = files.value("restored", qint64(0));
        const qint64 bytes = files.value("bytes", qint64(0));
        out() << Cli::tr("restored %1 attached files (%2 bytes of contents)").arg(restored).arg(bytes) << Qt::endl;
        if (leftOut > 0)
            out() << Cli::tr("left out %1 attached files: a JSON export lists files without their contents; restore the ZIP export "
                             "(export --format csv) to bring them")
                         .arg(leftOut)
                  << Qt::endl;
    }
    if (request.adminUsername.isEmpty())
        out() << Cli::tr("passwords and PINs are never exported: restore with --admin USERNAME to give an admin a new password")
              << Qt::endl;
    return 0;
}

} // namespace ery
