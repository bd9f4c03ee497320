#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QSettings;

namespace ery::ui {

// What the workstation starts with, saved between runs (QSettings, group "workstation"): where the
// shop's database and files are (or the hub on another machine it works with), whether and where
// the embedded hub serves its API, the look and the language. The settings dialog edits them; the
// program reads them at start, where a command-line option (--db, --api-port, --api-bind,
// --no-api, --connect, --certificate-sha256, --theme, --language) wins over the saved value for
// that run. A new language is applied at once (Language::apply).
struct WorkstationSettings {
    Q_DECLARE_TR_FUNCTIONS(ery::ui::WorkstationSettings)

public:
    QString database;      // SQLite file or postgresql:// URL; empty = shop.db in the data directory
    QString dataDirectory; // the shop's files (and its default database); empty = the platform's
    bool apiEnabled = true;
    QString apiBind = QStringLiteral("127.0.0.1"); // 0.0.0.0 opens the API to the network
    int apiPort = 8787;
    QString tlsCertificate; // PEM files; both set = the API answers HTTPS only
    QString tlsKey;
    // Where the shop is: this workstation's own database (the embedded engine), or a hub on another
    // machine reached over its API (eryxon --connect). The address is kept when switching back.
    bool remoteHub = false;
    QString hubAddress;           // http(s)://HOST:PORT
    QString hubCertificateSha256; // the hub's certificate, pinned; empty = the system's trusted ones
    QString theme = QStringLiteral("system"); // light, dark or system
    QString language = QStringLiteral("system"); // en, nl, de or system (Language::choices)
    // A floor terminal (eryxon --terminal): operators sign in with their PIN at a touch screen.
    bool terminal = false;
    int terminalIdleMinutes = 15; // back to the PIN login after this long without a touch
    QString terminalCell;         // the cell the terminal shows, as an admin or operator chose it

    static WorkstationSettings load(const QSettings &store);
    void save(QSettings &store) const;

    // The platform's data directory for Eryxon (~/.local/share/eryxon on Linux).
    static QString defaultDataDirectory();
    QString effectiveDataDirectory() const;
    // The database the workstation opens: `database`, else shop.db in the data directory.
    QString effectiveDatabase() const;

    // What would keep the workstation from starting with these settings, in words a shop admin
    // can act on; empty when they are fine. Files are checked on this machine as they are now.
    QStringList problems() const;

    bool operator==(const WorkstationSettings &) const = default;
};

} // namespace ery::ui
