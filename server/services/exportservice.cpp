#include "exportservice.h"

#include "fileservice.h"
#include "tenantreader.h"

#include "storage/tenantsnapshot.h"

namespace ery::services {

namespace {
QStringList cols(std::initializer_list<const char *> names)
{
    QStringList out;
    for (const char *n : names)
        out << QLatin1String(n);
    return out;
}
} // namespace

const std::vector<ExportService::TableSpec> &ExportService::tables()
{
    // Parents before children, so a restore writes every row after the rows it refers to. Left out:
    // webhook deliveries and MQTT messages (queues of sends still to make, not data), the outbox.
    static const std::vector<TableSpec> t{
        {QStringLiteral("users"), cols({"password_hash", "pin_hash"})},
        {QStringLiteral("cells"), {}},
        {QStringLiteral("resources"), {}},
        {QStringLiteral("materials"), {}},
        {QStringLiteral("jobs"), {}},
        {QStringLiteral("parts"), {}},
        {QStringLiteral("operations"), {}},
        {QStringLiteral("operation_resources"), {}},
        {QStringLiteral("time_entries"), {}},
        {QStringLiteral("time_entry_pauses"), {}},
        {QStringLiteral("substep_templates"), {}},
        {QStringLiteral("substep_template_items"), {}},
        {QStringLiteral("substeps"), {}},
        {QStringLiteral("scrap_reasons"), {}},
        {QStringLiteral("operation_quantities"), {}},
        {QStringLiteral("operation_quantity_scrap_reasons"), {}},
        {QStringLiteral("issue_categories"), {}},
        {QStringLiteral("issues"), {}},
        // Attached files' rows (owner part, operation, issue or the tenant); their bytes go into a
        // ZIP export beside the tables, and the signed links (file_links) are not data.
        {QStringLiteral("files"), {}},
        {QStringLiteral("assignments"), {}},
        {QStringLiteral("operation_batches"), {}},
        {QStringLiteral("batch_operations"), {}},
        {QStringLiteral("notifications"), {}},
        {QStringLiteral("activity_log"), {}},
        // Keys as name, prefix and scope: which keys existed, never a way to use one.
        {QStringLiteral("api_keys"), cols({"key_hash", "key_last4", "created_by", "last_used_at"})},
        {QStringLiteral("mcp_keys"), cols({"key_hash", "usage_count", "last_used_at"})},
        {QStringLiteral("mcp_key_usage"), {}},
        {QStringLiteral("webhooks"), cols({"secret", "previous_secret", "previous_secret_expires_at"})},
        // The attempt log, without the queued deliveries it points at.
        {QStringLiteral("webhook_logs"), cols({"delivery_id"})},
        {QStringLiteral("mqtt_publishers"), cols({"password"})},
        {QStringLiteral("mqtt_logs"), {}},
        {QStringLiteral("sync_imports"), {}},
    };
    return t;
}

const ExportService::TableSpec *ExportService::table(const QString &name)
{
    for (const TableSpec &t : tables())
        if (t.name == name)
            return &t;
    return nullptr;
}

Result<std::unique_ptr<TenantReader>> ExportService::open(const domain::Scope &scope) const
{
    auto snap = storage::TenantSnapshot::open(db(), scope.tenantId);
    if (!snap)
        return snap.error();
    auto reader = std::make_unique<TenantReader>(std::move(*snap));
    if (m_files)
        reader->keep(m_files->holdCollection());
    return reader;
}

Result<std::unique_ptr<QIODevice>> ExportService::openBlob(const QByteArray &sha256) const
{
    if (!m_files)
        return Error::internal(QStringLiteral("The file store is not configured"));
    return m_files->openBlob(sha256);
}

int ExportService::schemaVersion() const
{
    return db().schemaVersion();
}

} // namespace ery::services
