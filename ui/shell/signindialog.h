#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace ery::client {
class EngineClient;
}

namespace ery::ui {

// The admin's sign-in: username and password, sent to the hub (POST /api/v1/auth/login), whose
// rules decide: a wrong password says how many attempts are left, the fifth locks the account for
// 15 minutes. Accepted once the client holds a session.
class SignInDialog : public QDialog {
    Q_OBJECT
public:
    explicit SignInDialog(client::EngineClient &client, QWidget *parent = nullptr);

    // Shown under the fields (the demo shop's published sign-in); the username is filled in.
    void setHint(const QString &hint, const QString &username = {});
    void setShopName(const QString &name);

private:
    void signIn();
    void showError(const QString &message);

    client::EngineClient &m_client;
    QLabel *m_title;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QLabel *m_hint;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace ery::ui
