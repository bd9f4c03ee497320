#include "migrations.h"

#include "core/ids.h"
#include "database.h"

#include <QFile>
#include <QRegularExpression>

namespace ery {

namespace {

struct Migration {
    int version;
    const char *resource;
};

const Migration kMigrations[] = {
    {1, ":/eryxon/server/storage/schema_v1.sql"},
    {2, ":/eryxon/server/storage/schema_v2.sql"},
    {3, ":/eryxon/server/storage/schema_v3.sql"},
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

} // namespace

int latestSchemaVersion()
{
    return std::end(kMigrations)[-1].version;
}

Status runMigrations(Database &db)
{
    ERY_TRY(db.execDirect(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")));
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
            for (const QString &stmt : statements(sql))
                ERY_TRY(tx.db().execDirect(stmt));
            return tx.exec(QStringLiteral("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)"), {m.version, nowIso()});
        });
        if (!r)
            return Error::internal(QStringLiteral("migration %1 failed: %2").arg(m.version).arg(r.error().message));
    }
    return {};
}

} // namespace ery
