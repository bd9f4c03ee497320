#include "integrationspage.h"

#include "apikeystab.h"
#include "client/engineclient.h"
#include "mcpkeystab.h"
#include "mqtttab.h"
#include "webhookstab.h"
#include "widgets/pagetitle.h"

#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace ery::client;

namespace ery::ui {

IntegrationsPage::IntegrationsPage(EngineClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_tabs(new QTabWidget(this)), m_apiKeys(new ApiKeysTab(client, m_tabs)),
      m_mcpKeys(new McpKeysTab(client, m_tabs)), m_webhooks(new WebhooksTab(client, m_tabs)), m_mqtt(new MqttTab(client, m_tabs))
{
    setObjectName(QStringLiteral("integrationsPage"));
    auto *title = new PageTitle(tr("Integrations"), this);
    auto *subtitle = new QLabel(tr("Keys for programs and AI agents, and where the shop's events are sent."), this);
    subtitle->setForegroundRole(QPalette::PlaceholderText);

    m_tabs->setObjectName(QStringLiteral("integrationsTabs"));
    m_tabs->setAccessibleName(tr("Integrations"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_apiKeys, tr("&API keys"));
    m_tabs->addTab(m_mcpKeys, tr("&MCP keys"));
    m_tabs->addTab(m_webhooks, tr("&Webhooks"));
    m_tabs->addTab(m_mqtt, tr("M&QTT publishers"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->setSpacing(6);
    layout->addWidget(title);
    layout->addWidget(subtitle);
    layout->addSpacing(6);
    layout->addWidget(m_tabs, 1);

    connect(&m_client, &EngineClient::signedIn, this, [this] { setActive(true); });
    connect(&m_client, &EngineClient::signedOut, this, [this] { setActive(false); });
    setActive(m_client.isSignedIn());
}

void IntegrationsPage::setActive(bool signedIn)
{
    m_apiKeys->setActive(signedIn);
    m_mcpKeys->setActive(signedIn);
    m_webhooks->setActive(signedIn);
    m_mqtt->setActive(signedIn);
}

void IntegrationsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Shown again after a while: read everything afresh rather than trust what was last seen.
    if (m_client.isSignedIn()) {
        m_apiKeys->reload();
        m_mcpKeys->reload();
        m_webhooks->reload();
        m_mqtt->reload();
    }
}

} // namespace ery::ui
