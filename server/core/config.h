#pragma once

#include <QString>

namespace ery {

struct Config {
    QString dbUrl;      // SQLite path or postgresql:// URL; empty = the platform data directory
    int pollMs = 250;   // how often the dispatcher looks for rows other processes committed

    static QString defaultDbPath();
    QString resolvedDbUrl() const { return dbUrl.isEmpty() ? defaultDbPath() : dbUrl; }
};

QString versionString();

} // namespace ery
