#pragma once

#include "database.h"

namespace ery::storage {

// Key lookups that cross tenants by design: a presented key is all an API caller has, so the key's
// hash finds its tenant (and that tenant's sandbox twin and plan) in one indexed read.
class ApiKeyRepository {
public:
    // The key with this SHA-256 hex (active or not: `active` and `revoked_at` say which), joined
    // with its tenant's plan, per-minute override and sandbox twin id; NOT_FOUND when none has it.
    Result<Row> byHash(Database &db, const QString &keyHash) const;
};

} // namespace ery::storage
