#include "settingsservice.h"

#include "activitylog.h"
#include "eventdata.h"
#include "storage/repositories.h"

#include <QTimeZone>

using namespace ery::domain;
using namespace ery::storage;

namespace ery::services {

const std::vector<Field> &SettingsService::fields()
{
    static const std::vector<Field> f{
        {"name", Field::Text, true, {}, {}, limits::kName},
        {"company_name", Field::Text, false, {}, {}, limits::kName},
        {"enterprise", Field::Text, true, {}, {}, limits::kShort},
        {"site", Field::Text, true, {}, {}, limits::kShort},
        {"area", Field::Text, true, {}, {}, limits::kShort},
        {"timezone", Field::Text, true, {}, {}, 64},
        {"enforce_wip_limits", Field::Bool, true},
        {"allow_loopback_webhooks", Field::Bool, true},
        {"rate_limit_per_minute", Field::Int, false, {}, 1, limits::kText, 1000000},
        {"plan", Field::Enum, true, {"free", "pro", "premium", "enterprise"}},
        {"max_jobs", Field::Int, false, {}, 0},
        {"max_parts_per_month", Field::Int, false, {}, 0},
        {"max_storage_mb", Field::Int, false, {}, 0},
    };
    return f;
}

namespace {

Json settingsOf(const Row &tenant)
{
    Json out = Json::object();
    for (const Field &f : SettingsService::fields())
        out[f.name] = tenant.value(f.name, Json(nullptr));
    out["tenant_id"] = tenant["id"];
    out["is_sandbox"] = flag(tenant, "is_sandbox");
    return out;
}

// ISA-95 names are MQTT topic levels: no level separator, no wildcard.
bool validTopicLevel(const QString &s)
{
    return !s.contains(QLatin1Char('/')) && !s.contains(QLatin1Char('+')) && !s.contains(QLatin1Char('#'));
}

} // namespace

Result<Json> SettingsService::get(const Scope &scope)
{
    auto t = repo().tenants.get(db(), scope.tenantId);
    if (!t)
        return t.error();
    return settingsOf(*t);
}

Result<Json> SettingsService::update(const Scope &scope, const Json &patch)
{
    Validation v;
    if (!patch.is_object()) {
        v.add("body", QStringLiteral("must be a JSON object of settings"), nullptr, "object");
        return v.error();
    }
    QStringList known;
    for (const Field &f : fields())
        known << QLatin1String(f.name);
    for (auto it = patch.begin(); it != patch.end(); ++it)
        if (!known.contains(QString::fromStdString(it.key())))
            v.add(it.key(),
                  QStringLiteral("unknown setting \"%1\"; the settings are: %2")
                      .arg(QString::fromStdString(it.key()), known.join(QStringLiteral(", "))),
                  nullptr, "unknown");
    if (patch.empty())
        v.add("body", QStringLiteral("no setting given; the settings are: %1").arg(known.join(QStringLiteral(", "))), nullptr,
              "minProperties");
    Row accepted = acceptFields(patch, fields(), false, v);
    if (accepted.contains("timezone") && !QTimeZone::isTimeZoneIdAvailable(str(accepted, "timezone").toUtf8()))
        v.add("timezone", QStringLiteral("timezone must be an IANA time zone such as Europe/Amsterdam"), accepted["timezone"], "enum");
    for (const char *k : {"enterprise", "site", "area"})
        if (accepted.contains(k) && !validTopicLevel(str(accepted, k)))
            v.add(k, QStringLiteral("%1 is an MQTT topic level: it cannot hold '/', '+' or '#'").arg(QLatin1String(k)), accepted[k],
                  "pattern");
    if (!v.ok())
        return v.error();

    QStringList touched{scope.tenantId};
    auto written = db().write([&](WriteTx &tx) -> Result<Json> {
        auto t = repo().tenants.get(tx.db(), scope.tenantId);
        if (!t)
            return t.error();
        Json changes = Json::object();
        Row patchRow = Row::object();
        for (auto it = accepted.begin(); it != accepted.end(); ++it) {
            const Json before = t->value(it.key(), Json(nullptr));
            if (before == it.value())
                continue;
            changes[it.key()] = Json{{"old", before}, {"new", it.value()}};
            patchRow[it.key()] = it.value();
        }
        if (patchRow.empty())
            return settingsOf(*t); // nothing changed: no audit row, no event
        auto next = repo().tenants.update(tx, *t, patchRow);
        if (!next)
            return next.error();
        if (!flag(*t, "is_sandbox")) {
            if (auto sb = repo().tenants.sandboxOf(tx.db(), scope.tenantId)) {
                Row follow = patchRow;
                if (follow.contains("name"))
                    follow["name"] = toStd(str(follow, "name") + QStringLiteral(" (sandbox)"));
                ERY_TRY(repo().tenants.update(tx, *sb, follow));
                touched << str(*sb, "id");
            }
        }
        QStringList names;
        for (auto it = changes.begin(); it != changes.end(); ++it)
            names << QString::fromStdString(it.key());
        ERY_TRY(m_activity.record(tx, scope, QStringLiteral("update"), QStringLiteral("settings"), scope.tenantId, str(*next, "name"),
                                  QStringLiteral("Shop settings changed: %1").arg(names.join(QStringLiteral(", "))), changes));
        const Json settings = settingsOf(*next);
        tx.emitEvent(scope.tenantId, QStringLiteral("settings.updated"), scope.tenantId,
                     Json{{"tenant_id", toStd(scope.tenantId)}, {"changed", changes}, {"settings", settings}});
        return settings;
    });
    for (const QString &id : touched)
        m_eventData.forgetTenant(id);
    return written;
}

Result<Json> SettingsService::parseValue(const QString &key, const QString &text)
{
    const Field *field = nullptr;
    QStringList known;
    for (const Field &f : fields()) {
        known << QLatin1String(f.name);
        if (key == QLatin1String(f.name))
            field = &f;
    }
    if (!field)
        return Error::badRequest(QStringLiteral("unknown setting \"%1\"; the settings are: %2").arg(key, known.join(QStringLiteral(", "))));
    if (text == QLatin1String("null") && !field->required)
        return Json(nullptr);
    switch (field->type) {
    case Field::Bool:
        if (text == QLatin1String("true") || text == QLatin1String("on") || text == QLatin1String("yes"))
            return Json(true);
        if (text == QLatin1String("false") || text == QLatin1String("off") || text == QLatin1String("no"))
            return Json(false);
        return Error::badRequest(QStringLiteral("%1 needs true or false, got \"%2\"").arg(key, text));
    case Field::Int: {
        bool ok = false;
        const qint64 n = text.toLongLong(&ok);
        if (!ok)
            return Error::badRequest(QStringLiteral("%1 needs a whole number (or null for none), got \"%2\"").arg(key, text));
        return Json(n);
    }
    default: return Json(toStd(text));
    }
}

} // namespace ery::services
