#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ery::client {
class EngineClient;
}

namespace ery::ui {

// "Register this terminal": the first start of a floor terminal, before operators can sign in.
// The terminal needs a key of the hub's `terminal` scope (it can only sign operators in with
// their PIN). Either a key made by an admin is pasted, or an admin signs in here with username and
// password and the terminal makes its own (POST /api/v1/api-keys {"name": "Terminal <host>",
// "scope": "terminal"}); the admin is signed out straight after.
class RegisterPage : public QWidget {
    Q_OBJECT
public:
    explicit RegisterPage(client::EngineClient &client, QWidget *parent = nullptr);

    // Signs in as this admin, makes the terminal's key, signs out; registered() on success.
    void registerWithAdmin(const QString &username, const QString &password);
    // The demo shop: loads it into an empty database, then registers with its published admin.
    void registerWithDemo();
    void useKey(const QString &key);
    void showMessage(const QString &message);

signals:
    void registered(const QString &terminalKey);

private:
    void makeKey();
    void fail(const QString &message);

    client::EngineClient &m_client;
    QLineEdit *m_key;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QPushButton *m_useKey;
    QPushButton *m_signIn;
    QLabel *m_message;
};

} // namespace ery::ui
