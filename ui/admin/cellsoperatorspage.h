#pragma once

#include <QWidget>

class QTabWidget;

namespace ery::client {
class EngineClient;
}

namespace ery::ui {

class CellsTab;
class OperatorsTab;
class ResourcesTab;

// Where a shop admin sets up the floor: the cells work flows through, the operators who sign in at
// its terminals, and the resources (machines, tools) operations need. A tab each; all follow the
// client's sign-in and sign-out.
class CellsOperatorsPage : public QWidget {
    Q_OBJECT
public:
    explicit CellsOperatorsPage(client::EngineClient &client, QWidget *parent = nullptr);

    CellsTab *cells() const { return m_cells; }
    OperatorsTab *operators() const { return m_operators; }
    ResourcesTab *resources() const { return m_resources; }
    QTabWidget *tabs() const { return m_tabs; }

private:
    QTabWidget *m_tabs;
    CellsTab *m_cells;
    OperatorsTab *m_operators;
    ResourcesTab *m_resources;
};

} // namespace ery::ui
