#pragma once

#include <QHash>
#include <QString>

#include <deque>

namespace ery::http {

// Repeated failed authentication from one address (like qBittorrent's failed-login ban), counted
// over a sliding window: the failures of the last kWindowSeconds count, older ones are forgotten.
// The first kFreeFailures in the window cost nothing; each further failure makes the address wait
// twice as long as the last (1 s, 2 s … at most kMaxWaitSeconds; answered 429 until then, without
// looking at the key), and kBanAfter failures in the window ban it for kBanSeconds (403).
// A success does not clear the count: an address guessing keys between uses of a valid one is
// still guessing. In memory; bounded by pruning.
class FailedAuthTracker {
public:
    static constexpr int kFreeFailures = 10;
    static constexpr int kBanAfter = 30;
    static constexpr qint64 kMaxWaitSeconds = 64;
    static constexpr qint64 kBanSeconds = 15 * 60;
    static constexpr qint64 kWindowSeconds = 60 * 60;
    // How often addresses with nothing left to remember are dropped.
    static constexpr qint64 kPruneEveryMs = 60 * 1000;

    struct Verdict {
        enum Kind { Allow, Wait, Banned } kind = Allow;
        qint64 retryAfterSeconds = 0;
    };
    Verdict check(const QString &address, qint64 nowMs);
    void failed(const QString &address, qint64 nowMs);
    // Failures of the address within the window.
    int failures(const QString &address, qint64 nowMs) const;
    int size() const { return int(m_entries.size()); }

private:
    struct Entry {
        std::deque<qint64> failuresMs; // within the window, oldest first; at most kBanAfter
        qint64 blockedUntilMs = 0;
        bool banned = false;
    };
    static void forgetOld(Entry &e, qint64 nowMs);
    QHash<QString, Entry> m_entries;
    qint64 m_lastPruneMs = 0;
};

} // namespace ery::http
