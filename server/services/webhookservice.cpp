#include "webhookservice.h"

#include "auth/randomtoken.h"
#include "domain/targetpolicy.h"
#include "events/eventcatalog.h"
#include "fields.h"
#include "activitylog.h"
#include "notificationservice.h"
#include "tenantservice.h"
#include "storage/deliveryrepository.h"

#include <QRandomGenerator>
#include <QUrl>
#include "storage/repositories.h"

using namespace ery::domain;
using namespace ery::auth;
using namespace ery::storage;
using namespace ery::events;

namespace ery::services {

namespace {
// A timestamp ms from now, in the schema's format.
QString isoFromNow(qint64 ms)
{
    return isoOf(Clock::nowMs() + ms);
}
} // namespace

const QList<int> &WebhookService::retryDelaysSeconds()
{
    // Standard Webhooks' schedule: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h.
    static const QList<int> d{5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 14 * 3600, 20 * 3600, 24 * 3600};
    return d;
}

Row WebhookService::publicView(Row webhook)
{
    webhook.erase("secret");
    webhook.erase("previous_secret");
    return webhook;
}

QStringList WebhookService::signingSecrets(const Row &webhook)
{
    QStringList s{str(webhook, "secret")};
    const QString prev = str(webhook, "previous_secret");
    if (!prev.isEmpty() && str(webhook, "previous_secret_expires_at") > nowIso())
        s << prev;
    return s;
}

const std::vector<Field> &WebhookService::fields()
{
    static const std::vector<Field> f{{"url", Field::Text, true, {}, {}, limits::kUrl},
                                      {"events", Field::TextList, true, {}, {}, limits::kShort},
                                      {"active", Field::Bool},
                                      {"description", Field::Text, false, {}, {}, 1000}};
    return f;
}

Result<Row> WebhookService::validated(const Scope &scope, const Json &input, bool creating)
{
    Validation v;
    Row row = acceptFields(input, fields(), creating, v);
    if (row.contains("events")) {
        if (row["events"].empty())
            v.add("events", QStringLiteral("subscribe to at least one event (or \"*\")"), row["events"], "minItems");
        for (const auto &e : row["events"]) {
            const QString name = fromStd(e.get<std::string>());
            const bool wildcard = name == QLatin1String("*") || name.endsWith(QLatin1String(".*"));
            const bool known =
                eventCatalog().contains(name) || (wildcard && std::any_of(eventCatalog().begin(), eventCatalog().end(),
                                                                          [&](const QString &c) { return eventMatches(name, c); }));
            if (!known)
                v.add("events", QStringLiteral("unknown event \"%1\"").arg(name), e, "enum");
        }
    }
    if (row.contains("url")) {
        auto tenant = m_tenants.get(scope.tenantId);
        const bool loopback = tenant && flag(*tenant, "allow_loopback_webhooks");
        const auto verdict = domain::checkWebhookUrl(QUrl(str(row, "url"), QUrl::StrictMode), loopback);
        if (!verdict.allowed)
            v.add("url", verdict.reason, row["url"], "target");
    }
    if (!v.ok())
        return v.error();
    return row;
}

Result<Row> WebhookService::create(const Scope &scope, const Json &input)
{
    auto row = validated(scope, input, true);
    if (!row)
        return row.error();
    const QString secret = webhookSecret();
    (*row)["secret"] = toStd(secret);
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto created = repo().webhooks.insert(tx, scope, *row);
        if (!created)
            return created.error();
        ERY_TRY(m_activity.record(tx, scope, QStringLiteral("create"), QStringLiteral("webhook"), str(*created, "id"), str(*created, "url"),
                                  QStringLiteral("Webhook to %1 created").arg(str(*created, "url"))));
        Row out = publicView(*created);
        out["secret"] = toStd(secret); // shown once
        return out;
    });
}

Result<Row> WebhookService::update(const Scope &scope, const QString &id, const Json &patch)
{
    auto accepted = validated(scope, patch, false);
    if (!accepted)
        return accepted.error();
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto hook = repo().webhooks.get(tx.db(), scope, id, QStringLiteral("webhook"));
        if (!hook)
            return hook.error();
        Row p = *accepted;
        if (flag(p, "active") && !flag(*hook, "active")) {
            p["failing_since"] = nullptr; // re-enabled: the failure clock starts again
            p["disabled_reason"] = nullptr;
        }
        auto next = repo().webhooks.update(tx, scope, *hook, p);
        if (!next)
            return next.error();
        return publicView(*next);
    });
}

Status WebhookService::remove(const Scope &scope, const QString &id)
{
    return db().write([&](WriteTx &tx) -> Status {
        auto hook = repo().webhooks.get(tx.db(), scope, id, QStringLiteral("webhook"));
        if (!hook)
            return hook.error();
        ERY_TRY(repo().webhooks.remove(tx, scope, *hook));
        return m_activity.record(tx, scope, QStringLiteral("delete"), QStringLiteral("webhook"), id, str(*hook, "url"),
                                 QStringLiteral("Webhook to %1 deleted").arg(str(*hook, "url")));
    });
}

Result<Row> WebhookService::get(const Scope &scope, const QString &id)
{
    auto hook = repo().webhooks.get(db(), scope, id, QStringLiteral("webhook"));
    if (!hook)
        return hook.error();
    return publicView(*hook);
}

Result<Page> WebhookService::list(const Scope &scope, const ListQuery &q)
{
    auto page = repo().webhooks.list(db(), scope, q);
    if (!page)
        return page.error();
    for (auto &r : page->rows)
        r = publicView(r);
    return page;
}

Result<Row> WebhookService::rotateSecret(const Scope &scope, const QString &id)
{
    const QString secret = webhookSecret();
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto hook = repo().webhooks.get(tx.db(), scope, id, QStringLiteral("webhook"));
        if (!hook)
            return hook.error();
        auto next = repo().webhooks.update(tx, scope, *hook,
                                           {{"secret", toStd(secret)},
                                            {"previous_secret", (*hook)["secret"]},
                                            {"previous_secret_expires_at", toStd(isoFromNow(24LL * 3600 * 1000))}});
        if (!next)
            return next.error();
        ERY_TRY(m_activity.record(tx, scope, QStringLiteral("rotate_secret"), QStringLiteral("webhook"), id, str(*hook, "url"),
                                  QStringLiteral("Webhook secret rotated; the old one stays valid for 24 hours")));
        Row out = publicView(*next);
        out["secret"] = toStd(secret);
        return out;
    });
}

Result<Page> WebhookService::deliveries(const Scope &scope, const ListQuery &q)
{
    ListQuery lq = q;
    if (lq.sort.isEmpty()) {
        lq.sort = QStringLiteral("created_at");
        lq.descending = true;
    }
    return repo().webhookDeliveries.list(db(), scope, lq);
}

Result<Page> WebhookService::attempts(const Scope &scope, const ListQuery &q)
{
    ListQuery lq = q;
    if (lq.sort.isEmpty()) {
        lq.sort = QStringLiteral("created_at");
        lq.descending = true;
    }
    return repo().webhookLogs.list(db(), scope, lq);
}

Result<Row> WebhookService::replayDelivery(const Scope &scope, const QString &deliveryId)
{
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto d = repo().webhookDeliveries.get(tx.db(), scope, deliveryId, QStringLiteral("delivery"));
        if (!d)
            return d.error();
        Row patch{{"status", "pending"}, {"next_attempt_at", toStd(nowIso())}, {"attempts", 0}};
        ERY_TRY(DeliveryRepository::updateDelivery(tx, scope, deliveryId, patch));
        Row out = *d;
        for (auto it = patch.begin(); it != patch.end(); ++it)
            out[it.key()] = it.value();
        return out;
    });
}

Result<qint64> WebhookService::replayFailedSince(const Scope &scope, const QString &sinceIso, const QString &webhookId)
{
    return db().write([&](WriteTx &tx) -> Result<qint64> {
        Match failedSince = Match().eq(QStringLiteral("status"), QStringLiteral("failed")).gte(QStringLiteral("created_at"), sinceIso);
        if (!webhookId.isEmpty()) {
            ERY_TRY(repo().webhooks.get(tx.db(), scope, webhookId, QStringLiteral("webhook")));
            failedSince.eq(QStringLiteral("webhook_id"), webhookId);
        }
        auto failed = repo().webhookDeliveries.where(tx.db(), scope, failedSince);
        if (!failed)
            return failed.error();
        for (const auto &d : *failed)
            ERY_TRY(DeliveryRepository::updateDelivery(tx, scope, str(d, "id"),
                                                       {{"status", "pending"}, {"next_attempt_at", toStd(nowIso())}, {"attempts", 0}}));
        return qint64(failed->size());
    });
}

Status WebhookService::recordAttempt(const Scope &scope, const Row &delivery, const AttemptOutcome &o)
{
    return db().write([&](WriteTx &tx) { return recordAttemptIn(tx, scope, delivery, o); });
}

Status WebhookService::recordAttempts(const std::vector<std::pair<Row, AttemptOutcome>> &attempts)
{
    return db().write([&](WriteTx &tx) -> Status {
        for (const auto &[delivery, o] : attempts)
            ERY_TRY(recordAttemptIn(tx, Scope::of(str(delivery, "tenant_id")), delivery, o));
        return {};
    });
}

Status WebhookService::recordAttemptIn(WriteTx &tx, const Scope &scope, const Row &delivery, const AttemptOutcome &o)
{
    const QString deliveryId = str(delivery, "id");
    const QString webhookId = str(delivery, "webhook_id");
    const int attempt = int(num(delivery, "attempts")) + 1;
    // A webhook deleted while its delivery was on the way takes its deliveries and logs with it.
    auto hook = repo().webhooks.get(tx.db(), scope, webhookId, QStringLiteral("webhook"));
    if (!hook)
        return hook.error().code == ErrorCode::NotFound ? Status{} : Status{hook.error()};
    Row log{{"webhook_id", toStd(webhookId)},
            {"delivery_id", toStd(deliveryId)},
            {"event_type", delivery["event_type"]},
            {"attempt", attempt},
            {"status_code", o.statusCode ? Json(o.statusCode) : Json(nullptr)},
            {"duration_ms", o.durationMs},
            {"response_excerpt", o.responseExcerpt.isEmpty() ? Json(nullptr) : Json(toStd(o.responseExcerpt.left(1024)))},
            {"error_message", o.error.isEmpty() ? Json(nullptr) : Json(toStd(o.error))}};
    ERY_TRY(DeliveryRepository::insertWebhookLog(tx, scope, log));
    const bool ok = o.statusCode >= 200 && o.statusCode < 300;
    Row patch{{"attempts", attempt},
              {"last_attempt_at", toStd(nowIso())},
              {"last_status_code", o.statusCode ? Json(o.statusCode) : Json(nullptr)},
              {"last_error",
               o.error.isEmpty() ? (ok ? Json(nullptr) : Json(toStd(QStringLiteral("HTTP %1").arg(o.statusCode)))) : Json(toStd(o.error))}};
    if (ok) {
        patch["status"] = "delivered";
        patch["delivered_at"] = toStd(nowIso());
        patch["next_attempt_at"] = nullptr;
        ERY_TRY(DeliveryRepository::updateDelivery(tx, scope, deliveryId, patch));
        if (!(*hook)["failing_since"].is_null())
            ERY_TRY(repo().webhooks.update(tx, scope, *hook, {{"failing_since", nullptr}}));
        return {};
    }
    // 410 Gone: the receiver says it is gone for good.
    if (o.statusCode == 410) {
        patch["status"] = "failed";
        patch["next_attempt_at"] = nullptr;
        ERY_TRY(DeliveryRepository::updateDelivery(tx, scope, deliveryId, patch));
        ERY_TRY(repo().webhooks.update(tx, scope, *hook, {{"active", false}, {"disabled_reason", "The receiver answered 410 Gone"}}));
        return m_notifications.notifyAdmins(tx, scope, QStringLiteral("system"), QStringLiteral("high"), QStringLiteral("Webhook disabled"),
                                            QStringLiteral("%1 answered 410 Gone; the webhook was disabled.").arg(str(*hook, "url")), {},
                                            {});
    }
    const bool retryStatus = o.statusCode == 0 || o.statusCode == 408 || o.statusCode == 429 || o.statusCode >= 500;
    const bool more = o.retryable && retryStatus && attempt < kMaxAttempts;
    if (more) {
        qint64 delayMs = qint64(retryDelaysSeconds().value(attempt - 1, 24 * 3600)) * 1000;
        delayMs += qint64(QRandomGenerator::global()->bounded(int(delayMs / 10) + 1)); // jitter: spread a fleet's retries
        if (o.retryAfterSeconds >= 0)
            delayMs = std::max(delayMs, qint64(o.retryAfterSeconds) * 1000);
        patch["next_attempt_at"] = toStd(isoFromNow(delayMs));
    } else {
        patch["status"] = "failed";
        patch["next_attempt_at"] = nullptr;
    }
    ERY_TRY(DeliveryRepository::updateDelivery(tx, scope, deliveryId, patch));
    // The failure clock: five days of nothing but failures disables the webhook.
    if ((*hook)["failing_since"].is_null())
        return repo().webhooks.update(tx, scope, *hook, {{"failing_since", toStd(nowIso())}}).ok()
                   ? Status{}
                   : Status{Error::internal("webhook update")};
    if (flag(*hook, "active") && Clock::nowMs() - isoMs(str(*hook, "failing_since")) >= kFailingDisableMs) {
        ERY_TRY(repo().webhooks.update(tx, scope, *hook, {{"active", false}, {"disabled_reason", "Every delivery failed for 5 days"}}));
        return m_notifications.notifyAdmins(
            tx, scope, QStringLiteral("system"), QStringLiteral("high"), QStringLiteral("Webhook disabled"),
            QStringLiteral("Deliveries to %1 failed for 5 days; the webhook was disabled.").arg(str(*hook, "url")), {}, {});
    }
    return {};
}

} // namespace ery::services
