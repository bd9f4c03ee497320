#pragma once

#include <QString>
#include <QStringList>

namespace ery {

class Engine;

namespace domain {
struct Scope;
}

// `eryxon-server export` and `restore` (docs/data.md): a tenant to a JSON or CSV-ZIP file, and such
// a file back into an empty database or tenant. Progress goes to stderr, the outcome to stdout in
// one line. Return the exit code.
int runExport(Engine &engine, const domain::Scope &scope, const QString &format, const QString &outPath, const QString &entities);

struct RestoreRequest {
    QString path;
    QString intoTenant;    // empty: the export's own tenant, new in this database
    QString adminUsername; // a user of the export who gets adminPassword, to sign in afterwards
    QString adminPassword;
};
int runRestore(Engine &engine, const RestoreRequest &request);

} // namespace ery
