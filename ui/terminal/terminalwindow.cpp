#include "terminalwindow.h"

#include "barcodewedge.h"
#include "drawingviewer.h"
#include "loginpage.h"
#include "operationpanel.h"
#include "productiondialog.h"
#include "queuerowdelegate.h"
#include "registerpage.h"
#include "terminalstatusbar.h"
#include "workpage.h"

#include "client/actionjournal.h"
#include "client/engineclient.h"
#include "client/jsonfields.h"
#include "shell/workstationsettings.h"

#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace ery::client;

namespace ery::ui {

namespace {
// Sizes for a touch screen read from two metres: 20 px text, 64 px keys, headings twice as big.
// Colours come from the palette, so the light and the dark look both keep their contrast.
const char *const kStyle = R"(
QWidget { font-size: 20px; }
QLabel#terminalTitle, QLabel[heading="true"] { font-size: 30px; font-weight: bold; }
QLabel[section="true"] { font-size: 22px; font-weight: bold; padding-top: 4px; }
QLabel#statusClock { font-size: 28px; font-weight: bold; font-family: monospace; }
QLabel#terminalNextCell { font-size: 22px; }
QPushButton { min-height: 60px; min-width: 64px; padding: 4px 18px; font-size: 22px; font-weight: bold; border-radius: 8px;
              border: 2px solid palette(mid); background: palette(button); }
QPushButton:pressed { background: palette(highlight); color: palette(highlighted-text); }
QPushButton:disabled { color: palette(mid); border-color: palette(midlight); }
QPushButton[keypad="true"] { min-height: 62px; font-size: 30px; }
QPushButton[stepper="true"] { min-height: 56px; min-width: 64px; font-size: 30px; padding: 0; }
QPushButton[primary="true"], QPushButton[go="true"] { background: #1b5e20; color: white; border-color: #1b5e20; }
QPushButton[primary="true"]:disabled, QPushButton[go="true"]:disabled { background: palette(button); color: palette(mid); border-color: palette(midlight); }
QPushButton[warn="true"] { background: #b45309; color: white; border-color: #b45309; }
QPushButton[warn="true"]:disabled { background: palette(button); color: palette(mid); border-color: palette(midlight); }
QPushButton[choice="true"]:checked { background: palette(highlight); color: palette(highlighted-text); border-color: palette(highlight); }
QLineEdit, QSpinBox, QComboBox { min-height: 56px; font-size: 24px; padding: 0 12px; border: 2px solid palette(mid); border-radius: 8px; }
QLineEdit:focus, QSpinBox:focus, QPlainTextEdit:focus { border-color: palette(highlight); }
QComboBox QAbstractItemView { font-size: 24px; }
QComboBox QAbstractItemView::item { min-height: 56px; }
QPlainTextEdit { font-size: 22px; border: 2px solid palette(mid); border-radius: 8px; }
QCheckBox { font-size: 22px; min-height: 52px; spacing: 14px; }
QCheckBox::indicator { width: 36px; height: 36px; }
QListWidget { font-size: 20px; background: palette(window); }
QGroupBox { font-weight: bold; padding-top: 28px; }
#terminalStatusBar { background: palette(alternate-base); border-top: 2px solid palette(mid); }
#terminalStatusBar QLabel { font-size: 22px; }
QLabel#queueEmpty { color: palette(placeholder-text); font-size: 20px; padding: 12px; border: 2px dashed palette(midlight); border-radius: 8px; }
QScrollBar:vertical { width: 28px; }
)";

// The style at `scale`: every pixel size in it grows with the screen, so a full-HD terminal is read
// from as far as a small one (1.0 at 1280 × 800).
QString scaledStyle(double scale)
{
    QString style = QLatin1String(kStyle);
    static const QRegularExpression px(QStringLiteral("(\\d+)px"));
    QString out;
    qsizetype last = 0;
    for (auto it = px.globalMatch(style); it.hasNext();) {
        const auto m = it.next();
        out += style.mid(last, m.capturedStart() - last);
        out += QStringLiteral("%1px").arg(qRound(m.captured(1).toInt() * scale));
        last = m.capturedEnd();
    }
    return out + style.mid(last);
}

QString journalFile(const EngineClient &client)
{
    // One journal per hub: actions taken against one hub are never sent to another.
    const QString hub = QString(client.hubId()).replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9]+")), QStringLiteral("_"));
    const QString dir = WorkstationSettings::load(QSettings()).effectiveDataDirectory();
    QDir().mkpath(dir);
    return dir + QStringLiteral("/terminal-journal-%1.json").arg(hub);
}
} // namespace

QString TerminalWindow::keySetting(const EngineClient &client)
{
    QString hub = client.hubId();
    hub.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9.-]+")), QStringLiteral("_"));
    return QStringLiteral("terminal/keys/%1").arg(hub);
}

TerminalWindow::TerminalWindow(EngineClient &client, bool demo, const QString &journalPath, QWidget *parent)
    : QMainWindow(parent), m_client(client), m_demo(demo),
      m_journal(new ActionJournal(client, journalPath.isEmpty() ? journalFile(client) : journalPath, this))
{
    setObjectName(QStringLiteral("terminalWindow"));
    setWindowTitle(tr("Eryxon floor terminal"));
    setStyleSheet(scaledStyle(1.0));

    m_register = new RegisterPage(m_client, this);
    m_login = new LoginPage(m_client, this);
    m_work = new WorkPage(m_client, *m_journal, this);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_register);
    m_pages->addWidget(m_login);
    m_pages->addWidget(m_work);
    m_status = new TerminalStatusBar(this);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_status);
    setCentralWidget(central);

    connect(m_register, &RegisterPage::registered, this, &TerminalWindow::registered);
    connect(m_login, &LoginPage::signedIn, this, &TerminalWindow::showWork);
    connect(m_login, &LoginPage::keyRefused, this, [this] {
        QSettings().remove(keySetting(m_client));
        m_client.setTerminalKey({});
        m_register->showMessage(tr("The hub no longer accepts this terminal's key (it was revoked). An admin registers the terminal again."));
        m_pages->setCurrentWidget(m_register);
    });
    connect(m_work, &WorkPage::switchOperator, this, [this] { lock({}); });
    connect(m_work, &WorkPage::openEntryChanged, this, &TerminalWindow::updateStatus);
    connect(&m_client, &EngineClient::signedOut, this, [this](bool expired) {
        if (m_pages->currentWidget() == m_work)
            showLogin(expired ? tr("Your session ended; sign in again.") : QString());
    });
    connect(&m_client, &EngineClient::reachableChanged, this, [this](bool reachable) {
        updateStatus();
        if (reachable)
            m_journal->retryNow();
    });
    connect(m_journal, &ActionJournal::pendingChanged, this, &TerminalWindow::updateStatus);
    connect(m_journal, &ActionJournal::applied, this, [this] { m_work->reload(); });
    connect(m_journal, &ActionJournal::conflicted, this, [this] {
        showConflict();
        m_work->reload();
    });
    connect(m_journal, &ActionJournal::failed, this, [this](const QString &why) {
        auto *box = new QDialog(this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowTitle(tr("Not done"));
        auto *l = new QVBoxLayout(box);
        auto *text = new QLabel(tr("This terminal could not write down your action, so it was not done: %1").arg(why), box);
        text->setWordWrap(true);
        auto *ok = new QPushButton(tr("OK"), box);
        connect(ok, &QPushButton::clicked, box, &QDialog::accept);
        l->addWidget(text);
        l->addWidget(ok);
        box->open();
    });

    // The barcode wedge: in the work screen a scan opens what it names; at the login a badge fills
    // in the employee id.
    m_wedge = new BarcodeWedge(this, this);
    connect(m_wedge, &BarcodeWedge::scanned, this, [this](const QString &code) {
        if (m_pages->currentWidget() == m_work) {
            m_work->open(code);
        } else if (m_pages->currentWidget() == m_login) {
            m_login->employeeField()->setText(code);
            m_login->pinField()->setFocus();
        }
    });

    // Idle lock: any touch, click or key in the terminal starts the wait again.
    m_idle.setSingleShot(true);
    setIdleLockMs(qMax(1, WorkstationSettings::load(QSettings()).terminalIdleMinutes) * 60 * 1000);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        lock(tr("Signed out after %n minute(s) without a touch.", nullptr, qMax(1, m_idle.interval() / 60000)));
    });
    qApp->installEventFilter(this);

    resize(1280, 800);
    begin();
    updateStatus();
}

TerminalWindow::~TerminalWindow()
{
    qApp->removeEventFilter(this);
}

QWidget *TerminalWindow::currentPage() const
{
    return m_pages->currentWidget();
}

void TerminalWindow::setIdleLockMs(int ms)
{
    m_idle.setInterval(ms);
    if (m_idle.isActive())
        m_idle.start();
}

void TerminalWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    const double scale = qBound(1.0, qMin(width() / 1280.0, height() / 800.0), 2.0);
    if (qAbs(scale - m_scale) < 0.05)
        return;
    m_scale = scale;
    setStyleSheet(scaledStyle(scale));
}

bool TerminalWindow::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::KeyPress:
    case QEvent::TouchBegin:
    case QEvent::Wheel:
        if (m_idle.isActive())
            m_idle.start();
        break;
    default:
        break;
    }
    return QMainWindow::eventFilter(watched, event);
}

void TerminalWindow::begin()
{
    const QString key = QSettings().value(keySetting(m_client)).toString();
    // The demo is for trying out (and for pictures on a fresh database): it registers every time.
    if (!key.isEmpty() && !m_demo) {
        m_client.setTerminalKey(key);
        showLogin();
        return;
    }
    m_pages->setCurrentWidget(m_register);
    if (m_demo)
        m_register->registerWithDemo();
}

void TerminalWindow::registered(const QString &key)
{
    QSettings().setValue(keySetting(m_client), key);
    m_client.setTerminalKey(key);
    showLogin(tr("This terminal is registered. Operators sign in with their employee id and PIN."));
}

void TerminalWindow::showLogin(const QString &message)
{
    m_idle.stop();
    m_work->end();
    m_login->reset(message);
    m_pages->setCurrentWidget(m_login);
    updateStatus();
}

void TerminalWindow::showWork()
{
    m_pages->setCurrentWidget(m_work);
    m_work->begin();
    m_idle.start();
    updateStatus();
}

void TerminalWindow::lock(const QString &reason)
{
    // Dialogs left open belong to the operator who walked away.
    for (QDialog *d : findChildren<QDialog *>())
        if (d != m_conflictBox)
            d->reject();
    m_client.signOut();
    showLogin(reason);
}

void TerminalWindow::updateStatus()
{
    const bool in = m_pages->currentWidget() == m_work && m_client.isSignedIn();
    const Json entry = m_work->openEntry();
    m_status->setWork(in ? text(m_client.user(), "full_name") : QString(), m_work->openEntryLabel(),
                      in && entry.is_object() ? when(entry, "start_time") : QDateTime());
    m_status->setConnection(m_client.isReachable(), int(m_journal->pending().size()));
}

void TerminalWindow::showConflict()
{
    if (m_conflictBox || m_journal->conflicts().isEmpty())
        return;
    const ActionJournal::Entry entry = m_journal->conflicts().first();
    auto *box = new QDialog(this);
    box->setObjectName(QStringLiteral("conflictDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("An action could not be done"));
    auto *title = new QLabel(tr("Not done: %1").arg(entry.label), box);
    title->setObjectName(QStringLiteral("terminalTitle"));
    title->setWordWrap(true);
    const QDateTime taken = QDateTime::fromString(entry.takenAt, Qt::ISODate).toLocalTime();
    auto *why = new QLabel(tr("Taken at %1%2. The hub refused it: %3\n\nThe queue shows how things stand now; do it again if it is still needed.")
                               .arg(QLocale().toString(taken.time(), QLocale::ShortFormat),
                                    entry.takenBy.isEmpty() ? QString() : tr(" by %1").arg(entry.takenBy), entry.refusal),
                           box);
    why->setObjectName(QStringLiteral("conflictText"));
    why->setWordWrap(true);
    auto *ok = new QPushButton(tr("OK"), box);
    ok->setObjectName(QStringLiteral("conflictOk"));
    ok->setProperty("primary", true);
    auto *l = new QVBoxLayout(box);
    l->setContentsMargins(24, 20, 24, 20);
    l->setSpacing(16);
    l->addWidget(title);
    l->addWidget(why);
    l->addWidget(ok);
    const QString key = entry.key;
    connect(ok, &QPushButton::clicked, box, [this, box, key] {
        m_journal->acknowledge(key);
        box->accept();
        QTimer::singleShot(0, this, &TerminalWindow::showConflict);
    });
    box->resize(qMin(width() - 80, 760), box->sizeHint().height());
    m_conflictBox = box;
    box->open();
}

QPixmap TerminalWindow::snapshot()
{
    // As an operator sees it: the window dimmed behind the dialog, the dialog framed on top.
    QPixmap shot = grab();
    QPainter p(&shot);
    for (QDialog *d : findChildren<QDialog *>())
        if (d->isVisible()) {
            p.fillRect(shot.rect(), QColor(0, 0, 0, 110));
            const QPoint at = mapFromGlobal(d->mapToGlobal(QPoint(0, 0)));
            p.drawPixmap(at, d->grab());
            p.setPen(QPen(palette().color(QPalette::Shadow), 2));
            p.drawRect(QRect(at, d->size()).adjusted(-1, -1, 0, 0));
        }
    return shot;
}

void TerminalWindow::prepareScreen(const QString &screen)
{
    // Each step waits for the one before: registered → login → signed in → queue → detail → dialog.
    auto ready = [this] { QTimer::singleShot(0, this, &TerminalWindow::screenReady); };
    auto onLogin = [this, screen, ready] {
        if (screen == QLatin1String("login")) {
            m_login->employeeField()->setText(QStringLiteral("DMW0001")); // notr
            m_login->pinField()->setText(QStringLiteral("12"));
            ready();
            return;
        }
        auto *queued = new QMetaObject::Connection;
        *queued = connect(m_work, &WorkPage::queueShown, this, [this, screen, ready, queued] {
            disconnect(*queued);
            delete queued;
            if (screen == QLatin1String("queues")) {
                ready();
                return;
            }
            // The first waiting operation (else a running one), opened in the panel.
            QListWidget *from = m_work->queue(1)->count() > 0 ? m_work->queue(1) : m_work->queue(0);
            if (from->count() == 0) {
                ready();
                return;
            }
            auto *detailed = new QMetaObject::Connection;
            *detailed = connect(m_work->panel(), &OperationPanel::detailsShown, this, [this, screen, ready, detailed] {
                disconnect(*detailed);
                delete detailed;
                if (screen == QLatin1String("drawing") && m_work->panel()->drawingButton()->isVisible()) {
                    // The part's drawing as the operator sees it, over the whole terminal.
                    auto *opened = new QMetaObject::Connection;
                    *opened = connect(m_work->panel(), &OperationPanel::drawingOpened, this, [this, ready, opened](DrawingViewer *viewer) {
                        disconnect(*opened);
                        delete opened;
                        viewer->setWindowState(Qt::WindowNoState);
                        viewer->setGeometry(QRect(mapToGlobal(QPoint(0, 0)), size()));
                        QTimer::singleShot(500, this, ready); // the first page rendered
                    });
                    m_work->panel()->openDrawing();
                    return;
                }
                if (screen != QLatin1String("report")) {
                    ready();
                    return;
                }
                m_work->panel()->reportProduction();
                auto *dialog = findChild<ProductionDialog *>();
                if (!dialog) {
                    ready();
                    return;
                }
                connect(dialog, &ProductionDialog::reasonsShown, this, [dialog, ready] {
                    dialog->goodBox()->setValue(10);
                    const QStringList ids = dialog->reasonIds();
                    if (!ids.isEmpty())
                        dialog->scrapBox(ids.first())->setValue(1);
                    ready();
                });
            });
            m_work->selectOperation(from->item(0)->data(QueueRowDelegate::IdRole).toString());
        });
        m_login->employeeField()->setText(QStringLiteral("DMW0001")); // notr
        m_login->pinField()->setText(QStringLiteral("1234"));
        m_login->submit();
    };
    if (m_pages->currentWidget() == m_login) {
        onLogin();
        return;
    }
    auto *registered = new QMetaObject::Connection;
    *registered = connect(m_register, &RegisterPage::registered, this, [this, onLogin, registered] {
        disconnect(*registered);
        delete registered;
        QTimer::singleShot(0, this, onLogin);
    });
}

} // namespace ery::ui
