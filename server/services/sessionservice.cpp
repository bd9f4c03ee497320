#include "sessionservice.h"

#include "activitylog.h"
#include "userservice.h"

#include "auth/randomtoken.h"
#include "core/ids.h"
#include "storage/repositories.h"
#include "storage/sessionrepository.h"

#include <QRegularExpression>

using namespace ery::domain;
using namespace ery::storage;

namespace ery::services {

namespace {

const QLatin1String kAccessPrefix("ery_session_");
const QLatin1String kRefreshPrefix("ery_refresh_");

QString token(QLatin1String prefix)
{
    return prefix + QString::fromLatin1(auth::randomBytes(24).toHex());
}

bool wellFormed(const QString &t, QLatin1String prefix)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{48}$"));
    return t.size() == prefix.size() + 48 && t.startsWith(prefix) && hex.match(QStringView(t).mid(prefix.size())).hasMatch();
}

QString isoIn(qint64 ms)
{
    return isoOf(Clock::nowMs() + ms);
}

Error unauthorized(const QString &why)
{
    return Error::unauthorized(why);
}

} // namespace

bool SessionService::isSessionToken(const QString &presented)
{
    return presented.startsWith(kAccessPrefix);
}

Result<SessionTokens> SessionService::open(WriteTx &tx, const Scope &scope, const Row &user, const QString &tenantName, const QString &client)
{
    SessionTokens t;
    t.sessionId = newId();
    t.accessToken = token(kAccessPrefix);
    t.refreshToken = token(kRefreshPrefix);
    t.expiresAt = isoIn(qint64(kAccessMinutes) * 60 * 1000);
    t.refreshExpiresAt = isoIn(qint64(kRefreshHours) * 3600 * 1000);
    t.user = user;
    t.tenantId = scope.tenantId;
    t.tenantName = tenantName;
    const QString now = nowIso();
    Row row{{"id", toStd(t.sessionId)},
            {"tenant_id", toStd(scope.tenantId)},
            {"user_id", user["id"]},
            {"token_hash", toStd(ApiKeyService::hashOf(t.accessToken))},
            {"refresh_hash", toStd(ApiKeyService::hashOf(t.refreshToken))},
            {"expires_at", toStd(t.expiresAt)},
            {"refresh_expires_at", toStd(t.refreshExpiresAt)},
            {"client", toStd(client.left(100))},
            {"created_at", toStd(now)},
            {"updated_at", toStd(now)}};
    if (auto s = SessionRepository().insert(tx, row); !s)
        return s.error();
    return t;
}

Result<SessionTokens> SessionService::login(const QString &tenant, const QString &username, const QString &password, const QString &client)
{
    const QString name = username.trimmed();
    if (name.isEmpty() || password.isEmpty())
        return Error::badRequest(QStringLiteral("Give username and password"));
    if (name.size() > 100 || password.size() > 1000)
        return unauthorized(QStringLiteral("Wrong username or password"));
    auto candidates = SessionRepository().tenantsWithUsername(db(), name);
    if (!candidates)
        return candidates.error();
    QString tenantId, tenantName;
    for (const Row &t : *candidates) {
        if (!tenant.isEmpty() && str(t, "id") != tenant && str(t, "name") != tenant)
            continue;
        if (!tenantId.isEmpty())
            return Error::badRequest(QStringLiteral("%1 is a user of more than one shop: name the tenant").arg(name));
        tenantId = str(t, "id");
        tenantName = str(t, "name");
    }
    if (tenantId.isEmpty())
        return unauthorized(QStringLiteral("Wrong username or password"));
    const Scope scope = Scope::of(tenantId);
    // Counts the attempt and locks the account after five wrong ones, committed either way.
    auto user = m_users.verifyPassword(scope, name, password);
    if (!user) {
        if (user.error().code == ErrorCode::NotFound)
            return unauthorized(QStringLiteral("Wrong username or password"));
        return user.error();
    }
    return db().write([&](WriteTx &tx) -> Result<SessionTokens> {
        (void)SessionRepository().forgetOld(tx, isoIn(-qint64(7) * 24 * 3600 * 1000));
        auto t = open(tx, scope, *user, tenantName, client);
        if (!t)
            return t.error();
        Scope who = scope;
        who.actorId = str(*user, "id");
        who.actorName = str(*user, "full_name");
        if (auto s = m_activity.record(tx, who, QStringLiteral("login"), QStringLiteral("user"), who.actorId, name,
                                       QStringLiteral("%1 signed in%2").arg(name, client.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(client.left(100))));
            !s)
            return s.error();
        return t;
    });
}

Result<SessionTokens> SessionService::loginWithPin(const ApiKeyIdentity &terminal, const QString &employeeId, const QString &pin,
                                                   const QString &client)
{
    const QString who = employeeId.trimmed();
    if (who.isEmpty() || pin.isEmpty())
        return Error::badRequest(QStringLiteral("Give employee_id and pin"));
    if (terminal.test || terminal.session)
        return Error::forbidden(QStringLiteral("Operators sign in through a live terminal key or an admin key"));
    if (who.size() > 50 || pin.size() > 64)
        return unauthorized(QStringLiteral("Wrong employee id or PIN"));
    const Scope scope = Scope::of(terminal.liveTenantId);
    auto tenant = repo().tenants.get(db(), scope.tenantId);
    if (!tenant)
        return tenant.error();
    // Counts the attempt and locks the operator after five wrong ones, committed either way.
    auto user = m_users.verifyPin(scope, who, pin);
    if (!user) {
        if (user.error().code == ErrorCode::NotFound)
            return unauthorized(QStringLiteral("Wrong employee id or PIN"));
        return user.error();
    }
    const QString where = client.isEmpty() ? terminal.name : client.left(100);
    return db().write([&](WriteTx &tx) -> Result<SessionTokens> {
        (void)SessionRepository().forgetOld(tx, isoIn(-qint64(7) * 24 * 3600 * 1000));
        auto t = open(tx, scope, *user, str(*tenant, "name"), where);
        if (!t)
            return t.error();
        Scope by = scope;
        by.actorId = str(*user, "id");
        by.actorName = str(*user, "full_name");
        ERY_TRY(m_activity.record(tx, by, QStringLiteral("login"), QStringLiteral("user"), by.actorId, who,
                                  QStringLiteral("%1 signed in with PIN at %2").arg(by.actorName, where)));
        return t;
    });
}

Result<SessionTokens> SessionService::refresh(const QString &refreshToken)
{
    if (!wellFormed(refreshToken, kRefreshPrefix))
        return unauthorized(QStringLiteral("Invalid refresh token"));
    return db().write([&](WriteTx &tx) -> Result<SessionTokens> {
        auto s = SessionRepository().byRefreshHash(db(), ApiKeyService::hashOf(refreshToken));
        if (!s)
            return s.error().code == ErrorCode::NotFound ? unauthorized(QStringLiteral("Invalid refresh token")) : s.error();
        const QString now = nowIso();
        if (!str(*s, "ended_at").isEmpty() || str(*s, "refresh_expires_at") <= now)
            return unauthorized(QStringLiteral("This session has ended: sign in again"));
        if (!flag(*s, "active") || !str(*s, "deleted_at").isEmpty())
            return unauthorized(QStringLiteral("This account is inactive"));
        const Scope scope = Scope::of(str(*s, "tenant_id"));
        if (auto r = SessionRepository().end(tx, str(*s, "id"), now); !r)
            return r.error();
        auto user = m_users.get(scope, str(*s, "user_id"));
        if (!user)
            return user.error();
        return open(tx, scope, UserService::publicView(*user), str(*s, "tenant_name"), QString());
    });
}

Status SessionService::logout(const QString &accessToken)
{
    if (!wellFormed(accessToken, kAccessPrefix))
        return unauthorized(QStringLiteral("Invalid session token"));
    auto s = SessionRepository().byTokenHash(db(), ApiKeyService::hashOf(accessToken));
    if (!s)
        return s.error().code == ErrorCode::NotFound ? Status(unauthorized(QStringLiteral("Invalid session token"))) : Status(s.error());
    return db().write([&](WriteTx &tx) -> Status { return SessionRepository().end(tx, str(*s, "id"), nowIso()); });
}

Result<ApiKeyIdentity> SessionService::resolve(const QString &presented)
{
    if (!isSessionToken(presented))
        return m_apiKeys.resolve(presented);
    if (!wellFormed(presented, kAccessPrefix))
        return unauthorized(QStringLiteral("Invalid session token"));
    auto s = SessionRepository().byTokenHash(db(), ApiKeyService::hashOf(presented));
    if (!s)
        return s.error().code == ErrorCode::NotFound ? unauthorized(QStringLiteral("Invalid session token")) : s.error();
    if (!str(*s, "ended_at").isEmpty())
        return unauthorized(QStringLiteral("This session has ended: sign in again"));
    if (str(*s, "expires_at") <= nowIso())
        return unauthorized(QStringLiteral("This session has expired: refresh it or sign in again"));
    if (!flag(*s, "active") || !str(*s, "deleted_at").isEmpty())
        return unauthorized(QStringLiteral("This account is inactive"));
    ApiKeyIdentity id;
    id.session = true;
    id.keyId = QStringLiteral("session:") + str(*s, "id");
    id.name = str(*s, "username");
    id.prefix = presented.left(16);
    id.liveTenantId = str(*s, "tenant_id");
    const bool admin = str(*s, "role") == QLatin1String("admin");
    id.access = admin ? QStringLiteral("admin") : QStringLiteral("read_write");
    id.plan = str(*s, "plan");
    if ((*s)["rate_limit_per_minute"].is_number())
        id.perMinuteOverride = num(*s, "rate_limit_per_minute");
    id.scope = Scope{id.liveTenantId, str(*s, "user_id"), str(*s, "full_name"), admin};
    return id;
}

} // namespace ery::services
