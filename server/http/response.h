#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QIODevice>

class QIODevice;
class QTcpSocket;

#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace ery::http {

// One HTTP response. JSON bodies use the API envelope (CONTRACTS.md §1): {"success":true,"data":...}
// or {"success":false,"error":{code,message,statusCode,details}}.
struct Response {
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    std::vector<std::pair<QByteArray, QByteArray>> headers;
    // An answer that takes its time (a broker probe): the server calls `later` with a completion to
    // call, in the engine thread, once the answer is known; meanwhile it keeps serving others, and
    // later answers on the same connection wait their turn.
    using Done = std::function<void(Response)>;
    std::function<void(Done)> later;
    // An event stream (SSE): the head goes without Content-Length (the stream ends when the
    // connection closes), the body is its first events, and the connection then belongs to
    // `stream`, which writes later events to it. No further request is read on it.
    std::function<void(QTcpSocket *)> stream;
    // A download the route wrote to a temporary file (an export): `stream` sends it to a socket; an
    // in-process caller, which has none, reads it from here and removes it.
    QString file;
    // A download read from a device (a stored file): an in-process caller copies [from, from +
    // length) to where it wants it, a chunk at a time; `stream` sends the same bytes to a socket.
    struct Source {
        std::shared_ptr<QIODevice> device;
        qint64 from = 0;
        qint64 length = 0;
    };
    std::optional<Source> source;

    static Response json(int status, const Json &doc);
    // The success envelope around `data`, moved in: list pages are large and copies cost.
    static Response success(int status, Json data);
    static Response ok(Json data) { return success(200, std::move(data)); }
    static Response created(Json data) { return success(201, std::move(data)); }
    static Response error(const Error &e);
    static Response text(int status, QByteArray body, QByteArray contentType);
    static Response deferred(std::function<void(Done)> start);

    Response &header(QByteArray name, QByteArray value);
    QByteArray headerValue(const QByteArray &name) const;

    // Serialised for the socket; a HEAD answer keeps Content-Length but sends no body. A
    // Content-Length among `headers` (a HEAD of a download, a streamed file) replaces the body's.
    QByteArray serialise(bool headOnly, bool close) const;
    // Writes the answer to the socket: a large body goes after the head as its own buffer, which
    // QIODevice queues without copying (list pages are tens of KiB).
    void writeTo(QIODevice *device, bool headOnly, bool close) const;

private:
    QByteArray head(bool close, int reserve) const;
};

const char *reasonPhrase(int status);

} // namespace ery::http
