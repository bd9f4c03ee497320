#include "qualitypage.h"

#include "client/engineclient.h"
#include "client/jsonfields.h"
#include "models/issuestablemodel.h"
#include "qualitycharts.h"
#include "reviewnotesdialog.h"
#include "scrapreasondialog.h"
#include "shell/theme.h"
#include "widgets/pagetitle.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>
#include <utility>

using namespace ery::client;

namespace ery::ui {

namespace {

enum ReasonColumn { CodeColumn, DescriptionColumn, CategoryColumn, ActiveColumn, ReasonColumnCount };

QString dateTimeText(const Json &row, const char *key)
{
    const QDateTime t = when(row, key);
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
}

QLabel *valueLabel(QWidget *parent, const QString &name)
{
    auto *l = new QLabel(parent);
    l->setObjectName(name);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->setTextFormat(Qt::PlainText);
    return l;
}

} // namespace

QualityPage::QualityPage(EngineClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_tabs(new QTabWidget(this)), m_model(new IssuesTableModel(client, this)),
      m_proxy(new QSortFilterProxyModel(this))
{
    auto *title = new PageTitle(tr("Quality"), this);

    m_tabs->setObjectName(QStringLiteral("qualityTabs"));
    m_tabs->setAccessibleName(tr("Quality"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(buildIssuesTab(), tr("&Issues and NCRs"));
    m_tabs->addTab(buildScrapTab(), tr("&Scrap reasons"));
    m_charts = new QualityCharts(client, this);
    m_charts->setObjectName(QStringLiteral("qualityCharts"));
    m_tabs->addTab(m_charts, tr("C&harts"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->setSpacing(8);
    layout->addWidget(title);
    layout->addWidget(m_tabs, 1);

    m_built = true;
    connect(&m_client, &EngineClient::signedIn, this, [this] { setTenant(m_client.tenantId()); });
    connect(&m_client, &EngineClient::signedOut, this, [this] { setTenant({}); });
    if (m_client.isSignedIn())
        setTenant(m_client.tenantId());
}

QWidget *QualityPage::buildIssuesTab()
{
    auto *tab = new QWidget(this);
    m_search = new QLineEdit(tab);
    m_search->setObjectName(QStringLiteral("issueSearch"));
    m_search->setPlaceholderText(tr("Search issues…"));
    m_search->setAccessibleName(tr("Search issues"));
    m_search->setAccessibleDescription(tr("Filters the issues by title, description, NCR number, job, part, operation or reporter"));
    m_search->setClearButtonEnabled(true);
    // A magnifier at the front marks the field as a search, like the search fields of the desktop.
    m_search->addAction(Theme::icon(QStringLiteral("search")), QLineEdit::LeadingPosition)->setText(tr("Search"));
    m_search->setMinimumWidth(240);
    auto *focusSearch = new QAction(tab);
    focusSearch->setShortcut(QKeySequence::Find);
    focusSearch->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(focusSearch, &QAction::triggered, m_search, [this] { m_search->setFocus(Qt::ShortcutFocusReason); });
    tab->addAction(focusSearch);

    m_status = new QComboBox(tab);
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->setAccessibleName(tr("Status"));
    m_status->addItem(tr("All statuses"), QString());
    for (const char *s : {"pending", "approved", "rejected", "closed"})
        m_status->addItem(IssuesTableModel::statusText(QString::fromLatin1(s)), QString::fromLatin1(s));
    m_severity = new QComboBox(tab);
    m_severity->setObjectName(QStringLiteral("severityFilter"));
    m_severity->setAccessibleName(tr("Severity"));
    m_severity->addItem(tr("All severities"), QString());
    for (const char *s : {"critical", "high", "medium", "low"})
        m_severity->addItem(IssuesTableModel::severityText(QString::fromLatin1(s)), QString::fromLatin1(s));
    connect(m_status, &QComboBox::currentIndexChanged, this, [this] { m_model->setStatusFilter(m_status->currentData().toString()); });
    connect(m_severity, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setSeverityFilter(m_severity->currentData().toString()); });
    m_count = new QLabel(tab);
    m_count->setObjectName(QStringLiteral("issueCount"));
    m_count->setForegroundRole(QPalette::PlaceholderText);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(IssuesTableModel::SortRole);
    m_proxy->setFilterRole(IssuesTableModel::SearchRole);
    m_proxy->setFilterKeyColumn(IssuesTableModel::TitleColumn);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setDynamicSortFilter(true);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    // Connected before the view's own: selection changes the view makes while rows move are its own.
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeRemoved, this, &QualityPage::reshapeStarts);
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeInserted, this, &QualityPage::reshapeStarts);
    connect(m_proxy, &QAbstractItemModel::layoutAboutToBeChanged, this, &QualityPage::reshapeStarts);
    connect(m_proxy, &QAbstractItemModel::modelAboutToBeReset, this, &QualityPage::reshapeStarts);

    m_view = new QTableView(tab);
    m_view->setObjectName(QStringLiteral("issuesTable"));
    m_view->setAccessibleName(tr("Issues"));
    m_view->setModel(m_proxy);

    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &QualityPage::reshapeEnds);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &QualityPage::reshapeEnds);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &QualityPage::reshapeEnds);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &QualityPage::reshapeEnds);

    m_view->setSortingEnabled(true);
    m_view->sortByColumn(IssuesTableModel::ReportedColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 14);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(IssuesTableModel::TitleColumn, QHeaderView::Stretch);
    // At 1280 px beside the detail the title keeps what the others leave: they are as narrow as
    // their usual contents ("NCR-00001", "Pending review", a day), the place is elided.
    header->setMinimumSectionSize(50);
    header->resizeSection(IssuesTableModel::ReferenceColumn, 82);
    header->resizeSection(IssuesTableModel::SeverityColumn, 64);
    header->resizeSection(IssuesTableModel::StatusColumn, 118);
    header->resizeSection(IssuesTableModel::WhereColumn, 140);
    header->resizeSection(IssuesTableModel::ReporterColumn, 95);
    header->resizeSection(IssuesTableModel::ReportedColumn, 78);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &QualityPage::userSelectionChanged);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &QualityPage::showDetail);
    connect(m_model, &IssuesTableModel::detailsResolved, this, &QualityPage::showDetail);
    connect(m_model, &IssuesTableModel::loaded, this, &QualityPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &QualityPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &QualityPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &QualityPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &QualityPage::updateCount);
    connect(m_model, &IssuesTableModel::loadFailed, this,
            [this](const QString &message) { m_count->setText(tr("Could not load the issues: %1").arg(message)); });

    auto *tools = new QHBoxLayout;
    tools->addWidget(m_search);
    tools->addWidget(m_status);
    tools->addWidget(m_severity);
    tools->addSpacing(8);
    tools->addWidget(m_count, 1);

    auto *split = new QSplitter(Qt::Horizontal, tab);
    split->setObjectName(QStringLiteral("issueSplitter"));
    split->setChildrenCollapsible(false);
    split->addWidget(m_view);
    auto *scroll = new QScrollArea(split);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::StyledPanel);
    scroll->setWidget(buildDetail());
    scroll->setMinimumWidth(280);
    split->addWidget(scroll);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setSizes({800, 280});

    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(tools);
    layout->addWidget(split, 1);
    updateCount();
    showDetail();
    return tab;
}

QWidget *QualityPage::buildDetail()
{
    auto *panel = new QWidget;
    panel->setObjectName(QStringLiteral("issueDetail"));
    m_noSelection = new QLabel(tr("Select an issue to see where it was reported, its NCR record and its review."), panel);
    m_noSelection->setObjectName(QStringLiteral("noIssueSelected"));
    m_noSelection->setWordWrap(true);
    m_noSelection->setAlignment(Qt::AlignCenter);
    m_noSelection->setForegroundRole(QPalette::PlaceholderText);

    m_detail = new QWidget(panel);
    m_detailTitle = valueLabel(m_detail, QStringLiteral("issueTitle"));
    QFont f = m_detailTitle->font();
    f.setPointSizeF(f.pointSizeF() * 1.2);
    f.setBold(true);
    m_detailTitle->setFont(f);
    m_detailSummary = valueLabel(m_detail, QStringLiteral("issueSummary"));

    auto field = [this](QFormLayout *form, const char *key, const QString &label) {
        QLabel *v = valueLabel(m_detail, QStringLiteral("issue_") + QLatin1String(key));
        v->setAccessibleName(label);
        form->addRow(label, v);
        m_fields.insert(QString::fromLatin1(key), v);
    };
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    field(form, "where", tr("Where"));
    field(form, "reporter", tr("Reported by"));
    field(form, "reported", tr("Reported"));
    field(form, "standstill", tr("Machine"));
    field(form, "description", tr("Description"));

    m_ncrBox = new QGroupBox(tr("Non-conformance report"), m_detail);
    m_ncrBox->setObjectName(QStringLiteral("ncrBox"));
    auto *ncr = new QFormLayout(m_ncrBox);
    ncr->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    field(ncr, "ncr_number", tr("NCR number"));
    field(ncr, "ncr_category", tr("Category"));
    field(ncr, "disposition", tr("Disposition"));
    field(ncr, "affected_quantity", tr("Affected parts"));
    field(ncr, "root_cause", tr("Root cause"));
    field(ncr, "corrective_action", tr("Corrective action"));
    field(ncr, "preventive_action", tr("Preventive action"));
    field(ncr, "verification", tr("Verification"));

    auto *reviewBox = new QGroupBox(tr("Review"), m_detail);
    auto *rv = new QFormLayout(reviewBox);
    rv->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    field(rv, "reviewed", tr("Reviewed"));
    field(rv, "resolution_notes", tr("Notes"));
    field(rv, "closed", tr("Closed"));

    m_approve = new QPushButton(tr("&Approve…"), m_detail);
    m_reject = new QPushButton(tr("Re&ject…"), m_detail);
    m_close = new QPushButton(tr("Cl&ose…"), m_detail);
    m_verify = new QPushButton(tr("&Verify NCR"), m_detail);
    const struct {
        QPushButton *button;
        const char *name;
        QString accessible;
        QString tip;
    } buttons[] = {
        {m_approve, "approveButton", tr("Approve issue"), tr("Accept the issue as reported, with notes on what happens next")},
        {m_reject, "rejectButton", tr("Reject issue"), tr("Reject the issue, saying why")},
        {m_close, "closeButton", tr("Close issue"), tr("Close the reviewed issue, with how it was resolved")},
        {m_verify, "verifyButton", tr("Verify NCR"), tr("Record that the NCR's corrective action was checked and works")},
    };
    for (const auto &b : buttons) {
        b.button->setObjectName(QString::fromLatin1(b.name));
        b.button->setAccessibleName(b.accessible);
        b.button->setToolTip(b.tip);
    }
    connect(m_approve, &QPushButton::clicked, this, [this] { review(ReviewNotesDialog::Approve); });
    connect(m_reject, &QPushButton::clicked, this, [this] { review(ReviewNotesDialog::Reject); });
    connect(m_close, &QPushButton::clicked, this, [this] { review(ReviewNotesDialog::Close); });
    connect(m_verify, &QPushButton::clicked, this, &QualityPage::verify);
    auto *actions = new QHBoxLayout;
    for (QPushButton *b : {m_approve, m_reject, m_close, m_verify})
        actions->addWidget(b);
    actions->addStretch();

    m_actionMessage = new QLabel(m_detail);
    m_actionMessage->setObjectName(QStringLiteral("issueMessage"));
    m_actionMessage->setAccessibleName(tr("Issue action result"));
    m_actionMessage->setWordWrap(true);
    m_actionMessage->hide();

    auto *d = new QVBoxLayout(m_detail);
    d->setContentsMargins(0, 0, 0, 0);
    d->setSpacing(8);
    d->addWidget(m_detailTitle);
    d->addWidget(m_detailSummary);
    d->addLayout(actions);
    d->addWidget(m_actionMessage);
    d->addLayout(form);
    d->addWidget(m_ncrBox);
    d->addWidget(reviewBox);
    d->addStretch();

    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(14, 12, 14, 12);
    layout->addWidget(m_noSelection, 1);
    layout->addWidget(m_detail, 1);
    return panel;
}

QWidget *QualityPage::buildScrapTab()
{
    auto *tab = new QWidget(this);
    auto *intro = new QLabel(tr("Operators pick these reasons when they report scrap. A reason no longer used is deactivated, "
                                "not deleted, so past reports keep it."),
                             tab);
    intro->setWordWrap(true);
    intro->setForegroundRole(QPalette::PlaceholderText);

    m_newReason = new QPushButton(tr("&New reason…"), tab);
    m_newReason->setObjectName(QStringLiteral("newReasonButton"));
    m_newReason->setAccessibleName(tr("New scrap reason"));
    m_editReason = new QPushButton(tr("&Edit…"), tab);
    m_editReason->setObjectName(QStringLiteral("editReasonButton"));
    m_editReason->setAccessibleName(tr("Edit scrap reason"));
    m_toggleReason = new QPushButton(tr("&Deactivate"), tab);
    m_toggleReason->setObjectName(QStringLiteral("toggleReasonButton"));
    m_toggleReason->setAccessibleName(tr("Deactivate or activate scrap reason"));
    m_showInactive = new QCheckBox(tr("Show &inactive"), tab);
    m_showInactive->setObjectName(QStringLiteral("showInactiveReasons"));
    connect(m_newReason, &QPushButton::clicked, this, [this] { editReason(true); });
    connect(m_editReason, &QPushButton::clicked, this, [this] { editReason(false); });
    connect(m_toggleReason, &QPushButton::clicked, this, &QualityPage::toggleReasonActive);
    connect(m_showInactive, &QCheckBox::toggled, this, [this] { showReasons(m_reasonRows.values()); });

    m_reasons = new QTableWidget(0, ReasonColumnCount, tab);
    m_reasons->setObjectName(QStringLiteral("scrapReasonsTable"));
    m_reasons->setAccessibleName(tr("Scrap reasons"));
    m_reasons->setHorizontalHeaderLabels({tr("Code"), tr("Description"), tr("Category"), tr("Active")});
    m_reasons->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_reasons->setSelectionMode(QAbstractItemView::SingleSelection);
    m_reasons->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_reasons->setAlternatingRowColors(true);
    m_reasons->setShowGrid(false);
    m_reasons->verticalHeader()->hide();
    m_reasons->verticalHeader()->setDefaultSectionSize(m_reasons->fontMetrics().height() + 12);
    m_reasons->horizontalHeader()->setSectionResizeMode(DescriptionColumn, QHeaderView::Stretch);
    m_reasons->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_reasons->horizontalHeader()->resizeSection(CodeColumn, 160);
    m_reasons->horizontalHeader()->resizeSection(CategoryColumn, 130);
    m_reasons->horizontalHeader()->resizeSection(ActiveColumn, 80);
    connect(m_reasons, &QTableWidget::itemSelectionChanged, this, &QualityPage::updateReasonActions);
    connect(m_reasons, &QTableWidget::itemDoubleClicked, this, [this] { editReason(false); });

    m_reasonMessage = new QLabel(tab);
    m_reasonMessage->setObjectName(QStringLiteral("reasonMessage"));
    m_reasonMessage->setAccessibleName(tr("Scrap reason result"));
    m_reasonMessage->setWordWrap(true);
    m_reasonMessage->hide();

    auto *tools = new QHBoxLayout;
    tools->addWidget(m_newReason);
    tools->addWidget(m_editReason);
    tools->addWidget(m_toggleReason);
    tools->addStretch();
    tools->addWidget(m_showInactive);

    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(intro);
    layout->addLayout(tools);
    layout->addWidget(m_reasonMessage);
    layout->addWidget(m_reasons, 1);

    m_client.subscribe({QStringLiteral("scrap_reasons")}, this, [this] { reloadReasons(); });
    updateReasonActions();
    return tab;
}

void QualityPage::setTenant(const QString &tenantId)
{
    if (tenantId == m_tenantId)
        return;
    m_tenantId = tenantId;
    m_selectedIssueId.clear();
    m_search->clear();
    m_actionMessage->hide();
    m_reasonMessage->hide();
    m_model->setTenant(tenantId);
    m_charts->setTenant(tenantId);
    m_reasonRows.clear();
    showReasons({});
    reloadReasons();
    showDetail();
}

void QualityPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_model->reload();
}

// --- the issue queue -------------------------------------------------------------------------

QModelIndex QualityPage::shownRowOf(const QString &issueId) const
{
    const int row = issueId.isEmpty() ? -1 : m_model->rowOfIssue(issueId);
    return row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(row, 0));
}

QString QualityPage::selectedIssueId() const
{
    return shownRowOf(m_selectedIssueId).isValid() ? m_selectedIssueId : QString();
}

void QualityPage::userSelectionChanged()
{
    if (m_reshaping > 0 || m_restoring)
        return;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const QString id = rows.isEmpty() ? QString() : rows.first().data(IssuesTableModel::IssueIdRole).toString();
    if (id != m_selectedIssueId)
        m_actionMessage->hide();
    m_selectedIssueId = id;
    showDetail();
}

void QualityPage::reshapeStarts()
{
    ++m_reshaping;
}

void QualityPage::reshapeEnds()
{
    if (m_reshaping > 0)
        --m_reshaping;
    if (m_reshaping == 0)
        restoreSelection();
}

void QualityPage::restoreSelection()
{
    if (!m_built)
        return;
    // An issue a filter leaves out is remembered, and selected again when the filter shows it.
    const QModelIndex want = shownRowOf(m_selectedIssueId);
    QItemSelectionModel *selection = m_view->selectionModel();
    const QModelIndexList rows = selection->selectedRows();
    const bool right = want.isValid() ? rows.size() == 1 && rows.first().row() == want.row() : rows.isEmpty();
    if (!right) {
        m_restoring = true;
        if (want.isValid())
            selection->setCurrentIndex(want, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        else
            selection->clear();
        m_restoring = false;
    }
    showDetail();
}

void QualityPage::updateCount()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    if (shown == total)
        m_count->setText(tr("%n issue(s)", nullptr, total));
    else
        m_count->setText(tr("%1 of %n issue(s)", nullptr, total).arg(shown));
}

void QualityPage::showDetail()
{
    const QString id = selectedIssueId();
    const Json issue = id.isEmpty() ? Json() : m_model->issue(id);
    const bool has = issue.is_object();
    m_noSelection->setVisible(!has);
    m_detail->setVisible(has);
    const QString status = text(issue, "status");
    const bool ncr = text(issue, "issue_type") == QLatin1String("ncr");
    const bool verified = !text(issue, "verified_at").isEmpty();
    m_approve->setEnabled(has && !m_busy && status == QLatin1String("pending"));
    m_reject->setEnabled(has && !m_busy && status == QLatin1String("pending"));
    m_close->setEnabled(has && !m_busy && (status == QLatin1String("approved") || status == QLatin1String("rejected")));
    // A corrective action is verified once the NCR has been accepted; the hub records it once.
    m_verify->setVisible(ncr);
    m_verify->setEnabled(has && !m_busy && ncr && !verified && (status == QLatin1String("approved") || status == QLatin1String("closed")));
    if (!has)
        return;

    const QString title = text(issue, "title");
    m_detailTitle->setText(title.isEmpty() ? tr("Issue without a title") : title);
    QStringList summary;
    summary << (ncr ? text(issue, "ncr_number") : tr("Issue"));
    summary << tr("%1 severity").arg(IssuesTableModel::severityText(text(issue, "severity")));
    summary << IssuesTableModel::statusText(status);
    m_detailSummary->setText(summary.join(QStringLiteral(" · ")));

    auto set = [this](const char *key, const QString &value) {
        m_fields.value(QString::fromLatin1(key))->setText(value.isEmpty() ? QStringLiteral("—") : value);
    };
    const QString opId = text(issue, "operation_id");
    const QString where = m_model->placeText(opId);
    set("where", where.isEmpty() ? tr("Looking up…") : where);
    set("reporter", m_model->personName(text(issue, "created_by")));
    set("reported", dateTimeText(issue, "created_at"));
    set("standstill",
        flag(issue, "causes_standstill") ? tr("Stopped — the operation is on hold while this is pending") : tr("Not stopped"));
    set("description", text(issue, "description"));

    m_ncrBox->setVisible(ncr);
    set("ncr_number", text(issue, "ncr_number"));
    set("ncr_category", IssuesTableModel::categoryText(text(issue, "ncr_category")));
    set("disposition", IssuesTableModel::dispositionText(text(issue, "disposition")));
    set("affected_quantity", issue.contains("affected_quantity") && issue["affected_quantity"].is_number()
                                 ? QLocale().toString(number(issue, "affected_quantity"))
                                 : QString());
    set("root_cause", text(issue, "root_cause"));
    set("corrective_action", text(issue, "corrective_action"));
    set("preventive_action", text(issue, "preventive_action"));
    QString verification;
    if (verified) {
        const QString by = m_model->personName(text(issue, "verified_by"));
        verification = by.isEmpty() ? tr("Verified %1").arg(dateTimeText(issue, "verified_at"))
                                    : tr("Verified %1 by %2").arg(dateTimeText(issue, "verified_at"), by);
    } else {
        verification = flag(issue, "verification_required") ? tr("Required, not yet verified") : tr("Not yet verified");
    }
    set("verification", verification);

    QString reviewed;
    if (!text(issue, "reviewed_at").isEmpty()) {
        const QString by = m_model->personName(text(issue, "reviewed_by"));
        reviewed = by.isEmpty() ? dateTimeText(issue, "reviewed_at") : tr("%1 by %2").arg(dateTimeText(issue, "reviewed_at"), by);
    } else if (status == QLatin1String("pending")) {
        reviewed = tr("Waiting for review");
    }
    set("reviewed", reviewed);
    set("resolution_notes", text(issue, "resolution_notes"));
    set("closed", dateTimeText(issue, "closed_at"));
}

void QualityPage::say(QLabel *label, const QString &message, bool problem)
{
    label->setStyleSheet(problem ? QStringLiteral("color: %1;").arg(Theme::errorColor().name()) : QString());
    label->setText(message);
    label->show();
}

void QualityPage::review(int step)
{
    const QString id = selectedIssueId();
    if (id.isEmpty() || m_busy)
        return;
    const Json issue = m_model->issue(id);
    const QString name = text(issue, "title").isEmpty() ? text(issue, "ncr_number") : text(issue, "title");
    auto *dialog = new ReviewNotesDialog(m_client, ReviewNotesDialog::Step(step), id, name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_busy = true;
    showDetail();
    connect(dialog, &QDialog::finished, this, [this, step, name](int result) {
        m_busy = false;
        if (result == QDialog::Accepted) {
            static const char *done[] = {QT_TR_NOOP("“%1” approved."), QT_TR_NOOP("“%1” rejected."), QT_TR_NOOP("“%1” closed.")};
            say(m_actionMessage, tr(done[step]).arg(name), false);
            m_model->reload();
        }
        showDetail();
    });
    dialog->open();
}

void QualityPage::verify()
{
    const QString id = selectedIssueId();
    if (id.isEmpty() || m_busy)
        return;
    m_busy = true;
    showDetail();
    m_client.post(QStringLiteral("/api/v1/issues/%1/verify").arg(id)).then(this, [this](const ApiReply &reply) {
        m_busy = false;
        if (reply.ok()) {
            say(m_actionMessage, tr("The NCR's corrective action is recorded as verified."), false);
            m_model->reload();
        } else {
            say(m_actionMessage,
                tr("The NCR was not verified: %1").arg(reply.errorMessage()) +
                    (reply.errorCode() == QLatin1String("INVALID_STATE_TRANSITION")
                         ? QLatin1Char('\n') + tr("Someone verified it in the meantime; the detail shows when.")
                         : QString()),
                true);
        }
        showDetail();
    });
}

// --- scrap reasons ---------------------------------------------------------------------------

void QualityPage::reloadReasons()
{
    if (m_tenantId.isEmpty())
        return;
    if (m_reasonsLoading) {
        m_reasonsAgain = true;
        return;
    }
    m_reasonsLoading = true;
    const QString tenant = m_tenantId;
    // The list answers active reasons unless asked; inactive ones come in a second request.
    auto collected = std::make_shared<QList<Json>>();
    auto finish = [this, tenant](const QString &problem, const QList<Json> &reasons) {
        m_reasonsLoading = false;
        if (tenant == m_tenantId) {
            if (problem.isEmpty()) {
                m_reasonRows.clear();
                for (const Json &r : reasons)
                    m_reasonRows.insert(text(r, "id"), r);
                showReasons(reasons);
                emit scrapReasonsLoaded();
            } else {
                say(m_reasonMessage, tr("The scrap reasons could not be loaded: %1").arg(problem), true);
            }
        }
        if (std::exchange(m_reasonsAgain, false) || tenant != m_tenantId)
            reloadReasons();
    };
    m_client.get(QStringLiteral("/api/v1/scrap-reasons?active=true&limit=1000"))
        .then(this, [this, collected, finish](const ApiReply &active) {
            if (!active.ok())
                return finish(active.errorMessage(), {});
            for (const Json &r : active.data().value("scrap_reasons", Json::array()))
                collected->append(r);
            m_client.get(QStringLiteral("/api/v1/scrap-reasons?active=false&limit=1000"))
                .then(this, [collected, finish](const ApiReply &inactive) {
                    if (!inactive.ok())
                        return finish(inactive.errorMessage(), {});
                    for (const Json &r : inactive.data().value("scrap_reasons", Json::array()))
                        collected->append(r);
                    finish({}, *collected);
                });
        });
}

void QualityPage::showReasons(const QList<Json> &reasons)
{
    const QString keep = selectedReasonId();
    QList<Json> shown;
    for (const Json &r : reasons)
        if (m_showInactive->isChecked() || flag(r, "active"))
            shown.append(r);
    std::sort(shown.begin(), shown.end(), [](const Json &a, const Json &b) {
        if (flag(a, "active") != flag(b, "active"))
            return flag(a, "active");
        const QString ca = ScrapReasonDialog::categoryText(text(a, "category")), cb = ScrapReasonDialog::categoryText(text(b, "category"));
        if (ca != cb)
            return ca.localeAwareCompare(cb) < 0;
        return text(a, "code").localeAwareCompare(text(b, "code")) < 0;
    });
    m_reasons->setSortingEnabled(false);
    m_reasons->setRowCount(int(shown.size()));
    for (int row = 0; row < shown.size(); ++row) {
        const Json &r = shown[row];
        const bool active = flag(r, "active");
        const QString cells[] = {text(r, "code"), text(r, "description"), ScrapReasonDialog::categoryText(text(r, "category")),
                                 active ? tr("Yes") : tr("No")};
        for (int c = 0; c < ReasonColumnCount; ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            item->setData(Qt::UserRole, text(r, "id"));
            if (!active)
                item->setForeground(m_reasons->palette().brush(QPalette::Disabled, QPalette::Text));
            m_reasons->setItem(row, c, item);
        }
        if (text(r, "id") == keep)
            m_reasons->selectRow(row);
    }
    updateReasonActions();
}

QString QualityPage::selectedReasonId() const
{
    const QList<QTableWidgetItem *> items = m_reasons->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(Qt::UserRole).toString();
}

void QualityPage::updateReasonActions()
{
    const QString id = selectedReasonId();
    const bool has = !id.isEmpty() && m_reasonRows.contains(id);
    m_editReason->setEnabled(has);
    m_toggleReason->setEnabled(has);
    m_newReason->setEnabled(!m_tenantId.isEmpty());
    const bool active = has && flag(m_reasonRows.value(id), "active");
    m_toggleReason->setText(has && !active ? tr("&Activate") : tr("&Deactivate"));
}

void QualityPage::editReason(bool create)
{
    const QString id = selectedReasonId();
    if (!create && id.isEmpty())
        return;
    auto *dialog = new ScrapReasonDialog(m_client, create ? Json() : m_reasonRows.value(id), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, create] {
        say(m_reasonMessage, create ? tr("Scrap reason created.") : tr("Scrap reason saved."), false);
        reloadReasons();
    });
    dialog->open();
}

void QualityPage::toggleReasonActive()
{
    const QString id = selectedReasonId();
    if (id.isEmpty() || !m_reasonRows.contains(id))
        return;
    const Json reason = m_reasonRows.value(id);
    const bool activate = !flag(reason, "active");
    const QString code = text(reason, "code");
    m_toggleReason->setEnabled(false);
    m_client.patch(QStringLiteral("/api/v1/scrap-reasons/%1").arg(id), Json{{"active", activate}})
        .then(this, [this, activate, code](const ApiReply &reply) {
            updateReasonActions();
            if (!reply.ok()) {
                say(m_reasonMessage, tr("%1 was not changed: %2").arg(code, reply.errorMessage()), true);
                return;
            }
            say(m_reasonMessage,
                activate ? tr("%1 is active again: operators can pick it.").arg(code)
                         : tr("%1 is deactivated: operators no longer see it; past reports keep it.").arg(code),
                false);
            if (!activate && !m_showInactive->isChecked())
                m_reasons->clearSelection();
            reloadReasons();
        });
}

} // namespace ery::ui
