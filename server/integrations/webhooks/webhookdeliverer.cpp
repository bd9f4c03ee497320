#include "webhookdeliverer.h"

#include "domain/targetpolicy.h"
#include "services/services.h"
#include "storage/deliveryrepository.h"
#include "webhooksigner.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHostInfo>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QUrl>

Q_LOGGING_CATEGORY(lcWebhooks, "eryxon.webhooks")

namespace ery {

namespace {

QString isoIn(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(Clock::nowMs() + ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

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

} // namespace

WebhookDeliverer::WebhookDeliverer(Services &services, QObject *parent) : QObject(parent), m_s(services)
{
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

void WebhookDeliverer::start(int pollMs)
{
    m_stopping = false;
    m_poll.start(pollMs);
    wake();
}

void WebhookDeliverer::stop()
{
    // In-flight requests are dropped; their deliveries stay pending and are sent again when the
    // lease runs out (by this process after a restart, or by another instance).
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
    if (m_stopping || m_inFlight >= kMaxInFlight)
        return;
    auto due = DeliveryRepository::systemDueDeliveries(m_s.db, nowIso(), (kMaxInFlight - m_inFlight) * 2);
    if (!due) {
        qCWarning(lcWebhooks) << "reading due deliveries failed:" << due.error().message;
        return;
    }
    for (const Json &d : *due) {
        if (m_inFlight >= kMaxInFlight)
            break;
        const QString hookId = str(d, "webhook_id");
        if (m_perWebhook.value(hookId) >= kMaxPerWebhook)
            continue;
        auto leased = DeliveryRepository::leaseDelivery(m_s.db, str(d, "id"), str(d, "next_attempt_at"), isoIn(kLeaseMs));
        if (!leased || !*leased)
            continue; // another instance took it
        auto full = m_s.repo.webhookDeliveries.get(m_s.db, Scope::of(str(d, "tenant_id")), str(d, "id"), QStringLiteral("delivery"));
        if (full)
            send(*full);
    }
}

void WebhookDeliverer::send(const Json &delivery)
{
    const Scope scope = Scope::of(str(delivery, "tenant_id"));
    auto hook = m_s.repo.webhooks.get(m_s.db, scope, str(delivery, "webhook_id"), QStringLiteral("webhook"));
    if (!hook) {
        record(delivery, 0, 0, {}, QStringLiteral("webhook no longer exists"), -1, false);
        return;
    }
    if (!flag(*hook, "active")) {
        record(delivery, 0, 0, {}, QStringLiteral("webhook is disabled"), -1, false);
        return;
    }
    const QUrl url(str(*hook, "url"));
    auto tenant = m_s.tenants.get(scope.tenantId);
    const bool loopback = tenant && flag(*tenant, "allow_loopback_webhooks");
    if (auto v = domain::checkWebhookUrl(url, loopback); !v.allowed) {
        record(delivery, 0, 0, {}, v.reason, -1, false);
        return;
    }
    ++m_inFlight;
    ++m_perWebhook[str(delivery, "webhook_id")];
    QHostAddress literal;
    if (literal.setAddress(url.host())) {
        post(delivery, *hook);
        return;
    }
    // Resolve first and judge every address: a public-looking name may point at a metadata service.
    const Json d = delivery, h = *hook;
    QHostInfo::lookupHost(url.host(), this, [this, d, h, loopback](const QHostInfo &info) {
        if (m_stopping)
            return;
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            finish(d, 0, 0, {}, QStringLiteral("cannot resolve %1: %2").arg(QUrl(str(h, "url")).host(), info.errorString()), -1, true);
            return;
        }
        for (const QHostAddress &a : info.addresses()) {
            if (auto v = domain::checkWebhookAddress(a, loopback); !v.allowed) {
                finish(d, 0, 0, {}, QStringLiteral("%1 resolves to %2: %3").arg(QUrl(str(h, "url")).host(), a.toString(), v.reason), -1, false);
                return;
            }
        }
        post(d, h);
    });
}

void WebhookDeliverer::post(const Json &delivery, const Json &webhook)
{
    const QByteArray body = QByteArray::fromStdString(delivery["payload"].dump());
    const QString msgId = str(delivery, "event_id");
    const qint64 ts = Clock::nowMs() / 1000;
    QNetworkRequest req(QUrl(str(webhook, "url")));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Eryxon-Webhooks/1.0"));
    req.setRawHeader("X-Eryxon-Event", str(delivery, "event_type").toUtf8());
    req.setRawHeader("X-Eryxon-Signature", WebhookSigner::eryxonSignature(str(webhook, "secret"), body));
    req.setRawHeader("webhook-id", msgId.toUtf8());
    req.setRawHeader("webhook-timestamp", QByteArray::number(ts));
    req.setRawHeader("webhook-signature", WebhookSigner::standardSignatures(WebhookService::signingSecrets(webhook), msgId, ts, body));
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    req.setTransferTimeout(kTimeoutMs);
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = namFor(str(webhook, "id"))->post(req, body);
    m_replies << reply;
    // A receiver that answers with megabytes gets cut off: only the first KiB is kept anyway.
    connect(reply, &QNetworkReply::readyRead, reply, [reply] {
        if (reply->bytesAvailable() > 64 * 1024)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, delivery, timer] {
        m_replies.removeAll(reply);
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QString excerpt = reply->isOpen() ? QString::fromUtf8(reply->read(1024)) : QString();
        QString error;
        if (status == 0)
            error = reply->error() == QNetworkReply::OperationCanceledError ? QStringLiteral("timed out after %1 s").arg(kTimeoutMs / 1000)
                                                                            : reply->errorString();
        else if (status >= 300 && status < 400)
            error = QStringLiteral("redirects are not followed (HTTP %1 to %2)").arg(status).arg(QString::fromUtf8(reply->rawHeader("Location")));
        finish(delivery, status, timer.elapsed(), excerpt, error, retryAfterSeconds(reply->rawHeader("Retry-After")), true);
    });
}

void WebhookDeliverer::finish(const Json &delivery, int statusCode, qint64 durationMs, const QString &excerpt, const QString &error,
                              int retryAfter, bool retryable)
{
    const QString hookId = str(delivery, "webhook_id");
    if (m_perWebhook.contains(hookId)) {
        if (--m_perWebhook[hookId] <= 0)
            m_perWebhook.remove(hookId);
        --m_inFlight;
    }
    record(delivery, statusCode, durationMs, excerpt, error, retryAfter, retryable);
}

void WebhookDeliverer::record(const Json &delivery, int statusCode, qint64 durationMs, const QString &excerpt, const QString &error,
                              int retryAfter, bool retryable)
{
    if (m_stopping)
        return;
    AttemptOutcome o{statusCode, durationMs, excerpt, error, retryAfter, retryable};
    if (auto r = m_s.webhooks.recordAttempt(Scope::of(str(delivery, "tenant_id")), delivery, o); !r)
        qCWarning(lcWebhooks) << "recording the attempt failed:" << r.error().message;
    wake();
}

} // namespace ery
