#include "cellsoperatorspage.h"

#include "cellstab.h"
#include "client/engineclient.h"
#include "operatorstab.h"
#include "resourcestab.h"
#include "widgets/pagetitle.h"

#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace ery::client;

namespace ery::ui {

CellsOperatorsPage::CellsOperatorsPage(EngineClient &client, QWidget *parent)
    : QWidget(parent), m_tabs(new QTabWidget(this)), m_cells(new CellsTab(client, this)), m_operators(new OperatorsTab(client, this)),
      m_resources(new ResourcesTab(client, this))
{
    auto *title = new PageTitle(tr("Cells & operators"), this);
    auto *subtitle = new QLabel(tr("The cells work flows through, the people who sign in at the terminals, and the machines and tools they use."), this);
    subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_tabs->setObjectName(QStringLiteral("cellsOperatorsTabs"));
    m_tabs->addTab(m_cells, tr("Cells"));
    m_tabs->addTab(m_operators, tr("Operators"));
    m_tabs->addTab(m_resources, tr("Resources"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->setSpacing(6);
    layout->addWidget(title);
    layout->addWidget(subtitle);
    layout->addSpacing(4);
    layout->addWidget(m_tabs, 1);

    auto follow = [this](bool signedIn) {
        m_cells->setActive(signedIn);
        m_operators->setActive(signedIn);
        m_resources->setActive(signedIn);
    };
    connect(&client, &EngineClient::signedIn, this, [follow] { follow(true); });
    connect(&client, &EngineClient::signedOut, this, [follow] { follow(false); });
    follow(client.isSignedIn());
}

} // namespace ery::ui
