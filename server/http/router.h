#pragma once

#include "route.h"

#include <functional>
#include <vector>

namespace ery::http {

// A method table: explicit 404 (no route has this path) vs 405 (some route has it, not with this
// method; the Allow header lists the ones that do). Both route tables live here: the canonical
// /api/v1/... routes and the original's /functions/v1/api-<resource>?id= routes point at the same
// handlers.
class Router {
public:
    // While the database is held by a long write (Database::holdBegin, an import between two of its
    // steps) a request that writes cannot run: routes whose method changes data (POST, PUT, PATCH,
    // DELETE) are then answered once writes are taken again, in the order they came.
    struct WriteGate {
        std::function<bool()> held;
        std::function<void(std::function<void()>)> whenFree; // runs the function later, once free
    };
    void setWriteGate(WriteGate gate) { m_gate = std::move(gate); }

    // The route added, to set more of it (streamedBody) before the next add.
    Route &add(Method m, const QString &pattern, Access access, Handler h, RouteDoc doc = {});
    // The same handler on the compatible table (not described in the OpenAPI document).
    Route &compat(Method m, const QString &pattern, Access access, Handler h, const QStringList &textParams = {});
    // Whether a request line's method and target (not decoded) name a route whose body streams.
    bool streamsBody(QByteArrayView method, QByteArrayView target) const;

    struct Match {
        const Route *route = nullptr;
        QHash<QString, QString> params;
        QStringList allowed; // methods of the routes matching the path, when route is null
    };
    Match match(Method m, const QString &path) const;
    // Every method some route takes on this path (+ HEAD with GET, + OPTIONS); empty = no route.
    QStringList methodsFor(const QString &path) const;
    const std::vector<Route> &routes() const { return m_routes; }

private:
    static bool matches(const Route &r, const QStringList &segs, QHash<QString, QString> *params);
    void runWhenWritable(const Handler &h, Request r, Response::Done done);
    std::vector<Route> m_routes;
    WriteGate m_gate;
};

} // namespace ery::http
