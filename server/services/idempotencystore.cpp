#include "idempotencystore.h"

#include "storage/database.h"
#include "storage/idempotencyrepository.h"

using namespace ery::storage;

namespace ery::services {

namespace {
constexpr int kPurgeEvery = 500; // answers recorded between two purges
}

Result<std::optional<IdempotencyStore::Answer>> IdempotencyStore::find(const domain::Scope &scope, const QString &key) const
{
    auto row = IdempotencyRepository::find(db(), scope, key);
    if (!row)
        return row.error();
    if (!*row || str(**row, "created_at") < isoOf(Clock::nowMs() - kKeepMs))
        return std::optional<Answer>();
    const Row &r = **row;
    return std::optional<Answer>(Answer{str(r, "request_hash"), int(num(r, "status")), str(r, "content_type").toUtf8(), str(r, "body").toUtf8()});
}

Status IdempotencyStore::remember(const domain::Scope &scope, const QString &key, const Answer &answer)
{
    const qint64 now = Clock::nowMs();
    const bool purge = ++m_sincePurge >= kPurgeEvery;
    if (purge)
        m_sincePurge = 0;
    return db().write([&](WriteTx &tx) -> Status {
        if (purge)
            ERY_TRY(IdempotencyRepository::systemPurge(tx, isoOf(now - kKeepMs)));
        return IdempotencyRepository::insert(tx, scope, key, answer.requestHash, answer.status, answer.contentType, answer.body, isoOf(now));
    });
}

} // namespace ery::services
