#pragma once

#include "workstationsettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace ery::ui {

// Settings… (Ctrl+,): where the shop is (this workstation's database or a hub on another machine,
// with its address and pinned certificate), the workstation's database, data directory, embedded
// API (on or off, address, port, HTTPS certificate and key), look and language. They are checked before they are
// saved; the language applies at once (MainWindow builds itself again in it), the rest at the
// next start, and the dialog offers to restart now when something of that rest changed. What
// this run uses is shown beside them, because a command-line option may have overridden a saved
// value.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    // `saved`: what is stored; `inUse`: a sentence on what this run uses (database, API address).
    SettingsDialog(const WorkstationSettings &saved, const QString &inUse, QWidget *parent = nullptr);

    WorkstationSettings settings() const;
    void setSettings(const WorkstationSettings &s);
    // The program's arguments for a restart that takes the saved settings: the options they
    // replace (--db, --api-port, --api-bind, --no-api, --connect, --certificate-sha256, --theme,
    // --language, --demo) are left out.
    static QStringList restartArguments(const QStringList &arguments);

signals:
    // The checked settings were stored; `restartNow`: the user asked to restart to use them. Only
    // a changed language (or nothing) asks nothing: it is emitted with restartNow false at once.
    void saved(const ery::ui::WorkstationSettings &settings, bool restartNow);

private:
    void save();
    void updateEnabled();
    QLineEdit *pathField(const QString &objectName, const QString &accessibleName);
    QWidget *withBrowse(QLineEdit *field, bool folder, const QString &filter);

    QLineEdit *m_database;
    QLineEdit *m_dataDirectory;
    QRadioButton *m_hubHere;
    QRadioButton *m_hubRemote;
    QLineEdit *m_hubAddress;
    QLineEdit *m_hubCertificate;
    QWidget *m_shopGroup = nullptr; // what only this workstation's own database uses
    QWidget *m_apiGroup = nullptr;
    QCheckBox *m_apiEnabled;
    QComboBox *m_apiBind;
    QSpinBox *m_apiPort;
    QLineEdit *m_tlsCertificate;
    QLineEdit *m_tlsKey;
    QComboBox *m_theme;
    QComboBox *m_language;
    QCheckBox *m_terminal;
    QSpinBox *m_terminalIdle;
    WorkstationSettings m_initial;
    QLabel *m_problems;
};

} // namespace ery::ui
