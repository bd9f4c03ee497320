#include "idempotentposts.h"

#include "method.h"
#include "services/idempotencystore.h"

#include <QCryptographicHash>

#include <algorithm>

using ery::services::IdempotencyStore;

namespace ery::http {

bool IdempotentPosts::recorded(const Response &resp)
{
    if (resp.stream || !resp.file.isEmpty())
        return false;
    return resp.status < 500 && resp.status != 401 && resp.status != 403 && resp.status != 429;
}

QString IdempotentPosts::requestHash(const Request &r)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(methodName(r.method).toUtf8());
    h.addData(QByteArrayView(" "));
    h.addData(r.path.toUtf8());
    QStringList query;
    for (auto it = r.query.cbegin(); it != r.query.cend(); ++it)
        query << it.key() + QLatin1Char('=') + it.value();
    std::sort(query.begin(), query.end());
    h.addData(QByteArrayView("?"));
    h.addData(query.join(QLatin1Char('&')).toUtf8());
    h.addData(QByteArrayView("\n"));
    h.addData(r.body);
    if (r.upload)
        h.addData(r.upload->sha256);
    return QString::fromLatin1(h.result().toHex());
}

Response IdempotentPosts::handle(Request &r, const Handler &handler)
{
    const bool sent = std::any_of(r.headers.cbegin(), r.headers.cend(),
                                  [](const auto &h) { return h.first.compare("idempotency-key", Qt::CaseInsensitive) == 0; });
    if (!sent || !r.key)
        return handler(r);
    const QByteArray header = r.header("idempotency-key").trimmed();
    const bool visibleAscii = std::all_of(header.begin(), header.end(), [](char c) { return c > 0x20 && c < 0x7f; });
    if (header.isEmpty() || header.size() > IdempotencyStore::kMaxKeyLength || !visibleAscii)
        return Response::error(Error::badRequest(
            QStringLiteral("Idempotency-Key must be 1 to %1 visible ASCII characters (a UUID is a good key)").arg(IdempotencyStore::kMaxKeyLength)));
    const QString key = QString::fromLatin1(header);
    const domain::Scope scope = r.scope();
    const QString hash = requestHash(r);
    const QString flight = scope.tenantId + QLatin1Char(' ') + key;
    if (m_inFlight.contains(flight))
        return Response::error(Error{ErrorCode::Conflict,
                                     QStringLiteral("The first request with this Idempotency-Key is still being worked on: retry when it is answered"),
                                     Json{{"reason", "IDEMPOTENCY_KEY_IN_FLIGHT"}}});
    auto earlier = m_store.find(scope, key);
    if (!earlier)
        return Response::error(earlier.error());
    if (*earlier) {
        const IdempotencyStore::Answer &a = **earlier;
        if (a.requestHash != hash)
            return Response::error(Error::conflict(
                QStringLiteral("This Idempotency-Key was used for another request (method, path, query or body differ): use a new key for a new request")));
        return Response::text(a.status, a.body, a.contentType).header("Idempotent-Replayed", "true");
    }

    Response resp = handler(r);
    if (resp.later) {
        // Recorded once known, in a write of its own (the work's own transaction is over by then).
        m_inFlight.insert(flight);
        resp.later = [this, start = std::move(resp.later), scope, key, hash, flight](Response::Done done) {
            start([this, scope, key, hash, flight, done = std::move(done)](Response answer) {
                m_inFlight.remove(flight);
                if (recorded(answer))
                    (void)m_store.remember(scope, key, {hash, answer.status, answer.contentType, answer.body});
                done(std::move(answer));
            });
        };
        return resp;
    }
    if (recorded(resp)) {
        // The request's write group is open: the record commits with the work, or neither does.
        if (auto s = m_store.remember(scope, key, {hash, resp.status, resp.contentType, resp.body}); !s)
            return Response::error(s.error());
    }
    return resp;
}

} // namespace ery::http
