#pragma once

#include "servicebase.h"

#include <QByteArray>

namespace ery::services {

// Idempotent retries (docs/api.md "Idempotent retries"): the first answer to a POST sent with an
// Idempotency-Key, kept for a day per tenant and given back to a retry of the same request, so a
// client that lost the answer (a terminal on flaky Wi-Fi) can send again without the work being
// done twice. The answer is recorded in the write transaction of the work it answers: both commit
// or neither does. Bookkeeping of the API: it emits no events.
class IdempotencyStore : public ServiceBase {
public:
    explicit IdempotencyStore(const DataAccess &data) : ServiceBase(data) { }

    static constexpr int kMaxKeyLength = 255;
    static constexpr qint64 kKeepMs = qint64(24) * 60 * 60 * 1000;

    struct Answer {
        QString requestHash;
        int status = 0;
        QByteArray contentType;
        QByteArray body;
    };
    // The answer recorded for the key within the last kKeepMs, if any.
    Result<std::optional<Answer>> find(const domain::Scope &scope, const QString &key) const;
    // Records (or, for a key older than kKeepMs, replaces) the key's answer; now and then drops the
    // keys of every tenant older than kKeepMs.
    Status remember(const domain::Scope &scope, const QString &key, const Answer &answer);

private:
    int m_sincePurge = 0;
};

} // namespace ery::services
