#include "dispatcher.h"

#include "core/ids.h"
#include "storage/outboxstore.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

#include <algorithm>

using namespace ery::domain;
using namespace ery::storage;

Q_LOGGING_CATEGORY(lcDispatch, "eryxon.dispatcher")

namespace ery::events {

Dispatcher::Dispatcher(Database &db, QObject *parent) : QObject(parent), m_db(db)
{
    connect(&m_poll, &QTimer::timeout, this, &Dispatcher::wake);
    // Live sinks see what is committed from now on; clients refetch on (re)connect.
    auto max = OutboxStore::maxId(m_db);
    m_liveCursor = max ? *max : 0;
}

void Dispatcher::addSink(Sink *sink)
{
    m_sinks.push_back(sink);
}

void Dispatcher::removeSink(Sink *sink)
{
    if (sink->durable() && !m_running && !m_db.inTransaction() && !m_db.writeHeld())
        persistPositions(true);
    m_backoff.remove(sink);
    m_positions.remove(sink);
    m_persisted.remove(sink);
    m_sinks.erase(std::remove(m_sinks.begin(), m_sinks.end(), sink), m_sinks.end());
}

void Dispatcher::start(int pollMs)
{
    m_poll.start(pollMs);
    wake();
}

void Dispatcher::stop()
{
    m_poll.stop();
}

void Dispatcher::wake()
{
    // Coalesce a burst of commits into one pass of the event loop.
    if (m_scheduled)
        return;
    m_scheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_scheduled = false;
        if (runOnce())
            wake();
    });
}

void Dispatcher::drain()
{
    m_backoff.clear();
    for (int guard = 0; guard < 100000 && runOnce(); ++guard) { }
    if (!m_running && !m_db.inTransaction() && !m_db.writeHeld())
        persistPositions(true);
}

qint64 Dispatcher::position(Sink *sink)
{
    auto it = m_positions.find(sink);
    if (it != m_positions.end())
        return *it;
    auto stored = OutboxStore::cursor(m_db, sink->name());
    const qint64 at = stored ? *stored : 0;
    m_persisted.insert(sink, at);
    return *m_positions.insert(sink, at);
}

bool Dispatcher::runOnce()
{
    if (m_running || m_db.inTransaction())
        return false;
    m_running = true;
    // One read of the outbox serves every sink: from the position of the one furthest behind.
    // While a long write holds the database (an import between its steps) the durable sinks, which
    // write, wait for its end; the live ones go on (its commit wakes the dispatcher).
    const bool held = m_db.writeHeld();
    std::vector<Sink *> durable;
    qint64 from = m_liveCursor;
    const qint64 now = Clock::nowMs();
    for (Sink *s : m_sinks) {
        if (!s->durable() || held)
            continue;
        if (auto it = m_backoff.constFind(s); it != m_backoff.constEnd() && now < it->untilMs)
            continue;
        durable.push_back(s);
        from = std::min(from, position(s));
    }
    QElapsedTimer pass;
    pass.start();
    auto batch = OutboxStore::after(m_db, from, m_batch);
    if (!batch) {
        ++m_failures;
        qCWarning(lcDispatch) << "reading the outbox failed:" << batch.error().message;
        m_running = false;
        return false;
    }
    if (batch->empty()) {
        if (!held)
            persistPositions(false);
        m_running = false;
        return false;
    }
    bool did = false;
    const qint64 liveFrom = m_liveCursor;
    for (const auto &e : *batch) {
        if (e.id <= liveFrom)
            continue;
        for (Sink *s : std::vector<Sink *>(m_sinks)) {
            if (s->durable())
                continue;
            if (auto r = s->deliver(e); !r) {
                ++m_failures;
                qCWarning(lcDispatch) << s->name() << "failed on outbox entry" << e.id << r.error().message;
            }
        }
        m_liveCursor = e.id;
        ++m_dispatched;
        did = true;
    }
    if (did)
        emit dispatchedBatch(m_liveCursor);
    if (!durable.empty())
        did = runDurable(durable, *batch) || did;
    if (int(batch->size()) >= m_batch) {
        const qint64 took = std::max<qint64>(pass.nsecsElapsed(), 1);
        m_batch =
            int(std::clamp<qint64>(qint64(m_batch) * kPassNs / took, std::max(kMinBatch, m_batch / 4), std::min(kMaxBatch, m_batch * 2)));
    }
    m_running = false;
    return did;
}

bool Dispatcher::runDurable(const std::vector<Sink *> &sinks, const std::vector<OutboxEntry> &batch)
{
    // Every durable sink's share of the batch in one transaction. A batch that made no sink write
    // anything is rolled back instead of committed (no WAL frames): the positions move in memory and
    // reach the database with the next batch that writes, or after kPersistMs.
    struct Step {
        Sink *sink;
        qint64 to;
    };
    std::vector<Step> steps;
    Sink *failed = nullptr;
    bool committed = false;
    const qint64 now = Clock::nowMs();
    const bool persistDue = now - m_lastPersistMs >= kPersistMs;
    auto r = m_db.write([&](WriteTx &tx) -> Status {
        const qint64 before = m_db.changes();
        bool lagging = false;
        for (Sink *s : sinks) {
            auto cur = OutboxStore::lockCursor(tx, s->name());
            if (!cur)
                return cur.error();
            if (!*cur)
                continue; // another instance is delivering this sink's batch
            qint64 at = std::max(**cur, position(s));
            for (const auto &e : batch) {
                if (e.id <= at)
                    continue;
                if (auto d = s->deliver(e); !d) {
                    failed = s;
                    return d.error();
                }
                at = e.id;
            }
            if (auto f = s->flush(); !f) {
                failed = s;
                return f.error();
            }
            steps.push_back({s, at});
            lagging = lagging || at != **cur;
        }
        if (m_db.changes() == before && !(persistDue && lagging)) {
            tx.discard();
            return {};
        }
        for (const Step &st : steps)
            ERY_TRY(OutboxStore::setCursor(tx, st.sink->name(), st.to));
        committed = true;
        return {};
    });
    for (Sink *s : sinks)
        s->batchEnded(r && committed);
    if (!r) {
        ++m_failures;
        Sink *culprit = failed ? failed : sinks.front();
        Backoff &b = m_backoff[culprit];
        b.failures = std::min(b.failures + 1, 6);
        b.untilMs = Clock::nowMs() + (500LL << (b.failures - 1)); // 0.5 s … 16 s
        qCWarning(lcDispatch) << culprit->name() << "batch failed, will retry:" << r.error().message;
        // The others go on without it in the next pass.
        return sinks.size() > 1;
    }
    bool did = false;
    for (const Step &st : steps) {
        did = did || st.to != m_positions.value(st.sink);
        m_positions[st.sink] = st.to;
        m_backoff.remove(st.sink);
        if (committed)
            m_persisted[st.sink] = st.to;
    }
    if (committed)
        m_lastPersistMs = now;
    return did;
}

void Dispatcher::persistPositions(bool force)
{
    const qint64 now = Clock::nowMs();
    if (!force && now - m_lastPersistMs < kPersistMs)
        return;
    bool lagging = false;
    for (auto it = m_positions.cbegin(); it != m_positions.cend(); ++it)
        lagging = lagging || it.value() != m_persisted.value(it.key());
    if (!lagging)
        return;
    auto r = m_db.write([&](WriteTx &tx) -> Status {
        for (auto it = m_positions.cbegin(); it != m_positions.cend(); ++it) {
            if (it.value() == m_persisted.value(it.key()))
                continue;
            auto cur = OutboxStore::lockCursor(tx, it.key()->name());
            if (!cur)
                return cur.error();
            if (*cur && **cur < it.value())
                ERY_TRY(OutboxStore::setCursor(tx, it.key()->name(), it.value()));
        }
        return {};
    });
    if (!r) {
        qCWarning(lcDispatch) << "storing the sinks' positions failed:" << r.error().message;
        return;
    }
    m_lastPersistMs = now;
    for (auto it = m_positions.cbegin(); it != m_positions.cend(); ++it)
        m_persisted[it.key()] = it.value();
}

Status Dispatcher::replay(const QString &sinkName, qint64 afterId)
{
    auto r = m_db.write([&](WriteTx &tx) -> Status {
        auto cur = OutboxStore::lockCursor(tx, sinkName);
        if (!cur)
            return cur.error();
        return OutboxStore::setCursor(tx, sinkName, afterId);
    });
    if (r) {
        for (Sink *s : m_sinks)
            if (s->name() == sinkName) {
                m_positions[s] = afterId;
                m_persisted[s] = afterId;
            }
        wake();
    }
    return r;
}

Result<qint64> Dispatcher::backlog()
{
    auto max = OutboxStore::maxId(m_db);
    if (!max)
        return max.error();
    qint64 oldest = m_liveCursor;
    for (Sink *s : m_sinks)
        if (s->durable())
            oldest = std::min(oldest, position(s));
    return *max - oldest;
}

} // namespace ery::events
