#include "response.h"

#include "core/jsonutil.h"

#include <QIODevice>

namespace ery::http {

const char *reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 402: return "Payment Required";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 416: return "Range Not Satisfiable";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    }
    return "Unknown";
}

Response Response::json(int status, const Json &doc)
{
    Response r;
    r.status = status;
    // Invalid UTF-8 in stored text must not throw out of a handler: replace it.
    r.body = QByteArray::fromStdString(jsonText(doc));
    return r;
}

Response Response::success(int status, Json data)
{
    Json env = Json::object();
    env["success"] = true;
    env["data"] = std::move(data);
    return json(status, env);
}

Response Response::error(const Error &e)
{
    Json err = e.toJson();
    if (err["details"].is_null())
        err.erase("details");
    Response r = json(e.httpStatus(), Json{{"success", false}, {"error", err}});
    if (e.code == ErrorCode::ServiceUnavailable)
        r.header("Retry-After", "1");
    return r;
}

Response Response::text(int status, QByteArray body, QByteArray contentType)
{
    Response r;
    r.status = status;
    r.body = std::move(body);
    r.contentType = std::move(contentType);
    return r;
}

Response Response::deferred(std::function<void(Done)> start)
{
    Response r;
    r.status = 0;
    r.later = std::move(start);
    return r;
}

Response &Response::header(QByteArray name, QByteArray value)
{
    // One value per name: a later, more specific one (Retry-After: 5) replaces a default.
    for (auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = std::move(value);
            return *this;
        }
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
}

QByteArray Response::headerValue(const QByteArray &name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

QByteArray Response::head(bool close, int reserve) const
{
    QByteArray out;
    out.reserve(256 + reserve + int(headers.size()) * 48);
    out += "HTTP/1.1 ";
    out += QByteArray::number(status);
    out += ' ';
    out += reasonPhrase(status);
    out += "\r\nContent-Type: ";
    out += contentType;
    if (stream) {
        out += "\r\nConnection: close\r\n";
    } else if (!headerValue("Content-Length").isEmpty()) {
        out += "\r\n";
    } else {
        out += "\r\nContent-Length: ";
        out += QByteArray::number(body.size());
        out += "\r\n";
    }
    for (const auto &[k, v] : headers) {
        out += k;
        out += ": ";
        out += v;
        out += "\r\n";
    }
    if (close && !stream)
        out += "Connection: close\r\n";
    out += "\r\n";
    return out;
}

QByteArray Response::serialise(bool headOnly, bool close) const
{
    QByteArray out = head(close, headOnly ? 0 : int(body.size()));
    if (!headOnly)
        out += body;
    return out;
}

void Response::writeTo(QIODevice *device, bool headOnly, bool close) const
{
    constexpr qsizetype kSeparateBody = 16 * 1024;
    if (headOnly || body.size() < kSeparateBody) {
        device->write(serialise(headOnly, close));
        return;
    }
    device->write(head(close, 0));
    device->write(body);
}

} // namespace ery::http
