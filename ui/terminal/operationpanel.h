#pragma once

#include "client/apireply.h"

#include <QHash>
#include <QTemporaryDir>
#include <QPointer>
#include <QWidget>

#include <memory>

class QGridLayout;
class QLabel;
class QProgressBar;
class QScrollArea;
class QPushButton;
class QVBoxLayout;

namespace ery::client {
class ActionJournal;
class EngineClient;
}

namespace ery::ui {

class DrawingViewer;

// The selected operation at a floor terminal, and what the operator can do with it. Shows job,
// customer, part, material, pieces good of planned, time booked against the estimate, the next
// cell with its GO/PAUSE, who is working on it and the substep checklist; below, the actions:
// Start, Pause, Report production, Stop & complete, Report issue; and Drawing, over the whole
// screen, when the part (or the operation) has a PDF or a picture attached. Every action — and ticking a
// substep — is taken through the terminal's ActionJournal, so it is kept when the hub is away.
class OperationPanel : public QWidget {
    Q_OBJECT
public:
    OperationPanel(client::EngineClient &client, client::ActionJournal &journal, QWidget *parent = nullptr);

    // `row`: the operation as the cell's queue lists it; null shows nothing selected.
    void showOperation(const Json &row);
    QString operationId() const;
    // Reads the details again (after a change anywhere).
    void refresh();
    // The signed-in operator's open time entry (null when none), and the cells' WIP
    // (GET /api/v1/analytics/cell-capacity's cells) for the next cell's GO/PAUSE.
    void setOpenEntry(const Json &entry);
    void setCapacity(const Json &cells);
    // Forgets the operator names read (another operator signed in).
    void clearCaches() { m_operatorNames.clear(); }

    QPushButton *startButton() const { return m_start; }
    QPushButton *pauseButton() const { return m_pause; }
    QPushButton *productionButton() const { return m_production; }
    QPushButton *completeButton() const { return m_complete; }
    QPushButton *issueButton() const { return m_issue; }
    QPushButton *drawingButton() const { return m_drawing; }
    // The PDFs and pictures of the part and the operation, PDFs first (file rows as the hub lists them).
    const Json &drawings() const { return m_drawings; }

    void start();
    void pause();
    void complete();
    // Opens the dialogs; their Report takes the action.
    void reportProduction();
    void reportIssue();
    // Fetches the first drawing and shows it over the whole screen.
    void openDrawing();
    // Fetches the part's file `index` (of drawings()) and shows it, in the viewer already open.
    void showDrawing(int index);
    // What an operator reads for the operation: "Bend · JOB-1001 · BRK-100".
    static QString label(const Json &row);

signals:
    // The details were read and shown.
    void detailsShown();
    // An action was taken (handed to the journal): what the operator did, in words.
    void actionTaken(const QString &label);
    // The drawing viewer opened (or could not: `viewer` shows why).
    void drawingOpened(ery::ui::DrawingViewer *viewer);
    // The photo of a reported issue was attached to it (or not: `message` says why).
    void issuePhotoSent(const QString &message);

private:
    void load();
    void showDetails();
    void updateActions();
    // The journal's key of the action, or empty when it was not taken.
    QString take(const QString &label, const QString &path, const Json &body, const QString &method = QStringLiteral("POST"));
    QString me() const;
    bool timingHere() const;

    client::EngineClient &m_client;
    client::ActionJournal &m_journal;
    Json m_row;
    Json m_tree;           // the job with its parts and routings
    Json m_reports = Json::array();
    Json m_substeps = Json::array();
    Json m_entries = Json::array();
    Json m_openEntry;
    Json m_capacity = Json::array();
    Json m_drawings = Json::array();
    std::unique_ptr<QTemporaryDir> m_drawingDir;
    QPointer<DrawingViewer> m_viewer; // open, showing m_shownDrawing
    QString m_shownDrawing;
    // Photos of issues reported, by the journal key of the report, until the hub has the issue:
    // copies in photoFolder() (beside the journal's file, so they outlast the program as the
    // reports do), named <key>-<name>.
    QHash<QString, QPair<QString, QString>> m_issuePhotos; // key → (copy, name)
    QString photoFolder() const;
    // The photos of reports still in the journal (the terminal was closed before they got through).
    void pickUpPhotos();
    QHash<QString, QString> m_operatorNames;
    int m_generation = 0;

    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_empty;
    QWidget *m_body;
    QScrollArea *m_scroll;
    QLabel *m_part;
    QLabel *m_material;
    QLabel *m_quantity;
    QLabel *m_time;
    QProgressBar *m_timeBar;
    QLabel *m_next;
    QLabel *m_workers;
    QLabel *m_note;
    QVBoxLayout *m_checklist;
    QPushButton *m_start;
    QPushButton *m_pause;
    QPushButton *m_production;
    QPushButton *m_complete;
    QPushButton *m_issue;
    QPushButton *m_drawing;
};

} // namespace ery::ui
