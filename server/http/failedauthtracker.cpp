#include "failedauthtracker.h"

#include <algorithm>

namespace ery::http {

void FailedAuthTracker::forgetOld(Entry &e, qint64 nowMs)
{
    while (!e.failuresMs.empty() && nowMs - e.failuresMs.front() >= kWindowSeconds * 1000)
        e.failuresMs.pop_front();
}

FailedAuthTracker::Verdict FailedAuthTracker::check(const QString &address, qint64 nowMs)
{
    auto it = m_entries.find(address);
    if (it == m_entries.end() || it->blockedUntilMs <= nowMs)
        return {};
    const qint64 wait = (it->blockedUntilMs - nowMs + 999) / 1000;
    return {it->banned ? Verdict::Banned : Verdict::Wait, wait};
}

int FailedAuthTracker::failures(const QString &address, qint64 nowMs) const
{
    auto it = m_entries.constFind(address);
    if (it == m_entries.cend())
        return 0;
    return int(std::count_if(it->failuresMs.begin(), it->failuresMs.end(), [&](qint64 t) { return nowMs - t < kWindowSeconds * 1000; }));
}

void FailedAuthTracker::failed(const QString &address, qint64 nowMs)
{
    if (nowMs - m_lastPruneMs > kPruneEveryMs) {
        m_lastPruneMs = nowMs;
        for (auto it = m_entries.begin(); it != m_entries.end();) {
            forgetOld(*it, nowMs);
            it = (it->failuresMs.empty() && it->blockedUntilMs <= nowMs) ? m_entries.erase(it) : std::next(it);
        }
    }
    Entry &e = m_entries[address];
    forgetOld(e, nowMs);
    e.failuresMs.push_back(nowMs);
    while (int(e.failuresMs.size()) > kBanAfter)
        e.failuresMs.pop_front(); // beyond the ban threshold the count adds nothing
    const int n = int(e.failuresMs.size());
    e.banned = n >= kBanAfter;
    if (e.banned)
        e.blockedUntilMs = nowMs + kBanSeconds * 1000;
    else if (n > kFreeFailures)
        e.blockedUntilMs = nowMs + qMin(qint64(1) << qMin(n - kFreeFailures - 1, 20), kMaxWaitSeconds) * 1000;
}

} // namespace ery::http
