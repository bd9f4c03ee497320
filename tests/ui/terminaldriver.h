#pragma once

#include "core/jsonutil.h"

#include <QNetworkAccessManager>
#include <QString>

namespace ery::client {
class EngineClient;
}
namespace ery::ui {
class TerminalWindow;
class WorkPage;
class OperationPanel;
} // namespace ery::ui

namespace ery::test {

// What the floor terminal's tests do as an operator and as the office: an operator's finger on the
// PIN keypad and the queues, and the office's changes through the hub's REST API with a bearer
// token (an admin's session or key). The same for the terminal in process (tst_terminal) and over
// --connect (tst_terminalremote): only the door and the hub's address differ.
class TerminalDriver {
public:
    // The terminal under test, its door, and the assembly cell's id the queues are opened on.
    void attach(ui::TerminalWindow *window, client::EngineClient *client, const QString &assemblyCell);
    // Where the office's requests go (http://127.0.0.1:PORT) and with which token (none: anonymous).
    void setApi(const QString &base, const QString &bearer);

    ui::WorkPage *work() const;
    ui::OperationPanel *panel() const;

    // One request of the office; the JSON answered (null when none came within 10 s).
    Json http(const QByteArray &method, const QString &path, const Json &body = Json(), int *status = nullptr);
    // A job due today with one part of `quantity` and one operation on the Assembly cell; its
    // operation's id, or empty.
    QString makeJob(const QString &number, int quantity = 10);
    QString statusOf(const QString &opId);
    // The operation in one of the cell's three queues now on the screen.
    bool inQueue(const QString &opId) const;

    // The employee id typed, the PIN on the keypad, OK.
    void typePin(const QString &employee, const QString &pin);
    // typePin from a locked screen, until the queues show and the door is signed in.
    void signIn(const QString &employee, const QString &pin);
    // The Assembly cell's queues, and the operation chosen in them.
    void openInAssembly(const QString &opId);

private:
    ui::TerminalWindow *m_window = nullptr;
    client::EngineClient *m_client = nullptr;
    QString m_assembly, m_base, m_bearer;
    QNetworkAccessManager m_nam;
};

} // namespace ery::test
