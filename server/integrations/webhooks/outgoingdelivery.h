#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace ery::integrations {

// One webhook delivery as the sender needs it: which row, which webhook, and the exact body.
struct OutgoingDelivery {
    QString id;
    QString tenantId;
    QString webhookId;
    QString eventId;
    QString eventType;
    QByteArray body;
    int attempts = 0;        // attempts made before this one
    qint64 leaseUntilMs = 0; // this process owns the row until then
};

} // namespace ery::integrations

Q_DECLARE_METATYPE(ery::integrations::OutgoingDelivery)
