#pragma once

#include "core/result.h"

#include <QHash>
#include <QString>
#include <QVariant>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace ery::storage {

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
    // Moves most of the WAL checkpoint work off this connection's thread: a second connection in its
    // own thread copies the WAL back into the database file (and syncs it) once the WAL holds
    // kCheckpointFrames. Under a steady stream of commits that copy never catches up with the last
    // frame, and only a complete checkpoint lets the WAL start over; so at kWriterCheckpointFrames
    // the writer finishes it itself, between two transactions, with little left to copy.
    void startCheckpointer();
    static constexpr int kCheckpointFrames = 1000;
    static constexpr int kWriterCheckpointFrames = 8000;

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

    void checkpointLoop(QByteArray path);
    static int walHook(void *self, sqlite3 *db, const char *name, int frames);

    sqlite3 *m_db = nullptr;
    QByteArray m_path;
    std::thread m_checkpointer;
    std::mutex m_ckMutex;
    std::condition_variable m_ckWake;
    bool m_ckDue = false;
    int m_ckSignalledAt = 0;            // WAL frames at the last signal (writer thread only)
    std::atomic<int> m_ckBackfilled{0}; // frames the last background pass copied
    std::atomic<bool> m_ckAlive{false}; // the background connection is open
    bool m_ckStop = false;
    QHash<QString, Statement> m_cache;
    std::vector<QByteArray> m_texts; // UTF-8 of bound strings, alive until the statement is reset
};

} // namespace ery::storage
