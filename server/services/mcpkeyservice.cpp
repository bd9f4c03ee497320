#include "mcpkeyservice.h"

#include "activitylog.h"
#include "auth/randomtoken.h"
#include "storage/mcpkeyrepository.h"
#include "storage/repositories.h"

#include <QCryptographicHash>
#include <QRegularExpression>

#include <algorithm>
#include <map>

using namespace ery::domain;
using namespace ery::storage;

namespace ery::services {

namespace {
const QString kLive = QStringLiteral("mcp_live_");
const QString kTest = QStringLiteral("mcp_test_");
constexpr int kKeyLength = 41;    // prefix (9) + 32 hex
constexpr int kPrefixLength = 13; // mcp_live_a1b2
constexpr int kToolNameMax = 64;
constexpr int kMaxTools = 200;
constexpr int kStoredToolMax = 200;   // a usage row's tool name, as a client sent it
constexpr int kStoredErrorMax = 2000; // a usage row's error message

bool lowerHex(const QString &s, qsizetype from)
{
    for (qsizetype i = from; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

// The fields a PATCH may change: the environment is part of the key itself.
const std::vector<Field> &updateFields()
{
    static const std::vector<Field> f = [] {
        std::vector<Field> out;
        for (const Field &x : McpKeyService::fields())
            if (qstrcmp(x.name, "environment") != 0 && qstrcmp(x.name, "test") != 0)
                out.push_back(x);
        return out;
    }();
    return f;
}

// allowed_tools: ["*"] or at least one tool name, every name known (or, without a registry to ask,
// of the registry's form). Duplicates are dropped; the list is stored in the order given.
void checkTools(Row &row, const QStringList &knownTools, Validation &v)
{
    if (!row.contains("allowed_tools"))
        return;
    const Json &tools = row["allowed_tools"];
    if (tools.is_null()) {
        v.add("allowed_tools", QStringLiteral("allowed_tools cannot be null (use [\"*\"] for every tool)"), nullptr, "not_null");
        return;
    }
    if (tools.empty()) {
        v.add("allowed_tools", QStringLiteral("allowed_tools needs at least one tool name, or [\"*\"] for every tool"), tools,
              "minItems");
        return;
    }
    static const QRegularExpression form(QStringLiteral("^[a-z][a-z0-9_]{0,63}$"));
    QStringList names, unknown;
    bool star = false;
    for (const auto &t : tools) {
        const QString name = fromStd(t.get<std::string>());
        if (name == QLatin1String("*")) {
            star = true;
            continue;
        }
        if (knownTools.isEmpty() ? !form.match(name).hasMatch() : !knownTools.contains(name)) {
            if (!unknown.contains(name))
                unknown << name;
            continue;
        }
        if (!names.contains(name))
            names << name;
    }
    if (star && (!names.isEmpty() || !unknown.isEmpty())) {
        v.add("allowed_tools", QStringLiteral("\"*\" (every tool) stands alone in allowed_tools"), tools, "enum");
        return;
    }
    if (!unknown.isEmpty()) {
        Json bad = Json::array();
        for (const QString &u : unknown)
            bad.push_back(toStd(u.left(kToolNameMax + 1)));
        v.add("allowed_tools",
              knownTools.isEmpty()
                  ? QStringLiteral("tool names are lowercase letters, digits and _ (at most %1, starting with a letter): %2")
                        .arg(kToolNameMax)
                        .arg(unknown.join(QStringLiteral(", ")).left(500))
                  : QStringLiteral("unknown tools: %1").arg(unknown.join(QStringLiteral(", ")).left(500)),
              bad, knownTools.isEmpty() ? "pattern" : "enum");
        return;
    }
    Json out = Json::array();
    if (star)
        out.push_back("*");
    for (const QString &n : names)
        out.push_back(toStd(n));
    row["allowed_tools"] = out;
}

void checkName(const Row &row, Validation &v)
{
    if (row.contains("name") && row["name"].is_string() && fromStd(row["name"].get<std::string>()).trimmed().isEmpty())
        v.add("name", QStringLiteral("name cannot be empty"), row["name"], "minLength");
}

McpKeyIdentity identityOf(const Row &row)
{
    McpKeyIdentity id;
    id.keyId = str(row, "id");
    id.name = str(row, "name");
    id.prefix = str(row, "key_prefix");
    id.liveTenantId = str(row, "tenant_id");
    id.test = str(row, "environment") == QLatin1String("test");
    const Json tools = row.value("allowed_tools", Json(nullptr));
    if (!tools.is_array()) {
        id.allTools = true; // a row written without a list (before this service) allows what it always did
    } else {
        for (const auto &t : tools) {
            if (!t.is_string())
                continue;
            const QString name = fromStd(t.get<std::string>());
            if (name == QLatin1String("*"))
                id.allTools = true;
            else
                id.allowedTools << name;
        }
    }
    id.ratePerMinute = num(row, "rate_limit", 100);
    return id;
}
} // namespace

QString McpKeyService::hashOf(const QString &key)
{
    return QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex());
}

bool McpKeyService::wellFormed(const QString &key)
{
    return key.size() == kKeyLength && (key.startsWith(kLive) || key.startsWith(kTest)) && lowerHex(key, kLive.size());
}

Row McpKeyService::publicView(Row key)
{
    key.erase("key_hash");
    if (!key.contains("allowed_tools") || !key["allowed_tools"].is_array())
        key["allowed_tools"] = Json::array({"*"});
    return key;
}

const std::vector<Field> &McpKeyService::fields()
{
    static const std::vector<Field> f{{"name", Field::Text, true, {}, {}, limits::kName},
                                      {"description", Field::Text, false, {}, {}, 1000},
                                      {"environment", Field::Enum, false, {"live", "test"}},
                                      {"test", Field::Bool},
                                      {"allowed_tools", Field::TextList, false, {}, {}, kToolNameMax, {}, kMaxTools},
                                      {"rate_limit", Field::Int, false, {}, 1, limits::kText, 100000},
                                      {"enabled", Field::Bool}};
    return f;
}

Result<CreatedMcpKey> McpKeyService::create(const Scope &scope, const Json &input, const QStringList &knownTools)
{
    Validation v;
    Row row = acceptFields(input, fields(), true, v);
    checkName(row, v);
    checkTools(row, knownTools, v);
    if (row.contains("rate_limit") && row["rate_limit"].is_null())
        v.add("rate_limit", QStringLiteral("rate_limit cannot be null"), nullptr, "not_null");
    if (!v.ok())
        return v.error();
    const bool test = str(row, "environment") == QLatin1String("test") || flag(row, "test");
    row.erase("test");
    row["environment"] = test ? "test" : "live";
    if (!row.contains("allowed_tools"))
        row["allowed_tools"] = Json::array({"*"});
    if (!row.contains("rate_limit"))
        row["rate_limit"] = 100;
    if (row.contains("enabled") && row["enabled"].is_null())
        row.erase("enabled");
    const QString secret = (test ? kTest : kLive) + QString::fromLatin1(auth::randomBytes(16).toHex());
    row["key_hash"] = toStd(hashOf(secret));
    row["key_prefix"] = toStd(secret.left(kPrefixLength));
    return db().write([&](WriteTx &tx) -> Result<CreatedMcpKey> {
        auto tenant = repo().tenants.get(tx.db(), scope.tenantId);
        if (!tenant)
            return tenant.error();
        if (flag(*tenant, "is_sandbox"))
            return Error::forbidden(QStringLiteral("MCP keys belong to the live tenant; create a test key there"));
        auto k = repo().mcpKeys.insert(tx, scope, row);
        if (!k)
            return k.error();
        ERY_TRY(m_activity.record(tx, scope, QStringLiteral("create"), QStringLiteral("mcp_key"), str(*k, "id"), str(*k, "name"),
                                  QStringLiteral("MCP key %1 (%2…) created").arg(str(*k, "name"), str(*k, "key_prefix"))));
        return CreatedMcpKey{publicView(*k), secret};
    });
}

Result<Row> McpKeyService::update(const Scope &scope, const QString &id, const Json &patch, const QStringList &knownTools)
{
    Validation v;
    Row p = acceptFields(patch, updateFields(), false, v);
    checkName(p, v);
    checkTools(p, knownTools, v);
    if (!v.ok())
        return v.error();
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto k = repo().mcpKeys.get(tx.db(), scope, id, QStringLiteral("MCP key"));
        if (!k)
            return k.error();
        Json changes = Json::object();
        for (auto it = p.begin(); it != p.end(); ++it)
            if (k->value(it.key(), Json(nullptr)) != it.value())
                changes[it.key()] = {{"old", k->value(it.key(), Json(nullptr))}, {"new", it.value()}};
        if (changes.empty())
            return publicView(*k);
        auto next = repo().mcpKeys.update(tx, scope, *k, p);
        if (!next)
            return next.error();
        ERY_TRY(m_activity.record(tx, scope, QStringLiteral("update"), QStringLiteral("mcp_key"), id, str(*next, "name"),
                                  QStringLiteral("MCP key %1 updated").arg(str(*next, "name")), changes));
        return publicView(*next);
    });
}

Result<Page> McpKeyService::list(const Scope &scope, const ListQuery &q)
{
    auto p = repo().mcpKeys.list(db(), scope, q);
    if (!p)
        return p.error();
    for (auto &r : p->rows)
        r = publicView(r);
    return p;
}

Result<Row> McpKeyService::get(const Scope &scope, const QString &id)
{
    auto k = repo().mcpKeys.get(db(), scope, id, QStringLiteral("MCP key"));
    if (!k)
        return k.error();
    return publicView(*k);
}

Result<Row> McpKeyService::revoke(const Scope &scope, const QString &id)
{
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto k = repo().mcpKeys.get(tx.db(), scope, id, QStringLiteral("MCP key"));
        if (!k)
            return k.error();
        if (!flag(*k, "enabled"))
            return publicView(*k);
        auto next = repo().mcpKeys.update(tx, scope, *k, {{"enabled", false}});
        if (!next)
            return next.error();
        ERY_TRY(m_activity.record(tx, scope, QStringLiteral("revoke"), QStringLiteral("mcp_key"), id, str(*k, "name"),
                                  QStringLiteral("MCP key %1 revoked").arg(str(*k, "name"))));
        return publicView(*next);
    });
}

Result<McpKeyIdentity> McpKeyService::resolve(const QString &presented)
{
    if (!wellFormed(presented))
        return Error::unauthorized(QStringLiteral("Invalid MCP key format"));
    return resolveHash(hashOf(presented));
}

Result<McpKeyIdentity> McpKeyService::resolveHash(const QString &keyHash)
{
    if (keyHash.size() != 64 || !lowerHex(keyHash, 0))
        return Error::unauthorized(QStringLiteral("Invalid MCP key"));
    auto row = McpKeyRepository().byHash(db(), keyHash);
    if (!row) {
        if (row.error().code == ErrorCode::NotFound)
            return Error::unauthorized(QStringLiteral("Invalid MCP key"));
        return row.error();
    }
    // Only the holder of the whole key (or of its hash, from an open session) learns this.
    if (!flag(*row, "enabled"))
        return Error::unauthorized(QStringLiteral("This MCP key was revoked; ask an admin for a new one"));
    McpKeyIdentity id = identityOf(*row);
    const QString tenant = id.test ? str(*row, "sandbox_id") : id.liveTenantId;
    if (tenant.isEmpty())
        return Error::unauthorized(QStringLiteral("This test key's tenant has no sandbox"));
    id.scope = Scope{tenant, {}, QStringLiteral("MCP key %1").arg(id.name), true};
    return id;
}

Status McpKeyService::logUsage(const std::vector<McpUsage> &calls)
{
    if (calls.empty())
        return {};
    // Per key: how many calls and the latest of them.
    struct Tally {
        QString tenantId;
        qint64 count = 0;
        QString last;
    };
    std::map<QString, Tally> perKey;
    std::vector<QString> at;
    at.reserve(calls.size());
    for (const McpUsage &c : calls) {
        if (c.keyId.isEmpty() || c.tenantId.isEmpty() || c.tool.isEmpty())
            return Error::internal(QStringLiteral("an MCP usage row needs its key, tenant and tool"));
        qint64 ms = 0;
        at.push_back(parseIso(c.at, &ms) ? isoOf(ms) : nowIso());
        Tally &t = perKey[c.keyId];
        if (!t.tenantId.isEmpty() && t.tenantId != c.tenantId)
            return Error::internal(QStringLiteral("MCP usage of one key under two tenants"));
        t.tenantId = c.tenantId;
        ++t.count;
        if (at.back() > t.last)
            t.last = at.back();
    }
    return db().write([&](WriteTx &tx) -> Status {
        McpKeyRepository keys;
        for (size_t i = 0; i < calls.size(); ++i) {
            const McpUsage &c = calls[i];
            Row row{{"key_id", toStd(c.keyId)},
                    {"tool_name", toStd(c.tool.left(kStoredToolMax))},
                    {"arguments_digest", c.argumentsDigest.isEmpty() ? Json(nullptr) : Json(toStd(c.argumentsDigest.left(64)))},
                    {"success", c.success},
                    {"error_message", c.errorMessage.isEmpty() ? Json(nullptr) : Json(toStd(c.errorMessage.left(kStoredErrorMax)))},
                    {"response_time_ms", std::max<qint64>(0, c.durationMs)},
                    {"created_at", toStd(at[i])}};
            auto stored = keys.insertUsage(tx, Scope::of(c.tenantId), row);
            if (!stored)
                return stored.error();
        }
        for (const auto &[keyId, t] : perKey) {
            const Scope live = Scope::of(t.tenantId);
            auto k = repo().mcpKeys.get(tx.db(), live, keyId, QStringLiteral("MCP key"));
            if (!k)
                return k.error();
            Row p{{"usage_count", num(*k, "usage_count") + t.count}};
            if (t.last > str(*k, "last_used_at"))
                p["last_used_at"] = toStd(t.last);
            auto next = repo().mcpKeys.update(tx, live, *k, p);
            if (!next)
                return next.error();
        }
        return {};
    });
}

Result<Page> McpKeyService::usage(const Scope &scope, const QString &keyId, const ListQuery &q)
{
    auto k = repo().mcpKeys.get(db(), scope, keyId, QStringLiteral("MCP key"));
    if (!k)
        return k.error();
    ListQuery own = q;
    own.eq.emplace_back(QStringLiteral("key_id"), keyId);
    if (own.sort.isEmpty()) {
        own.sort = QStringLiteral("created_at");
        own.descending = true;
    }
    return repo().mcpKeyUsage.list(db(), scope, own);
}

} // namespace ery::services
