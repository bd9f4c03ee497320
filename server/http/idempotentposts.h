#pragma once

#include "request.h"
#include "response.h"
#include "route.h"

#include <QSet>

namespace ery::services {
class IdempotencyStore;
}

namespace ery::http {

// POSTs sent with an Idempotency-Key header (docs/api.md "Idempotent retries"). The first request
// with a key runs and its answer is recorded with the work it did (one transaction); a retry of the
// same request (method, path, query and body) within a day gets that answer again, marked
// `Idempotent-Replayed: true`, and nothing is done twice. The same key with another request is a
// 409; a retry while the first is still being worked on (an import) is a 409 too. Answers that say
// nothing about the work — 401, 403, 429 and 5xx — are not recorded, so a retry runs for real.
class IdempotentPosts {
public:
    explicit IdempotentPosts(services::IdempotencyStore &store) : m_store(store) { }

    // Runs `handler` for `r`, or answers from the record of an earlier run. The key's tenant is the
    // caller's (an API key's or a session's), so tenants never see each other's keys.
    Response handle(Request &r, const Handler &handler);

private:
    static bool recorded(const Response &resp);
    static QString requestHash(const Request &r);

    services::IdempotencyStore &m_store;
    QSet<QString> m_inFlight; // "<tenant> <key>" of deferred answers not yet known
};

} // namespace ery::http
