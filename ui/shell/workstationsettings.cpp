#include "workstationsettings.h"

#include "language.h"

#include "client/remoteclient.h"

#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>

namespace ery::ui {

WorkstationSettings WorkstationSettings::load(const QSettings &store)
{
    WorkstationSettings s;
    s.database = store.value(QStringLiteral("workstation/database")).toString();
    s.dataDirectory = store.value(QStringLiteral("workstation/dataDirectory")).toString();
    s.apiEnabled = store.value(QStringLiteral("workstation/apiEnabled"), s.apiEnabled).toBool();
    s.apiBind = store.value(QStringLiteral("workstation/apiBind"), s.apiBind).toString();
    s.apiPort = store.value(QStringLiteral("workstation/apiPort"), s.apiPort).toInt();
    s.tlsCertificate = store.value(QStringLiteral("workstation/tlsCertificate")).toString();
    s.tlsKey = store.value(QStringLiteral("workstation/tlsKey")).toString();
    s.remoteHub = store.value(QStringLiteral("workstation/remoteHub"), s.remoteHub).toBool();
    s.hubAddress = store.value(QStringLiteral("workstation/hubAddress")).toString();
    s.hubCertificateSha256 = store.value(QStringLiteral("workstation/hubCertificateSha256")).toString();
    s.theme = store.value(QStringLiteral("workstation/theme"), s.theme).toString();
    s.language = store.value(QStringLiteral("workstation/language"), s.language).toString();
    s.terminal = store.value(QStringLiteral("workstation/terminal"), s.terminal).toBool();
    s.terminalIdleMinutes = store.value(QStringLiteral("workstation/terminalIdleMinutes"), s.terminalIdleMinutes).toInt();
    s.terminalCell = store.value(QStringLiteral("workstation/terminalCell")).toString();
    return s;
}

void WorkstationSettings::save(QSettings &store) const
{
    store.setValue(QStringLiteral("workstation/database"), database);
    store.setValue(QStringLiteral("workstation/dataDirectory"), dataDirectory);
    store.setValue(QStringLiteral("workstation/apiEnabled"), apiEnabled);
    store.setValue(QStringLiteral("workstation/apiBind"), apiBind);
    store.setValue(QStringLiteral("workstation/apiPort"), apiPort);
    store.setValue(QStringLiteral("workstation/tlsCertificate"), tlsCertificate);
    store.setValue(QStringLiteral("workstation/tlsKey"), tlsKey);
    store.setValue(QStringLiteral("workstation/remoteHub"), remoteHub);
    store.setValue(QStringLiteral("workstation/hubAddress"), hubAddress);
    store.setValue(QStringLiteral("workstation/hubCertificateSha256"), hubCertificateSha256);
    store.setValue(QStringLiteral("workstation/theme"), theme);
    store.setValue(QStringLiteral("workstation/language"), language);
    store.setValue(QStringLiteral("workstation/terminal"), terminal);
    store.setValue(QStringLiteral("workstation/terminalIdleMinutes"), terminalIdleMinutes);
    store.setValue(QStringLiteral("workstation/terminalCell"), terminalCell);
    store.sync();
}

QString WorkstationSettings::defaultDataDirectory()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (dir.isEmpty())
        dir = QStringLiteral(".");
    return dir + QStringLiteral("/eryxon");
}

QString WorkstationSettings::effectiveDataDirectory() const
{
    return dataDirectory.trimmed().isEmpty() ? defaultDataDirectory() : dataDirectory.trimmed();
}

QString WorkstationSettings::effectiveDatabase() const
{
    return database.trimmed().isEmpty() ? effectiveDataDirectory() + QStringLiteral("/shop.db") : database.trimmed();
}

QStringList WorkstationSettings::problems() const
{
    QStringList out;
    const QString db = database.trimmed();
    if (db.contains(QLatin1String("://"))) {
        const QUrl url(db);
        if (!url.isValid() || (url.scheme() != QLatin1String("postgresql") && url.scheme() != QLatin1String("postgres")) ||
            url.host().isEmpty())
            out << tr("The database address must look like postgresql://user@host:5432/eryxon.");
    } else if (!db.isEmpty()) {
        const QFileInfo file(db);
        if (file.isDir())
            out << tr("The database %1 is a folder: name a file in it, such as shop.db.").arg(QDir::toNativeSeparators(db));
        else if (!file.absoluteDir().exists())
            out << tr("The folder of the database, %1, does not exist.").arg(QDir::toNativeSeparators(file.absolutePath()));
    }
    // The data directory is made when missing: the nearest folder that exists must take it.
    const QFileInfo data(effectiveDataDirectory());
    QFileInfo existing = data;
    while (!existing.exists() && existing.absoluteFilePath() != existing.absolutePath())
        existing = QFileInfo(existing.absolutePath());
    if (!existing.isDir())
        out << tr("The data directory %1 cannot be a folder: %2 is a file.")
                   .arg(QDir::toNativeSeparators(data.absoluteFilePath()), QDir::toNativeSeparators(existing.absoluteFilePath()));
    else if (!existing.isWritable())
        out << tr("The data directory %1 cannot be written: %2 is not writable for you.")
                   .arg(QDir::toNativeSeparators(data.absoluteFilePath()), QDir::toNativeSeparators(existing.absoluteFilePath()));
    if (apiEnabled) {
        QHostAddress address;
        if (!address.setAddress(apiBind.trimmed()))
            out << tr("The API address \"%1\" is not an IP address: use 127.0.0.1 for this computer only, or 0.0.0.0 for the network.")
                       .arg(apiBind.trimmed());
        if (apiPort < 1 || apiPort > 65535)
            out << tr("The API port must be a number from 1 to 65535.");
        const QString cert = tlsCertificate.trimmed(), key = tlsKey.trimmed();
        if (cert.isEmpty() != key.isEmpty())
            out << tr("HTTPS needs both a certificate and its private key; give both, or neither for plain HTTP.");
        for (const QString &file : {cert, key})
            if (!file.isEmpty() && !QFileInfo(file).isReadable())
                out << tr("The file %1 cannot be read.").arg(QDir::toNativeSeparators(file));
    }
    if (remoteHub) {
        if (const QString p = client::RemoteClient::addressProblem(hubAddress); !p.isEmpty())
            out << p;
    }
    if (const QString p = client::RemoteClient::fingerprintProblem(hubCertificateSha256.trimmed()); !p.isEmpty())
        out << p;
    if (theme != QLatin1String("system") && theme != QLatin1String("light") && theme != QLatin1String("dark"))
        out << tr("The look must be system, light or dark.");
    if (!Language::isChoice(language))
        out << tr("The language must be system, en, nl or de.");
    if (terminalIdleMinutes < 1 || terminalIdleMinutes > 720)
        out << tr("The terminal's idle lock must be from 1 to 720 minutes.");
    return out;
}

} // namespace ery::ui
