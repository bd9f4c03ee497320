#include "importwriter.h"

#include "activitylog.h"
#include "storage/importkeys.h"
#include "storage/repositories.h"

using namespace ery::domain;
using namespace ery::storage;

namespace ery::services {

ImportWriter::ImportWriter(const DataAccess &data, SyncService &sync, ActivityLog &activity)
    : m_db(data.db), m_repo(data.repo), m_sync(sync), m_activity(activity)
{
}

Status ImportWriter::write(const std::function<Status()> &f)
{
    return m_db.write([&](WriteTx &) { return f(); });
}

bool ImportWriter::writeHeld() const
{
    return m_db.writeHeld();
}

void ImportWriter::whenWritable(QObject *context, std::function<void()> f)
{
    m_db.whenWritable(context, std::move(f));
}

Status ImportWriter::holdBegin()
{
    m_keys = false;
    m_lookups = {};
    return m_db.holdBegin();
}

Status ImportWriter::holdStep(const std::function<Status()> &f)
{
    return m_db.holdStep([&](WriteTx &) { return f(); });
}

Result<size_t> ImportWriter::holdFlushOutbox(size_t max, bool closing)
{
    return m_db.holdFlushOutbox(max, closing);
}

Status ImportWriter::holdEnd(bool commit)
{
    m_lookups = {};
    return m_db.holdEnd(commit);
}

Result<SyncService::Outcome> ImportWriter::upsertRow(const Scope &scope, SyncService::Entity entity, const Json &item, bool takeBack)
{
    return m_db.attempt([&](WriteTx &tx) -> Result<SyncService::Outcome> {
        // The file's own activity entry (record()) stands for its rows.
        m_activity.pause(true);
        auto o = m_sync.upsertIn(tx, scope, entity, item, true, &m_lookups);
        m_activity.pause(false);
        if (o && takeBack)
            return Error::badRequest(QStringLiteral("row with unreadable cells"));
        return o;
    });
}

Result<int> ImportWriter::claimKey(const QString &source, const QString &externalId, int line)
{
    return m_db.write([&](WriteTx &tx) -> Result<int> {
        if (!m_keys) {
            ERY_TRY(ImportKeys::create(tx));
            m_keys = true;
        }
        return ImportKeys::claim(tx, source, externalId, line);
    });
}

Status ImportWriter::forgetKeys()
{
    if (!m_keys)
        return {};
    m_keys = false;
    return m_db.write([](WriteTx &tx) { return ImportKeys::drop(tx); });
}

Status ImportWriter::discard()
{
    return m_db.write([](WriteTx &tx) -> Status {
        tx.discard();
        return {};
    });
}

Result<QString> ImportWriter::record(const Scope &scope, const Row &history, Json eventData)
{
    return m_db.write([&](WriteTx &tx) -> Result<QString> {
        auto row = m_repo.syncImports.insert(tx, scope, history, false);
        if (!row)
            return row.error();
        const QString id = str(*row, "id");
        eventData["import_id"] = toStd(id);
        const QString entity = str(eventData, "entity_type");
        const QString fileName = str(eventData, "file_name");
        auto count = [&](const char *key) { return QString::number(num(eventData, key)); };
        // One arg() for all: a file name's own "%1" stays text.
        const QString description = QStringLiteral("Imported %1%2: %3 rows, %4 created, %5 updated, %6 unchanged, %7 failed")
                                        .arg(entity, fileName.isEmpty() ? QString() : QStringLiteral(" from ") + fileName, count("total"),
                                             count("created"), count("updated"), count("unchanged"), count("failed"));
        ERY_TRY(m_activity.record(tx, scope, QStringLiteral("import"), QStringLiteral("import"), id, fileName.isEmpty() ? entity : fileName,
                                  description, eventData));
        tx.emitEvent(scope.tenantId, QStringLiteral("import.completed"), id, std::move(eventData));
        return id;
    });
}

} // namespace ery::services
