#pragma once

#include "core/result.h"
#include "outgoingdelivery.h"
#include "services/webhookservice.h"

#include <QHash>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <vector>

class QNetworkReply;

namespace ery::services {
class Services;
}

namespace ery::integrations {

class WebhookSink;

// Sends webhook deliveries over HTTP: signed, 15 s timeout, no redirects, target policy checked
// on the resolved addresses. Runs in the engine thread without ever blocking it; a slow or hanging
// receiver holds only its own slots, so the others keep being served.
//
// First attempts arrive in memory from the sink (rows already leased to this process); retries,
// overflow and rows whose lease ran out are found by a scan of the table. Outcomes are recorded in
// batches: one transaction for every attempt that finished since the last one.
class WebhookDeliverer : public QObject {
    Q_OBJECT
public:
    explicit WebhookDeliverer(services::Services &services, QObject *parent = nullptr);
    ~WebhookDeliverer() override;

    // Takes the sink's handed-over deliveries and its news of changed webhooks and tenants.
    void listenTo(WebhookSink *sink);
    void start(int pollMs = 1000);
    void stop();
    int inFlight() const { return m_inFlight; }
    // Attempts answered 2xx, and attempts that failed, since this process started (the status bar).
    qint64 delivered() const { return m_delivered; }
    qint64 failed() const { return m_failed; }
    // Room in memory for one more handed-over delivery of this webhook.
    bool acceptsHandoff(const QString &webhookId) const;

    static constexpr int kTimeoutMs = 15000;
    static constexpr int kMaxInFlight = 64;
    static constexpr int kMaxPerWebhook = 8;
    static constexpr int kLeaseMs = kTimeoutMs + 5000; // another instance may retry after this
    static constexpr int kMaxQueued = 20000;           // handed-over deliveries waiting in memory
    static constexpr int kMaxQueuedPerWebhook = 5000;

public slots:
    void wake();
    void enqueue(const QList<ery::integrations::OutgoingDelivery> &deliveries);
    void forgetWebhooks(const QString &tenantId); // their rows changed: read them again
    void forgetTenant(const QString &tenantId);

private:
    void pump();
    bool sendQueued();
    void scan();
    void send(OutgoingDelivery d);
    void post(const OutgoingDelivery &d, const Json &webhook);
    // finish: an attempt that held a slot; record: the outcome alone (also for attempts refused
    // before they were sent).
    void finish(const OutgoingDelivery &d, const services::AttemptOutcome &o);
    void record(const OutgoingDelivery &d, const services::AttemptOutcome &o);
    void flushRecords();
    Result<Json> webhook(const QString &tenantId, const QString &id);
    bool loopbackAllowed(const QString &tenantId);

    QNetworkAccessManager *namFor(const QString &webhookId);

    services::Services &m_s;
    // One network manager per webhook: Qt pools connections per manager, so a receiver that hangs
    // can only ever tie up its own connections.
    QHash<QString, QNetworkAccessManager *> m_nams;
    QTimer m_poll;
    bool m_scheduled = false;
    bool m_stopping = false;
    int m_inFlight = 0;
    qint64 m_delivered = 0;
    qint64 m_failed = 0;
    QHash<QString, int> m_perWebhook;
    QList<QPointer<QNetworkReply>> m_replies;
    QHash<QString, std::deque<OutgoingDelivery>> m_queued; // per webhook, in event order
    int m_queuedTotal = 0;
    QHash<QString, Json> m_hooks;    // webhook rows by id, dropped when the sink sees them change
    QHash<QString, bool> m_loopback; // tenant → allow_loopback_webhooks
    std::vector<std::pair<Row, services::AttemptOutcome>> m_outcomes;
    bool m_recordScheduled = false;
};

} // namespace ery::integrations
