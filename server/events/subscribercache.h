#pragma once

#include "domain/outboxentry.h"
#include "domain/scope.h"

#include <QHash>
#include <QStringList>

#include <functional>
#include <vector>

namespace ery::events {

// The active subscribers (webhooks, MQTT publishers) of each tenant as a durable sink sees them,
// read once and kept until the outbox itself says they changed: every write to the subscribers'
// table leaves a row change in the outbox, in commit order, so the cache is dropped exactly where in
// the stream the change happened — also for changes made by another process.
class SubscriberCache {
public:
    struct Subscriber {
        Json row;
        QStringList patterns; // event names or wildcards
        QString createdAt;
    };
    using Loader = std::function<Result<Rows>(const domain::Scope &)>;

    SubscriberCache(QString table, Loader loader) : m_table(std::move(table)), m_load(std::move(loader)) { }

    // Every entry a sink is given passes here: a change to the subscribers' table (or a watched one)
    // forgets that tenant; an event gets the subscribers of its tenant that want it and already
    // existed when it occurred (a subscriber never receives what happened before it was created,
    // even when a batch is seen again). A row change has none.
    Result<std::vector<const Subscriber *>> subscribersOf(const domain::OutboxEntry &e);
    // Another table whose rows the loaded subscribers carry (the tenant's names).
    void alsoWatch(const QString &table) { m_also << table; }
    void clear() { m_byTenant.clear(); }

private:
    Result<std::vector<const Subscriber *>> matching(const domain::OutboxEntry &e);
    QString m_table;
    QStringList m_also;
    Loader m_load;
    QHash<QString, std::vector<Subscriber>> m_byTenant;
};

} // namespace ery::events
