#pragma once

#include "core/result.h"

#include <QHash>
#include <QString>
#include <QVariant>

#include <string>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace ery {

// One SQLite connection on the C API, used from one thread. Database uses it for the embedded
// engine: rows are built straight from the statement (UTF-8 in, UTF-8 out) instead of through
// QtSql's per-value QVariant/UTF-16 copies, which cost more than the queries themselves.
class SqliteConnection {
public:
    // The raw outcome of a statement; Database maps it to the API's error codes.
    struct Failure {
        int code = 0; // extended result code
        QString message;
    };

    SqliteConnection() = default;
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection &) = delete;
    SqliteConnection &operator=(const SqliteConnection &) = delete;

    bool open(const QString &path, Failure *f);

    // kinds(i) tells how column i is presented (Database::ColumnKind as int).
    using KindOf = int (*)(const std::string &column);

    // Runs a statement; rows (if any) are appended to *rows when rows is not null.
    bool query(const QString &sql, const QVariantList &params, std::vector<Json> *rows, KindOf kindOf, Failure *f);
    bool exec(const QString &sql, const QVariantList &params, int *rowsAffected, Failure *f);
    // Appends each row as a JSON object, separated by commas (no brackets); *count gets the rows.
    bool render(const QString &sql, const QVariantList &params, std::string &out, qint64 *count, KindOf kindOf, Failure *f);
    // Several statements, no parameters, nothing cached (schema, pragmas).
    bool script(const QString &sql, Failure *f);
    qint64 totalChanges() const;

private:
    struct Statement {
        sqlite3_stmt *stmt = nullptr;
        int columnCount = -1;
        std::vector<std::string> names;
        std::vector<std::string> keys; // "name": pre-escaped, for render
        std::vector<int> kinds;
        bool uniqueNames = true;
    };
    Statement *prepare(const QString &sql, Failure *f);
    bool bind(Statement *s, const QVariantList &params, Failure *f);
    void describe(Statement *s, KindOf kindOf);
    void fail(Failure *f, int rc) const;
    void finish(Statement *s);

    sqlite3 *m_db = nullptr;
    QHash<QString, Statement> m_cache;
    std::vector<QByteArray> m_texts; // UTF-8 of bound strings, alive until the statement is reset
};

} // namespace ery
