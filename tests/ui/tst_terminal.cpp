#include "client/actionjournal.h"
#include "engine.h"
#include "inprocessclient.h"
#include "services/demoshop.h"
#include "terminal/barcodewedge.h"
#include "terminal/issuedialog.h"
#include "terminal/loginpage.h"
#include "terminal/operationpanel.h"
#include "terminal/productiondialog.h"
#include "terminal/queuerowdelegate.h"
#include "terminal/terminalstatusbar.h"
#include "terminal/terminalwindow.h"
#include "terminal/workpage.h"
#include "shell/settingsdialog.h"
#include "terminaldriver.h"
#include "testshop.h"

#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace ery;
using namespace ery::services;

// The floor terminal face against a real engine on the demo shop, through the same client door as
// the desktop: registration with the demo admin, PIN sign-in (wrong PIN with attempts left, five
// wrong → locked), start and stop & complete with the roll-up, production with two scrap reasons,
// an issue with standstill parking the operation, a change over HTTP in the queue within a second,
// a barcode scan that opens an operation and types nothing into the focused field, and the idle lock.
class TstTerminal : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void registersWithTheDemoAdmin();
    void wrongPinSaysHowManyAttemptsAreLeft();
    void fiveWrongPinsLockTheOperator();
    void rightPinOpensTheCellsQueues();
    void startThenStopAndCompleteRollsUp();
    void reportProductionWithTwoScrapReasons();
    void issueWithStandstillParksTheOperation();
    void aChangeOverHttpIsInTheQueueWithinASecond();
    void aScanOpensTheOperationAndTypesNothing();
    void idleLockSignsTheOperatorOut();
    void aRefusedActionIsShownUntilAcknowledged();
    void theStatusBarSaysWhatWaitsForTheHub();
    void settingsMakeThisWorkstationATerminal();

private:
    ui::WorkPage *work() const { return m_window->workPage(); }
    ui::OperationPanel *panel() const { return work()->panel(); }

    QTemporaryDir m_dir;
    Config m_cfg;
    std::unique_ptr<EngineHost> m_host;
    std::unique_ptr<InProcessClient> m_client;
    std::unique_ptr<ui::TerminalWindow> m_window;
    QString m_assembly;
    // The operator at the terminal and the office over HTTP with the demo admin's session. Its jobs
    // are in Assembly, the end of the routing, so completing one waits for no other cell.
    test::TerminalDriver m_driver;
};

void TstTerminal::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_cfg.dbUrl = m_dir.filePath(QStringLiteral("shop.db"));
    m_cfg.http.enabled = true;
    m_cfg.http.optional = true;
    m_cfg.http.port = 0;
    m_host = std::make_unique<EngineHost>(m_cfg);
    const Status started = m_host->start();
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
    m_client = std::make_unique<InProcessClient>(*m_host);
    auto demo = m_host->call<Result<DemoShop::Outcome>>([](Engine &e) { return DemoShop::load(e.services()); });
    demo.waitForFinished();
    QVERIFY(demo.result().ok());
    auto st = m_host->call<Json>([](Engine &e) { return e.status(); });
    st.waitForFinished();
    const QString apiBase = QString::fromStdString(st.result()["api"].value("url", std::string())).chopped(7);
    m_driver.setApi(apiBase, {});
    int status = 0;
    const Json session = m_driver.http("POST", QStringLiteral("/api/v1/auth/login"), DemoShop::adminSignIn(), &status);
    QCOMPARE(status, 200);
    m_driver.setApi(apiBase, QString::fromStdString(session["data"]["session"].value("access_token", std::string())));
    const Json cells = m_driver.http("GET", QStringLiteral("/api/v1/cells?limit=100"));
    for (const Json &c : cells["data"]["cells"])
        if (c.value("name", std::string()) == "Assembly")
            m_assembly = QString::fromStdString(c.value("id", std::string()));
    QVERIFY2(!m_assembly.isEmpty(), cells.dump().substr(0, 300).c_str());

    m_window = std::make_unique<ui::TerminalWindow>(*m_client, true, m_dir.filePath(QStringLiteral("journal.json")));
    m_driver.attach(m_window.get(), m_client.get(), m_assembly);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
}

void TstTerminal::cleanupTestCase()
{
    m_window.reset();
    m_client.reset();
    m_host.reset();
}

void TstTerminal::init()
{
    m_window->setIdleLockMs(15 * 60 * 1000);
}





void TstTerminal::registersWithTheDemoAdmin()
{
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPage(), static_cast<QWidget *>(m_window->loginPage()), 10000);
    QVERIFY(m_client->terminalKey().startsWith(QLatin1String("ery_live_")));
    // The admin who registered it is not left signed in at the terminal.
    QVERIFY(!m_client->isSignedIn());
    const Json keys = m_driver.http("GET", QStringLiteral("/api/v1/api-keys?scope=terminal"));
    QCOMPARE(keys["data"]["api_keys"].size(), size_t(1));
}

void TstTerminal::wrongPinSaysHowManyAttemptsAreLeft()
{
    m_driver.typePin(QStringLiteral("DMW0002"), QStringLiteral("9999"));
    QLabel *message = m_window->loginPage()->messageLabel();
    QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QLatin1String("4 attempt")), 5000);
    QCOMPARE(m_window->currentPage(), static_cast<QWidget *>(m_window->loginPage()));
    QVERIFY(m_window->loginPage()->pinField()->text().isEmpty());
}

void TstTerminal::fiveWrongPinsLockTheOperator()
{
    QLabel *message = m_window->loginPage()->messageLabel();
    for (int i = 0; i < 5; ++i) {
        message->clear();
        m_driver.typePin(QStringLiteral("DMW0003"), QStringLiteral("0000"));
        QTRY_VERIFY_WITH_TIMEOUT(!message->text().isEmpty() && !message->text().contains(QLatin1String("Signing in")), 5000);
    }
    QVERIFY2(message->text().contains(QLatin1String("Locked")), qPrintable(message->text()));
    // Even the right PIN is refused now, with until when.
    message->clear();
    m_driver.typePin(QStringLiteral("DMW0003"), QStringLiteral("3456"));
    QTRY_VERIFY_WITH_TIMEOUT(message->text().startsWith(QLatin1String("Locked")), 5000);
    QVERIFY2(message->text().contains(QLatin1String("until")), qPrintable(message->text()));
    QCOMPARE(m_window->currentPage(), static_cast<QWidget *>(m_window->loginPage()));
}

void TstTerminal::rightPinOpensTheCellsQueues()
{
    m_driver.signIn(QStringLiteral("DMW0001"), QStringLiteral("1234"));
    QCOMPARE(QString::fromStdString(m_client->user().value("full_name", std::string())), QStringLiteral("Jan Bakker"));
    QTRY_VERIFY_WITH_TIMEOUT(work()->cellBox()->count() > 0, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(work()->queue(0)->count() + work()->queue(1)->count() + work()->queue(2)->count() > 0, 5000);
    // The buffer holds at most the next five.
    QVERIFY(work()->queue(1)->count() <= 5);
    QVERIFY(work()->queue(2)->count() == 0 || work()->queue(1)->count() == 5);
    QVERIFY(!work()->findChild<QLabel *>(QStringLiteral("terminalNextCell"))->text().isEmpty());
}

void TstTerminal::startThenStopAndCompleteRollsUp()
{
    m_driver.signIn(QStringLiteral("DMW0001"), QStringLiteral("1234"));
    const QString op = m_driver.makeJob(QStringLiteral("TERM-1"));
    QVERIFY(!op.isEmpty());
    m_driver.openInAssembly(op);
    QTRY_VERIFY(panel()->startButton()->isEnabled());
    QTest::mouseClick(panel()->startButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_driver.statusOf(op), QStringLiteral("in_progress"), 5000);
    // The operator's clock runs in the status bar, and Pause / Stop & complete are theirs now.
    QTRY_VERIFY_WITH_TIMEOUT(panel()->pauseButton()->isEnabled(), 5000);
    QTRY_VERIFY(m_window->terminalStatusBar()->clockLabel()->isVisible());
    QVERIFY(m_window->terminalStatusBar()->workLabel()->text().contains(QLatin1String("TERM-1")));
    QVERIFY(panel()->completeButton()->text().contains(QLatin1String("Stop")));
    QTest::mouseClick(panel()->completeButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_driver.statusOf(op), QStringLiteral("completed"), 5000);

    const Json entries = m_driver.http("GET", QStringLiteral("/api/v1/time-entries?operation_id=") + op)["data"]["time_entries"];
    QCOMPARE(entries.size(), size_t(1));
    QVERIFY(!entries[0]["end_time"].is_null());
    const Json jobs = m_driver.http("GET", QStringLiteral("/api/v1/jobs?job_number=TERM-1"))["data"]["jobs"];
    QCOMPARE(QString::fromStdString(jobs[0].value("status", std::string())), QStringLiteral("completed"));
    // Done work leaves the queue, and the clock stops.
    QTRY_VERIFY_WITH_TIMEOUT(!m_driver.inQueue(op), 2000);
    QTRY_VERIFY(!m_window->terminalStatusBar()->clockLabel()->isVisible());
    QVERIFY(m_window->journal().conflicts().isEmpty());
}

void TstTerminal::reportProductionWithTwoScrapReasons()
{
    m_driver.signIn(QStringLiteral("DMW0001"), QStringLiteral("1234"));
    const QString op = m_driver.makeJob(QStringLiteral("TERM-2"), 12);
    m_driver.openInAssembly(op);
    QTRY_VERIFY(panel()->productionButton()->isEnabled());
    QTest::mouseClick(panel()->productionButton(), Qt::LeftButton);
    ui::ProductionDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<ui::ProductionDialog *>()));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->reasonIds().size() >= 2, 5000);
    dialog->goodBox()->setValue(8);
    // The + key, as on the screen.
    QTest::mouseClick(dialog->findChildren<QPushButton *>().at(3), Qt::LeftButton); // rework +
    const QStringList reasons = dialog->reasonIds();
    dialog->scrapBox(reasons[0])->setValue(1);
    dialog->scrapBox(reasons[1])->setValue(2);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("productionSend")), Qt::LeftButton);

    Json reports;
    QTRY_VERIFY_WITH_TIMEOUT(
        (reports = m_driver.http("GET", QStringLiteral("/api/v1/production?operation_id=") + op)["data"]["operation_quantities"]).size() == 1, 5000);
    QCOMPARE(reports[0].value("quantity_good", 0), 8);
    QCOMPARE(reports[0].value("quantity_scrap", 0), 3);
    QCOMPARE(reports[0].value("quantity_rework", 0), 1);
    const QString reportId = QString::fromStdString(reports[0].value("id", std::string()));
    const Json one = m_driver.http("GET", QStringLiteral("/api/v1/production/") + reportId)["data"]["operation_quantity"];
    QCOMPARE(one["scrap_lines"].size(), size_t(2));
    // The panel counts it: 8 good of 12.
    QTRY_VERIFY_WITH_TIMEOUT(panel()->findChild<QLabel *>(QStringLiteral("detailQuantity"))->text().startsWith(QLatin1String("8 good of 12")), 2000);
}

void TstTerminal::issueWithStandstillParksTheOperation()
{
    m_driver.signIn(QStringLiteral("DMW0001"), QStringLiteral("1234"));
    const QString op = m_driver.makeJob(QStringLiteral("TERM-3"));
    m_driver.openInAssembly(op);
    QTest::mouseClick(panel()->startButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_driver.statusOf(op), QStringLiteral("in_progress"), 5000);
    QTRY_VERIFY(panel()->issueButton()->isEnabled());
    QTest::mouseClick(panel()->issueButton(), Qt::LeftButton);
    ui::IssueDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<ui::IssueDialog *>()));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("severity_high")), Qt::LeftButton);
    dialog->descriptionField()->setPlainText(QStringLiteral("Hydraulic leak under the press"));
    dialog->standstillBox()->setChecked(true);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("issueSend")), Qt::LeftButton);

    QTRY_COMPARE_WITH_TIMEOUT(m_driver.statusOf(op), QStringLiteral("on_hold"), 5000);
    const Json issues = m_driver.http("GET", QStringLiteral("/api/v1/issues?operation_id=") + op)["data"]["issues"];
    QCOMPARE(issues.size(), size_t(1));
    QCOMPARE(QString::fromStdString(issues[0].value("severity", std::string())), QStringLiteral("high"));
    QVERIFY(issues[0].value("causes_standstill", false));
    // It stays in process, marked on hold.
    QTRY_VERIFY_WITH_TIMEOUT(work()->queue(0)->count() > 0, 2000);
    bool held = false;
    for (int r = 0; r < work()->queue(0)->count(); ++r)
        held = held || (work()->queue(0)->item(r)->data(ui::QueueRowDelegate::IdRole).toString() == op &&
                        work()->queue(0)->item(r)->data(ui::QueueRowDelegate::RowRole).toMap().value(QStringLiteral("status")) ==
                            QLatin1String("on_hold"));
    QTRY_VERIFY_WITH_TIMEOUT(held || [&] {
        for (int r = 0; r < work()->queue(0)->count(); ++r)
            if (work()->queue(0)->item(r)->data(ui::QueueRowDelegate::IdRole).toString() == op &&
                work()->queue(0)->item(r)->data(ui::QueueRowDelegate::RowRole).toMap().value(QStringLiteral("status")) == QLatin1String("on_hold"))
                return true;
        return false;
    }(), 2000);
}

void TstTerminal::aChangeOverHttpIsInTheQueueWithinASecond()
{
    m_driver.signIn(QStringLiteral("DMW0001"), QStringLiteral("1234"));
    work()->showCell(m_assembly);
    QTRY_VERIFY_WITH_TIMEOUT(work()->queue(0)->count() + work()->queue(1)->count() > 0, 5000);
    QTest::qWait(400); // the reads of the cell's first showing are through
    QElapsedTimer clock;
    clock.start();
    const QString op = m_driver.makeJob(QStringLiteral("TERM-4"));
    QVERIFY(!op.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(m_driver.inQueue(op), 1000);
    qInfo("a job made over HTTP was in the terminal's queue after %lld ms", clock.elapsed());
}

void TstTerminal::aScanOpensTheOperationAndTypesNothing()
{
    m_driver.signIn(QStringLiteral("DMW0001"), QStringLiteral("1234"));
    const QString op = m_driver.makeJob(QStringLiteral("TERM-5"));
    QVERIFY(!op.isEmpty());
    // The terminal shows another cell; the scan finds the job's work in Assembly.
    work()->showCell(work()->cellBox()->itemData(0).toString());
    QTRY_VERIFY_WITH_TIMEOUT(!m_driver.inQueue(op), 2000);

    // An operator is typing an issue on something else when the scanner fires.
    QTRY_VERIFY_WITH_TIMEOUT(work()->queue(0)->count() + work()->queue(1)->count() > 0, 5000);
    QListWidget *from = work()->queue(1)->count() ? work()->queue(1) : work()->queue(0);
    QVERIFY(work()->selectOperation(from->item(0)->data(ui::QueueRowDelegate::IdRole).toString()));
    panel()->reportIssue();
    ui::IssueDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<ui::IssueDialog *>()));
    QPlainTextEdit *field = dialog->descriptionField();
    field->setFocus();
    field->setPlainText(QStringLiteral("Burr on"));
    field->moveCursor(QTextCursor::End);
    QTest::keyClicks(field, QStringLiteral("TERM-5"));
    QTest::keyClick(field, Qt::Key_Return);
    QCOMPARE(field->toPlainText(), QStringLiteral("Burr on"));
    QTRY_COMPARE_WITH_TIMEOUT(work()->cellId(), m_assembly, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(work()->selectedOperationId(), op, 5000);
    dialog->reject();

    // An operation's own id (its barcode on the traveller) opens it too; a person typing slowly
    // still types.
    work()->showCell(work()->cellBox()->itemData(0).toString());
    QTRY_VERIFY(!m_driver.inQueue(op));
    QTest::keyClicks(m_window.get(), op);
    QTest::keyClick(m_window.get(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(work()->selectedOperationId(), op, 5000);

    auto *typed = new QLineEdit(m_window.get());
    typed->show();
    typed->setFocus();
    QTest::keyClicks(typed, QStringLiteral("abcd"), Qt::NoModifier, ui::BarcodeWedge::kMaxGapMs + 20);
    QTest::keyClick(typed, Qt::Key_Return);
    QCOMPARE(typed->text(), QStringLiteral("abcd"));
    delete typed;
}

void TstTerminal::idleLockSignsTheOperatorOut()
{
    m_driver.signIn(QStringLiteral("DMW0001"), QStringLiteral("1234"));
    m_window->setIdleLockMs(400);
    // A touch keeps it open.
    QTest::qWait(250);
    QTest::mouseClick(work()->cellBox(), Qt::LeftButton);
    QTest::qWait(250);
    QCOMPARE(m_window->currentPage(), static_cast<QWidget *>(work()));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPage(), static_cast<QWidget *>(m_window->loginPage()), 2000);
    QVERIFY(!m_client->isSignedIn());
    QVERIFY(m_window->loginPage()->messageLabel()->text().contains(QLatin1String("without a touch")));
}

void TstTerminal::aRefusedActionIsShownUntilAcknowledged()
{
    m_driver.signIn(QStringLiteral("DMW0001"), QStringLiteral("1234"));
    const QString op = m_driver.makeJob(QStringLiteral("TERM-6"));
    // Completed elsewhere meanwhile (the office), then Start at the terminal: the hub refuses it.
    QVERIFY(!m_driver.http("POST", QStringLiteral("/api/v1/operations/%1/start").arg(op), Json::object()).is_null());
    QVERIFY(!m_driver.http("POST", QStringLiteral("/api/v1/operations/%1/complete").arg(op), Json::object()).is_null());
    // The terminal's Start as the panel takes it (the panel itself may already show the change).
    const QString me = QString::fromStdString(m_client->user().value("id", std::string()));
    QVERIFY(!m_window->journal()
                 .take(QStringLiteral("Start Assemble · TERM-6"), QStringLiteral("POST"), QStringLiteral("/api/v1/operations/%1/start").arg(op),
                       Json{{"operator_id", me.toStdString()}})
                 .isEmpty());
    QDialog *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = m_window->findChild<QDialog *>(QStringLiteral("conflictDialog"))) && box->isVisible(), 5000);
    QCOMPARE(m_window->journal().conflicts().size(), 1);
    const QString words = box->findChild<QLabel *>(QStringLiteral("conflictText"))->text();
    QVERIFY2(words.contains(QLatin1String("refused")), qPrintable(words));
    QVERIFY(box->findChild<QLabel *>(QStringLiteral("terminalTitle"))->text().contains(QLatin1String("TERM-6")));
    QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("conflictOk")), Qt::LeftButton);
    QTRY_VERIFY(m_window->journal().conflicts().isEmpty());
    QTRY_VERIFY(!m_window->findChild<QDialog *>(QStringLiteral("conflictDialog")));
}

void TstTerminal::theStatusBarSaysWhatWaitsForTheHub()
{
    ui::TerminalStatusBar bar;
    bar.setConnection(true, 0);
    QVERIFY(bar.connectionLabel()->text().contains(QLatin1String("Connected")));
    bar.setConnection(false, 3);
    QVERIFY(bar.connectionLabel()->text().contains(QLatin1String("Hub unreachable")));
    QVERIFY(bar.connectionLabel()->text().contains(QLatin1String("3 action")));
    QVERIFY(bar.connectionLabel()->text().contains(QLatin1String("sent when it is back")));
    QCOMPARE(ui::TerminalStatusBar::clockText(3909), QStringLiteral("1:05:09"));
    bar.setWork(QStringLiteral("Jan Bakker"), QStringLiteral("Bend · JOB-1"), QDateTime::currentDateTimeUtc().addSecs(-65));
    QVERIFY(bar.clockLabel()->text().startsWith(QLatin1String("0:01:0")));
}

void TstTerminal::settingsMakeThisWorkstationATerminal()
{
    ui::WorkstationSettings saved;
    saved.terminalCell = m_assembly;
    ui::SettingsDialog dialog(saved, {});
    auto *terminal = dialog.findChild<QCheckBox *>(QStringLiteral("settingsTerminal"));
    auto *idle = dialog.findChild<QSpinBox *>(QStringLiteral("settingsTerminalIdle"));
    QVERIFY(terminal && idle);
    QVERIFY(!terminal->isChecked());
    QCOMPARE(idle->value(), 15);
    terminal->setChecked(true);
    idle->setValue(5);
    const ui::WorkstationSettings chosen = dialog.settings();
    QVERIFY(chosen.terminal);
    QCOMPARE(chosen.terminalIdleMinutes, 5);
    QCOMPARE(chosen.terminalCell, m_assembly);
    QVERIFY(chosen.problems().isEmpty());
    // Saved and read back, as the program reads it at start.
    QSettings store(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    chosen.save(store);
    const ui::WorkstationSettings back = ui::WorkstationSettings::load(store);
    QVERIFY(back.terminal);
    QCOMPARE(back.terminalIdleMinutes, 5);
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
    TstTerminal test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_terminal.moc"
