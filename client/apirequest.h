#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

namespace ery::client {

class Transfer;

// One REST API request as an EngineClient sends it: what an HTTP client would put on the wire.
struct ApiRequest {
    QString method;           // GET, POST, PATCH, PUT, DELETE
    QString path;             // with its query, e.g. /api/v1/jobs?status=in_progress
    QByteArray body;          // JSON text, or empty
    QByteArray authorization; // "Bearer …", or empty for a public route
    // Of a body that is not JSON: a CSV file to import (text/csv), an export to restore
    // (application/zip).
    QByteArray contentType = QByteArrayLiteral("application/json");
    // Sent as the Idempotency-Key header (a POST that may be sent again after a lost answer), or none.
    QByteArray idempotencyKey;
    // A long request's progress and Cancel, or none.
    std::shared_ptr<Transfer> transfer;
    // A file on this machine sent as the body instead of `body` (an attachment): read as it is
    // sent, never whole in memory.
    QString bodyFile;
    // Where a successful answer's body goes instead of memory (a download); the file there is
    // replaced only once the whole answer arrived. A refusal is read as usual.
    QString saveTo;
};

} // namespace ery::client
