// Export and restore of a large shop: a tenant with OPERATIONS operations (50 to a job: 5 parts of
// 10) is exported as JSON and as a CSV ZIP, and each file restored into a fresh database. Figures:
// wall time and how far the process's resident memory rose above its idle level (the peak, reset
// before each step through /proc/self/clear_refs), beside the baseline of the same run: sqlite3's
// own `.mode csv` dump of the same tables and `.import` of the same CSV files (the sqlite3 command
// line program; skipped when it is not installed).
//
// Then the same shop is served by `eryxon-server serve` and downloaded with curl from GET
// /api/v1/export, in both formats: how far the server's resident memory rises above its idle level
// while it writes and sends the file.
//
// Usage: bench_export [OPERATIONS]   (default 100000)
#include "engine.h"
#include "portability/tenantexport.h"
#include "portability/tenantrestore.h"
#include "services/services.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

using namespace ery;
using namespace ery::domain;
using namespace ery::services;
using namespace ery::portability;

namespace {

qint64 statusKiB(const char *field, const QString &pid = QStringLiteral("self"))
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qsizetype(strlen(field))).trimmed().split(' ').first().toLongLong();
    return -1;
}

void resetPeak(const QString &pid = QStringLiteral("self"))
{
    QFile f(QStringLiteral("/proc/%1/clear_refs").arg(pid));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

struct Step {
    double seconds = 0;
    qint64 riseKiB = 0;
};

template <class F> Step measure(F f)
{
    const qint64 idle = statusKiB("VmRSS:");
    resetPeak();
    QElapsedTimer t;
    t.start();
    f();
    Step s;
    s.seconds = double(t.nsecsElapsed()) / 1e9;
    s.riseKiB = statusKiB("VmHWM:") - idle;
    return s;
}

std::unique_ptr<Engine> open(const QString &url)
{
    Config cfg;
    cfg.dbUrl = url;
    auto e = std::make_unique<Engine>(cfg);
    if (auto s = e->open(false); !s)
        qFatal("open %s: %s", qPrintable(url), qPrintable(s.error().message));
    return e;
}

double runSqlite3(const QString &db, const QString &script)
{
    QElapsedTimer t;
    t.start();
    QProcess p;
    p.start(QStringLiteral("sqlite3"), {db});
    p.waitForStarted();
    p.write(script.toUtf8());
    p.closeWriteChannel();
    p.waitForFinished(-1);
    if (p.exitCode() != 0)
        std::fprintf(stderr, "sqlite3: %s\n", p.readAllStandardError().constData());
    return double(t.nsecsElapsed()) / 1e9;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int operations = argc > 1 ? std::max(50, atoi(argv[1])) : 100000;
    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("source.db"));
    auto engine = open(source);
    Services &s = engine->services();
    auto shop = s.shop.create(Json{{"name", "Bench Shop"},
                                   {"admin_username", "admin"},
                                   {"admin_password", "bench-password"},
                                   {"cells", Json::array({"Laser", "Bending", "Welding"})}});
    if (!shop)
        qFatal("shop: %s", qPrintable(shop.error().message));
    const Scope scope = Scope::of(str(shop->tenant, "id"));
    (void)s.settings.update(scope, Json{{"plan", "enterprise"}});

    QElapsedTimer seedTimer;
    seedTimer.start();
    static const char *cells[] = {"Laser", "Bending", "Welding"};
    for (int j = 0; j < operations / 50; ++j) {
        Json parts = Json::array();
        for (int p = 0; p < 5; ++p) {
            Json ops = Json::array();
            for (int o = 0; o < 10; ++o)
                ops.push_back({{"cell_name", cells[o % 3]},
                               {"operation_name", "Step " + std::to_string(o + 1)},
                               {"sequence", o + 1},
                               {"estimated_time", 30},
                               {"notes", o == 3 ? "=SUM(A1:A3) \"quoted\", with comma" : "plain"}});
            parts.push_back({{"part_number", "B" + std::to_string(j) + "-P" + std::to_string(p)},
                             {"material", "S235 3mm"},
                             {"quantity", 5},
                             {"operations", ops}});
        }
        auto r = s.jobs.create(scope, Json{{"job_number", "BENCH-" + std::to_string(j)}, {"customer", "ACME"}, {"parts", parts}});
        if (!r)
            qFatal("seed: %s", qPrintable(r.error().message));
    }
    auto opsCount = engine->db().scalar(QStringLiteral("SELECT COUNT(*) FROM operations"));
    std::printf("seeded %lld operations (%d jobs) in %.1f s\n", opsCount ? (long long)*opsCount : -1LL, operations / 50,
                double(seedTimer.elapsed()) / 1000);
    std::printf("idle RSS %lld MiB\n\n", statusKiB("VmRSS:") / 1024);

    const QString json = dir.filePath(QStringLiteral("shop.json"));
    const QString zip = dir.filePath(QStringLiteral("shop.zip"));
    auto exportTo = [&](const QString &file, TenantExport::Format f) {
        TenantExport::Options o;
        o.format = f;
        auto r = TenantExport::write(s.exports, scope, file, o);
        if (!r)
            qFatal("export: %s", qPrintable(r.error().message));
    };
    const Step exJson = measure([&] { exportTo(json, TenantExport::Format::Json); });
    const Step exZip = measure([&] { exportTo(zip, TenantExport::Format::CsvZip); });
    auto key = s.apiKeys.create(scope, Json{{"name", "bench"}, {"scope", "admin"}});
    if (!key)
        qFatal("key: %s", qPrintable(key.error().message));
    engine.reset();

    // The served download: the server's idle RSS, then its peak while curl fetches each format.
    struct Served {
        qint64 idleKiB = 0, peakKiB[2] = {0, 0};
        double seconds[2] = {0, 0};
    } served;
    const QString server = QCoreApplication::applicationDirPath() + QStringLiteral("/../app/server/eryxon-server");
    if (QFile::exists(server) && !QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty()) {
        QProcess hub;
        hub.start(server, {QStringLiteral("serve"), QStringLiteral("--db"), source, QStringLiteral("--port"), QStringLiteral("0"),
                           QStringLiteral("--log-level"), QStringLiteral("warning")});
        QByteArray banner;
        while (!banner.contains("REST API on ") || !banner.endsWith('\n'))
            if (!hub.waitForReadyRead(10000))
                qFatal("the server did not start: %s", hub.readAllStandardError().constData());
            else
                banner += hub.readAllStandardOutput();
        const QString url = QString::fromUtf8(banner.mid(banner.indexOf("REST API on ") + 12)).section(QLatin1Char('\n'), 0, 0).trimmed();
        const QString pid = QString::number(hub.processId());
        QThread::msleep(500);
        served.idleKiB = statusKiB("VmRSS:", pid);
        int i = 0;
        for (const char *format : {"json", "csv"}) {
            resetPeak(pid);
            QElapsedTimer t;
            t.start();
            QProcess::execute(QStringLiteral("curl"), {QStringLiteral("-sf"), QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-H"),
                                                       QStringLiteral("Authorization: Bearer ") + key->secret,
                                                       url + QStringLiteral("/export?format=") + QLatin1String(format)});
            served.seconds[i] = double(t.nsecsElapsed()) / 1e9;
            served.peakKiB[i++] = statusKiB("VmHWM:", pid);
        }
        hub.terminate();
        hub.waitForFinished(10000);
    }

    auto restoreFrom = [&](const QString &file, const QString &name) {
        auto target = open(dir.filePath(name));
        auto r = TenantRestore::restore(target->services().restores, target->db().schemaVersion(), file, {});
        if (!r)
            qFatal("restore: %s", qPrintable(r.error().message));
    };
    const Step reJson = measure([&] { restoreFrom(json, QStringLiteral("from-json.db")); });
    const Step reZip = measure([&] { restoreFrom(zip, QStringLiteral("from-zip.db")); });

    // The baseline: sqlite3 dumping the same tables as CSV, and importing the CSV files.
    double dump = -1, import = -1;
    if (!QStandardPaths::findExecutable(QStringLiteral("sqlite3")).isEmpty()) {
        QString script = QStringLiteral(".mode csv\n.headers on\n");
        for (const auto &t : ExportService::tables())
            script += QStringLiteral(".output %1\nSELECT * FROM %2 WHERE tenant_id = '%3';\n")
                          .arg(dir.filePath(QStringLiteral("dump-") + t.name + QStringLiteral(".csv")), t.name, scope.tenantId);
        dump = runSqlite3(source, script);
        QString imp = QStringLiteral(".mode csv\n");
        for (const auto &t : ExportService::tables())
            imp += QStringLiteral(".import %1 %2\n").arg(dir.filePath(QStringLiteral("dump-") + t.name + QStringLiteral(".csv")), t.name);
        import = runSqlite3(dir.filePath(QStringLiteral("plain.db")), imp);
    }

    std::printf("| step | file | seconds | RSS rise | sqlite3 baseline | ratio (baseline / ours) |\n| --- | --- | --- | --- | --- | --- |\n");
    auto row = [&](const char *what, const QString &file, const Step &st, double base) {
        std::printf("| %s | %.1f MiB | %.2f | %.1f MiB | %s | %s |\n", what, double(QFileInfo(file).size()) / 1048576.0, st.seconds,
                    double(st.riseKiB) / 1024.0, base > 0 ? qPrintable(QString::number(base, 'f', 2) + QStringLiteral(" s")) : "—",
                    base > 0 ? qPrintable(QString::number(base / st.seconds, 'f', 2)) : "—");
    };
    row("export JSON", json, exJson, dump);
    row("export CSV ZIP", zip, exZip, dump);
    row("restore JSON", json, reJson, import);
    row("restore CSV ZIP", zip, reZip, import);
    if (served.idleKiB > 0)
        std::printf("\nserved: idle RSS %.1f MiB; GET /api/v1/export?format=json %.2f s, peak %.1f MiB (+%.1f); format=csv %.2f s, "
                    "peak %.1f MiB (+%.1f)\n",
                    double(served.idleKiB) / 1024, served.seconds[0], double(served.peakKiB[0]) / 1024,
                    double(served.peakKiB[0] - served.idleKiB) / 1024, served.seconds[1], double(served.peakKiB[1]) / 1024,
                    double(served.peakKiB[1] - served.idleKiB) / 1024);
    return 0;
}
