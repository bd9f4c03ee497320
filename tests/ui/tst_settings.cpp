#include "engine.h"
#include "client/remoteclient.h"
#include "inprocessclient.h"
#include "services/demoshop.h"
#include "shell/mainwindow.h"
#include "shell/settingsdialog.h"
#include "shell/workstationsettings.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace ery;
using ery::ui::WorkstationSettings;

// Settings… on a real engine, and the desktop program started with what it saved: the settings
// file is this test's own (XDG_CONFIG_HOME, set before anything reads it; see main below).
class TstSettings : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void problemsAreNamedInWords();
    void dialogSavesOnlyWhatIsValid();
    void theDesktopStartsWithTheSavedSettings();
    void restartLeavesOutTheOptionsTheSettingsReplace();
    void aHubOnAnotherMachine();

private:
    static int freePort();

    QTemporaryDir m_dir;
    std::unique_ptr<EngineHost> m_host;
    std::unique_ptr<InProcessClient> m_client;
    std::unique_ptr<ui::MainWindow> m_window;
};

int TstSettings::freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

void TstSettings::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings().clear();
    Config cfg;
    cfg.dbUrl = m_dir.filePath(QStringLiteral("running.db"));
    m_host = std::make_unique<EngineHost>(cfg);
    QVERIFY(m_host->start().ok());
    m_client = std::make_unique<InProcessClient>(*m_host);
    m_window = std::make_unique<ui::MainWindow>(*m_client, false);
    m_window->setStartedWith(QStringLiteral("database %1, no API").arg(cfg.dbUrl)); // as the program does
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TstSettings::cleanupTestCase()
{
    m_window.reset();
    m_client.reset();
    m_host.reset();
}

void TstSettings::problemsAreNamedInWords()
{
    QVERIFY(WorkstationSettings().problems().isEmpty());
    const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
    QFile f(cert);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("-----BEGIN CERTIFICATE-----\n");
    f.close();

    const struct {
        const char *what;
        std::function<void(WorkstationSettings &)> change;
        const char *words;
    } cases[] = {
        {"a host name as the address", [](WorkstationSettings &s) { s.apiBind = QStringLiteral("my-workstation"); }, "not an IP address"},
        {"a port out of range", [](WorkstationSettings &s) { s.apiPort = 70000; }, "1 to 65535"},
        {"a certificate without its key", [&](WorkstationSettings &s) { s.tlsCertificate = cert; }, "both a certificate and its private key"},
        {"a key that is not there",
         [&](WorkstationSettings &s) {
             s.tlsCertificate = cert;
             s.tlsKey = m_dir.filePath(QStringLiteral("missing.key"));
         },
         "cannot be read"},
        {"a database in a missing folder", [&](WorkstationSettings &s) { s.database = m_dir.filePath(QStringLiteral("nope/shop.db")); },
         "does not exist"},
        {"a database that is a folder", [&](WorkstationSettings &s) { s.database = m_dir.path(); }, "is a folder"},
        {"a PostgreSQL address without a host", [](WorkstationSettings &s) { s.database = QStringLiteral("postgresql://"); }, "postgresql://user@host"},
        {"another scheme", [](WorkstationSettings &s) { s.database = QStringLiteral("mysql://root@db/shop"); }, "postgresql://user@host"},
        {"a data directory that is a file", [&](WorkstationSettings &s) { s.dataDirectory = cert; }, "is a file"},
        {"a data directory inside a file", [&](WorkstationSettings &s) { s.dataDirectory = cert + QStringLiteral("/files"); }, "is a file"},
        {"a look that does not exist", [](WorkstationSettings &s) { s.theme = QStringLiteral("purple"); }, "system, light or dark"},
        {"a language that is not offered", [](WorkstationSettings &s) { s.language = QStringLiteral("fr"); }, "system, en, nl or de"},
        {"an address the size of a file", [](WorkstationSettings &s) { s.apiBind = QString(100000, QLatin1Char('9')); }, "not an IP address"},
        {"a NUL in the database name", [&](WorkstationSettings &s) { s.database = m_dir.filePath(QStringLiteral("x")) + QChar(0) + QStringLiteral("/y.db"); },
         "does not exist"},
    };
    for (const auto &c : cases) {
        WorkstationSettings s;
        c.change(s);
        const QString problems = s.problems().join(QLatin1Char('\n'));
        QVERIFY2(problems.contains(QLatin1String(c.words)), qPrintable(QStringLiteral("%1: \"%2\"").arg(QLatin1String(c.what), problems)));
    }
    // The API's settings do not matter while it is off; IPv6 and the network address are fine.
    WorkstationSettings off;
    off.apiEnabled = false;
    off.apiBind = QStringLiteral("nonsense");
    QVERIFY(off.problems().isEmpty());
    for (const char *address : {"0.0.0.0", "::1", "192.168.1.20"}) {
        WorkstationSettings s;
        s.apiBind = QLatin1String(address);
        QVERIFY2(s.problems().isEmpty(), address);
    }
    WorkstationSettings pg;
    pg.database = QStringLiteral("postgresql://eryxon@db-server:5432/eryxon");
    QVERIFY(pg.problems().isEmpty());
}

void TstSettings::dialogSavesOnlyWhatIsValid()
{
    // Ctrl+, opens it, with nobody signed in (the empty database asks for a shop meanwhile).
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_Comma, Qt::ControlModifier);
    ui::SettingsDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = m_window->findChild<ui::SettingsDialog *>()) != nullptr && dialog->isVisible(), 5000);
    QCOMPARE(dialog->settings(), WorkstationSettings());
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("settingsInUse"))->text().contains(QLatin1String("running.db")));

    auto *bind = dialog->findChild<QComboBox *>(QStringLiteral("settingsApiBind"));
    auto *port = dialog->findChild<QSpinBox *>(QStringLiteral("settingsApiPort"));
    auto *cert = dialog->findChild<QLineEdit *>(QStringLiteral("settingsTlsCertificate"));
    auto *database = dialog->findChild<QLineEdit *>(QStringLiteral("settingsDatabase"));
    auto *theme = dialog->findChild<QComboBox *>(QStringLiteral("settingsTheme"));
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("settingsSave"));
    auto *problems = dialog->findChild<QLabel *>(QStringLiteral("settingsProblems"));
    QVERIFY(bind && port && cert && database && theme && save && problems);

    // Wrong: refused in words, nothing stored, the dialog stays.
    bind->setEditText(QStringLiteral("the-office-pc"));
    cert->setText(m_dir.filePath(QStringLiteral("cert.pem")));
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(problems->isVisible());
    QVERIFY2(problems->text().contains(QLatin1String("not an IP address")) && problems->text().contains(QLatin1String("private key")),
             qPrintable(problems->text()));
    QVERIFY(!QSettings().contains(QStringLiteral("workstation/apiBind")));
    QVERIFY(dialog->isVisible());

    // Right: stored, read back the same; "Later" leaves this run as it is.
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("saved")));
    bind->setCurrentIndex(bind->findData(QStringLiteral("0.0.0.0")));
    port->setValue(18787);
    cert->clear();
    database->setText(m_dir.filePath(QStringLiteral("saved/shop.db")));
    theme->setCurrentIndex(theme->findData(QStringLiteral("dark")));
    QTest::mouseClick(save, Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = dialog->findChild<QMessageBox *>(QStringLiteral("settingsSaved"))) != nullptr, 5000);
    QPushButton *later = nullptr;
    for (QAbstractButton *b : box->buttons())
        if (box->buttonRole(b) == QMessageBox::RejectRole)
            later = qobject_cast<QPushButton *>(b);
    QVERIFY(later);
    QTest::mouseClick(later, Qt::LeftButton);
    QTRY_VERIFY(m_window->findChild<ui::SettingsDialog *>() == nullptr);
    const WorkstationSettings stored = WorkstationSettings::load(QSettings());
    QCOMPARE(stored.apiBind, QStringLiteral("0.0.0.0"));
    QCOMPARE(stored.apiPort, 18787);
    QCOMPARE(stored.database, m_dir.filePath(QStringLiteral("saved/shop.db")));
    QCOMPARE(stored.theme, QStringLiteral("dark"));
    QVERIFY(stored.tlsCertificate.isEmpty());

    // Opened again, it shows what was saved.
    dialog = m_window->openSettings();
    QCOMPARE(dialog->settings(), stored);
    dialog->reject();
}

void TstSettings::theDesktopStartsWithTheSavedSettings()
{
    const QString desktop = qEnvironmentVariable("ERYXON_BIN_DIR") + QStringLiteral("/app/desktop/eryxon");
    QVERIFY2(QFileInfo(desktop).isExecutable(), qPrintable(desktop));
    WorkstationSettings s;
    s.database = m_dir.filePath(QStringLiteral("started/shop.db"));
    s.apiPort = freePort();
    s.theme = QStringLiteral("dark");
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("started")));
    {
        QSettings store;
        s.save(store);
    }

    // No --db and no --api-port: the saved ones. The API answers on the saved port while it runs.
    QProcess app;
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    app.start(desktop, {QStringLiteral("--demo"), QStringLiteral("--screenshot"), m_dir.filePath(QStringLiteral("shot.png"))});
    QVERIFY(app.waitForStarted());
    QNetworkAccessManager nam;
    bool answered = false;
    QElapsedTimer waited;
    waited.start();
    while (!answered && app.state() == QProcess::Running && waited.elapsed() < 30000) {
        QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/health").arg(s.apiPort))));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
        answered = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
        delete reply;
        if (!answered)
            QTest::qWait(100);
    }
    QVERIFY2(answered, "the API did not answer on the saved port");
    QVERIFY(app.waitForFinished(60000));
    QCOMPARE(app.exitCode(), 0);
    QVERIFY(QFileInfo::exists(s.database));
    QVERIFY(QFileInfo::exists(m_dir.filePath(QStringLiteral("shot.png"))));
    // The saved dark look: the window's background is dark.
    const QImage shot(m_dir.filePath(QStringLiteral("shot.png")));
    QVERIFY(!shot.isNull());
    QVERIFY2(QColor(shot.pixel(shot.width() - 5, shot.height() / 2)).lightness() < 128, "the saved look is dark");

    // A --db on the command line wins for that run, and leaves the saved one as it was.
    const QString other = m_dir.filePath(QStringLiteral("other.db"));
    QProcess second;
    second.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    second.start(desktop, {QStringLiteral("--demo"), QStringLiteral("--no-api"), QStringLiteral("--db"), other, QStringLiteral("--screenshot"),
                           m_dir.filePath(QStringLiteral("second.png"))});
    QVERIFY(second.waitForFinished(60000));
    QCOMPARE(second.exitCode(), 0);
    QVERIFY(QFileInfo::exists(other));
    QCOMPARE(WorkstationSettings::load(QSettings()).database, s.database);
}

void TstSettings::restartLeavesOutTheOptionsTheSettingsReplace()
{
    const QStringList args{QStringLiteral("/usr/bin/eryxon"), QStringLiteral("--db"), QStringLiteral("/tmp/a.db"),
                           QStringLiteral("--api-port=9000"), QStringLiteral("--page"), QStringLiteral("quality"),
                           QStringLiteral("--no-api"), QStringLiteral("--theme"), QStringLiteral("light"),
                           QStringLiteral("--language=de"), QStringLiteral("--demo"), QStringLiteral("--integrations"),
                           QStringLiteral("off"), QStringLiteral("--connect"), QStringLiteral("https://hub:8787"),
                           QStringLiteral("--certificate-sha256=AB:CD")};
    QCOMPARE(ui::SettingsDialog::restartArguments(args),
             (QStringList{QStringLiteral("--page"), QStringLiteral("quality"), QStringLiteral("--integrations"), QStringLiteral("off")}));
}

void TstSettings::aHubOnAnotherMachine()
{
    // The Hub choice: an address that is not a hub's is refused in words, a good one remembered.
    ui::SettingsDialog *dialog = m_window->openSettings();
    auto *remote = dialog->findChild<QAbstractButton *>(QStringLiteral("settingsHubRemote"));
    auto *address = dialog->findChild<QLineEdit *>(QStringLiteral("settingsHubAddress"));
    auto *pin = dialog->findChild<QLineEdit *>(QStringLiteral("settingsHubCertificate"));
    auto *database = dialog->findChild<QLineEdit *>(QStringLiteral("settingsDatabase"));
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("settingsSave"));
    auto *problems = dialog->findChild<QLabel *>(QStringLiteral("settingsProblems"));
    QVERIFY(remote && address && pin && database && save && problems);
    QVERIFY(!address->isEnabled());
    database->setText(m_dir.filePath(QStringLiteral("never.db"))); // kept, not opened
    remote->click();
    QVERIFY(address->isEnabled());
    QVERIFY(!database->isEnabled()); // this workstation's database is not used with a hub elsewhere
    address->setText(QStringLiteral("10.0.0.5:8787"));
    pin->setText(QStringLiteral("AB:CD"));
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(problems->isVisible());
    QVERIFY2(problems->text().contains(QLatin1String("http:// or https://")) && problems->text().contains(QLatin1String("SHA-256")),
             qPrintable(problems->text()));
    QVERIFY(!WorkstationSettings::load(QSettings()).remoteHub);

    // A hub elsewhere: here, an engine serving its API on a free port, with no shop yet.
    Config cfg;
    cfg.dbUrl = m_dir.filePath(QStringLiteral("hub.db"));
    cfg.http.enabled = true;
    cfg.http.port = freePort();
    EngineHost hub(cfg);
    QVERIFY(hub.start().ok());
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(cfg.http.port);
    address->setText(url);
    pin->clear();
    QTest::mouseClick(save, Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = dialog->findChild<QMessageBox *>(QStringLiteral("settingsSaved"))) != nullptr, 5000);
    for (QAbstractButton *b : box->buttons())
        if (box->buttonRole(b) == QMessageBox::RejectRole)
            QTest::mouseClick(b, Qt::LeftButton);
    QTRY_VERIFY(m_window->findChild<ui::SettingsDialog *>() == nullptr);
    const WorkstationSettings stored = WorkstationSettings::load(QSettings());
    QVERIFY(stored.remoteHub);
    QCOMPARE(stored.hubAddress, url);

    // The desktop started with those settings works with that hub: no database of its own, the
    // demo loaded and signed in over the hub's API (this machine may), the window shot.
    const QString desktop = qEnvironmentVariable("ERYXON_BIN_DIR") + QStringLiteral("/app/desktop/eryxon");
    const QString shot = m_dir.filePath(QStringLiteral("remote.png"));
    QProcess app;
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    app.start(desktop, {QStringLiteral("--demo"), QStringLiteral("--screenshot"), shot});
    QVERIFY(app.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(app.state() == QProcess::NotRunning, 60000);
    QCOMPARE(app.exitCode(), 0);
    QVERIFY(QFileInfo::exists(shot));
    QVERIFY(!QFileInfo::exists(stored.effectiveDatabase()));
    // The demo went into the hub's database, through its API.
    client::RemoteClient check(url);
    const Json who = services::DemoShop::adminSignIn();
    QFuture<client::ApiReply> signIn = check.signIn(QString::fromStdString(who.value("username", "")), QString::fromStdString(who.value("password", "")));
    QTRY_VERIFY_WITH_TIMEOUT(signIn.isFinished(), 10000);
    QVERIFY2(signIn.result().ok(), qPrintable(signIn.result().errorMessage()));
    QSettings().clear();
}

// The settings file must be this test's before QSettings first looks for it, and the desktop
// program the test starts reads the same one.
int main(int argc, char **argv)
{
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
    qputenv("XDG_DATA_HOME", (config.path() + QStringLiteral("/data")).toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("Eryxon"));
    QCoreApplication::setApplicationName(QStringLiteral("eryxon"));
    QApplication app(argc, argv);
    TstSettings test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_settings.moc"
