#pragma once

#include <QWidget>

class QTabWidget;

namespace ery::client {
class EngineClient;
}

namespace ery::ui {

class ApiKeysTab;
class McpKeysTab;
class MqttTab;
class WebhooksTab;

// The admin's integrations: API keys, MCP keys, webhooks and MQTT publishers, one tab each. Every action is a
// request of the REST API (docs/api.md), so what the panel does an integrator can do too. The
// tabs load when someone signs in and whenever the page is shown, and clear on sign-out.
class IntegrationsPage : public QWidget {
    Q_OBJECT
public:
    explicit IntegrationsPage(client::EngineClient &client, QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    ApiKeysTab *apiKeys() const { return m_apiKeys; }
    McpKeysTab *mcpKeys() const { return m_mcpKeys; }
    WebhooksTab *webhooks() const { return m_webhooks; }
    MqttTab *mqtt() const { return m_mqtt; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void setActive(bool signedIn);

    client::EngineClient &m_client;
    QTabWidget *m_tabs;
    ApiKeysTab *m_apiKeys;
    McpKeysTab *m_mcpKeys;
    WebhooksTab *m_webhooks;
    MqttTab *m_mqtt;
};

} // namespace ery::ui
