#pragma once

#include "database.h"

namespace ery::storage {

// Session lookups that cross tenants by design: a presented token is all a caller has, so its hash
// finds the session, its user and its tenant in one indexed read.
class SessionRepository {
public:
    // The session whose access (or refresh) token has this SHA-256 hex, joined with its user's
    // role, name and state and its tenant's plan and per-minute override; NOT_FOUND when none has it.
    Result<Row> byTokenHash(Database &db, const QString &hash) const;
    Result<Row> byRefreshHash(Database &db, const QString &hash) const;
    // Live tenants with an active user of this username: who a login without a tenant could mean.
    Result<Rows> tenantsWithUsername(Database &db, const QString &username) const;
    // Sessions are bookkeeping of the API, not shop data: written without row changes for the
    // outbox, so the realtime feed and the webhooks never see a token's hash.
    Status insert(WriteTx &tx, const Row &session) const;
    Status end(WriteTx &tx, const QString &sessionId, const QString &now) const;
    // Ends every session of the user (a password reset, a deactivation) and forgets the ones that
    // ended or expired long ago.
    Status endSessionsOfUser(WriteTx &tx, const QString &userId, const QString &now) const;
    Status forgetOld(WriteTx &tx, const QString &before) const;
};

} // namespace ery::storage
