#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>
#include <QStringList>

namespace ery::integrations {

// Whether any other hub of the shop is connected to the broker, so that a hub that stops says
// `offline` on the shared retained status topic only when it is the last one (desktop, `serve` and
// a CLI may run on one database; each process has its own connection per publisher).
//
// Each connection announces itself on `<status>/hubs/<hub id>` (retained JSON with the time, renewed
// every kHeartbeatMs) and clears it when it stops; every connection subscribes to the status topic
// and to the others' announcements. A hub that dies leaves its will, `offline` on the status topic:
// every hub still connected then says `online` again and renews its announcement, and counts only the
// hubs that renewed theirs since. A stopping hub clears its announcement, waits briefly for others
// that stop at the same moment, and says `offline` only when no other hub is left.
//
// Thread-safe: libmosquitto's network thread feeds it, the connection's thread asks it.
class HubPresence {
public:
    static constexpr int kHeartbeatMs = 30000;
    static constexpr int kAliveMs = 75000; // an announcement older than this is a hub that is gone

    HubPresence(QString statusTopic, QString hubId);

    const QString &statusTopic() const { return m_status; }
    QString presenceTopic() const { return m_status + QStringLiteral("/hubs/") + m_hubId; }
    QString peersFilter() const { return m_status + QStringLiteral("/hubs/+"); }
    QByteArray announcement(qint64 nowMs) const;

    enum class Reaction { None, Reannounce, ClearStale };
    // A message on the status topic or on a hub's announcement topic.
    Reaction onMessage(const QString &topic, const QByteArray &payload, qint64 nowMs);
    // Another hub announced within kAliveMs and, since the last will seen, renewed its announcement.
    bool othersAlive(qint64 nowMs) const;
    int othersAliveCount(qint64 nowMs) const;
    void setClosing(bool closing);
    // Some seconds after a will: the hubs that did not renew their announcement since are gone;
    // forgotten here, and their announcement topics returned so the caller clears them.
    QStringList takeSilentSinceWill();

private:
    struct Peer {
        qint64 announcedAtMs = 0; // the time in its announcement
        qint64 receivedAtMs = 0;  // when it reached us
    };
    const QString m_status;
    const QString m_hubId;
    mutable QMutex m_mutex;
    QHash<QString, Peer> m_peers;
    qint64 m_willSeenMs = 0;
    bool m_closing = false;
};

} // namespace ery::integrations
