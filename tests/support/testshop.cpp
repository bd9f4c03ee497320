#include "testshop.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>
#include <QUrl>

using namespace ery::domain;
using namespace ery::storage;
using namespace ery::services;

namespace ery::test {

namespace {
int g_counter = 0;
}

bool TestShop::postgres()
{
    return qEnvironmentVariable("ERYXON_TEST_ENGINE") == QLatin1String("postgres");
}

QString TestShop::databaseUrl()
{
    if (!postgres())
        return {};
    const QString base = qEnvironmentVariable("ERYXON_PG_URL");
    if (base.isEmpty())
        qFatal("ERYXON_TEST_ENGINE=postgres but ERYXON_PG_URL is not set: run scripts/test.sh, which starts a test PostgreSQL");
    // One database per test executable, so ctest can run executables in parallel.
    QString name = QCoreApplication::applicationName().toLower();
    name.replace(QRegularExpression(QStringLiteral("[^a-z0-9_]")), QStringLiteral("_"));
    name = QStringLiteral("ery_") + name;
    {
        auto admin = Database::open(base);
        if (!admin)
            qFatal("cannot reach the test PostgreSQL: %s", qPrintable(admin.error().message));
        auto exists = (*admin)->scalar(QStringLiteral("SELECT COUNT(*) FROM pg_database WHERE datname = ?"), {name});
        if (exists && *exists == 0)
            (*admin)->execDirect(QStringLiteral("CREATE DATABASE %1").arg(name));
    }
    QUrl u(base);
    u.setPath(QLatin1Char('/') + name);
    const QString url = u.toString();
    auto db = Database::open(url);
    if (!db)
        qFatal("cannot open %s: %s", qPrintable(name), qPrintable(db.error().message));
    auto r = (*db)->execDirect(QStringLiteral("DROP SCHEMA public CASCADE"));
    r = (*db)->execDirect(QStringLiteral("CREATE SCHEMA public"));
    if (!r)
        qFatal("cannot reset the test schema: %s", qPrintable(r.error().message));
    return url;
}

std::unique_ptr<TestShop> TestShop::create(bool seed)
{
    auto shop = std::unique_ptr<TestShop>(new TestShop);
    // Attached files go beside the SQLite file; on PostgreSQL to a folder of the test's own too.
    shop->m_dir = std::make_unique<QTemporaryDir>();
    if (postgres())
        shop->m_url = databaseUrl();
    else
        shop->m_url = shop->m_dir->filePath(QStringLiteral("shop-%1.db").arg(++g_counter));
    Config cfg;
    cfg.dbUrl = shop->m_url;
    cfg.filesDir = shop->m_dir->filePath(QStringLiteral("files"));
    shop->m_engine = std::make_unique<Engine>(cfg);
    if (auto r = shop->m_engine->open(false); !r)
        qFatal("opening the test database failed: %s", qPrintable(r.error().message));
    if (!seed)
        return shop;

    Services &s = shop->s();
    auto pair = s.tenants.create(Json{{"name", "Test Shop"}, {"plan", "pro"}});
    if (!pair)
        qFatal("seed tenant: %s", qPrintable(pair.error().message));
    shop->tenantId = str(pair->live, "id");
    shop->sandboxId = str(pair->sandbox, "id");
    shop->scope = Scope::of(shop->tenantId);
    shop->sandbox = Scope::of(shop->sandboxId);
    auto must = [](const Result<Row> &r, const char *what) {
        if (!r)
            qFatal("seed %s: %s", what, qPrintable(r.error().message));
        return str(*r, "id");
    };
    shop->admin = must(
        s.users.createAdmin(shop->scope, Json{{"username", "admin"}, {"full_name", "Ada Admin"}, {"password", "correct horse"}}), "admin");
    shop->scope.actorId = shop->admin;
    shop->op1 =
        must(s.users.createOperator(shop->scope, Json{{"full_name", "Olga Operator"}, {"pin", "1234"}, {"employee_id", "E1"}}), "op1");
    shop->op2 =
        must(s.users.createOperator(shop->scope, Json{{"full_name", "Otto Operator"}, {"pin", "5678"}, {"employee_id", "E2"}}), "op2");
    shop->laser = must(s.catalog.create(CatalogService::Cells, shop->scope, Json{{"name", "Laser"}, {"sequence", 1}}), "laser");
    shop->bending = must(s.catalog.create(CatalogService::Cells, shop->scope, Json{{"name", "Bending"}, {"sequence", 2}}), "bending");
    shop->welding = must(s.catalog.create(CatalogService::Cells, shop->scope, Json{{"name", "Welding"}, {"sequence", 3}}), "welding");
    for (const char *cell : {"Laser", "Bending", "Welding"})
        must(s.catalog.create(CatalogService::Cells, shop->sandbox, Json{{"name", cell}}), "sandbox cell");
    Row job = shop->makeJob(shop->scope, QStringLiteral("J-100"));
    shop->jobId = str(job, "id");
    auto tree = s.jobs.tree(shop->scope, shop->jobId);
    shop->partId = str((*tree)["parts"][0], "id");
    for (const auto &o : (*tree)["parts"][0]["operations"])
        shop->ops << str(o, "id");
    return shop;
}

TestShop::~TestShop()
{
    m_engine.reset();
}

Row TestShop::makeJob(const Scope &sc, const QString &number, int operations, int quantity)
{
    static const char *names[] = {"Laser", "Bending", "Welding"};
    Json ops = Json::array();
    for (int i = 0; i < operations; ++i)
        ops.push_back({{"cell_name", names[i % 3]},
                       {"operation_name", toStd(QStringLiteral("%1 step %2").arg(names[i % 3]).arg(i + 1))},
                       {"sequence", i + 1},
                       {"estimated_time", 30}});
    Json in{{"job_number", toStd(number)},
            {"customer", "ACME"},
            {"due_date", "2030-01-31"},
            {"parts", Json::array({{{"part_number", toStd(number + QStringLiteral("-P1"))},
                                    {"material", "S235 3mm"},
                                    {"quantity", quantity},
                                    {"operations", ops}}})}};
    auto j = s().jobs.create(sc, in);
    if (!j)
        qFatal("makeJob %s: %s", qPrintable(number), qPrintable(j.error().message));
    return *j;
}

Rows TestShop::events(const QString &type)
{
    auto rows = type.isEmpty() ? db().query(QStringLiteral("SELECT * FROM outbox WHERE kind = 'event' ORDER BY id"))
                               : db().query(QStringLiteral("SELECT * FROM outbox WHERE kind = 'event' AND topic = ? ORDER BY id"), {type});
    return rows ? *rows : Rows{};
}

qint64 TestShop::eventCount(const QString &type)
{
    return qint64(events(type).size());
}

qint64 TestShop::outboxCount()
{
    auto n = db().scalar(QStringLiteral("SELECT COUNT(*) FROM outbox"));
    return n ? *n : -1;
}

Row TestShop::op(int i)
{
    auto r = s().operations.get(scope, ops.at(i));
    return r ? *r : Row();
}

bool waitFor(const std::function<bool()> &pred, int timeoutMs, int pollMs)
{
    QElapsedTimer t;
    t.start();
    while (!pred()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QTest::qWait(pollMs);
    }
    return true;
}

} // namespace ery::test
