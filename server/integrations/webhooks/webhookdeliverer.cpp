#include "webhookdeliverer.h"

#include "domain/targetpolicy.h"
#include "services/services.h"
#include "webhooksigner.h"
#include "webhooksink.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHostInfo>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QUrl>

using namespace ery::domain;
using namespace ery::services;

Q_LOGGING_CATEGORY(lcWebhooks, "eryxon.webhooks")

namespace ery::integrations {

namespace {

int retryAfterSeconds(const QByteArray &header)
{
    if (header.isEmpty())
        return -1;
    bool ok = false;
    const int secs = header.trimmed().toInt(&ok);
    if (ok)
        return std::max(0, secs);
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(header.trimmed()), Qt::RFC2822Date);
    if (when.isValid())
        return int(std::max<qint64>(0, (when.toMSecsSinceEpoch() - Clock::nowMs()) / 1000));
    return -1;
}

AttemptOutcome refused(const QString &why, bool retryable = false)
{
    AttemptOutcome o;
    o.error = why;
    o.retryable = retryable;
    return o;
}

} // namespace

WebhookDeliverer::WebhookDeliverer(Services &services, QObject *parent) : QObject(parent), m_s(services)
{
    qRegisterMetaType<ery::integrations::OutgoingDelivery>();
    qRegisterMetaType<QList<ery::integrations::OutgoingDelivery>>();
    connect(&m_poll, &QTimer::timeout, this, &WebhookDeliverer::wake);
}

WebhookDeliverer::~WebhookDeliverer()
{
    stop();
}

QNetworkAccessManager *WebhookDeliverer::namFor(const QString &webhookId)
{
    QNetworkAccessManager *&nam = m_nams[webhookId];
    if (!nam) {
        nam = new QNetworkAccessManager(this);
        nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        nam->setAutoDeleteReplies(false);
    }
    return nam;
}

void WebhookDeliverer::listenTo(WebhookSink *sink)
{
    connect(sink, &WebhookSink::deliveriesQueued, this, &WebhookDeliverer::wake);
    connect(sink, &WebhookSink::deliveriesReady, this, &WebhookDeliverer::enqueue);
    connect(sink, &WebhookSink::webhooksChanged, this, &WebhookDeliverer::forgetWebhooks);
    connect(sink, &WebhookSink::tenantChanged, this, &WebhookDeliverer::forgetTenant);
    sink->setAcceptsHandoff([this](const QString &id) { return acceptsHandoff(id); });
}

void WebhookDeliverer::start(int pollMs)
{
    m_stopping = false;
    m_poll.start(pollMs);
    wake();
}

void WebhookDeliverer::stop()
{
    // What finished is recorded; in-flight and queued deliveries stay leased and are sent again
    // when the lease runs out (by this process after a restart, or by another instance).
    if (!m_stopping)
        flushRecords();
    m_stopping = true;
    m_poll.stop();
    for (const auto &r : std::as_const(m_replies))
        if (r) {
            r->disconnect(this);
            r->abort();
            r->deleteLater();
        }
    m_replies.clear();
    qDeleteAll(m_nams);
    m_nams.clear();
    m_inFlight = 0;
    m_perWebhook.clear();
    m_queued.clear();
    m_queuedTotal = 0;
    m_outcomes.clear();
}

bool WebhookDeliverer::acceptsHandoff(const QString &webhookId) const
{
    if (m_stopping || m_queuedTotal >= kMaxQueued)
        return false;
    auto it = m_queued.constFind(webhookId);
    return it == m_queued.constEnd() || int(it->size()) < kMaxQueuedPerWebhook;
}

void WebhookDeliverer::enqueue(const QList<OutgoingDelivery> &deliveries)
{
    if (m_stopping)
        return;
    for (const OutgoingDelivery &d : deliveries) {
        m_queued[d.webhookId].push_back(d);
        ++m_queuedTotal;
    }
    pump();
}

void WebhookDeliverer::forgetWebhooks(const QString &tenantId)
{
    for (auto it = m_hooks.begin(); it != m_hooks.end();)
        it = str(*it, "tenant_id") == tenantId ? m_hooks.erase(it) : std::next(it);
}

void WebhookDeliverer::forgetTenant(const QString &tenantId)
{
    m_loopback.remove(tenantId);
}

void WebhookDeliverer::wake()
{
    if (m_scheduled || m_stopping)
        return;
    m_scheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_scheduled = false;
        pump();
    });
}

void WebhookDeliverer::pump()
{
    if (m_stopping)
        return;
    sendQueued();
    if (m_inFlight < kMaxInFlight)
        scan();
}

bool WebhookDeliverer::sendQueued()
{
    // Round robin over the webhooks with waiting deliveries, each up to its own limit.
    bool sent = true, any = false;
    while (sent && m_inFlight < kMaxInFlight && m_queuedTotal > 0) {
        sent = false;
        for (auto it = m_queued.begin(); it != m_queued.end() && m_inFlight < kMaxInFlight;) {
            if (it->empty()) {
                it = m_queued.erase(it);
                continue;
            }
            if (m_perWebhook.value(it.key()) < kMaxPerWebhook) {
                OutgoingDelivery d = std::move(it->front());
                it->pop_front();
                --m_queuedTotal;
                // Too close to the end of its lease: another instance may take it any moment now;
                // leave it to whoever finds it due (this process's scan included).
                if (d.leaseUntilMs - Clock::nowMs() > kTimeoutMs + 2000) {
                    send(std::move(d));
                    sent = any = true;
                }
            }
            ++it;
        }
    }
    return any;
}

void WebhookDeliverer::scan()
{
    // Leasing a row is a write: while a long write holds the database, the scan waits for the poll
    // after it (handed-over deliveries are sent meanwhile).
    if (m_s.deliveries.writeHeld())
        return;
    auto due = m_s.deliveries.dueDeliveries(nowIso(), (kMaxInFlight - m_inFlight) * 2);
    if (!due) {
        qCWarning(lcWebhooks) << "reading due deliveries failed:" << due.error().message;
        return;
    }
    for (const Json &row : *due) {
        if (m_inFlight >= kMaxInFlight)
            break;
        const QString hookId = str(row, "webhook_id");
        if (m_perWebhook.value(hookId) >= kMaxPerWebhook)
            continue;
        const qint64 leaseUntil = Clock::nowMs() + kLeaseMs;
        auto leased = m_s.deliveries.leaseDelivery(str(row, "id"), str(row, "next_attempt_at"), isoOf(leaseUntil));
        if (!leased || !*leased)
            continue; // another instance took it
        auto full = m_s.deliveries.delivery(Scope::of(str(row, "tenant_id")), str(row, "id"));
        if (!full)
            continue;
        const Json &payload = (*full)["payload"];
        send(OutgoingDelivery{str(*full, "id"), str(*full, "tenant_id"), hookId, str(*full, "event_id"), str(*full, "event_type"),
                              QByteArray::fromStdString(payload.is_string() ? payload.get<std::string>() : jsonText(payload)),
                              int(num(*full, "attempts")), leaseUntil});
    }
}

Result<Json> WebhookDeliverer::webhook(const QString &tenantId, const QString &id)
{
    auto it = m_hooks.constFind(id);
    if (it != m_hooks.constEnd())
        return *it;
    auto hook = m_s.deliveries.webhook(Scope::of(tenantId), id);
    if (!hook)
        return hook.error();
    m_hooks.insert(id, *hook);
    return *hook;
}

bool WebhookDeliverer::loopbackAllowed(const QString &tenantId)
{
    auto it = m_loopback.constFind(tenantId);
    if (it != m_loopback.constEnd())
        return *it;
    auto tenant = m_s.tenants.get(tenantId);
    const bool allowed = tenant && flag(*tenant, "allow_loopback_webhooks");
    m_loopback.insert(tenantId, allowed);
    return allowed;
}

void WebhookDeliverer::send(OutgoingDelivery d)
{
    auto hook = webhook(d.tenantId, d.webhookId);
    if (!hook) {
        record(d, refused(QStringLiteral("webhook no longer exists")));
        return;
    }
    if (!flag(*hook, "active")) {
        record(d, refused(QStringLiteral("webhook is disabled")));
        return;
    }
    const QUrl url(str(*hook, "url"));
    const bool loopback = loopbackAllowed(d.tenantId);
    if (auto v = domain::checkWebhookUrl(url, loopback); !v.allowed) {
        record(d, refused(v.reason));
        return;
    }
    ++m_inFlight;
    ++m_perWebhook[d.webhookId];
    QHostAddress literal;
    if (literal.setAddress(url.host())) {
        post(d, *hook);
        return;
    }
    // Resolve first and judge every address: a public-looking name may point at a metadata service.
    const Json h = *hook;
    QHostInfo::lookupHost(url.host(), this, [this, d, h, loopback](const QHostInfo &info) {
        if (m_stopping)
            return;
        const QString host = QUrl(str(h, "url")).host();
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            finish(d, refused(QStringLiteral("cannot resolve %1: %2").arg(host, info.errorString()), true));
            return;
        }
        for (const QHostAddress &a : info.addresses()) {
            if (auto v = domain::checkWebhookAddress(a, loopback); !v.allowed) {
                finish(d, refused(QStringLiteral("%1 resolves to %2: %3").arg(host, a.toString(), v.reason)));
                return;
            }
        }
        post(d, h);
    });
}

void WebhookDeliverer::post(const OutgoingDelivery &d, const Json &webhook)
{
    const qint64 ts = Clock::nowMs() / 1000;
    QNetworkRequest req(QUrl(str(webhook, "url")));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Eryxon-Webhooks/1.0"));
    req.setRawHeader("X-Eryxon-Event", d.eventType.toUtf8());
    req.setRawHeader("X-Eryxon-Signature", WebhookSigner::eryxonSignature(str(webhook, "secret"), d.body));
    req.setRawHeader("webhook-id", d.eventId.toUtf8());
    req.setRawHeader("webhook-timestamp", QByteArray::number(ts));
    req.setRawHeader("webhook-signature",
                     WebhookSigner::standardSignatures(WebhookService::signingSecrets(webhook), d.eventId, ts, d.body));
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    req.setTransferTimeout(kTimeoutMs);
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = namFor(d.webhookId)->post(req, d.body);
    m_replies << reply;
    // A receiver that answers with megabytes gets cut off: only the first KiB is kept anyway.
    connect(reply, &QNetworkReply::readyRead, reply, [reply] {
        if (reply->bytesAvailable() > 64 * 1024)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, d, timer] {
        m_replies.removeAll(reply);
        reply->deleteLater();
        AttemptOutcome o;
        o.statusCode = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        o.durationMs = timer.elapsed();
        o.responseExcerpt = reply->isOpen() ? QString::fromUtf8(reply->read(1024)) : QString();
        if (o.statusCode == 0)
            o.error = reply->error() == QNetworkReply::OperationCanceledError
                          ? QStringLiteral("timed out after %1 s").arg(kTimeoutMs / 1000)
                          : reply->errorString();
        else if (o.statusCode >= 300 && o.statusCode < 400)
            o.error = QStringLiteral("redirects are not followed (HTTP %1 to %2)")
                          .arg(o.statusCode)
                          .arg(QString::fromUtf8(reply->rawHeader("Location")));
        o.retryAfterSeconds = retryAfterSeconds(reply->rawHeader("Retry-After"));
        finish(d, o);
    });
}

void WebhookDeliverer::finish(const OutgoingDelivery &d, const AttemptOutcome &o)
{
    if (m_perWebhook.contains(d.webhookId)) {
        if (--m_perWebhook[d.webhookId] <= 0)
            m_perWebhook.remove(d.webhookId);
        --m_inFlight;
    }
    record(d, o);
}

void WebhookDeliverer::record(const OutgoingDelivery &d, const AttemptOutcome &o)
{
    if (m_stopping)
        return;
    const bool delivered = o.statusCode >= 200 && o.statusCode < 300;
    ++(delivered ? m_delivered : m_failed);
    if (!delivered) {
        // The receiver as the admin registered it, without what may be a secret (user info, query).
        const QUrl url(str(m_hooks.value(d.webhookId), "url"));
        const QString target = url.isValid() && !url.isEmpty()
                                   ? url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toString()
                                   : QStringLiteral("webhook %1").arg(d.webhookId);
        qCWarning(lcWebhooks).noquote() << QStringLiteral("delivering %1 (event %2) to %3 failed on attempt %4: %5%6")
                                               .arg(d.eventType, d.eventId, target)
                                               .arg(d.attempts + 1)
                                               .arg(o.error.isEmpty() ? QStringLiteral("HTTP %1").arg(o.statusCode) : o.error)
                                               .arg(o.retryable ? QString() : QStringLiteral(" (not retried)"));
    }
    m_outcomes.emplace_back(Row{{"id", toStd(d.id)},
                                {"tenant_id", toStd(d.tenantId)},
                                {"webhook_id", toStd(d.webhookId)},
                                {"event_type", toStd(d.eventType)},
                                {"attempts", d.attempts}},
                            o);
    // The free slot is used on the next turn of the event loop; the bookkeeping of everything that
    // finished meanwhile follows in one transaction.
    wake();
    if (!m_recordScheduled) {
        m_recordScheduled = true;
        QMetaObject::invokeMethod(
            this, [this] { flushRecords(); }, Qt::QueuedConnection);
    }
}

void WebhookDeliverer::flushRecords()
{
    m_recordScheduled = false;
    if (m_outcomes.empty())
        return;
    if (m_s.deliveries.writeHeld()) {
        // Kept, and recorded once the long write (an import) is over.
        m_recordScheduled = true;
        m_s.deliveries.whenWritable(this, [this] { flushRecords(); });
        return;
    }
    std::vector<std::pair<Row, AttemptOutcome>> batch;
    batch.swap(m_outcomes);
    if (auto r = m_s.webhooks.recordAttempts(batch); !r)
        qCWarning(lcWebhooks) << "recording" << batch.size() << "attempts failed:" << r.error().message;
    // A recorded failure may have changed a webhook (failing since, disabled).
    wake();
}

} // namespace ery::integrations
