#include "csvimport.h"

#include "csvcolumns.h"
#include "csvsheet.h"

#include "services/services.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QTimer>

#include <limits>
#include <optional>

using namespace ery::domain;
using namespace ery::services;

namespace ery::portability {

namespace {

// Outbox rows a held write keeps in memory at most between two steps: all that one step emitted.
constexpr size_t kAllPending = std::numeric_limits<size_t>::max();
// Rows run() writes between two writes of their outbox rows.
constexpr int kRunStepRows = 500;

// One file's import, row by row, inside the held write: run() drives it in a loop, ImportRun in
// steps between which the thread serves others.
class Importer {
public:
    Importer(Services &s, const Scope &scope, SyncService::Entity entity, CsvImport::Options options, CsvSheet sheet, qint64 bytesTotal)
        : m_s(s), m_scope(scope), m_entity(entity), m_options(std::move(options)), m_sheet(std::move(sheet)), m_bytesTotal(bytesTotal)
    {
        m_report.entity = SyncService::entityName(entity);
        m_report.dryRun = m_options.dryRun;
        m_report.ignoredColumns = m_sheet.ignoredColumns();
        m_report.separator = QString(QLatin1Char(m_sheet.separator()));
        m_report.encoding = m_sheet.encoding();
    }

    // Rows until the file ends, the import is cancelled or more() says to stop. An error: the
    // database failed, or the file turned out not to be CSV text further on.
    Status pump(const std::function<bool()> &more)
    {
        while (!m_ended && more()) {
            if (m_options.cancelled && m_options.cancelled()) {
                m_report.cancelled = true;
                m_ended = true;
                break;
            }
            CsvSheet::Row row;
            auto got = m_sheet.next(&row);
            if (!got)
                return got.error();
            if (!*got) {
                m_ended = true;
                tell();
                break;
            }
            ERY_TRY(importRow(row));
            if (m_report.total % CsvImport::kProgressRows == 0)
                tell();
        }
        return {};
    }

    // The last row is written, or the import was cancelled.
    bool ended() const { return m_ended; }

    // After the last row: whether the file is kept, and if so its history row and import.completed.
    Status finish()
    {
        CsvImport::Report &report = m_report;
        if (report.cancelled || m_options.dryRun || (report.failed > 0 && !m_options.skipBadRows))
            return m_s.imports.discard(); // a rehearsal, a cancelled import, or a file that goes in whole or not at all
        ERY_TRY(m_s.imports.forgetKeys());
        Json errors = Json::array();
        for (const auto &row : report.rows)
            if (row.action == QLatin1String("error") && errors.size() < 100)
                errors.push_back({{"line", row.line}, {"external_id", toStd(row.externalId)}, {"errors", row.errors}});
        const QString fileName = m_options.fileName;
        auto id = m_s.imports.record(m_scope,
                                     Row{{"entity_type", toStd(report.entity)},
                                         {"operation", "csv_import"},
                                         {"source", toStd(fileName.isEmpty() ? QStringLiteral("csv") : fileName)},
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
                                          {"file_name", fileName.isEmpty() ? Json(nullptr) : Json(toStd(fileName))},
                                          {"total", report.total},
                                          {"created", report.created},
                                          {"updated", report.updated},
                                          {"unchanged", report.unchanged},
                                          {"failed", report.failed},
                                          {"skip_bad_rows", m_options.skipBadRows}});
        if (!id)
            return id.error();
        report.importId = *id;
        report.committed = true;
        return {};
    }

    CsvImport::Report &report() { return m_report; }

private:
    void tell()
    {
        if (m_options.progress)
            m_options.progress({m_report.total, m_sheet.bytesRead(), m_bytesTotal});
    }

    // One row through the service in a savepoint of its own, so a bad row takes back only its own
    // writes. An error is returned only when the database failed, not the row.
    Status importRow(CsvSheet::Row &in)
    {
        CsvImport::RowResult row;
        row.line = in.line;
        row.errors = std::move(in.errors);
        row.externalId = std::move(in.externalId);
        const QString source = str(in.item, "external_source");
        if (!row.externalId.isEmpty() && !source.isEmpty()) {
            auto first = m_s.imports.claimKey(source, row.externalId, row.line);
            if (!first)
                return first.error();
            if (*first > 0) {
                row.errors.push_back(
                    {{"column", "external_id"},
                     {"message", toStd(QStringLiteral("external_id %1 of source %2 is on line %3 already: a file names each record once")
                                           .arg(row.externalId.left(200), source.left(100))
                                           .arg(*first))},
                     {"value", toStd(row.externalId)}});
                row.action = QStringLiteral("error");
                m_report.add(std::move(row));
                return {};
            }
        }
        // The row goes to the service even when a cell did not convert, so one answer lists every
        // problem of the row; such a row is then taken back (its savepoint).
        const bool convertedBadly = !row.errors.empty();
        auto out = m_s.imports.upsertRow(m_scope, m_entity, in.item, convertedBadly);
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
        m_report.add(std::move(row));
        return {};
    }

    Services &m_s;
    Scope m_scope;
    SyncService::Entity m_entity;
    CsvImport::Options m_options;
    CsvSheet m_sheet;
    qint64 m_bytesTotal;
    CsvImport::Report m_report;
    bool m_ended = false;
};

Result<std::unique_ptr<Importer>> openImport(Services &s, const Scope &scope, SyncService::Entity entity, QIODevice &in,
                                             const CsvImport::Options &options)
{
    auto sheet = CsvSheet::open(in, s.sync.fieldsOf(entity), options.source, CsvColumns::aliasesOf(SyncService::entityName(entity)));
    if (!sheet)
        return sheet.error();
    return std::make_unique<Importer>(s, scope, entity, options, std::move(*sheet), in.isSequential() ? -1 : in.size());
}

// start(): writes the file in steps of kStepMs in the held transaction, one event-loop pass each.
// Lives in the database's thread, as a child of the caller's context, so it goes away with it
// (rolling back what it holds).
class ImportRun : public QObject {
public:
    ImportRun(Services &s, QObject *context, const Scope &scope, SyncService::Entity entity, std::unique_ptr<QIODevice> in,
              CsvImport::Options options, CsvImport::Done done)
        : QObject(context), m_s(s), m_scope(scope), m_entity(entity), m_in(std::move(in)), m_options(std::move(options)),
          m_done(std::move(done))
    {
    }
    ~ImportRun() override
    {
        if (m_holding)
            (void)m_s.imports.holdEnd(false);
    }

    void begin()
    {
        // One held write at a time: a second import waits for the first to end.
        if (m_s.imports.writeHeld()) {
            m_s.imports.whenWritable(this, [this] { begin(); });
            return;
        }
        if (!m_work) {
            auto opened = openImport(m_s, m_scope, m_entity, *m_in, m_options);
            if (!opened)
                return end(opened.error());
            m_work = std::move(*opened);
        }
        if (auto s = m_s.imports.holdBegin(); !s)
            return end(s.error());
        m_holding = true;
        QTimer::singleShot(0, this, [this] { step(); });
    }

private:
    void step()
    {
        QElapsedTimer clock;
        clock.start();
        Importer &work = *m_work;
        auto r = m_s.imports.holdStep([&]() -> Status {
            ERY_TRY(work.pump([&] { return clock.elapsed() < CsvImport::kStepMs; }));
            if (!work.ended() || m_finished)
                return {};
            m_finished = true;
            return work.finish();
        });
        if (!r)
            return fail(r.error());
        if (!work.ended() || work.report().committed) {
            // What this step emitted goes to the outbox now; the last steps before a COMMIT write
            // what is left (PostgreSQL writes it only then), a bounded share each.
            auto pending = m_s.imports.holdFlushOutbox(work.ended() ? kFlushRows : kAllPending, work.ended());
            if (!pending)
                return fail(pending.error());
            if (!work.ended() || *pending > kFlushRows) {
                QTimer::singleShot(0, this, [this] { step(); });
                return;
            }
        }
        // The rest of the outbox rows and COMMIT (or the rollback of a rehearsal, a cancelled import
        // or a refused file).
        m_holding = false;
        if (auto s = m_s.imports.holdEnd(work.report().committed); !s) {
            work.report().committed = false;
            return end(s.error());
        }
        end(std::move(work.report()));
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

    // Outbox rows written per closing step: what one step of rows emits, so the commit has little left.
    static constexpr size_t kFlushRows = 4096;

    Services &m_s;
    Scope m_scope;
    SyncService::Entity m_entity;
    std::unique_ptr<QIODevice> m_in;
    CsvImport::Options m_options;
    CsvImport::Done m_done;
    std::unique_ptr<Importer> m_work;
    bool m_finished = false; // the file's last row is written and its outcome decided
    bool m_holding = false;
};

} // namespace

void CsvImport::Report::add(RowResult row)
{
    ++total;
    bool listed = false;
    if (row.action == QLatin1String("error")) {
        listed = ++failed <= kListedErrors;
    } else if (row.action == QLatin1String("unchanged")) {
        listed = ++unchanged <= kListedUnchanged;
    } else {
        ++(row.action == QLatin1String("create") ? created : updated);
        listed = created + updated <= kListedChanges;
    }
    if (listed)
        rows.push_back(std::move(row));
    else
        ++notListed;
}

Json CsvImport::Report::toJson(bool onlyErrors) const
{
    Json rowsOut = Json::array();
    for (const RowResult &r : rows) {
        if (onlyErrors && r.action != QLatin1String("error"))
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
             {"cancelled", cancelled},
             {"total", total},
             {"created", created},
             {"updated", updated},
             {"unchanged", unchanged},
             {"failed", failed},
             {"ignored_columns", ignored},
             {"separator", toStd(separator)},
             {"encoding", toStd(encoding)},
             {"rows", rowsOut},
             {"rows_not_listed", notListed}};
    if (!importId.isEmpty())
        out["import_id"] = toStd(importId);
    return out;
}

Result<CsvImport::Report> CsvImport::run(const Scope &scope, SyncService::Entity entity, QIODevice &in, const Options &options)
{
    auto opened = openImport(m_s, scope, entity, in, options);
    if (!opened)
        return opened.error();
    Importer &work = **opened;
    ERY_TRY(m_s.imports.holdBegin());
    auto fail = [&](const Error &e) -> Result<Report> {
        (void)m_s.imports.holdEnd(false);
        return e;
    };
    // One transaction, each row a savepoint; the outbox rows written every few hundred rows.
    while (!work.ended()) {
        int budget = kRunStepRows;
        if (auto s = m_s.imports.holdStep([&] { return work.pump([&] { return budget-- > 0; }); }); !s)
            return fail(s.error());
        if (auto pending = m_s.imports.holdFlushOutbox(kAllPending, false); !pending)
            return fail(pending.error());
    }
    if (auto s = m_s.imports.holdStep([&] { return work.finish(); }); !s)
        return fail(s.error());
    if (auto s = m_s.imports.holdEnd(work.report().committed); !s)
        return s.error();
    return std::move(work.report());
}

Result<CsvImport::Report> CsvImport::run(const Scope &scope, SyncService::Entity entity, const QByteArray &csv, const Options &options)
{
    QBuffer in;
    in.setData(csv);
    in.open(QIODevice::ReadOnly);
    return run(scope, entity, in, options);
}

void CsvImport::start(Services &services, QObject *context, const Scope &scope, SyncService::Entity entity, std::unique_ptr<QIODevice> in,
                      Options options, Done done)
{
    auto *run = new ImportRun(services, context, scope, entity, std::move(in), std::move(options), std::move(done));
    QTimer::singleShot(0, run, [run] { run->begin(); });
}

void CsvImport::start(Services &services, QObject *context, const Scope &scope, SyncService::Entity entity, QByteArray csv, Options options,
                      Done done)
{
    auto in = std::make_unique<QBuffer>();
    in->setData(csv);
    in->open(QIODevice::ReadOnly);
    start(services, context, scope, entity, std::move(in), std::move(options), std::move(done));
}

} // namespace ery::portability
