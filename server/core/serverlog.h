#pragma once

#include "core/result.h"

#include <QString>

namespace ery {

// The log an admin reads: one line per message on stderr, `2026-03-01T08:00:00.123Z INFO  http:
// GET /api/v1/jobs 200 3.1 ms key=ery_live_a1b…`. Every Qt message goes through it
// (qInstallMessageHandler), so Qt's own warnings come out in the same shape — under `qt` — or not at
// all when they are known to be harmless (a client that went away mid-answer, a socket notifier of a
// closed connection). Messages below the level are dropped.
class ServerLog {
public:
    enum class Level { Debug, Info, Warning, Error };

    // error | warning | info | debug (also warn); anything else is a usage error naming the levels.
    static Result<Level> parseLevel(const QString &name);
    static QString levelName(Level level);

    // Installs the handler and filters the categories below `level`; the last call wins.
    static void install(Level level);

    // One finished line as the handler writes it (without the newline): for tests and for
    // callers that have no category.
    static QString format(qint64 epochMs, Level level, const QString &category, const QString &message);

    // True for a Qt message that tells an admin nothing they could act on.
    static bool harmless(const QString &category, const QString &message);
};

} // namespace ery
