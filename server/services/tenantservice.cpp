#include "tenantservice.h"

#include "core/ids.h"
#include "fields.h"
#include "eventdata.h"
#include "storage/repositories.h"

using namespace ery::storage;

namespace ery::services {

namespace {
const std::vector<Field> &tenantFields()
{
    static const std::vector<Field> f{
        {"name", Field::Text, true, {}, {}, limits::kName},
        {"company_name", Field::Text, false, {}, {}, limits::kName},
        {"abbreviation", Field::Text, false, {}, {}, 10},
        {"timezone", Field::Text, false, {}, {}, 64},
        {"plan", Field::Enum, false, {"free", "pro", "premium", "enterprise"}},
        {"status", Field::Enum, false, {"active", "cancelled", "suspended", "trial"}},
        {"max_jobs", Field::Int, false, {}, 0},
        {"max_parts_per_month", Field::Int, false, {}, 0},
        {"max_storage_mb", Field::Int, false, {}, 0},
        {"rate_limit_per_minute", Field::Int, false, {}, 0},
        {"factory_opening_time", Field::Text, false, {}, {}, 8},
        {"factory_closing_time", Field::Text, false, {}, {}, 8},
        {"working_days_mask", Field::Int, false, {}, 0},
        {"auto_stop_tracking", Field::Bool},
        {"enterprise", Field::Text, false, {}, {}, limits::kShort},
        {"site", Field::Text, false, {}, {}, limits::kShort},
        {"area", Field::Text, false, {}, {}, limits::kShort},
        {"feature_flags", Field::Json},
        {"allow_loopback_webhooks", Field::Bool},
    };
    return f;
}
} // namespace

Result<TenantPair> TenantService::create(const Json &input)
{
    Validation v;
    Row row = acceptFields(input, tenantFields(), true, v);
    if (!v.ok())
        return v.error();
    if (!row.contains("abbreviation")) {
        const QString name = str(row, "name").toUpper();
        QString abbr;
        for (QChar c : name)
            if (c.isLetter() && abbr.size() < 3)
                abbr += c;
        row["abbreviation"] = toStd(abbr.isEmpty() ? QStringLiteral("EMP") : abbr);
    }
    return db().write([&](WriteTx &tx) -> Result<TenantPair> {
        auto live = repo().tenants.insert(tx, row);
        if (!live)
            return live.error();
        Row sb = row;
        sb["name"] = toStd(str(row, "name") + QStringLiteral(" (sandbox)"));
        sb["is_sandbox"] = true;
        sb["sandbox_of"] = (*live)["id"];
        auto sandbox = repo().tenants.insert(tx, sb);
        if (!sandbox)
            return sandbox.error();
        return TenantPair{*live, *sandbox};
    });
}

Result<Row> TenantService::get(const QString &tenantId)
{
    return repo().tenants.get(db(), tenantId);
}

Result<Rows> TenantService::list()
{
    return repo().tenants.all(db());
}

Result<Row> TenantService::sandboxOf(const QString &liveTenantId)
{
    return repo().tenants.sandboxOf(db(), liveTenantId);
}

Result<Row> TenantService::defaultTenant()
{
    auto all = repo().tenants.all(db());
    if (!all)
        return all.error();
    for (const auto &t : *all)
        if (!flag(t, "is_sandbox"))
            return t;
    return Error::notFound(QStringLiteral("tenant (load the demo shop or create one first)"));
}

Result<Row> TenantService::update(const QString &tenantId, const Json &patch)
{
    Validation v;
    Row accepted = acceptFields(patch, tenantFields(), false, v);
    if (!v.ok())
        return v.error();
    auto r = db().write([&](WriteTx &tx) -> Result<Row> {
        auto t = repo().tenants.get(tx.db(), tenantId);
        if (!t)
            return t.error();
        auto next = repo().tenants.update(tx, *t, accepted);
        if (!next)
            return next.error();
        if (!flag(*t, "is_sandbox")) {
            Row follow = Row::object();
            for (const char *k : {"plan", "max_jobs", "max_parts_per_month", "max_storage_mb", "rate_limit_per_minute"})
                if (accepted.contains(k))
                    follow[k] = accepted[k];
            if (!follow.empty()) {
                auto sb = repo().tenants.sandboxOf(tx.db(), tenantId);
                if (sb)
                    ERY_TRY(repo().tenants.update(tx, *sb, follow));
            }
        }
        return next;
    });
    m_eventData.forgetTenant(tenantId);
    if (auto sb = repo().tenants.sandboxOf(db(), tenantId))
        m_eventData.forgetTenant(str(*sb, "id"));
    return r;
}

} // namespace ery::services
