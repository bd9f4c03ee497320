#include "client/actionjournal.h"
#include "client/jsonfields.h"
#include "client/remoteclient.h"
#include "servedhub.h"
#include "terminaldriver.h"
#include "terminal/loginpage.h"
#include "terminal/operationpanel.h"
#include "terminal/productiondialog.h"
#include "terminal/queuerowdelegate.h"
#include "terminal/registerpage.h"
#include "terminal/terminalstatusbar.h"
#include "terminal/terminalwindow.h"
#include "terminal/workpage.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace ery;
using namespace ery::client;

// The floor terminal against a hub on another machine (`eryxon --terminal --connect`): a real
// `eryxon-server serve` in its own process, the terminal over HTTP and the realtime WebSocket.
// Registration with a pasted terminal key, five wrong PINs locking the operator through the hub,
// start then stop & complete, a change made by another client in the queue within a second, and
// the hub stopped while the operator takes three actions — each applied once and in order when it
// is back.
class TstTerminalRemote : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void registersWithAPastedKey();
    void fiveWrongPinsLockTheOperatorThroughTheHub();
    void startThenStopAndComplete();
    void aChangeElsewhereIsInTheQueueWithinASecond();
    void threeActionsWhileTheHubIsStoppedAreAppliedOnceInOrder();

private:
    ui::WorkPage *work() const { return m_window->workPage(); }
    ui::OperationPanel *panel() const { return work()->panel(); }

    test::ServedHub m_hub;
    QTemporaryDir m_dir;
    QString m_terminalKey, m_adminKey, m_assembly;
    std::unique_ptr<RemoteClient> m_client;
    std::unique_ptr<ui::TerminalWindow> m_window;
    test::TerminalDriver m_driver; // the operator at the terminal, the office with an admin key
};

void TstTerminalRemote::initTestCase()
{
    QVERIFY(m_hub.prepare());
    m_terminalKey = m_hub.createKey(QStringLiteral("terminal"), QStringLiteral("Assembly terminal"));
    m_adminKey = m_hub.createKey(QStringLiteral("admin"), QStringLiteral("the office"));
    QVERIFY(m_terminalKey.startsWith(QLatin1String("ery_live_")) && m_adminKey.startsWith(QLatin1String("ery_live_")));
    QVERIFY(m_hub.start());
    m_driver.setApi(m_hub.base(), m_adminKey);
    const Json cells = m_driver.http("GET", QStringLiteral("/api/v1/cells?limit=100"));
    for (const Json &c : cells["data"]["cells"])
        if (c.value("name", std::string()) == "Assembly")
            m_assembly = QString::fromStdString(c.value("id", std::string()));
    QVERIFY2(!m_assembly.isEmpty(), cells.dump().substr(0, 400).c_str());
    m_client = std::make_unique<RemoteClient>(m_hub.base());
    m_window = std::make_unique<ui::TerminalWindow>(*m_client, false, m_dir.filePath(QStringLiteral("journal.json")));
    m_window->journal().setRetryBaseMs(100);
    m_driver.attach(m_window.get(), m_client.get(), m_assembly);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TstTerminalRemote::cleanupTestCase()
{
    m_window.reset();
    m_client.reset();
    m_hub.stop();
}





void TstTerminalRemote::registersWithAPastedKey()
{
    ui::RegisterPage *page = m_window->registerPage();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPage(), static_cast<QWidget *>(page), 5000);
    // A key that is not a terminal key of this hub is refused in words; nothing is kept.
    auto *key = page->findChild<QLineEdit *>(QStringLiteral("registerKey"));
    key->setText(QStringLiteral("ery_live_") + QString(32, QLatin1Char('0')));
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("registerUseKey")), Qt::LeftButton);
    m_driver.typePin(QStringLiteral("DMW0001"), QStringLiteral("1234"));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->currentPage() == page || !m_window->loginPage()->messageLabel()->text().isEmpty(), 5000);
    if (m_window->currentPage() != page)
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPage(), static_cast<QWidget *>(page), 5000);
    // The real one: the PIN login follows.
    key->setText(m_terminalKey);
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("registerUseKey")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPage(), static_cast<QWidget *>(m_window->loginPage()), 5000);
    QCOMPARE(m_client->terminalKey(), m_terminalKey);
}

void TstTerminalRemote::fiveWrongPinsLockTheOperatorThroughTheHub()
{
    QLabel *message = m_window->loginPage()->messageLabel();
    for (int i = 0; i < 5; ++i) {
        message->clear();
        m_driver.typePin(QStringLiteral("DMW0004"), QStringLiteral("0000"));
        QTRY_VERIFY_WITH_TIMEOUT(!message->text().isEmpty() && !message->text().contains(QLatin1String("Signing in")), 5000);
    }
    QVERIFY2(message->text().contains(QLatin1String("Locked")), qPrintable(message->text()));
    // The hub holds the lock: the operator's row says so, whichever terminal asks next.
    const Json ops = m_driver.http("GET", QStringLiteral("/api/v1/operators?employee_id=DMW0004"))["data"]["operators"];
    QCOMPARE(ops.size(), size_t(1));
    QVERIFY2(ops[0]["locked_until"].is_string(), ops[0].dump().c_str());
    message->clear();
    m_driver.typePin(QStringLiteral("DMW0004"), QStringLiteral("4567"));
    QTRY_VERIFY_WITH_TIMEOUT(message->text().startsWith(QLatin1String("Locked")), 5000);
}

void TstTerminalRemote::startThenStopAndComplete()
{
    m_driver.signIn(QStringLiteral("DMW0001"), QStringLiteral("1234"));
    const QString op = m_driver.makeJob(QStringLiteral("REMOTE-1"));
    QVERIFY(!op.isEmpty());
    m_driver.openInAssembly(op);
    QTRY_VERIFY(panel()->startButton()->isEnabled());
    QTest::mouseClick(panel()->startButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_driver.statusOf(op), QStringLiteral("in_progress"), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(panel()->completeButton()->isEnabled(), 5000);
    QTest::mouseClick(panel()->completeButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_driver.statusOf(op), QStringLiteral("completed"), 5000);
    const Json entries = m_driver.http("GET", QStringLiteral("/api/v1/time-entries?operation_id=") + op)["data"]["time_entries"];
    QCOMPARE(entries.size(), size_t(1));
    QVERIFY(!entries[0]["end_time"].is_null());
    const Json jobs = m_driver.http("GET", QStringLiteral("/api/v1/jobs?job_number=REMOTE-1"))["data"]["jobs"];
    QCOMPARE(QString::fromStdString(jobs[0].value("status", std::string())), QStringLiteral("completed"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_driver.inQueue(op), 3000);
}

void TstTerminalRemote::aChangeElsewhereIsInTheQueueWithinASecond()
{
    m_driver.signIn(QStringLiteral("DMW0001"), QStringLiteral("1234"));
    work()->showCell(m_assembly);
    QTRY_VERIFY(m_client->isFeedConnected());
    QTest::qWait(500); // the cell's first reads are through
    QElapsedTimer clock;
    clock.start();
    const QString op = m_driver.makeJob(QStringLiteral("REMOTE-2"));
    QVERIFY(!op.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(m_driver.inQueue(op), 1000);
    qInfo("a job made by another client was in the remote terminal's queue after %lld ms", clock.elapsed());
}

void TstTerminalRemote::threeActionsWhileTheHubIsStoppedAreAppliedOnceInOrder()
{
    m_driver.signIn(QStringLiteral("DMW0002"), QStringLiteral("2345"));
    const QString op = m_driver.makeJob(QStringLiteral("REMOTE-3"), 6);
    m_driver.openInAssembly(op);
    QTRY_VERIFY(panel()->startButton()->isEnabled());
    QSignalSpy applied(&m_window->journal(), &ActionJournal::applied);
    const int port = m_hub.port();
    m_hub.stop();

    // Start, report 5 good and 1 scrap, stop & complete — on a terminal whose hub is gone.
    QTest::mouseClick(panel()->startButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_client->isReachable(), 20000);
    QTRY_VERIFY(panel()->productionButton()->isEnabled());
    QTest::mouseClick(panel()->productionButton(), Qt::LeftButton);
    ui::ProductionDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<ui::ProductionDialog *>()));
    dialog->goodBox()->setValue(5);
    const QStringList reasons = dialog->reasonIds();
    if (!reasons.isEmpty())
        dialog->scrapBox(reasons[0])->setValue(1);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("productionSend")), Qt::LeftButton);
    // The terminal shows the operation as started meanwhile, so it can be completed.
    QTRY_VERIFY_WITH_TIMEOUT(panel()->completeButton()->isEnabled(), 5000);
    QTest::mouseClick(panel()->completeButton(), Qt::LeftButton);
    QTRY_COMPARE(m_window->journal().pending().size(), 3);
    const QString shown = m_window->terminalStatusBar()->connectionLabel()->text();
    QVERIFY2(shown.contains(QLatin1String("Hub unreachable")) && shown.contains(QLatin1String("3 action")), qPrintable(shown));
    QCOMPARE(applied.count(), 0);

    QVERIFY(m_hub.start(port));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->journal().pending().size(), 0, 20000);
    QCOMPARE(applied.count(), 3);
    QVERIFY(applied[0][0].value<ActionJournal::Entry>().path.endsWith(QLatin1String("/start")));
    QVERIFY(applied[1][0].value<ActionJournal::Entry>().path.endsWith(QLatin1String("/production")));
    QVERIFY(applied[2][0].value<ActionJournal::Entry>().path.endsWith(QLatin1String("/complete")));
    QVERIFY(m_window->journal().conflicts().isEmpty());
    // Each once: one time entry, closed; one report; the operation done.
    QCOMPARE(m_driver.statusOf(op), QStringLiteral("completed"));
    const Json entries = m_driver.http("GET", QStringLiteral("/api/v1/time-entries?operation_id=") + op)["data"]["time_entries"];
    QCOMPARE(entries.size(), size_t(1));
    QVERIFY(!entries[0]["end_time"].is_null());
    const Json reports = m_driver.http("GET", QStringLiteral("/api/v1/production?operation_id=") + op)["data"]["operation_quantities"];
    QCOMPARE(reports.size(), size_t(1));
    QCOMPARE(reports[0].value("quantity_good", 0), 5);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->terminalStatusBar()->connectionLabel()->text().contains(QLatin1String("Connected")), 5000);
}

// The settings file and data directory must be this test's before QSettings first looks for them.
int main(int argc, char **argv)
{
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
    qputenv("XDG_DATA_HOME", (config.path() + QStringLiteral("/data")).toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("Eryxon"));
    QCoreApplication::setApplicationName(QStringLiteral("eryxon"));
    QApplication app(argc, argv);
    TstTerminalRemote test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_terminalremote.moc"
