#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace ery::client {
class EngineClient;
}

namespace ery::ui {

class RecordTableModel;
class RecordView;

// The shop's cells (GET /api/v1/cells): their order on the routing, WIP limit (enforced or a
// warning), daily capacity and whether they are in use. New and Edit open a form that sends
// POST or PATCH /api/v1/cells; Deactivate takes a cell off the pickers without losing its
// history. Live from the cells table.
class CellsTab : public QWidget {
    Q_OBJECT
public:
    explicit CellsTab(client::EngineClient &client, QWidget *parent = nullptr);

    RecordView *view() const { return m_view; }
    void reload();
    void setActive(bool signedIn);
    // Opens the form for a new cell (empty id) or the selected one.
    QWidget *openForm(const QString &cellId);

private:
    void updateActions();

    client::EngineClient &m_client;
    RecordTableModel *m_model;
    RecordView *m_view;
    QLabel *m_count;
    QPushButton *m_new;
    QPushButton *m_edit;
    QPushButton *m_toggle;
    bool m_active = false;
};

} // namespace ery::ui
