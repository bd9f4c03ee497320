#include "admin/jobspage.h"
#include "engine.h"
#include "engineclient.h"
#include "models/jobstablemodel.h"
#include "services/demoshop.h"
#include "shell/mainwindow.h"

#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

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
    void servesTheApiAndSaysWhere();
    void apiPortInUseIsReportedNotFatal();

private:
    ui::JobsTableModel *model() const { return m_window->jobsPage()->model(); }
    QString statusTextOf(const QString &jobId) const;
    QString firstJobWithStatus(const QString &status, const QString &except = {}) const;

    QTemporaryDir m_dir;
    Config m_cfg;
    std::unique_ptr<EngineHost> m_host;
    std::unique_ptr<EngineClient> m_client;
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
    m_client = std::make_unique<EngineClient>(*m_host);

    auto demo = m_client->call<Result<DemoShop::Outcome>>([](Services &s) { return DemoShop::load(s); });
    demo.waitForFinished();
    const auto outcome = demo.result();
    QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : outcome.error().message));
    m_tenant = outcome->tenantId;

    m_window = std::make_unique<ui::MainWindow>(*m_client, false);
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
    auto st = m_client->status();
    st.waitForFinished();
    const QString url = str(st.result()["api"], "url");
    const int port = QUrl(url).port();
    QVERIFY(port > 0);
    // A second workstation process on the same machine and port: it opens, without its own API.
    Config second = m_cfg;
    second.http.port = port;
    EngineHost other(second);
    QVERIFY(other.start());
    EngineClient client(other);
    auto s = client.status();
    s.waitForFinished();
    QCOMPARE(str(s.result(), "status"), QStringLiteral("ok"));
    QVERIFY(s.result()["api"]["listening"] == Json(false));
    QVERIFY(str(s.result()["api"], "error").contains(QString::number(port)));
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

    auto *proxy = qobject_cast<QSortFilterProxyModel *>(page->view()->model());
    QVERIFY(proxy);
    const QModelIndex row = proxy->mapFromSource(model()->index(model()->rowOfJob(jobId), 0));
    page->view()->selectRow(row.row());
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
    search->setText(number.toLower());
    QCOMPARE(shown->rowCount(), 1);

    const QString customer = model()->index(0, ui::JobsTableModel::CustomerColumn).data().toString();
    search->setText(customer.toUpper());
    QVERIFY(shown->rowCount() >= 1);
    for (int r = 0; r < shown->rowCount(); ++r)
        QCOMPARE(shown->index(r, ui::JobsTableModel::CustomerColumn).data().toString(), customer);

    search->clear();
    QCOMPARE(shown->rowCount(), 30);
}

void TstJobsPage::rejectedActionIsExplained()
{
    QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 30, 5000);
    ui::JobsPage *page = m_window->jobsPage();
    const QString jobId = firstJobWithStatus(QStringLiteral("not_started"));
    QVERIFY(!jobId.isEmpty());
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(page->view()->model());
    page->view()->selectRow(proxy->mapFromSource(model()->index(model()->rowOfJob(jobId), 0)).row());
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

QTEST_MAIN(TstJobsPage)
#include "tst_jobspage.moc"
