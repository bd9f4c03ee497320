#include "httpmetrics.h"

namespace ery::http {

namespace {
QByteArray label(const QString &v)
{
    QByteArray b = v.toUtf8();
    b.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return b;
}
} // namespace

void HttpMetrics::request(const QString &route, const QString &method, int status, double seconds)
{
    m_requests[route + QLatin1Char('\t') + method + QLatin1Char('\t') + QString::number(status)]++;
    size_t i = 0;
    while (i < kBuckets.size() && seconds > kBuckets[i])
        ++i;
    m_hist[i]++;
    m_sum += seconds;
    m_count++;
}

QByteArray HttpMetrics::render(const Json &engine) const
{
    QByteArray out;
    out += "# HELP eryxon_http_requests_total HTTP requests answered, by route pattern, method and status.\n"
           "# TYPE eryxon_http_requests_total counter\n";
    for (auto it = m_requests.begin(); it != m_requests.end(); ++it) {
        const QStringList p = it.key().split(QLatin1Char('\t'));
        out += "eryxon_http_requests_total{route=\"" + label(p[0]) + "\",method=\"" + label(p[1]) + "\",status=\"" + p[2].toLatin1() +
               "\"} " + QByteArray::number(it.value()) + "\n";
    }
    out += "# HELP eryxon_http_request_duration_seconds Time from a parsed request to its response.\n"
           "# TYPE eryxon_http_request_duration_seconds histogram\n";
    qint64 cumulative = 0;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
        cumulative += m_hist[i];
        out += "eryxon_http_request_duration_seconds_bucket{le=\"" + QByteArray::number(kBuckets[i]) + "\"} " +
               QByteArray::number(cumulative) + "\n";
    }
    cumulative += m_hist[kBuckets.size()];
    out += "eryxon_http_request_duration_seconds_bucket{le=\"+Inf\"} " + QByteArray::number(cumulative) + "\n";
    out += "eryxon_http_request_duration_seconds_sum " + QByteArray::number(m_sum, 'g', 12) + "\n";
    out += "eryxon_http_request_duration_seconds_count " + QByteArray::number(m_count) + "\n";
    out += "# HELP eryxon_http_connections_open Open HTTP connections.\n# TYPE eryxon_http_connections_open gauge\n";
    out += "eryxon_http_connections_open " + QByteArray::number(m_open) + "\n";
    out +=
        "# HELP eryxon_http_connections_accepted_total Accepted HTTP connections.\n# TYPE eryxon_http_connections_accepted_total counter\n";
    out += "eryxon_http_connections_accepted_total " + QByteArray::number(m_accepted) + "\n";
    out += "# HELP eryxon_http_refused_total Requests or connections the front end cut off, by reason.\n# TYPE eryxon_http_refused_total "
           "counter\n";
    for (auto it = m_refused.begin(); it != m_refused.end(); ++it)
        out += "eryxon_http_refused_total{reason=\"" + label(it.key()) + "\"} " + QByteArray::number(it.value()) + "\n";
    auto gauge = [&](const char *name, const char *help, const char *type, const Json &v) {
        if (!v.is_number())
            return;
        out += QByteArray("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n" + name + " " +
               QByteArray::fromStdString(v.dump()) + "\n";
    };
    gauge("eryxon_events_dispatched_total", "Outbox entries handed to the sinks.", "counter", engine.value("events_dispatched", Json()));
    gauge("eryxon_events_failed_total", "Failed sink deliveries.", "counter", engine.value("dispatch_failures", Json()));
    if (engine.contains("outbox"))
        gauge("eryxon_outbox_backlog", "Committed outbox entries not yet dispatched.", "gauge", engine["outbox"].value("backlog", Json()));
    gauge("eryxon_realtime_connections", "Open realtime WebSocket connections.", "gauge", engine.value("realtime_connections", Json()));
    gauge("eryxon_uptime_seconds", "Seconds since the engine opened.", "gauge", engine.value("uptime_seconds", Json()));
    return out;
}

} // namespace ery::http
