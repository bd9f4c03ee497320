#include "result.h"
#include "jsonutil.h"

namespace ery {

int Error::httpStatus() const
{
    switch (code) {
    case ErrorCode::BadRequest: return 400;
    case ErrorCode::InvalidStateTransition: return 400;
    case ErrorCode::Unauthorized: return 401;
    case ErrorCode::QuotaExceeded: return 402;
    case ErrorCode::Forbidden: return 403;
    case ErrorCode::NotFound: return 404;
    case ErrorCode::MethodNotAllowed: return 405;
    case ErrorCode::Conflict: return 409;
    case ErrorCode::PayloadTooLarge: return 413;
    case ErrorCode::UriTooLong: return 414;
    case ErrorCode::HeadersTooLarge: return 431;
    case ErrorCode::ValidationError: return 422;
    case ErrorCode::RateLimitExceeded: return 429;
    case ErrorCode::Internal: return 500;
    case ErrorCode::ServiceUnavailable: return 503;
    case ErrorCode::UnsupportedMediaType: return 415;
    }
    return 500;
}

const char *Error::codeName() const
{
    switch (code) {
    case ErrorCode::BadRequest: return "BAD_REQUEST";
    case ErrorCode::InvalidStateTransition: return "INVALID_STATE_TRANSITION";
    case ErrorCode::Unauthorized: return "UNAUTHORIZED";
    case ErrorCode::QuotaExceeded: return "QUOTA_EXCEEDED";
    case ErrorCode::Forbidden: return "FORBIDDEN";
    case ErrorCode::NotFound: return "NOT_FOUND";
    case ErrorCode::MethodNotAllowed: return "METHOD_NOT_ALLOWED";
    case ErrorCode::Conflict: return "CONFLICT";
    case ErrorCode::PayloadTooLarge: return "PAYLOAD_TOO_LARGE";
    case ErrorCode::UriTooLong: return "URI_TOO_LONG";
    case ErrorCode::HeadersTooLarge: return "HEADERS_TOO_LARGE";
    case ErrorCode::ValidationError: return "VALIDATION_ERROR";
    case ErrorCode::RateLimitExceeded: return "RATE_LIMIT_EXCEEDED";
    case ErrorCode::Internal: return "INTERNAL_ERROR";
    case ErrorCode::ServiceUnavailable: return "SERVICE_UNAVAILABLE";
    case ErrorCode::UnsupportedMediaType: return "UNSUPPORTED_MEDIA_TYPE";
    }
    return "INTERNAL_ERROR";
}

QString toString(ErrorCode c)
{
    return QString::fromLatin1(Error{c, {}, nullptr}.codeName());
}

Json Error::toJson() const
{
    return Json{{"code", codeName()}, {"message", message.toStdString()}, {"statusCode", httpStatus()}, {"details", details}};
}

Error Error::invalidTransition(const QString &entity, const QString &from, const QString &action)
{
    return {ErrorCode::InvalidStateTransition, QStringLiteral("Cannot %1 %2 in status %3").arg(action, entity, from),
            Json{{"currentStatus", from.toStdString()}, {"action", action.toStdString()}}};
}

Error Error::quota(const QString &limitType, qint64 current, qint64 limit)
{
    return {ErrorCode::QuotaExceeded, QStringLiteral("Plan limit reached for %1 (%2 of %3)").arg(limitType).arg(current).arg(limit),
            Json{{"limitType", limitType.toStdString()}, {"currentUsage", current}, {"limit", limit}}};
}

Error Error::validation(Json fieldErrors)
{
    QString msg = QStringLiteral("Validation failed");
    if (fieldErrors.is_array() && !fieldErrors.empty())
        msg += QStringLiteral(": ") + QString::fromStdString(fieldErrors[0].value("message", std::string())) +
               (fieldErrors.size() > 1 ? QStringLiteral(" (and %1 more)").arg(fieldErrors.size() - 1) : QString());
    return {ErrorCode::ValidationError, msg, std::move(fieldErrors)};
}

namespace {
// The rejected value as the error echoes it: small values whole, a long string cut, a big array or
// object left out, so a refusal never costs (or returns) as much as the bad input did.
Json echoed(const Json &value)
{
    constexpr size_t kMax = 200;
    if (value.is_string()) {
        const std::string &s = value.get_ref<const std::string &>();
        if (s.size() <= kMax)
            return value;
        size_t cut = kMax;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
            --cut; // not inside a UTF-8 sequence
        return s.substr(0, cut) + "…";
    }
    if (value.is_structured() && (value.size() > 20 || jsonText(value).size() > kMax))
        return nullptr;
    return value;
}
} // namespace

void Validation::add(const std::string &field, const QString &message, const Json &value, const std::string &constraint)
{
    Json e{{"field", field}, {"message", message.toStdString()}, {"value", echoed(value)}};
    if (!constraint.empty())
        e["constraint"] = constraint;
    m_errors.push_back(std::move(e));
}

} // namespace ery
