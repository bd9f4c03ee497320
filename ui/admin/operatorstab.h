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

// The shop's operators (GET /api/v1/operators): name, employee id and whether they can sign in
// at a terminal (active, locked after five wrong PINs until a time, or deactivated). An admin
// creates one with a PIN, resets a forgotten PIN (POST …/reset-pin, which also unlocks), unlocks
// (POST …/unlock), deactivates (DELETE, the history stays) and re-activates. Reloaded after each
// of these and whenever the shop's activity log moves (operators are no realtime table).
class OperatorsTab : public QWidget {
    Q_OBJECT
public:
    explicit OperatorsTab(client::EngineClient &client, QWidget *parent = nullptr);

    RecordView *view() const { return m_view; }
    void reload();
    void setActive(bool signedIn);
    QWidget *openNewOperator();
    QWidget *openResetPin();

private:
    void updateActions();
    void post(const QString &path, const QString &failure);

    client::EngineClient &m_client;
    RecordTableModel *m_model;
    RecordView *m_view;
    QLabel *m_count;
    QLabel *m_error;
    QPushButton *m_new;
    QPushButton *m_resetPin;
    QPushButton *m_unlock;
    QPushButton *m_toggle;
    bool m_active = false;
};

} // namespace ery::ui
