#include "csvimport.h"

#include "csvsheet.h"

#include "services/services.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>

using namespace ery::domain;
using namespace ery::services;

namespace ery::portability {

namespace {

// The file read and every row converted to the service's JSON: no database needed, so start() does
// it on a worker thread.
struct Prepared {
    CsvImport::Report report;
    std::vector<std::pair<CsvImport::RowResult, Json>> items;
};

Result<Prepared> prepare(const std::vector<Field> &fields, SyncService::Entity entity, const QByteArray &csv,
                         const CsvImport::Options &options)
{
    auto sheet = CsvSheet::read(csv, fields, options.source, CsvImport::kMaxRows);
    if (!sheet)
        return sheet.error();
    Prepared out;
    CsvImport::Report &report = out.report;
    report.entity = SyncService::entityName(entity);
    report.dryRun = options.dryRun;
    report.ignoredColumns = std::move(sheet->ignoredColumns);
    report.separator = QString(QLatin1Char(sheet->separator));
    report.total = int(sheet->rows.size());
    out.items.reserve(sheet->rows.size());
    for (CsvSheet::Row &r : sheet->rows) {
        CsvImport::RowResult row;
        row.line = r.line;
        row.errors = std::move(r.errors);
        row.externalId = std::move(r.externalId);
        out.items.emplace_back(std::move(row), std::move(r.item));
    }
    return out;
}

// One row through the service in a savepoint of its own, so a bad row takes back only its own
// writes. An error is returned only when the database failed, not the row.
Status importRow(Services &s, const Scope &scope, SyncService::Entity entity, CsvImport::RowResult &row, const Json &item,
                 CsvImport::Report &report)
{
    // The row goes to the service even when a cell did not convert, so one answer lists every
    // problem of the row; such a row is then taken back (its savepoint).
    const bool convertedBadly = !row.errors.empty();
    auto out = s.imports.upsertRow(scope, entity, item, convertedBadly);
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
                    row.errors.push_back(
                        {{"column", column}, {"message", d.value("message", Json(""))}, {"value", d.value("value", Json(nullptr))}});
            }
        } else {
            row.errors.push_back({{"column", nullptr}, {"message", toStd(e.message)}, {"code", e.codeName()}});
        }
    }
    if (!row.errors.empty())
        row.action = QStringLiteral("error");
    ++(row.action == QLatin1String("create")      ? report.created
       : row.action == QLatin1String("update")    ? report.updated
       : row.action == QLatin1String("unchanged") ? report.unchanged
                                                  : report.failed);
    return {};
}

// After the last row: whether the file is kept, and if so its history row and import.completed.
Status finish(Services &s, const Scope &scope, const CsvImport::Options &options, CsvImport::Report &report,
              const std::vector<std::pair<CsvImport::RowResult, Json>> &items)
{
    if (options.dryRun || (report.failed > 0 && !options.skipBadRows))
        return s.imports.discard(); // a rehearsal, or a file that goes in whole or not at all
    Json errors = Json::array();
    for (const auto &[row, item] : items)
        if (row.action == QLatin1String("error") && errors.size() < 100)
            errors.push_back({{"line", row.line}, {"external_id", toStd(row.externalId)}, {"errors", row.errors}});
    auto id = s.imports.record(scope,
                               Row{{"entity_type", toStd(report.entity)},
                                   {"operation", "csv_import"},
                                   {"source", toStd(options.fileName.isEmpty() ? QStringLiteral("csv") : options.fileName)},
                                   {"status", report.failed ? "completed_with_errors" : "completed"},
                                   {"total_records", report.total},
                                   {"created_count", report.created},
                                   {"updated_count", report.updated},
                                   {"skipped_count", report.unchanged},
                                   {"error_count", report.failed},
                                   {"errors", errors},
                                   {"completed_at", toStd(nowIso())}},
                               Json{{"entity_type", toStd(report.entity)},
                                    {"source", "csv"},
                                    {"file_name", options.fileName.isEmpty() ? Json(nullptr) : Json(toStd(options.fileName))},
                                    {"total", report.total},
                                    {"created", report.created},
                                    {"updated", report.updated},
                                    {"unchanged", report.unchanged},
                                    {"failed", report.failed},
                                    {"skip_bad_rows", options.skipBadRows}});
    if (!id)
        return id.error();
    report.importId = *id;
    report.committed = true;
    return {};
}

// start(): reads the file on a worker thread, then writes it in steps of kStepMs in the held
// transaction, one event-loop pass each. Lives in the database's thread, as a child of the caller's
// context, so it goes away with it (rolling back what it holds).
class ImportRun : public QObject {
public:
    ImportRun(Services &s, QObject *context, const Scope &scope, SyncService::Entity entity, CsvImport::Options options,
              CsvImport::Done done)
        : QObject(context), m_s(s), m_scope(scope), m_entity(entity), m_options(std::move(options)), m_done(std::move(done))
    {
    }
    ~ImportRun() override
    {
        if (m_holding)
            (void)m_s.imports.holdEnd(false);
    }

    void read(QByteArray csv)
    {
        // The result lands in shared state the worker owns too: this object may be gone by then.
        auto state = std::make_shared<std::optional<Result<Prepared>>>();
        auto *watcher = new QFutureWatcher<void>(this);
        connect(watcher, &QFutureWatcher<void>::finished, this, [this, state, watcher] {
            watcher->deleteLater();
            if (!*state || !**state)
                return end(*state ? (**state).error() : Error::internal(QStringLiteral("reading the file failed")));
            m_work = std::move(***state);
            begin();
        });
        watcher->setFuture(QtConcurrent::run([state, fields = m_s.sync.fieldsOf(m_entity), entity = m_entity, csv = std::move(csv),
                                              options = m_options] { *state = prepare(fields, entity, csv, options); }));
    }

private:
    void begin()
    {
        // One held write at a time: a second import waits for the first to end.
        if (m_s.imports.writeHeld()) {
            m_s.imports.whenWritable(this, [this] { begin(); });
            return;
        }
        if (auto s = m_s.imports.holdBegin(); !s)
            return end(s.error());
        m_holding = true;
        QTimer::singleShot(0, this, [this] { step(); });
    }

    void step()
    {
        QElapsedTimer clock;
        clock.start();
        const size_t total = m_work.items.size();
        auto r = m_s.imports.holdStep([&]() -> Status {
            while (m_next < total && clock.elapsed() < CsvImport::kStepMs) {
                auto &[row, item] = m_work.items[m_next];
                ERY_TRY(importRow(m_s, m_scope, m_entity, row, item, m_work.report));
                item = Json(); // not needed any more
                ++m_next;
                if (m_options.progress && (m_next % 100 == 0 || m_next == total))
                    m_options.progress(int(m_next), int(total));
            }
            if (m_next < total || m_finished)
                return {};
            m_finished = true;
            return finish(m_s, m_scope, m_options, m_work.report, m_work.items);
        });
        if (!r)
            return fail(r.error());
        if (m_next < total || m_work.report.committed) {
            // What this step emitted goes to the outbox now; the last steps before a COMMIT write
            // what is left (PostgreSQL writes it only then), a bounded share each.
            auto pending = m_s.imports.holdFlushOutbox(kFlushRows, m_next == total);
            if (!pending)
                return fail(pending.error());
            if (m_next < total || *pending > kFlushRows) {
                QTimer::singleShot(0, this, [this] { step(); });
                return;
            }
        }
        // The rest of the outbox rows and COMMIT (or the rollback of a rehearsal or a refused file).
        m_holding = false;
        if (auto s = m_s.imports.holdEnd(m_work.report.committed); !s) {
            m_work.report.committed = false;
            return end(s.error());
        }
        for (auto &[row, item] : m_work.items)
            m_work.report.rows.push_back(std::move(row));
        end(std::move(m_work.report));
    }

    void fail(const Error &e)
    {
        m_holding = false;
        (void)m_s.imports.holdEnd(false);
        end(e);
    }

    void end(Result<CsvImport::Report> outcome)
    {
        CsvImport::Done done = std::move(m_done);
        deleteLater();
        if (done)
            done(std::move(outcome));
    }

    // Outbox rows written per step: what one step of rows emits, so the commit has little left.
    static constexpr size_t kFlushRows = 4096;

    Services &m_s;
    Scope m_scope;
    SyncService::Entity m_entity;
    CsvImport::Options m_options;
    CsvImport::Done m_done;
    Prepared m_work;
    size_t m_next = 0;
    bool m_finished = false; // the file's last row is written and its outcome decided
    bool m_holding = false;
};

} // namespace

Json CsvImport::Report::toJson(bool onlyErrors) const
{
    Json rowsOut = Json::array();
    qint64 unchangedLeft = kListedUnchanged;
    for (const RowResult &r : rows) {
        if (onlyErrors && r.action != QLatin1String("error"))
            continue;
        if (r.action == QLatin1String("unchanged") && unchangedLeft-- <= 0)
            continue;
        Json j{{"line", r.line},
               {"action", toStd(r.action)},
               {"external_id", r.externalId.isEmpty() ? Json(nullptr) : Json(toStd(r.externalId))}};
        if (!r.id.isEmpty())
            j["id"] = toStd(r.id);
        if (!r.errors.empty())
            j["errors"] = r.errors;
        rowsOut.push_back(std::move(j));
    }
    Json ignored = Json::array();
    for (const QString &c : ignoredColumns)
        ignored.push_back(toStd(c));
    Json out{{"entity", toStd(entity)},
             {"dry_run", dryRun},
             {"committed", committed},
             {"total", total},
             {"created", created},
             {"updated", updated},
             {"unchanged", unchanged},
             {"failed", failed},
             {"ignored_columns", ignored},
             {"separator", toStd(separator)},
             {"rows", rowsOut}};
    if (!onlyErrors && unchangedLeft < 0)
        out["unchanged_not_listed"] = -unchangedLeft;
    if (!importId.isEmpty())
        out["import_id"] = toStd(importId);
    return out;
}

Result<CsvImport::Report> CsvImport::run(const Scope &scope, SyncService::Entity entity, const QByteArray &csv, const Options &options)
{
    auto prepared = prepare(m_s.sync.fieldsOf(entity), entity, csv, options);
    if (!prepared)
        return prepared.error();
    Report &report = prepared->report;
    auto &items = prepared->items;
    // One transaction; each row a savepoint.
    auto r = m_s.imports.write([&]() -> Status {
        int done = 0;
        const int total = int(items.size());
        for (auto &[row, item] : items) {
            ERY_TRY(importRow(m_s, scope, entity, row, item, report));
            if (options.progress && (++done % 100 == 0 || done == total))
                options.progress(done, total);
        }
        return finish(m_s, scope, options, report, items);
    });
    if (!r)
        return r.error();
    for (auto &[row, item] : items)
        report.rows.push_back(std::move(row));
    return std::move(report);
}

void CsvImport::start(Services &services, QObject *context, const Scope &scope, SyncService::Entity entity, QByteArray csv, Options options,
                      Done done)
{
    auto *run = new ImportRun(services, context, scope, entity, std::move(options), std::move(done));
    run->read(std::move(csv));
}

} // namespace ery::portability
