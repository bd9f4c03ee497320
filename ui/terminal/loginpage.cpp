#include "loginpage.h"

#include "client/engineclient.h"
#include "client/jsonfields.h"
#include "shell/theme.h"

#include <QDateTime>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

using namespace ery::client;

namespace ery::ui {

LoginPage::LoginPage(EngineClient &client, QWidget *parent) : QWidget(parent), m_client(client)
{
    auto *title = new QLabel(tr("Sign in"), this);
    title->setObjectName(QStringLiteral("terminalTitle"));
    auto *hint = new QLabel(tr("Scan your badge or type your employee id, then your PIN."), this);
    hint->setWordWrap(true);

    m_employee = new QLineEdit(this);
    m_employee->setObjectName(QStringLiteral("loginEmployee"));
    m_employee->setAccessibleName(tr("Employee id"));
    m_employee->setPlaceholderText(tr("Employee id"));
    m_employee->setMaxLength(64);
    m_pin = new QLineEdit(this);
    m_pin->setObjectName(QStringLiteral("loginPin"));
    m_pin->setAccessibleName(tr("PIN"));
    m_pin->setPlaceholderText(tr("PIN"));
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setMaxLength(6);
    m_pin->setInputMethodHints(Qt::ImhDigitsOnly);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("loginMessage"));
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);

    // The keypad: thumb-sized keys, 3 × 4, typing into the PIN (or the employee id when that has focus).
    auto *pad = new QGridLayout;
    pad->setSpacing(10);
    for (int d = 1; d <= 9; ++d) {
        auto *key = new QPushButton(QString::number(d), this);
        key->setObjectName(QStringLiteral("pinKey%1").arg(d));
        key->setProperty("keypad", true);
        key->setFocusPolicy(Qt::NoFocus);
        connect(key, &QPushButton::clicked, this, [this, d] { press(QString::number(d)); });
        pad->addWidget(key, (d - 1) / 3, (d - 1) % 3);
    }
    auto *clear = new QPushButton(tr("Clear"), this);
    clear->setObjectName(QStringLiteral("pinClear"));
    clear->setAccessibleName(tr("Clear the PIN"));
    auto *zero = new QPushButton(QStringLiteral("0"), this);
    zero->setObjectName(QStringLiteral("pinKey0"));
    auto *back = new QPushButton(QStringLiteral("⌫"), this);
    back->setObjectName(QStringLiteral("pinBackspace"));
    back->setAccessibleName(tr("Backspace"));
    back->setToolTip(tr("Backspace"));
    for (QPushButton *b : {clear, zero, back}) {
        b->setProperty("keypad", true);
        b->setFocusPolicy(Qt::NoFocus);
    }
    connect(zero, &QPushButton::clicked, this, [this] { press(QStringLiteral("0")); });
    connect(clear, &QPushButton::clicked, this, [this] { target()->clear(); });
    connect(back, &QPushButton::clicked, this, [this] { target()->backspace(); });
    pad->addWidget(clear, 3, 0);
    pad->addWidget(zero, 3, 1);
    pad->addWidget(back, 3, 2);
    m_ok = new QPushButton(tr("OK — sign in"), this);
    m_ok->setObjectName(QStringLiteral("pinOk"));
    m_ok->setProperty("primary", true);
    m_ok->setFocusPolicy(Qt::NoFocus);
    pad->addWidget(m_ok, 4, 0, 1, 3);
    connect(m_ok, &QPushButton::clicked, this, &LoginPage::submit);
    connect(m_pin, &QLineEdit::returnPressed, this, &LoginPage::submit);
    connect(m_employee, &QLineEdit::returnPressed, this, [this] {
        if (m_pin->text().isEmpty())
            m_pin->setFocus();
        else
            submit();
    });

    auto *column = new QVBoxLayout;
    column->setSpacing(12);
    column->addWidget(title);
    column->addWidget(hint);
    column->addWidget(m_employee);
    column->addWidget(m_pin);
    column->addWidget(m_message);
    column->addLayout(pad);

    // Centred, at a width a hand can cover: the keypad does not stretch across a wide screen.
    auto *box = new QWidget(this);
    box->setLayout(column);
    box->setMaximumWidth(520);
    auto *layout = new QGridLayout(this);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(2, 1);
    layout->setRowStretch(0, 1);
    layout->setRowStretch(2, 1);
    layout->addWidget(box, 1, 1);
}

void LoginPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    (m_employee->text().isEmpty() ? m_employee : m_pin)->setFocus();
}

QLineEdit *LoginPage::target() const
{
    return m_employee->hasFocus() ? m_employee : m_pin;
}

void LoginPage::press(const QString &digit)
{
    QLineEdit *field = target();
    if (field->text().size() < field->maxLength())
        field->insert(digit);
}

void LoginPage::reset(const QString &message, bool everything)
{
    m_pin->clear();
    if (everything)
        m_employee->clear();
    m_message->setText(message);
    m_message->setStyleSheet({});
    if (isVisible())
        (m_employee->text().isEmpty() ? m_employee : m_pin)->setFocus();
}

QString LoginPage::refusalText(const ApiReply &reply)
{
    if (reply.status() == 0)
        return tr("The hub cannot be reached. Check the network cable or Wi-Fi, or ask the office whether the hub is running.");
    const Json &details = reply.errorDetails();
    const QString reason = details.is_object() ? text(details, "reason") : QString();
    if (reason == QLatin1String("INVALID_PIN")) {
        const qint64 left = number(details, "attempts_remaining", -1);
        if (left == 0)
            return tr("Wrong PIN. You are now locked out for a while; ask your supervisor.");
        if (left > 0)
            return tr("Wrong employee id or PIN. %n attempt(s) left before you are locked out.", nullptr, int(left));
        return tr("Wrong employee id or PIN.");
    }
    if (reason == QLatin1String("LOCKED")) {
        const QDateTime until = when(details, "locked_until").toLocalTime();
        if (until.isValid())
            return tr("Locked after too many wrong PINs, until %1. Ask your supervisor to unlock you sooner.")
                .arg(QLocale().toString(until.time(), QLocale::ShortFormat));
        return tr("Locked after too many wrong PINs. Ask your supervisor to unlock you.");
    }
    if (reply.status() == 429)
        return tr("Too many tries from this terminal. Wait a minute and try again.");
    return tr("Not signed in: %1").arg(reply.errorMessage());
}

void LoginPage::submit()
{
    if (m_busy)
        return;
    const QString employee = m_employee->text().trimmed();
    if (employee.isEmpty()) {
        m_message->setText(tr("Type or scan your employee id first."));
        m_employee->setFocus();
        return;
    }
    if (m_pin->text().size() < 4) {
        m_message->setText(tr("Your PIN has 4 to 6 digits."));
        m_pin->setFocus();
        return;
    }
    m_busy = true;
    m_ok->setEnabled(false);
    m_message->setText(tr("Signing in…"));
    m_message->setStyleSheet({});
    m_client.signInWithPin(employee, m_pin->text()).then(this, [this](const ApiReply &reply) {
        m_busy = false;
        m_ok->setEnabled(true);
        m_pin->clear();
        if (reply.ok()) {
            m_employee->clear();
            m_message->clear();
            emit signedIn();
            return;
        }
        const Json &details = reply.errorDetails();
        const QString reason = details.is_object() ? text(details, "reason") : QString();
        // A 401 about the key, not the PIN: the hub does not know this terminal's key (revoked).
        if (reply.status() == 401 && reason.isEmpty() && reply.errorMessage().contains(QLatin1String("API key"))) {
            emit keyRefused();
            return;
        }
        m_message->setText(refusalText(reply));
        m_message->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg(Theme::errorColor().name()));
        m_pin->setFocus();
    });
}

} // namespace ery::ui
