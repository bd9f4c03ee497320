#pragma once

#include "client/apireply.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ery::client {
class EngineClient;
}

namespace ery::ui {

// The floor terminal's sign-in: the operator's employee id (typed, or scanned from a badge) and a
// PIN on a large keypad (digits, Clear, Backspace, OK). A wrong PIN says how many attempts are
// left, a locked operator until when, an unreachable hub that it cannot be reached
// (POST /api/v1/auth/pin through EngineClient::signInWithPin).
class LoginPage : public QWidget {
    Q_OBJECT
public:
    explicit LoginPage(client::EngineClient &client, QWidget *parent = nullptr);

    QLineEdit *employeeField() const { return m_employee; }
    QLineEdit *pinField() const { return m_pin; }
    QLabel *messageLabel() const { return m_message; }
    // Signs in with what is typed; the answer is shown here, and signedIn() follows on success.
    void submit();
    // Clears the PIN (and the employee id when `everything`), with a sentence shown above them.
    void reset(const QString &message, bool everything = true);
    // The words for a refused sign-in, from the hub's answer.
    static QString refusalText(const client::ApiReply &reply);

signals:
    void signedIn();
    // The hub no longer knows this terminal's key: it must be registered again.
    void keyRefused();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void press(const QString &digit);
    QLineEdit *target() const;

    client::EngineClient &m_client;
    QLineEdit *m_employee;
    QLineEdit *m_pin;
    QLabel *m_message;
    QPushButton *m_ok;
    bool m_busy = false;
};

} // namespace ery::ui
