#pragma once

#include "client/apireply.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace ery::client {
class ActionJournal;
class EngineClient;
}

namespace ery::ui {

class OperationPanel;

// The floor terminal's work screen for one cell: the cell chosen at the top (remembered on this
// terminal), the GO/PAUSE of the next cell, the three queues — In process (running and on hold),
// Buffer (the next five waiting) and Expected (the rest), Bullet Cards first — from
// GET /api/v1/analytics/cells/{id}/queue, and the selected operation's panel with its actions.
// Live: any change to operations, time, issues, substeps or production, made here or anywhere,
// is read again within a second through the realtime feed; nothing polls.
class WorkPage : public QWidget {
    Q_OBJECT
public:
    WorkPage(client::EngineClient &client, client::ActionJournal &journal, QWidget *parent = nullptr);

    // Reads cells, queue, WIP and the operator's open time entry again.
    void reload();
    // After sign-in: the operator's name at the top and a fresh read.
    void begin();
    void end();
    QString cellId() const { return m_cellId; }
    void showCell(const QString &cellId);
    QComboBox *cellBox() const { return m_cell; }
    QListWidget *queue(int i) const { return m_queues[i]; } // 0 In process, 1 Buffer, 2 Expected
    OperationPanel *panel() const { return m_panel; }
    QLabel *messageLabel() const { return m_message; }
    QString selectedOperationId() const;
    // Selects an operation of the shown queue and opens it in the panel; false when it is not there.
    bool selectOperation(const QString &id);
    // A scanned or typed code: an operation id, a job number (JOB-…) or a part number; its work in
    // this cell (or the cell where it waits) is selected and opened.
    void open(const QString &code);
    // The open time entry of the signed-in operator (null when none) and the operation it is on.
    Json openEntry() const { return m_openEntry; }
    QString openEntryLabel() const;

signals:
    void switchOperator();
    // The queue was read and shown.
    void queueShown();
    void openEntryChanged();

private:
    void loadCells();
    void loadQueue();
    void loadOpenEntry();
    void fill();
    void showNextCell();
    void showMessage(const QString &text, bool problem = false);
    void openOnHub(const QString &code);
    Json row(const QString &id) const;

    client::EngineClient &m_client;
    client::ActionJournal &m_journal;
    QComboBox *m_cell;
    QLabel *m_operator;
    QPushButton *m_switch;
    QLabel *m_nextCell;
    QLabel *m_message;
    QLabel *m_titles[3];
    QListWidget *m_queues[3];
    QLabel *m_nothingRunning;
    OperationPanel *m_panel;
    QString m_cellId;
    QString m_pendingSelect; // an operation to open once its cell's queue is read
    Json m_cells = Json::array();
    Json m_capacity = Json::array();
    Json m_queue = Json::object();
    Json m_openEntry;
    Json m_openOperation;
    int m_generation = 0;
};

} // namespace ery::ui
