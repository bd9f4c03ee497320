#include "apikeyservice.h"

#include "activitylog.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>
#include <QTimeZone>
#include "storage/apikeyrepository.h"
#include "storage/repositories.h"

using namespace ery::domain;
using namespace ery::storage;

namespace ery::services {

namespace {
const QString kLive = QStringLiteral("ery_live_");
const QString kTest = QStringLiteral("ery_test_");
constexpr qint64 kTouchEveryMs = 60 * 1000;

QString randomHex32()
{
    // QRandomGenerator::system() reads the operating system's CSPRNG (getrandom on Linux).
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words, 4);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex());
}
} // namespace

QString ApiKeyService::hashOf(const QString &key)
{
    return QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex());
}

bool ApiKeyService::wellFormed(const QString &key)
{
    if (key.size() != 41 || !(key.startsWith(kLive) || key.startsWith(kTest)))
        return false;
    for (int i = 9; i < 41; ++i) {
        const QChar c = key.at(i);
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

Row ApiKeyService::publicView(Row key)
{
    key.erase("key_hash");
    return key;
}

const std::vector<Field> &ApiKeyService::fields()
{
    static const std::vector<Field> f{{"name", Field::Text, true, {}, {}, limits::kName},
                                      {"scope", Field::Enum, false, {"read", "read_write", "admin", "terminal"}},
                                      {"environment", Field::Enum, false, {"live", "test"}},
                                      {"test", Field::Bool}};
    return f;
}

Result<CreatedApiKey> ApiKeyService::create(const Scope &scope, const Json &input)
{
    Validation v;
    Row row = acceptFields(input, fields(), true, v);
    if (!v.ok())
        return v.error();
    const bool test = str(row, "environment") == QLatin1String("test") || flag(row, "test");
    row.erase("test");
    // Operators sign in to the live shop: sessions have no sandbox.
    if (test && str(row, "scope") == QLatin1String("terminal")) {
        v.add("scope", QStringLiteral("A terminal key is a live key: operators sign in to the live shop"), "terminal", "enum");
        return v.error();
    }
    row["environment"] = test ? "test" : "live";
    if (!row.contains("scope") || row["scope"].is_null())
        row["scope"] = "read_write";
    const QString secret = (test ? kTest : kLive) + randomHex32();
    row["key_hash"] = toStd(hashOf(secret));
    row["key_prefix"] = toStd(secret.left(12));
    row["key_last4"] = toStd(secret.right(4));
    if (!scope.actorId.isEmpty())
        row["created_by"] = toStd(scope.actorId);
    return db().write([&](WriteTx &tx) -> Result<CreatedApiKey> {
        auto tenant = repo().tenants.get(tx.db(), scope.tenantId);
        if (!tenant)
            return tenant.error();
        if (flag(*tenant, "is_sandbox"))
            return Error::forbidden(QStringLiteral("API keys belong to the live tenant; create a test key there"));
        auto k = repo().apiKeys.insert(tx, scope, row);
        if (!k)
            return k.error();
        ERY_TRY(m_activity.record(tx, scope, QStringLiteral("create"), QStringLiteral("api_key"), str(*k, "id"), str(*k, "name"),
                                  QStringLiteral("API key %1 (%2…) created").arg(str(*k, "name"), str(*k, "key_prefix"))));
        return CreatedApiKey{publicView(*k), secret};
    });
}

Result<Page> ApiKeyService::list(const Scope &scope, const ListQuery &q)
{
    auto p = repo().apiKeys.list(db(), scope, q);
    if (!p)
        return p.error();
    for (auto &r : p->rows)
        r = publicView(r);
    return p;
}

Result<Row> ApiKeyService::get(const Scope &scope, const QString &id)
{
    auto k = repo().apiKeys.get(db(), scope, id, QStringLiteral("API key"));
    if (!k)
        return k.error();
    return publicView(*k);
}

Result<Row> ApiKeyService::revoke(const Scope &scope, const QString &id)
{
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto k = repo().apiKeys.get(tx.db(), scope, id, QStringLiteral("API key"));
        if (!k)
            return k.error();
        if (!flag(*k, "active"))
            return publicView(*k);
        auto next = repo().apiKeys.update(tx, scope, *k, {{"active", false}, {"revoked_at", toStd(nowIso())}});
        if (!next)
            return next.error();
        ERY_TRY(m_activity.record(tx, scope, QStringLiteral("revoke"), QStringLiteral("api_key"), id, str(*k, "name"),
                                  QStringLiteral("API key %1 revoked").arg(str(*k, "name"))));
        return publicView(*next);
    });
}

Result<ApiKeyIdentity> ApiKeyService::resolve(const QString &presented)
{
    if (!wellFormed(presented))
        return Error::unauthorized(QStringLiteral("Invalid API key format"));
    auto row = ApiKeyRepository().byHash(db(), hashOf(presented));
    if (!row) {
        if (row.error().code == ErrorCode::NotFound)
            return Error::unauthorized(QStringLiteral("Invalid API key"));
        return row.error();
    }
    // Only the holder of the whole key learns it was revoked: the hash matched, so this reveals
    // nothing a guesser could use.
    if (!str(*row, "revoked_at").isEmpty() || !flag(*row, "active"))
        return Error::unauthorized(
            QStringLiteral("This API key was revoked%1; ask an admin for a new one")
                .arg(str(*row, "revoked_at").isEmpty() ? QString() : QStringLiteral(" on ") + str(*row, "revoked_at")));
    ApiKeyIdentity id;
    id.keyId = str(*row, "id");
    id.name = str(*row, "name");
    id.prefix = str(*row, "key_prefix");
    id.liveTenantId = str(*row, "tenant_id");
    id.access = str(*row, "scope");
    id.test = str(*row, "environment") == QLatin1String("test");
    id.plan = str(*row, "plan");
    if ((*row)["rate_limit_per_minute"].is_number())
        id.perMinuteOverride = num(*row, "rate_limit_per_minute");
    id.lastUsedAt = str(*row, "last_used_at");
    const QString tenant = id.test ? str(*row, "sandbox_id") : id.liveTenantId;
    if (tenant.isEmpty())
        return Error::unauthorized(QStringLiteral("This test key's tenant has no sandbox"));
    id.scope = Scope{tenant, {}, QStringLiteral("API key %1").arg(id.name), true};
    return id;
}

Status ApiKeyService::touch(const ApiKeyIdentity &id)
{
    // A hint, not a record: skipped while a long write holds the database rather than waited for.
    if (db().writeHeld())
        return {};
    if (!id.lastUsedAt.isEmpty()) {
        qint64 last = 0;
        if (parseIso(id.lastUsedAt, &last) && Clock::nowMs() - last < kTouchEveryMs)
            return {};
    }
    const Scope live = Scope::of(id.liveTenantId);
    return db().write([&](WriteTx &tx) -> Status {
        auto k = repo().apiKeys.get(tx.db(), live, id.keyId);
        if (!k)
            return k.error();
        auto next = repo().apiKeys.update(tx, live, *k, {{"last_used_at", toStd(nowIso())}});
        if (!next)
            return next.error();
        return {};
    });
}

} // namespace ery::services
