#pragma once

#include "domain/outboxentry.h"

namespace ery::events {

// A consumer of the outbox. Non-durable sinks (the realtime feed, the desktop's subscriptions) see
// what is committed while they run; durable sinks (webhooks, MQTT) keep a cursor in the database,
// advanced in the same transaction as their own bookkeeping, so a restart resumes where they were.
class Sink {
public:
    virtual ~Sink() = default;
    virtual QString name() const = 0;
    virtual bool durable() const { return false; }
    // Must not block the engine thread. A durable sink is called inside the cursor's transaction and
    // may write its own rows through the engine's Database (they join that transaction). A durable
    // sink's effects are those rows: a batch that wrote nothing may be handed to it again after a
    // restart or to another instance, because its cursor is then only persisted now and then.
    virtual Status deliver(const domain::OutboxEntry &e) = 0;
    // A durable sink, inside the batch's transaction after its last deliver(): writes what deliver()
    // kept for one write per batch (rows of many entries in a few statements).
    virtual Status flush() { return {}; }
    // After the transaction of a durable sink's batch ended: committed, or rolled back (then
    // whatever the sink prepared for those rows is void and the batch comes again).
    virtual void batchEnded(bool committed) { Q_UNUSED(committed); }
};

} // namespace ery::events
