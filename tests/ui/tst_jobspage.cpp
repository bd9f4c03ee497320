#include "admin/jobspage.h"
#include "engine.h"
#include "inprocessclient.h"
#include "models/jobstablemodel.h"
#include "services/demoshop.h"
#include "shell/mainwindow.h"

#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

#include <memory>

using namespace ery::domain;
using namespace ery::services;
using namespace ery;

// The jobs page against a real engine on a SQLite file: it loads the demo shop, follows changes
// another connection commits (as another process would) and drives the job lifecycle.
class TstJobsPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void showsTheDemoJobs();
    void followsChangesFromAnotherConnection();
    void startButtonStartsTheSelectedJob();
    void searchFiltersByJobAndCustomer();
    void rejectedActionIsExplained();
    void selectionStaysOnTheJobThroughSearchSortAndLiveUpdates();
    void deletedSelectedJobLeavesNothingSelected();
    void completeAsksFirstNamingTheJobAndItsOpenOperations();
    void servesTheApiAndSaysWhere();
    void apiPortInUseIsReportedNotFatal();
    void statusBarSaysWhyTheApiIsOff();
    void hubStatusSummaryOpensTheDetail();
    void ctrlKJumpsToAJobByNumber();
    void readsAPageAtATimeAndFindsAJobFarDown();

private:
    ui::JobsTableModel *model() const { return m_window->jobsPage()->model(); }
    QString statusTextOf(const QString &jobId) const;
    QString firstJobWithStatus(const QString &status, const QString &except = {}) const;
    QString numberOf(const QString &jobId) const;
    QString storedStatus(const QString &jobId) const;
    QString highlightedJobId() const;
    void clickJob(const QString &jobId);
    static QLabel *apiLabel(QWidget *window);

    QTemporaryDir m_dir;
    QTranslator m_english;
    Config m_cfg;
    std::unique_ptr<EngineHost> m_host;
    std::unique_ptr<InProcessClient> m_client;
    std::unique_ptr<ui::MainWindow> m_window;
    QString m_tenant;
};

void TstJobsPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_cfg.dbUrl = m_dir.filePath(QStringLiteral("shop.db"));
    // As the desktop starts it: the API on, on a free port here, and optional.
    m_cfg.http.enabled = true;
    m_cfg.http.optional = true;
    m_cfg.http.port = 0;
    m_host = std::make_unique<EngineHost>(m_cfg);
    const Status started = m_host->start();
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
    m_client = std::make_unique<InProcessClient>(*m_host);

    auto demo = m_host->call<Result<DemoShop::Outcome>>([](Engine &e) { return DemoShop::load(e.services()); });
    demo.waitForFinished();
    const auto outcome = demo.result();
    QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : outcome.error().message));
    m_tenant = outcome->tenantId;

    // As the desktop does: English supplies the plural forms ("1 job", "30 jobs").
    QVERIFY(m_english.load(QStringLiteral("eryxon_en"), QStringLiteral(":/i18n")));
    QCoreApplication::installTranslator(&m_english);

    // --demo: the demo shop opens signed in as its admin.
    m_window = std::make_unique<ui::MainWindow>(*m_client, true);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TstJobsPage::cleanupTestCase()
{
    m_window.reset();
    m_client.reset();
    m_host.reset();
}

void TstJobsPage::servesTheApiAndSaysWhere()
{
    QLabel *label = nullptr;
    for (QLabel *l : m_window->findChildren<QLabel *>())
        if (l->accessibleName() == QLatin1String("REST API"))
            label = l;
    QVERIFY(label);
    QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(QLatin1String("http://127.0.0.1:")), 5000);
    const QString url = label->text().mid(label->text().indexOf(QLatin1String("http://")));
    QVERIFY(url.endsWith(QLatin1String("/api/v1")));
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(url.chopped(7) + QStringLiteral("/health"))));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    delete reply;
}

void TstJobsPage::apiPortInUseIsReportedNotFatal()
{
    auto st = m_host->call<Json>([](Engine &e) { return e.status(); });
    st.waitForFinished();
    const QString url = str(st.result()["api"], "url");
    const int port = QUrl(url).port();
    QVERIFY(port > 0);
    // A second workstation process on the same machine and port: it opens, without its own API.
    Config second = m_cfg;
    second.http.port = port;
    EngineHost other(second);
    QVERIFY(other.start());
    auto s = other.call<Json>([](Engine &e) { return e.status(); });
    s.waitForFinished();
    QCOMPARE(str(s.result(), "status"), QStringLiteral("ok"));
    QVERIFY(s.result()["api"]["listening"] == Json(false));
    QVERIFY(str(s.result()["api"], "error").contains(QString::number(port)));
    QCOMPARE(str(s.result()["api"], "reason"), QStringLiteral("port_in_use"));
    other.stop();
    // `serve` asks for the API outright: there a port in use is an error.
    second.http.optional = false;
    EngineHost strict(second);
    QVERIFY(!strict.start());
}

QString TstJobsPage::statusTextOf(const QString &jobId) const
{
    const int row = model()->rowOfJob(jobId);
    return row < 0 ? QString() : model()->index(row, ui::JobsTableModel::StatusColumn).data().toString();
}

QString TstJobsPage::firstJobWithStatus(const QString &status, const QString &except) const
{
    for (int r = 0; r < model()->rowCount(); ++r) {
        const QModelIndex i = model()->index(r, 0);
        const QString id = i.data(ui::JobsTableModel::JobIdRole).toString();
        if (i.data(ui::JobsTableModel::StatusRole).toString() == status && id != except)
            return id;
    }
    return {};
}

void TstJobsPage::showsTheDemoJobs()
{
    QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 30, 5000);
    QVERIFY(m_window->windowTitle().endsWith(DemoShop::tenantName()));
    QTableView *view = m_window->jobsPage()->view();
    QCOMPARE(view->model()->rowCount(), 30);
}

void TstJobsPage::followsChangesFromAnotherConnection()
{
    QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 30, 5000);
    const QString jobId = firstJobWithStatus(QStringLiteral("not_started"));
    QVERIFY(!jobId.isEmpty());
    QCOMPARE(statusTextOf(jobId), QStringLiteral("Not started"));

    // A second connection in this thread stands in for another process on the same file: the
    // window learns of it only through the outbox the engine's dispatcher polls.
    Engine other(m_cfg);
    const Status opened = other.open(false);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
    const auto started = other.services().jobs.start(Scope::of(m_tenant), jobId);
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
    other.close();

    QTRY_COMPARE_WITH_TIMEOUT(statusTextOf(jobId), QStringLiteral("In progress"), 5000);
}

void TstJobsPage::startButtonStartsTheSelectedJob()
{
    QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 30, 5000);
    ui::JobsPage *page = m_window->jobsPage();
    const QString jobId = firstJobWithStatus(QStringLiteral("not_started"));
    QVERIFY(!jobId.isEmpty());

    // The view shows the model's rows as they are: the hub sorts and searches.
    QCOMPARE(page->view()->model(), model());
    page->view()->selectRow(model()->rowOfJob(jobId));
    QCOMPARE(page->selectedJobId(), jobId);

    auto *start = page->findChild<QPushButton *>(QStringLiteral("startButton"));
    auto *pause = page->findChild<QPushButton *>(QStringLiteral("pauseButton"));
    auto *resume = page->findChild<QPushButton *>(QStringLiteral("resumeButton"));
    auto *complete = page->findChild<QPushButton *>(QStringLiteral("completeButton"));
    QVERIFY(start && pause && resume && complete);
    QVERIFY(start->isEnabled());
    QVERIFY(!pause->isEnabled());
    QVERIFY(!resume->isEnabled());
    QVERIFY(!complete->isEnabled());

    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(statusTextOf(jobId), QStringLiteral("In progress"), 5000);
    // The selection follows the job through the reload, and the actions follow its new status.
    QCOMPARE(page->selectedJobId(), jobId);
    QTRY_VERIFY(pause->isEnabled());
    QVERIFY(!start->isEnabled());
    QVERIFY(complete->isEnabled());

    Engine check(m_cfg);
    QVERIFY(check.open(false).ok());
    const auto job = check.services().jobs.get(Scope::of(m_tenant), jobId);
    QVERIFY(job.ok());
    QCOMPARE(str(*job, "status"), QStringLiteral("in_progress"));
}

void TstJobsPage::searchFiltersByJobAndCustomer()
{
    QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 30, 5000);
    ui::JobsPage *page = m_window->jobsPage();
    auto *search = page->findChild<QLineEdit *>(QStringLiteral("jobSearch"));
    QVERIFY(search);
    QAbstractItemModel *shown = page->view()->model();

    const QString number = model()->index(0, ui::JobsTableModel::JobColumn).data().toString();
    const QString customer = model()->index(0, ui::JobsTableModel::CustomerColumn).data().toString();
    search->setText(number.toLower());
    QTRY_COMPARE_WITH_TIMEOUT(shown->rowCount(), 1, 5000);
    QCOMPARE(shown->index(0, ui::JobsTableModel::JobColumn).data().toString(), number);
    auto *count = page->findChild<QLabel *>(QStringLiteral("jobCount"));
    QVERIFY(count);
    QCOMPARE(count->text(), QStringLiteral("1 job matches"));

    search->setText(customer.toUpper());
    QTRY_VERIFY_WITH_TIMEOUT(model()->search() == customer.toUpper() && !model()->isLoading(), 5000);
    QVERIFY(shown->rowCount() >= 1);
    for (int r = 0; r < shown->rowCount(); ++r)
        QCOMPARE(shown->index(r, ui::JobsTableModel::CustomerColumn).data().toString(), customer);

    // Text that is SQL to someone, or a LIKE wildcard, is only text: it matches nothing here.
    search->setText(QStringLiteral("%' OR '1'='1"));
    QTRY_COMPARE_WITH_TIMEOUT(shown->rowCount(), 0, 5000);
    search->setText(QStringLiteral("_"));
    QTRY_COMPARE_WITH_TIMEOUT(shown->rowCount(), 0, 5000);

    search->clear();
    QTRY_COMPARE_WITH_TIMEOUT(shown->rowCount(), 30, 5000);
    QCOMPARE(count->text(), QStringLiteral("30 jobs"));
}

void TstJobsPage::rejectedActionIsExplained()
{
    QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 30, 5000);
    ui::JobsPage *page = m_window->jobsPage();
    const QString jobId = firstJobWithStatus(QStringLiteral("not_started"));
    QVERIFY(!jobId.isEmpty());
    page->view()->selectRow(model()->rowOfJob(jobId));
    auto *start = page->findChild<QPushButton *>(QStringLiteral("startButton"));
    QVERIFY(start->isEnabled());

    // Someone else starts the job first; the window has not heard yet (no event loop has run), so
    // Start is still offered and the engine must refuse it.
    Engine other(m_cfg);
    QVERIFY(other.open(false).ok());
    QVERIFY(other.services().jobs.start(Scope::of(m_tenant), jobId).ok());
    other.close();
    QVERIFY(start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);

    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = page->findChild<QMessageBox *>()) != nullptr, 5000);
    QVERIFY(box->text().contains(model()->index(model()->rowOfJob(jobId), ui::JobsTableModel::JobColumn).data().toString()));
    QVERIFY(!box->informativeText().isEmpty());
    box->close();
    QTRY_COMPARE_WITH_TIMEOUT(statusTextOf(jobId), QStringLiteral("In progress"), 5000);
    QTRY_VERIFY(!start->isEnabled());
}

QString TstJobsPage::numberOf(const QString &jobId) const
{
    return model()->index(model()->rowOfJob(jobId), ui::JobsTableModel::JobColumn).data().toString();
}

QString TstJobsPage::storedStatus(const QString &jobId) const
{
    Engine check(m_cfg);
    if (!check.open(false).ok())
        return QStringLiteral("<database not opened>");
    const auto job = check.services().jobs.get(Scope::of(m_tenant), jobId);
    return job.ok() ? str(*job, "status") : QStringLiteral("<%1>").arg(job.error().message);
}

// The job whose row the user sees highlighted (empty when none is).
QString TstJobsPage::highlightedJobId() const
{
    const QModelIndexList rows = m_window->jobsPage()->view()->selectionModel()->selectedRows();
    return rows.size() == 1 ? rows.first().data(ui::JobsTableModel::JobIdRole).toString() : QString();
}

// A click on the job's row, as the user would.
void TstJobsPage::clickJob(const QString &jobId)
{
    QTableView *view = m_window->jobsPage()->view();
    const QModelIndex row = model()->index(model()->rowOfJob(jobId), ui::JobsTableModel::CustomerColumn);
    QVERIFY(row.isValid());
    view->scrollTo(row);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(row).center());
    QCOMPARE(highlightedJobId(), jobId);
}

void TstJobsPage::selectionStaysOnTheJobThroughSearchSortAndLiveUpdates()
{
    QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 30, 5000);
    ui::JobsPage *page = m_window->jobsPage();
    auto *search = page->findChild<QLineEdit *>(QStringLiteral("jobSearch"));
    auto *start = page->findChild<QPushButton *>(QStringLiteral("startButton"));
    QVERIFY(search && start);
    search->clear();

    // The job the user picks, and the one whose number they then type: typing it hides the first.
    const QString picked = firstJobWithStatus(QStringLiteral("not_started"));
    const QString typed = firstJobWithStatus(QStringLiteral("not_started"), picked);
    QVERIFY(!picked.isEmpty() && !typed.isEmpty());
    clickJob(picked);
    QCOMPARE(page->selectedJobId(), picked);
    QVERIFY(start->isEnabled());

    // Key by key, as typed: after each key the highlight is on the picked job or on nothing —
    // never on a neighbour that took its row.
    search->setFocus();
    const QString number = numberOf(typed);
    for (const QChar c : number) {
        QTest::keyClick(search, c.toLatin1());
        const QString shown = highlightedJobId();
        QVERIFY2(shown.isEmpty() || shown == picked,
                 qPrintable(QStringLiteral("after \"%1\" the highlight moved to %2").arg(search->text(), numberOf(shown))));
        QCOMPARE(page->selectedJobId(), shown);
        QCOMPARE(start->isEnabled(), !shown.isEmpty());
    }
    QTRY_COMPARE_WITH_TIMEOUT(page->view()->model()->rowCount(), 1, 5000);
    QCOMPARE(highlightedJobId(), QString());
    QVERIFY(!start->isEnabled());
    // Start on the one row left does nothing: it was never selected.
    QTest::mouseClick(start, Qt::LeftButton);
    QTest::qWait(300);
    QCOMPARE(storedStatus(typed), QStringLiteral("not_started"));

    // Clearing the search brings the picked job back, selected.
    search->clear();
    QTRY_COMPARE_WITH_TIMEOUT(highlightedJobId(), picked, 5000);
    QCOMPARE(page->selectedJobId(), picked);
    QVERIFY(start->isEnabled());

    // A re-sort by the user moves rows, not the selection.
    QTableView *view = page->view();
    const int rowBefore = view->selectionModel()->selectedRows().first().row();
    view->sortByColumn(ui::JobsTableModel::JobColumn, Qt::DescendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(!model()->isLoading(), 5000);
    QCOMPARE(highlightedJobId(), picked);
    for (int r = 1; r < model()->rowCount(); ++r)
        QVERIFY(model()->index(r - 1, 0).data().toString() > model()->index(r, 0).data().toString());
    view->sortByColumn(ui::JobsTableModel::DueColumn, Qt::AscendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(!model()->isLoading(), 5000);
    QCOMPARE(highlightedJobId(), picked);

    // Live updates from another process: the picked job's due date moves it to the end of the
    // list, other jobs change status, and a new job arrives. The highlight stays on the job.
    Engine other(m_cfg);
    QVERIFY(other.open(false).ok());
    const Scope scope = Scope::of(m_tenant);
    QVERIFY(other.services().jobs.update(scope, picked, Json{{"due_date", "2099-12-31T00:00:00.000Z"}}).ok());
    QVERIFY(other.services().jobs.start(scope, typed).ok());
    const auto added = other.services().jobs.create(
        scope, Json{{"job_number", "JOB-LIVE-1"}, {"customer", "Live Update GmbH"}, {"due_date", "2000-01-01T00:00:00.000Z"}});
    QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().message));
    other.close();
    QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 31, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(statusTextOf(typed), QStringLiteral("In progress"), 5000);
    const qint64 farDue = QDateTime(QDate(2099, 12, 31), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    QTRY_COMPARE_WITH_TIMEOUT(
        model()->index(model()->rowOfJob(picked), ui::JobsTableModel::DueColumn).data(ui::JobsTableModel::SortRole).toLongLong(), farDue,
        5000);
    QVERIFY(view->selectionModel()->selectedRows().value(0).row() != rowBefore);
    QCOMPARE(highlightedJobId(), picked);
    QCOMPARE(page->selectedJobId(), picked);

    // A search typed while updates arrive, then cleared: still the picked job.
    QTest::keyClicks(search, QStringLiteral("live"));
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 1, 5000);
    QCOMPARE(highlightedJobId(), QString());
    search->clear();
    QTRY_COMPARE_WITH_TIMEOUT(highlightedJobId(), picked, 5000);

    // And Start starts the picked job, and only it.
    QVERIFY(start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(statusTextOf(picked), QStringLiteral("In progress"), 5000);
    QCOMPARE(storedStatus(picked), QStringLiteral("in_progress"));
    QCOMPARE(storedStatus(str(*added, "id")), QStringLiteral("not_started"));
    QCOMPARE(highlightedJobId(), picked);
}

void TstJobsPage::deletedSelectedJobLeavesNothingSelected()
{
    ui::JobsPage *page = m_window->jobsPage();
    auto *start = page->findChild<QPushButton *>(QStringLiteral("startButton"));
    // The job the previous test added; another process deletes it while it is selected.
    QString doomed;
    for (int r = 0; r < model()->rowCount(); ++r)
        if (model()->index(r, ui::JobsTableModel::JobColumn).data().toString() == QLatin1String("JOB-LIVE-1"))
            doomed = model()->index(r, 0).data(ui::JobsTableModel::JobIdRole).toString();
    QVERIFY(!doomed.isEmpty());
    clickJob(doomed);
    QVERIFY(start->isEnabled());

    Engine other(m_cfg);
    QVERIFY(other.open(false).ok());
    QVERIFY(other.services().jobs.remove(Scope::of(m_tenant), doomed).ok());
    other.close();
    QTRY_COMPARE_WITH_TIMEOUT(model()->rowOfJob(doomed), -1, 5000);
    // The view would move the highlight to the next row; nothing is selected instead.
    QCOMPARE(highlightedJobId(), QString());
    QCOMPARE(page->selectedJobId(), QString());
    QVERIFY(!start->isEnabled());
}

void TstJobsPage::completeAsksFirstNamingTheJobAndItsOpenOperations()
{
    QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 30, 5000);
    ui::JobsPage *page = m_window->jobsPage();
    auto *complete = page->findChild<QPushButton *>(QStringLiteral("completeButton"));
    QVERIFY(complete);

    // A job in progress with operations not completed yet.
    Engine reader(m_cfg);
    QVERIFY(reader.open(false).ok());
    QString jobId;
    QStringList openOps;
    for (int r = 0; r < model()->rowCount() && jobId.isEmpty(); ++r) {
        const QModelIndex i = model()->index(r, 0);
        if (i.data(ui::JobsTableModel::StatusRole).toString() != QLatin1String("in_progress"))
            continue;
        const auto tree = reader.services().jobs.tree(Scope::of(m_tenant), i.data(ui::JobsTableModel::JobIdRole).toString());
        QVERIFY(tree.ok());
        QStringList names;
        for (const Json &part : (*tree)["parts"])
            for (const Json &op : part["operations"])
                if (str(op, "status") != QLatin1String("completed"))
                    names << str(op, "operation_name");
        if (!names.isEmpty()) {
            jobId = i.data(ui::JobsTableModel::JobIdRole).toString();
            openOps = names;
        }
    }
    reader.close();
    QVERIFY2(!jobId.isEmpty(), "the demo shop has a job in progress with open operations");
    clickJob(jobId);
    QVERIFY(complete->isEnabled());

    // Cancel: the question names the job and its open operations, and nothing changes.
    QTest::mouseClick(complete, Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = page->findChild<QMessageBox *>(QStringLiteral("confirmComplete"))) != nullptr, 5000);
    QCOMPARE(QApplication::activeModalWidget(), box);
    QVERIFY2(box->text().contains(numberOf(jobId)), qPrintable(box->text()));
    QVERIFY2(box->informativeText().contains(openOps.first()), qPrintable(box->informativeText()));
    QVERIFY(!complete->isEnabled()); // one question at a time
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(page->findChild<QMessageBox *>(QStringLiteral("confirmComplete")) == nullptr);
    QTest::qWait(300);
    QCOMPARE(storedStatus(jobId), QStringLiteral("in_progress"));
    QCOMPARE(statusTextOf(jobId), QStringLiteral("In progress"));
    QVERIFY(complete->isEnabled());

    // OK, while a live update re-sorts the list behind the question: the named job is completed.
    QTest::mouseClick(complete, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT((box = page->findChild<QMessageBox *>(QStringLiteral("confirmComplete"))) != nullptr, 5000);
    QVERIFY(box->text().contains(numberOf(jobId)));
    const QString bystander = firstJobWithStatus(QStringLiteral("in_progress"), jobId);
    QVERIFY(!bystander.isEmpty());
    {
        Engine other(m_cfg);
        QVERIFY(other.open(false).ok());
        QVERIFY(other.services().jobs.update(Scope::of(m_tenant), bystander, Json{{"due_date", "1999-01-01T00:00:00.000Z"}}).ok());
        other.close();
    }
    QTRY_COMPARE_WITH_TIMEOUT(model()->rowOfJob(bystander), 0, 5000);
    QCOMPARE(highlightedJobId(), jobId);
    auto *yes = box->findChild<QPushButton *>(QStringLiteral("confirmButton"));
    QVERIFY(yes);
    QVERIFY(yes->text().contains(numberOf(jobId)));
    QTest::mouseClick(yes, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(statusTextOf(jobId), QStringLiteral("Completed"), 5000);
    QCOMPARE(storedStatus(jobId), QStringLiteral("completed"));
    QCOMPARE(storedStatus(bystander), QStringLiteral("in_progress"));
    QCOMPARE(highlightedJobId(), jobId);
    QTRY_VERIFY(!complete->isEnabled()); // a completed job has no further step
}

QLabel *TstJobsPage::apiLabel(QWidget *window)
{
    for (QLabel *l : window->findChildren<QLabel *>())
        if (l->accessibleName() == QLatin1String("REST API"))
            return l;
    return nullptr;
}

void TstJobsPage::statusBarSaysWhyTheApiIsOff()
{
    // Another program holds a port; a workstation asked to serve on it says so in its status bar.
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
    const int port = squatter.serverPort();
    Config cfg = m_cfg;
    cfg.http.port = port;
    {
        EngineHost host(cfg);
        QVERIFY(host.start());
        InProcessClient client(host);
        auto s = host.call<Json>([](Engine &e) { return e.status(); });
        s.waitForFinished();
        const Json api = s.result()["api"];
        QCOMPARE(str(api, "reason"), QStringLiteral("port_in_use"));
        QCOMPARE(num(api, "port"), qint64(port));
        ui::MainWindow window(client, true);
        window.show();
        QLabel *label = apiLabel(&window);
        QVERIFY(label);
        QTRY_COMPARE_WITH_TIMEOUT(label->text(), QStringLiteral("API off: port %1 is used by another program").arg(port), 5000);
        QVERIFY(label->toolTip().contains(QStringLiteral("--api-port")));
        QVERIFY(label->isVisible());
    }
    // Started with --no-api: off on purpose, and it says so.
    cfg.http.enabled = false;
    {
        EngineHost host(cfg);
        QVERIFY(host.start());
        InProcessClient client(host);
        ui::MainWindow window(client, true);
        window.show();
        QLabel *label = apiLabel(&window);
        QVERIFY(label);
        QTRY_COMPARE_WITH_TIMEOUT(label->text(), QStringLiteral("API off: started with --no-api"), 5000);
    }
    // A privileged port for an unprivileged user, an address this machine does not have.
    QCOMPARE(ui::MainWindow::apiOffText(Json{{"reason", "permission_denied"}, {"port", 80}}),
             QStringLiteral("API off: no permission to use port 80"));
    QCOMPARE(ui::MainWindow::apiOffText(Json{{"reason", "address_unavailable"}, {"bind", "10.255.255.1"}}),
             QStringLiteral("API off: 10.255.255.1 is not an address of this computer"));
}

void TstJobsPage::hubStatusSummaryOpensTheDetail()
{
    auto *button = m_window->findChild<QPushButton *>(QStringLiteral("hubStatusButton"));
    QVERIFY(button);
    QTRY_VERIFY_WITH_TIMEOUT(button->isVisible() && button->text().contains(QLatin1String("req/min")), 8000);
    QVERIFY2(button->text().contains(QLatin1String("sockets")) && button->text().contains(QLatin1String("backlog")),
             qPrintable(button->text()));
    button->click();
    QDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = m_window->findChild<QDialog *>(QStringLiteral("hubStatusDialog"))) && dialog->isVisible(), 5000);
    const auto field = [&](const char *name) { return dialog->findChild<QLabel *>(QStringLiteral("status_") + QLatin1String(name))->text(); };
    QTRY_VERIFY_WITH_TIMEOUT(field("api").startsWith(QLatin1String("http://127.0.0.1:")), 5000);
    QVERIFY2(field("requests").contains(QLatin1String("since start")), qPrintable(field("requests")));
    QVERIFY2(field("database").contains(QLatin1String("SQLite")), qPrintable(field("database")));
    QVERIFY2(field("mqtt").contains(QLatin1String("publishers")), qPrintable(field("mqtt")));
    QVERIFY2(field("hubs").contains(QLatin1String("pid")), qPrintable(field("hubs"))); // this process, serving
    dialog->close();

    // Only what needs a look is added: failed webhook attempts and publishers without a broker.
    const Json quiet{{"realtime_connections", 2}, {"mcp_sessions", 1}, {"outbox", {{"backlog", 0}}}};
    QCOMPARE(ui::MainWindow::hubSummary(quiet, 12), QStringLiteral("12 req/min · 2 sockets · 1 MCP · backlog 0"));
    Json troubled = quiet;
    troubled["webhooks"] = {{"failed", 3}};
    troubled["mqtt"] = {{"publishers", 2}, {"connected", 1}};
    QCOMPARE(ui::MainWindow::hubSummary(troubled, -1), QStringLiteral("2 sockets · 1 MCP · backlog 0 · 3 webhook failures · MQTT 1/2"));
}

void TstJobsPage::ctrlKJumpsToAJobByNumber()
{
    QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() >= 30, 5000);
    // The last job in the list, so the view has to scroll to it.
    const QModelIndex last = m_window->jobsPage()->view()->model()->index(m_window->jobsPage()->view()->model()->rowCount() - 1, 0);
    const QString jobId = last.data(ui::JobsTableModel::JobIdRole).toString();
    const QString number = numberOf(jobId);
    m_window->jobsPage()->findChild<QLineEdit *>(QStringLiteral("jobSearch"))->setText(QStringLiteral("nothing matches this"));
    // Shortcuts go to the active window (the status detail of the test before had the focus).
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));

    const auto openJump = [&]() -> QDialog * {
        QTest::keyClick(m_window.get(), Qt::Key_K, Qt::ControlModifier);
        QDialog *d = nullptr;
        QTest::qWaitFor([&] { return (d = m_window->findChild<QDialog *>(QStringLiteral("jumpDialog"))) && d->isVisible(); }, 5000);
        return d;
    };
    // A number nobody has: said in the dialog, which stays open.
    QDialog *dialog = openJump();
    QVERIFY(dialog);
    auto *field = dialog->findChild<QLineEdit *>(QStringLiteral("jumpNumber"));
    QTest::keyClicks(field, QStringLiteral("JOB-NOPE-404"));
    QTest::keyClick(field, Qt::Key_Return);
    auto *message = dialog->findChild<QLabel *>(QStringLiteral("jumpMessage"));
    QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), 5000);
    QVERIFY2(message->text().contains(QLatin1String("JOB-NOPE-404")), qPrintable(message->text()));
    QVERIFY(dialog->isVisible());

    // The number in lower case: the job is shown selected, the search cleared.
    field->setText(number.toLower());
    QTest::keyClick(field, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->jobsPage()->selectedJobId(), jobId, 5000);
    QVERIFY(m_window->jobsPage()->findChild<QLineEdit *>(QStringLiteral("jobSearch"))->text().isEmpty());
    QCOMPARE(highlightedJobId(), jobId);
}

// A shop with more jobs than a page: the window holds what was scrolled through, not the shop.
void TstJobsPage::readsAPageAtATimeAndFindsAJobFarDown()
{
    ui::JobsPage *page = m_window->jobsPage();
    QString lastId;
    {
        Engine other(m_cfg);
        QVERIFY(other.open(false).ok());
        const Scope scope = Scope::of(m_tenant);
        for (int i = 0; i < 450; ++i)
            QVERIFY(other.services()
                        .jobs.create(scope, Json{{"job_number", toStd(QStringLiteral("BULK-%1").arg(i, 3, 10, QLatin1Char('0')))},
                                                 {"due_date", "2098-01-01T00:00:00.000Z"}})
                        .ok());
        // Undated, and last by number among the undated: the very end of the list.
        auto last = other.services().jobs.create(scope, Json{{"job_number", "ZZ-LAST"}});
        QVERIFY(last.ok());
        lastId = str(*last, "id");
        other.close();
    }
    QTRY_VERIFY_WITH_TIMEOUT(model()->total() >= 480 && !model()->isLoading(), 10000);
    // A page or two (the view was scrolled to the end, so it asked for the next), not the shop.
    const int loaded = model()->rowCount();
    QVERIFY2(loaded >= int(ui::JobsTableModel::kPageSize) && loaded < 2 * int(ui::JobsTableModel::kPageSize) + 31,
             qPrintable(QString::number(loaded)));
    QCOMPARE(model()->rowOfJob(lastId), -1);
    QCOMPARE(page->findChild<QLabel *>(QStringLiteral("jobCount"))->text(), QStringLiteral("%1 jobs").arg(model()->total()));

    // Scrolling to the end reads the next page.
    page->view()->scrollToTop();
    page->view()->scrollToBottom();
    QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() > loaded, 5000);

    // Asked for the last job, the list reads on until it has it, and selects it.
    QVERIFY(!page->showJob(lastId));
    QTRY_COMPARE_WITH_TIMEOUT(page->selectedJobId(), lastId, 10000);
    QCOMPARE(highlightedJobId(), lastId);
    QCOMPARE(model()->rowCount(), int(model()->total()));
    QCOMPARE(model()->rowOfJob(lastId), model()->rowCount() - 1);

    // A live change keeps every row read so far (the selection with it).
    {
        Engine other(m_cfg);
        QVERIFY(other.open(false).ok());
        QVERIFY(other.services().jobs.update(Scope::of(m_tenant), lastId, Json{{"customer", "Far Down AG"}}).ok());
        other.close();
    }
    QTRY_COMPARE_WITH_TIMEOUT(model()->index(model()->rowOfJob(lastId), ui::JobsTableModel::CustomerColumn).data().toString(),
                              QStringLiteral("Far Down AG"), 5000);
    QCOMPARE(model()->rowCount(), int(model()->total()));
    QCOMPARE(highlightedJobId(), lastId);
}

QTEST_MAIN(TstJobsPage)
#include "tst_jobspage.moc"
