#include "subscribercache.h"

#include "core/jsonutil.h"
#include "eventcatalog.h"

using namespace ery::domain;

namespace ery::events {

Result<std::vector<const SubscriberCache::Subscriber *>> SubscriberCache::subscribersOf(const OutboxEntry &e)
{
    if (e.isEvent())
        return matching(e);
    if (e.topic == m_table || m_also.contains(e.topic))
        m_byTenant.remove(e.tenantId);
    return std::vector<const Subscriber *>();
}

Result<std::vector<const SubscriberCache::Subscriber *>> SubscriberCache::matching(const OutboxEntry &e)
{
    auto it = m_byTenant.find(e.tenantId);
    if (it == m_byTenant.end()) {
        auto rows = m_load(Scope::of(e.tenantId));
        if (!rows)
            return rows.error();
        std::vector<Subscriber> subs;
        subs.reserve(rows->size());
        for (Row &r : *rows) {
            Subscriber s;
            for (const auto &p : r["events"])
                if (p.is_string())
                    s.patterns << fromStd(p.get<std::string>());
            s.createdAt = str(r, "created_at");
            s.row = std::move(r);
            subs.push_back(std::move(s));
        }
        it = m_byTenant.insert(e.tenantId, std::move(subs));
    }
    std::vector<const Subscriber *> out;
    for (const Subscriber &s : *it)
        if (e.occurredAt >= s.createdAt && eventMatchesAny(s.patterns, e.topic))
            out.push_back(&s);
    return out;
}

} // namespace ery::events
