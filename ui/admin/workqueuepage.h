#pragma once

#include "client/apireply.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidgetItem;
class QPushButton;

namespace ery::client {
class EngineClient;
}

namespace ery::ui {

class DropList;

// The work queue of one cell as a kanban board (GET /api/v1/analytics/cells/{id}/queue): In process
// (running and on hold), Buffer (the next five waiting, Bullet Cards and the soonest due first) and
// Expected (the rest). The cells are listed at the left with their WIP against the limit
// (GET /api/v1/analytics/cell-capacity).
//
// Moving a card is the hub's lifecycle or update call, with its rules: dropping a waiting card on
// In process starts it (an on-hold one resumes), Pause and Complete act on the selected card, and
// dropping a card on another cell — or "Move to cell" — moves the operation there, which a cell at
// its enforced WIP limit refuses. A refusal is shown in words above the board; the board follows
// the hub, never the drag. Filters (search, due, Bullet Cards) hide cards without moving them
// between columns. Live from the operations, parts, jobs and cells it shows.
class WorkQueuePage : public QWidget {
    Q_OBJECT
public:
    explicit WorkQueuePage(client::EngineClient &client, QWidget *parent = nullptr);

    void reload();
    QString cellId() const { return m_cellId; }
    void showCell(const QString &cellId);
    DropList *column(int i) const; // 0 In process, 1 Buffer, 2 Expected
    DropList *cells() const { return m_cells; }
    QString selectedOperationId() const;
    // Starts (or resumes), pauses, completes or moves an operation as the board's gestures do.
    void start(const QString &operationId);
    void pause(const QString &operationId);
    void complete(const QString &operationId);
    void moveToCell(const QString &operationId, const QString &cellId);

signals:
    // A board was shown (after a load or a change).
    void boardShown();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void loadCells();
    void loadQueue();
    void fillBoard();
    void applyFilters();
    void updateActions();
    void act(const QString &operationId, const QString &path, const Json &body, const QString &failure, bool patch = false);
    Json operation(const QString &id) const;
    void showMessage(const QString &text);

    client::EngineClient &m_client;
    DropList *m_cells;
    DropList *m_columns[3];
    QLabel *m_columnTitles[3];
    QLabel *m_cellTitle;
    QLabel *m_message;
    QLineEdit *m_search;
    QComboBox *m_due;
    QCheckBox *m_bulletOnly;
    QPushButton *m_start;
    QPushButton *m_pause;
    QPushButton *m_complete;
    QPushButton *m_move;
    QString m_cellId;
    Json m_cellRows = Json::array();
    Json m_queue = Json::object();
    int m_generation = 0;
    bool m_stale = true;
    bool m_busy = false;
};

} // namespace ery::ui
