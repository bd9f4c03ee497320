#include "tenantloader.h"

#include <QRegularExpression>

namespace ery::storage {

namespace {

bool isName(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[a-z][a-z0-9_]{0,62}$"));
    return re.match(s).hasMatch();
}

Status checkName(const QString &s)
{
    if (!isName(s))
        return Error::badRequest(QStringLiteral("not a table or column name: %1").arg(s.left(64)));
    return {};
}

} // namespace

Result<bool> TenantLoader::tenantExists(Database &db, const QString &tenantId)
{
    auto n = db.scalar(QStringLiteral("SELECT COUNT(*) FROM tenants WHERE id = ?"), {tenantId});
    if (!n)
        return n.error();
    return *n > 0;
}

Result<bool> TenantLoader::holdsRows(Database &db, const QString &tenantId, const QStringList &tables)
{
    for (const QString &t : tables) {
        if (auto s = checkName(t); !s)
            return s.error();
        auto rows = db.query(QStringLiteral("SELECT 1 FROM %1 WHERE tenant_id = ? LIMIT 1").arg(t), {tenantId});
        if (!rows)
            return rows.error();
        if (!rows->empty())
            return true;
    }
    return false;
}

Result<QStringList> TenantLoader::columns(Database &db, const QString &table)
{
    if (auto s = checkName(table); !s)
        return s.error();
    auto rows = db.isPostgres() ? db.query(QStringLiteral("SELECT column_name AS name FROM information_schema.columns "
                                                          "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position"),
                                           {table})
                                : db.query(QStringLiteral("SELECT name FROM pragma_table_info(?)"), {table});
    if (!rows)
        return rows.error();
    QStringList out;
    for (const Row &r : *rows)
        out << QString::fromStdString(r.value("name", std::string()));
    if (out.isEmpty())
        return Error::badRequest(QStringLiteral("no table %1").arg(table));
    return out;
}

Status TenantLoader::insert(WriteTx &tx, const QString &table, const Row &row)
{
    if (auto s = checkName(table); !s)
        return s.error();
    for (auto it = row.begin(); it != row.end(); ++it)
        if (auto s = checkName(QString::fromStdString(it.key())); !s)
            return s.error();
    QVariantList params;
    const QString sql = Database::insertStatement(table, row, params);
    return tx.exec(sql, params);
}

Status TenantLoader::setColumn(WriteTx &tx, const QString &table, const QString &id, const QString &column, const Json &value)
{
    if (auto s = checkName(table); !s)
        return s.error();
    if (auto s = checkName(column); !s)
        return s.error();
    return tx.exec(QStringLiteral("UPDATE %1 SET %2 = ? WHERE id = ?").arg(table, column), {Database::toVariant(value), id});
}

} // namespace ery::storage
