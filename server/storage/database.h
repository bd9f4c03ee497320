#pragma once

#include "core/result.h"

#include <QHash>
#include <QPointer>
#include <QString>
#include <QVariant>

#include <functional>
#include <memory>
#include <vector>

class QSqlDatabase;
class QSqlQuery;

namespace ery::storage {

// An outbox row not yet written: buffered by WriteTx and written just before COMMIT.
struct OutboxDraft {
    QString eventId;
    QString tenantId;
    QString kind;  // "event" | "change"
    QString topic; // event name ("operation.started") or table name for row changes
    QString entityId;
    std::string payload; // JSON text, serialised when emitted
    QString occurredAt;
};

class Database;
class SqliteConnection;

// The write transaction handed to a service mutation. Domain events and row changes emitted on it
// are written to the outbox inside the same transaction, so they exist if and only if it commits.
class WriteTx {
public:
    explicit WriteTx(Database &db) : m_db(db) { }
    Database &db() { return m_db; }

    Result<Rows> query(const QString &sql, const QVariantList &params = {});
    Status exec(const QString &sql, const QVariantList &params = {}, int *rowsAffected = nullptr);

    // A domain event (CONTRACTS.md §2): data = entity fields + human names; context = topic tokens.
    void emitEvent(const QString &tenantId, const QString &type, const QString &entityId, Json data, Json context = Json::object());
    // A row change for the realtime feed: INSERT / UPDATE / DELETE with new and old rows.
    // `eventType` may differ from the statement (a soft delete is an UPDATE the feed sees as DELETE).
    void emitChange(const QString &tenantId, const QString &table, const char *eventType, const Json &newRow, const Json &oldRow);

    std::vector<OutboxDraft> &drafts() { return m_drafts; }
    // Whether some of its outbox rows were written before the commit (a held write does so).
    bool wroteOutbox() const { return m_wroteOutbox; }
    // Ends the transaction without a commit even though it succeeded: a pass that found nothing to
    // write costs no WAL frame and no fsync.
    void discard() { m_discard = true; }
    bool discarded() const { return m_discard; }
    void keep() { m_discard = false; }

private:
    Database &m_db;
    std::vector<OutboxDraft> m_drafts;
    bool m_discard = false;
    bool m_wroteOutbox = false;
    friend class Database;
};

struct DbLocation {
    bool postgres = false;
    QString path; // SQLite file
    QString host, user, password, dbName;
    int port = 5432;
    QString display() const; // never shows the password
    static Result<DbLocation> parse(const QString &url);
};

// One connection, used from one thread (connections are per thread).
class Database {
public:
    ~Database();
    static Result<std::unique_ptr<Database>> open(const DbLocation &loc);
    static Result<std::unique_ptr<Database>> open(const QString &url);

    bool isPostgres() const { return m_loc.postgres; }
    const DbLocation &location() const { return m_loc; }

    Status migrate();
    int schemaVersion();

    Result<Rows> query(const QString &sql, const QVariantList &params = {});
    Status exec(const QString &sql, const QVariantList &params = {}, int *rowsAffected = nullptr);
    Result<qint64> scalar(const QString &sql, const QVariantList &params = {});
    // The rows as JSON objects written straight into out, comma-separated without brackets; returns
    // how many. List pages use it: no Json tree per row.
    Result<qint64> render(const QString &sql, const QVariantList &params, std::string &out);
    // Schema and utility statements, which PostgreSQL cannot prepare; no parameters, not cached.
    Status execDirect(const QString &sql);

    // Runs f inside one write transaction (BEGIN IMMEDIATE on SQLite). f returns Result<T>; an error
    // rolls back and discards the emitted outbox rows. A write started inside another joins it.
    // While grouping is on (see setGrouping), f runs as a savepoint of the open group instead.
    // While a held write waits between its steps (see holdBegin), it is refused (Unavailable).
    template <class F> auto write(F &&f) -> decltype(f(std::declval<WriteTx &>()))
    {
        if (m_tx)
            return f(*m_tx);
        if (m_held)
            return heldError();
        if (m_grouping)
            return writeGrouped(std::forward<F>(f));
        // A write outside the group must not ride on its commit: the group is committed first.
        if (m_group)
            if (auto s = flushGroup(); !s)
                return s.error();
        if (auto s = begin(); !s)
            return s.error();
        WriteTx tx(*this);
        m_tx = &tx;
        auto r = f(tx);
        m_tx = nullptr;
        if (!r || tx.discarded()) {
            rollback();
            return r;
        }
        if (auto s = commit(tx); !s)
            return s.error();
        return r;
    }

    // Inside an open write: runs f as a savepoint, so a failure undoes f's own writes and outbox rows
    // and nothing else (an import's bad row, while the good ones stay in the transaction).
    template <class F> auto attempt(F &&f) -> decltype(f(std::declval<WriteTx &>()))
    {
        if (!m_tx)
            return write(std::forward<F>(f));
        WriteTx &tx = *m_tx;
        const size_t mark = tx.drafts().size();
        if (auto s = utility(QStringLiteral("SAVEPOINT eryxon_attempt")); !s)
            return s.error();
        auto r = f(tx);
        if (!r) {
            (void)utility(QStringLiteral("ROLLBACK TO eryxon_attempt"));
            (void)utility(QStringLiteral("RELEASE eryxon_attempt"));
            tx.drafts().resize(mark);
            return r;
        }
        if (auto s = utility(QStringLiteral("RELEASE eryxon_attempt")); !s)
            return s.error();
        return r;
    }

    // Group commit. While grouping is on, each write() is a savepoint in one transaction that stays
    // open until flushGroup(): one COMMIT (and one write of the pages they share) for many small
    // writes, for callers that hold their answers until then (the HTTP server answers a batch of
    // requests after the commit). A failed write rolls back to its savepoint alone. The group is
    // also committed before any write made while grouping is off.
    void setGrouping(bool on) { m_grouping = on; }
    bool groupOpen() const { return m_group != nullptr; }
    // Commits the open group (outbox rows, COMMIT, commit hook), then tells the waiting callbacks.
    Status flushGroup();
    // Called once when the open group ends: true when it committed, false when it could not.
    void onGroupEnd(std::function<void(bool committed)> callback) { m_groupCallbacks.push_back(std::move(callback)); }

    // A held write: one transaction kept open across passes of the event loop, for a write too long
    // to run in one (a CSV import of 100,000 rows, all or nothing), so the thread goes on serving
    // between its steps. Meanwhile:
    // - reads outside a write go to a second connection, so they see what was committed, never
    //   the held write's half-done rows (opened on first use, kept);
    // - write() is refused (Unavailable): this connection has one transaction, and a write joining
    //   the held one would be undone by its rollback and answered before its commit. Callers that
    //   can wait ask writeHeld() and whenWritable() (the HTTP server defers requests that write).
    Status holdBegin();
    // Runs f inside the held transaction, as write() runs it inside its own.
    template <class F> auto holdStep(F &&f) -> decltype(f(std::declval<WriteTx &>()))
    {
        if (!m_held || m_tx)
            return heldError();
        m_tx = m_held.get();
        auto r = f(*m_tx);
        m_tx = nullptr;
        return r;
    }
    // Writes up to max of the held write's pending outbox rows now (inside its transaction), so
    // neither memory nor the final commit grow with the file; returns how many are still pending.
    // On SQLite the held write has the database to itself, so ids follow commit order whenever
    // they are written. On PostgreSQL another process may commit meanwhile: the rows go to a
    // temporary table of the transaction first and into the outbox only once `closing` (no step
    // writes anything else before the commit), in their order, under the advisory lock that orders
    // commits (see commit()).
    Result<size_t> holdFlushOutbox(size_t max, bool closing);
    // Commits (its outbox rows, COMMIT, the commit hook) or rolls back the held write, then lets
    // the waiting writers in.
    Status holdEnd(bool commit);
    bool writeHeld() const { return m_held != nullptr; }
    // Runs f (queued, in context's thread) once no held write is open: at once when none is.
    void whenWritable(QObject *context, std::function<void()> f);

    bool inTransaction() const { return m_tx != nullptr; }
    // Rows inserted, updated or deleted through this connection so far: a caller compares two
    // readings to learn whether anything was written in between.
    qint64 changes() const;

    // Called after every successful commit that wrote outbox rows (wakes the dispatcher).
    void setCommitHook(std::function<void()> hook) { m_commitHook = std::move(hook); }

    enum class ColumnKind { Plain, Bool, JsonText };
    static ColumnKind columnKind(const QString &column);
    static Json toJsonValue(const QString &column, const QVariant &v);
    static Json toJsonValue(ColumnKind kind, const QVariant &v);
    static QVariant toVariant(const Json &v);
    // "INSERT INTO table (columns) VALUES (?, …)" for the row's columns, their values appended to params:
    // the one place a single-row INSERT is spelled.
    static QString insertStatement(const QString &table, const Row &row, QVariantList &params);
    // Maps a driver failure to the API's errors: unique violation -> CONFLICT, never SQL in a message.
    static Error mapSqlError(const QString &sql, const QString &driverText, const QString &nativeCode);

private:
    struct Prepared {
        QSqlQuery *query = nullptr;
        std::vector<std::pair<std::string, int>> columns; // name and ColumnKind, read once per statement
        bool columnsKnown = false;
        bool uniqueColumns = true; // rows can be built by appending, without a lookup per column
    };
    Database() = default;
    static Result<std::unique_ptr<Database>> openConnection(const DbLocation &loc, bool reader);
    static Error heldError();
    // The connection reads use while a held write waits between steps; null: this one.
    Result<Database *> reader();
    Status insertOutbox(WriteTx &tx, size_t max);
    // PostgreSQL's held write: its outbox rows parked in a temporary table until it closes.
    Status stageOutbox(WriteTx &tx);
    Status unstageOutbox(WriteTx &tx, size_t max);
    Status begin();
    Status commit(WriteTx &tx);
    void rollback();
    Status utility(const QString &sql); // savepoints: cached on SQLite, not preparable on PostgreSQL
    template <class F> auto writeGrouped(F &&f) -> decltype(f(std::declval<WriteTx &>()))
    {
        if (!m_group) {
            if (auto s = begin(); !s)
                return s.error();
            m_group = std::make_unique<WriteTx>(*this);
        }
        WriteTx &tx = *m_group;
        const size_t mark = tx.drafts().size();
        if (auto s = utility(QStringLiteral("SAVEPOINT eryxon_write")); !s)
            return s.error();
        m_tx = &tx;
        auto r = f(tx);
        m_tx = nullptr;
        if (!r || tx.discarded()) {
            (void)utility(QStringLiteral("ROLLBACK TO eryxon_write"));
            (void)utility(QStringLiteral("RELEASE eryxon_write"));
            tx.drafts().resize(mark);
            tx.keep();
            return r;
        }
        if (auto s = utility(QStringLiteral("RELEASE eryxon_write")); !s)
            return s.error();
        return r;
    }
    Prepared *prepared(const QString &sql, Error *err);
    // Prepares (once), binds and executes; nullptr with *err set on failure.
    Prepared *run(const QString &sql, const QVariantList &params, Error *err);

    DbLocation m_loc;
    QString m_connName;
    std::unique_ptr<SqliteConnection> m_lite; // the embedded default, on SQLite's C API
    std::unique_ptr<QSqlDatabase> m_db;       // PostgreSQL through QtSql, which stays out of every header above storage/
    QHash<QString, Prepared> m_cache;
    WriteTx *m_tx = nullptr;
    std::unique_ptr<WriteTx> m_group; // the open group transaction, if any
    std::unique_ptr<WriteTx> m_held;  // the held write, if any
    qint64 m_staged = 0, m_unstaged = 0; // its outbox rows parked (PostgreSQL), and of those copied to the outbox
    std::unique_ptr<Database> m_reader;
    std::vector<std::pair<QPointer<QObject>, std::function<void()>>> m_writableWaiters;
    std::vector<std::function<void(bool)>> m_groupCallbacks;
    bool m_grouping = false;
    std::function<void()> m_commitHook;
    qint64 m_changes = 0; // PostgreSQL; SQLite counts its own
};

} // namespace ery::storage
