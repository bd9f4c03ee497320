#pragma once

#include "database.h"
#include "match.h"
#include "domain/listquery.h"
#include "domain/scope.h"

#include <QStringList>

namespace ery::storage {

// The repository core shared by every aggregate: tenant-scoped reads and writes of one table, each
// write recorded as a row change in the transaction's outbox. The typed repositories and services
// build on it; nothing here can run without a Scope.
class Table {
public:
    Table(QString name, bool softDelete, QStringList searchColumns = {});

    const QString &name() const { return m_name; }
    bool softDelete() const { return m_soft; }

    // NOT_FOUND for an id of another tenant or a soft-deleted row: never reveals it exists.
    Result<Row> get(Database &db, const domain::Scope &scope, const QString &id, const QString &what = {}) const;
    Result<Row> findBy(Database &db, const domain::Scope &scope, const QString &column, const QVariant &value) const;
    // Every matching row, ordered by the given columns.
    Result<Rows> where(Database &db, const domain::Scope &scope, const Match &match, const QStringList &orderBy = {}) const;
    Result<domain::Page> list(Database &db, const domain::Scope &scope, const domain::ListQuery &q) const;
    Result<qint64> count(Database &db, const domain::Scope &scope, const Match &match = {}) const;

    // Fills id, tenant_id, created_at, updated_at; returns the stored row (read back, with the
    // database's defaults, unless `reload` is false: append-only logs skip the extra read).
    Result<Row> insert(WriteTx &tx, const domain::Scope &scope, Row row, bool reload = true) const;
    // Applies patch to `current` (as read in this transaction). With casColumns the UPDATE only
    // succeeds while those columns still hold the values of `current`: a stale caller gets CONFLICT.
    Result<Row> update(WriteTx &tx, const domain::Scope &scope, const Row &current, const Row &patch, const QStringList &casColumns = {},
                       const char *feedEventType = "UPDATE") const;
    // Soft delete where the table has deleted_at semantics, else a real DELETE.
    Status remove(WriteTx &tx, const domain::Scope &scope, const Row &current) const;

    bool hasColumn(const QString &c) const;
    // A LIKE pattern (escaped with a backslash) matching `text` anywhere, case-insensitively: the user's %
    // and _ (and the escape character itself) match themselves.
    static QString containsPattern(const QString &text);
    const QStringList &columns() const;
    void loadColumns(Database &db) const;
    // VALIDATION_ERROR naming every NOT NULL column `row` sets to null (all at once), so such a
    // value is the caller's mistake, whichever service or path wrote it, never a constraint failure.
    Status checkNotNull(const Row &row) const;

private:
    // Match as SQL: " AND ..." with its parameters appended to params.
    Result<QString> condition(Database &db, const Match &match, QVariantList &params) const;

    QString m_name;
    bool m_soft;
    QStringList m_search;
    mutable QStringList m_columns;
    mutable QStringList m_notNull;
};

} // namespace ery::storage
