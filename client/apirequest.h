#pragma once

#include <QByteArray>
#include <QString>

namespace ery::client {

// One REST API request as an EngineClient sends it: what an HTTP client would put on the wire.
struct ApiRequest {
    QString method;           // GET, POST, PATCH, PUT, DELETE
    QString path;             // with its query, e.g. /api/v1/jobs?status=in_progress
    QByteArray body;          // JSON text, or empty
    QByteArray authorization; // "Bearer …", or empty for a public route
};

} // namespace ery::client
