#include "apireply.h"

namespace ery::client {

namespace {

const Json &nullJson()
{
    static const Json n;
    return n;
}

} // namespace

ApiReply ApiReply::from(int status, const QByteArray &contentType, const QByteArray &body)
{
    ApiReply r;
    r.m_status = status;
    r.m_contentType = contentType;
    if (contentType.startsWith("application/json")) {
        r.m_body = Json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
        if (r.m_body.is_discarded())
            r.m_body = nullptr;
    } else {
        r.m_raw = body;
    }
    return r;
}

ApiReply ApiReply::unreachable(const QString &why)
{
    ApiReply r;
    r.m_body = Json{{"success", false}, {"error", {{"code", "UNREACHABLE"}, {"message", why.toStdString()}}}};
    return r;
}

const Json &ApiReply::data() const
{
    if (m_body.is_object()) {
        auto it = m_body.find("data");
        if (it != m_body.end())
            return *it;
    }
    return m_body;
}

const Json &ApiReply::meta() const
{
    if (m_body.is_object())
        if (auto it = m_body.find("meta"); it != m_body.end())
            return *it;
    return nullJson();
}

QString ApiReply::errorCode() const
{
    if (ok() || !m_body.is_object())
        return ok() ? QString() : QStringLiteral("HTTP_%1").arg(m_status);
    const Json &e = m_body.value("error", Json::object());
    if (e.is_object() && e.contains("code") && e["code"].is_string())
        return QString::fromStdString(e["code"].get<std::string>());
    return QStringLiteral("HTTP_%1").arg(m_status);
}

QString ApiReply::errorMessage() const
{
    if (ok())
        return {};
    QString message;
    if (m_body.is_object()) {
        const Json &e = m_body.value("error", Json::object());
        if (e.is_object() && e.contains("message") && e["message"].is_string())
            message = QString::fromStdString(e["message"].get<std::string>());
    }
    if (message.isEmpty())
        message = QStringLiteral("HTTP %1").arg(m_status);
    const Json &d = errorDetails();
    if (d.is_array() && !d.empty() && d[0].is_object() && d[0].contains("message") && d[0]["message"].is_string())
        message += QStringLiteral(": ") + QString::fromStdString(d[0]["message"].get<std::string>());
    return message;
}

const Json &ApiReply::errorDetails() const
{
    if (m_body.is_object())
        if (auto e = m_body.find("error"); e != m_body.end() && e->is_object())
            if (auto d = e->find("details"); d != e->end())
                return *d;
    return nullJson();
}

} // namespace ery::client
