#include "table.h"

#include "core/ids.h"
#include "core/jsonutil.h"

using namespace ery::domain;

namespace ery::storage {

namespace {
bool validIdentifier(const QString &s)
{
    if (s.isEmpty() || s.size() > 64)
        return false;
    for (QChar c : s)
        if (!(c.isLower() || c.isDigit() || c == QLatin1Char('_')))
            return false;
    return true;
}
} // namespace

// "wild_" finds "WILD_1" and not "WILDX1".
QString Table::containsPattern(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    out += QLatin1Char('%');
    for (const QChar c : text.toLower()) {
        if (c == QLatin1Char('%') || c == QLatin1Char('_') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c;
    }
    out += QLatin1Char('%');
    return out;
}

Table::Table(QString name, bool softDelete, QStringList searchColumns)
    : m_name(std::move(name)), m_soft(softDelete), m_search(std::move(searchColumns))
{
}

void Table::loadColumns(Database &db) const
{
    if (!m_columns.isEmpty())
        return;
    auto rows = db.query(db.isPostgres()
                             ? QStringLiteral("SELECT column_name AS name, CASE WHEN is_nullable = 'NO' THEN 1 ELSE 0 END AS is_not_null "
                                              "FROM information_schema.columns WHERE table_name = ? "
                                              "AND table_schema = current_schema() ORDER BY ordinal_position")
                             : QStringLiteral("SELECT name, \"notnull\" AS is_not_null FROM pragma_table_info(?)"),
                         {m_name});
    if (!rows)
        return;
    QStringList notNull;
    for (const auto &r : *rows) {
        if (num(r, "is_not_null") != 0)
            notNull << str(r, "name");
        m_columns << str(r, "name");
    }
    m_notNull = notNull;
}

Status Table::checkNotNull(const Row &row) const
{
    Validation v;
    for (auto it = row.begin(); it != row.end(); ++it)
        if (it.value().is_null() && m_notNull.contains(QString::fromStdString(it.key())))
            v.add(it.key(), QStringLiteral("%1 cannot be null").arg(QString::fromStdString(it.key())), nullptr, "not_null");
    if (!v.ok())
        return v.error();
    return {};
}

const QStringList &Table::columns() const
{
    return m_columns;
}

bool Table::hasColumn(const QString &c) const
{
    return m_columns.contains(c);
}

Result<Row> Table::get(Database &db, const Scope &scope, const QString &id, const QString &what) const
{
    const QString label = what.isEmpty() ? m_name : what;
    if (scope.tenantId.isEmpty())
        return Error::internal(QStringLiteral("unscoped read of %1").arg(m_name));
    if (!isUuid(id))
        return Error::notFound(label);
    const QString sql = QStringLiteral("SELECT * FROM %1 WHERE id = ? AND tenant_id = ?%2")
                            .arg(m_name, m_soft ? QStringLiteral(" AND deleted_at IS NULL") : QString());
    auto rows = db.query(sql, {id, scope.tenantId});
    if (!rows)
        return rows.error();
    if (rows->empty())
        return Error::notFound(label);
    return std::move(rows->front());
}

Result<Row> Table::findBy(Database &db, const Scope &scope, const QString &column, const QVariant &value) const
{
    auto rows = where(db, scope, Match().eq(column, value));
    if (!rows)
        return rows.error();
    if (rows->empty())
        return Error::notFound(m_name);
    return std::move(rows->front());
}

Result<QString> Table::condition(Database &db, const Match &match, QVariantList &params) const
{
    loadColumns(db);
    QString cond;
    for (const Match::Term &t : match.terms) {
        if (!hasColumn(t.column))
            return Error::internal(QStringLiteral("unknown column %1.%2").arg(m_name, t.column));
        switch (t.op) {
        case Match::Op::Eq:
            cond += QStringLiteral(" AND %1 = ?").arg(t.column);
            params << t.value;
            break;
        case Match::Op::NotEq:
            cond += QStringLiteral(" AND %1 <> ?").arg(t.column);
            params << t.value;
            break;
        case Match::Op::EqNoCase:
            cond += QStringLiteral(" AND LOWER(%1) = ?").arg(t.column);
            params << t.value.toString().toLower();
            break;
        case Match::Op::IsNull: cond += QStringLiteral(" AND %1 IS NULL").arg(t.column); break;
        case Match::Op::Gte:
            cond += QStringLiteral(" AND %1 >= ?").arg(t.column);
            params << t.value;
            break;
        case Match::Op::Lt:
            cond += QStringLiteral(" AND %1 < ?").arg(t.column);
            params << t.value;
            break;
        case Match::Op::Gt:
            cond += QStringLiteral(" AND %1 > ?").arg(t.column);
            params << t.value;
            break;
        }
    }
    return cond;
}

Result<Rows> Table::where(Database &db, const Scope &scope, const Match &match, const QStringList &orderBy) const
{
    if (scope.tenantId.isEmpty())
        return Error::internal(QStringLiteral("unscoped read of %1").arg(m_name));
    QVariantList params{scope.tenantId};
    auto cond = condition(db, match, params);
    if (!cond)
        return cond.error();
    QString sql = QStringLiteral("SELECT * FROM %1 WHERE tenant_id = ?").arg(m_name);
    if (m_soft)
        sql += QStringLiteral(" AND deleted_at IS NULL");
    sql += *cond;
    for (const QString &c : orderBy)
        if (!validIdentifier(c) || !hasColumn(c))
            return Error::internal(QStringLiteral("cannot sort %1 by %2").arg(m_name, c));
    if (!orderBy.isEmpty())
        sql += QStringLiteral(" ORDER BY ") + orderBy.join(QStringLiteral(", "));
    return db.query(sql, params);
}

Result<qint64> Table::count(Database &db, const Scope &scope, const Match &match) const
{
    if (scope.tenantId.isEmpty())
        return Error::internal(QStringLiteral("unscoped read of %1").arg(m_name));
    QVariantList params{scope.tenantId};
    auto cond = condition(db, match, params);
    if (!cond)
        return cond.error();
    QString sql = QStringLiteral("SELECT COUNT(*) FROM %1 WHERE tenant_id = ?").arg(m_name);
    if (m_soft)
        sql += QStringLiteral(" AND deleted_at IS NULL");
    return db.scalar(sql + *cond, params);
}

Result<Page> Table::list(Database &db, const Scope &scope, const ListQuery &q) const
{
    if (scope.tenantId.isEmpty())
        return Error::internal(QStringLiteral("unscoped read of %1").arg(m_name));
    loadColumns(db);
    QString cond = QStringLiteral(" WHERE tenant_id = ?");
    QVariantList params{scope.tenantId};
    if (m_soft && !q.includeDeleted)
        cond += QStringLiteral(" AND deleted_at IS NULL");
    for (const auto &[col, val] : q.eq) {
        if (!hasColumn(col))
            return Error::badRequest(QStringLiteral("unknown filter %1").arg(col));
        if (val.isNull()) {
            cond += QStringLiteral(" AND %1 IS NULL").arg(col);
        } else {
            cond += QStringLiteral(" AND %1 = ?").arg(col);
            params << val;
        }
    }
    for (const auto &c : q.conds) {
        if (!hasColumn(c.column))
            return Error::badRequest(QStringLiteral("unknown filter %1").arg(c.column));
        switch (c.op) {
        case ListQuery::Op::Like:
            cond += QStringLiteral(" AND LOWER(%1) LIKE ? ESCAPE '\\'").arg(c.column);
            params << containsPattern(c.value.toString());
            break;
        case ListQuery::Op::Gte:
            cond += QStringLiteral(" AND %1 >= ?").arg(c.column);
            params << c.value;
            break;
        case ListQuery::Op::Lte:
            cond += QStringLiteral(" AND %1 <= ?").arg(c.column);
            params << c.value;
            break;
        case ListQuery::Op::In: {
            const QVariantList values = c.value.toList();
            if (values.isEmpty()) {
                cond += QStringLiteral(" AND 1 = 0");
                break;
            }
            cond += QStringLiteral(" AND %1 IN (%2)").arg(c.column, QStringList(values.size(), QStringLiteral("?")).join(QLatin1Char(',')));
            params += values;
            break;
        }
        }
    }
    if (!q.search.isEmpty() && !m_search.isEmpty()) {
        QStringList ors;
        const QString pattern = containsPattern(q.search);
        for (const QString &c : m_search) {
            ors << QStringLiteral("LOWER(%1) LIKE ? ESCAPE '\\'").arg(c);
            params << pattern;
        }
        cond += QStringLiteral(" AND (") + ors.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    QString sort = q.sort.isEmpty() ? QStringLiteral("created_at") : q.sort;
    if (!validIdentifier(sort) || !hasColumn(sort))
        return Error::badRequest(QStringLiteral("cannot sort by %1").arg(sort));
    // LIMIT and OFFSET are bound, so every page of one query shape shares a prepared statement.
    const QString sql =
        QStringLiteral("SELECT * FROM %1").arg(m_name) + cond +
        QStringLiteral(" ORDER BY %1 %2, id %2 LIMIT ? OFFSET ?").arg(sort, q.descending ? QStringLiteral("DESC") : QStringLiteral("ASC"));
    QVariantList pageParams = params;
    const int limit = qBound(0, q.limit, 1000);
    pageParams << limit << qMax(0, q.offset);
    Page page;
    qint64 n = 0;
    if (q.render) {
        auto count = db.render(sql, pageParams, page.json);
        if (!count)
            return count.error();
        page.rendered = true;
        n = *count;
    } else {
        auto rows = db.query(sql, pageParams);
        if (!rows)
            return rows.error();
        page.rows = std::move(*rows);
        n = qint64(page.rows.size());
    }
    // A first page that is not full already holds every match: no COUNT needed.
    if (q.offset <= 0 && n < limit) {
        page.total = n;
        return page;
    }
    auto total = db.scalar(QStringLiteral("SELECT COUNT(*) FROM %1").arg(m_name) + cond, params);
    if (!total)
        return total.error();
    page.total = *total;
    return page;
}

namespace {
// A unique clash named with what the caller sent: `409 A jobs record with job_number "JOB-1" already
// exists`, details {field, value, fields: {column: value}}.
Error namedConflict(Error e, const QString &table, const Row &row)
{
    if (e.code != ErrorCode::Conflict || !e.details.is_object() || !e.details.contains("fields"))
        return e;
    Json values = Json::object();
    QStringList parts;
    for (const Json &c : e.details["fields"]) {
        const std::string col = c.get<std::string>();
        const Json v = row.contains(col) ? row[col] : Json(nullptr);
        values[col] = v;
        QString text = v.is_string() ? QString::fromStdString(v.get<std::string>()) : QString::fromStdString(v.dump());
        if (text.size() > 200)
            text = text.left(200) + QStringLiteral("…");
        parts << QStringLiteral("%1 \"%2\"").arg(QString::fromStdString(col), text);
    }
    const std::string first = e.details["fields"].front().get<std::string>();
    e.message = QStringLiteral("A %1 record with %2 already exists").arg(table, parts.join(QStringLiteral(" and ")));
    e.details = Json{{"field", first}, {"value", values[first]}, {"fields", values}};
    return e;
}
} // namespace

Result<Row> Table::insert(WriteTx &tx, const Scope &scope, Row row, bool reload) const
{
    if (scope.tenantId.isEmpty())
        return Error::internal(QStringLiteral("unscoped write to %1").arg(m_name));
    loadColumns(tx.db());
    const QString now = nowIso();
    if (!row.contains("id") || !row["id"].is_string())
        row["id"] = newId().toStdString();
    row["tenant_id"] = scope.tenantId.toStdString();
    row["created_at"] = now.toStdString();
    row["updated_at"] = now.toStdString();
    ERY_TRY(checkNotNull(row));
    for (auto it = row.begin(); it != row.end(); ++it)
        if (!hasColumn(QString::fromStdString(it.key())))
            return Error::internal(QStringLiteral("unknown column %1.%2").arg(m_name, QString::fromStdString(it.key())));
    QVariantList params;
    const QString sql = Database::insertStatement(m_name, row, params);
    if (!reload) {
        if (auto done = tx.exec(sql, params); !done)
            return namedConflict(done.error(), m_name, row);
        tx.emitChange(scope.tenantId, m_name, "INSERT", row, nullptr);
        return row;
    }
    // Defaults filled by the database are part of the stored row the caller and the feed see.
    auto stored = tx.query(sql + QStringLiteral(" RETURNING *"), params);
    if (!stored)
        return namedConflict(stored.error(), m_name, row);
    Row out = stored->empty() ? row : std::move(stored->front());
    tx.emitChange(scope.tenantId, m_name, "INSERT", out, nullptr);
    return out;
}

Result<Row> Table::update(WriteTx &tx, const Scope &scope, const Row &current, const Row &patch, const QStringList &casColumns,
                          const char *feedEventType) const
{
    if (scope.tenantId.isEmpty())
        return Error::internal(QStringLiteral("unscoped write to %1").arg(m_name));
    loadColumns(tx.db());
    ERY_TRY(checkNotNull(patch));
    Row next = current;
    QStringList sets;
    QVariantList params;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const QString c = QString::fromStdString(it.key());
        if (c == QLatin1String("id") || c == QLatin1String("tenant_id") || c == QLatin1String("created_at") ||
            c == QLatin1String("updated_at"))
            continue;
        if (!hasColumn(c))
            return Error::internal(QStringLiteral("unknown column %1.%2").arg(m_name, c));
        sets << c + QStringLiteral(" = ?");
        params << Database::toVariant(it.value());
        next[it.key()] = it.value();
    }
    const QString now = nowIso();
    next["updated_at"] = now.toStdString();
    sets << QStringLiteral("updated_at = ?");
    params << now;
    QString sql = QStringLiteral("UPDATE %1 SET %2 WHERE id = ? AND tenant_id = ?").arg(m_name, sets.join(QLatin1Char(',')));
    params << str(current, "id") << scope.tenantId;
    for (const QString &c : casColumns) {
        const Json &v = current[c.toStdString()];
        if (v.is_null()) {
            sql += QStringLiteral(" AND %1 IS NULL").arg(c);
        } else {
            sql += QStringLiteral(" AND %1 = ?").arg(c);
            params << Database::toVariant(v);
        }
    }
    int affected = 0;
    if (auto done = tx.exec(sql, params, &affected); !done)
        return namedConflict(done.error(), m_name, next);
    if (affected == 0)
        return casColumns.isEmpty() ? Error::notFound(m_name) : Error::conflict(QStringLiteral("%1 changed meanwhile").arg(m_name));
    tx.emitChange(scope.tenantId, m_name, feedEventType, next, current);
    return next;
}

Status Table::remove(WriteTx &tx, const Scope &scope, const Row &current) const
{
    if (scope.tenantId.isEmpty())
        return Error::internal(QStringLiteral("unscoped write to %1").arg(m_name));
    if (m_soft) {
        Row patch{{"deleted_at", nowIso().toStdString()}};
        if (hasColumn(QStringLiteral("deleted_by")))
            patch["deleted_by"] = scope.actorId.isEmpty() ? Json(nullptr) : Json(scope.actorId.toStdString());
        // To a realtime subscriber a soft delete is a delete: the row leaves every list.
        auto r = update(tx, scope, current, patch, {}, "DELETE");
        if (!r)
            return r.error();
        return {};
    }
    int affected = 0;
    ERY_TRY(tx.exec(QStringLiteral("DELETE FROM %1 WHERE id = ? AND tenant_id = ?").arg(m_name), {str(current, "id"), scope.tenantId},
                    &affected));
    if (affected == 0)
        return Error::notFound(m_name);
    tx.emitChange(scope.tenantId, m_name, "DELETE", nullptr, current);
    return {};
}

} // namespace ery::storage
