#pragma once

#include "database.h"
#include "domain/scope.h"

#include <optional>

namespace ery::storage {

// The first answers to POSTs sent with an Idempotency-Key (docs/api.md "Idempotent retries"): a
// tenant's key, a hash of the request it came with and the answer given. Bookkeeping of the API,
// so writing it emits no events.
class IdempotencyRepository {
public:
    // {request_hash, status, content_type, body, created_at}, or nothing.
    static Result<std::optional<Row>> find(Database &db, const domain::Scope &scope, const QString &key);
    static Status insert(WriteTx &tx, const domain::Scope &scope, const QString &key, const QString &requestHash, int status,
                         const QByteArray &contentType, const QByteArray &body, const QString &createdAt);
    // Of every tenant: keys recorded before `beforeIso`.
    static Status systemPurge(WriteTx &tx, const QString &beforeIso);
};

} // namespace ery::storage
