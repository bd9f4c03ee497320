#pragma once

#include "core/result.h"

#include <QStringList>

namespace ery::http {

// What the OpenAPI document says about a route.
struct RouteDoc {
    QString summary;
    QString tag;
    QStringList queryParams; // list filters and options beyond limit/offset/sort/order/search
    bool list = false;       // takes limit/offset/sort/order/search
    Json requestSchema;      // JSON Schema of the body; null = no body
    int successStatus = 200;
    QString bodyType = QStringLiteral("application/json");   // the body's media type
    QString answerType = QStringLiteral("application/json"); // the answer's media type
    QStringList textParams;                                  // query parameters matched as text (LIKE): kMaxSearchText, not kMaxQueryValue
};

} // namespace ery::http
