#include "sqliteconnection.h"

#include "core/jsontext.h"

#include <QDateTime>

#include <sqlite3.h>

namespace ery::storage {

namespace {
// Statements are cached by their text; queries with many shapes (filters) must not grow it forever.
constexpr int kMaxCachedStatements = 512;
} // namespace

SqliteConnection::~SqliteConnection()
{
    if (m_checkpointer.joinable()) {
        {
            std::lock_guard lock(m_ckMutex);
            m_ckStop = true;
        }
        m_ckWake.notify_one();
        m_checkpointer.join();
    }
    for (auto &s : m_cache)
        sqlite3_finalize(s.stmt);
    m_cache.clear();
    if (m_db)
        sqlite3_close_v2(m_db);
}

void SqliteConnection::fail(Failure *f, int rc) const
{
    if (!f)
        return;
    f->code = m_db ? sqlite3_extended_errcode(m_db) : rc;
    if (f->code == SQLITE_OK)
        f->code = rc;
    f->message = QString::fromUtf8(m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc));
}

bool SqliteConnection::open(const QString &path, Failure *f)
{
    const QByteArray p = path.toUtf8();
    // NOMUTEX: a connection belongs to one thread (ARCHITECTURE.md §5), so SQLite's own locking is waste.
    const int rc = sqlite3_open_v2(p.constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        fail(f, rc);
        return false;
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, 10000);
    m_path = p;
    return true;
}

int SqliteConnection::walHook(void *self, sqlite3 *db, const char *, int frames)
{
    auto *c = static_cast<SqliteConnection *>(self);
    const int behind = frames - c->m_ckBackfilled.load(std::memory_order_relaxed);
    // The writer completes the checkpoint right after a background pass, when little is left to copy,
    // or, should the background fall behind, once the WAL is twice the size. Not when the background
    // still has a whole large transaction to copy (a 100,000-row import leaves 10,000s of frames at
    // once): copying that here would stop the thread for seconds, so that waits for the background.
    const bool backgroundBusy = c->m_ckAlive.load(std::memory_order_relaxed) && behind > kWriterCheckpointFrames / 4;
    if (frames >= kWriterCheckpointFrames &&
        (behind <= kCheckpointFrames / 4 || (frames >= 2 * kWriterCheckpointFrames && !backgroundBusy))) {
        // Never waits: while the background copy runs this returns BUSY and the next commit tries.
        sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        c->m_ckSignalledAt = 0;
        return SQLITE_OK;
    }
    if (frames < c->m_ckSignalledAt)
        c->m_ckSignalledAt = 0; // the WAL started over
    if (frames >= c->m_ckSignalledAt + kCheckpointFrames) {
        c->m_ckSignalledAt = frames;
        {
            std::lock_guard lock(c->m_ckMutex);
            c->m_ckDue = true;
        }
        c->m_ckWake.notify_one();
    }
    return SQLITE_OK;
}

void SqliteConnection::startCheckpointer()
{
    if (m_checkpointer.joinable() || !m_db)
        return;
    // Replaces the automatic checkpoint, which would run on this thread after a commit.
    sqlite3_wal_hook(m_db, &SqliteConnection::walHook, this);
    m_checkpointer = std::thread([this, path = m_path] { checkpointLoop(path); });
}

void SqliteConnection::checkpointLoop(QByteArray path)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        sqlite3_close_v2(db);
        return; // the writer still checkpoints at twice kWriterCheckpointFrames
    }
    sqlite3_busy_timeout(db, 1000);
    m_ckAlive.store(true, std::memory_order_relaxed);
    // A connection learns that the file is in WAL mode from its first read.
    sqlite3_exec(db, "SELECT 1 FROM sqlite_master LIMIT 1", nullptr, nullptr, nullptr);
    std::unique_lock lock(m_ckMutex);
    while (!m_ckStop) {
        // Also now and then without a signal: commits by other processes grow the WAL as well.
        m_ckWake.wait_for(lock, std::chrono::seconds(2), [this] { return m_ckDue || m_ckStop; });
        if (m_ckStop)
            break;
        m_ckDue = false;
        lock.unlock();
        // PASSIVE: copies what it can without waiting for readers or blocking the writer.
        int log = 0, copied = 0;
        const int rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, &log, &copied);
        m_ckBackfilled.store(rc == SQLITE_OK ? copied : 0, std::memory_order_relaxed);
        lock.lock();
    }
    lock.unlock();
    sqlite3_close_v2(db);
}

SqliteConnection::Statement *SqliteConnection::prepare(const QString &sql, Failure *f)
{
    auto it = m_cache.find(sql);
    if (it != m_cache.end())
        return &*it;
    if (m_cache.size() >= kMaxCachedStatements) {
        for (auto &s : m_cache)
            sqlite3_finalize(s.stmt);
        m_cache.clear();
    }
    const QByteArray text = sql.toUtf8();
    Statement s;
    const int rc = sqlite3_prepare_v3(m_db, text.constData(), int(text.size()), SQLITE_PREPARE_PERSISTENT, &s.stmt, nullptr);
    if (rc != SQLITE_OK) {
        fail(f, rc);
        sqlite3_finalize(s.stmt);
        return nullptr;
    }
    return &*m_cache.insert(sql, std::move(s));
}

bool SqliteConnection::bind(Statement *s, const QVariantList &params, Failure *f)
{
    m_texts.clear();
    const int expected = sqlite3_bind_parameter_count(s->stmt);
    if (params.size() != expected) {
        if (f) {
            f->code = SQLITE_RANGE;
            f->message = QStringLiteral("%1 parameters bound, the statement takes %2").arg(params.size()).arg(expected);
        }
        return false;
    }
    for (int i = 0; i < params.size(); ++i) {
        const QVariant &v = params[i];
        const int at = i + 1;
        int rc = SQLITE_OK;
        // A null QString binds NULL, as QtSql's drivers do; callers rely on it for optional text.
        switch (v.typeId()) {
        case QMetaType::UnknownType:
        case QMetaType::Nullptr: rc = sqlite3_bind_null(s->stmt, at); break;
        case QMetaType::Bool: rc = sqlite3_bind_int64(s->stmt, at, v.toBool() ? 1 : 0); break;
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::Short:
        case QMetaType::UShort:
        case QMetaType::Long: rc = v.isNull() ? sqlite3_bind_null(s->stmt, at) : sqlite3_bind_int64(s->stmt, at, v.toLongLong()); break;
        case QMetaType::ULongLong:
        case QMetaType::ULong: rc = sqlite3_bind_int64(s->stmt, at, qint64(v.toULongLong())); break;
        case QMetaType::Double:
        case QMetaType::Float: rc = sqlite3_bind_double(s->stmt, at, v.toDouble()); break;
        case QMetaType::QByteArray: {
            const QByteArray &b = *static_cast<const QByteArray *>(v.constData());
            if (b.isNull()) {
                rc = sqlite3_bind_null(s->stmt, at);
            } else {
                m_texts.push_back(b);
                rc = sqlite3_bind_blob(s->stmt, at, m_texts.back().constData(), int(b.size()), SQLITE_STATIC);
            }
            break;
        }
        case QMetaType::QDateTime: {
            const QDateTime d = v.toDateTime();
            if (!d.isValid()) {
                rc = sqlite3_bind_null(s->stmt, at);
            } else {
                m_texts.push_back(d.toUTC().toString(Qt::ISODateWithMs).toUtf8());
                rc = sqlite3_bind_text(s->stmt, at, m_texts.back().constData(), int(m_texts.back().size()), SQLITE_STATIC);
            }
            break;
        }
        case QMetaType::QString: {
            const QString &str = *static_cast<const QString *>(v.constData());
            if (str.isNull()) {
                rc = sqlite3_bind_null(s->stmt, at);
                break;
            }
            m_texts.push_back(str.toUtf8());
            rc = sqlite3_bind_text(s->stmt, at, m_texts.back().constData(), int(m_texts.back().size()), SQLITE_STATIC);
            break;
        }
        default:
            if (v.isNull()) {
                rc = sqlite3_bind_null(s->stmt, at);
            } else {
                m_texts.push_back(v.toString().toUtf8());
                rc = sqlite3_bind_text(s->stmt, at, m_texts.back().constData(), int(m_texts.back().size()), SQLITE_STATIC);
            }
        }
        if (rc != SQLITE_OK) {
            fail(f, rc);
            return false;
        }
    }
    return true;
}

void SqliteConnection::describe(Statement *s, KindOf kindOf)
{
    // Read per execution: a `SELECT *` statement is re-prepared by SQLite after a schema change.
    const int n = sqlite3_column_count(s->stmt);
    if (n == s->columnCount)
        return;
    s->columnCount = n;
    s->names.clear();
    s->keys.clear();
    s->kinds.clear();
    s->uniqueNames = true;
    for (int i = 0; i < n; ++i) {
        const char *name = sqlite3_column_name(s->stmt, i);
        std::string col = name ? name : "";
        for (const auto &seen : s->names)
            if (seen == col)
                s->uniqueNames = false;
        std::string key;
        appendJsonString(key, col);
        key += ':';
        s->keys.push_back(std::move(key));
        s->kinds.push_back(kindOf ? kindOf(col) : 0);
        s->names.push_back(std::move(col));
    }
}

void SqliteConnection::finish(Statement *s)
{
    sqlite3_reset(s->stmt);
    sqlite3_clear_bindings(s->stmt);
    m_texts.clear();
}

namespace {

// Column kinds as Database::ColumnKind: 0 plain, 1 boolean stored as 0/1, 2 JSON text. Values are
// read through sqlite3_column_value once per column: the sqlite3_column_* accessors each repeat the
// statement's bookkeeping, and the connection is single-threaded, so the value may be used directly.
Json value(sqlite3_stmt *stmt, int i, int kind)
{
    sqlite3_value *v = sqlite3_column_value(stmt, i);
    switch (sqlite3_value_type(v)) {
    case SQLITE_NULL: return nullptr;
    case SQLITE_INTEGER: {
        const sqlite3_int64 n = sqlite3_value_int64(v);
        if (kind == 1)
            return n != 0;
        return qint64(n);
    }
    case SQLITE_FLOAT:
        if (kind == 1)
            return sqlite3_value_double(v) != 0;
        return sqlite3_value_double(v);
    default: {
        const char *text = reinterpret_cast<const char *>(sqlite3_value_text(v));
        const int n = sqlite3_value_bytes(v);
        if (kind == 2) {
            Json j = Json::parse(text, text + n, nullptr, false);
            return j.is_discarded() ? Json(nullptr) : j;
        }
        if (kind == 1)
            return QByteArray(text, n).toLongLong() != 0;
        return std::string(text ? text : "", size_t(n));
    }
    }
}

void renderValue(std::string &out, sqlite3_stmt *stmt, int i, int kind)
{
    sqlite3_value *v = sqlite3_column_value(stmt, i);
    switch (sqlite3_value_type(v)) {
    case SQLITE_NULL: out.append("null", 4); return;
    case SQLITE_INTEGER: {
        const sqlite3_int64 n = sqlite3_value_int64(v);
        if (kind == 1)
            n != 0 ? out.append("true", 4) : out.append("false", 5);
        else
            appendJsonInt(out, n);
        return;
    }
    case SQLITE_FLOAT:
        if (kind == 1)
            sqlite3_value_double(v) != 0 ? out.append("true", 4) : out.append("false", 5);
        else
            appendJsonDouble(out, sqlite3_value_double(v));
        return;
    default: {
        const char *text = reinterpret_cast<const char *>(sqlite3_value_text(v));
        const size_t n = size_t(sqlite3_value_bytes(v));
        if (kind == 2) {
            // Stored JSON goes out as it is once it is known to be JSON; anything else reads as null.
            if (n && Json::accept(text, text + n))
                out.append(text, n);
            else
                out.append("null", 4);
            return;
        }
        if (kind == 1) {
            QByteArray(text, int(n)).toLongLong() != 0 ? out.append("true", 4) : out.append("false", 5);
            return;
        }
        appendJsonString(out, text ? text : "", n);
    }
    }
}

} // namespace

bool SqliteConnection::query(const QString &sql, const QVariantList &params, std::vector<Json> *rows, KindOf kindOf, Failure *f)
{
    Statement *s = prepare(sql, f);
    if (!s || !bind(s, params, f)) {
        if (s)
            finish(s);
        return false;
    }
    int rc;
    bool described = false;
    while ((rc = sqlite3_step(s->stmt)) == SQLITE_ROW) {
        if (!rows)
            continue;
        if (!described) {
            describe(s, kindOf);
            described = true;
        }
        const int n = s->columnCount;
        Json row = Json::object();
        if (s->uniqueNames) {
            // Distinct names: append instead of ordered_json's linear key search per column.
            auto &obj = row.get_ref<Json::object_t &>();
            obj.reserve(size_t(n));
            for (int i = 0; i < n; ++i)
                obj.emplace_back(s->names[size_t(i)], value(s->stmt, i, s->kinds[size_t(i)]));
        } else {
            for (int i = 0; i < n; ++i)
                row[s->names[size_t(i)]] = value(s->stmt, i, s->kinds[size_t(i)]);
        }
        rows->push_back(std::move(row));
    }
    if (rc != SQLITE_DONE) {
        fail(f, rc);
        finish(s);
        return false;
    }
    finish(s);
    return true;
}

bool SqliteConnection::exec(const QString &sql, const QVariantList &params, int *rowsAffected, Failure *f)
{
    if (!query(sql, params, nullptr, nullptr, f))
        return false;
    if (rowsAffected)
        *rowsAffected = sqlite3_changes(m_db);
    return true;
}

bool SqliteConnection::render(const QString &sql, const QVariantList &params, std::string &out, qint64 *count, KindOf kindOf, Failure *f)
{
    Statement *s = prepare(sql, f);
    if (!s || !bind(s, params, f)) {
        if (s)
            finish(s);
        return false;
    }
    qint64 n = 0;
    int rc;
    out.reserve(out.size() + 64 * 1024);
    while ((rc = sqlite3_step(s->stmt)) == SQLITE_ROW) {
        if (n == 0)
            describe(s, kindOf);
        if (n)
            out += ',';
        out += '{';
        for (int i = 0; i < s->columnCount; ++i) {
            if (i)
                out += ',';
            out += s->keys[size_t(i)];
            renderValue(out, s->stmt, i, s->kinds[size_t(i)]);
        }
        out += '}';
        ++n;
    }
    if (rc != SQLITE_DONE) {
        fail(f, rc);
        finish(s);
        return false;
    }
    finish(s);
    if (count)
        *count = n;
    return true;
}

qint64 SqliteConnection::totalChanges() const
{
    return m_db ? qint64(sqlite3_total_changes64(m_db)) : 0;
}

bool SqliteConnection::script(const QString &sql, Failure *f)
{
    char *err = nullptr;
    const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        if (f) {
            f->code = sqlite3_extended_errcode(m_db);
            f->message = QString::fromUtf8(err ? err : sqlite3_errstr(rc));
        }
        sqlite3_free(err);
        return false;
    }
    return true;
}

} // namespace ery::storage
