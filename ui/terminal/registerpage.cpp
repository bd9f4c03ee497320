#include "registerpage.h"

#include "client/engineclient.h"
#include "client/jsonfields.h"
#include "shell/theme.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QHostInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QHBoxLayout>
#include <QVBoxLayout>

using namespace ery::client;

namespace ery::ui {

RegisterPage::RegisterPage(EngineClient &client, QWidget *parent) : QWidget(parent), m_client(client)
{
    auto *title = new QLabel(tr("Register this terminal"), this);
    title->setObjectName(QStringLiteral("terminalTitle"));
    auto *intro = new QLabel(tr("Before operators can sign in here, an admin registers this terminal with the hub (%1).")
                                 .arg(m_client.hubLabel()),
                             this);
    intro->setWordWrap(true);

    m_key = new QLineEdit(this);
    m_key->setObjectName(QStringLiteral("registerKey"));
    m_key->setAccessibleName(tr("Terminal key"));
    m_key->setPlaceholderText(QStringLiteral("ery_live_…")); // notr
    m_useKey = new QPushButton(tr("Use this key"), this);
    m_useKey->setObjectName(QStringLiteral("registerUseKey"));
    // Word-wrapped headings, not group box titles: a long title in a large font would be cut off.
    auto heading = [this](const QString &text) {
        auto *l = new QLabel(text, this);
        l->setWordWrap(true);
        l->setProperty("section", true);
        return l;
    };
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(m_useKey);

    m_username = new QLineEdit(this);
    m_username->setObjectName(QStringLiteral("registerUsername"));
    m_username->setAccessibleName(tr("Admin username"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("registerPassword"));
    m_password->setAccessibleName(tr("Admin password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_signIn = new QPushButton(tr("Sign in and register"), this);
    m_signIn->setObjectName(QStringLiteral("registerSignIn"));
    m_signIn->setProperty("primary", true);
    auto *adminForm = new QFormLayout;
    adminForm->addRow(tr("Username:"), m_username);
    adminForm->addRow(tr("Password:"), m_password);
    adminForm->addRow(m_signIn);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("registerMessage"));
    m_message->setWordWrap(true);

    auto *column = new QVBoxLayout;
    column->setSpacing(18);
    column->addWidget(title);
    column->addWidget(intro);
    column->addWidget(heading(tr("A terminal key made on the admin workstation (Integrations → API keys, scope Floor terminal):")));
    column->addLayout(keyRow);
    column->addSpacing(12);
    column->addWidget(heading(tr("Or an admin signs in here, and the terminal makes its own key:")));
    column->addLayout(adminForm);
    column->addWidget(m_message);
    auto *box = new QWidget(this);
    box->setLayout(column);
    box->setMinimumWidth(720); // the wrapped headings would otherwise narrow it to a column
    box->setMaximumWidth(900);
    auto *layout = new QGridLayout(this);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(2, 1);
    layout->setRowStretch(0, 1);
    layout->setRowStretch(2, 1);
    layout->addWidget(box, 1, 1);

    connect(m_useKey, &QPushButton::clicked, this, [this] { useKey(m_key->text()); });
    connect(m_key, &QLineEdit::returnPressed, this, [this] { useKey(m_key->text()); });
    connect(m_signIn, &QPushButton::clicked, this, [this] { registerWithAdmin(m_username->text(), m_password->text()); });
    connect(m_password, &QLineEdit::returnPressed, m_signIn, &QPushButton::click);
}

void RegisterPage::showMessage(const QString &message)
{
    m_message->setStyleSheet({});
    m_message->setText(message);
}

void RegisterPage::fail(const QString &message)
{
    m_useKey->setEnabled(true);
    m_signIn->setEnabled(true);
    m_message->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg(Theme::errorColor().name()));
    m_message->setText(message);
}

void RegisterPage::useKey(const QString &key)
{
    const QString k = key.trimmed();
    // The hub's key format: ery_live_ and 32 hex characters (a test key cannot sign operators in).
    static const QRegularExpression form(QStringLiteral("^ery_live_[0-9a-f]{32}$"));
    if (!form.match(k).hasMatch()) {
        fail(tr("That is not a terminal key: it starts with ery_live_ and has 41 characters. Copy it again from the admin workstation."));
        return;
    }
    m_key->clear();
    emit registered(k);
}

void RegisterPage::registerWithAdmin(const QString &username, const QString &password)
{
    if (username.trimmed().isEmpty() || password.isEmpty()) {
        fail(tr("Type the admin's username and password."));
        return;
    }
    m_useKey->setEnabled(false);
    m_signIn->setEnabled(false);
    showMessage(tr("Signing in…"));
    m_client.signIn(username.trimmed(), password).then(this, [this](const ApiReply &reply) {
        m_password->clear();
        if (!reply.ok()) {
            fail(reply.status() == 0 ? tr("The hub cannot be reached. Check the network, or whether the hub is running.")
                                     : tr("Not signed in: %1").arg(reply.errorMessage()));
            return;
        }
        makeKey();
    });
}

void RegisterPage::makeKey()
{
    const Json body{{"name", utf8(tr("Terminal %1").arg(QHostInfo::localHostName()))}, {"scope", "terminal"}};
    m_client.post(QStringLiteral("/api/v1/api-keys"), body).then(this, [this](const ApiReply &reply) {
        // The admin's session is not the terminal's: it ends whatever the answer was.
        m_client.signOut();
        const QString key = text(reply.data().value("api_key", Json::object()), "key");
        if (!reply.ok() || key.isEmpty()) {
            fail(reply.status() == 403 ? tr("This user may not register terminals: an admin must sign in.")
                                       : tr("The terminal could not be registered: %1").arg(reply.errorMessage()));
            return;
        }
        m_useKey->setEnabled(true);
        m_signIn->setEnabled(true);
        m_username->clear();
        showMessage({});
        emit registered(key);
    });
}

void RegisterPage::registerWithDemo()
{
    showMessage(tr("Registering with the demo shop…"));
    m_client.get(QStringLiteral("/api/v1/setup")).then(this, [this](const ApiReply &setup) {
        if (!setup.ok()) {
            fail(tr("The hub could not be asked about its shop: %1").arg(setup.errorMessage()));
            return;
        }
        const Json signIn = setup.data().value("demo_sign_in", Json::object());
        if (flag(setup.data(), "has_shop")) {
            if (text(signIn, "username").isEmpty()) {
                fail(tr("This hub holds a shop that is not the demo: an admin registers the terminal."));
                return;
            }
            registerWithAdmin(text(signIn, "username"), text(signIn, "password"));
            return;
        }
        showMessage(tr("Loading the demo shop…"));
        m_client.post(QStringLiteral("/api/v1/setup/demo")).then(this, [this](const ApiReply &demo) {
            if (!demo.ok()) {
                fail(tr("The demo shop could not be loaded: %1").arg(demo.errorMessage()));
                return;
            }
            const Json s = demo.data().value("sign_in", Json::object());
            registerWithAdmin(text(s, "username"), text(s, "password"));
        });
    });
}

} // namespace ery::ui
