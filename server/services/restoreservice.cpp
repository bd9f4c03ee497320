#include "restoreservice.h"

#include "exportservice.h"
#include "fileservice.h"

#include "auth/randomtoken.h"
#include "auth/secrethash.h"
#include "core/ids.h"
#include "storage/database.h"
#include "storage/tenantloader.h"

#include <QHash>
#include <QSet>

namespace ery::services {

namespace {

// Columns that point at a row of their own table: written once the whole table is in, since a
// child may come before its parent in id order.
const QHash<QString, QString> &selfReferences()
{
    static const QHash<QString, QString> m{{QStringLiteral("parts"), QStringLiteral("parent_part_id")},
                                           {QStringLiteral("operation_batches"), QStringLiteral("parent_batch_id")}};
    return m;
}

// Tables a tenant may already hold and still count as empty: who may sign in, and their logs.
const QSet<QString> &bookkeeping()
{
    static const QSet<QString> s{QStringLiteral("users"),         QStringLiteral("api_keys"),      QStringLiteral("mcp_keys"),
                                 QStringLiteral("mcp_key_usage"), QStringLiteral("activity_log"), QStringLiteral("notifications"),
                                 QStringLiteral("sync_imports")};
    return s;
}

QString text(const Json &v)
{
    return v.is_string() ? QString::fromStdString(v.get<std::string>()) : QString();
}

// What an export withheld, filled in so the row is valid and nothing can be used without the admin:
// keys revoked, webhooks paused with a new secret, clear-text password or PIN (a migration script
// may give them) hashed.
Status completeWithheld(const QString &table, Row &row)
{
    if (table == QLatin1String("users")) {
        for (const char *k : {"password_hash", "pin_hash"})
            row.erase(k);
        if (auto p = row.find("password"); p != row.end()) {
            const QString pw = text(*p);
            row.erase(p);
            if (pw.size() < 8)
                return Error::badRequest(QStringLiteral("users %1: a password needs at least 8 characters").arg(text(row["id"])));
            row["password_hash"] = auth::SecretHash::hash(pw).toStdString();
        }
        if (auto p = row.find("pin"); p != row.end()) {
            const QString pin = text(*p);
            row.erase(p);
            if (!pin.isEmpty())
                row["pin_hash"] = auth::SecretHash::hash(pin).toStdString();
        }
    } else if (table == QLatin1String("api_keys")) {
        row["key_hash"] = QString::fromLatin1(auth::randomBytes(32).toHex()).toStdString();
        row["key_last4"] = "----";
        row["active"] = false;
        if (row.value("revoked_at", Json()).is_null())
            row["revoked_at"] = nowIso().toStdString();
    } else if (table == QLatin1String("mcp_keys")) {
        row["key_hash"] = QString::fromLatin1(auth::randomBytes(32).toHex()).toStdString();
        row["enabled"] = false;
    } else if (table == QLatin1String("webhooks")) {
        row["secret"] = auth::webhookSecret().toStdString();
        for (const char *k : {"previous_secret", "previous_secret_expires_at"})
            row.erase(k);
        if (row.value("active", false)) {
            row["active"] = false;
            row["disabled_reason"] = "restored from an export with a new secret: give it to the receiver, then enable the webhook";
        }
    } else if (table == QLatin1String("mqtt_publishers")) {
        row.erase("password");
        if (!row.value("username", Json()).is_null() && row.value("active", false)) {
            row["active"] = false;
            row["last_error"] = "restored from an export without the broker password: enter it, then enable the publisher";
        }
    }
    return {};
}

} // namespace

Result<bool> RestoreService::isEmpty(const QString &tenantId) const
{
    QStringList tables;
    for (const auto &t : ExportService::tables())
        if (!bookkeeping().contains(t.name))
            tables << t.name;
    auto holds = storage::TenantLoader::holdsRows(db(), tenantId, tables);
    if (!holds)
        return holds.error();
    return !*holds;
}

Result<Json> RestoreService::restore(const Json &tenantInfo, const Feed &feed, const QString &intoTenant)
{
    if (!tenantInfo.is_object() || !tenantInfo.value("id", Json()).is_string())
        return Error::badRequest(QStringLiteral("the export names no tenant (_tenant_info has no id)"));
    const QString fileTenant = text(tenantInfo["id"]);
    const QString tenantId = intoTenant.isEmpty() ? fileTenant : intoTenant;
    const std::shared_ptr<void> hold = m_files ? m_files->holdCollection() : nullptr;
    if (!isUuid(tenantId) && intoTenant.isEmpty())
        return Error::badRequest(QStringLiteral("the export's tenant id is not a uuid"));

    return db().write([&](storage::WriteTx &tx) -> Result<Json> {
        if (intoTenant.isEmpty()) {
            auto exists = storage::TenantLoader::tenantExists(db(), tenantId);
            if (!exists)
                return exists.error();
            if (*exists)
                return Error::conflict(QStringLiteral("this database already holds tenant %1: restore into an empty database, or into an "
                                                      "empty tenant")
                                           .arg(tenantId));
            auto columns = storage::TenantLoader::columns(db(), QStringLiteral("tenants"));
            if (!columns)
                return columns.error();
            Row tenant = Json::object();
            for (auto it = tenantInfo.begin(); it != tenantInfo.end(); ++it)
                if (columns->contains(QString::fromStdString(it.key())))
                    tenant[it.key()] = it.value();
            // A sandbox belongs to its live tenant in the database it came from.
            tenant.erase("sandbox_of");
            if (auto s = storage::TenantLoader::insert(tx, QStringLiteral("tenants"), tenant); !s)
                return Error{s.error().code, QStringLiteral("the tenant row: %1").arg(s.error().message), s.error().details};
        } else {
            auto empty = isEmpty(tenantId);
            if (!empty)
                return empty.error();
            if (!*empty)
                return Error::conflict(QStringLiteral("this tenant already holds shop data: a restore goes into an empty tenant or an empty "
                                                      "database"));
        }

        QHash<QString, QSet<std::string>> columnsOf;
        QHash<QString, int> order;
        for (int i = 0; i < int(ExportService::tables().size()); ++i)
            order.insert(ExportService::tables()[i].name, i);
        int lastOrder = -1;
        Json counts = Json::object();
        std::vector<std::tuple<QString, QString, Json>> later; // table, id, parent

        const Put put = [&](const QString &table, Row &row) -> Status {
            const auto pos = order.constFind(table);
            if (pos == order.constEnd())
                return Error::badRequest(QStringLiteral("the export holds a table this version does not know: %1").arg(table.left(64)));
            if (*pos < lastOrder)
                return Error::badRequest(QStringLiteral("table %1 comes after the tables that refer to it").arg(table));
            lastOrder = *pos;
            if (!row.is_object())
                return Error::badRequest(QStringLiteral("%1: a row is not an object").arg(table));
            const QString id = text(row.value("id", Json()));
            if (id.isEmpty() || id.size() > 64)
                return Error::badRequest(QStringLiteral("%1: a row has no id").arg(table));
            if (auto t = row.find("tenant_id"); t != row.end() && text(*t) != fileTenant)
                return Error::badRequest(QStringLiteral("%1 %2 belongs to another tenant than the export's").arg(table, id));
            row["tenant_id"] = tenantId.toStdString();
            // A file's path (the original's storage path) and a loose file's owner name its tenant.
            if (table == QLatin1String("files") && tenantId != fileTenant) {
                const QString path = text(row.value("path", Json()));
                if (path.startsWith(fileTenant + QLatin1Char('/')))
                    row["path"] = (tenantId + path.mid(fileTenant.size())).toStdString();
                if (text(row.value("owner_kind", Json())) == QLatin1String("tenant") && text(row.value("owner_id", Json())) == fileTenant)
                    row["owner_id"] = tenantId.toStdString();
            }
            // A CSV cell is text: flags come back as booleans; numbers are converted by the database.
            for (auto it = row.begin(); it != row.end(); ++it)
                if (it->is_string() && storage::Database::columnKind(QString::fromStdString(it.key())) == storage::Database::ColumnKind::Bool) {
                    const std::string v = it->get<std::string>();
                    if (v != "true" && v != "false" && v != "1" && v != "0")
                        return Error::badRequest(QStringLiteral("%1 %2: %3 must be true or false").arg(table, id, QString::fromStdString(it.key())));
                    *it = v == "true" || v == "1";
                }
            if (auto s = completeWithheld(table, row); !s)
                return s;
            auto cols = columnsOf.find(table);
            if (cols == columnsOf.end()) {
                auto c = storage::TenantLoader::columns(db(), table);
                if (!c)
                    return c.error();
                QSet<std::string> names;
                for (const QString &n : *c)
                    names.insert(n.toStdString());
                cols = columnsOf.insert(table, names);
            }
            for (auto it = row.begin(); it != row.end(); ++it)
                if (!cols->contains(it.key()))
                    return Error::badRequest(QStringLiteral("%1 has no column %2 (an export of a newer version?)")
                                                 .arg(table, QString::fromStdString(it.key()).left(64)));
            if (const QString self = selfReferences().value(table); !self.isEmpty()) {
                const std::string key = self.toStdString();
                if (auto p = row.find(key); p != row.end() && !p->is_null()) {
                    later.emplace_back(table, id, *p);
                    *p = nullptr;
                }
            }
            if (auto s = storage::TenantLoader::insert(tx, table, row); !s)
                return Error{s.error().code, QStringLiteral("%1 %2: %3").arg(table, id, s.error().message), s.error().details};
            auto &n = counts[table.toStdString()];
            n = n.is_null() ? 1 : n.get<qint64>() + 1;
            return {};
        };
        if (auto s = feed(put); !s)
            return s.error();
        for (const auto &[table, id, parent] : later)
            if (auto s = storage::TenantLoader::setColumn(tx, table, id, selfReferences().value(table), parent); !s)
                return Error{s.error().code, QStringLiteral("%1 %2: %3").arg(table, id, s.error().message), s.error().details};
        return Json{{"tenant_id", tenantId.toStdString()}, {"tables", counts}};
    });
}

} // namespace ery::services
