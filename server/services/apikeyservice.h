#pragma once

#include "fields.h"
#include "servicebase.h"

namespace ery::services {

class ActivityLog;

// Who an API key is, as resolved for one request. No cache: every request reads the key row, so a
// revoke takes effect on the very next request of every process sharing the database.
struct ApiKeyIdentity {
    QString keyId;
    QString name;
    QString prefix; // the key's first 12 characters (ery_live_a1b), what logs and lists show
    QString liveTenantId;
    domain::Scope scope; // the live tenant, or its sandbox twin for an ery_test_ key
    QString access;      // read | read_write | admin
    bool test = false;
    QString plan;
    std::optional<qint64> perMinuteOverride; // tenants.rate_limit_per_minute
    QString lastUsedAt;
    bool session = false; // a signed-in user's session token (SessionService), not an API key
};

struct CreatedApiKey {
    Row key;        // the stored row without its hash
    QString secret; // the full key: shown once, never stored
};

// API keys (CONTRACTS.md §1 Authentication): `ery_live_` / `ery_test_` + 32 hex characters from the
// system CSPRNG; only the SHA-256 hex is stored, with the first 12 characters and the last 4 for
// display. Keys belong to the live tenant; a test key acts on its sandbox twin.
class ApiKeyService : public ServiceBase {
public:
    static const std::vector<Field> &fields();
    ApiKeyService(const DataAccess &data, ActivityLog &activity) : ServiceBase(data), m_activity(activity) { }

    // input: name (required), scope read|read_write|admin (default read_write), environment
    // live|test or test: true. `scope` must be the live tenant.
    Result<CreatedApiKey> create(const domain::Scope &scope, const Json &input);
    Result<domain::Page> list(const domain::Scope &scope, const domain::ListQuery &q);
    Result<Row> get(const domain::Scope &scope, const QString &id);
    Result<Row> revoke(const domain::Scope &scope, const QString &id);

    // The identity behind a presented key, or UNAUTHORIZED (malformed, unknown or revoked).
    Result<ApiKeyIdentity> resolve(const QString &presented);
    // Records use; at most once a minute per key so reads do not turn into writes.
    Status touch(const ApiKeyIdentity &id);

    static QString hashOf(const QString &key);
    static bool wellFormed(const QString &key);
    static Row publicView(Row key);

private:
    // The services this one calls.
    ActivityLog &m_activity;
};

} // namespace ery::services
