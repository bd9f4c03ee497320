#pragma once

#include <QtGlobal>

#include <atomic>

namespace ery::client {

// How far a long request has come (a CSV import, an export, a restore) and the user's Cancel. A
// screen makes one, sends it along with the request (EngineClient::get/upload) and reads it on a
// timer while the answer is on its way; the door fills it in from the hub (in-process: from the
// work itself; over HTTP: the bytes sent and received) and passes Cancel on (in-process: the work
// stops and writes nothing; over HTTP: the connection is closed, which stops the hub's work too).
// Safe to read and write from any thread.
class Transfer {
public:
    void report(qint64 done, qint64 total)
    {
        m_total.store(total);
        m_done.store(done);
    }
    qint64 done() const { return m_done.load(); }
    qint64 total() const { return m_total.load(); }
    // Done in percent (0–100), or -1 while the total is not known yet.
    int percent() const
    {
        const qint64 t = total(), d = done();
        return t > 0 ? int(qBound(qint64(0), d * 100 / t, qint64(100))) : -1;
    }

    void cancel() { m_cancelled.store(true); }
    bool isCancelled() const { return m_cancelled.load(); }
    // For work that polls a flag (the hub's export and restore).
    std::atomic_bool *cancelFlag() { return &m_cancelled; }

private:
    std::atomic<qint64> m_done{0};
    std::atomic<qint64> m_total{0};
    std::atomic_bool m_cancelled{false};
};

} // namespace ery::client
