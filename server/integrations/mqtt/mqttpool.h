#pragma once

#include <QHash>
#include <QObject>
#include <QTimer>

namespace ery::services {
class Services;
}

namespace ery::integrations {

class MqttConnection;

// Keeps one connection per active publisher (of every tenant), rebuilt when its settings change,
// and lets each publish what its sink stored.
class MqttPool : public QObject {
    Q_OBJECT
public:
    explicit MqttPool(services::Services &services, QObject *parent = nullptr);
    ~MqttPool() override;

    void start(int refreshMs = 2000);
    void stop();
    MqttConnection *connection(const QString &publisherId) const { return m_conns.value(publisherId); }
    // Active publishers, and how many of them hold a connection to their broker now.
    int publisherCount() const { return int(m_conns.size()); }
    int connectedCount() const;

public slots:
    void refresh();
    void wake();

private:
    services::Services &m_s;
    QTimer m_refresh;
    QHash<QString, MqttConnection *> m_conns;
    QHash<QString, QString> m_versions; // publisher id → updated_at it was built from
    bool m_running = false;
};

} // namespace ery::integrations
