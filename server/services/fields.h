#pragma once

#include "core/result.h"

#include <QStringList>

#include <vector>

namespace ery::services {

// The sizes a client's values may have. Every string and JSON column a client writes is bounded,
// so one careless (or hostile) request cannot store a value that later breaks every read of the
// record or of a list page holding it. The OpenAPI document publishes each field's limit.
namespace limits {
constexpr int kShort = 100; // identifiers, codes, ISA-95 names, colours, icons, time zones
constexpr int kName = 200;  // names and numbers people type (job_number, customer, material)
constexpr int kPath = 1000; // file paths, one item of a path list
constexpr int kUrl = 2048;
constexpr int kText = 10000;           // notes, descriptions, causes and actions
constexpr int kListItems = 100;        // items of a list of strings
constexpr int kJsonBytes = 64 * 1024;  // a JSON column (metadata), serialised
constexpr int kJsonProperties = 100;   // top-level properties of a JSON object column
constexpr double kIntMax = 2147483647; // integer columns are 32-bit on PostgreSQL
constexpr double kIntMin = -2147483648.0;
} // namespace limits

// Declarative input checking for create/update bodies: every field of a service's input is named
// here with its type and its limits, so unknown keys (tenant_id, id, created_at, hashes) are dropped
// and every bad field is reported at once. This list is the one place a resource's fields are
// declared: the services validate with it and the OpenAPI document is generated from it.
struct Field {
    enum Type { Text, Int, Number, Bool, Uuid, Timestamp, Date, Json, Enum, TextList };
    const char *name;
    Type type = Text;
    bool required = false;
    QStringList choices = {};                    // Enum
    std::optional<double> min = {};              // Int/Number
    int maxLength = limits::kText;               // Text, and each item of a TextList (characters, not bytes)
    std::optional<double> max = {};              // Int (default: the 32-bit column range) / Number
    int maxItems = limits::kListItems;           // TextList
    int maxBytes = limits::kJsonBytes;           // Json, serialised
    int maxProperties = limits::kJsonProperties; // Json object
};

// Copies the accepted fields of `input` into the returned row. `creating` enforces required fields;
// `prefix` names nested fields in errors ("parts[0].material").
Json acceptFields(const Json &input, const std::vector<Field> &spec, bool creating, class Validation &v, const std::string &prefix = {});

// The JSON Schema of a record body: each field typed with its bounds; `creating` lists the
// required ones. The OpenAPI document and the MCP tools describe their inputs with it.
Json fieldsSchema(const std::vector<Field> &fields, bool creating);

// A validation error of a nested record named with its place in the tree ("parts[0].quantity").
Error nestedError(Error e, const std::string &prefix);

// The length of UTF-8 text in characters (code points), as JSON Schema's maxLength counts.
qsizetype utf8Length(const std::string &s);

} // namespace ery::services
