#include "rules.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace ery::domain {

namespace choices {
#define ERY_CHOICES(fn, ...)                                                                                                               \
    const QStringList &fn()                                                                                                                \
    {                                                                                                                                      \
        static const QStringList v{__VA_ARGS__};                                                                                           \
        return v;                                                                                                                          \
    }
ERY_CHOICES(workStatuses, "not_started", "in_progress", "on_hold", "completed")
ERY_CHOICES(issueStatuses, "pending", "approved", "rejected", "closed")
ERY_CHOICES(severities, "low", "medium", "high", "critical")
ERY_CHOICES(issueTypes, "general", "ncr")
ERY_CHOICES(ncrCategories, "material_defect", "dimensional", "surface_finish", "process_error", "other")
ERY_CHOICES(substepStatuses, "not_started", "in_progress", "completed", "blocked")
ERY_CHOICES(assignmentStatuses, "assigned", "accepted", "in_progress", "completed")
ERY_CHOICES(timeTypes, "setup", "run", "rework", "wait", "breakdown")
ERY_CHOICES(batchStatuses, "draft", "ready", "in_progress", "completed", "cancelled", "blocked")
ERY_CHOICES(batchTypes, "laser_nesting", "tube_batch", "saw_batch", "finishing_batch", "general")
ERY_CHOICES(scrapCategories, "material", "process", "equipment", "operator", "design", "other")
ERY_CHOICES(resourceStatuses, "available", "in_use", "maintenance", "retired")
ERY_CHOICES(keyScopes, "read", "read_write", "admin", "terminal")
ERY_CHOICES(keyEnvironments, "live", "test")
#undef ERY_CHOICES
} // namespace choices

QString actionName(Action a)
{
    switch (a) {
    case Action::Start: return QStringLiteral("start");
    case Action::Pause: return QStringLiteral("pause");
    case Action::Resume: return QStringLiteral("resume");
    case Action::Complete: return QStringLiteral("complete");
    }
    return {};
}

bool isWorkStatus(const QString &s)
{
    return s == status::NotStarted || s == status::InProgress || s == status::OnHold || s == status::Completed;
}

std::optional<QString> statusAfter(const QString &current, Action a)
{
    using namespace status;
    switch (a) {
    case Action::Start:
        if (current == NotStarted || current == OnHold)
            return InProgress;
        break;
    case Action::Pause:
        if (current == InProgress)
            return OnHold;
        break;
    case Action::Resume:
        if (current == OnHold)
            return InProgress;
        break;
    case Action::Complete:
        if (current == InProgress || current == OnHold)
            return Completed;
        break;
    }
    return std::nullopt;
}

std::optional<QString> issueAfter(const QString &current, IssueAction a)
{
    using namespace issue;
    switch (a) {
    case IssueAction::Approve:
        if (current == Pending)
            return Approved;
        break;
    case IssueAction::Reject:
        if (current == Pending)
            return Rejected;
        break;
    case IssueAction::Close:
        if (current == Approved || current == Rejected)
            return Closed;
        break;
    }
    return std::nullopt;
}

QString issueActionName(IssueAction a)
{
    switch (a) {
    case IssueAction::Approve: return QStringLiteral("approve");
    case IssueAction::Reject: return QStringLiteral("reject");
    case IssueAction::Close: return QStringLiteral("close");
    }
    return {};
}

bool isSeverity(const QString &s)
{
    return s == QLatin1String("low") || s == QLatin1String("medium") || s == QLatin1String("high") || s == QLatin1String("critical");
}

bool isNcrCategory(const QString &s)
{
    static const QStringList v{"material_defect", "dimensional", "surface_finish", "process_error", "other"};
    return v.contains(s);
}

bool isDisposition(const QString &s)
{
    static const QStringList v{"scrap", "rework", "use_as_is", "return_to_supplier"};
    return v.contains(s);
}

bool isScrapCategory(const QString &s)
{
    static const QStringList v{"material", "process", "equipment", "operator", "design", "other"};
    return v.contains(s);
}

bool isSubstepStatus(const QString &s)
{
    static const QStringList v{"not_started", "in_progress", "completed", "blocked"};
    return v.contains(s);
}

QString notificationSeverity(const QString &issueSeverity)
{
    if (issueSeverity == QLatin1String("critical") || issueSeverity == QLatin1String("high"))
        return QStringLiteral("high");
    if (issueSeverity == QLatin1String("low"))
        return QStringLiteral("low");
    return QStringLiteral("medium");
}

qint64 entryMinutes(qint64 startMs, qint64 endMs, qint64 pausedSeconds)
{
    const double worked = double(endMs - startMs) / 1000.0 - double(pausedSeconds);
    return std::max<qint64>(0, qint64(std::llround(worked / 60.0)));
}

bool isValidPin(const QString &pin)
{
    static const QRegularExpression re(QStringLiteral("^[0-9]{4,6}$"));
    return re.match(pin).hasMatch();
}

QString wipStatus(qint64 wip, std::optional<qint64> limit, std::optional<qint64> warningThreshold)
{
    if (!limit || *limit <= 0)
        return QStringLiteral("no_limit");
    if (wip >= *limit)
        return QStringLiteral("at_capacity");
    if ((warningThreshold && wip >= *warningThreshold) || double(wip) >= 0.8 * double(*limit))
        return QStringLiteral("warning");
    return QStringLiteral("normal");
}

double issueScore(int critical, int high, int medium, int low)
{
    return std::clamp(100.0 - (10.0 * critical + 5.0 * high + 2.0 * medium + 1.0 * low), 0.0, 100.0);
}

double resolutionScore(double days)
{
    if (days <= 3.0)
        return 100.0;
    if (days >= 10.0)
        return 0.0;
    return 100.0 * (10.0 - days) / 7.0;
}

double qualityScore(double yieldPct, double issueScorePct, double resolutionScorePct)
{
    return 0.5 * yieldPct + 0.3 * issueScorePct + 0.2 * resolutionScorePct;
}

} // namespace ery::domain
