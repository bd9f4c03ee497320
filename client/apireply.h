#pragma once

#include <QByteArray>
#include <QString>
#include <nlohmann/json.hpp>

namespace ery {
using Json = nlohmann::ordered_json;
}

namespace ery::client {

// A REST API answer as a screen reads it: the status, the JSON envelope
// ({success, data} or {success: false, error: {code, message, details}}) and, for answers that
// are not JSON (an export file), the raw bytes. Status 0 means the hub could not be reached.
class ApiReply {
public:
    ApiReply() = default;
    // Parses a JSON body; a body that is not JSON is kept as raw bytes only.
    static ApiReply from(int status, const QByteArray &contentType, const QByteArray &body);
    static ApiReply unreachable(const QString &why);

    int status() const { return m_status; }
    bool ok() const { return m_status >= 200 && m_status < 300; }
    const Json &body() const { return m_body; }
    // The envelope's `data` (or the whole body when it has no envelope).
    const Json &data() const;
    // The envelope's `meta` (pagination), or null.
    const Json &meta() const;
    const QByteArray &raw() const { return m_raw; }
    const QByteArray &contentType() const { return m_contentType; }

    // The error code (NOT_FOUND, VALIDATION_ERROR, …), or empty on success.
    QString errorCode() const;
    // The error's message as the hub words it, with the first field error appended for a
    // validation failure; empty on success.
    QString errorMessage() const;
    const Json &errorDetails() const;

private:
    int m_status = 0;
    Json m_body;
    QByteArray m_raw;
    QByteArray m_contentType;
};

} // namespace ery::client
