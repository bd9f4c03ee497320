#pragma once

#include <QString>
#include <nlohmann/json.hpp>

#include <optional>
#include <utility>
#include <variant>
#include <vector>

namespace ery {

using Json = nlohmann::ordered_json;
// A table row as the services and the API see it: column name -> value.
using Row = Json;
using Rows = std::vector<Json>;

// The API's error codes (CONTRACTS.md §1); every adapter maps an Error the same way.
enum class ErrorCode {
    BadRequest,
    InvalidStateTransition,
    Unauthorized,
    QuotaExceeded,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    Conflict,
    PayloadTooLarge,
    UriTooLong,
    HeadersTooLarge,
    ValidationError,
    RateLimitExceeded,
    Internal,
    ServiceUnavailable, // a capacity limit of the hub, or a long write holding the database: retry shortly
    UnsupportedMediaType, // a file's declared type is not one the hub stores
};

struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message;
    Json details; // null, an object or an array (VALIDATION_ERROR: [{field, message, value, constraint}])

    int httpStatus() const;
    const char *codeName() const;
    Json toJson() const; // {code, message, statusCode, details}

    static Error badRequest(const QString &m) { return {ErrorCode::BadRequest, m, nullptr}; }
    static Error notFound(const QString &what) { return {ErrorCode::NotFound, what + QStringLiteral(" not found"), nullptr}; }
    static Error conflict(const QString &m) { return {ErrorCode::Conflict, m, nullptr}; }
    static Error forbidden(const QString &m) { return {ErrorCode::Forbidden, m, nullptr}; }
    static Error unauthorized(const QString &m) { return {ErrorCode::Unauthorized, m, nullptr}; }
    static Error internal(const QString &m) { return {ErrorCode::Internal, m, nullptr}; }
    static Error invalidTransition(const QString &entity, const QString &from, const QString &action);
    static Error quota(const QString &limitType, qint64 current, qint64 limit);
    static Error validation(Json fieldErrors);
};

QString toString(ErrorCode c);

// Collects field errors so a caller sees every bad field at once, not just the first.
class Validation {
public:
    void add(const std::string &field, const QString &message, const Json &value = nullptr, const std::string &constraint = {});
    bool ok() const { return m_errors.empty(); }
    Error error() const { return Error::validation(m_errors); }

private:
    Json m_errors = Json::array();
};

template <class T> class [[nodiscard]] Result {
public:
    Result(T v) : m_v(std::move(v)) { }
    Result(Error e) : m_v(std::move(e)) { }

    explicit operator bool() const { return std::holds_alternative<T>(m_v); }
    bool ok() const { return std::holds_alternative<T>(m_v); }
    T &value() { return std::get<T>(m_v); }
    const T &value() const { return std::get<T>(m_v); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    const Error &error() const { return std::get<Error>(m_v); }

private:
    std::variant<T, Error> m_v;
};

struct Ok { };

template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Ok) { }
    Result(Error e) : m_e(std::move(e)) { }
    explicit operator bool() const { return !m_e; }
    bool ok() const { return !m_e; }
    const Error &error() const { return *m_e; }

private:
    std::optional<Error> m_e;
};

using Status = Result<void>;

} // namespace ery

// Propagates an error out of a function returning Result<...>.
#define ERY_TRY(expr)                                                                                                                      \
    do {                                                                                                                                   \
        auto &&ery_try_r_ = (expr);                                                                                                        \
        if (!ery_try_r_)                                                                                                                   \
            return ery_try_r_.error();                                                                                                     \
    } while (0)
