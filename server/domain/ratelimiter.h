#pragma once

#include <QHash>
#include <QString>

#include <optional>

namespace ery::domain {

// Per-key request rate (CONTRACTS.md §1 Rate limits) as GCRA: one "theoretical arrival time" per
// key, no refill timer. A key may spend its whole minute at once (burst = limit); after that one
// request per limit-th of a minute. Exact: the (limit+1)-th request inside a window is refused.
// Runs on the engine thread only, so no locking.
class RateLimiter {
public:
    struct Decision {
        bool allowed = true;
        qint64 limit = 0; // requests per window
        qint64 remaining = 0;
        qint64 resetSeconds = 0; // until the full quota is back
        qint64 retryAfterSeconds = 0;
    };
    static constexpr qint64 kWindowSeconds = 60;
    // How often keys whose bucket is full again are dropped.
    static constexpr qint64 kPruneEveryUs = 60 * 1000 * 1000;

    Decision take(const QString &key, qint64 limitPerMinute, qint64 nowMs);
    void forget(const QString &key) { m_tat.remove(key); }
    int size() const { return int(m_tat.size()); }

    // The plan's per-minute limit; nullopt = unlimited.
    static std::optional<qint64> limitFor(const QString &plan, std::optional<qint64> tenantOverride);

private:
    void prune(qint64 nowUs);
    QHash<QString, qint64> m_tat; // µs since the epoch
    qint64 m_lastPruneUs = 0;
};

} // namespace ery::domain
