#include "core/config.h"
#include "engine.h"
#include "client/remoteclient.h"
#include "inprocessclient.h"
#include "shell/language.h"
#include "shell/mainwindow.h"
#include "shell/theme.h"
#include "shell/workstationsettings.h"
#include "terminal/terminalwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QTimer>

#include <memory>

namespace {

// The command line, its descriptions in the language installed when it is made: main() reads
// --language (and the saved settings) with an untranslated one first, then makes it again.
struct Cli {
    QCommandLineParser parser;
    QCommandLineOption help = parser.addHelpOption();
    QCommandLineOption version = parser.addVersionOption();
    QCommandLineOption db{
        QStringLiteral("db"),
        QCoreApplication::translate("main", "SQLite file or postgresql:// URL (default: the one in Settings, else %1).")
            .arg(ery::Config::defaultDbPath()),
        QStringLiteral("PATH|URL")};
    QCommandLineOption demo{QStringLiteral("demo"),
                            QCoreApplication::translate("main", "Load the demo shop into an empty database without asking.")};
    QCommandLineOption apiPort{QStringLiteral("api-port"),
                               QCoreApplication::translate("main", "Port of the embedded REST API (default: Settings, else 8787)."),
                               QStringLiteral("N")};
    QCommandLineOption apiBind{
        QStringLiteral("api-bind"),
        QCoreApplication::translate("main", "Address the REST API listens on (default: Settings, else 127.0.0.1; 0.0.0.0 opens it to the LAN)."),
        QStringLiteral("ADDR")};
    QCommandLineOption noApi{QStringLiteral("no-api"), QCoreApplication::translate("main", "Do not serve the REST API from this workstation.")};
    QCommandLineOption connect{
        QStringLiteral("connect"),
        QCoreApplication::translate("main", "Work with the hub at this address (http(s)://HOST:PORT) instead of a database of this workstation "
                                            "(default: Settings)."),
        QStringLiteral("URL")};
    QCommandLineOption certificateSha256{
        QStringLiteral("certificate-sha256"),
        QCoreApplication::translate("main", "With --connect: trust the hub's certificate with this SHA-256 fingerprint (AB:CD:…) even if "
                                            "no authority signed it."),
        QStringLiteral("HEX")};
    QCommandLineOption integrations{
        QStringLiteral("integrations"),
        QCoreApplication::translate("main", "\"off\" pauses outgoing webhooks and MQTT (resume from the banner)."), QStringLiteral("off")};
    QCommandLineOption page{QStringLiteral("page"),
                            QCoreApplication::translate("main", "The panel to open on (dashboard, jobs, quality, …; default jobs)."),
                            QStringLiteral("NAME")};
    QCommandLineOption theme{
        QStringLiteral("theme"),
        QCoreApplication::translate("main", "Colours: light, dark, or system to follow the desktop (default: Settings, else system)."),
        QStringLiteral("light|dark|system")};
    QCommandLineOption language{
        QStringLiteral("language"),
        QCoreApplication::translate("main", "Language: en (English), nl (Nederlands), de (Deutsch), or system to follow the desktop "
                                            "(default: Settings, else system)."),
        QStringLiteral("en|nl|de|system")};
    QCommandLineOption screenshot{
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Save a PNG of the window to PATH once the panel has loaded, then quit (with --demo)."),
        QStringLiteral("PATH")};
    QCommandLineOption terminal{QStringLiteral("terminal"),
                                QCoreApplication::translate("main", "Start as a floor terminal: operators sign in with their PIN at a touch screen.")};
    QCommandLineOption admin{QStringLiteral("admin"),
                             QCoreApplication::translate("main", "Start as the admin workstation, also when Settings made this one a floor terminal.")};
    QCommandLineOption terminalScreen{
        QStringLiteral("terminal-screen"),
        QCoreApplication::translate("main", "With --terminal --demo --screenshot: the screen to take (login, queues, detail, drawing or report)."),
        QStringLiteral("NAME")};
    QCommandLineOption screenshotSize{QStringLiteral("screenshot-size"),
                                      QCoreApplication::translate("main", "The window's size for --screenshot (default 1280x800)."),
                                      QStringLiteral("WxH")};

    Cli()
    {
        parser.setApplicationDescription(QCoreApplication::translate("main", "Eryxon MES desktop: the shop admin workstation."));
        for (const QCommandLineOption *o : {&page, &theme, &language, &screenshot, &integrations, &db, &demo, &apiPort, &apiBind, &noApi,
                                            &terminal, &admin, &terminalScreen, &screenshotSize})
            parser.addOption(*o);
        parser.addOption(connect);
        parser.addOption(certificateSha256);
    }
};

// The floor terminal face (--terminal, or this workstation saved as a terminal) on `client`; with
// `screenshot`, a picture of `screen` once it shows, then quit.
int runTerminal(QApplication &app, ery::client::EngineClient &client, bool demo, const QString &screenshot, const QString &screen,
                const QSize &size)
{
    auto *window = new ery::ui::TerminalWindow(client, demo);
    window->resize(size);
    if (!screenshot.isEmpty()) {
        QObject::connect(window, &ery::ui::TerminalWindow::screenReady, window, [window, screenshot] {
            // A settled moment: the last reads land and the layout takes its final size.
            QTimer::singleShot(1500, window, [window, screenshot] {
                QCoreApplication::exit(window->snapshot().save(screenshot, "PNG") ? 0 : 1);
            });
        });
        window->prepareScreen(screen.isEmpty() ? QStringLiteral("queues") : screen);
        QTimer::singleShot(60000, &app, [] {
            qWarning("--screenshot: the terminal screen did not show within a minute (is --demo missing?)");
            QCoreApplication::exit(1);
        });
    }
    // A terminal has the screen to itself; a picture keeps the size asked for.
    if (screenshot.isEmpty())
        window->showMaximized();
    else
        window->show();
    const int code = app.exec();
    delete window; // before the client and hub it uses
    return code;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication::setOrganizationName(QStringLiteral("Eryxon"));
    QCoreApplication::setApplicationName(QStringLiteral("eryxon"));
    QCoreApplication::setApplicationVersion(ery::versionString());

    // --help and --version are answered before the GUI exists, so they work without a display.
    // Qt's own options (-platform, -style) are unknown here; QApplication removes them before
    // the full parse below reports real mistakes.
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    // What Settings… saved; an option on the command line wins over it for this run.
    const ery::ui::WorkstationSettings saved = ery::ui::WorkstationSettings::load(QSettings());
    QString languageChoice;
    bool wantsHelp = false, wantsVersion = false;
    {
        Cli first;
        first.parser.parse(args);
        languageChoice = first.parser.isSet(first.language) ? first.parser.value(first.language) : saved.language;
        wantsHelp = first.parser.isSet(first.help);
        wantsVersion = first.parser.isSet(first.version);
    }
    if (wantsHelp || wantsVersion) {
        QCoreApplication console(argc, argv);
        ery::ui::Language::apply(ery::ui::Language::isChoice(languageChoice) ? languageChoice : QStringLiteral("system"));
        Cli cli;
        cli.parser.parse(args);
        if (wantsVersion)
            cli.parser.showVersion();
        cli.parser.showHelp();
    }

    QApplication app(argc, argv);
    // Before anything is said: the messages below, the help and every window are in it.
    const bool languageOk = ery::ui::Language::apply(languageChoice);
    if (!languageOk)
        ery::ui::Language::apply(QStringLiteral("system"));
    Cli cli;
    QCommandLineParser &parser = cli.parser;
    const QCommandLineOption &db = cli.db, &demo = cli.demo, &apiPort = cli.apiPort, &apiBind = cli.apiBind, &noApi = cli.noApi,
                             &integrations = cli.integrations, &page = cli.page, &theme = cli.theme, &screenshot = cli.screenshot;
    parser.process(app);
    const auto themeMode = ery::ui::Theme::parse(parser.isSet(theme) ? parser.value(theme) : saved.theme);
    // Before any window exists: widgets take the palette they are created with.
    ery::ui::Theme::apply(themeMode.value_or(ery::ui::Theme::Mode::System));

    if (!languageOk) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Eryxon MES"),
                              QCoreApplication::translate("main", "--language takes en, nl, de or system, got \"%1\".").arg(languageChoice));
        return 2;
    }
    if (!themeMode) {
        QMessageBox::critical(
            nullptr, QCoreApplication::translate("main", "Eryxon MES"),
            QCoreApplication::translate("main", "--theme takes light, dark or system, got \"%1\".").arg(parser.isSet(theme) ? parser.value(theme) : saved.theme));
        return 2;
    }
    // A hub on another machine (--connect, or Settings): this workstation opens no database and
    // serves no API; --db on the command line means this workstation's own database for this run.
    const bool remote = parser.isSet(cli.connect) || (saved.remoteHub && !parser.isSet(db));
    QString hubAddress, hubPin;
    if (remote) {
        hubAddress = (parser.isSet(cli.connect) ? parser.value(cli.connect) : saved.hubAddress).trimmed();
        hubPin = parser.isSet(cli.certificateSha256) ? parser.value(cli.certificateSha256)
                 : hubAddress == saved.hubAddress.trimmed() ? saved.hubCertificateSha256 : QString();
        QString problem = ery::client::RemoteClient::addressProblem(hubAddress);
        if (problem.isEmpty())
            problem = ery::client::RemoteClient::fingerprintProblem(hubPin.trimmed());
        if (parser.isSet(cli.connect) && parser.isSet(db))
            problem = QCoreApplication::translate("main", "--connect and --db exclude each other: work with a hub, or with a database here.");
        if (!problem.isEmpty()) {
            QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Eryxon MES"), problem);
            return 2;
        }
    } else if (parser.isSet(cli.certificateSha256)) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Eryxon MES"),
                              QCoreApplication::translate("main", "--certificate-sha256 goes with --connect."));
        return 2;
    }
    ery::Config cfg;
    cfg.dbUrl = parser.isSet(db) ? parser.value(db) : saved.effectiveDatabase();
    cfg.hubKind = QStringLiteral("desktop");
    if (parser.isSet(integrations) && parser.value(integrations) != QLatin1String("off")) {
        QMessageBox::critical(
            nullptr, QCoreApplication::translate("main", "Eryxon MES"),
            QCoreApplication::translate("main", "--integrations takes \"off\", got \"%1\".").arg(parser.value(integrations)));
        return 2;
    }
    cfg.integrationsOff = parser.isSet(integrations);
    // A --db in a folder that does not exist is a typo; only the default folder is made on first run.
    if (parser.isSet(db) && !cfg.dbUrl.contains(QLatin1String("://"))) {
        const QFileInfo fi(cfg.dbUrl);
        if (!fi.absoluteDir().exists()) {
            QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Eryxon MES"),
                                  QCoreApplication::translate("main", "The folder %1 of --db does not exist.")
                                      .arg(QDir::toNativeSeparators(fi.absolutePath())));
            return 1;
        }
    }
    // The workstation embeds the hub: the API is served unless asked not to. A port already taken
    // (say, by `eryxon-server serve` on the same machine) is shown in the status bar, not fatal.
    bool portOk = false;
    const int port = parser.isSet(apiPort) ? parser.value(apiPort).toInt(&portOk) : saved.apiPort;
    if (!parser.isSet(apiPort))
        portOk = true;
    if (!portOk || port < 0 || port > 65535) {
        QMessageBox::critical(
            nullptr, QCoreApplication::translate("main", "Eryxon MES"),
            QCoreApplication::translate("main", "--api-port needs a port number, got \"%1\".").arg(parser.isSet(apiPort) ? parser.value(apiPort) : QString::number(port)));
        return 2;
    }
    cfg.http.enabled = !parser.isSet(noApi) && saved.apiEnabled;
    cfg.http.optional = true;
    cfg.http.port = port;
    cfg.http.bind = parser.isSet(apiBind) ? parser.value(apiBind) : saved.apiBind;
    cfg.http.tlsCert = saved.tlsCertificate;
    cfg.http.tlsKey = saved.tlsKey;
    // The UI's door: the embedded engine's in-process one, or a remote hub's.
    std::unique_ptr<ery::EngineHost> host;
    std::unique_ptr<ery::client::EngineClient> door;
    if (remote) {
        door = std::make_unique<ery::client::RemoteClient>(hubAddress, hubPin.trimmed());
    } else {
        host = std::make_unique<ery::EngineHost>(cfg);
        if (auto started = host->start(); !started) {
            QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Eryxon MES"),
                                  QCoreApplication::translate("main", "Eryxon could not open its database.\n%1").arg(started.error().message));
            return 1;
        }
        door = std::make_unique<ery::InProcessClient>(*host);
    }
    ery::client::EngineClient &client = *door;
    const QStringList sizeParts = parser.value(cli.screenshotSize).split(QLatin1Char('x'));
    const QSize shotSize = sizeParts.size() == 2 ? QSize(sizeParts[0].toInt(), sizeParts[1].toInt()).expandedTo(QSize(640, 480)) : QSize(1280, 800);
    if (parser.isSet(cli.terminal) || (saved.terminal && !parser.isSet(cli.admin)))
        return runTerminal(app, client, parser.isSet(demo), parser.isSet(screenshot) ? parser.value(screenshot) : QString(),
                           parser.value(cli.terminalScreen), shotSize);
    // On the heap: a change of language in Settings replaces the window by a new one
    // (MainWindow::rebuild); `window` follows it.
    QPointer<ery::ui::MainWindow> window = new ery::ui::MainWindow(client, parser.isSet(demo));
    window->setAttribute(Qt::WA_DeleteOnClose);
    const auto follow = [&window](auto &&self, ery::ui::MainWindow *w) -> void {
        QObject::connect(w, &ery::ui::MainWindow::replaced, w, [&window, self](ery::ui::MainWindow *next) {
            window = next;
            self(self, next);
        });
    };
    follow(follow, window);
    window->setStartedWith(
        remote ? QCoreApplication::translate("main", "the hub at %1%2")
                     .arg(hubAddress, hubPin.isEmpty() ? QString() : QCoreApplication::translate("main", " (pinned certificate)"))
        : cfg.http.enabled
            ? QCoreApplication::translate("main", "database %1, API on %2:%3%4")
                  .arg(QDir::toNativeSeparators(cfg.dbUrl), cfg.http.bind)
                  .arg(cfg.http.port)
                  .arg(cfg.http.tlsCert.isEmpty() ? QString() : QCoreApplication::translate("main", " (HTTPS)"))
            : QCoreApplication::translate("main", "database %1, no API").arg(QDir::toNativeSeparators(cfg.dbUrl)));
    if (parser.isSet(page) && !window->openPage(parser.value(page)))
        qWarning("--page: no panel \"%s\"", qPrintable(parser.value(page)));
    if (parser.isSet(screenshot)) {
        // The documentation's pictures have one size, whatever this user's window was last time.
        window->resize(shotSize);
        const QString path = parser.value(screenshot);
        // The panels read their data as soon as someone is signed in (--demo signs in the demo's
        // admin); they have no common "loaded" signal, so the shot waits a settled moment after.
        constexpr int kSettleMs = 2000;
        constexpr int kGiveUpMs = 60000;
        auto *poll = new QTimer(&app);
        poll->setInterval(100);
        QObject::connect(poll, &QTimer::timeout, &app, [&window, poll, path] {
            if (!window || window->signedInUser().isEmpty())
                return;
            poll->stop();
            QTimer::singleShot(kSettleMs, window, [&window, path] {
                if (!window->grab().save(path, "PNG")) {
                    qWarning("--screenshot: could not write %s", qPrintable(path));
                    QCoreApplication::exit(1);
                    return;
                }
                QCoreApplication::exit(0);
            });
        });
        poll->start();
        QTimer::singleShot(kGiveUpMs, &app, [] {
            qWarning("--screenshot: nobody was signed in after a minute (is --demo missing?)");
            QCoreApplication::exit(1);
        });
    }
    window->show();
    const int code = app.exec();
    // The windows go before the client and hub they use.
    delete window;
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return code;
}
