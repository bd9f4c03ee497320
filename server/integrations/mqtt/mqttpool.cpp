#include "mqttpool.h"

#include "mqttconnection.h"
#include "services/services.h"

using namespace ery::services;

namespace ery::integrations {

MqttPool::MqttPool(Services &services, QObject *parent) : QObject(parent), m_s(services)
{
    connect(&m_refresh, &QTimer::timeout, this, &MqttPool::refresh);
}

MqttPool::~MqttPool()
{
    stop();
}

void MqttPool::start(int refreshMs)
{
    m_running = true;
    refresh();
    m_refresh.start(refreshMs);
}

void MqttPool::stop()
{
    m_running = false;
    m_refresh.stop();
    qDeleteAll(m_conns);
    m_conns.clear();
    m_versions.clear();
}

void MqttPool::refresh()
{
    if (!m_running)
        return;
    auto pubs = m_s.deliveries.allActivePublishers();
    if (!pubs)
        return;
    QSet<QString> seen;
    for (const Json &p : *pubs) {
        const QString id = str(p, "id");
        seen.insert(id);
        // Rebuilt when the publisher changes, or the shop's names its topics fall back to.
        const QString version =
            QStringList{str(p, "updated_at"), str(p, "shop_enterprise"), str(p, "shop_site"), str(p, "shop_area")}.join(QLatin1Char('\n'));
        if (m_conns.contains(id) && m_versions.value(id) == version)
            continue;
        delete m_conns.take(id);
        auto *c = new MqttConnection(m_s, p, this);
        m_conns.insert(id, c);
        m_versions.insert(id, version);
        c->start();
    }
    for (auto it = m_conns.begin(); it != m_conns.end();) {
        if (!seen.contains(it.key())) {
            m_versions.remove(it.key());
            delete it.value();
            it = m_conns.erase(it);
        } else {
            ++it;
        }
    }
    wake();
}

void MqttPool::wake()
{
    for (MqttConnection *c : std::as_const(m_conns))
        c->pump();
}

int MqttPool::connectedCount() const
{
    int n = 0;
    for (const MqttConnection *c : m_conns)
        n += c->isConnected() ? 1 : 0;
    return n;
}

} // namespace ery::integrations
