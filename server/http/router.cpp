#include "router.h"

#include <QUrl>

using namespace ery::storage;

namespace ery::http {

namespace {
QStringList split(const QString &path)
{
    return path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
}
} // namespace

Route &Router::add(Method m, const QString &pattern, Access access, Handler h, RouteDoc doc)
{
    // Every route bounds its query parameters before its handler reads any of them.
    Handler bounded = [h = std::move(h), text = doc.textParams](Request &r) {
        if (auto sizes = r.checkQuerySizes(text); !sizes)
            return Response::error(sizes.error());
        return h(r);
    };
    // A write waits while a long write (an import) holds the database.
    if (m == Method::Post || m == Method::Put || m == Method::Patch || m == Method::Delete) {
        bounded = [this, h = std::move(bounded)](Request &req) -> Response {
            if (!m_gate.held || !m_gate.held())
                return h(req);
            return Response::deferred([this, h, req](Response::Done done) { runWhenWritable(h, req, std::move(done)); });
        };
    }
    Route r{m, pattern, split(pattern), 0, access, std::move(bounded), true, std::move(doc)};
    for (const QString &s : r.segments)
        if (!s.startsWith(QLatin1Char('{')))
            ++r.literals;
    m_routes.push_back(std::move(r));
    return m_routes.back();
}

bool Router::streamsBody(QByteArrayView method, QByteArrayView target) const
{
    const Method m = methodFrom(QString::fromLatin1(method.toByteArray()));
    const QString path = QUrl(QString::fromLatin1(target.toByteArray())).path();
    const Match found = match(m, path);
    return found.route && found.route->streamedBody;
}

void Router::runWhenWritable(const Handler &h, Request r, Response::Done done)
{
    if (m_gate.held()) {
        m_gate.whenFree(
            [this, h, r = std::move(r), done = std::move(done)]() mutable { runWhenWritable(h, std::move(r), std::move(done)); });
        return;
    }
    Response resp = h(r);
    if (resp.later) {
        auto start = std::move(resp.later);
        start(std::move(done));
        return;
    }
    done(std::move(resp));
}

Route &Router::compat(Method m, const QString &pattern, Access access, Handler h, const QStringList &textParams)
{
    RouteDoc doc;
    doc.textParams = textParams;
    Route &r = add(m, pattern, access, std::move(h), std::move(doc));
    r.canonical = false;
    return r;
}

bool Router::matches(const Route &r, const QStringList &segs, QHash<QString, QString> *params)
{
    if (r.segments.size() != segs.size())
        return false;
    for (int i = 0; i < segs.size(); ++i) {
        const QString &p = r.segments.at(i);
        if (p.startsWith(QLatin1Char('{'))) {
            if (params)
                params->insert(p.mid(1, p.size() - 2), segs.at(i));
        } else if (p != segs.at(i)) {
            return false;
        }
    }
    return true;
}

Router::Match Router::match(Method m, const QString &path) const
{
    const QStringList segs = split(path);
    Match out;
    const Route *best = nullptr;
    for (const Route &r : m_routes) {
        if (!matches(r, segs, nullptr))
            continue;
        // /jobs/sync beats /jobs/{id} whatever the registration order.
        const Method want = m == Method::Head ? Method::Get : m;
        if (r.method == want) {
            if (!best || r.literals > best->literals)
                best = &r;
        } else {
            const QString name = methodName(r.method);
            if (!out.allowed.contains(name))
                out.allowed << name;
        }
    }
    if (best) {
        out.route = best;
        matches(*best, segs, &out.params);
        out.allowed.clear();
        return out;
    }
    if (!out.allowed.isEmpty()) {
        if (out.allowed.contains(QStringLiteral("GET")))
            out.allowed << QStringLiteral("HEAD");
        out.allowed << QStringLiteral("OPTIONS");
    }
    return out;
}

QStringList Router::methodsFor(const QString &path) const
{
    const QStringList segs = split(path);
    QStringList out;
    for (const Route &r : m_routes)
        if (matches(r, segs, nullptr) && !out.contains(methodName(r.method)))
            out << methodName(r.method);
    if (out.isEmpty())
        return out;
    if (out.contains(QStringLiteral("GET")))
        out << QStringLiteral("HEAD");
    out << QStringLiteral("OPTIONS");
    return out;
}

} // namespace ery::http
