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

// The shop's MCP keys (for AI agents): create one with the tools it may call and its rate limit
// (the key is shown once), see usage and last use, the usage log of the selected key, and revoke
// after a question naming the key. Follows the mcp_keys table live.
class McpKeysTab : public QWidget {
    Q_OBJECT
public:
    explicit McpKeysTab(client::EngineClient &client, QWidget *parent = nullptr);

    void setActive(bool signedIn);
    void reload();
    RecordView *view() const { return m_view; }

private:
    void create();
    void confirmRevoke();
    void updateActions();
    void loadUsage();

    client::EngineClient &m_client;
    RecordTableModel *m_model;
    RecordView *m_view;
    RecordTableModel *m_usageModel;
    RecordView *m_usage;
    QLabel *m_count;
    QLabel *m_usageTitle;
    QPushButton *m_new;
    QPushButton *m_revoke;
    bool m_active = false;
    bool m_busy = false;
};

} // namespace ery::ui
