#pragma once

#include "engine.h"
#include "services/services.h"
// White-box tests read and write rows directly to set up and check what the services did.
#include "storage/outboxstore.h"
#include "storage/repositories.h"

#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace ery::test {

// A fresh database per call (a temporary SQLite file, or a wiped schema on the PostgreSQL named by
// ERYXON_PG_URL when ERYXON_TEST_ENGINE=postgres) with a small shop: one tenant (+ sandbox), an
// admin, two operators, three cells and job J-100 → part P-100 → Laser / Bend / Weld.
class TestShop {
public:
    static std::unique_ptr<TestShop> create(bool seed = true);
    ~TestShop();

    static bool postgres();
    static QString databaseUrl(); // a URL of a fresh database (removes what was there)

    Engine &engine() { return *m_engine; }
    services::Services &s() { return m_engine->services(); }
    storage::Database &db() { return m_engine->db(); }
    QString url() const { return m_url; }

    domain::Scope scope;   // live tenant, acting as the admin
    domain::Scope sandbox; // its sandbox twin
    QString tenantId, sandboxId, admin, op1, op2;
    QString laser, bending, welding;
    QString jobId, partId;
    QStringList ops; // operation ids in routing order

    // Creates a job with one part and the given number of operations (laser, bending, welding, …).
    Row makeJob(const domain::Scope &sc, const QString &number, int operations = 3, int quantity = 5);

    qint64 eventCount(const QString &type = {});
    Rows events(const QString &type = {});
    qint64 outboxCount();
    Row op(int i); // current row of ops[i]

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Engine> m_engine;
    QString m_url;
};

// Spins the event loop every pollMs until pred() holds or timeoutMs passed; true when it held. pred
// may do the work a test needs on each turn (drain the dispatcher, wake a deliverer).
bool waitFor(const std::function<bool()> &pred, int timeoutMs, int pollMs = 2);

#define ERY_VERIFY_OK(expr)                                                                                                                \
    do {                                                                                                                                   \
        const auto &ery_r_ = (expr);                                                                                                       \
        if (!ery_r_)                                                                                                                       \
            QFAIL(qPrintable(                                                                                                              \
                QStringLiteral("%1 failed: %2 %3").arg(QLatin1String(#expr), toString(ery_r_.error().code), ery_r_.error().message)));     \
    } while (0)

#define ERY_VERIFY_ERR(expr, errcode)                                                                                                      \
    do {                                                                                                                                   \
        const auto &ery_r_ = (expr);                                                                                                       \
        if (ery_r_)                                                                                                                        \
            QFAIL(qPrintable(QStringLiteral("%1 succeeded, expected %2").arg(QLatin1String(#expr), toString(errcode))));                   \
        QCOMPARE(toString(ery_r_.error().code), toString(errcode));                                                                        \
    } while (0)

} // namespace ery::test
