#pragma once

#include "core/result.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkReply;

namespace ery {

class Services;

// Sends due webhook deliveries over HTTP: signed, 15 s timeout, no redirects, target policy checked
// on the resolved addresses. Runs in the engine thread without ever blocking it; a slow or hanging
// receiver holds only its own slots, so the others keep being served.
class WebhookDeliverer : public QObject {
    Q_OBJECT
public:
    explicit WebhookDeliverer(Services &services, QObject *parent = nullptr);
    ~WebhookDeliverer() override;

    void start(int pollMs = 1000);
    void stop();
    int inFlight() const { return m_inFlight; }

    static constexpr int kTimeoutMs = 15000;
    static constexpr int kMaxInFlight = 64;
    static constexpr int kMaxPerWebhook = 8;
    static constexpr int kLeaseMs = kTimeoutMs + 5000; // another instance may retry after this

public slots:
    void wake();

private:
    void pump();
    void send(const Json &delivery);
    void post(const Json &delivery, const Json &webhook);
    // finish: an attempt that held a slot; record: the outcome alone (also for attempts refused
    // before they were sent).
    void finish(const Json &delivery, int statusCode, qint64 durationMs, const QString &excerpt, const QString &error, int retryAfter,
                bool retryable);
    void record(const Json &delivery, int statusCode, qint64 durationMs, const QString &excerpt, const QString &error, int retryAfter,
                bool retryable);

    QNetworkAccessManager *namFor(const QString &webhookId);

    Services &m_s;
    // One network manager per webhook: Qt pools connections per manager, so a receiver that hangs
    // can only ever tie up its own connections.
    QHash<QString, QNetworkAccessManager *> m_nams;
    QTimer m_poll;
    bool m_scheduled = false;
    bool m_stopping = false;
    int m_inFlight = 0;
    QHash<QString, int> m_perWebhook;
    QList<QPointer<QNetworkReply>> m_replies;
};

} // namespace ery
