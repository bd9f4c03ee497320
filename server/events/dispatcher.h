#pragma once

#include "sink.h"

#include <QObject>
#include <QHash>
#include <QTimer>

#include <vector>

namespace ery::storage {
class Database;
}

namespace ery::events {

// The unified event dispatcher. Woken after every local commit; polls for rows other processes
// wrote (a second terminal, `eryxon-server` commands) so nothing committed is missed.
class Dispatcher : public QObject {
    Q_OBJECT
public:
    Dispatcher(storage::Database &db, QObject *parent = nullptr);

    void addSink(Sink *sink); // not owned
    void removeSink(Sink *sink);
    void start(int pollMs = 250);
    void stop();

    // Delivers everything committed so far; returns when every sink has caught up or failed once
    // (shutdown, tests). A sink in back-off is tried again right away.
    void drain();
    // Makes a durable sink deliver again from the entry after `afterId`.
    Status replay(const QString &sinkName, qint64 afterId);

    qint64 liveCursor() const { return m_liveCursor; }
    qint64 dispatched() const { return m_dispatched; }
    qint64 failures() const { return m_failures; }
    Result<qint64> backlog();

public slots:
    void wake();

signals:
    void dispatchedBatch(qint64 lastId);

private:
    bool runOnce(); // true when it did something
    bool runDurable(const std::vector<Sink *> &sinks, const std::vector<domain::OutboxEntry> &batch);
    // Writes the positions of sinks whose last batches wrote nothing (kept in memory meanwhile).
    void persistPositions(bool force);
    qint64 position(Sink *sink);

    storage::Database &m_db;
    std::vector<Sink *> m_sinks;
    QTimer m_poll;
    bool m_scheduled = false;
    bool m_running = false;
    qint64 m_liveCursor = 0;
    qint64 m_dispatched = 0;
    qint64 m_failures = 0;
    struct Backoff {
        int failures = 0;
        qint64 untilMs = 0;
    };
    QHash<Sink *, Backoff> m_backoff; // a failing durable sink waits before its batch is retried
    // Where each durable sink is: at or ahead of its stored cursor, which is written with the batches
    // that write something and otherwise at most every kPersistMs.
    QHash<Sink *, qint64> m_positions;
    QHash<Sink *, qint64> m_persisted;
    qint64 m_lastPersistMs = 0;
    // A pass takes about kPassMs, so the thread answers requests between two passes even while a
    // backlog of 100,000s drains: the batch shrinks after a slow pass and grows after a quick one.
    static constexpr qint64 kPassNs = 8'000'000;
    static constexpr int kMinBatch = 16;
    static constexpr int kMaxBatch = 2000;
    int m_batch = 256;
    static constexpr qint64 kPersistMs = 5000;
};

} // namespace ery::events
