#include "sessionrepository.h"

namespace ery::storage {

namespace {

Result<Row> bySession(Database &db, const char *column, const QString &hash)
{
    auto rows = db.query(QStringLiteral("SELECT s.id, s.tenant_id, s.user_id, s.expires_at, s.refresh_expires_at, s.ended_at, "
                                        "u.role, u.username, u.full_name, u.active, u.deleted_at, t.name AS tenant_name, t.plan, "
                                        "t.rate_limit_per_minute "
                                        "FROM user_sessions s JOIN users u ON u.id = s.user_id JOIN tenants t ON t.id = s.tenant_id "
                                        "WHERE s.%1 = ?")
                             .arg(QLatin1String(column)),
                         {hash});
    if (!rows)
        return rows.error();
    if (rows->empty())
        return Error::notFound(QStringLiteral("session"));
    return std::move(rows->front());
}

} // namespace

Result<Row> SessionRepository::byTokenHash(Database &db, const QString &hash) const
{
    return bySession(db, "token_hash", hash);
}

Result<Row> SessionRepository::byRefreshHash(Database &db, const QString &hash) const
{
    return bySession(db, "refresh_hash", hash);
}

Result<Rows> SessionRepository::tenantsWithUsername(Database &db, const QString &username) const
{
    return db.query(QStringLiteral("SELECT t.id, t.name FROM tenants t JOIN users u ON u.tenant_id = t.id "
                                   "WHERE t.is_sandbox = 0 AND u.username = ? AND u.deleted_at IS NULL ORDER BY t.created_at"),
                    {username});
}

Status SessionRepository::insert(WriteTx &tx, const Row &session) const
{
    QVariantList params;
    const QString sql = Database::insertStatement(QStringLiteral("user_sessions"), session, params);
    return tx.exec(sql, params);
}

Status SessionRepository::end(WriteTx &tx, const QString &sessionId, const QString &now) const
{
    return tx.exec(QStringLiteral("UPDATE user_sessions SET ended_at = ?, updated_at = ? WHERE id = ? AND ended_at IS NULL"),
                   {now, now, sessionId});
}

Status SessionRepository::endSessionsOfUser(WriteTx &tx, const QString &userId, const QString &now) const
{
    return tx.exec(QStringLiteral("UPDATE user_sessions SET ended_at = ?, updated_at = ? WHERE user_id = ? AND ended_at IS NULL"),
                   {now, now, userId});
}

Status SessionRepository::forgetOld(WriteTx &tx, const QString &before) const
{
    return tx.exec(QStringLiteral("DELETE FROM user_sessions WHERE refresh_expires_at < ? OR ended_at < ?"), {before, before});
}

} // namespace ery::storage
