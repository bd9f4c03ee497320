#include "importwriter.h"
#include "storage/importkeys.h"
#include "storage/repositories.h"

using namespace ery::domain;
using namespace ery::storage;

namespace ery::services {

ImportWriter::ImportWriter(const DataAccess &data, SyncService &sync) : m_db(data.db), m_repo(data.repo), m_sync(sync) { }

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
    return m_db.holdEnd(commit);
}

Result<SyncService::Outcome> ImportWriter::upsertRow(const Scope &scope, SyncService::Entity entity, const Json &item, bool takeBack)
{
    return m_db.attempt([&](WriteTx &tx) -> Result<SyncService::Outcome> {
        auto o = m_sync.upsertIn(tx, scope, entity, item, true);
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
        tx.emitEvent(scope.tenantId, QStringLiteral("import.completed"), id, std::move(eventData));
        return id;
    });
}

} // namespace ery::services
