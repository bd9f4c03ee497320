#pragma once

#include "core/result.h"

#include <QStringList>

#include <vector>

namespace ery {

// Declarative input checking for create/update bodies: every field of a service's input is named
// here with its type, so unknown keys (tenant_id, id, created_at, hashes) are dropped and every bad
// field is reported at once.
struct Field {
    enum Type { Text, Int, Number, Bool, Uuid, Timestamp, Date, Json, Enum, TextList };
    const char *name;
    Type type = Text;
    bool required = false;
    QStringList choices = {};      // Enum
    std::optional<double> min = {}; // Int/Number
    int maxLength = 10000;         // Text
};

// Copies the accepted fields of `input` into the returned row. `creating` enforces required fields;
// `prefix` names nested fields in errors ("parts[0].material").
Json acceptFields(const Json &input, const std::vector<Field> &spec, bool creating, class Validation &v,
                  const std::string &prefix = {});

} // namespace ery
