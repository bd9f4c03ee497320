#pragma once

#include <QHash>
#include <QString>

namespace ery::http {

// Repeated failed authentication from one address (like qBittorrent's failed-login ban): the first
// kFreeFailures cost nothing, then every further attempt must wait twice as long as the last
// (answered 429 until then, without looking at the key), and after kBanAfter failures the address
// is banned for kBanSeconds (403). A success clears the record. In memory; bounded by pruning.
class FailedAuthTracker {
public:
    static constexpr int kFreeFailures = 10;
    static constexpr int kBanAfter = 30;
    static constexpr qint64 kBanSeconds = 15 * 60;
    static constexpr qint64 kForgetAfterSeconds = 30 * 60;

    struct Verdict {
        enum Kind { Allow, Wait, Banned } kind = Allow;
        qint64 retryAfterSeconds = 0;
    };
    Verdict check(const QString &address, qint64 nowMs);
    void failed(const QString &address, qint64 nowMs);
    void succeeded(const QString &address) { m_entries.remove(address); }
    int size() const { return int(m_entries.size()); }

private:
    struct Entry {
        int failures = 0;
        qint64 lastMs = 0;
        qint64 blockedUntilMs = 0;
    };
    QHash<QString, Entry> m_entries;
    qint64 m_lastPruneMs = 0;
};

} // namespace ery::http
