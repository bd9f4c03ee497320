#include "erpsync.h"

#include "services/services.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <optional>

using namespace ery::domain;
using namespace ery::services;

namespace ery::portability {

namespace {

using Entity = SyncService::Entity;

// The order records are processed in, so a record may name one of an entity before it.
constexpr Entity kOrder[] = {SyncService::Jobs, SyncService::Parts, SyncService::Resources, SyncService::Operations};

// Longer text is reported as "<field> updated" in a diff, not quoted.
constexpr int kQuotedChars = 100;

// Outbox rows written per step of a held run: what one step of records emits, so the commit has
// little left.
constexpr size_t kFlushRows = 4096;

QString keyOf(const QString &source, const QString &externalId)
{
    return source + QChar(0x1f) + externalId;
}

QString keyOf(const Json &record)
{
    return keyOf(str(record, "external_source"), str(record, "external_id"));
}

Error badRecord(const char *field, const QString &message, const Json &value, const char *constraint)
{
    Validation v;
    v.add(field, message, value, constraint);
    return v.error();
}

// A value as a diff line quotes it.
std::string quoted(const Json &v)
{
    return v.is_null() ? std::string() : v.is_string() ? v.get<std::string>() : v.dump();
}

// The fields an update changes: "field: \"old\" -> \"new\"", or "field updated" for JSON and long
// text. Bookkeeping columns are left out.
Json changesOf(const Row &before, const Row &after)
{
    static const QSet<QString> skip{"id", "tenant_id", "created_at", "updated_at", "synced_at", "sync_hash", "deleted_at", "deleted_by"};
    Json out = Json::array();
    for (auto it = after.begin(); it != after.end(); ++it) {
        if (skip.contains(QString::fromStdString(it.key())))
            continue;
        const Json old = before.is_object() ? before.value(it.key(), Json(nullptr)) : Json(nullptr);
        if (old == it.value())
            continue;
        const bool plain = !old.is_structured() && !it.value().is_structured() && utf8Length(quoted(old)) <= kQuotedChars &&
                           utf8Length(quoted(it.value())) <= kQuotedChars;
        out.push_back(plain ? it.key() + ": \"" + quoted(old) + "\" -> \"" + quoted(it.value()) + "\"" : it.key() + " updated");
    }
    if (out.empty())
        out.push_back("data changed (hash mismatch)");
    return out;
}

// The reference fields that may name another record of the same request.
struct Reference {
    Entity from;
    const char *field;
    Entity to;
    const char *what;
};
constexpr Reference kReferences[] = {{SyncService::Parts, "job_external_id", SyncService::Jobs, "job"},
                                     {SyncService::Parts, "parent_part_external_id", SyncService::Parts, "parent part"},
                                     {SyncService::Operations, "part_external_id", SyncService::Parts, "part"}};

// What one record came to.
struct Outcome {
    QString action; // diff: create | update | unchanged | error; sync: created | updated | skipped | error
    QString id;     // sync: the record's row; diff: the stored row an update or unchanged record is
    Json changes;   // diff of an update
    std::optional<Error> error;
};

struct SectionState {
    QString name;
    std::vector<Outcome> outcomes;
    std::vector<std::optional<Error>> early; // found before the run: duplicates, cycles
    QHash<QString, int> byKey;               // external key -> index, for keys that appear once
    QSet<QString> duplicated;
    int created = 0, updated = 0, unchanged = 0, errors = 0;
    qint64 nanos = 0;
    QString importId;
};

// One run: the records in processing order, each through SyncService in a savepoint of its own.
// step() and finish() run inside the caller's write (one write, or the held write's steps).
class Run {
public:
    Run(Services &s, const Scope &scope, ErpSync::Mode mode, ErpSync::Request request)
        : m_s(s), m_scope(scope), m_mode(mode), m_request(std::move(request))
    {
        m_clock.start();
        prepare();
    }

    bool done() const { return m_next >= m_order.size() || m_refusedAt; }
    bool commits() const { return m_mode == ErpSync::Mode::Sync && !m_refusedAt; }
    int batchSize() const { return m_request.options.batchSize; }

    // Up to max records. An error is returned only when the database failed, not a record.
    Status step(size_t max)
    {
        for (size_t n = 0; n < max && !done(); ++n) {
            const auto [si, index] = m_order[m_next++];
            ERY_TRY(process(si, index));
        }
        return {};
    }

    // After the last record, in the same write: the history rows and the sync.* events of a run
    // that commits.
    Status finish()
    {
        if (!commits())
            return {};
        const Json syncedAt = toStd(nowIso());
        const ErpSync::Options &o = m_request.options;
        int withRecords = 0;
        Json names = Json::array();
        qint64 total = 0, created = 0, updated = 0, skipped = 0, errors = 0;
        for (size_t si = 0; si < m_sections.size(); ++si) {
            SectionState &st = m_sections[si];
            const auto n = qint64(st.outcomes.size());
            if (n == 0)
                continue;
            ++withRecords;
            names.push_back(toStd(st.name));
            total += n;
            created += st.created;
            updated += st.updated;
            skipped += st.unchanged;
            errors += st.errors;
            if (o.recordHistory) {
                auto id = m_s.sync.recordRun(m_scope, historyRow(si, std::nullopt));
                if (!id)
                    return id.error();
                st.importId = *id;
            }
            if (st.created + st.updated == 0)
                continue;
            Json externalIds = Json::array();
            const Json &records = m_request.sections[si].records;
            for (size_t i = 0; i < st.outcomes.size(); ++i)
                if (st.outcomes[i].action == QLatin1String("created") || st.outcomes[i].action == QLatin1String("updated"))
                    externalIds.push_back(records[i]["external_id"]);
            ERY_TRY(m_s.sync.announce(
                m_scope, QStringLiteral("sync.%1.completed").arg(st.name),
                Json{{"entity_type", toStd(st.name)},
                     {"source", toStd(o.source)},
                     {"summary",
                      {{"total", n}, {"created", st.created}, {"updated", st.updated}, {"skipped", st.unchanged}, {"errors", st.errors}}},
                     {"duration_ms", st.nanos / 1000000},
                     {"external_ids", std::move(externalIds)},
                     {"import_id", st.importId.isEmpty() ? Json(nullptr) : Json(toStd(st.importId))},
                     {"synced_at", syncedAt}}));
        }
        if (withRecords > 1)
            ERY_TRY(m_s.sync.announce(m_scope, QStringLiteral("sync.batch.completed"),
                                      Json{{"entities", names},
                                           {"total_records", total},
                                           {"total_created", created},
                                           {"total_updated", updated},
                                           {"total_skipped", skipped},
                                           {"total_errors", errors},
                                           {"duration_ms", m_clock.elapsed()},
                                           {"source", toStd(o.source)},
                                           {"synced_at", syncedAt}}));
        return {};
    }

    // After a refused run was rolled back: its history row, in a write of its own.
    Status afterRollback()
    {
        if (!m_refusedAt || !m_request.options.recordHistory)
            return {};
        const auto [si, index] = *m_refusedAt;
        auto id = m_s.sync.recordRun(m_scope, historyRow(si, index));
        if (!id)
            return id.error();
        m_sections[si].importId = *id;
        return {};
    }

    Result<Json> result() const
    {
        if (m_refusedAt) {
            const auto [si, index] = *m_refusedAt;
            const SectionState &st = m_sections[si];
            const Json &record = m_request.sections[si].records[size_t(index)];
            const Error &e = *st.outcomes[size_t(index)].error;
            Json details{{"entity_type", toStd(st.name)},
                         {"index", index},
                         {"external_id", record["external_id"]},
                         {"external_source", record["external_source"]},
                         {"error", e.toJson()}};
            if (!st.importId.isEmpty())
                details["import_id"] = toStd(st.importId);
            return Error{ErrorCode::ValidationError,
                         QStringLiteral("%1[%2] (external_id \"%3\") could not be synced: %4. continue_on_error is false, so nothing "
                                        "was written")
                             .arg(st.name)
                             .arg(index)
                             .arg(str(record, "external_id").left(100), e.message),
                         details};
        }
        const bool diff = m_mode == ErpSync::Mode::Diff;
        Json entities = Json::object();
        qint64 total = 0, created = 0, updated = 0, unchanged = 0, errors = 0;
        for (size_t si = 0; si < m_sections.size(); ++si) {
            const SectionState &st = m_sections[si];
            const ErpSync::Section &section = m_request.sections[si];
            Json list = Json::array();
            for (size_t i = 0; i < st.outcomes.size(); ++i)
                list.push_back(recordJson(si, int(i)));
            const auto n = qint64(st.outcomes.size());
            total += n;
            created += st.created;
            updated += st.updated;
            unchanged += st.unchanged;
            errors += st.errors;
            Json e;
            if (diff)
                e = Json{{"entity_type", toStd(st.name)}, {"total", n},          {"to_create", st.created},   {"to_update", st.updated},
                         {"unchanged", st.unchanged},     {"errors", st.errors}, {"records", std::move(list)}};
            else
                e = Json{{"entity_type", toStd(st.name)}, {"total", n},
                         {"created", st.created},         {"updated", st.updated},
                         {"skipped", st.unchanged},       {"errors", st.errors},
                         {"results", std::move(list)},    {"duration_ms", st.nanos / 1000000}};
            if (!st.importId.isEmpty())
                e["import_id"] = toStd(st.importId);
            if (!section.ignoredFields.isEmpty()) {
                Json ignored = Json::array();
                for (const QString &f : section.ignoredFields)
                    ignored.push_back(toStd(f));
                e["ignored_fields"] = std::move(ignored);
            }
            entities[toStd(st.name)] = std::move(e);
        }
        Json summary = diff ? Json{{"total_entities", m_sections.size()}, {"total_records", total},       {"total_to_create", created},
                                   {"total_to_update", updated},          {"total_unchanged", unchanged}, {"total_errors", errors}}
                            : Json{{"total_entities", m_sections.size()},
                                   {"total_records", total},
                                   {"total_created", created},
                                   {"total_updated", updated},
                                   {"total_skipped", unchanged},
                                   {"total_errors", errors},
                                   {"duration_ms", m_clock.elapsed()}};
        return Json{{"summary", std::move(summary)}, {"entities", std::move(entities)}};
    }

private:
    // Duplicate keys, the parts' order (parents first) and their cycles: known before any write.
    void prepare()
    {
        m_sections.resize(m_request.sections.size());
        for (size_t si = 0; si < m_request.sections.size(); ++si) {
            const ErpSync::Section &section = m_request.sections[si];
            SectionState &st = m_sections[si];
            st.name = SyncService::entityName(section.entity);
            const int n = int(section.records.size());
            st.outcomes.resize(size_t(n));
            st.early.resize(size_t(n));
            QHash<QString, QList<int>> seen;
            for (int i = 0; i < n; ++i)
                seen[keyOf(section.records[size_t(i)])].append(i);
            for (auto it = seen.begin(); it != seen.end(); ++it) {
                if (it->size() == 1) {
                    st.byKey.insert(it.key(), it->front());
                    continue;
                }
                st.duplicated.insert(it.key());
                QStringList at;
                for (int i : *it)
                    at << QString::number(i);
                for (int i : *it) {
                    const Json &r = section.records[size_t(i)];
                    st.early[size_t(i)] = badRecord(
                        "external_id",
                        QStringLiteral("external_id \"%1\" (source \"%2\") appears %3 times in %4 (at %5); none of them is synced")
                            .arg(str(r, "external_id").left(100), str(r, "external_source").left(100))
                            .arg(it->size())
                            .arg(st.name, at.join(QStringLiteral(", "))),
                        r["external_id"], "unique");
                }
            }
            std::vector<int> order;
            if (section.entity == SyncService::Parts)
                order = partsOrder(si);
            else
                for (int i = 0; i < n; ++i)
                    order.push_back(i);
            for (int i : order)
                m_order.emplace_back(int(si), i);
        }
    }

    // Parents before their children. Each part has at most one parent, so following parents from
    // any part either ends or runs into a cycle; the parts on a cycle are errors.
    std::vector<int> partsOrder(size_t si)
    {
        const Json &records = m_request.sections[si].records;
        SectionState &st = m_sections[si];
        const int n = int(records.size());
        auto parentOf = [&](int i) {
            const Json &r = records[size_t(i)];
            const auto it = r.find("parent_part_external_id");
            if (it == r.end() || !it->is_string())
                return -1;
            return st.byKey.value(keyOf(str(r, "external_source"), QString::fromStdString(it->get<std::string>())), -1);
        };
        std::vector<int> state(size_t(n), 0); // 0 not seen, 1 on the current walk, 2 placed
        std::vector<int> order;
        order.reserve(size_t(n));
        for (int start = 0; start < n; ++start) {
            std::vector<int> walk;
            int v = start;
            while (v >= 0 && state[size_t(v)] == 0) {
                state[size_t(v)] = 1;
                walk.push_back(v);
                v = parentOf(v);
            }
            if (v >= 0 && state[size_t(v)] == 1) {
                const auto from = std::find(walk.begin(), walk.end(), v);
                QStringList names;
                for (auto it = from; it != walk.end(); ++it)
                    names << str(records[size_t(*it)], "external_id").left(100);
                names << str(records[size_t(v)], "external_id").left(100);
                for (auto it = from; it != walk.end(); ++it)
                    st.early[size_t(*it)] = badRecord("parent_part_external_id",
                                                      QStringLiteral("the parent parts %1 form a cycle: a part cannot contain itself")
                                                          .arg(names.join(QStringLiteral(" -> "))),
                                                      records[size_t(*it)]["parent_part_external_id"], "acyclic");
            }
            for (auto it = walk.rbegin(); it != walk.rend(); ++it) {
                state[size_t(*it)] = 2;
                order.push_back(*it);
            }
        }
        return order;
    }

    int sectionOf(Entity e) const
    {
        for (size_t si = 0; si < m_request.sections.size(); ++si)
            if (m_request.sections[si].entity == e)
                return int(si);
        return -1;
    }

    // A reference to a record of this request that was not synced: that record's failure.
    std::optional<Error> failedReference(Entity entity, const Json &record) const
    {
        for (const Reference &ref : kReferences) {
            if (ref.from != entity)
                continue;
            const auto it = record.find(ref.field);
            const int target = sectionOf(ref.to);
            if (it == record.end() || !it->is_string() || target < 0)
                continue;
            const QString value = QString::fromStdString(it->get<std::string>());
            const QString key = keyOf(str(record, "external_source"), value);
            const SectionState &st = m_sections[size_t(target)];
            if (st.duplicated.contains(key))
                return badRecord(ref.field,
                                 QStringLiteral("%1 \"%2\" appears more than once in this request's %3, so it is not synced")
                                     .arg(QLatin1String(ref.what), value.left(100), st.name),
                                 *it, "exists");
            const int at = st.byKey.value(key, -1);
            if (at >= 0 && st.outcomes[size_t(at)].error)
                return badRecord(ref.field,
                                 QStringLiteral("%1 \"%2\" of this request was not synced (%3[%4]: %5)")
                                     .arg(QLatin1String(ref.what), value.left(100), st.name)
                                     .arg(at)
                                     .arg(st.outcomes[size_t(at)].error->message),
                                 *it, "exists");
        }
        return std::nullopt;
    }

    Status process(int si, int index)
    {
        QElapsedTimer clock;
        clock.start();
        const ErpSync::Section &section = m_request.sections[size_t(si)];
        SectionState &st = m_sections[size_t(si)];
        const Json &record = section.records[size_t(index)];
        Outcome &o = st.outcomes[size_t(index)];
        const bool diff = m_mode == ErpSync::Mode::Diff;
        std::optional<Error> failed = st.early[size_t(index)];
        if (!failed)
            failed = failedReference(section.entity, record);
        if (!failed) {
            auto r = m_s.sync.attempt(m_scope, section.entity, record, diff || m_request.options.skipUnchanged);
            if (!r) {
                if (r.error().code == ErrorCode::Internal)
                    return r.error(); // the database failed, not the record
                failed = r.error();
            } else if (r->unchanged) {
                o.action = diff ? QStringLiteral("unchanged") : QStringLiteral("skipped");
                o.id = str(r->row, "id");
                ++st.unchanged;
            } else if (r->created) {
                o.action = diff ? QStringLiteral("create") : QStringLiteral("created");
                if (!diff)
                    o.id = str(r->row, "id");
                ++st.created;
            } else {
                o.action = diff ? QStringLiteral("update") : QStringLiteral("updated");
                o.id = str(r->row, "id");
                if (diff)
                    o.changes = changesOf(r->before, r->row);
                ++st.updated;
            }
        }
        if (failed) {
            o.action = QStringLiteral("error");
            o.error = std::move(failed);
            ++st.errors;
            if (!diff && !m_request.options.continueOnError)
                m_refusedAt = std::pair{si, index};
        }
        st.nanos += clock.nsecsElapsed();
        return {};
    }

    Json recordJson(size_t si, int index) const
    {
        const Outcome &o = m_sections[si].outcomes[size_t(index)];
        const Json &record = m_request.sections[si].records[size_t(index)];
        const bool diff = m_mode == ErpSync::Mode::Diff;
        Json j{{"index", index},
               {"external_id", record["external_id"]},
               {"external_source", record["external_source"]},
               {diff ? "status" : "action", toStd(o.action)}};
        if (!o.id.isEmpty())
            j[diff ? "existing_id" : "id"] = toStd(o.id);
        if (!o.changes.is_null())
            j["changes"] = o.changes;
        if (o.error) {
            j["error"] = toStd(o.error->message);
            j["error_code"] = o.error->codeName();
            if (!o.error->details.is_null())
                j["details"] = o.error->details;
        }
        return j;
    }

    // The entity's sync_imports row; for a refused run (refusedAt), only the record that ended it.
    Row historyRow(size_t si, std::optional<int> refusedAt) const
    {
        const SectionState &st = m_sections[si];
        Json errors = Json::array();
        if (refusedAt) {
            errors.push_back(recordJson(si, *refusedAt));
        } else {
            for (size_t i = 0; i < st.outcomes.size() && int(errors.size()) < ErpSync::kMaxListedProblems; ++i)
                if (st.outcomes[i].error)
                    errors.push_back(recordJson(si, int(i)));
        }
        const int created = refusedAt ? 0 : st.created, updated = refusedAt ? 0 : st.updated;
        const int skipped = refusedAt ? 0 : st.unchanged, failed = refusedAt ? 1 : st.errors;
        return Row{{"entity_type", toStd(st.name)},
                   {"operation", "erp_sync"},
                   {"source", toStd(m_request.options.source)},
                   {"status", failed > 0 && created + updated == 0 ? "failed" : "completed"},
                   {"total_records", st.outcomes.size()},
                   {"created_count", created},
                   {"updated_count", updated},
                   {"skipped_count", skipped},
                   {"error_count", failed},
                   {"errors", errors.empty() ? Json(nullptr) : errors},
                   {"completed_at", toStd(nowIso())}};
    }

    Services &m_s;
    Scope m_scope;
    ErpSync::Mode m_mode;
    ErpSync::Request m_request;
    std::vector<SectionState> m_sections;
    std::vector<std::pair<int, int>> m_order; // (section, record index)
    size_t m_next = 0;
    std::optional<std::pair<int, int>> m_refusedAt; // the record that ended the run
    QElapsedTimer m_clock;
};

// start(): the run in steps of batch_size records inside one held write, one event-loop pass each.
// Lives in the database's thread, as a child of the caller's context, so it goes away with it
// (rolling back what it holds).
class SteppedRun : public QObject {
public:
    SteppedRun(Services &s, QObject *context, const Scope &scope, ErpSync::Mode mode, ErpSync::Request request, ErpSync::Done done)
        : QObject(context), m_s(s), m_run(s, scope, mode, std::move(request)), m_done(std::move(done))
    {
    }
    ~SteppedRun() override
    {
        if (m_holding)
            (void)m_s.imports.holdEnd(false);
    }

    void begin()
    {
        // One held write at a time: a run waits for an import (or another run) to end.
        if (m_s.imports.writeHeld()) {
            m_s.imports.whenWritable(this, [this] { begin(); });
            return;
        }
        if (auto s = m_s.imports.holdBegin(); !s)
            return end(s.error());
        m_holding = true;
        QTimer::singleShot(0, this, [this] { step(); });
    }

private:
    void step()
    {
        auto r = m_s.imports.holdStep([&]() -> Status {
            ERY_TRY(m_run.step(size_t(m_run.batchSize())));
            if (!m_run.done() || m_finished)
                return {};
            m_finished = true;
            return m_run.finish();
        });
        if (!r)
            return fail(r.error());
        if (!m_finished || m_run.commits()) {
            // What this step emitted goes to the outbox now; the last steps before a COMMIT write
            // what is left (PostgreSQL writes it only then), a bounded share each.
            auto pending = m_s.imports.holdFlushOutbox(kFlushRows, m_finished);
            if (!pending)
                return fail(pending.error());
            if (!m_finished || *pending > kFlushRows) {
                QTimer::singleShot(0, this, [this] { step(); });
                return;
            }
        }
        m_holding = false;
        if (auto s = m_s.imports.holdEnd(m_run.commits()); !s)
            return end(s.error());
        if (auto s = m_run.afterRollback(); !s)
            return end(s.error());
        end(m_run.result());
    }

    void fail(const Error &e)
    {
        m_holding = false;
        (void)m_s.imports.holdEnd(false);
        end(e);
    }

    void end(Result<Json> outcome)
    {
        ErpSync::Done done = std::move(m_done);
        deleteLater();
        if (done)
            done(std::move(outcome));
    }

    Services &m_s;
    Run m_run;
    ErpSync::Done m_done;
    bool m_finished = false;
    bool m_holding = false;
};

} // namespace

Result<ErpSync::Request> ErpSync::parse(const SyncService &sync, const Json &body)
{
    static const char *kKeys[] = {"jobs", "parts", "resources", "operations", "options", "source"};
    if (!body.is_object())
        return Error::badRequest(QStringLiteral("The body must be a JSON object: {\"jobs\": [...], \"parts\": [...], \"resources\": [...], "
                                                "\"operations\": [...], \"options\": {...}, \"source\": \"...\"}"));
    for (auto it = body.begin(); it != body.end(); ++it)
        if (std::none_of(std::begin(kKeys), std::end(kKeys), [&](const char *k) { return it.key() == k; }))
            return Error::badRequest(QStringLiteral("Unknown key \"%1\" in the body (jobs, parts, resources, operations, options, source)")
                                         .arg(QString::fromStdString(it.key()).left(50)));
    Request req;
    Validation v;
    for (Entity e : kOrder) {
        const std::string name = toStd(SyncService::entityName(e));
        const auto it = body.find(name);
        if (it == body.end() || it->is_null())
            continue;
        if (!it->is_array()) {
            v.add(name, QStringLiteral("%1 must be an array of records").arg(QString::fromStdString(name)), nullptr, "array");
            continue;
        }
        if (it->size() > size_t(kMaxRecords))
            return Error{ErrorCode::PayloadTooLarge,
                         QStringLiteral("%1 has %2 records; one request takes at most %3 records per entity (send the rest in further "
                                        "requests)")
                             .arg(QString::fromStdString(name))
                             .arg(it->size())
                             .arg(kMaxRecords),
                         Json{{"entity_type", name}, {"records", it->size()}, {"max_records", kMaxRecords}}};
        req.sections.push_back({e, Json::array(), {}});
    }
    if (req.sections.empty() && v.ok())
        return Error::badRequest(QStringLiteral("The body names no records: give jobs, parts, resources and/or operations"));

    if (const auto it = body.find("options"); it != body.end() && !it->is_null()) {
        if (!it->is_object()) {
            v.add("options", QStringLiteral("options must be an object"), nullptr, "object");
        } else {
            for (auto o = it->begin(); o != it->end(); ++o) {
                const std::string path = "options." + o.key();
                bool *flag = o.key() == "skip_unchanged"      ? &req.options.skipUnchanged
                             : o.key() == "continue_on_error" ? &req.options.continueOnError
                             : o.key() == "record_history"    ? &req.options.recordHistory
                                                              : nullptr;
                if (flag) {
                    if (o->is_boolean())
                        *flag = o->get<bool>();
                    else if (!o->is_null())
                        v.add(path, QStringLiteral("%1 must be true or false").arg(QString::fromStdString(o.key())), *o, "boolean");
                } else if (o.key() == "batch_size") {
                    if (o->is_number_integer() && o->get<qint64>() >= 1 && o->get<qint64>() <= kMaxBatchSize)
                        req.options.batchSize = int(o->get<qint64>());
                    else if (!o->is_null())
                        v.add(path, QStringLiteral("batch_size must be an integer from 1 to %1").arg(kMaxBatchSize), *o, "integer");
                } else {
                    v.add(path.substr(0, 120),
                          QStringLiteral("unknown option (skip_unchanged, batch_size, continue_on_error, record_history)"), nullptr,
                          "unknown");
                }
            }
        }
    }
    if (const auto it = body.find("source"); it != body.end() && !it->is_null()) {
        const QString s = it->is_string() ? QString::fromStdString(it->get<std::string>()).trimmed() : QString();
        if (!it->is_string() || s.isEmpty() || utf8Length(it->get<std::string>()) > limits::kShort || s.contains(QChar(0)))
            v.add("source", QStringLiteral("source must be a non-empty string of at most %1 characters").arg(limits::kShort),
                  it->is_string() ? Json(nullptr) : *it, "string");
        else
            req.options.source = s;
    }

    for (Section &section : req.sections) {
        const std::string name = toStd(SyncService::entityName(section.entity));
        const Json &records = body.at(name);
        const std::vector<Field> fields = sync.fieldsOf(section.entity);
        QSet<QString> known{QStringLiteral("external_id"), QStringLiteral("external_source")};
        for (const Field &f : fields)
            known.insert(QLatin1String(f.name));
        QSet<QString> ignored;
        for (size_t i = 0; i < records.size(); ++i) {
            const std::string prefix = name + "[" + std::to_string(i) + "]";
            Json record = records[i];
            if (!record.is_object()) {
                v.add(prefix, QStringLiteral("each record must be a JSON object"), nullptr, "object");
                continue;
            }
            // The original's names for a job's customer and notes.
            if (section.entity == SyncService::Jobs) {
                for (const auto &[alias, field] : {std::pair{"customer_name", "customer"}, std::pair{"description", "notes"}}) {
                    if (record.contains(alias) && !record.contains(field)) {
                        record[field] = record[alias];
                        record.erase(alias);
                    }
                }
            }
            for (const char *k : {"external_id", "external_source"}) {
                const auto it = record.find(k);
                if (it == record.end() || !it->is_string() || QString::fromStdString(it->get<std::string>()).trimmed().isEmpty())
                    v.add(prefix + "." + k, QStringLiteral("%1 is required for sync (a non-empty string)").arg(QLatin1String(k)),
                          it == record.end() ? Json(nullptr) : *it, "required");
            }
            (void)acceptFields(record, fields, false, v, prefix);
            for (auto it = record.begin(); it != record.end(); ++it) {
                const QString key = QString::fromStdString(it.key());
                if (!known.contains(key) && ignored.size() < kMaxListedProblems)
                    ignored.insert(key.left(100));
            }
            section.records.push_back(std::move(record));
        }
        section.ignoredFields = QStringList(ignored.begin(), ignored.end());
        section.ignoredFields.sort();
    }
    if (!v.ok()) {
        Error e = v.error();
        const size_t problems = e.details.size();
        if (problems > size_t(kMaxListedProblems))
            e.details.erase(e.details.begin() + kMaxListedProblems, e.details.end());
        const Json &first = e.details.front();
        e.message = QStringLiteral("%1 %2 in the body%3, nothing was synced. %4: %5")
                        .arg(problems)
                        .arg(problems == 1 ? QStringLiteral("problem") : QStringLiteral("problems"))
                        .arg(problems > size_t(kMaxListedProblems) ? QStringLiteral(" (the first %1 are listed)").arg(kMaxListedProblems)
                                                                   : QString())
                        .arg(QString::fromStdString(first.value("field", std::string())),
                             QString::fromStdString(first.value("message", std::string())));
        return e;
    }
    return req;
}

Result<Json> ErpSync::run(const Scope &scope, Mode mode, const Request &request)
{
    Run run(m_s, scope, mode, request);
    auto r = m_s.imports.write([&]() -> Status {
        ERY_TRY(run.step(size_t(-1)));
        ERY_TRY(run.finish());
        if (!run.commits())
            return m_s.imports.discard(); // a rehearsal, or a run refused as a whole
        return {};
    });
    if (!r)
        return r.error();
    ERY_TRY(run.afterRollback());
    return run.result();
}

void ErpSync::start(Services &services, QObject *context, const Scope &scope, Mode mode, Request request, Done done)
{
    auto *run = new SteppedRun(services, context, scope, mode, std::move(request), std::move(done));
    run->begin();
}

Result<Json> ErpSync::status(const Scope &scope, const QString &entityType, const QString &source, int limit)
{
    auto h = m_s.sync.history(scope, entityType, source, limit);
    if (!h)
        return h.error();
    Json rows = Json::array();
    for (Row &row : h->rows)
        rows.push_back(std::move(row));
    return Json{{"stats",
                 {{"total_syncs", h->total},
                  {"successful", h->successful},
                  {"failed", h->failed},
                  {"total_created", h->created},
                  {"total_updated", h->updated},
                  {"total_errors", h->errors}}},
                {"history", std::move(rows)},
                {"pagination", {{"total", h->total}, {"offset", 0}, {"limit", limit}}}};
}

} // namespace ery::portability
