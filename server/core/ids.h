#pragma once

#include <QString>

namespace ery {

// UUIDv7 (RFC 9562): time-ordered, so ids sort by creation and index well.
QString newId();
bool isUuid(const QString &s);

// UTC ISO-8601 with milliseconds: the one timestamp format of the schema.
QString nowIso();
QString isoOf(qint64 msSinceEpoch);

// A clock the tests can move; everything that reads "now" goes through it.
class Clock {
public:
    static qint64 nowMs();
    static void setOffsetMs(qint64 offset); // tests only
};

} // namespace ery
