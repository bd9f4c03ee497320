#include "migrations.h"

#include "core/ids.h"
#include "core/jsonutil.h"
#include "database.h"

#include <QFile>
#include <QRegularExpression>

namespace ery::storage {

namespace {

struct Migration {
    int version;
    const char *resource;
};

const Migration kMigrations[] = {
    {1, ":/eryxon/server/storage/schema_v1.sql"},
    {2, ":/eryxon/server/storage/schema_v2.sql"},
    {3, ":/eryxon/server/storage/schema_v3.sql"},
    {4, ":/eryxon/server/storage/schema_v4.sql"},
    {5, ":/eryxon/server/storage/schema_v5.sql"},
    {6, ":/eryxon/server/storage/schema_v6.sql"},
    {7, ":/eryxon/server/storage/schema_v7.sql"},
    {8, ":/eryxon/server/storage/schema_v8.sql"},
    {9, ":/eryxon/server/storage/schema_v9.sql"},
    {10, ":/eryxon/server/storage/schema_v10.sql"},
};

QString dialect(QString sql, bool postgres)
{
    sql.replace(QStringLiteral("{{SERIAL}}"),
                postgres ? QStringLiteral("BIGSERIAL PRIMARY KEY") : QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT"));
    return sql;
}

QStringList statements(const QString &sql)
{
    QStringList out;
    QString clean;
    for (const QString &line : sql.split(QLatin1Char('\n'))) {
        if (line.trimmed().startsWith(QLatin1String("--")))
            continue;
        clean += line + QLatin1Char('\n');
    }
    for (const QString &s : clean.split(QLatin1Char(';'))) {
        if (!s.trimmed().isEmpty())
            out << s.trimmed();
    }
    return out;
}

// SQLite plans without statistics: it assumes an equality on an index's first column leaves about
// ten rows. For indexes led by tenant_id that is wrong — one tenant holds nearly every row — and it
// made the planner walk a tenant's whole list index (two equality columns: tenant_id, deleted_at)
// instead of the part_id index for "the operations of this part". Fixed statistics for those
// indexes tell it that tenant_id and deleted_at narrow nothing. Written only where no statistics
// exist, so a real ANALYZE (whose numbers are better) is never overwritten.
Status tuneSqlitePlanner(Database &db)
{
    ERY_TRY(db.execDirect(QStringLiteral("ANALYZE sqlite_schema"))); // creates sqlite_stat1 when missing
    auto indexes =
        db.query(QStringLiteral("SELECT m.name AS idx, m.tbl_name AS tbl, l.\"unique\" AS is_unique FROM sqlite_master m "
                                "JOIN pragma_index_list(m.tbl_name) l ON l.name = m.name "
                                "WHERE m.type = 'index' AND m.name NOT IN (SELECT idx FROM sqlite_stat1 WHERE idx IS NOT NULL)"));
    if (!indexes)
        return indexes.error();
    constexpr qint64 kRows = 1000000, kPerTenant = 100000;
    bool changed = false;
    for (const Row &ix : *indexes) {
        auto cols = db.query(QStringLiteral("SELECT name FROM pragma_index_info(?) ORDER BY seqno"), {str(ix, "idx")});
        if (!cols || cols->empty() || str(cols->front(), "name") != QLatin1String("tenant_id"))
            continue;
        QStringList stat{QString::number(kRows)};
        qint64 rows = kPerTenant;
        for (size_t i = 0; i < cols->size(); ++i) {
            const QString col = str((*cols)[i], "name");
            if (i > 0 && col != QLatin1String("deleted_at"))
                rows = std::max<qint64>(1, rows / 1000);
            if (i + 1 == cols->size() && flag(ix, "is_unique"))
                rows = 1;
            stat << QString::number(rows);
        }
        ERY_TRY(db.exec(QStringLiteral("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)"),
                        {str(ix, "tbl"), str(ix, "idx"), stat.join(QLatin1Char(' '))}));
        changed = true;
    }
    if (changed)
        ERY_TRY(db.execDirect(QStringLiteral("ANALYZE sqlite_schema"))); // loads the statistics
    return {};
}

} // namespace

int latestSchemaVersion()
{
    return std::end(kMigrations)[-1].version;
}

Status runMigrations(Database &db)
{
    ERY_TRY(db.execDirect(
        QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")));
    for (const auto &m : kMigrations) {
        QFile f(QString::fromLatin1(m.resource));
        if (!f.open(QIODevice::ReadOnly))
            return Error::internal(QStringLiteral("migration %1 is missing from the build").arg(m.version));
        const QString sql = dialect(QString::fromUtf8(f.readAll()), db.isPostgres());
        // The check runs inside the write transaction so two processes starting at once apply it once.
        auto r = db.write([&](WriteTx &tx) -> Status {
            if (db.isPostgres())
                ERY_TRY(tx.exec(QStringLiteral("SELECT pg_advisory_xact_lock(7702000)")));
            auto done = tx.query(QStringLiteral("SELECT version FROM schema_migrations WHERE version = ?"), {m.version});
            if (!done)
                return done.error();
            if (!done->empty())
                return {};
            for (QString stmt : statements(sql)) {
                // A statement marked {{SQLITE}} or {{POSTGRES}} is for that engine only.
                for (const auto &[mark, on] : {std::pair{QLatin1String("{{SQLITE}}"), !db.isPostgres()},
                                               std::pair{QLatin1String("{{POSTGRES}}"), db.isPostgres()}})
                    if (stmt.startsWith(mark)) {
                        stmt = on ? stmt.mid(mark.size()) : QString();
                        break;
                    }
                if (!stmt.isEmpty())
                    ERY_TRY(tx.db().execDirect(stmt));
            }
            // A rewritten table declaration (writable_schema) is seen by other connections to the
            // file once the schema cookie changes.
            if (!db.isPostgres() && sql.contains(QLatin1String("writable_schema"))) {
                auto cookie = tx.db().scalar(QStringLiteral("PRAGMA schema_version"));
                if (!cookie)
                    return cookie.error();
                ERY_TRY(tx.db().execDirect(QStringLiteral("PRAGMA schema_version = %1").arg(*cookie + 1)));
            }
            return tx.exec(QStringLiteral("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)"), {m.version, nowIso()});
        });
        if (!r)
            return Error::internal(QStringLiteral("migration %1 failed: %2").arg(m.version).arg(r.error().message));
    }
    if (!db.isPostgres())
        ERY_TRY(tuneSqlitePlanner(db));
    return {};
}

} // namespace ery::storage
