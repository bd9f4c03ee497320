#pragma once

#include <QMainWindow>
#include <QPixmap>
#include <QPointer>
#include <QTimer>

class QStackedWidget;

namespace ery::client {
class ActionJournal;
class EngineClient;
}

namespace ery::ui {

class BarcodeWedge;
class LoginPage;
class RegisterPage;
class TerminalStatusBar;
class WorkPage;

// The floor terminal face (eryxon --terminal): a touch screen by a machine, read from two metres.
// First start: "Register this terminal" (RegisterPage) until the hub gave it a terminal key, kept
// per hub in the settings. Then an operator signs in with employee id and PIN (LoginPage) and works
// the cell's queues (WorkPage); after the idle time without a touch, or "Switch operator", the
// operator is signed out and the PIN login shows again. Every action goes through an
// ActionJournal, so a hub that cannot be reached loses nothing; the status bar says so, and a
// refused action is shown to the operator until they acknowledge it. A barcode scanner (keyboard
// wedge) opens what it scans. The terminal only speaks the hub's API through EngineClient: it works
// the same on the embedded hub and on a remote one.
class TerminalWindow : public QMainWindow {
    Q_OBJECT
public:
    // `demo`: register with the demo shop's admin without asking (loading the demo into an empty
    // database). `journalPath`: where the action journal is kept (default: in the data directory).
    TerminalWindow(client::EngineClient &client, bool demo, const QString &journalPath = {}, QWidget *parent = nullptr);
    ~TerminalWindow() override;

    RegisterPage *registerPage() const { return m_register; }
    LoginPage *loginPage() const { return m_login; }
    WorkPage *workPage() const { return m_work; }
    TerminalStatusBar *terminalStatusBar() const { return m_status; }
    client::ActionJournal &journal() const { return *m_journal; }
    QWidget *currentPage() const;

    // Back to the PIN login after this long without a touch (default: Settings, else 15 minutes).
    void setIdleLockMs(int ms);
    int idleLockMs() const { return m_idle.interval(); }
    // Signs the operator out and shows the PIN login, with `reason` above it.
    void lock(const QString &reason);

    // For documentation pictures (--terminal-screen): brings the terminal to `screen` — login,
    // queues, detail or report — signing in the demo's first operator when needed; screenReady()
    // follows once it shows.
    void prepareScreen(const QString &screen);
    // The window as it shows, with an open dialog drawn where it stands.
    QPixmap snapshot();

    // Where this terminal keeps its key for the hub it talks to.
    static QString keySetting(const client::EngineClient &client);

signals:
    void screenReady();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    // Text and keys grow with a larger screen.
    void resizeEvent(QResizeEvent *event) override;

private:
    void begin();
    void showLogin(const QString &message = {});
    void showWork();
    void registered(const QString &key);
    void updateStatus();
    void showConflict();

    client::EngineClient &m_client;
    bool m_demo;
    client::ActionJournal *m_journal;
    QStackedWidget *m_pages;
    RegisterPage *m_register;
    LoginPage *m_login;
    WorkPage *m_work;
    TerminalStatusBar *m_status;
    BarcodeWedge *m_wedge;
    QPointer<QWidget> m_conflictBox;
    QTimer m_idle;
    double m_scale = 1.0;
};

} // namespace ery::ui
