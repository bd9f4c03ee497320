#include "mainwindow.h"

#include "admin/activitypage.h"
#include "admin/cellsoperatorspage.h"
#include "admin/dashboardpage.h"
#include "admin/datapage.h"
#include "admin/integrationspage.h"
#include "admin/jobspage.h"
#include "admin/qualitypage.h"
#include "admin/workqueuepage.h"
#include "client/engineclient.h"
#include "client/jsonfields.h"
#include "createshopdialog.h"
#include "hubstatusdialog.h"
#include "jumpdialog.h"
#include "language.h"
#include "signindialog.h"
#include "settingsdialog.h"
#include "theme.h"
#include "workstationsettings.h"

#include <QCloseEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QProcess>
#include <QSettings>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

using namespace ery::client;

namespace ery::ui {

namespace {

const auto kGeometryKey = QStringLiteral("mainWindow/geometry");

} // namespace

MainWindow::MainWindow(EngineClient &client, bool loadDemoWithoutAsking, QWidget *parent)
    : QMainWindow(parent), m_client(client), m_loadDemoWithoutAsking(loadDemoWithoutAsking)
{
    setWindowTitle(tr("Eryxon MES"));

    // The panels, each a client of the hub's API (docs/architecture.md "How a panel gets data").
    m_pages = new QStackedWidget(this);
    m_dashboard = new DashboardPage(client, m_pages);
    m_jobs = new JobsPage(client, m_pages);
    m_empty = buildEmptyState();
    m_pages->addWidget(m_dashboard);
    m_pages->addWidget(m_jobs);
    m_integrations = new IntegrationsPage(client, m_pages);
    m_pages->addWidget(m_integrations);
    m_quality = new QualityPage(client, m_pages);
    m_pages->addWidget(m_quality);
    m_workQueue = new WorkQueuePage(client, m_pages);
    m_pages->addWidget(m_workQueue);
    m_cellsOperators = new CellsOperatorsPage(client, m_pages);
    m_pages->addWidget(m_cellsOperators);
    m_data = new DataPage(client, m_pages);
    m_pages->addWidget(m_data);
    m_activity = new ActivityPage(client, m_pages);
    m_pages->addWidget(m_activity);
    m_pages->addWidget(m_empty);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(buildSidebar());
    auto *main = new QVBoxLayout;
    main->setContentsMargins(0, 0, 0, 0);
    main->setSpacing(0);
    main->addWidget(buildBanner());
    main->addWidget(m_pages, 1);
    layout->addLayout(main, 1);
    setCentralWidget(central);

    m_database = new QLabel(this);
    m_database->setAccessibleName(tr("Database"));
    // The hub's traffic in a few words; a click opens the detail.
    m_hub = new QPushButton(this);
    m_hub->setObjectName(QStringLiteral("hubStatusButton"));
    m_hub->setAccessibleName(tr("Hub status"));
    m_hub->setFlat(true);
    m_hub->setCursor(Qt::PointingHandCursor);
    m_hub->setToolTip(tr("Show the hub's status in detail"));
    connect(m_hub, &QPushButton::clicked, this, &MainWindow::showHubStatus);
    m_api = new QLabel(this);
    m_api->setAccessibleName(tr("REST API"));
    m_user = new QLabel(this);
    m_user->setObjectName(QStringLiteral("signedInUser"));
    m_user->setAccessibleName(tr("Signed in"));
    m_user->setText(tr("Not signed in"));
    statusBar()->addWidget(m_database, 1);
    statusBar()->addPermanentWidget(m_user);
    statusBar()->addPermanentWidget(m_api);
    statusBar()->addPermanentWidget(m_hub);

    if (!restoreGeometry(QSettings().value(kGeometryKey).toByteArray()))
        resize(1280, 800);

    // Polling status is cheap (two small queries on the engine thread) and the counters it shows
    // change with every event, so a subscription would fire far more often than this.
    m_statusTimer.setInterval(2000);
    connect(&m_statusTimer, &QTimer::timeout, this, &MainWindow::refreshStatus);
    m_statusTimer.start();
    connect(&m_client, &EngineClient::signedIn, this, &MainWindow::sessionStarted);
    connect(&m_client, &EngineClient::signedOut, this, &MainWindow::sessionEnded);
    refreshStatus();
    findShop();
}

QWidget *MainWindow::buildSidebar()
{
    auto *sidebar = new QWidget(this);
    sidebar->setObjectName(QStringLiteral("sidebar"));
    sidebar->setFixedWidth(210);
    sidebar->setAutoFillBackground(true);
    QPalette pal = sidebar->palette();
    pal.setColor(QPalette::Window, pal.color(QPalette::Window).darker(106));
    sidebar->setPalette(pal);

    auto *brand = new QLabel(tr("Eryxon MES"), sidebar);
    QFont brandFont = brand->font();
    brandFont.setPointSizeF(brandFont.pointSizeF() * 1.3);
    brandFont.setBold(true);
    brand->setFont(brandFont);

    auto *nav = new QListWidget(sidebar);
    nav->setObjectName(QStringLiteral("navigation"));
    nav->setAccessibleName(tr("Navigation"));
    nav->setFrameShape(QFrame::NoFrame);
    nav->setIconSize(QSize(20, 20));
    nav->setPalette(pal);
    nav->setAutoFillBackground(false);
    nav->viewport()->setAutoFillBackground(false);
    nav->setStyleSheet(QStringLiteral("QListWidget::item { padding: 7px 10px; border-radius: 4px; }"
                                      "QListWidget::item:selected { background: palette(highlight); color: palette(highlighted-text); }"));
    // One entry per panel, in the order of Ctrl+1…9; a panel not built yet is shown disabled.
    // `name` is the panel's name for --page and tests.
    const struct {
        const char *name;
        QString text;
        QWidget *page;
    } entries[] = {
        {"dashboard", tr("Dashboard"), m_dashboard},
        {"jobs", tr("Jobs"), m_jobs},
        {"workqueue", tr("Work queue"), m_workQueue},
        {"quality", tr("Quality"), m_quality},
        {"cells", tr("Cells & operators"), m_cellsOperators},
        {"integrations", tr("Integrations"), m_integrations},
        {"data", tr("Data"), m_data},
        {"activity", tr("Activity"), m_activity},
    };
    int row = 0;
    for (const auto &e : entries) {
        // The entry's icon has the panel's name (resources/icons).
        auto *item = new QListWidgetItem(Theme::icon(QString::fromLatin1(e.name)), e.text, nav);
        item->setData(Qt::UserRole + 1, QString::fromLatin1(e.name));
        const QKeySequence keys(QKeyCombination(Qt::ControlModifier, Qt::Key(Qt::Key_1 + row)));
        if (!e.page) {
            item->setFlags(Qt::NoItemFlags);
            item->setToolTip(tr("Not available in this version"));
        } else {
            item->setData(Qt::UserRole, QVariant::fromValue(static_cast<QObject *>(e.page)));
            item->setToolTip(keys.toString(QKeySequence::NativeText));
            auto *shortcut = new QShortcut(keys, this);
            connect(shortcut, &QShortcut::activated, nav, [nav, row] { nav->setCurrentRow(row); });
        }
        ++row;
    }
    m_nav = nav;
    auto *jump = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_K), this);
    connect(jump, &QShortcut::activated, this, &MainWindow::jumpToJob);
    // Ctrl+N: a new job from anywhere; the jobs list shows it selected once created.
    auto *newJob = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_N), this);
    connect(newJob, &QShortcut::activated, this, [this] {
        if (!m_client.isSignedIn())
            return;
        openPage(QStringLiteral("jobs"));
        m_jobs->newJob();
    });
    connect(nav, &QListWidget::currentRowChanged, this, &MainWindow::showCurrentPage);
    nav->setCurrentRow(1);

    auto *layout = new QVBoxLayout(sidebar);
    layout->setContentsMargins(12, 18, 12, 12);
    layout->setSpacing(14);
    m_signOut = new QPushButton(tr("Sign out"), sidebar);
    m_signOut->setObjectName(QStringLiteral("signOutButton"));
    m_signOut->setAccessibleName(tr("Sign out"));
    m_signOut->hide();
    connect(m_signOut, &QPushButton::clicked, this, [this] { m_client.signOut(); });
    // The workstation's own settings: open whether or not anyone is signed in, since a wrong
    // database or port is fixed here.
    m_settings = new QPushButton(tr("Settings…"), sidebar);
    m_settings->setObjectName(QStringLiteral("settingsButton"));
    m_settings->setAccessibleName(tr("Settings"));
    const QKeySequence settingsKeys(Qt::CTRL | Qt::Key_Comma);
    m_settings->setToolTip(tr("Database, data directory, the hub's API and the look (%1)").arg(settingsKeys.toString(QKeySequence::NativeText)));
    connect(m_settings, &QPushButton::clicked, this, &MainWindow::openSettings);
    auto *settingsShortcut = new QShortcut(settingsKeys, this);
    connect(settingsShortcut, &QShortcut::activated, this, &MainWindow::openSettings);
    layout->addWidget(brand);
    layout->addWidget(nav, 1);
    layout->addWidget(m_settings);
    layout->addWidget(m_signOut);
    return sidebar;
}

QWidget *MainWindow::buildBanner()
{
    m_banner = new QWidget(this);
    m_banner->setObjectName(QStringLiteral("integrationsBanner"));
    m_banner->setAutoFillBackground(true);
    QPalette pal = m_banner->palette();
    pal.setColor(QPalette::Window, QColor(0xfff3cd));
    pal.setColor(QPalette::WindowText, QColor(0x664d03));
    m_banner->setPalette(pal);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setWordWrap(true);
    m_resume = new QPushButton(tr("Resume webhooks and MQTT"), m_banner);
    m_resume->setObjectName(QStringLiteral("resumeIntegrationsButton"));
    connect(m_resume, &QPushButton::clicked, this, &MainWindow::resumeIntegrations);
    auto *row = new QHBoxLayout(m_banner);
    row->setContentsMargins(12, 8, 12, 8);
    row->addWidget(m_bannerText, 1);
    row->addWidget(m_resume);
    m_banner->hide();
    return m_banner;
}

void MainWindow::resumeIntegrations()
{
    m_resume->setEnabled(false);
    m_client.post(QStringLiteral("/api/v1/system/integrations/resume")).then(this, [this](const ApiReply &r) {
        m_resume->setEnabled(true);
        if (!r.ok()) {
            QMessageBox::warning(this, tr("Not resumed"), r.errorMessage());
            return;
        }
        m_banner->hide();
        refreshStatus();
    });
}

QWidget *MainWindow::buildEmptyState()
{
    auto *page = new QWidget(this);
    m_emptyText = new QLabel(page);
    m_emptyText->setObjectName(QStringLiteral("emptyState"));
    m_emptyText->setWordWrap(true);
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setTextFormat(Qt::RichText);
    m_emptyText->setFixedWidth(520);

    m_loadDemo = new QPushButton(tr("Load the demo shop"), page);
    m_loadDemo->setObjectName(QStringLiteral("loadDemoButton"));
    m_loadDemo->setAccessibleName(tr("Load the demo shop"));
    connect(m_loadDemo, &QPushButton::clicked, this, &MainWindow::loadDemo);
    m_createShop = new QPushButton(tr("Create my shop"), page);
    m_createShop->setObjectName(QStringLiteral("createShopButton"));
    m_createShop->setAccessibleName(tr("Create my shop"));
    connect(m_createShop, &QPushButton::clicked, this, &MainWindow::createShop);
    m_signIn = new QPushButton(tr("Sign in…"), page);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->hide();
    connect(m_signIn, &QPushButton::clicked, this, &MainWindow::askToSignIn);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_createShop);
    buttons->addWidget(m_loadDemo);
    buttons->addWidget(m_signIn);
    buttons->addStretch(1);

    // Centred by stretching rows and columns: an alignment flag on the wrapped label would make
    // the layout ignore its height-for-width and clip the text.
    auto *layout = new QGridLayout(page);
    layout->setRowStretch(0, 1);
    layout->setRowStretch(4, 1);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(2, 1);
    layout->addWidget(m_emptyText, 1, 1);
    layout->setRowMinimumHeight(2, 12);
    layout->addLayout(buttons, 3, 1);
    return page;
}

void MainWindow::findShop()
{
    m_client.get(QStringLiteral("/api/v1/setup")).then(this, [this](const ApiReply &r) {
        if (!r.ok()) {
            showEmptyState(tr("The shop could not be read: %1").arg(r.errorMessage()));
            return;
        }
        const Json &setup = r.data();
        if (flag(setup, "has_shop")) {
            m_shopName = text(setup.value("shop", Json::object()), "name");
            m_demoSignIn = setup.value("demo_sign_in", Json::object());
            if (m_client.isSignedIn()) {
                sessionStarted();
            } else if (m_loadDemoWithoutAsking && !text(m_demoSignIn, "username").isEmpty()) {
                // --demo on a database that already holds the demo: open it as its published admin.
                m_client.signIn(text(m_demoSignIn, "username"), text(m_demoSignIn, "password")).then(this, [this](const ApiReply &r) {
                    if (!r.ok())
                        askToSignIn();
                });
            } else {
                askToSignIn();
            }
            return;
        }
        m_demoName = text(setup, "demo_shop_name");
        if (m_loadDemoWithoutAsking)
            loadDemo();
        else
            offerDemo();
    });
}

void MainWindow::askToSignIn()
{
    showEmptyState(tr("Sign in to see the shop."), false);
    if (findChild<SignInDialog *>())
        return;
    auto *dialog = new SignInDialog(m_client, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!m_shopName.isEmpty())
        dialog->setShopName(m_shopName);
    if (!text(m_demoSignIn, "username").isEmpty())
        dialog->setHint(
            tr("Demo shop: sign in as %1 with password %2.").arg(text(m_demoSignIn, "username"), text(m_demoSignIn, "password")),
            text(m_demoSignIn, "username"));
    dialog->open();
}

void MainWindow::sessionStarted()
{
    const QString shop = m_client.tenantName();
    setWindowTitle(shop.isEmpty() ? tr("Eryxon MES") : tr("Eryxon MES — %1").arg(shop));
    m_signedIn = text(m_client.user(), "username");
    m_user->setText(
        tr("Signed in as %1").arg(text(m_client.user(), "full_name").isEmpty() ? m_signedIn : text(m_client.user(), "full_name")));
    m_signOut->show();
    m_jobs->setTenant(m_client.tenantId());
    showCurrentPage();
    refreshStatus();
}

void MainWindow::jumpToJob()
{
    if (!m_client.isSignedIn() || findChild<JumpDialog *>())
        return;
    auto *dialog = new JumpDialog(m_client, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &JumpDialog::jobChosen, this, [this](const QString &jobId) {
        openPage(QStringLiteral("jobs"));
        // A job further down than the list has read is selected once its page arrives.
        m_jobs->showJob(jobId);
    });
    dialog->open();
}

MainWindow *MainWindow::switchLanguage(const QString &choice)
{
    const QString was = Language::current();
    if (!Language::apply(choice) || Language::current() == was)
        return this;
    return rebuild();
}

// Why a new window instead of retranslating this one: the panels set their texts as they are
// built and as their data arrives (hundreds of tr() calls, many composed with figures, dates and
// names), and none keeps the untranslated form to redo it from. Building them again on the same
// signed-in client gives every text in the new language with no code per panel; the panels read
// their data again, as they do on a refresh.
MainWindow *MainWindow::rebuild()
{
    auto *next = new MainWindow(m_client, false);
    next->setAttribute(Qt::WA_DeleteOnClose);
    next->m_startedWith = m_startedWith;
    next->restoreGeometry(saveGeometry());
    next->openPage(currentPageName());
    if (isVisible())
        next->show();
    emit replaced(next);
    hide();
    deleteLater();
    return next;
}

QString MainWindow::currentPageName() const
{
    return m_nav && m_nav->currentItem() ? m_nav->currentItem()->data(Qt::UserRole + 1).toString() : QString();
}

bool MainWindow::openPage(const QString &name)
{
    for (int row = 0; row < m_nav->count(); ++row) {
        QListWidgetItem *item = m_nav->item(row);
        if (item->data(Qt::UserRole + 1).toString() == name && (item->flags() & Qt::ItemIsEnabled)) {
            m_nav->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

void MainWindow::showCurrentPage()
{
    // Before anyone signs in the pages stay behind the empty state.
    if (!m_client.isSignedIn() || !m_nav || !m_nav->currentItem())
        return;
    if (auto *page = qobject_cast<QWidget *>(m_nav->currentItem()->data(Qt::UserRole).value<QObject *>()))
        m_pages->setCurrentWidget(page);
}

void MainWindow::sessionEnded(bool expired)
{
    m_signedIn.clear();
    m_user->setText(tr("Not signed in"));
    m_signOut->hide();
    m_jobs->setTenant({});
    setWindowTitle(tr("Eryxon MES"));
    if (expired)
        statusBar()->showMessage(tr("Your session ended; sign in again."), 10000);
    askToSignIn();
}

void MainWindow::offerDemo()
{
    showEmptyState({});
    auto *box = new QMessageBox(QMessageBox::Question, tr("Welcome to Eryxon MES"), tr("This database has no shop yet."),
                                QMessageBox::NoButton, this);
    box->setInformativeText(tr("Create your own shop with its first admin, or load the demo shop “%1” with sample jobs, cells and "
                               "operators to explore Eryxon.")
                                .arg(m_demoName));
    QPushButton *create = box->addButton(tr("Create my shop"), QMessageBox::AcceptRole);
    QPushButton *load = box->addButton(tr("Load the demo shop"), QMessageBox::AcceptRole);
    box->addButton(tr("Not now"), QMessageBox::RejectRole);
    box->setDefaultButton(create);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, load, create] {
        if (box->clickedButton() == load)
            loadDemo();
        else if (box->clickedButton() == create)
            createShop();
    });
    box->open();
}

void MainWindow::loadDemo()
{
    m_loadDemo->setEnabled(false);
    m_createShop->setEnabled(false);
    statusBar()->showMessage(tr("Loading the demo shop…"));
    m_client.post(QStringLiteral("/api/v1/setup/demo")).then(this, [this](const ApiReply &r) {
        m_loadDemo->setEnabled(true);
        m_createShop->setEnabled(true);
        statusBar()->clearMessage();
        if (!r.ok()) {
            showEmptyState({});
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Demo shop not loaded"), tr("The demo shop could not be loaded."),
                                        QMessageBox::Ok, this);
            box->setInformativeText(r.errorMessage());
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
            return;
        }
        // The demo's admin is signed in straight away: the demo is for trying things out.
        const Json signIn = r.data().value("sign_in", Json::object());
        m_client.signIn(text(signIn, "username"), text(signIn, "password")).then(this, [this](const ApiReply &) { findShop(); });
    });
}

void MainWindow::createShop()
{
    auto *dialog = new CreateShopDialog(m_client, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &MainWindow::findShop);
    dialog->open();
}

void MainWindow::showEmptyState(const QString &message, bool noShop)
{
    QString html = noShop ? QStringLiteral("<h2>%1</h2><p>%2</p>")
                                .arg(tr("No shop data yet"), tr("This database has no shop. Create your own shop with its first admin, or "
                                                                "load the demo shop to explore Eryxon with sample jobs."))
                          : QStringLiteral("<h2>%1</h2>").arg(m_shopName.isEmpty() ? tr("Eryxon MES") : m_shopName.toHtmlEscaped());
    if (!message.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(message.toHtmlEscaped());
    m_emptyText->setText(html);
    m_loadDemo->setVisible(noShop);
    m_createShop->setVisible(noShop);
    m_signIn->setVisible(!noShop);
    m_pages->setCurrentWidget(m_empty);
}

void MainWindow::refreshStatus()
{
    if (m_statusPending)
        return;
    if (!m_client.isSignedIn()) {
        m_database->setText(tr("Hub: %1").arg(m_client.hubLabel()));
        m_hub->setText({});
        m_hub->hide();
        m_api->clear();
        m_lastRequests = -1;
        return;
    }
    m_statusPending = true;
    m_client.get(QStringLiteral("/api/v1/system/status")).then(this, [this](const ApiReply &reply) {
        m_statusPending = false;
        const Json &s = reply.data();
        if (!reply.ok() || s.value("status", std::string()) != "ok") {
            m_database->setText(reply.status() == 0 ? tr("Hub unreachable: %1").arg(reply.errorMessage())
                                                    : tr("Hub status unavailable: %1").arg(reply.errorMessage()));
            m_hub->hide();
            m_api->clear();
            return;
        }
        const Json &db = s["database"];
        const QString engine = text(db, "engine") == QLatin1String("postgresql") ? tr("PostgreSQL") : tr("SQLite");
        // Where the hub is first: a workstation on another machine's hub must not look like one on its own.
        m_database->setText(tr("%1 · %2 · %3").arg(m_client.hubLabel(), engine, text(db, "location")));
        m_database->setToolTip(tr("Database schema version %1").arg(number(db, "schema_version")));
        const Json &api = s.value("api", Json::object());
        if (api.value("listening", false)) {
            m_api->setText(tr("REST API: %1").arg(text(api, "url")));
            m_api->setToolTip(tr("External systems reach this shop here, with an API key."));
        } else {
            m_api->setText(apiOffText(api));
            QString tip = text(api, "error");
            if (text(api, "reason") == QLatin1String("port_in_use"))
                tip += QLatin1Char('\n') + tr("Another Eryxon (eryxon-server serve or a second window) or another program holds the port. "
                                              "Start Eryxon with --api-port N to use another one.");
            m_api->setToolTip(tip.trimmed());
        }
        const Json &integrations = s.value("integrations", Json::object());
        if (integrations.value("paused", false)) {
            m_bannerText->setText(tr("Outgoing webhooks and MQTT are paused: %1. Events wait and are sent after you resume.")
                                      .arg(text(integrations, "reason")));
            m_banner->show();
        } else {
            m_banner->hide();
        }
        // Requests per minute between two reads, without this status bar's own read.
        const qint64 total = number(s, "requests_total");
        if (m_lastRequests >= 0 && m_sinceStatus.elapsed() > 0)
            m_requestsPerMinute = double(std::max<qint64>(0, total - m_lastRequests - 1)) * 60000.0 / double(m_sinceStatus.elapsed());
        m_lastRequests = total;
        m_sinceStatus.start();
        m_hub->setText(hubSummary(s, m_requestsPerMinute));
        m_hub->show();
        m_lastStatus = s;
        if (m_hubStatus && m_hubStatus->isVisible())
            m_hubStatus->display(s, m_requestsPerMinute);
    });
}

SettingsDialog *MainWindow::openSettings()
{
    if (auto *open = findChild<SettingsDialog *>())
        return open;
    // What this run uses, which command-line options may have made differ from what is saved.
    const QString inUse = m_startedWith.isEmpty() ? QString() : tr("This run uses: %1.").arg(m_startedWith);
    auto *dialog = new SettingsDialog(WorkstationSettings::load(QSettings()), inUse, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const WorkstationSettings before = WorkstationSettings::load(QSettings());
    connect(dialog, &SettingsDialog::saved, this, [this, before](const WorkstationSettings &s, bool restartNow) {
        if (restartNow) {
            const QStringList args = SettingsDialog::restartArguments(QCoreApplication::arguments());
            if (!QProcess::startDetached(QCoreApplication::applicationFilePath(), args)) {
                QMessageBox::warning(this, tr("Restart"), tr("Eryxon could not be started again; start it yourself to use the new settings."));
                return;
            }
            close();
            return;
        }
        WorkstationSettings rest = s;
        rest.language = before.language;
        // The window that shows after a change of language is a new one: it says what is left.
        MainWindow *shown = s.language == before.language ? this : switchLanguage(s.language);
        if (!(rest == before))
            shown->statusBar()->showMessage(tr("Settings saved; they take effect the next time Eryxon starts."), 8000);
    });
    dialog->open();
    return dialog;
}

QString MainWindow::hubSummary(const Json &s, double requestsPerMinute)
{
    const QLocale locale;
    QStringList parts;
    if (requestsPerMinute >= 0)
        parts << tr("%1 req/min").arg(locale.toString(requestsPerMinute, 'f', 0));
    parts << tr("%1 sockets").arg(locale.toString(number(s, "realtime_connections")));
    parts << tr("%1 MCP").arg(locale.toString(number(s, "mcp_sessions")));
    const qint64 backlog = number(s.value("outbox", Json::object()), "backlog", -1);
    parts << tr("backlog %1").arg(backlog < 0 ? QStringLiteral("—") : locale.toString(backlog));
    // Only what needs a look: failed webhook attempts, publishers without their broker.
    const qint64 failed = number(s.value("webhooks", Json::object()), "failed");
    if (failed > 0)
        parts << tr("%1 webhook failures").arg(locale.toString(failed));
    const Json &mqtt = s.value("mqtt", Json::object());
    if (number(mqtt, "publishers") > 0)
        parts << tr("MQTT %1/%2").arg(number(mqtt, "connected")).arg(number(mqtt, "publishers"));
    return parts.join(QStringLiteral(" · "));
}

void MainWindow::showHubStatus()
{
    if (!m_hubStatus)
        m_hubStatus = new HubStatusDialog(this);
    m_hubStatus->display(m_lastStatus, m_requestsPerMinute);
    m_hubStatus->show();
    m_hubStatus->raise();
    refreshStatus();
}

QString MainWindow::apiOffText(const Json &api)
{
    const QString reason = text(api, "reason");
    const qint64 port = number(api, "port", -1);
    if (reason == QLatin1String("disabled"))
        return tr("API off: started with --no-api");
    if (reason == QLatin1String("port_in_use"))
        return tr("API off: port %1 is used by another program").arg(port);
    if (reason == QLatin1String("permission_denied"))
        return tr("API off: no permission to use port %1").arg(port);
    if (reason == QLatin1String("address_unavailable"))
        return tr("API off: %1 is not an address of this computer").arg(text(api, "bind"));
    if (reason == QLatin1String("bad_bind"))
        return tr("API off: %1 is not an IP address").arg(text(api, "bind"));
    if (reason == QLatin1String("tls"))
        return tr("API off: the TLS certificate or key could not be loaded");
    return tr("API off: it could not start");
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings().setValue(kGeometryKey, saveGeometry());
    QMainWindow::closeEvent(event);
}

} // namespace ery::ui
