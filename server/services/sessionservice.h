#pragma once

#include "apikeyservice.h"
#include "servicebase.h"

namespace ery::services {

class ActivityLog;
class UserService;

// A session's tokens, as handed out once: only their hashes are stored.
struct SessionTokens {
    QString sessionId;
    QString accessToken;  // ery_session_ + 48 hex: the Bearer token of every request
    QString refreshToken; // ery_refresh_ + 48 hex: one use, for a new pair
    QString expiresAt, refreshExpiresAt;
    Row user; // public view
    QString tenantId, tenantName;
};

// Users signed in to the API (CONTRACTS.md §1 Authentication): an admin or operator proves who they
// are with username and password once and gets a short-lived access token with a refresh token;
// each refresh ends the session and hands out a new pair, so a stolen refresh token works once at
// most. The services' lockout rules hold (UserService: 5 wrong passwords lock the account for 15
// minutes). A session acts with its user's role: an admin has the admin scope, an operator
// read_write. API keys keep working beside sessions; resolve() takes either.
class SessionService : public ServiceBase {
public:
    SessionService(const DataAccess &data, UserService &users, ApiKeyService &apiKeys, ActivityLog &activity)
        : ServiceBase(data), m_users(users), m_apiKeys(apiKeys), m_activity(activity)
    {
    }

    static constexpr int kAccessMinutes = 60;
    static constexpr int kRefreshHours = 12;

    // tenant: a live tenant's id or name, or empty when the username is in one tenant only.
    // client: what signs in (shown in the activity log), e.g. "Eryxon desktop".
    Result<SessionTokens> login(const QString &tenant, const QString &username, const QString &password, const QString &client);
    // A floor terminal signs an operator in: `terminal` is the terminal key's identity (its live
    // tenant is the shop), the employee id and PIN the operator's. Wrong PINs count towards the
    // operator's lockout as wrong passwords do.
    Result<SessionTokens> loginWithPin(const ApiKeyIdentity &terminal, const QString &employeeId, const QString &pin,
                                       const QString &client);
    Result<SessionTokens> refresh(const QString &refreshToken);
    // Ends the session of this access token.
    Status logout(const QString &accessToken);
    // The identity behind a Bearer token: a session token or an API key. UNAUTHORIZED when it is
    // malformed, unknown, expired, ended, or its user was deactivated.
    Result<ApiKeyIdentity> resolve(const QString &presented);

    static bool isSessionToken(const QString &presented);

private:
    Result<SessionTokens> open(storage::WriteTx &tx, const domain::Scope &scope, const Row &user, const QString &tenantName,
                               const QString &client);

    // The services this one calls.
    UserService &m_users;
    ApiKeyService &m_apiKeys;
    ActivityLog &m_activity;
};

} // namespace ery::services
