#pragma once

#include "sink.h"

#include <QObject>

namespace ery::events {

// In-process fan-out of committed changes: the desktop's subscriptions (through InProcessClient)
// and the realtime WebSocket feed listen here. Not durable.
class SubscriptionHub : public QObject, public Sink {
    Q_OBJECT
public:
    using QObject::QObject;
    QString name() const override { return QStringLiteral("subscriptions"); }
    Status deliver(const domain::OutboxEntry &e) override;

signals:
    // A row of `table` changed (INSERT/UPDATE/DELETE).
    void rowChanged(const QString &table, const QString &tenantId, const QString &entityId, const QString &eventType);
    // A domain event (operation.started ...), payload as compact JSON text.
    void domainEvent(const QString &type, const QString &tenantId, const QString &entityId, const QByteArray &payload);
    // The same row change with its payload ({table, eventType, commit_timestamp, new, old}) as
    // compact JSON text, for the realtime feed.
    void changeCommitted(const QString &table, const QString &tenantId, const QByteArray &payload);
};

} // namespace ery::events
