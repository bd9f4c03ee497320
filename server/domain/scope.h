#pragma once

#include <QString>

namespace ery::domain {

// Who acts and on which tenant. Every repository call takes one, so an unscoped query cannot be
// written; a test key's scope names the sandbox tenant, never the live one.
struct Scope {
    QString tenantId;
    QString actorId;   // the worker (users.id) acting, when known
    QString actorName; // for the activity log
    bool admin = true; // operators act on their own rows only (used by callers that know the role)

    static Scope of(const QString &tenant) { return Scope{tenant, {}, {}, true}; }
};

} // namespace ery::domain
