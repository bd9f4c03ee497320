#pragma once

#include "events/sink.h"
#include "events/subscribercache.h"
#include "outgoingdelivery.h"

#include <QObject>

#include <functional>

namespace ery::services {
class Services;
}

namespace ery::integrations {

// Turns each committed domain event into one delivery row per matching active webhook of the
// event's tenant (a sandbox event only ever matches sandbox webhooks). Durable: the rows are
// written in the same transaction that advances this sink's outbox cursor.
//
// The first attempt does not wait for a scan of the table: when the sender has room, the row is
// written already leased to this process and handed over in memory once the transaction commits.
// Should the process stop before sending, the lease runs out and the row is sent by the scan.
class WebhookSink : public QObject, public events::Sink {
    Q_OBJECT
public:
    explicit WebhookSink(services::Services &services, QObject *parent = nullptr);
    QString name() const override { return QStringLiteral("webhooks"); }
    bool durable() const override { return true; }
    Status deliver(const domain::OutboxEntry &e) override;
    Status flush() override;
    void batchEnded(bool committed) override;

    // Whether the sender takes one more delivery for this webhook in memory right now.
    void setAcceptsHandoff(std::function<bool(const QString &webhookId)> accepts) { m_accepts = std::move(accepts); }

    // The body receivers get: {id, event, timestamp, data}.
    static Json body(const domain::OutboxEntry &e);
    // How long a handed-over delivery is leased: the sender's queue wait plus one attempt.
    static constexpr qint64 kHandoffLeaseMs = 30000;

signals:
    void deliveriesQueued();                                                  // rows the scan will find
    void deliveriesReady(const QList<ery::integrations::OutgoingDelivery> &); // leased rows, to send now
    void webhooksChanged(const QString &tenantId);
    void tenantChanged(const QString &tenantId);

private:
    services::Services &m_s;
    events::SubscriberCache m_hooks;
    std::function<bool(const QString &)> m_accepts;
    // The batch's deliveries, written by flush(): the rows, and for each what becomes of it.
    Rows m_rows;
    std::vector<std::pair<OutgoingDelivery, bool>> m_pending; // handed over (true) or left to the scan
    QList<OutgoingDelivery> m_handoff;                        // written in the open transaction, sent once it commits
    bool m_queued = false;
};

} // namespace ery::integrations
