#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>

#include <initializer_list>
#include <optional>
#include <utility>

namespace ery::mcp {

// JSON Schema (2020-12) for tool inputs and outputs, written compactly, and a validator for the
// subset these schemas use: type, enum, minimum/maximum, minLength/maxLength, format (uuid, date,
// date-time), properties, required, additionalProperties, items, minItems/maxItems. A tool's
// arguments are checked against its own inputSchema before its handler runs, so what tools/list
// tells an agent is exactly what is accepted.
namespace schema {

Json string(int maxLength = 1000, int minLength = 0);
Json text(const char *description, int maxLength = 1000);
Json uuid(const char *description = nullptr);
Json date(const char *description = nullptr);
Json dateTime(const char *description = nullptr);
Json integer(std::optional<qint64> min = {}, std::optional<qint64> max = {}, const char *description = nullptr);
Json number(std::optional<double> min = {}, std::optional<double> max = {}, const char *description = nullptr);
Json boolean(const char *description = nullptr);
Json oneOf(const QStringList &choices, const char *description = nullptr);
Json arrayOf(Json items, int maxItems = 1000, int minItems = 0);
// Any JSON object (a stored row: its columns are documented in docs/api.md).
Json anyObject(const char *description = nullptr);
// A closed object: `required` names, additionalProperties false.
Json object(std::initializer_list<std::pair<const char *, Json>> properties, std::initializer_list<const char *> required = {});
Json object(Json properties, const QStringList &required);
// An object schema made strict for tool input: additionalProperties false (also in nested objects
// and array items) and without the OpenAPI-only x- keywords.
Json closed(Json s);
// Adds `description` to a schema.
Json described(Json s, const char *description);

// The list answer of fetch_* tools: {<plural>: [...], total, limit, offset, has_more}.
Json page(const char *plural, Json item);
// Paging arguments shared by the fetch_* tools.
Json limitArg(int defaultLimit = 50);
Json offsetArg();

// The first place `value` breaks `s`, as "arguments.job_number: longer than 255 characters"; none when valid.
std::optional<QString> violation(const Json &s, const Json &value, const QString &at = QStringLiteral("arguments"));

} // namespace schema

} // namespace ery::mcp
