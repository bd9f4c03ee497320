#include "failedauthtracker.h"

namespace ery::http {

FailedAuthTracker::Verdict FailedAuthTracker::check(const QString &address, qint64 nowMs)
{
    auto it = m_entries.find(address);
    if (it == m_entries.end() || it->blockedUntilMs <= nowMs)
        return {};
    const qint64 wait = (it->blockedUntilMs - nowMs + 999) / 1000;
    return {it->failures >= kBanAfter ? Verdict::Banned : Verdict::Wait, wait};
}

void FailedAuthTracker::failed(const QString &address, qint64 nowMs)
{
    if (nowMs - m_lastPruneMs > 60 * 1000) {
        m_lastPruneMs = nowMs;
        for (auto it = m_entries.begin(); it != m_entries.end();)
            it = (nowMs - it->lastMs > kForgetAfterSeconds * 1000 && it->blockedUntilMs <= nowMs) ? m_entries.erase(it) : std::next(it);
    }
    Entry &e = m_entries[address];
    e.failures++;
    e.lastMs = nowMs;
    if (e.failures >= kBanAfter)
        e.blockedUntilMs = nowMs + kBanSeconds * 1000;
    else if (e.failures > kFreeFailures)
        e.blockedUntilMs = nowMs + (qint64(1) << qMin(e.failures - kFreeFailures - 1, 10)) * 1000;
}

} // namespace ery::http
