#include "database.h"

#include "core/ids.h"
#include "core/jsonutil.h"
#include "core/jsontext.h"
#include "migrations.h"
#include "sqliteconnection.h"

#include <QAtomicInt>
#include <QFileInfo>
#include <QDir>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThread>
#include <QUrl>

#include <cstring>

Q_LOGGING_CATEGORY(lcDb, "eryxon.db")

namespace ery::storage {

namespace {

// Columns stored as 0/1 integers that the engine presents as booleans. Column names mean the
// same thing in every table, so one list serves the whole schema.
const QSet<QString> &boolColumns()
{
    static const QSet<QString> s{"active",
                                 "is_machine",
                                 "is_bullet_card",
                                 "enforce_wip_limit",
                                 "show_capacity_warning",
                                 "is_paused",
                                 "is_global",
                                 "causes_standstill",
                                 "verification_required",
                                 "read",
                                 "pinned",
                                 "dismissed",
                                 "use_tls",
                                 "enabled",
                                 "success",
                                 "is_sandbox",
                                 "auto_stop_tracking",
                                 "allow_loopback_webhooks",
                                 "enforce_wip_limits",
                                 "integrations_paused",
                                 "retain",
                                 "cell_state_topics"};
    return s;
}

// Columns holding JSON text.
const QSet<QString> &jsonColumns()
{
    static const QSet<QString> s{"metadata", "nesting_metadata", "feature_flags", "file_paths", "image_paths",
                                 "changes",  "events",           "allowed_tools", "payload",    "errors"};
    return s;
}

QAtomicInt g_connCounter;

int liteKind(const std::string &column)
{
    return int(Database::columnKind(QString::fromStdString(column)));
}

} // namespace

QString DbLocation::display() const
{
    if (!postgres)
        return path;
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(dbName);
}

Result<DbLocation> DbLocation::parse(const QString &url)
{
    DbLocation loc;
    if (url.startsWith(QLatin1String("postgresql://")) || url.startsWith(QLatin1String("postgres://"))) {
        QUrl u(url);
        if (!u.isValid() || u.host().isEmpty())
            return Error::badRequest(QStringLiteral("invalid PostgreSQL URL: %1").arg(u.toString(QUrl::RemovePassword)));
        loc.postgres = true;
        loc.host = u.host();
        loc.port = u.port(5432);
        loc.user = u.userName();
        loc.password = u.password();
        loc.dbName = u.path().mid(1);
        if (loc.dbName.isEmpty())
            return Error::badRequest(QStringLiteral("PostgreSQL URL names no database"));
        return loc;
    }
    QString path = url;
    if (path.startsWith(QLatin1String("sqlite://")))
        path = path.mid(9);
    if (path.isEmpty())
        return Error::badRequest(QStringLiteral("empty database path"));
    loc.path = path;
    return loc;
}

Database::~Database()
{
    m_grouping = false;
    (void)flushGroup();
    if (m_held) {
        m_held.reset();
        rollback();
    }
    m_reader.reset();
    for (const auto &p : std::as_const(m_cache))
        delete p.query;
    m_cache.clear();
    m_lite.reset();
    if (m_db) {
        m_db->close();
        m_db.reset();
    }
    if (!m_connName.isEmpty())
        QSqlDatabase::removeDatabase(m_connName);
}

Result<std::unique_ptr<Database>> Database::open(const QString &url)
{
    auto loc = DbLocation::parse(url);
    if (!loc)
        return loc.error();
    return open(*loc);
}

Result<std::unique_ptr<Database>> Database::open(const DbLocation &loc)
{
    return openConnection(loc, false);
}

Result<std::unique_ptr<Database>> Database::openConnection(const DbLocation &loc, bool reader)
{
    std::unique_ptr<Database> d(new Database);
    d->m_loc = loc;
    if (!loc.postgres) {
        QFileInfo fi(loc.path);
        if (!fi.absoluteDir().exists() && !QDir().mkpath(fi.absolutePath()))
            return Error::internal(QStringLiteral("cannot create directory %1").arg(fi.absolutePath()));
        d->m_lite = std::make_unique<SqliteConnection>();
        SqliteConnection::Failure f;
        if (!d->m_lite->open(loc.path, &f))
            return Error::internal(QStringLiteral("cannot open database %1: %2").arg(loc.display(), f.message));
        // WAL lets readers in other processes (a second terminal, the CLI) run beside the writer.
        if (!d->m_lite->script(QStringLiteral("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
                                              "PRAGMA busy_timeout=10000; PRAGMA cache_size=-32000; PRAGMA temp_store=MEMORY"),
                               &f))
            return Error::internal(QStringLiteral("cannot set up database %1: %2").arg(loc.display(), f.message));
        if (reader) {
            if (!d->m_lite->script(QStringLiteral("PRAGMA query_only=ON"), &f))
                return Error::internal(QStringLiteral("cannot set up database %1: %2").arg(loc.display(), f.message));
        } else {
            d->m_lite->startCheckpointer();
        }
        return d;
    }
    d->m_connName = QStringLiteral("eryxon-%1").arg(g_connCounter.fetchAndAddRelaxed(1));
    d->m_db = std::make_unique<QSqlDatabase>(QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), d->m_connName));
    d->m_db->setHostName(loc.host);
    d->m_db->setPort(loc.port);
    d->m_db->setUserName(loc.user);
    d->m_db->setPassword(loc.password);
    d->m_db->setDatabaseName(loc.dbName);
    d->m_db->setConnectOptions(QStringLiteral("connect_timeout=10"));
    if (!d->m_db->isValid())
        return Error::internal(QStringLiteral("the Qt SQL driver for PostgreSQL is not installed"));
    if (!d->m_db->open())
        return Error::internal(QStringLiteral("cannot open database %1: %2").arg(loc.display(), d->m_db->lastError().text()));
    QSqlQuery q(*d->m_db);
    q.exec(QStringLiteral("SET client_min_messages TO WARNING"));
    return d;
}

Error Database::mapSqlError(const QString &sql, const QString &driverText, const QString &nativeCode)
{
    // Unique violations are the caller's conflict (duplicate job_number), never a 500.
    if (nativeCode == QLatin1String("23505") || nativeCode == QLatin1String("2067") || nativeCode == QLatin1String("1555") ||
        driverText.contains(QLatin1String("UNIQUE constraint failed"))) {
        // The columns of the clashing key, without tenant_id: SQLite says "UNIQUE constraint failed:
        // jobs.tenant_id, jobs.job_number", PostgreSQL "DETAIL: Key (tenant_id, job_number)=(…) already
        // exists". The table's insert and update add the values the caller sent (details.fields).
        QStringList columns;
        static const QRegularExpression lite(QStringLiteral(R"re(UNIQUE constraint failed: ([\w., ]+))re"));
        static const QRegularExpression pg(QStringLiteral(R"re(Key \(([\w, ]+)\)=)re"));
        if (auto m = lite.match(driverText); m.hasMatch()) {
            for (QString c : m.captured(1).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                c = c.trimmed();
                columns << c.mid(c.lastIndexOf(QLatin1Char('.')) + 1);
            }
        } else if (auto m2 = pg.match(driverText); m2.hasMatch()) {
            for (const QString &c : m2.captured(1).split(QLatin1Char(','), Qt::SkipEmptyParts))
                columns << c.trimmed();
        }
        columns.removeAll(QStringLiteral("tenant_id"));
        if (columns.isEmpty())
            return Error::conflict(QStringLiteral("A record with the same unique value already exists"));
        Error e = Error::conflict(QStringLiteral("A record with the same %1 already exists").arg(columns.join(QStringLiteral(" and "))));
        Json fields = Json::array();
        for (const QString &c : columns)
            fields.push_back(c.toStdString());
        e.details = Json{{"fields", fields}};
        return e;
    }
    if (nativeCode == QLatin1String("23503") || nativeCode == QLatin1String("787") || driverText.contains(QLatin1String("FOREIGN KEY")))
        return Error{ErrorCode::ValidationError, QStringLiteral("A referenced record does not exist or is still in use"), nullptr};
    if (nativeCode == QLatin1String("23514") || nativeCode == QLatin1String("275") ||
        driverText.contains(QLatin1String("CHECK constraint")))
        return Error{ErrorCode::ValidationError, QStringLiteral("A value is outside its allowed range"), nullptr};
    // The services check nullability and ranges before writing (Table::checkNotNull, Field limits);
    // these are the backstop for a path that does not, still the caller's 422 and not a 500.
    if (nativeCode == QLatin1String("23502") || nativeCode == QLatin1String("1299") ||
        driverText.contains(QLatin1String("NOT NULL constraint")) || driverText.contains(QLatin1String("violates not-null constraint"))) {
        // SQLite: "NOT NULL constraint failed: jobs.job_number"; PostgreSQL: null value in column "job_number" …
        static const QRegularExpression column(QStringLiteral(R"re(constraint failed: \w+\.(\w+)|column "(\w+)")re"));
        const auto m = column.match(driverText);
        const QString field = m.hasMatch() ? (m.captured(1).isEmpty() ? m.captured(2) : m.captured(1)) : QString();
        Validation v;
        v.add(field.isEmpty() ? std::string("body") : field.toStdString(),
              QStringLiteral("%1 cannot be null").arg(field.isEmpty() ? QStringLiteral("A required value") : field), nullptr, "not_null");
        return v.error();
    }
    if (nativeCode == QLatin1String("22003") || nativeCode == QLatin1String("22021") || nativeCode == QLatin1String("22001") ||
        nativeCode == QLatin1String("22P02") || nativeCode == QLatin1String("22P05"))
        return Error{ErrorCode::ValidationError, QStringLiteral("A value cannot be stored (out of range or invalid text)"), nullptr};
    qCWarning(lcDb) << "SQL error" << nativeCode << driverText << "in" << sql.left(200);
    return Error::internal(QStringLiteral("database error"));
}

Database::Prepared *Database::prepared(const QString &sql, Error *err)
{
    auto it = m_cache.find(sql);
    if (it != m_cache.end())
        return &*it;
    auto *q = new QSqlQuery(*m_db);
    q->setForwardOnly(true);
    if (!q->prepare(sql)) {
        *err = mapSqlError(sql, q->lastError().text(), q->lastError().nativeErrorCode());
        delete q;
        return nullptr;
    }
    return &*m_cache.insert(sql, Prepared{q, {}, false});
}

Database::ColumnKind Database::columnKind(const QString &column)
{
    if (boolColumns().contains(column))
        return ColumnKind::Bool;
    if (jsonColumns().contains(column))
        return ColumnKind::JsonText;
    return ColumnKind::Plain;
}

Json Database::toJsonValue(const QString &column, const QVariant &v)
{
    return toJsonValue(columnKind(column), v);
}

Json Database::toJsonValue(ColumnKind kind, const QVariant &v)
{
    if (v.isNull())
        return nullptr;
    if (kind == ColumnKind::Bool)
        return v.toLongLong() != 0;
    if (kind == ColumnKind::JsonText) {
        const QByteArray text = v.toString().toUtf8();
        Json j = Json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
        return j.is_discarded() ? Json(nullptr) : j;
    }
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
    case QMetaType::Short: return v.toLongLong();
    case QMetaType::Double:
    case QMetaType::Float: return v.toDouble();
    case QMetaType::Bool: return v.toBool();
    default: return v.toString().toStdString();
    }
}

QString Database::insertStatement(const QString &table, const Row &row, QVariantList &params)
{
    QStringList cols, marks;
    for (auto it = row.begin(); it != row.end(); ++it) {
        cols << QString::fromStdString(it.key());
        marks << QStringLiteral("?");
        params << toVariant(it.value());
    }
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(table, cols.join(QLatin1Char(',')), marks.join(QLatin1Char(',')));
}

QVariant Database::toVariant(const Json &v)
{
    switch (v.type()) {
    case Json::value_t::null:
    case Json::value_t::discarded: return QVariant();
    case Json::value_t::boolean: return QVariant(qint64(v.get<bool>() ? 1 : 0));
    case Json::value_t::number_integer: return QVariant(qint64(v.get<qint64>()));
    case Json::value_t::number_unsigned: return QVariant(qint64(v.get<quint64>()));
    case Json::value_t::number_float: return QVariant(v.get<double>());
    case Json::value_t::string: return QVariant(QString::fromStdString(v.get<std::string>()));
    default: return QVariant(QString::fromStdString(v.dump()));
    }
}

Database::Prepared *Database::run(const QString &sql, const QVariantList &params, Error *err)
{
    Prepared *p = prepared(sql, err);
    if (!p)
        return nullptr;
    QSqlQuery *q = p->query;
    for (int i = 0; i < params.size(); ++i)
        q->bindValue(i, params[i]);
    if (!q->exec()) {
        *err = mapSqlError(sql, q->lastError().text(), q->lastError().nativeErrorCode());
        q->finish();
        return nullptr;
    }
    return p;
}

Result<Rows> Database::query(const QString &sql, const QVariantList &params)
{
    if (m_held && !m_tx) {
        auto r = reader();
        if (!r)
            return r.error();
        if (*r)
            return (*r)->query(sql, params);
    }
    if (m_lite) {
        Rows rows;
        SqliteConnection::Failure f;
        if (!m_lite->query(sql, params, &rows, &liteKind, &f))
            return mapSqlError(sql, f.message, QString::number(f.code));
        return rows;
    }
    Error err;
    Prepared *p = run(sql, params, &err);
    if (!p)
        return err;
    QSqlQuery *q = p->query;
    // An INSERT … RETURNING is a write too: changes() must see it. Forward-only queries are read in
    // single-row mode, where the driver cannot tell the rows affected: those of a RETURNING are counted.
    const QStringView head = QStringView(sql).left(7);
    const bool writes = !head.startsWith(u"SELECT", Qt::CaseInsensitive) && !head.startsWith(u"WITH", Qt::CaseInsensitive);
    if (writes && !q->isSelect())
        m_changes += std::max(0, q->numRowsAffected());
    Rows rows;
    if (q->isSelect()) {
        if (!p->columnsKnown) {
            const QSqlRecord rec = q->record();
            for (int i = 0; i < rec.count(); ++i)
                p->columns.emplace_back(rec.fieldName(i).toStdString(), int(columnKind(rec.fieldName(i))));
            for (size_t i = 0; i < p->columns.size() && p->uniqueColumns; ++i)
                for (size_t j = i + 1; j < p->columns.size(); ++j)
                    if (p->columns[i].first == p->columns[j].first)
                        p->uniqueColumns = false;
            p->columnsKnown = true;
        }
        const auto &cols = p->columns;
        const int n = int(cols.size());
        while (q->next()) {
            Json row = Json::object();
            if (p->uniqueColumns) {
                // ordered_json's operator[] searches the keys linearly: with distinct column names
                // appending is the same row at a fraction of the cost (wide tables, long lists).
                auto &obj = row.get_ref<Json::object_t &>();
                obj.reserve(size_t(n));
                for (int i = 0; i < n; ++i)
                    obj.emplace_back(cols[size_t(i)].first, toJsonValue(ColumnKind(cols[size_t(i)].second), q->value(i)));
            } else {
                for (int i = 0; i < n; ++i)
                    row[cols[size_t(i)].first] = toJsonValue(ColumnKind(cols[size_t(i)].second), q->value(i));
            }
            rows.push_back(std::move(row));
        }
        if (writes)
            m_changes += qint64(rows.size());
    }
    q->finish();
    return rows;
}

Status Database::exec(const QString &sql, const QVariantList &params, int *rowsAffected)
{
    if (m_lite) {
        SqliteConnection::Failure f;
        if (!m_lite->exec(sql, params, rowsAffected, &f))
            return mapSqlError(sql, f.message, QString::number(f.code));
        return {};
    }
    Error err;
    Prepared *p = run(sql, params, &err);
    if (!p)
        return err;
    QSqlQuery *q = p->query;
    const int affected = q->numRowsAffected();
    if (rowsAffected)
        *rowsAffected = affected;
    if (!q->isSelect() && affected > 0)
        m_changes += affected;
    q->finish();
    return {};
}

qint64 Database::changes() const
{
    return m_lite ? m_lite->totalChanges() : m_changes;
}

Status Database::execDirect(const QString &sql)
{
    if (m_lite) {
        SqliteConnection::Failure f;
        if (!m_lite->script(sql, &f))
            return mapSqlError(sql, f.message, QString::number(f.code));
        return {};
    }
    QSqlQuery q(*m_db);
    if (!q.exec(sql))
        return mapSqlError(sql, q.lastError().text(), q.lastError().nativeErrorCode());
    return {};
}

Result<qint64> Database::scalar(const QString &sql, const QVariantList &params)
{
    auto rows = query(sql, params);
    if (!rows)
        return rows.error();
    if (rows->empty() || rows->front().empty())
        return qint64(0);
    const Json &v = rows->front().begin().value();
    if (v.is_number())
        return v.get<qint64>();
    if (v.is_string())
        return QString::fromStdString(v.get<std::string>()).toLongLong();
    return qint64(0);
}

Result<qint64> Database::render(const QString &sql, const QVariantList &params, std::string &out)
{
    if (m_held && !m_tx) {
        auto r = reader();
        if (!r)
            return r.error();
        if (*r)
            return (*r)->render(sql, params, out);
    }
    if (m_lite) {
        qint64 n = 0;
        SqliteConnection::Failure f;
        if (!m_lite->render(sql, params, out, &n, &liteKind, &f))
            return mapSqlError(sql, f.message, QString::number(f.code));
        return n;
    }
    auto rows = query(sql, params);
    if (!rows)
        return rows.error();
    for (size_t i = 0; i < rows->size(); ++i) {
        if (i)
            out += ',';
        out += jsonText((*rows)[i]);
    }
    return qint64(rows->size());
}

Status Database::begin()
{
    if (m_lite) {
        if (auto s = exec(QStringLiteral("BEGIN IMMEDIATE")); !s)
            return Error::internal(QStringLiteral("cannot start a transaction: %1").arg(s.error().message));
        return {};
    }
    // BEGIN IMMEDIATE takes SQLite's write lock up front, so two writers queue on busy_timeout
    // instead of failing with SQLITE_BUSY when a read transaction tries to upgrade.
    QSqlQuery q(*m_db);
    const QString sql = isPostgres() ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE");
    if (!q.exec(sql))
        return Error::internal(QStringLiteral("cannot start a transaction: %1").arg(q.lastError().text()));
    return {};
}

void Database::rollback()
{
    if (m_lite) {
        (void)exec(QStringLiteral("ROLLBACK"));
        return;
    }
    QSqlQuery q(*m_db);
    q.exec(QStringLiteral("ROLLBACK"));
}

namespace {
constexpr const char *kOutboxColumns = "event_id, tenant_id, kind, topic, entity_id, payload, occurred_at";
}

Status Database::insertOutbox(WriteTx &tx, size_t max)
{
    auto &drafts = tx.drafts();
    const size_t count = std::min(max, drafts.size());
    if (count == 0)
        return {};
    // On PostgreSQL concurrent transactions could commit outbox ids out of order; serialising
    // the short insert-and-commit window keeps id order equal to commit order, which the
    // dispatcher's cursor relies on. SQLite writers are serialised already.
    if (isPostgres())
        ERY_TRY(exec(QStringLiteral("SELECT pg_advisory_xact_lock(7702001)")));
    // Multi-row INSERTs: one statement per 16 rows instead of one per row.
    constexpr size_t kChunk = 16;
    for (size_t start = 0; start < count; start += kChunk) {
        const size_t n = std::min(kChunk, count - start);
        QString sql = QStringLiteral("INSERT INTO outbox (%1) VALUES ").arg(QLatin1String(kOutboxColumns));
        for (size_t i = 0; i < n; ++i)
            sql += i ? QStringLiteral(",(?,?,?,?,?,?,?)") : QStringLiteral("(?,?,?,?,?,?,?)");
        QVariantList params;
        params.reserve(int(n * 7));
        for (size_t i = start; i < start + n; ++i) {
            const auto &d = drafts[i];
            params << d.eventId << d.tenantId << d.kind << d.topic << (d.entityId.isEmpty() ? QVariant() : QVariant(d.entityId))
                   << QString::fromStdString(d.payload) << d.occurredAt;
        }
        ERY_TRY(exec(sql, params));
    }
    drafts.erase(drafts.begin(), drafts.begin() + qsizetype(count));
    tx.m_wroteOutbox = true;
    return {};
}

Status Database::stageOutbox(WriteTx &tx)
{
    auto &drafts = tx.drafts();
    if (drafts.empty())
        return {};
    // Dropped with the transaction's end, whichever it is.
    if (m_staged == 0)
        ERY_TRY(execDirect(QStringLiteral("CREATE TEMPORARY TABLE IF NOT EXISTS eryxon_held_outbox (seq BIGINT PRIMARY KEY, "
                                          "event_id TEXT NOT NULL, tenant_id TEXT NOT NULL, kind TEXT NOT NULL, topic TEXT NOT NULL, "
                                          "entity_id TEXT, payload TEXT NOT NULL, occurred_at TEXT NOT NULL) ON COMMIT DROP")));
    constexpr size_t kChunk = 16;
    for (size_t start = 0; start < drafts.size(); start += kChunk) {
        const size_t n = std::min(kChunk, drafts.size() - start);
        QString sql = QStringLiteral("INSERT INTO eryxon_held_outbox (seq, %1) VALUES ").arg(QLatin1String(kOutboxColumns));
        for (size_t i = 0; i < n; ++i)
            sql += i ? QStringLiteral(",(?,?,?,?,?,?,?,?)") : QStringLiteral("(?,?,?,?,?,?,?,?)");
        QVariantList params;
        params.reserve(int(n * 8));
        for (size_t i = start; i < start + n; ++i) {
            const auto &d = drafts[i];
            params << m_staged++ << d.eventId << d.tenantId << d.kind << d.topic
                   << (d.entityId.isEmpty() ? QVariant() : QVariant(d.entityId)) << QString::fromStdString(d.payload) << d.occurredAt;
        }
        ERY_TRY(exec(sql, params));
    }
    drafts.clear();
    return {};
}

Status Database::unstageOutbox(WriteTx &tx, size_t max)
{
    const qint64 n = std::min<qint64>(qint64(max), m_staged - m_unstaged);
    if (n <= 0)
        return {};
    ERY_TRY(exec(QStringLiteral("SELECT pg_advisory_xact_lock(7702001)")));
    // In the order they were emitted: ids are drawn as the SELECT's ordered rows are inserted.
    ERY_TRY(exec(QStringLiteral("INSERT INTO outbox (%1) SELECT %1 FROM eryxon_held_outbox WHERE seq >= ? AND seq < ? ORDER BY seq")
                     .arg(QLatin1String(kOutboxColumns)),
                 {m_unstaged, m_unstaged + n}));
    m_unstaged += n;
    tx.m_wroteOutbox = true;
    return {};
}

Status Database::commit(WriteTx &tx)
{
    if (auto s = insertOutbox(tx, tx.drafts().size()); !s) {
        rollback();
        return s;
    }
    if (m_lite) {
        if (auto s = exec(QStringLiteral("COMMIT")); !s) {
            rollback();
            return Error::internal(QStringLiteral("commit failed: %1").arg(s.error().message));
        }
    } else {
        QSqlQuery q(*m_db);
        if (!q.exec(QStringLiteral("COMMIT"))) {
            const QString text = q.lastError().text();
            rollback();
            return Error::internal(QStringLiteral("commit failed: %1").arg(text));
        }
    }
    if (tx.wroteOutbox() && m_commitHook)
        m_commitHook();
    return {};
}

Error Database::heldError()
{
    return {ErrorCode::ServiceUnavailable, QStringLiteral("A long write (an import) is in progress; retry in a moment"), nullptr};
}

Result<Database *> Database::reader()
{
    // An in-memory database has no second connection: its reads stay on this one.
    if (!m_loc.postgres && (m_loc.path == QLatin1String(":memory:") || m_loc.path.startsWith(QLatin1String("file::memory:"))))
        return static_cast<Database *>(nullptr);
    if (!m_reader) {
        auto r = openConnection(m_loc, true);
        if (!r)
            return r.error();
        m_reader = std::move(*r);
    }
    return m_reader.get();
}

Status Database::holdBegin()
{
    if (m_held || m_tx)
        return heldError();
    // The held write must not carry the group's requests: they are answered at their own commit.
    ERY_TRY(flushGroup());
    ERY_TRY(begin());
    m_held = std::make_unique<WriteTx>(*this);
    m_staged = m_unstaged = 0;
    return {};
}

Result<size_t> Database::holdFlushOutbox(size_t max, bool closing)
{
    if (!m_held || m_tx)
        return heldError();
    if (!isPostgres()) {
        ERY_TRY(insertOutbox(*m_held, max));
        return m_held->drafts().size();
    }
    if (!closing) {
        ERY_TRY(stageOutbox(*m_held));
        return size_t(m_staged - m_unstaged);
    }
    // The parked rows first: they were emitted before the ones still in memory.
    const size_t parked = size_t(m_staged - m_unstaged);
    ERY_TRY(unstageOutbox(*m_held, max));
    if (max > parked)
        ERY_TRY(insertOutbox(*m_held, max - parked));
    return size_t(m_staged - m_unstaged) + m_held->drafts().size();
}

Status Database::holdEnd(bool keep)
{
    if (m_tx)
        return heldError();
    std::unique_ptr<WriteTx> tx = std::move(m_held);
    Status s;
    if (tx) {
        if (keep && !tx->discarded()) {
            s = unstageOutbox(*tx, size_t(m_staged - m_unstaged));
            if (s)
                s = commit(*tx);
            else
                rollback();
        } else {
            rollback();
        }
    }
    m_staged = m_unstaged = 0;
    auto waiters = std::move(m_writableWaiters);
    m_writableWaiters.clear();
    for (auto &[context, f] : waiters)
        if (context)
            QMetaObject::invokeMethod(context, std::move(f), Qt::QueuedConnection);
    return s;
}

void Database::whenWritable(QObject *context, std::function<void()> f)
{
    if (!m_held) {
        QMetaObject::invokeMethod(context, std::move(f), Qt::QueuedConnection);
        return;
    }
    m_writableWaiters.emplace_back(context, std::move(f));
}

Status Database::utility(const QString &sql)
{
    return m_lite ? exec(sql) : execDirect(sql);
}

Status Database::flushGroup()
{
    if (!m_group)
        return {};
    std::unique_ptr<WriteTx> tx = std::move(m_group);
    Status s = commit(*tx);
    const auto callbacks = std::move(m_groupCallbacks);
    m_groupCallbacks.clear();
    for (const auto &cb : callbacks)
        cb(bool(s));
    return s;
}

Status Database::migrate()
{
    return runMigrations(*this);
}

int Database::schemaVersion()
{
    auto v = scalar(QStringLiteral("SELECT COALESCE(MAX(version),0) FROM schema_migrations"));
    return v ? int(*v) : 0;
}

Result<Rows> WriteTx::query(const QString &sql, const QVariantList &params)
{
    return m_db.query(sql, params);
}

Status WriteTx::exec(const QString &sql, const QVariantList &params, int *rowsAffected)
{
    return m_db.exec(sql, params, rowsAffected);
}

void WriteTx::emitEvent(const QString &tenantId, const QString &type, const QString &entityId, Json data, Json context)
{
    OutboxDraft d;
    d.eventId = newId();
    d.tenantId = tenantId;
    d.kind = QStringLiteral("event");
    d.topic = type;
    d.entityId = entityId;
    d.occurredAt = nowIso();
    d.payload = jsonText(Json{{"id", d.eventId.toStdString()},
                              {"type", type.toStdString()},
                              {"tenant_id", tenantId.toStdString()},
                              {"occurred_at", d.occurredAt.toStdString()},
                              {"data", std::move(data)},
                              {"context", std::move(context)}});
    m_drafts.push_back(std::move(d));
}

void WriteTx::emitChange(const QString &tenantId, const QString &table, const char *eventType, const Json &newRow, const Json &oldRow)
{
    OutboxDraft d;
    d.eventId = newId();
    d.tenantId = tenantId;
    d.kind = QStringLiteral("change");
    d.topic = table;
    const Json &ref = newRow.is_object() ? newRow : oldRow;
    d.entityId = ref.is_object() ? str(ref, "id") : QString();
    d.occurredAt = nowIso();
    // For an UPDATE, `old` holds the primary key and the columns that changed (Supabase sends the
    // key only unless a table has REPLICA IDENTITY FULL); a DELETE keeps the whole old row. Written
    // as text at once: the rows are not copied into a payload tree first.
    Json old = Json::object();
    const Json *oldOut = &old;
    if (oldRow.is_object() && newRow.is_object()) {
        old["id"] = oldRow.value("id", Json(nullptr));
        for (auto it = oldRow.begin(); it != oldRow.end(); ++it) {
            auto n = newRow.find(it.key());
            if (n != newRow.end() && *n != it.value())
                old[it.key()] = it.value();
        }
    } else if (oldRow.is_object()) {
        oldOut = &oldRow;
    }
    std::string &t = d.payload;
    t.reserve(1024);
    t += R"({"table":)";
    appendJsonString(t, table.toStdString());
    t += R"(,"eventType":)";
    appendJsonString(t, eventType, std::strlen(eventType));
    t += R"(,"commit_timestamp":)";
    appendJsonString(t, d.occurredAt.toStdString());
    t += R"(,"new":)";
    t += newRow.is_object() ? jsonText(newRow) : std::string("{}");
    t += R"(,"old":)";
    t += jsonText(*oldOut);
    t += '}';
    m_drafts.push_back(std::move(d));
}

} // namespace ery::storage
