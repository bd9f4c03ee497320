#pragma once

#include <QStringList>

namespace ery::events {

// The event names of CONTRACTS.md §2, and subscription matching (exact names and wildcards).
const QStringList &eventCatalog();
bool eventMatches(const QString &pattern, const QString &eventType);
bool eventMatchesAny(const QStringList &patterns, const QString &eventType);

} // namespace ery::events
