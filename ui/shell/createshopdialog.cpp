#include "createshopdialog.h"

#include "client/engineclient.h"
#include "client/jsonfields.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimeZone>
#include <QVBoxLayout>

using namespace ery::client;

namespace ery::ui {

CreateShopDialog::CreateShopDialog(EngineClient &client, QWidget *parent) : QDialog(parent), m_client(client)
{
    setWindowTitle(tr("Create my shop"));
    setObjectName(QStringLiteral("createShopDialog"));
    const auto edit = [this](const char *name, const QString &placeholder = {}) {
        auto *e = new QLineEdit(this);
        e->setObjectName(QLatin1String(name));
        e->setPlaceholderText(placeholder);
        return e;
    };
    m_name = edit("shopName", tr("e.g. Van der Berg Metaal"));
    m_username = edit("adminUsername", tr("e.g. admin"));
    m_fullName = edit("adminFullName");
    m_password = edit("adminPassword", tr("at least 8 characters"));
    m_password->setEchoMode(QLineEdit::Password);
    m_confirm = edit("adminPasswordAgain");
    m_confirm->setEchoMode(QLineEdit::Password);
    m_enterprise = edit("enterprise", QStringLiteral("eryxon"));
    m_site = edit("site", QStringLiteral("main"));
    m_cells = edit("cells", tr("Laser, Press brake, Weld"));
    m_timezone = new QComboBox(this);
    m_timezone->setObjectName(QStringLiteral("timezone"));
    m_timezone->setEditable(true);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        if (id.contains('/'))
            m_timezone->addItem(QString::fromLatin1(id));
    m_timezone->setCurrentText(QString::fromLatin1(QTimeZone::systemTimeZoneId()));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("createShopError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: palette(highlight);"));
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("Shop name"), m_name);
    form->addRow(tr("Admin username"), m_username);
    form->addRow(tr("Admin full name"), m_fullName);
    form->addRow(tr("Password"), m_password);
    form->addRow(tr("Password again"), m_confirm);
    form->addRow(tr("Enterprise (MQTT)"), m_enterprise);
    form->addRow(tr("Site (MQTT)"), m_site);
    form->addRow(tr("Time zone"), m_timezone);
    form->addRow(tr("Starter cells"), m_cells);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *create = m_buttons->addButton(tr("Create my shop"), QDialogButtonBox::AcceptRole);
    create->setObjectName(QStringLiteral("createShopButton"));
    create->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CreateShopDialog::create);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Your shop gets a sandbox twin for test API keys. You sign in as its first admin."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(460);
}

Json CreateShopDialog::input() const
{
    Json in{{"name", utf8(m_name->text().trimmed())},
            {"admin_username", utf8(m_username->text().trimmed())},
            {"admin_password", utf8(m_password->text())}};
    if (!m_fullName->text().trimmed().isEmpty())
        in["admin_full_name"] = utf8(m_fullName->text().trimmed());
    if (!m_enterprise->text().trimmed().isEmpty())
        in["enterprise"] = utf8(m_enterprise->text().trimmed());
    if (!m_site->text().trimmed().isEmpty())
        in["site"] = utf8(m_site->text().trimmed());
    if (!m_timezone->currentText().trimmed().isEmpty())
        in["timezone"] = utf8(m_timezone->currentText().trimmed());
    Json cells = Json::array();
    for (const QString &c : m_cells->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!c.trimmed().isEmpty())
            cells.push_back(utf8(c.trimmed()));
    if (!cells.empty())
        in["cells"] = cells;
    return in;
}

void CreateShopDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
    m_buttons->setEnabled(true);
}

void CreateShopDialog::create()
{
    if (m_password->text() != m_confirm->text()) {
        showError(tr("The two passwords differ."));
        return;
    }
    m_buttons->setEnabled(false);
    const Json in = input();
    m_client.post(QStringLiteral("/api/v1/setup/shop"), in).then(this, [this, in](const ApiReply &r) {
        if (!r.ok()) {
            QStringList lines;
            if (r.errorCode() == QLatin1String("VALIDATION_ERROR") && r.errorDetails().is_array())
                for (const auto &d : r.errorDetails())
                    lines << text(d, "message");
            showError(lines.isEmpty() ? r.errorMessage() : lines.join(QLatin1Char('\n')));
            return;
        }
        m_shop = r.data().value("tenant", Json::object());
        m_admin = r.data().value("admin", Json::object());
        // The admin who made the shop is the one signed in on this workstation.
        m_client.signIn(text(in, "admin_username"), text(in, "admin_password"), text(m_shop, "id"))
            .then(this, [this](const ApiReply &login) {
                if (!login.ok()) {
                    showError(tr("The shop was created, but signing in failed: %1").arg(login.errorMessage()));
                    return;
                }
                accept();
            });
    });
}

} // namespace ery::ui
