#pragma once

#include "database.h"
#include "domain/scope.h"

#include <QStringList>

namespace ery {

// A list query: exact filters, fuzzy/range/set conditions over the table's own columns, sort, paging.
struct ListQuery {
    enum class Op { Like, Gte, Lte, In };
    struct Cond {
        QString column;
        Op op;
        QVariant value; // In: a QVariantList (empty matches nothing)
    };
    std::vector<std::pair<QString, QVariant>> eq; // column = value (QVariant() means IS NULL)
    std::vector<Cond> conds;
    QString search;                               // OR LIKE over the table's search columns
    QString sort;                                 // column name; checked against the table
    bool descending = false;
    int limit = 100;
    int offset = 0;
    bool includeDeleted = false;
    // The caller takes the rows as JSON text (Page::json) when the table can render them: a list
    // page answered without a Json tree per row. Only for callers that pass rows on untouched.
    bool render = false;
};

// Which rows of a table a caller means, as typed terms that all must hold. The SQL is written by
// Table, with every column checked against the table: callers outside storage never write SQL.
struct Match {
    enum class Op { Eq, NotEq, EqNoCase, IsNull, Gte };
    struct Term {
        QString column;
        Op op;
        QVariant value;
    };
    std::vector<Term> terms;

    Match &eq(const QString &column, const QVariant &value) { return add(column, Op::Eq, value); }
    Match &notEq(const QString &column, const QVariant &value) { return add(column, Op::NotEq, value); }
    // Equal ignoring case (names a person types).
    Match &eqNoCase(const QString &column, const QString &value) { return add(column, Op::EqNoCase, value); }
    Match &isNull(const QString &column) { return add(column, Op::IsNull, {}); }
    Match &gte(const QString &column, const QVariant &value) { return add(column, Op::Gte, value); }

private:
    Match &add(const QString &column, Op op, const QVariant &value)
    {
        terms.push_back({column, op, value});
        return *this;
    }
};

struct Page {
    Rows rows;
    qint64 total = 0;
    bool rendered = false; // rows are in json instead of rows
    std::string json;      // the rows as JSON objects, comma-separated, without brackets
};

// The repository core shared by every aggregate: tenant-scoped reads and writes of one table, each
// write recorded as a row change in the transaction's outbox. The typed repositories and services
// build on it; nothing here can run without a Scope.
class Table {
public:
    Table(QString name, bool softDelete, QStringList searchColumns = {});

    const QString &name() const { return m_name; }
    bool softDelete() const { return m_soft; }

    // NOT_FOUND for an id of another tenant or a soft-deleted row: never reveals it exists.
    Result<Row> get(Database &db, const Scope &scope, const QString &id, const QString &what = {}) const;
    Result<Row> findBy(Database &db, const Scope &scope, const QString &column, const QVariant &value) const;
    // Every matching row, ordered by the given columns.
    Result<Rows> where(Database &db, const Scope &scope, const Match &match, const QStringList &orderBy = {}) const;
    Result<Page> list(Database &db, const Scope &scope, const ListQuery &q) const;
    Result<qint64> count(Database &db, const Scope &scope, const Match &match = {}) const;

    // Fills id, tenant_id, created_at, updated_at; returns the stored row (read back, with the
    // database's defaults, unless `reload` is false: append-only logs skip the extra read).
    Result<Row> insert(WriteTx &tx, const Scope &scope, Row row, bool reload = true) const;
    // Applies patch to `current` (as read in this transaction). With casColumns the UPDATE only
    // succeeds while those columns still hold the values of `current`: a stale caller gets CONFLICT.
    Result<Row> update(WriteTx &tx, const Scope &scope, const Row &current, const Row &patch,
                       const QStringList &casColumns = {}, const char *feedEventType = "UPDATE") const;
    // Soft delete where the table has deleted_at semantics, else a real DELETE.
    Status remove(WriteTx &tx, const Scope &scope, const Row &current) const;

    bool hasColumn(const QString &c) const;
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

} // namespace ery
