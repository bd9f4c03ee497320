#include "subscriptionhub.h"

#include "core/jsonutil.h"

#include <QMetaMethod>

using namespace ery::domain;

namespace ery::events {

Status SubscriptionHub::deliver(const OutboxEntry &e)
{
    // Nothing is built for a signal nobody listens to (a headless hub without feed clients).
    static const QMetaMethod rowSignal = QMetaMethod::fromSignal(&SubscriptionHub::rowChanged);
    static const QMetaMethod eventSignal = QMetaMethod::fromSignal(&SubscriptionHub::domainEvent);
    static const QMetaMethod changeSignal = QMetaMethod::fromSignal(&SubscriptionHub::changeCommitted);
    if (e.isEvent()) {
        if (isSignalConnected(eventSignal))
            emit domainEvent(e.topic, e.tenantId, e.entityId, QByteArray::fromStdString(e.payloadText));
    } else {
        if (isSignalConnected(rowSignal))
            emit rowChanged(e.topic, e.tenantId, e.entityId, str(e.payload(), "eventType"));
        if (isSignalConnected(changeSignal))
            emit changeCommitted(e.topic, e.tenantId, QByteArray::fromStdString(e.payloadText));
    }
    return {};
}

} // namespace ery::events
