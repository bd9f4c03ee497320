#pragma once

#include "models/workstatus.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace ery::client {
class EngineClient;
}

namespace ery::ui {

class JobDetail;
class JobWizard;
class JobsTableModel;

// The admin's jobs list: search, sort, and the job lifecycle actions for the selected job.
//
// The selection is a job, not a row: the page remembers the id the user picked and puts the
// highlight back on that job after every search, re-sort or live update (the view alone would move
// it to a neighbouring row when the selected one is filtered out). While the job is hidden by the
// search nothing is selected and no action is offered; clearing the search shows it selected again.
// Actions act on that id; Complete, which cannot be undone, asks first, naming the job and its open
// operations.
class JobsPage : public QWidget {
    Q_OBJECT
public:
    explicit JobsPage(client::EngineClient &client, QWidget *parent = nullptr);

    void setTenant(const QString &tenantId);
    JobsTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // The job the user selected, when it is shown; empty when none is (or the search hides it).
    QString selectedJobId() const;
    // Selects the job and scrolls to it (clearing the search). False when it is not loaded yet: the
    // list then reads on until it has the job, and selects it.
    bool showJob(const QString &jobId);
    // Opens the new-job wizard (the New job button, Ctrl+N); the job it creates is selected once
    // the list has it.
    JobWizard *newJob();
    // Opens the selected job in the wizard (the Edit button, Ctrl+E, a double click on its row);
    // none when no job is selected. A save the hub took whole selects the job and reads it again.
    JobWizard *editJob();
    JobDetail *detail() const { return m_detail; }

private:
    void updateActions();
    void updateCount();
    void run(workstatus::Action action);
    void confirmThenRun(workstatus::Action action, const QString &jobId, const QString &jobNumber);
    void perform(workstatus::Action action, const QString &jobId, const QString &jobNumber);
    void userSelectionChanged();
    void reshapeStarts();
    void reshapeEnds();
    void restoreSelection();
    QModelIndex shownRowOf(const QString &jobId) const;

    client::EngineClient &m_client;
    JobsTableModel *m_model;
    QTimer *m_searchDelay;
    QTableView *m_view;
    QLineEdit *m_search;
    QLabel *m_count;
    QPushButton *m_start;
    QPushButton *m_pause;
    QPushButton *m_resume;
    QPushButton *m_complete;
    QPushButton *m_new;
    QPushButton *m_edit;
    JobDetail *m_detail;
    // A job to select (created here, or asked for by showJob) as soon as the list has it.
    QString m_pendingJobId;
    // A lifecycle call (or its confirmation) is on its way; the buttons wait so a double click
    // cannot send it twice.
    bool m_busy = false;
    // The job the user selected; kept while a search hides it, dropped when the job is deleted.
    QString m_selectedJobId;
    // Rows of the shown list are being removed, inserted or moved: selection changes the view
    // makes meanwhile are its own (it moves the highlight off a removed row), not the user's.
    int m_reshaping = 0;
    bool m_restoring = false;
};

} // namespace ery::ui
