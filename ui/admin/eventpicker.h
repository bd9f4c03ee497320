#pragma once

#include "client/apireply.h"

#include <QWidget>

class QCheckBox;
class QTreeWidget;

namespace ery::client {
class EngineClient;
}

namespace ery::ui {

// Picks the events a webhook or MQTT publisher subscribes to, from the hub's event list
// (GET /api/v1/event-types) grouped by family. A ticked family is sent as "job.*", so events added
// to it later are included; "All events" is "*".
class EventPicker : public QWidget {
    Q_OBJECT
public:
    EventPicker(client::EngineClient &client, QWidget *parent = nullptr);

    // The events as the API takes them; empty when none is ticked.
    Json events() const;
    QTreeWidget *tree() const { return m_tree; }

signals:
    void changed();

private:
    QCheckBox *m_all;
    QTreeWidget *m_tree;
};

} // namespace ery::ui
