#pragma once

#include <QString>

namespace ery {

// UUIDv7 (RFC 9562): time-ordered, so ids sort by creation and index well.
QString newId();
bool isUuid(const QString &s);

// UTC ISO-8601 with milliseconds: the one timestamp format of the schema.
QString nowIso();
QString isoOf(qint64 msSinceEpoch);
// Reads an ISO-8601 date ("2030-01-31", midnight UTC) or timestamp ("2030-01-31T08:00:00",
// optional fraction, "Z" or a ±hh:mm offset; none means UTC, as the original's database read it)
// into milliseconds since the epoch. False for anything else, including impossible dates. No time
// zone database is consulted, so it costs next to nothing.
bool parseIso(const QString &text, qint64 *msSinceEpoch);
inline qint64 isoMs(const QString &text, qint64 fallback = 0)
{
    qint64 ms = fallback;
    return parseIso(text, &ms) ? ms : fallback;
}

// A clock the tests can move; everything that reads "now" goes through it.
class Clock {
public:
    static qint64 nowMs();
    static void setOffsetMs(qint64 offset); // tests only
};

} // namespace ery
