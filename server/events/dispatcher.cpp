#include "dispatcher.h"

#include "core/ids.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcDispatch, "eryxon.dispatcher")

namespace ery {

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
    m_backoff.remove(sink);
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
    for (int guard = 0; guard < 100000 && runOnce(); ++guard) {
    }
}

bool Dispatcher::runOnce()
{
    if (m_running || m_db.inTransaction())
        return false;
    m_running = true;
    bool did = runLive();
    for (Sink *s : std::vector<Sink *>(m_sinks))
        if (s->durable())
            did = runDurable(s) || did;
    m_running = false;
    return did;
}

bool Dispatcher::runLive()
{
    auto batch = OutboxStore::after(m_db, m_liveCursor, kBatch);
    if (!batch) {
        ++m_failures;
        qCWarning(lcDispatch) << "reading the outbox failed:" << batch.error().message;
        return false;
    }
    if (batch->empty())
        return false;
    for (const auto &e : *batch) {
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
    }
    emit dispatchedBatch(m_liveCursor);
    return int(batch->size()) == kBatch || !batch->empty();
}

bool Dispatcher::runDurable(Sink *sink)
{
    if (auto it = m_backoff.constFind(sink); it != m_backoff.constEnd() && Clock::nowMs() < it->untilMs)
        return false;
    bool did = false;
    auto r = m_db.write([&](WriteTx &tx) -> Status {
        auto cur = OutboxStore::lockCursor(tx, sink->name());
        if (!cur)
            return cur.error();
        if (!*cur)
            return {}; // another instance is delivering this sink's batch
        auto batch = OutboxStore::after(m_db, **cur, kBatch);
        if (!batch)
            return batch.error();
        if (batch->empty())
            return {};
        for (const auto &e : *batch)
            ERY_TRY(sink->deliver(e));
        did = true;
        return OutboxStore::setCursor(tx, sink->name(), batch->back().id);
    });
    if (!r) {
        ++m_failures;
        Backoff &b = m_backoff[sink];
        b.failures = std::min(b.failures + 1, 6);
        b.untilMs = Clock::nowMs() + (500LL << (b.failures - 1)); // 0.5 s … 16 s
        qCWarning(lcDispatch) << sink->name() << "batch failed, will retry:" << r.error().message;
        return false;
    }
    m_backoff.remove(sink);
    return did;
}

Status Dispatcher::replay(const QString &sinkName, qint64 afterId)
{
    auto r = m_db.write([&](WriteTx &tx) -> Status {
        auto cur = OutboxStore::lockCursor(tx, sinkName);
        if (!cur)
            return cur.error();
        return OutboxStore::setCursor(tx, sinkName, afterId);
    });
    if (r)
        wake();
    return r;
}

Result<qint64> Dispatcher::backlog()
{
    auto max = OutboxStore::maxId(m_db);
    if (!max)
        return max.error();
    qint64 oldest = m_liveCursor;
    for (Sink *s : m_sinks)
        if (s->durable()) {
            auto c = OutboxStore::cursor(m_db, s->name());
            if (c)
                oldest = std::min(oldest, *c);
        }
    return *max - oldest;
}

} // namespace ery
