#pragma once

#include "workstationsettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace ery::ui {

// Settings… (Ctrl+,): the workstation's database, data directory, embedded API (on or off,
// address, port, HTTPS certificate and key) and look. They are checked before they are saved and
// take effect at the next start; the dialog offers to restart now. What this run uses is shown
// beside them, because a command-line option may have overridden a saved value.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    // `saved`: what is stored; `inUse`: a sentence on what this run uses (database, API address).
    SettingsDialog(const WorkstationSettings &saved, const QString &inUse, QWidget *parent = nullptr);

    WorkstationSettings settings() const;
    void setSettings(const WorkstationSettings &s);
    // The program's arguments for a restart that takes the saved settings: the options they
    // replace (--db, --api-port, --api-bind, --no-api, --theme, --demo) are left out.
    static QStringList restartArguments(const QStringList &arguments);

signals:
    // The checked settings were stored; `restartNow`: the user asked to restart to use them.
    void saved(const ery::ui::WorkstationSettings &settings, bool restartNow);

private:
    void save();
    void updateEnabled();
    QLineEdit *pathField(const QString &objectName, const QString &accessibleName);
    QWidget *withBrowse(QLineEdit *field, bool folder, const QString &filter);

    QLineEdit *m_database;
    QLineEdit *m_dataDirectory;
    QCheckBox *m_apiEnabled;
    QComboBox *m_apiBind;
    QSpinBox *m_apiPort;
    QLineEdit *m_tlsCertificate;
    QLineEdit *m_tlsKey;
    QComboBox *m_theme;
    QLabel *m_problems;
};

} // namespace ery::ui
