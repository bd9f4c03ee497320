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

// The shop's API keys: create one (its key is shown once), see scope, environment and last use,
// revoke after a question naming the key. Follows the api_keys table live.
class ApiKeysTab : public QWidget {
    Q_OBJECT
public:
    explicit ApiKeysTab(client::EngineClient &client, QWidget *parent = nullptr);

    void setActive(bool signedIn);
    void reload();
    RecordView *view() const { return m_view; }

private:
    void create();
    void confirmRevoke();
    void updateActions();

    client::EngineClient &m_client;
    RecordTableModel *m_model;
    RecordView *m_view;
    QLabel *m_count;
    QPushButton *m_new;
    QPushButton *m_revoke;
    bool m_active = false;
    bool m_busy = false;
};

} // namespace ery::ui
