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

// The shop's webhooks: register one (URL, events picked by family; its signing secret is shown
// once), rotate the secret, delete; for the selected webhook its deliveries (status, attempts, next
// try) and every attempt (status code, duration, the start of the answer or the error), with replay
// of one delivery or of every failed one since a time.
//
// Webhooks follow their table live. Delivery outcomes are not row changes of the feed, so the
// delivery log is read again after every action here and every few seconds while it is on screen.
class WebhooksTab : public QWidget {
    Q_OBJECT
public:
    explicit WebhooksTab(client::EngineClient &client, QWidget *parent = nullptr);

    void setActive(bool signedIn);
    void reload();
    void reloadDeliveries();
    RecordView *view() const { return m_view; }
    RecordView *deliveries() const { return m_deliveries; }
    RecordView *attempts() const { return m_attempts; }

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void create();
    void confirmRotate();
    void confirmDelete();
    void replayDelivery();
    void replayFailedSince();
    void reloadAttempts();
    void updateActions();
    void say(const QString &message);

    client::EngineClient &m_client;
    RecordTableModel *m_model;
    RecordView *m_view;
    RecordTableModel *m_deliveryModel;
    RecordView *m_deliveries;
    RecordTableModel *m_attemptModel;
    RecordView *m_attempts;
    QLabel *m_count;
    QLabel *m_deliveryTitle;
    QLabel *m_status;
    QPushButton *m_new;
    QPushButton *m_rotate;
    QPushButton *m_delete;
    QPushButton *m_replayOne;
    QPushButton *m_replayFailed;
    QPushButton *m_refresh;
    QTimer m_poll;
    bool m_active = false;
    bool m_busy = false;
    bool m_loadingDeliveries = false;
};

} // namespace ery::ui
