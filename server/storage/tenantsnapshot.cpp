#include "tenantsnapshot.h"

#include <QRegularExpression>

namespace ery::storage {

namespace {

// Table names come from the export's fixed list; checked anyway, since they are spliced into SQL.
Status checkName(const QString &table)
{
    static const QRegularExpression re(QStringLiteral("^[a-z][a-z_]{0,62}$"));
    if (!re.match(table).hasMatch())
        return Error::badRequest(QStringLiteral("not a table name: %1").arg(table.left(64)));
    return {};
}

bool inMemory(const DbLocation &loc)
{
    return !loc.postgres && (loc.path == QLatin1String(":memory:") || loc.path.startsWith(QLatin1String("file::memory:")));
}

} // namespace

TenantSnapshot::TenantSnapshot(Database &db, std::unique_ptr<Database> own, QString tenant)
    : m_db(db), m_own(std::move(own)), m_tenant(std::move(tenant))
{
}

Result<std::unique_ptr<TenantSnapshot>> TenantSnapshot::open(Database &shared, const QString &tenantId)
{
    std::unique_ptr<Database> own;
    if (!inMemory(shared.location())) {
        auto db = Database::open(shared.location());
        if (!db)
            return db.error();
        own = std::move(*db);
        // A front-to-back read gains nothing from a large page cache; a small one keeps the export's
        // memory small.
        if (!own->isPostgres())
            if (auto s = own->execDirect(QStringLiteral("PRAGMA query_only=ON; PRAGMA cache_size=-4000")); !s)
                return s.error();
    } else if (shared.inTransaction()) {
        return Error::conflict(QStringLiteral("an export cannot start inside a write"));
    }
    Database &db = own ? *own : shared;
    const QString begin = db.isPostgres() ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") : QStringLiteral("BEGIN");
    if (auto s = db.execDirect(begin); !s)
        return s.error();
    std::unique_ptr<TenantSnapshot> snap(new TenantSnapshot(db, std::move(own), tenantId));
    // The snapshot is fixed by the first read, before anything is handed out.
    if (auto t = snap->tenant(); !t)
        return t.error();
    return snap;
}

TenantSnapshot::~TenantSnapshot()
{
    (void)m_db.execDirect(QStringLiteral("ROLLBACK"));
}

Result<Row> TenantSnapshot::tenant()
{
    auto rows = m_db.query(QStringLiteral("SELECT * FROM tenants WHERE id = ?"), {m_tenant});
    if (!rows)
        return rows.error();
    if (rows->empty())
        return Error::notFound(QStringLiteral("tenant"));
    return std::move(rows->front());
}

Result<qint64> TenantSnapshot::count(const QString &table)
{
    if (auto s = checkName(table); !s)
        return s.error();
    return m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE tenant_id = ?").arg(table), {m_tenant});
}

Result<Rows> TenantSnapshot::page(const QString &table, const QString &afterId, int limit)
{
    if (auto s = checkName(table); !s)
        return s.error();
    // PostgreSQL orders text by the database's collation; "C" is byte order, as SQLite's.
    const QString id = m_db.isPostgres() ? QStringLiteral("id COLLATE \"C\"") : QStringLiteral("id");
    return m_db.query(QStringLiteral("SELECT * FROM %1 WHERE tenant_id = ? AND %2 > ? ORDER BY %2 LIMIT %3").arg(table, id).arg(limit),
                      // A null QString binds as NULL, and nothing is greater than NULL.
                      {m_tenant, afterId.isEmpty() ? QStringLiteral("") : afterId});
}

int TenantSnapshot::schemaVersion()
{
    return m_db.schemaVersion();
}

} // namespace ery::storage
