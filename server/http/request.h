#pragma once

#include "access.h"
#include "method.h"

#include "core/result.h"
#include "domain/scope.h"
#include "files/stagingfile.h"
#include "services/apikeyservice.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace ery::http {

// Query parameter sizes (characters). Every route refuses a longer one with 400 naming it; text
// that is matched with LIKE (search and the "contains" filters) has the tighter bound.
constexpr int kMaxQueryName = 100;
constexpr int kMaxQueryValue = 1000;
constexpr int kMaxSearchText = 256;

// A request body the connection guard wrote to a file as it arrived (the upload routes), with its
// size, SHA-256 and first bytes counted on the way, so a 100 MB upload never sits in memory. The
// file is removed with the last copy of the request unless a handler moved it on (the file store).
struct UploadedBody : files::Staged {
    explicit UploadedBody(files::Staged staged) : files::Staged(std::move(staged)) { }
    ~UploadedBody();
};

// One parsed HTTP request as the handlers see it: path parameters, query, body and the resolved key.
struct Request {
    Method method = Method::Other;
    QString path;
    QHash<QString, QString> query;  // decoded; the last value of a repeated name wins
    QHash<QString, QString> params; // from the route pattern ({id})
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // Set instead of body on the routes whose bodies stream to a file (Route::streamedBody) when
    // the request came over a socket; an in-process request carries its body in `body`.
    std::shared_ptr<UploadedBody> upload;
    bool inProcess = false; // from the desktop's InProcessClient: no socket to stream an answer to
    QHostAddress peer;
    QString requestId;
    std::optional<services::ApiKeyIdentity> key; // set on every authenticated route
    // Of a long request (CSV import, export, restore): told how far the work has come (the in-process
    // door shows it to the screen that asked), and set once its caller gave up (the screen's Cancel;
    // over HTTP, the connection closed while the answer was being worked on): the work then stops
    // and writes nothing.
    std::function<void(qint64 done, qint64 total)> progress;
    std::shared_ptr<std::atomic_bool> cancel = std::make_shared<std::atomic_bool>(false);

    QByteArray header(const QByteArray &lowerName) const;
    const domain::Scope &scope() const { return key->scope; }
    bool has(const QString &q) const { return query.contains(q); }
    QString q(const QString &name) const { return query.value(name); }

    // BAD_REQUEST naming the first query parameter (name or value) over its size; `textParams`
    // (and `search`) are held to kMaxSearchText.
    Status checkQuerySizes(const QStringList &textParams = {}) const;
    // The record id: a path parameter on canonical routes, `?id=` on compatible ones.
    Result<QString> id() const;
    // The body as JSON: 400 when malformed; an empty body is an empty object.
    Result<Json> json() const;
    // The operator who does (and times) the work: operator_id, or the original's user_id, in the
    // query or the body; lower-case, or empty when none is given. 422 when it is not a UUID.
    Result<QString> operatorId() const;
};

} // namespace ery::http
