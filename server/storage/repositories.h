#pragma once

#include "analyticsrepository.h"
#include "hubrepository.h"
#include "table.h"
#include "tenantrepository.h"

namespace ery::storage {

// One repository per aggregate. Named queries live here so services never write SQL.
struct Repositories {
    TenantRepository tenants;
    HubRepository hubs;
    AnalyticsRepository analytics;
    Table users{QStringLiteral("users"), false, {QStringLiteral("full_name"), QStringLiteral("username"), QStringLiteral("employee_id")}};
    Table cells{QStringLiteral("cells"), false, {QStringLiteral("name"), QStringLiteral("description")}};
    Table resources{
        QStringLiteral("resources"), true, {QStringLiteral("name"), QStringLiteral("identifier"), QStringLiteral("description")}};
    Table operationResources{QStringLiteral("operation_resources"), false};
    Table materials{QStringLiteral("materials"), false, {QStringLiteral("name"), QStringLiteral("description")}};
    Table jobs{QStringLiteral("jobs"), true, {QStringLiteral("job_number"), QStringLiteral("customer"), QStringLiteral("notes")}};
    Table parts{QStringLiteral("parts"), true, {QStringLiteral("part_number"), QStringLiteral("material"), QStringLiteral("notes")}};
    Table operations{QStringLiteral("operations"), true, {QStringLiteral("operation_name"), QStringLiteral("notes")}};
    Table timeEntries{QStringLiteral("time_entries"), false};
    Table timeEntryPauses{QStringLiteral("time_entry_pauses"), false};
    Table substeps{QStringLiteral("substeps"), false, {QStringLiteral("name")}};
    Table substepTemplates{QStringLiteral("substep_templates"), false, {QStringLiteral("name"), QStringLiteral("description")}};
    Table substepTemplateItems{QStringLiteral("substep_template_items"), false};
    Table scrapReasons{QStringLiteral("scrap_reasons"), false, {QStringLiteral("code"), QStringLiteral("description")}};
    Table quantities{QStringLiteral("operation_quantities"), false};
    Table quantityScrapReasons{QStringLiteral("operation_quantity_scrap_reasons"), false};
    Table issueCategories{QStringLiteral("issue_categories"), false, {QStringLiteral("code"), QStringLiteral("description")}};
    Table issues{QStringLiteral("issues"), false, {QStringLiteral("title"), QStringLiteral("description")}};
    Table assignments{QStringLiteral("assignments"), false};
    Table notifications{QStringLiteral("notifications"), false, {QStringLiteral("title"), QStringLiteral("message")}};
    Table activity{QStringLiteral("activity_log"), false, {QStringLiteral("description"), QStringLiteral("entity_name")}};
    Table apiKeys{QStringLiteral("api_keys"), false, {QStringLiteral("name")}};
    Table mcpKeys{QStringLiteral("mcp_keys"), false, {QStringLiteral("name")}};
    Table mcpKeyUsage{QStringLiteral("mcp_key_usage"), false, {QStringLiteral("tool_name")}};
    Table webhooks{QStringLiteral("webhooks"), false, {QStringLiteral("url"), QStringLiteral("description")}};
    Table webhookDeliveries{QStringLiteral("webhook_deliveries"), false};
    Table webhookLogs{QStringLiteral("webhook_logs"), false};
    Table mqttLogs{QStringLiteral("mqtt_logs"), false};
    Table mqttPublishers{QStringLiteral("mqtt_publishers"), false, {QStringLiteral("name"), QStringLiteral("broker_url")}};
    Table syncImports{QStringLiteral("sync_imports"), false};
    Table batches{QStringLiteral("operation_batches"), false, {QStringLiteral("batch_number"), QStringLiteral("material")}};
    Table batchOperations{QStringLiteral("batch_operations"), false};
    Table files{QStringLiteral("files"), false, {QStringLiteral("name")}};
    Table fileLinks{QStringLiteral("file_links"), false};

    // --- named queries ---------------------------------------------------------------------------
    Result<Rows> operationsOfPart(Database &db, const domain::Scope &s, const QString &partId) const;
    Result<Rows> partsOfJob(Database &db, const domain::Scope &s, const QString &jobId) const;
    // The in-progress operation with the lowest cell sequence among the given parts' operations.
    Result<QString> currentCellOfPart(Database &db, const domain::Scope &s, const QString &partId) const;
    Result<QString> currentCellOfJob(Database &db, const domain::Scope &s, const QString &jobId) const;
    Result<Rows> openEntriesOfWorker(Database &db, const domain::Scope &s, const QString &workerId) const;
    Result<Rows> openEntriesOfOperation(Database &db, const domain::Scope &s, const QString &operationId) const;
    Result<Rows> allOpenEntries(Database &db, const domain::Scope &s) const;
    // The worker's entries sharing time with [startIso, endIso): closed ones that end after the
    // start and open ones (running until now) that began before the end; earliest first.
    Result<Rows> entriesOfWorkerOverlapping(Database &db, const domain::Scope &s, const QString &workerId, const QString &startIso,
                                            const QString &endIso) const;
    // Holds the worker's row until the transaction ends, so two bookings for one worker are checked
    // one after the other (PostgreSQL; SQLite's writers are serialised already).
    Status lockWorker(WriteTx &tx, const domain::Scope &s, const QString &workerId) const;
    Result<Rows> openPausesOfEntry(Database &db, const domain::Scope &s, const QString &entryId) const;
    Result<qint64> pausedSecondsOfEntry(Database &db, const domain::Scope &s, const QString &entryId) const;
    Result<qint64> closedMinutesOfOperation(Database &db, const domain::Scope &s, const QString &operationId) const;
    Result<qint64> pendingStandstills(Database &db, const domain::Scope &s, const QString &operationId, const QString &exceptIssueId) const;
    Result<qint64> openJobCount(Database &db, const domain::Scope &s) const;
    Result<qint64> partQuantityThisMonth(Database &db, const domain::Scope &s, const QString &monthStartIso) const;
    // WIP of a cell: distinct jobs with a not_started or in_progress operation there.
    Result<qint64> cellWip(Database &db, const domain::Scope &s, const QString &cellId, const QString &exceptJobId = {}) const;
    // The WIP of every active cell (not deleted, active) in one query: {cell_id, wip}.
    Result<Rows> wipByCell(Database &db, const domain::Scope &s) const;
    Result<qint64> runningOperationsInCell(Database &db, const domain::Scope &s, const QString &cellId) const;
    Result<Rows> admins(Database &db, const domain::Scope &s) const;
    Result<Row> byExternal(Database &db, const Table &t, const domain::Scope &s, const QString &source, const QString &externalId) const;
    // Jobs with their progress (part_count, operation_count, operations_completed, bullet_parts,
    // current_cell_name), a page of them as q asks: q.eq may hold status, open (1: not completed,
    // 0: completed) and bullet (1: has bullet card parts, 0: has none); q.search matches the job
    // number and customer; q.sort is one of overviewSorts() (default: soonest due first, undated
    // last). A limit of 0 or less answers every match.
    Result<domain::Page> jobsOverview(Database &db, const domain::Scope &s, const domain::ListQuery &q) const;
    static const QStringList &overviewSorts();
    // A batch's operations in batch order, each with its batch_operations row's fields.
    Result<Rows> operationsOfBatch(Database &db, const domain::Scope &s, const QString &batchId) const;
    // Totals of the sync history (optionally of one entity type and source): total_syncs,
    // successful, failed, total_created, total_updated, total_errors.
    Result<Row> syncImportTotals(Database &db, const domain::Scope &s, const QString &entityType, const QString &source) const;

    void loadColumns(Database &db) const;
};

} // namespace ery::storage
