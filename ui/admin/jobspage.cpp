#include "jobspage.h"

#include "client/engineclient.h"
#include "client/jsonfields.h"
#include "jobdetail.h"
#include "jobwizard.h"
#include "models/jobstablemodel.h"
#include "models/workstatus.h"
#include "widgets/pagetitle.h"
#include "widgets/progressdelegate.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace ery::client;

namespace ery::ui {

using workstatus::Action;

JobsPage::JobsPage(EngineClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_model(new JobsTableModel(client, this)), m_searchDelay(new QTimer(this)),
      m_view(new QTableView(this)), m_search(new QLineEdit(this)), m_count(new QLabel(this)), m_start(new QPushButton(tr("&Start"), this)),
      m_pause(new QPushButton(tr("&Pause"), this)), m_resume(new QPushButton(tr("&Resume"), this)),
      m_complete(new QPushButton(tr("&Complete"), this)), m_new(new QPushButton(tr("&New job…"), this)),
      m_edit(new QPushButton(tr("&Edit…"), this)), m_detail(new JobDetail(client, this))
{
    auto *title = new PageTitle(tr("Jobs"), this);
    m_count->setForegroundRole(QPalette::PlaceholderText);
    m_count->setObjectName(QStringLiteral("jobCount"));

    m_search->setPlaceholderText(tr("Search jobs…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(280);
    m_search->setAccessibleName(tr("Search jobs"));
    m_search->setAccessibleDescription(tr("Filters the jobs by job number or customer"));
    m_search->setObjectName(QStringLiteral("jobSearch"));
    auto *focusSearch = new QAction(this);
    focusSearch->setShortcut(QKeySequence::Find);
    connect(focusSearch, &QAction::triggered, m_search, [this] { m_search->setFocus(Qt::ShortcutFocusReason); });
    addAction(focusSearch);

    const struct {
        QPushButton *button;
        const char *name;
        QString accessible;
        QString tip;
    } buttons[] = {
        {m_start, "startButton", tr("Start job"), tr("Start the selected job")},
        {m_pause, "pauseButton", tr("Pause job"), tr("Put the selected job on hold")},
        {m_resume, "resumeButton", tr("Resume job"), tr("Resume the selected job")},
        {m_complete, "completeButton", tr("Complete job"), tr("Mark the selected job completed")},
    };
    for (const auto &b : buttons) {
        b.button->setObjectName(QString::fromLatin1(b.name));
        b.button->setAccessibleName(b.accessible);
        b.button->setToolTip(b.tip);
    }
    connect(m_start, &QPushButton::clicked, this, [this] { run(Action::Start); });
    connect(m_pause, &QPushButton::clicked, this, [this] { run(Action::Pause); });
    connect(m_resume, &QPushButton::clicked, this, [this] { run(Action::Resume); });
    connect(m_complete, &QPushButton::clicked, this, [this] { run(Action::Complete); });
    m_new->setObjectName(QStringLiteral("newJobButton"));
    m_new->setAccessibleName(tr("New job"));
    m_new->setToolTip(tr("Create a job with its parts and routing (%1)").arg(QKeySequence(Qt::CTRL | Qt::Key_N).toString(QKeySequence::NativeText)));
    connect(m_new, &QPushButton::clicked, this, &JobsPage::newJob);
    const QKeySequence editKeys(Qt::CTRL | Qt::Key_E);
    m_edit->setObjectName(QStringLiteral("editJobButton"));
    m_edit->setAccessibleName(tr("Edit job"));
    m_edit->setToolTip(tr("Change the selected job, its parts and routing (%1)").arg(editKeys.toString(QKeySequence::NativeText)));
    connect(m_edit, &QPushButton::clicked, this, &JobsPage::editJob);
    auto *edit = new QAction(this);
    edit->setShortcut(editKeys);
    connect(edit, &QAction::triggered, this, &JobsPage::editJob);
    addAction(edit);

    // The hub searches; a short pause after the last key spares it a question per keystroke.
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(150);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] { m_model->setSearch(m_search->text().trimmed()); });

    // Qt calls a signal's slots in the order they were connected: these run before the view's and
    // its selection model's (connected by setModel below), so the selection changes the view makes
    // while rows move are known to be its own.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this, &JobsPage::reshapeStarts);
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this, &JobsPage::reshapeStarts);
    connect(m_model, &QAbstractItemModel::layoutAboutToBeChanged, this, &JobsPage::reshapeStarts);
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, &JobsPage::reshapeStarts);

    m_view->setObjectName(QStringLiteral("jobsTable"));
    m_view->setAccessibleName(tr("Jobs"));
    m_view->setModel(m_model);

    // ...and these after theirs: once the view is done, the highlight goes back on the user's job.
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &JobsPage::reshapeEnds);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &JobsPage::reshapeEnds);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &JobsPage::reshapeEnds);
    connect(m_model, &QAbstractItemModel::modelReset, this, &JobsPage::reshapeEnds);
    // The header's sort is the hub's order (JobsTableModel::sort); soonest due first to begin with.
    m_view->horizontalHeader()->setSortIndicator(JobsTableModel::DueColumn, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setIconSize(QSize(12, 12));
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 14);
    m_view->setItemDelegateForColumn(JobsTableModel::ProgressColumn, new ProgressDelegate(JobsTableModel::ProgressRole, m_view));
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(JobsTableModel::CustomerColumn, QHeaderView::Stretch);
    header->resizeSection(JobsTableModel::JobColumn, 130);
    header->resizeSection(JobsTableModel::DueColumn, 110);
    header->resizeSection(JobsTableModel::StatusColumn, 140);
    header->resizeSection(JobsTableModel::CellColumn, 150);
    header->resizeSection(JobsTableModel::ProgressColumn, 170);
    header->resizeSection(JobsTableModel::BulletColumn, 70);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &JobsPage::userSelectionChanged);
    connect(m_view, &QAbstractItemView::doubleClicked, this, &JobsPage::editJob);
    // The selected job may change status under us (another terminal, the API): follow it.
    connect(m_model, &QAbstractItemModel::dataChanged, this, &JobsPage::updateActions);
    connect(m_model, &JobsTableModel::loaded, this, &JobsPage::updateCount);
    // A job to show that was not loaded yet (created here, or jumped to): the list reads on, page
    // by page, until it has it or has every job.
    auto selectCreated = [this] {
        if (m_pendingJobId.isEmpty() || m_model->isLoading())
            return;
        if (m_model->rowOfJob(m_pendingJobId) >= 0)
            showJob(std::exchange(m_pendingJobId, QString()));
        else if (m_search->text().isEmpty() && m_model->search().isEmpty() && m_model->canFetchMore())
            m_model->fetchMore();
    };
    connect(m_model, &JobsTableModel::loaded, this, selectCreated);
    // The detail follows the selected job, and its changes (the list reloads on them).
    connect(m_model, &JobsTableModel::loaded, this, [this] { m_detail->showJob(selectedJobId()); });
    connect(m_model, &QAbstractItemModel::modelReset, this, &JobsPage::updateCount);
    connect(m_model, &JobsTableModel::loadFailed, this,
            [this](const QString &message) { m_count->setText(tr("Could not load the jobs: %1").arg(message)); });

    auto *headerRow = new QHBoxLayout;
    headerRow->addWidget(title);
    headerRow->addSpacing(12);
    headerRow->addWidget(m_count, 0, Qt::AlignBottom);
    headerRow->addStretch();

    auto *toolRow = new QHBoxLayout;
    toolRow->addWidget(m_search);
    toolRow->addWidget(m_new);
    toolRow->addWidget(m_edit);
    toolRow->addStretch();
    for (QPushButton *b : {m_start, m_pause, m_resume, m_complete})
        toolRow->addWidget(b);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->setSpacing(12);
    layout->addLayout(headerRow);
    layout->addLayout(toolRow);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(m_detail);
    // The list first: the detail needs a few rows for a job's routing, not half the window.
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    layout->addWidget(split, 1);

    updateActions();
    updateCount();
}

void JobsPage::setTenant(const QString &tenantId)
{
    m_model->setTenant(tenantId);
}

QModelIndex JobsPage::shownRowOf(const QString &jobId) const
{
    const int row = jobId.isEmpty() ? -1 : m_model->rowOfJob(jobId);
    return row < 0 ? QModelIndex() : m_model->index(row, 0);
}

QString JobsPage::selectedJobId() const
{
    return shownRowOf(m_selectedJobId).isValid() ? m_selectedJobId : QString();
}

bool JobsPage::showJob(const QString &jobId)
{
    if (jobId.isEmpty())
        return false;
    if (m_model->rowOfJob(jobId) < 0 || !m_model->search().isEmpty()) {
        // Not among the rows loaded (or only in a search's): every job, read on until it is there.
        m_pendingJobId = jobId;
        m_search->clear();
        m_searchDelay->stop();
        m_model->setSearch({});
        if (!m_model->isLoading() && m_model->canFetchMore())
            m_model->fetchMore();
        return false;
    }
    m_pendingJobId.clear();
    m_search->clear();
    m_selectedJobId = jobId;
    restoreSelection();
    m_detail->showJob(jobId);
    m_view->scrollTo(shownRowOf(jobId));
    m_view->setFocus();
    return true;
}

JobWizard *JobsPage::newJob()
{
    auto *wizard = new JobWizard(m_client, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    // The list hears of the job with its next reload; until then it is pending.
    connect(wizard, &JobWizard::created, this, [this](const QString &jobId) { showJob(jobId); });
    wizard->open();
    return wizard;
}

JobWizard *JobsPage::editJob()
{
    const QString jobId = selectedJobId();
    if (jobId.isEmpty())
        return nullptr;
    auto *wizard = JobWizard::edit(m_client, jobId, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    // Selected again (the search may hide it by its new number) and its parts and routing read again.
    connect(wizard, &JobWizard::saved, this, [this](const QString &id) { showJob(id); });
    wizard->open();
    return wizard;
}

void JobsPage::userSelectionChanged()
{
    if (m_reshaping > 0 || m_restoring)
        return;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    m_selectedJobId = rows.isEmpty() ? QString() : rows.first().data(JobsTableModel::JobIdRole).toString();
    updateActions();
    if (m_detail->jobId() != selectedJobId())
        m_detail->showJob(selectedJobId());
}

void JobsPage::reshapeStarts()
{
    ++m_reshaping;
}

void JobsPage::reshapeEnds()
{
    if (m_reshaping > 0)
        --m_reshaping;
    if (m_reshaping == 0)
        restoreSelection();
}

void JobsPage::restoreSelection()
{
    // A job the search hides (or deleted meanwhile, which the list cannot tell apart from one
    // further down than it has read) is remembered, and selected again if it comes back.
    const QModelIndex want = shownRowOf(m_selectedJobId);
    QItemSelectionModel *selection = m_view->selectionModel();
    const QModelIndexList rows = selection->selectedRows();
    const bool right = want.isValid() ? rows.size() == 1 && rows.first().row() == want.row() : rows.isEmpty();
    if (!right) {
        m_restoring = true;
        if (want.isValid())
            selection->setCurrentIndex(want, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        else
            selection->clear(); // and no current row, so the view has nothing to move the highlight to
        m_restoring = false;
    }
    updateActions();
}

void JobsPage::updateActions()
{
    const QModelIndex shown = shownRowOf(selectedJobId());
    const QString status = shown.data(JobsTableModel::StatusRole).toString();
    auto allowed = [&](Action a) { return !m_busy && workstatus::offers(status, a); };
    m_start->setEnabled(allowed(Action::Start));
    m_pause->setEnabled(allowed(Action::Pause));
    m_resume->setEnabled(allowed(Action::Resume));
    m_complete->setEnabled(allowed(Action::Complete));
    m_edit->setEnabled(shown.isValid());
}

void JobsPage::updateCount()
{
    const int total = int(m_model->total());
    if (m_model->search().isEmpty())
        m_count->setText(tr("%n job(s)", nullptr, total));
    else
        m_count->setText(tr("%n job(s) match", nullptr, total));
}

void JobsPage::run(Action action)
{
    const QString jobId = selectedJobId();
    if (jobId.isEmpty() || m_busy)
        return;
    const QString jobNumber = m_model->index(m_model->rowOfJob(jobId), JobsTableModel::JobColumn).data().toString();
    if (action == Action::Complete)
        confirmThenRun(action, jobId, jobNumber);
    else
        perform(action, jobId, jobNumber);
}

void JobsPage::confirmThenRun(Action action, const QString &jobId, const QString &jobNumber)
{
    m_busy = true;
    updateActions();
    // What is still open is read when asked, so the question names what completing would leave.
    m_client.get(QStringLiteral("/api/v1/jobs/%1/tree").arg(jobId)).then(this, [this, action, jobId, jobNumber](const ApiReply &tree) {
        QStringList open;
        if (tree.ok()) {
            for (const Json &part : tree.data().value("parts", Json::array()))
                for (const Json &op : part.value("operations", Json::array()))
                    if (text(op, "status") != workstatus::Completed)
                        open << tr("%1 · %2 (%3)")
                                    .arg(text(part, "part_number"), text(op, "operation_name"),
                                         JobsTableModel::statusText(text(op, "status")).toLower());
        }
        const QString customer = m_model->index(m_model->rowOfJob(jobId), JobsTableModel::CustomerColumn).data().toString();
        auto *box = new QMessageBox(QMessageBox::Question, tr("Complete job"),
                                    customer.isEmpty() ? tr("Complete job %1?").arg(jobNumber)
                                                       : tr("Complete job %1 for %2?").arg(jobNumber, customer),
                                    QMessageBox::NoButton, this);
        box->setObjectName(QStringLiteral("confirmComplete"));
        QString details = tr("A completed job cannot be started again.");
        if (!tree.ok()) {
            details += QLatin1Char(' ') + tr("Its operations could not be read: %1").arg(tree.errorMessage());
        } else if (open.isEmpty()) {
            details += QLatin1Char(' ') + tr("All its operations are completed.");
        } else {
            constexpr int kListed = 8;
            details += QLatin1Char(' ') + tr("It has %n open operation(s), which stay as they are:", nullptr, int(open.size()));
            for (int i = 0; i < qMin(int(open.size()), kListed); ++i)
                details += QStringLiteral("\n• ") + open[i];
            if (open.size() > kListed)
                details += QStringLiteral("\n") + tr("…and %1 more").arg(open.size() - kListed);
        }
        box->setInformativeText(details);
        // Wide enough that each open operation stays on one line.
        box->setStyleSheet(QStringLiteral("QLabel#qt_msgbox_informativelabel { min-width: 30em; }"));
        QPushButton *yes = box->addButton(tr("Complete %1").arg(jobNumber), QMessageBox::AcceptRole);
        yes->setObjectName(QStringLiteral("confirmButton"));
        QPushButton *no = box->addButton(QMessageBox::Cancel);
        box->setDefaultButton(no);
        box->setEscapeButton(no);
        box->setAttribute(Qt::WA_DeleteOnClose);
        // Window-modal and asynchronous: the list keeps updating behind it; the answer acts on
        // the job the question named, whatever the list shows by then.
        connect(box, &QMessageBox::finished, this, [this, box, yes, action, jobId, jobNumber] {
            m_busy = false;
            if (box->clickedButton() == yes)
                perform(action, jobId, jobNumber);
            else
                updateActions();
        });
        box->open();
    });
}

void JobsPage::perform(Action action, const QString &jobId, const QString &jobNumber)
{
    m_busy = true;
    updateActions();
    m_client.post(QStringLiteral("/api/v1/jobs/%1/%2").arg(jobId, workstatus::pathSegment(action)))
        .then(this, [this, action, jobNumber](const ApiReply &result) {
            m_busy = false;
            updateActions();
            if (result.ok())
                return;
            QString what;
            switch (action) {
            case Action::Start: what = tr("Job %1 could not be started."); break;
            case Action::Pause: what = tr("Job %1 could not be paused."); break;
            case Action::Resume: what = tr("Job %1 could not be resumed."); break;
            case Action::Complete: what = tr("Job %1 could not be completed."); break;
            }
            // Window-modal and asynchronous: the jobs keep updating while the message is shown.
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Job not changed"), what.arg(jobNumber), QMessageBox::Ok, this);
            // A refused transition nearly always means someone else changed the job first; the
            // engine's wording names internal status codes, so say it in the shop's words.
            box->setInformativeText(result.errorCode() == QLatin1String("INVALID_STATE_TRANSITION")
                                        ? tr("Its status was changed in the meantime, perhaps at another terminal. "
                                             "The list shows its current status.")
                                        : result.errorMessage());
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        });
}

} // namespace ery::ui
