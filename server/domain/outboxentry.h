#pragma once

#include "core/jsonutil.h"

#include <QString>

#include <optional>
#include <string>

namespace ery::domain {

// One row of the outbox as the dispatcher hands it to the sinks: a domain event or a row change,
// in the order it was committed.
struct OutboxEntry {
    qint64 id = 0;
    QString eventId;
    QString tenantId;
    QString kind;  // "event" | "change"
    QString topic; // event name or table
    QString entityId;
    std::string payloadText; // as stored
    QString occurredAt;

    bool isEvent() const { return kind == QLatin1String("event"); }
    // Parsed on first use: most sinks skip most entries (a row change no client watches, an event no
    // webhook wants), so the dispatcher does not parse what nobody reads.
    const Json &payload() const;

private:
    mutable std::optional<Json> m_payload;
};

} // namespace ery::domain
