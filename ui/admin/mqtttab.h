#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace ery::client {
class EngineClient;
}

namespace ery::ui {

class RecordTableModel;
class RecordView;

// The shop's MQTT publishers: add one (broker, TLS, sign-in, topic pattern with a live preview of
// the topic a sample event gets, events by family), test its connection without holding up the
// window, delete; the publish log of the selected publisher.
//
// Publishers follow their table live; the publish log is not part of the feed, so it is read again
// after each action and every few seconds while it is on screen.
class MqttTab : public QWidget {
    Q_OBJECT
public:
    explicit MqttTab(client::EngineClient &client, QWidget *parent = nullptr);

    void setActive(bool signedIn);
    void reload();
    void reloadLog();
    RecordView *view() const { return m_view; }
    RecordView *log() const { return m_log; }

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void create();
    void testConnection();
    void confirmDelete();
    void updateActions();

    client::EngineClient &m_client;
    RecordTableModel *m_model;
    RecordView *m_view;
    RecordTableModel *m_logModel;
    RecordView *m_log;
    QLabel *m_count;
    QLabel *m_logTitle;
    QLabel *m_status;
    QPushButton *m_new;
    QPushButton *m_test;
    QPushButton *m_delete;
    QTimer m_poll;
    bool m_active = false;
    bool m_testing = false;
    bool m_loadingLog = false;
};

} // namespace ery::ui
