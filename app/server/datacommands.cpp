#include "datacommands.h"

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

// A progress line on stderr, rewritten in place, for files with many rows.
std::function<void(qint64, qint64)> progressLine(const char *verb)
{
    return [verb](qint64 done, qint64 total) {
        if (total < 10000)
            return;
        err() << "\r" << verb << " " << done << "/" << total << " rows" << (done == total ? "\n" : "") << Qt::flush;
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
    o.progress = progressLine("exported");
    QElapsedTimer timer;
    timer.start();
    auto meta = TenantExport::write(engine.services().exports, scope, outPath, o);
    if (!meta)
        return fail(meta.error().message);
    qint64 rows = 0;
    for (const Json &t : (*meta)["tables"])
        rows += t.value("count", qint64(0));
    out() << "exported " << rows << " rows of " << (*meta)["tables"].size() << " tables to " << QFileInfo(outPath).absoluteFilePath()
          << " (" << QFileInfo(outPath).size() << " bytes, " << timer.elapsed() << " ms)" << Qt::endl;
    return 0;
}

int runRestore(Engine &engine, const RestoreRequest &request)
{
    TenantRestore::Options o;
    o.intoTenant = request.intoTenant;
    o.adminUsername = request.adminUsername;
    o.adminPassword = request.adminPassword;
    o.progress = progressLine("restored");
    QElapsedTimer timer;
    timer.start();
    auto done = TenantRestore::restore(engine.services().restores, engine.db().schemaVersion(), request.path, o);
    if (!done)
        return fail(done.error().message);
    qint64 rows = 0;
    for (auto it = (*done)["tables"].begin(); it != (*done)["tables"].end(); ++it)
        rows += it->get<qint64>();
    out() << "restored " << rows << " rows into tenant " << str(*done, "tenant_id") << " at " << engine.db().location().display() << " ("
          << timer.elapsed() << " ms)" << Qt::endl;
    if (request.adminUsername.isEmpty())
        out() << "passwords and PINs are never exported: restore with --admin USERNAME to give an admin a new password"
              << Qt::endl;
    return 0;
}

} // namespace ery
