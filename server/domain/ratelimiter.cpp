#include "ratelimiter.h"

#include <optional>

namespace ery::domain {

std::optional<qint64> RateLimiter::limitFor(const QString &plan, std::optional<qint64> tenantOverride)
{
    if (tenantOverride && *tenantOverride > 0)
        return tenantOverride;
    if (plan == QLatin1String("pro"))
        return 1000;
    if (plan == QLatin1String("premium"))
        return 5000;
    if (plan == QLatin1String("enterprise"))
        return std::nullopt;
    return 60; // free, and any unknown plan
}

RateLimiter::Decision RateLimiter::take(const QString &key, qint64 limit, qint64 nowMs)
{
    const qint64 now = nowMs * 1000;
    const qint64 window = kWindowSeconds * 1000 * 1000;
    // µs per request; a limit finer than 1 µs (over 60 million a minute) is as good as none.
    const qint64 interval = qMax<qint64>(1, window / qMax<qint64>(1, limit));
    const qint64 capacity = interval * limit;
    prune(now);
    auto it = m_tat.find(key);
    const qint64 tat = it == m_tat.end() ? now : qMax(*it, now);
    Decision d;
    d.limit = limit;
    const qint64 next = tat + interval;
    if (next - now > capacity) {
        d.allowed = false;
        d.remaining = 0;
        d.retryAfterSeconds = qMax<qint64>(1, (next - now - capacity + 999999) / 1000000);
        d.resetSeconds = (tat - now + 999999) / 1000000;
        return d;
    }
    m_tat.insert(key, next);
    d.remaining = (capacity - (next - now)) / interval;
    d.resetSeconds = (next - now + 999999) / 1000000;
    return d;
}

void RateLimiter::prune(qint64 nowUs)
{
    // Keys whose bucket is full again carry no state worth keeping.
    if (nowUs - m_lastPruneUs < kPruneEveryUs)
        return;
    m_lastPruneUs = nowUs;
    for (auto it = m_tat.begin(); it != m_tat.end();)
        it = *it <= nowUs ? m_tat.erase(it) : std::next(it);
}

} // namespace ery::domain
