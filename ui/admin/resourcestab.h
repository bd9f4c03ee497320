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

// The shop's resources (GET /api/v1/resources): machines, tools, fixtures and moulds with their
// identifier, location and state (available, in use, in maintenance, retired). New and Edit send
// POST or PATCH /api/v1/resources; Deactivate takes one off the pickers and keeps its history.
// Resources are no realtime table: the tab follows the activity log their changes write.
class ResourcesTab : public QWidget {
    Q_OBJECT
public:
    explicit ResourcesTab(client::EngineClient &client, QWidget *parent = nullptr);

    RecordView *view() const { return m_view; }
    void reload();
    void setActive(bool signedIn);
    // Opens the form for a new resource (empty id) or the given one.
    QWidget *openForm(const QString &resourceId);

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
