#pragma once

#include "core/result.h"

#include <QHash>
#include <QString>

#include <array>
#include <functional>

namespace ery::http {

// Counters for GET /metrics (Prometheus text format 0.0.4): requests by route and status, a latency
// histogram, connections and what the front end refused. Engine thread only.
class HttpMetrics {
public:
    void request(const QString &route, const QString &method, int status, double seconds);
    void refused(const char *reason) { m_refused[QString::fromLatin1(reason)]++; }
    void connectionOpened()
    {
        ++m_open;
        ++m_accepted;
    }
    void connectionClosed() { --m_open; }
    qint64 requestsTotal() const { return m_count; }
    qint64 openConnections() const { return m_open; }

    // `engine` adds the engine's own gauges (events dispatched/failed, outbox backlog).
    QByteArray render(const Json &engine) const;

private:
    static constexpr std::array<double, 12> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};
    QHash<QString, qint64> m_requests; // "route\tmethod\tstatus"
    std::array<qint64, kBuckets.size() + 1> m_hist{};
    double m_sum = 0;
    qint64 m_count = 0;
    QHash<QString, qint64> m_refused;
    qint64 m_open = 0, m_accepted = 0;
};

} // namespace ery::http
