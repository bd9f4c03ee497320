#pragma once

#include "fields.h"
#include "servicebase.h"

namespace ery::services {

class ActivityLog;
class NotificationService;
class TenantService;

// What one HTTP attempt of a delivery came to.
struct AttemptOutcome {
    int statusCode = 0; // 0: no HTTP answer (network error, timeout, refused target)
    qint64 durationMs = 0;
    QString responseExcerpt; // the first KiB of the answer
    QString error;           // network error or policy refusal
    int retryAfterSeconds = -1;
    bool retryable = true; // false for a refused target: retrying cannot help
};

// Webhooks (CONTRACTS.md §3): registration with a server-made secret shown once, rotation with a
// 24 h overlap, the delivery schedule of about 3 days kept in the database, and replay.
class WebhookService : public ServiceBase {
public:
    static const std::vector<Field> &fields();
    WebhookService(const DataAccess &data, ActivityLog &activity, NotificationService &notifications, TenantService &tenants)
        : ServiceBase(data), m_activity(activity), m_notifications(notifications), m_tenants(tenants)
    {
    }

    static const QList<int> &retryDelaysSeconds(); // after attempt 1, 2, …
    static constexpr int kMaxAttempts = 10;
    static constexpr qint64 kFailingDisableMs = 5LL * 24 * 3600 * 1000;

    // The answer carries `secret` once; every other read omits it.
    Result<Row> create(const domain::Scope &scope, const Json &input);
    Result<Row> update(const domain::Scope &scope, const QString &id, const Json &patch);
    Status remove(const domain::Scope &scope, const QString &id);
    Result<Row> get(const domain::Scope &scope, const QString &id);
    Result<domain::Page> list(const domain::Scope &scope, const domain::ListQuery &q);
    Result<Row> rotateSecret(const domain::Scope &scope, const QString &id);

    Result<domain::Page> deliveries(const domain::Scope &scope, const domain::ListQuery &q);
    Result<domain::Page> attempts(const domain::Scope &scope, const domain::ListQuery &q);
    Result<Row> replayDelivery(const domain::Scope &scope, const QString &deliveryId);
    Result<qint64> replayFailedSince(const domain::Scope &scope, const QString &sinceIso, const QString &webhookId = {});

    // The delivery worker's bookkeeping: logs the attempt, then schedules the next one, marks the
    // delivery delivered or failed, and disables a webhook on 410 Gone or after 5 days of failure.
    Status recordAttempt(const domain::Scope &scope, const Row &delivery, const AttemptOutcome &outcome);
    // Many attempts in one transaction (the sender records what finished since its last record).
    // delivery rows need id, tenant_id, webhook_id, event_type and attempts.
    Status recordAttempts(const std::vector<std::pair<Row, AttemptOutcome>> &attempts);

    static Row publicView(Row webhook);
    // The secrets a delivery is signed with now: the current one, and the previous one while its
    // overlap lasts.
    static QStringList signingSecrets(const Row &webhook);

private:
    Status recordAttemptIn(storage::WriteTx &tx, const domain::Scope &scope, const Row &delivery, const AttemptOutcome &o);
    Result<Row> validated(const domain::Scope &scope, const Json &input, bool creating);

    // The services this one calls.
    ActivityLog &m_activity;
    NotificationService &m_notifications;
    TenantService &m_tenants;
};

} // namespace ery::services
