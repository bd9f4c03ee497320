#include "shopsetup.h"

#include "fields.h"
#include "activitylog.h"
#include "catalogservice.h"
#include "tenantservice.h"
#include "userservice.h"
#include "storage/repositories.h"

#include <QTimeZone>

using namespace ery::domain;
using namespace ery::storage;

namespace ery::services {

namespace {
const std::vector<Field> &shopFields()
{
    static const std::vector<Field> f{
        {"name", Field::Text, true, {}, {}, limits::kName},
        {"company_name", Field::Text, false, {}, {}, limits::kName},
        {"enterprise", Field::Text, false, {}, {}, limits::kShort},
        {"site", Field::Text, false, {}, {}, limits::kShort},
        {"area", Field::Text, false, {}, {}, limits::kShort},
        {"timezone", Field::Text, false, {}, {}, 64},
        {"admin_username", Field::Text, true, {}, {}, 100},
        {"admin_password", Field::Text, true, {}, {}, 1000},
        {"admin_full_name", Field::Text, false, {}, {}, limits::kName},
        {"admin_email", Field::Text, false, {}, {}, limits::kName},
        {"cells", Field::TextList, false, {}, {}, limits::kName, {}, 50},
    };
    return f;
}
} // namespace

Result<ShopSetup::Outcome> ShopSetup::create(const Json &input)
{
    Validation v;
    Row in = acceptFields(input, shopFields(), true, v);
    if (input.is_object())
        for (auto it = input.begin(); it != input.end(); ++it) {
            bool known = false;
            for (const Field &f : shopFields())
                known = known || it.key() == f.name;
            if (!known)
                v.add(it.key(), QStringLiteral("unknown field \"%1\"").arg(QString::fromStdString(it.key())), nullptr, "unknown");
        }
    if (in.contains("admin_password") && str(in, "admin_password").size() < 8)
        v.add("admin_password", QStringLiteral("the admin's password must have at least 8 characters"), nullptr, "minLength");
    if (in["timezone"].is_string() && !QTimeZone::isTimeZoneIdAvailable(str(in, "timezone").toUtf8()))
        v.add("timezone", QStringLiteral("timezone must be an IANA time zone such as Europe/Amsterdam"), in["timezone"], "enum");
    for (const char *k : {"enterprise", "site", "area"}) {
        const QString s = str(in, k);
        if (s.contains(QLatin1Char('/')) || s.contains(QLatin1Char('+')) || s.contains(QLatin1Char('#')))
            v.add(k, QStringLiteral("%1 is an MQTT topic level: it cannot hold '/', '+' or '#'").arg(QLatin1String(k)), in[k], "pattern");
    }
    QStringList cells;
    if (in["cells"].is_array())
        for (const auto &c : in["cells"]) {
            const QString name = QString::fromStdString(c.get<std::string>()).trimmed();
            if (name.isEmpty())
                v.add("cells", QStringLiteral("a cell needs a name"), c, "minLength");
            else if (cells.contains(name, Qt::CaseInsensitive))
                v.add("cells", QStringLiteral("cell \"%1\" is named twice").arg(name), c, "uniqueItems");
            else
                cells << name;
        }
    if (!v.ok())
        return v.error();

    Json tenant = Json::object();
    for (const char *k : {"name", "company_name", "enterprise", "site", "area", "timezone"})
        if (in[k].is_string() && !str(in, k).isEmpty())
            tenant[k] = in[k];
    Json admin{{"username", in["admin_username"]},
               {"password", in["admin_password"]},
               {"full_name",
                in["admin_full_name"].is_string() && !str(in, "admin_full_name").isEmpty() ? in["admin_full_name"] : in["admin_username"]}};
    if (in["admin_email"].is_string() && !str(in, "admin_email").isEmpty())
        admin["email"] = in["admin_email"];

    return db().write([&](WriteTx &tx) -> Result<Outcome> {
        auto all = repo().tenants.all(tx.db());
        if (!all)
            return all.error();
        for (const auto &t : *all)
            if (!flag(t, "is_sandbox"))
                return Error{
                    ErrorCode::Conflict,
                    QStringLiteral("this database already has a shop (\"%1\"); use another --db for a new one").arg(str(t, "name")),
                    Json{{"tenant_id", t["id"]}, {"name", t["name"]}}};
        auto pair = m_tenants.create(tenant);
        if (!pair)
            return pair.error();
        Outcome out{pair->live, pair->sandbox, {}, {}};
        for (const Row *t : {&pair->live, &pair->sandbox}) {
            Scope scope = Scope::of(str(*t, "id"));
            auto a = m_users.createAdmin(scope, admin);
            if (!a)
                return a.error();
            if (t == &pair->live)
                out.admin = *a;
            scope.actorId = str(*a, "id");
            scope.actorName = str(*a, "full_name");
            int seq = 1;
            for (const QString &c : cells) {
                auto cell = m_catalog.create(CatalogService::Cells, scope, Json{{"name", toStd(c)}, {"sequence", seq++}});
                if (!cell)
                    return cell.error();
                if (t == &pair->live)
                    out.cells.push_back(*cell);
            }
            ERY_TRY(m_catalog.seedDefaultScrapReasons(scope));
            ERY_TRY(m_activity.record(tx, scope, QStringLiteral("create"), QStringLiteral("tenant"), str(*t, "id"), str(*t, "name"),
                                      QStringLiteral("Shop %1 created with admin %2").arg(str(*t, "name"), str(*a, "username"))));
        }
        return out;
    });
}

} // namespace ery::services
