#include "subscriptionhub.h"

#include "core/jsonutil.h"

namespace ery {

Status SubscriptionHub::deliver(const OutboxEntry &e)
{
    if (e.isEvent())
        emit domainEvent(e.topic, e.tenantId, e.entityId, QByteArray::fromStdString(e.payload.dump()));
    else
        emit rowChanged(e.topic, e.tenantId, e.entityId, str(e.payload, "eventType"));
    return {};
}

} // namespace ery
