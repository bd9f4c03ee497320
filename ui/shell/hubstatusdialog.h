#pragma once

#include "client/apireply.h"

#include <QDialog>

class QFormLayout;
class QLabel;

namespace ery::ui {

// The hub's live state in detail, opened from the status bar: where the API listens, traffic,
// realtime sockets, MCP sessions, the outbox, webhooks and MQTT, the database, the hubs serving
// it. It shows what the status bar last read (GET /api/v1/system/status) and follows each refresh.
class HubStatusDialog : public QDialog {
    Q_OBJECT
public:
    explicit HubStatusDialog(QWidget *parent = nullptr);

    // `status` is the route's answer; `requestsPerMinute` is measured by the caller between reads
    // (negative while unknown).
    void display(const Json &status, double requestsPerMinute);

private:
    QLabel *value(const char *name);

    QFormLayout *m_form;
};

} // namespace ery::ui
