#include "hubpresence.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace ery::integrations {

HubPresence::HubPresence(QString statusTopic, QString hubId) : m_status(std::move(statusTopic)), m_hubId(std::move(hubId)) { }

QByteArray HubPresence::announcement(qint64 nowMs) const
{
    return QJsonDocument(QJsonObject{{QStringLiteral("status"), QStringLiteral("online")},
                                     {QStringLiteral("hub"), m_hubId},
                                     {QStringLiteral("pid"), QCoreApplication::applicationPid()},
                                     {QStringLiteral("at"), nowMs}})
        .toJson(QJsonDocument::Compact);
}

HubPresence::Reaction HubPresence::onMessage(const QString &topic, const QByteArray &payload, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    if (topic == m_status) {
        if (payload != "offline" || m_closing)
            return Reaction::None;
        // A hub's will (or a stopping hub that saw no other): whoever is still here says so, and
        // only hubs that renew their announcement from now on count as alive.
        m_willSeenMs = nowMs;
        return Reaction::Reannounce;
    }
    const QString prefix = m_status + QStringLiteral("/hubs/");
    if (!topic.startsWith(prefix))
        return Reaction::None;
    const QString hub = topic.mid(prefix.size());
    if (hub == m_hubId || hub.isEmpty())
        return Reaction::None;
    if (payload.isEmpty()) { // cleared: that hub stopped
        m_peers.remove(hub);
        return Reaction::None;
    }
    const QJsonObject o = QJsonDocument::fromJson(payload).object();
    const qint64 at = qint64(o.value(QStringLiteral("at")).toDouble());
    if (at <= 0 || nowMs - at > 3 * kAliveMs) {
        // Left by a hub that died long ago: removed, so no one counts it again.
        m_peers.remove(hub);
        return m_closing ? Reaction::None : Reaction::ClearStale;
    }
    m_peers.insert(hub, Peer{at, nowMs});
    return Reaction::None;
}

int HubPresence::othersAliveCount(qint64 nowMs) const
{
    QMutexLocker lock(&m_mutex);
    int n = 0;
    for (const Peer &p : m_peers)
        if (nowMs - p.announcedAtMs < kAliveMs && p.receivedAtMs >= m_willSeenMs)
            ++n;
    return n;
}

bool HubPresence::othersAlive(qint64 nowMs) const
{
    return othersAliveCount(nowMs) > 0;
}

void HubPresence::setClosing(bool closing)
{
    QMutexLocker lock(&m_mutex);
    m_closing = closing;
}

} // namespace ery::integrations

namespace ery::integrations {

QStringList HubPresence::takeSilentSinceWill()
{
    QMutexLocker lock(&m_mutex);
    QStringList topics;
    if (m_willSeenMs == 0)
        return topics;
    for (auto it = m_peers.begin(); it != m_peers.end();) {
        if (it->receivedAtMs < m_willSeenMs) {
            topics << m_status + QStringLiteral("/hubs/") + it.key();
            it = m_peers.erase(it);
        } else {
            ++it;
        }
    }
    return topics;
}

} // namespace ery::integrations
