#include "settingsdialog.h"

#include "language.h"
#include "theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ery::ui {

SettingsDialog::SettingsDialog(const WorkstationSettings &saved, const QString &inUse, QWidget *parent)
    : QDialog(parent), m_database(pathField(QStringLiteral("settingsDatabase"), tr("Database"))),
      m_dataDirectory(pathField(QStringLiteral("settingsDataDirectory"), tr("Data directory"))),
      m_hubHere(new QRadioButton(tr("This &workstation's own database"), this)),
      m_hubRemote(new QRadioButton(tr("A hub on &another machine"), this)), m_hubAddress(new QLineEdit(this)),
      m_hubCertificate(new QLineEdit(this)), m_apiEnabled(new QCheckBox(this)),
      m_apiBind(new QComboBox(this)), m_apiPort(new QSpinBox(this)),
      m_tlsCertificate(pathField(QStringLiteral("settingsTlsCertificate"), tr("HTTPS certificate"))),
      m_tlsKey(pathField(QStringLiteral("settingsTlsKey"), tr("HTTPS private key"))), m_theme(new QComboBox(this)),
      m_language(new QComboBox(this)), m_problems(new QLabel(this)), m_initial(saved)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    setMinimumWidth(620);

    m_database->setPlaceholderText(tr("shop.db in the data directory"));
    m_database->setToolTip(tr("A SQLite file, or a PostgreSQL address such as postgresql://eryxon@db-server:5432/eryxon"));
    m_dataDirectory->setPlaceholderText(QDir::toNativeSeparators(WorkstationSettings::defaultDataDirectory()));
    // Where the shop is: with a hub elsewhere this workstation opens no database and serves no API.
    m_hubHere->setObjectName(QStringLiteral("settingsHubHere"));
    m_hubRemote->setObjectName(QStringLiteral("settingsHubRemote"));
    m_hubAddress->setObjectName(QStringLiteral("settingsHubAddress"));
    m_hubAddress->setAccessibleName(tr("Hub address"));
    m_hubAddress->setPlaceholderText(tr("https://10.0.0.5:8787"));
    m_hubCertificate->setObjectName(QStringLiteral("settingsHubCertificate"));
    m_hubCertificate->setAccessibleName(tr("Hub certificate fingerprint"));
    m_hubCertificate->setPlaceholderText(tr("none: the certificates this computer trusts"));
    m_hubCertificate->setToolTip(tr("The SHA-256 fingerprint of the hub's own certificate (AB:CD:…), for a hub whose certificate no "
                                    "authority signed. Eryxon names it when it refuses an unknown certificate; compare it with the "
                                    "hub's before pinning it."));
    auto *hub = new QGroupBox(tr("Hub"), this);
    auto *hubForm = new QFormLayout(hub);
    hubForm->addRow(m_hubHere);
    hubForm->addRow(m_hubRemote);
    hubForm->addRow(tr("Hub add&ress:"), m_hubAddress);
    hubForm->addRow(tr("Pinned certificate (&SHA-256):"), m_hubCertificate);
    connect(m_hubRemote, &QRadioButton::toggled, this, &SettingsDialog::updateEnabled);

    auto *shop = new QGroupBox(tr("Shop data"), this);
    m_shopGroup = shop;
    auto *shopForm = new QFormLayout(shop);
    shopForm->addRow(tr("&Database:"), withBrowse(m_database, false, tr("SQLite databases (*.db *.sqlite);;All files (*)")));
    shopForm->addRow(tr("Data &directory:"), withBrowse(m_dataDirectory, true, {}));

    m_apiEnabled->setText(tr("&Serve the REST API and realtime feed from this workstation"));
    m_apiEnabled->setObjectName(QStringLiteral("settingsApiEnabled"));
    m_apiBind->setEditable(true);
    m_apiBind->setObjectName(QStringLiteral("settingsApiBind"));
    m_apiBind->setAccessibleName(tr("API address"));
    m_apiBind->addItem(tr("127.0.0.1 — this computer only"), QStringLiteral("127.0.0.1"));
    m_apiBind->addItem(tr("0.0.0.0 — every network of this computer"), QStringLiteral("0.0.0.0"));
    m_apiPort->setRange(1, 65535);
    m_apiPort->setObjectName(QStringLiteral("settingsApiPort"));
    m_apiPort->setAccessibleName(tr("API port"));
    m_apiPort->setGroupSeparatorShown(false);
    m_tlsCertificate->setPlaceholderText(tr("none: plain HTTP"));
    m_tlsKey->setPlaceholderText(tr("none: plain HTTP"));
    auto *api = new QGroupBox(tr("Hub API"), this);
    m_apiGroup = api;
    auto *apiForm = new QFormLayout(api);
    apiForm->addRow(m_apiEnabled);
    apiForm->addRow(tr("&Address:"), m_apiBind);
    apiForm->addRow(tr("&Port:"), m_apiPort);
    apiForm->addRow(tr("HTTPS &certificate:"), withBrowse(m_tlsCertificate, false, tr("PEM files (*.pem *.crt *.cer);;All files (*)")));
    apiForm->addRow(tr("HTTPS private &key:"), withBrowse(m_tlsKey, false, tr("PEM files (*.pem *.key);;All files (*)")));
    connect(m_apiEnabled, &QCheckBox::toggled, this, &SettingsDialog::updateEnabled);

    m_theme->setObjectName(QStringLiteral("settingsTheme"));
    m_theme->setAccessibleName(tr("Look"));
    m_theme->addItem(tr("As the system"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    auto *look = new QGroupBox(tr("Look"), this);
    auto *lookForm = new QFormLayout(look);
    lookForm->addRow(tr("&Colours:"), m_theme);
    m_language->setObjectName(QStringLiteral("settingsLanguage"));
    m_language->setAccessibleName(tr("Language"));
    for (const QString &choice : Language::choices())
        m_language->addItem(Language::displayName(choice), choice);
    lookForm->addRow(tr("&Language:"), m_language);

    // The face this workstation starts with: the admin's, or a floor terminal by a machine.
    m_terminal = new QCheckBox(tr("This workstation is a &floor terminal: operators sign in with their PIN at a touch screen"), this);
    m_terminal->setObjectName(QStringLiteral("settingsTerminal"));
    m_terminalIdle = new QSpinBox(this);
    m_terminalIdle->setObjectName(QStringLiteral("settingsTerminalIdle"));
    m_terminalIdle->setAccessibleName(tr("Idle lock of the terminal, in minutes"));
    m_terminalIdle->setRange(1, 720);
    m_terminalIdle->setSuffix(tr(" min"));
    auto *terminal = new QGroupBox(tr("Floor terminal"), this);
    auto *terminalForm = new QFormLayout(terminal);
    terminalForm->addRow(m_terminal);
    terminalForm->addRow(tr("Sign the operator out after &no touch for:"), m_terminalIdle);
    connect(m_terminal, &QCheckBox::toggled, m_terminalIdle, &QWidget::setEnabled);

    auto *current = new QLabel(inUse, this);
    current->setObjectName(QStringLiteral("settingsInUse"));
    current->setHidden(inUse.isEmpty());
    current->setWordWrap(true);
    current->setTextInteractionFlags(Qt::TextSelectableByMouse);
    current->setForegroundRole(QPalette::PlaceholderText);
    auto *note = new QLabel(tr("A new language shows at once; other changes take effect the next time Eryxon starts. Options given "
                               "on the command line (--db, --api-port, --api-bind, --no-api, --connect, --certificate-sha256, --theme, --language) win over these "
                               "for that run."),
                            this);
    note->setWordWrap(true);

    m_problems->setObjectName(QStringLiteral("settingsProblems"));
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    QPalette pal = m_problems->palette();
    pal.setColor(QPalette::WindowText, Theme::errorColor());
    m_problems->setPalette(pal);
    m_problems->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("settingsSave"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(current);
    layout->addWidget(hub);
    layout->addWidget(shop);
    layout->addWidget(api);
    layout->addWidget(look);
    layout->addWidget(terminal);
    layout->addWidget(note);
    layout->addWidget(m_problems);
    layout->addWidget(buttons);
    setSettings(saved);
}

QLineEdit *SettingsDialog::pathField(const QString &objectName, const QString &accessibleName)
{
    auto *field = new QLineEdit(this);
    field->setObjectName(objectName);
    field->setAccessibleName(accessibleName);
    field->setClearButtonEnabled(true);
    field->setMinimumWidth(360);
    return field;
}

QWidget *SettingsDialog::withBrowse(QLineEdit *field, bool folder, const QString &filter)
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field, 1);
    auto *browse = new QPushButton(tr("Browse…"), row);
    browse->setAccessibleName(tr("Browse for %1").arg(field->accessibleName().toLower()));
    connect(browse, &QPushButton::clicked, this, [this, field, folder, filter] {
        const QString start = field->text().isEmpty() ? QDir::homePath() : field->text();
        const QString chosen = folder ? QFileDialog::getExistingDirectory(this, field->accessibleName(), start)
                                      : QFileDialog::getSaveFileName(this, field->accessibleName(), start, filter, nullptr,
                                                                     QFileDialog::DontConfirmOverwrite);
        if (!chosen.isEmpty())
            field->setText(QDir::toNativeSeparators(chosen));
    });
    layout->addWidget(browse);
    return row;
}

void SettingsDialog::setSettings(const WorkstationSettings &s)
{
    m_database->setText(s.database);
    m_dataDirectory->setText(s.dataDirectory);
    (s.remoteHub ? m_hubRemote : m_hubHere)->setChecked(true);
    m_hubAddress->setText(s.hubAddress);
    m_hubCertificate->setText(s.hubCertificateSha256);
    m_apiEnabled->setChecked(s.apiEnabled);
    const int known = m_apiBind->findData(s.apiBind);
    if (known >= 0)
        m_apiBind->setCurrentIndex(known);
    else
        m_apiBind->setEditText(s.apiBind);
    m_apiPort->setValue(s.apiPort);
    m_tlsCertificate->setText(s.tlsCertificate);
    m_tlsKey->setText(s.tlsKey);
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(s.theme)));
    m_language->setCurrentIndex(std::max(0, m_language->findData(s.language)));
    m_terminal->setChecked(s.terminal);
    m_terminalIdle->setValue(s.terminalIdleMinutes);
    m_terminalIdle->setEnabled(s.terminal);
    updateEnabled();
}

WorkstationSettings SettingsDialog::settings() const
{
    WorkstationSettings s;
    s.database = QDir::fromNativeSeparators(m_database->text().trimmed());
    s.dataDirectory = QDir::fromNativeSeparators(m_dataDirectory->text().trimmed());
    s.remoteHub = m_hubRemote->isChecked();
    s.hubAddress = m_hubAddress->text().trimmed();
    s.hubCertificateSha256 = m_hubCertificate->text().trimmed();
    s.apiEnabled = m_apiEnabled->isChecked();
    // A listed address shows words beside it; what is kept is the address alone.
    const int listed = m_apiBind->findText(m_apiBind->currentText());
    s.apiBind = listed >= 0 ? m_apiBind->itemData(listed).toString() : m_apiBind->currentText().trimmed();
    s.apiPort = m_apiPort->value();
    s.tlsCertificate = QDir::fromNativeSeparators(m_tlsCertificate->text().trimmed());
    s.tlsKey = QDir::fromNativeSeparators(m_tlsKey->text().trimmed());
    s.theme = m_theme->currentData().toString();
    s.language = m_language->currentData().toString();
    s.terminal = m_terminal->isChecked();
    s.terminalIdleMinutes = m_terminalIdle->value();
    s.terminalCell = m_initial.terminalCell; // chosen at the terminal, not here
    return s;
}

void SettingsDialog::updateEnabled()
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_apiBind, m_apiPort, m_tlsCertificate, m_tlsKey})
        w->setEnabled(m_apiEnabled->isChecked());
    const bool remote = m_hubRemote->isChecked();
    m_hubAddress->setEnabled(remote);
    m_hubCertificate->setEnabled(remote);
    m_shopGroup->setEnabled(!remote);
    m_apiGroup->setEnabled(!remote);
}

void SettingsDialog::save()
{
    const WorkstationSettings s = settings();
    const QStringList problems = s.problems();
    if (!problems.isEmpty()) {
        m_problems->setText(tr("Not saved:") + QStringLiteral("\n• ") + problems.join(QStringLiteral("\n• ")));
        m_problems->show();
        return;
    }
    m_problems->hide();
    QSettings store;
    s.save(store);
    if (store.status() != QSettings::NoError) {
        m_problems->setText(tr("Not saved: the settings file %1 could not be written.").arg(QDir::toNativeSeparators(store.fileName())));
        m_problems->show();
        return;
    }
    // The language needs no restart: with nothing else changed there is nothing to ask.
    WorkstationSettings rest = s;
    rest.language = m_initial.language;
    if (rest == m_initial) {
        accept();
        emit saved(s, false);
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Information, tr("Settings saved"),
                                tr("Eryxon uses the new settings the next time it starts."), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("settingsSaved"));
    QPushButton *restart = box->addButton(tr("&Restart now"), QMessageBox::AcceptRole);
    restart->setObjectName(QStringLiteral("settingsRestart"));
    QPushButton *later = box->addButton(tr("&Later"), QMessageBox::RejectRole);
    box->setDefaultButton(later);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, restart, s] {
        const bool now = box->clickedButton() == restart;
        accept();
        emit saved(s, now);
    });
    box->open();
}

QStringList SettingsDialog::restartArguments(const QStringList &arguments)
{
    static const QStringList withValue{QStringLiteral("--db"), QStringLiteral("--api-port"), QStringLiteral("--api-bind"),
                                       QStringLiteral("--theme"), QStringLiteral("--language"), QStringLiteral("--connect"),
                                       QStringLiteral("--certificate-sha256")};
    static const QStringList alone{QStringLiteral("--no-api"), QStringLiteral("--demo")};
    QStringList out;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments[i];
        const QString name = a.section(QLatin1Char('='), 0, 0);
        if (alone.contains(a))
            continue;
        if (withValue.contains(name)) {
            if (!a.contains(QLatin1Char('=')))
                ++i; // its value follows
            continue;
        }
        out << a;
    }
    return out;
}

} // namespace ery::ui
