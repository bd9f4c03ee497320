#include "userservice.h"

#include "auth/secrethash.h"
#include "core/ids.h"
#include "domain/rules.h"
#include "fields.h"
#include "activitylog.h"
#include "storage/repositories.h"

using namespace ery::domain;
using namespace ery::auth;
using namespace ery::storage;

namespace ery::services {

const std::vector<Field> &UserService::fields()
{
    static const std::vector<Field> f{
        {"full_name", Field::Text, true, {}, {}, limits::kName},
        {"email", Field::Text, false, {}, {}, 320},
        {"active", Field::Bool},
        {"is_machine", Field::Bool},
    };
    return f;
}

const std::vector<Field> &UserService::operatorFields()
{
    static const std::vector<Field> f{{"pin", Field::Text, true, {}, {}, 64}, {"employee_id", Field::Text, false, {}, {}, 50}};
    return f;
}

namespace {
// A timestamp ms from now, in the schema's format.
QString isoFromNow(qint64 ms)
{
    return isoOf(Clock::nowMs() + ms);
}
} // namespace

Row UserService::publicView(Row user)
{
    user.erase("password_hash");
    user.erase("pin_hash");
    return user;
}

Result<Row> UserService::createAdmin(const Scope &scope, const Json &input)
{
    Validation v;
    Row row = acceptFields(input, fields(), true, v);
    Row extra = acceptFields(input, {{"username", Field::Text, true, {}, {}, 100}, {"password", Field::Text, true, {}, {}, 1000}}, true, v);
    const QString password = str(extra, "password");
    if (extra.contains("password") && password.size() < 8)
        v.add("password", QStringLiteral("password must have at least 8 characters"), nullptr, "minLength");
    if (!v.ok())
        return v.error();
    row["role"] = "admin";
    row["username"] = extra["username"];
    row["password_hash"] = toStd(SecretHash::hash(password));
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto u = repo().users.insert(tx, scope, row);
        if (!u)
            return u.error();
        ERY_TRY(m_activity.record(tx, scope, QStringLiteral("create"), QStringLiteral("user"), str(*u, "id"), str(*u, "full_name"),
                                  QStringLiteral("Admin %1 created").arg(str(*u, "username"))));
        return publicView(*u);
    });
}

Result<Row> UserService::createOperator(const Scope &scope, const Json &input)
{
    Validation v;
    Row row = acceptFields(input, fields(), true, v);
    Row extra = acceptFields(input, operatorFields(), true, v);
    if (extra.contains("pin") && !domain::isValidPin(str(extra, "pin")))
        v.add("pin", QStringLiteral("PIN must be 4 to 6 digits"), nullptr, "pattern");
    if (!v.ok())
        return v.error();
    row["role"] = "operator";
    row["pin_hash"] = toStd(SecretHash::hash(str(extra, "pin")));
    return db().write([&](WriteTx &tx) -> Result<Row> {
        if (!str(extra, "employee_id").isEmpty()) {
            row["employee_id"] = extra["employee_id"];
        } else {
            auto t = repo().tenants.get(tx.db(), scope.tenantId);
            if (!t)
                return t.error();
            auto n = repo().tenants.takeOperatorNumber(tx, scope.tenantId);
            if (!n)
                return n.error();
            row["employee_id"] = toStd(str(*t, "abbreviation") + QStringLiteral("%1").arg(*n, 4, 10, QLatin1Char('0')));
        }
        auto u = repo().users.insert(tx, scope, row);
        if (!u)
            return u.error();
        ERY_TRY(m_activity.record(tx, scope, QStringLiteral("create"), QStringLiteral("user"), str(*u, "id"), str(*u, "full_name"),
                                  QStringLiteral("Operator %1 created").arg(str(*u, "employee_id"))));
        return publicView(*u);
    });
}

Result<Row> UserService::get(const Scope &scope, const QString &id)
{
    auto u = repo().users.get(db(), scope, id, QStringLiteral("user"));
    if (!u)
        return u.error();
    return publicView(*u);
}

Result<Page> UserService::list(const Scope &scope, const ListQuery &q)
{
    auto p = repo().users.list(db(), scope, q);
    if (!p)
        return p.error();
    for (auto &r : p->rows)
        r = publicView(r);
    return p;
}

Result<Row> UserService::update(const Scope &scope, const QString &id, const Json &patch)
{
    Validation v;
    Row accepted = acceptFields(patch, fields(), false, v);
    if (!v.ok())
        return v.error();
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto u = repo().users.get(tx.db(), scope, id, QStringLiteral("user"));
        if (!u)
            return u.error();
        auto n = repo().users.update(tx, scope, *u, accepted);
        if (!n)
            return n.error();
        return publicView(*n);
    });
}

Result<Row> UserService::resetPin(const Scope &scope, const QString &id, const QString &pin)
{
    if (!domain::isValidPin(pin)) {
        Validation v;
        v.add("pin", QStringLiteral("PIN must be 4 to 6 digits"), nullptr, "pattern");
        return v.error();
    }
    const QString hash = SecretHash::hash(pin);
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto u = repo().users.get(tx.db(), scope, id, QStringLiteral("user"));
        if (!u)
            return u.error();
        if (str(*u, "role") != QLatin1String("operator"))
            return Error::badRequest(QStringLiteral("only operators have a PIN"));
        auto n = repo().users.update(tx, scope, *u, {{"pin_hash", toStd(hash)}, {"failed_attempts", 0}, {"locked_until", nullptr}});
        if (!n)
            return n.error();
        ERY_TRY(m_activity.record(tx, scope, QStringLiteral("reset_pin"), QStringLiteral("user"), id, str(*u, "full_name"),
                                  QStringLiteral("PIN reset")));
        return publicView(*n);
    });
}

Result<Row> UserService::unlock(const Scope &scope, const QString &id)
{
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto u = repo().users.get(tx.db(), scope, id, QStringLiteral("user"));
        if (!u)
            return u.error();
        auto n = repo().users.update(tx, scope, *u, {{"failed_attempts", 0}, {"locked_until", nullptr}});
        if (!n)
            return n.error();
        ERY_TRY(m_activity.record(tx, scope, QStringLiteral("unlock"), QStringLiteral("user"), id, str(*u, "full_name"),
                                  QStringLiteral("%1 unlocked").arg(str(*u, "full_name"))));
        return publicView(*n);
    });
}

Result<Row> UserService::deactivate(const Scope &scope, const QString &id)
{
    return update(scope, id, Json{{"active", false}});
}

Result<Row> UserService::verifyPin(const Scope &scope, const QString &employeeId, const QString &pin)
{
    return verify(scope, QStringLiteral("employee_id"), employeeId, pin, true);
}

Result<Row> UserService::verifyPassword(const Scope &scope, const QString &username, const QString &password)
{
    return verify(scope, QStringLiteral("username"), username, password, false);
}

Result<Row> UserService::verify(const Scope &scope, const QString &column, const QString &who, const QString &secret, bool pin)
{
    // The failure counter must be committed even though the caller gets an error, so the
    // transaction returns the outcome as a value and the error is made after commit.
    struct Outcome {
        std::optional<Row> user;
        std::optional<Error> error;
    };
    auto r = db().write([&](WriteTx &tx) -> Result<Outcome> {
        auto found = repo().users.where(tx.db(), scope, Match().eq(column, who).isNull(QStringLiteral("deleted_at")));
        if (!found)
            return found.error();
        if (found->empty())
            return Outcome{std::nullopt, Error::notFound(pin ? QStringLiteral("operator") : QStringLiteral("user"))};
        Row u = found->front();
        if (!flag(u, "active"))
            return Outcome{std::nullopt,
                           Error{ErrorCode::Forbidden, QStringLiteral("This account is inactive"), Json{{"reason", "INACTIVE"}}}};
        const QString lockedUntil = str(u, "locked_until");
        if (!lockedUntil.isEmpty() && lockedUntil > nowIso())
            return Outcome{std::nullopt,
                           Error{ErrorCode::Forbidden, QStringLiteral("Too many wrong attempts: locked until %1").arg(lockedUntil),
                                 Json{{"reason", "LOCKED"}, {"locked_until", toStd(lockedUntil)}, {"attempts_remaining", 0}}}};
        const QString hash = str(u, pin ? "pin_hash" : "password_hash");
        if (SecretHash::verify(hash, secret)) {
            auto n =
                repo().users.update(tx, scope, u, {{"failed_attempts", 0}, {"locked_until", nullptr}, {"last_login_at", toStd(nowIso())}});
            if (!n)
                return n.error();
            return Outcome{publicView(*n), std::nullopt};
        }
        qint64 failures = num(u, "failed_attempts") + 1;
        Row patch{{"failed_attempts", failures}};
        const bool lock = failures >= kMaxFailures;
        if (lock) {
            patch["locked_until"] = toStd(isoFromNow(qint64(kLockMinutes) * 60 * 1000));
            patch["failed_attempts"] = 0;
        }
        ERY_TRY(repo().users.update(tx, scope, u, patch));
        const qint64 remaining = lock ? 0 : kMaxFailures - failures;
        return Outcome{std::nullopt,
                       Error{ErrorCode::Unauthorized,
                             lock ? QStringLiteral("Wrong %1: locked for %2 minutes").arg(pin ? "PIN" : "password").arg(kLockMinutes)
                                  : QStringLiteral("Wrong %1: %2 attempts left").arg(pin ? "PIN" : "password").arg(remaining),
                             Json{{"reason", lock ? "LOCKED" : "INVALID_PIN"}, {"attempts_remaining", remaining}}}};
    });
    if (!r)
        return r.error();
    if (r->error)
        return *r->error;
    return *r->user;
}

} // namespace ery::services
