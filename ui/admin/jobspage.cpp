#include "jobspage.h"

#include "engineclient.h"
#include "models/jobstablemodel.h"
#include "widgets/progressdelegate.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace ery::ui {

using domain::Action;

JobsPage::JobsPage(EngineClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_model(new JobsTableModel(client, this)), m_proxy(new QSortFilterProxyModel(this)),
      m_view(new QTableView(this)), m_search(new QLineEdit(this)), m_count(new QLabel(this)), m_start(new QPushButton(tr("&Start"), this)),
      m_pause(new QPushButton(tr("&Pause"), this)), m_resume(new QPushButton(tr("&Resume"), this)),
      m_complete(new QPushButton(tr("&Complete"), this))
{
    auto *title = new QLabel(tr("Jobs"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    title->setFont(titleFont);
    m_count->setForegroundRole(QPalette::PlaceholderText);

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

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(JobsTableModel::SortRole);
    m_proxy->setFilterRole(JobsTableModel::SearchRole);
    m_proxy->setFilterKeyColumn(JobsTableModel::JobColumn);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setObjectName(QStringLiteral("jobsTable"));
    m_view->setAccessibleName(tr("Jobs"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(JobsTableModel::DueColumn, Qt::AscendingOrder);
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

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &JobsPage::updateActions);
    // The selected job may change status under us (another terminal, the API): follow it.
    connect(m_model, &QAbstractItemModel::dataChanged, this, &JobsPage::updateActions);
    connect(m_model, &JobsTableModel::loaded, this, &JobsPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &JobsPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &JobsPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &JobsPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &JobsPage::updateCount);
    connect(m_model, &JobsTableModel::loadFailed, this,
            [this](const QString &message) { m_count->setText(tr("Could not load the jobs: %1").arg(message)); });

    auto *headerRow = new QHBoxLayout;
    headerRow->addWidget(title);
    headerRow->addSpacing(12);
    headerRow->addWidget(m_count, 0, Qt::AlignBottom);
    headerRow->addStretch();

    auto *toolRow = new QHBoxLayout;
    toolRow->addWidget(m_search);
    toolRow->addStretch();
    for (QPushButton *b : {m_start, m_pause, m_resume, m_complete})
        toolRow->addWidget(b);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->setSpacing(12);
    layout->addLayout(headerRow);
    layout->addLayout(toolRow);
    layout->addWidget(m_view, 1);

    updateActions();
    updateCount();
}

void JobsPage::setTenant(const QString &tenantId)
{
    m_model->setTenant(tenantId);
}

QModelIndex JobsPage::selectedSourceRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QModelIndex() : m_proxy->mapToSource(rows.first());
}

QString JobsPage::selectedJobId() const
{
    return selectedSourceRow().data(JobsTableModel::JobIdRole).toString();
}

void JobsPage::updateActions()
{
    const QString status = selectedSourceRow().data(JobsTableModel::StatusRole).toString();
    auto allowed = [&](Action a) { return !m_busy && !status.isEmpty() && domain::statusAfter(status, a).has_value(); };
    // Starting an on-hold job is what Resume is for; offering both would be two names for one act.
    m_start->setEnabled(allowed(Action::Start) && status == domain::status::NotStarted);
    m_pause->setEnabled(allowed(Action::Pause));
    m_resume->setEnabled(allowed(Action::Resume));
    m_complete->setEnabled(allowed(Action::Complete));
}

void JobsPage::updateCount()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    if (shown == total)
        m_count->setText(tr("%n job(s)", nullptr, total));
    else
        m_count->setText(tr("%1 of %n job(s)", nullptr, total).arg(shown));
}

void JobsPage::run(Action action)
{
    const QModelIndex row = selectedSourceRow();
    const QString jobId = row.data(JobsTableModel::JobIdRole).toString();
    if (jobId.isEmpty())
        return;
    const QString jobNumber = m_model->index(row.row(), JobsTableModel::JobColumn).data().toString();
    const QString tenant = m_model->tenantId();
    m_busy = true;
    updateActions();
    m_client
        .call<Result<Transition>>([tenant, jobId, action](Services &s) {
            const Scope scope = Scope::of(tenant);
            switch (action) {
            case Action::Start: return s.jobs.start(scope, jobId);
            case Action::Pause: return s.jobs.stop(scope, jobId);
            case Action::Resume: return s.jobs.resume(scope, jobId);
            case Action::Complete: break;
            }
            return s.jobs.complete(scope, jobId);
        })
        .then(this, [this, action, jobNumber](const Result<Transition> &result) {
            m_busy = false;
            updateActions();
            if (result)
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
            box->setInformativeText(result.error().code == ErrorCode::InvalidStateTransition
                                        ? tr("Its status was changed in the meantime, perhaps at another terminal. "
                                             "The list shows its current status.")
                                        : result.error().message);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        });
}

} // namespace ery::ui
