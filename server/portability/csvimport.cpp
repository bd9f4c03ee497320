#include "csvimport.h"

#include "csvsheet.h"
#include "services/services.h"

namespace ery {


Json CsvImport::Report::toJson(bool onlyErrors) const
{
    Json rowsOut = Json::array();
    for (const RowResult &r : rows) {
        if (onlyErrors && r.action != QLatin1String("error"))
            continue;
        Json j{{"line", r.line}, {"action", js(r.action)}, {"external_id", r.externalId.isEmpty() ? Json(nullptr) : Json(js(r.externalId))}};
        if (!r.id.isEmpty())
            j["id"] = js(r.id);
        if (!r.errors.empty())
            j["errors"] = r.errors;
        rowsOut.push_back(std::move(j));
    }
    Json ignored = Json::array();
    for (const QString &c : ignoredColumns)
        ignored.push_back(js(c));
    Json out{{"entity", js(entity)}, {"dry_run", dryRun}, {"committed", committed}, {"total", total}, {"created", created},
             {"updated", updated}, {"unchanged", unchanged}, {"failed", failed}, {"ignored_columns", ignored}, {"rows", rowsOut}};
    if (!importId.isEmpty())
        out["import_id"] = js(importId);
    return out;
}

Result<CsvImport::Report> CsvImport::run(const Scope &scope, SyncService::Entity entity, const QByteArray &csv, const Options &options)
{
    auto sheet = CsvSheet::read(csv, m_s.sync.fieldsOf(entity), options.source, kMaxRows);
    if (!sheet)
        return sheet.error();
    Report report;
    report.entity = SyncService::entityName(entity);
    report.dryRun = options.dryRun;
    report.ignoredColumns = std::move(sheet->ignoredColumns);
    const int total = int(sheet->rows.size());
    report.total = total;
    std::vector<std::pair<RowResult, Json>> items;
    items.reserve(size_t(total));
    for (CsvSheet::Row &r : sheet->rows) {
        RowResult row;
        row.line = r.line;
        row.errors = std::move(r.errors);
        row.externalId = std::move(r.externalId);
        items.emplace_back(std::move(row), std::move(r.item));
    }

    // One transaction; each row a savepoint, so a bad row takes back only its own writes.
    auto r = m_s.db.write([&](WriteTx &tx) -> Status {
        int done = 0;
        for (auto &[row, item] : items) {
            // The row goes to the service even when a cell did not convert, so one answer lists
            // every problem of the row; such a row is then taken back (its savepoint).
            const bool convertedBadly = !row.errors.empty();
            auto out = m_s.db.attempt([&](WriteTx &t) -> Result<SyncService::Outcome> {
                auto o = m_s.sync.upsertIn(t, scope, entity, item, true);
                if (o && convertedBadly)
                    return Error::badRequest(QStringLiteral("row with unreadable cells"));
                return o;
            });
            if (out) {
                row.action = out->unchanged ? QStringLiteral("unchanged") : out->created ? QStringLiteral("create") : QStringLiteral("update");
                row.id = str(out->row, "id");
            } else if (!convertedBadly || out.error().code != ErrorCode::BadRequest) {
                const Error &e = out.error();
                if (e.code == ErrorCode::Internal)
                    return e; // the database failed, not the row
                if (e.code == ErrorCode::ValidationError && e.details.is_array()) {
                    for (const auto &d : e.details) {
                        // A cell that did not convert is reported once, as it was read.
                        const Json column = d.value("field", Json(nullptr));
                        bool known = false;
                        for (const auto &prev : row.errors)
                            known = known || prev.value("column", Json(nullptr)) == column;
                        if (!known)
                            row.errors.push_back({{"column", column}, {"message", d.value("message", Json(""))}, {"value", d.value("value", Json(nullptr))}});
                    }
                } else {
                    row.errors.push_back({{"column", nullptr}, {"message", js(e.message)}, {"code", e.codeName()}});
                }
            }
            if (!row.errors.empty())
                row.action = QStringLiteral("error");
            ++(row.action == QLatin1String("create") ? report.created : row.action == QLatin1String("update") ? report.updated
                                                                        : row.action == QLatin1String("unchanged") ? report.unchanged
                                                                                                                   : report.failed);
            if (options.progress && (++done % 100 == 0 || done == total))
                options.progress(done, total);
        }
        if (options.dryRun || (report.failed > 0 && !options.skipBadRows)) {
            tx.discard(); // a rehearsal, or a file that goes in whole or not at all
            return {};
        }
        Json errors = Json::array();
        for (const auto &[row, item] : items)
            if (row.action == QLatin1String("error") && errors.size() < 100)
                errors.push_back({{"line", row.line}, {"external_id", js(row.externalId)}, {"errors", row.errors}});
        auto history = m_s.repo.syncImports.insert(tx, scope,
                                                   Row{{"entity_type", js(report.entity)}, {"operation", "csv_import"}, {"source", js(options.fileName.isEmpty() ? QStringLiteral("csv") : options.fileName)},
                                                       {"status", report.failed ? "completed_with_errors" : "completed"},
                                                       {"total_records", report.total}, {"created_count", report.created},
                                                       {"updated_count", report.updated}, {"skipped_count", report.unchanged},
                                                       {"error_count", report.failed}, {"errors", errors}, {"completed_at", js(nowIso())}},
                                                   false);
        if (!history)
            return history.error();
        report.importId = str(*history, "id");
        tx.emitEvent(scope.tenantId, QStringLiteral("import.completed"), report.importId,
                     Json{{"import_id", js(report.importId)}, {"entity_type", js(report.entity)}, {"source", "csv"},
                          {"file_name", options.fileName.isEmpty() ? Json(nullptr) : Json(js(options.fileName))}, {"total", report.total},
                          {"created", report.created}, {"updated", report.updated}, {"unchanged", report.unchanged},
                          {"failed", report.failed}, {"skip_bad_rows", options.skipBadRows}});
        report.committed = true;
        return {};
    });
    if (!r)
        return r.error();
    for (auto &[row, item] : items)
        report.rows.push_back(std::move(row));
    return report;
}

} // namespace ery
