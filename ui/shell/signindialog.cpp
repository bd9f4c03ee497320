#include "signindialog.h"

#include "client/engineclient.h"
#include "client/jsonfields.h"
#include "theme.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

using namespace ery::client;

namespace ery::ui {

SignInDialog::SignInDialog(EngineClient &client, QWidget *parent) : QDialog(parent), m_client(client)
{
    setWindowTitle(tr("Sign in"));
    setObjectName(QStringLiteral("signInDialog"));
    m_title = new QLabel(tr("Sign in to Eryxon MES"), this);
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    m_title->setFont(f);
    m_username = new QLineEdit(this);
    m_username->setObjectName(QStringLiteral("username"));
    m_username->setAccessibleName(tr("Username"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("signInHint"));
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->hide();
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("signInError"));
    m_error->setAccessibleName(tr("Sign-in problem"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::errorColor().name()));
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("Username"), m_username);
    form->addRow(tr("Password"), m_password);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *go = m_buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    go->setObjectName(QStringLiteral("signInButton"));
    go->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::signIn);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(m_title);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(400);
}

void SignInDialog::setHint(const QString &hint, const QString &username)
{
    m_hint->setText(hint);
    m_hint->setVisible(!hint.isEmpty());
    if (!username.isEmpty() && m_username->text().isEmpty()) {
        m_username->setText(username);
        m_password->setFocus();
    }
}

void SignInDialog::setShopName(const QString &name)
{
    m_title->setText(tr("Sign in to %1").arg(name));
}

void SignInDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
    m_buttons->setEnabled(true);
}

void SignInDialog::signIn()
{
    if (m_username->text().trimmed().isEmpty() || m_password->text().isEmpty()) {
        showError(tr("Enter your username and password."));
        return;
    }
    m_buttons->setEnabled(false);
    m_client.signIn(m_username->text().trimmed(), m_password->text()).then(this, [this](const ApiReply &r) {
        if (r.ok()) {
            accept();
            return;
        }
        m_password->clear();
        m_password->setFocus();
        const Json &d = r.errorDetails();
        const QString reason = text(d, "reason");
        if (reason == QLatin1String("LOCKED")) {
            const QDateTime until = when(d, "locked_until");
            showError(until.isValid() ? tr("Too many wrong passwords: this account is locked until %1. Wait, or ask another admin to "
                                           "unlock it.")
                                            .arg(QLocale().toString(until.toLocalTime().time(), QLocale::ShortFormat))
                                      : tr("Too many wrong passwords: this account is locked for 15 minutes. Wait, or ask another admin "
                                           "to unlock it."));
        } else if (d.is_object() && d.contains("attempts_remaining")) {
            showError(tr("Wrong username or password. %n attempt(s) left before the account is locked.", nullptr,
                         int(number(d, "attempts_remaining"))));
        } else if (r.status() == 401) {
            showError(tr("Wrong username or password."));
        } else if (r.status() == 403 && reason == QLatin1String("INACTIVE")) {
            showError(tr("This account is deactivated. Ask another admin to reactivate it."));
        } else if (r.status() == 0) {
            showError(tr("The hub cannot be reached: %1").arg(r.errorMessage()));
        } else {
            showError(r.errorMessage());
        }
    });
}

} // namespace ery::ui
