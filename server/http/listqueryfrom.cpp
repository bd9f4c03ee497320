// listQueryFrom (declared in resourcespec.h) in a file of its own: it reads nothing but the
// request's query, so the query fuzzer links it without the routes, the services or the storage.
#include "resourcespec.h"

#include <algorithm>

using namespace ery::domain;

namespace ery::http {

const QStringList &listParameters()
{
    static const QStringList names{QStringLiteral("limit"),  QStringLiteral("offset"), QStringLiteral("sort"),   QStringLiteral("order"),
                                   QStringLiteral("search"), QStringLiteral("apikey"), QStringLiteral("select"), QStringLiteral("fields")};
    return names;
}

Result<ListQuery> listQueryFrom(const Request &r, const ResourceSpec &spec)
{
    ListQuery q;
    // Text matched with LIKE: short enough for any engine's pattern limit (SQLite refuses 50,000).
    // The routes check it already; this holds for any other caller of listQueryFrom.
    QStringList text;
    for (const Filter &f : spec.filters)
        if (f.kind == Filter::Like)
            text << f.param;
    ERY_TRY(r.checkQuerySizes(text));
    // A misspelt filter (`?stauts=…`) would otherwise answer every row as if it matched.
    for (auto it = r.query.begin(); it != r.query.end(); ++it) {
        const QString &name = it.key();
        if (listParameters().contains(name) || spec.listParams.contains(name))
            continue;
        if (std::any_of(spec.filters.begin(), spec.filters.end(), [&](const Filter &f) { return f.param == name; }))
            continue;
        QStringList filters;
        for (const Filter &f : spec.filters)
            filters << f.param;
        filters << spec.listParams;
        Json allowed = Json::array();
        for (const QString &n : listParameters().mid(0, 5) + filters)
            allowed.push_back(toStd(n));
        Error e =
            Error::badRequest(QStringLiteral("Unknown query parameter \"%1\" for %2. Filters: %3; also limit, offset, sort, order, search")
                                  .arg(name.left(kMaxQueryName), spec.plural,
                                       filters.isEmpty() ? QStringLiteral("none") : filters.join(QStringLiteral(", "))));
        e.details = Json{{"parameter", toStd(name.left(kMaxQueryName))}, {"allowed", allowed}};
        return e;
    }
    auto integer = [&](const char *name, qint64 fallback) -> Result<qint64> {
        if (!r.has(QLatin1String(name)))
            return fallback;
        bool ok = false;
        const qint64 v = r.q(QLatin1String(name)).toLongLong(&ok);
        if (!ok)
            return Error::badRequest(QStringLiteral("%1 must be an integer").arg(QLatin1String(name)));
        return v;
    };
    auto limit = integer("limit", kDefaultListLimit);
    if (!limit)
        return limit.error();
    auto offset = integer("offset", 0);
    if (!offset)
        return offset.error();
    if (*offset < 0)
        return Error::badRequest(QStringLiteral("offset must not be negative"));
    q.limit = int(std::clamp<qint64>(*limit, 1, kMaxListLimit));
    q.offset = int(std::min<qint64>(*offset, kMaxListOffset));
    const QString sort = r.q(QStringLiteral("sort"));
    q.sort = spec.sorts.contains(sort) ? sort : spec.defaultSort;
    const QString order = r.q(QStringLiteral("order")).toLower();
    if (!order.isEmpty() && order != QLatin1String("asc") && order != QLatin1String("desc"))
        return Error::badRequest(QStringLiteral("order must be asc or desc"));
    q.descending = order.isEmpty() ? (spec.sorts.contains(sort) ? false : spec.defaultDescending) : order == QLatin1String("desc");
    q.search = r.q(QStringLiteral("search"));
    for (const Filter &f : spec.filters) {
        if (!r.has(f.param))
            continue;
        const QString v = r.q(f.param);
        const QString col = f.column.isEmpty() ? f.param : f.column;
        switch (f.kind) {
        case Filter::Exact:
            if (!f.choices.isEmpty() && !f.choices.contains(v)) {
                Json allowed = Json::array();
                for (const QString &c : f.choices)
                    allowed.push_back(toStd(c));
                return Error::validation(Json::array(
                    {{{"field", toStd(f.param)},
                      {"message", toStd(QStringLiteral("%1 must be one of %2").arg(f.param, f.choices.join(QStringLiteral(", "))))},
                      {"value", toStd(v)},
                      {"constraint", "enum"},
                      {"allowed", allowed}}}));
            }
            q.eq.emplace_back(col, v);
            break;
        case Filter::Bool:
        case Filter::NonZero: {
            const QString b = v.toLower();
            if (b != QLatin1String("true") && b != QLatin1String("false") && b != QLatin1String("1") && b != QLatin1String("0"))
                return Error::badRequest(QStringLiteral("%1 must be true or false").arg(f.param));
            const bool on = b == QLatin1String("true") || b == QLatin1String("1");
            if (f.kind == Filter::Bool)
                q.eq.emplace_back(col, on ? 1 : 0);
            else if (on)
                q.conds.push_back({col, ListQuery::Op::Gte, 1});
            else
                q.eq.emplace_back(col, 0);
            break;
        }
        case Filter::Like: q.conds.push_back({col, ListQuery::Op::Like, v}); break;
        case Filter::Gte:
        case Filter::Lte: {
            // Dates compare as the stored ISO text; a bare date means its first (or last) instant.
            QString t = v;
            if (t.size() == 10)
                t += f.kind == Filter::Gte ? QStringLiteral("T00:00:00.000Z") : QStringLiteral("T23:59:59.999Z");
            q.conds.push_back({col, f.kind == Filter::Gte ? ListQuery::Op::Gte : ListQuery::Op::Lte, t});
            break;
        }
        }
    }
    return q;
}

} // namespace ery::http
