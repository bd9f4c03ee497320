#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace ery::domain {

// MQTT topic templates (CONTRACTS.md §4): tokens {enterprise} {site} {area} {cell} {line}
// {operation} {event} {tenant_id} {job_number} {part_number}. Values are lower-cased, whitespace
// becomes `_`, other characters outside [a-z0-9_-] are removed, empty segments dropped; {event}
// turns its first `.` into `/`.
const QStringList &topicTokens();
QStringList unknownTopicTokens(const QString &pattern);
QString normaliseTopicValue(const QString &value);
// {enterprise}, {site} and {area}: the publisher's setting (the admin's UNS), else the shop's name,
// else `fallback` (eryxon, main, production) — a value that normalises to nothing counts as empty.
QString unsName(const QString &publisherValue, const QString &shopValue, const QString &fallback);
QString renderTopic(const QString &pattern, const QHash<QString, QString> &values, const QString &eventType);

} // namespace ery::domain
