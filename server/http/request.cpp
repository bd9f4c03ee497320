#include "request.h"

#include "core/ids.h"
#include "core/jsonutil.h"

#include <QFile>

namespace ery::http {

UploadedBody::~UploadedBody()
{
    if (!path.isEmpty())
        QFile::remove(path);
}

QByteArray Request::header(const QByteArray &lowerName) const
{
    for (const auto &h : headers)
        if (h.first.size() == lowerName.size() && h.first.toLower() == lowerName)
            return h.second;
    return {};
}

Status Request::checkQuerySizes(const QStringList &textParams) const
{
    for (auto it = query.begin(); it != query.end(); ++it) {
        if (it.key().size() > kMaxQueryName)
            return Error::badRequest(
                QStringLiteral("Query parameter name %1… is longer than %2 characters").arg(it.key().left(40)).arg(kMaxQueryName));
        const int limit = it.key() == QLatin1String("search") || textParams.contains(it.key()) ? kMaxSearchText : kMaxQueryValue;
        if (it.value().size() > limit)
            return Error::badRequest(QStringLiteral("Query parameter %1 is longer than %2 characters").arg(it.key()).arg(limit));
        // Never part of a name or a filter value, and PostgreSQL cannot take one in text.
        if (it.value().contains(QChar(0)) || it.key().contains(QChar(0)))
            return Error::badRequest(
                QStringLiteral("Query parameter %1 contains a NUL character").arg(QString(it.key()).remove(QChar(0)).left(40)));
    }
    return {};
}

Result<QString> Request::id() const
{
    QString id = params.value(QStringLiteral("id"));
    if (id.isEmpty())
        id = query.value(QStringLiteral("id"));
    if (id.isEmpty())
        return Error::badRequest(QStringLiteral("Missing id (use ?id=<uuid>)"));
    // Never a valid id: answered like an unknown one, so ids of any shape reveal nothing.
    if (!isUuid(id))
        return Error::notFound(QStringLiteral("Record"));
    return id.toLower();
}

Result<Json> Request::json() const
{
    if (body.trimmed().isEmpty())
        return Json::object();
    return parseJson(body);
}

Result<QString> Request::operatorId() const
{
    auto body = json();
    if (!body)
        return body.error();
    for (const char *k : {"operator_id", "user_id"}) {
        QString v = q(QLatin1String(k));
        if (v.isEmpty() && body->is_object() && body->contains(k)) {
            const Json &given = (*body)[k];
            if (!given.is_string() && !given.is_null())
                return Error::validation(
                    Json::array({{{"field", k}, {"message", "must be a UUID string"}, {"value", given}, {"constraint", "uuid"}}}));
            v = str(*body, k);
        }
        if (!v.isEmpty()) {
            if (!isUuid(v))
                return Error::validation(
                    Json::array({{{"field", k}, {"message", "must be a UUID"}, {"value", toStd(v)}, {"constraint", "uuid"}}}));
            return v.toLower();
        }
    }
    return QString();
}

} // namespace ery::http
