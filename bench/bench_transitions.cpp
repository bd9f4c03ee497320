// Service-level lifecycle transitions per second (start → complete, each one transaction with its
// outbox rows, roll-up and activity log), on SQLite and, when ERYXON_PG_URL is set, PostgreSQL.
// The baseline in the same run is the raw commit rate of a one-row UPDATE transaction on the same
// database, so the ratio survives a noisy shared machine.
#include "engine.h"
#include "storage/repositories.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>

using namespace ery::domain;
using namespace ery::storage;
using namespace ery::services;

using namespace ery;

namespace {

struct Figures {
    double transitionsPerSec = 0;
    double rawCommitsPerSec = 0;
    int transitions = 0;
};

Result<Figures> run(const QString &url, int jobs, int opsPerPart)
{
    Engine engine(Config{url});
    if (auto s = engine.open(false); !s)
        return s.error();
    Services &s = engine.services();
    auto pair = s.tenants.create(Json{{"name", "Bench Shop"}, {"plan", "enterprise"}});
    if (!pair)
        return pair.error();
    const Scope scope = Scope::of(str(pair->live, "id"));
    auto cell = s.catalog.create(CatalogService::Cells, scope, Json{{"name", "Laser"}});
    if (!cell)
        return cell.error();
    QStringList ops;
    for (int j = 0; j < jobs; ++j) {
        Json operations = Json::array();
        for (int o = 0; o < opsPerPart; ++o)
            operations.push_back({{"cell_id", (*cell)["id"]}, {"operation_name", "Cut"}, {"sequence", o + 1}, {"estimated_time", 10}});
        auto job = s.jobs.create(scope, Json{{"job_number", toStd(QStringLiteral("B-%1").arg(j))},
                                             {"parts", Json::array({{{"part_number", toStd(QStringLiteral("BP-%1").arg(j))},
                                                                     {"material", "S235"},
                                                                     {"operations", operations}}})}});
        if (!job)
            return job.error();
        auto tree = s.jobs.tree(scope, str(*job, "id"));
        for (const auto &o : (*tree)["parts"][0]["operations"])
            ops << str(o, "id");
    }
    Figures f;
    QElapsedTimer t;
    t.start();
    for (const QString &id : ops) {
        if (auto r = s.operations.start(scope, id); !r)
            return r.error();
        if (auto r = s.operations.complete(scope, id); !r)
            return r.error();
        f.transitions += 2;
    }
    f.transitionsPerSec = f.transitions / (double(t.nsecsElapsed()) / 1e9);

    // Baseline: the same number of bare one-row write transactions.
    Database &db = engine.db();
    const QString jobId = str(Repositories().jobs.list(db, scope, ListQuery{})->rows.front(), "id");
    t.restart();
    for (int i = 0; i < f.transitions; ++i) {
        auto r = db.write([&](WriteTx &tx) {
            return tx.exec(QStringLiteral("UPDATE jobs SET notes = ? WHERE id = ?"), {QString::number(i), jobId});
        });
        if (!r)
            return r.error();
    }
    f.rawCommitsPerSec = f.transitions / (double(t.nsecsElapsed()) / 1e9);
    return f;
}

void report(const char *engineName, const Figures &f)
{
    std::printf("%-10s %6d transitions  %9.0f transitions/s  raw commits %9.0f/s  ratio %.3f\n", engineName, f.transitions,
                f.transitionsPerSec, f.rawCommitsPerSec, f.transitionsPerSec / f.rawCommitsPerSec);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int jobs = argc > 1 ? QByteArray(argv[1]).toInt() : 300;
    const int opsPerPart = 5;
    std::printf("bench_transitions: %d jobs x %d operations, start + complete each\n", jobs, opsPerPart);
    QTemporaryDir dir;
    auto sqlite = run(dir.filePath(QStringLiteral("bench.db")), jobs, opsPerPart);
    if (!sqlite) {
        std::fprintf(stderr, "sqlite: %s\n", qPrintable(sqlite.error().message));
        return 1;
    }
    report("sqlite", *sqlite);
    const QString pg = qEnvironmentVariable("ERYXON_PG_URL");
    if (!pg.isEmpty()) {
        // A fresh schema so repeated runs compare like with like.
        if (auto admin = Database::open(pg)) {
            (void)(*admin)->execDirect(QStringLiteral("DROP SCHEMA public CASCADE"));
            (void)(*admin)->execDirect(QStringLiteral("CREATE SCHEMA public"));
        }
        auto p = run(pg, jobs, opsPerPart);
        if (!p) {
            std::fprintf(stderr, "postgresql: %s\n", qPrintable(p.error().message));
            return 1;
        }
        report("postgresql", *p);
    }
    return 0;
}
