#pragma once

#include <QString>
#include <QStringList>

#include <optional>

// Pure production rules of DOMAIN.md: no I/O, unit-tested on their own.
namespace ery::domain {

namespace status {
inline const QString NotStarted = QStringLiteral("not_started");
inline const QString InProgress = QStringLiteral("in_progress");
inline const QString OnHold = QStringLiteral("on_hold");
inline const QString Completed = QStringLiteral("completed");
} // namespace status

// The values an enumerated column can hold (the schema's CHECK constraints), for the list filters
// that refuse any other with 422 naming them.
namespace choices {
const QStringList &workStatuses(); // jobs, parts, operations
const QStringList &issueStatuses();
const QStringList &severities();
const QStringList &issueTypes();
const QStringList &ncrCategories();
const QStringList &substepStatuses();
const QStringList &assignmentStatuses();
const QStringList &timeTypes();
const QStringList &batchStatuses();
const QStringList &batchTypes();
const QStringList &scrapCategories();
const QStringList &resourceStatuses();
const QStringList &keyScopes();
const QStringList &keyEnvironments();
} // namespace choices

enum class Action { Start, Pause, Resume, Complete };

QString actionName(Action a);
bool isWorkStatus(const QString &s);

// Operations and jobs share one shape: start not_started|on_hold → in_progress; pause (jobs: stop)
// in_progress → on_hold; resume on_hold → in_progress; complete in_progress|on_hold → completed.
std::optional<QString> statusAfter(const QString &current, Action a);

namespace issue {
inline const QString Pending = QStringLiteral("pending");
inline const QString Approved = QStringLiteral("approved");
inline const QString Rejected = QStringLiteral("rejected");
inline const QString Closed = QStringLiteral("closed");
} // namespace issue

enum class IssueAction { Approve, Reject, Close };
// pending → approved|rejected (resolution notes required); approved|rejected → closed.
std::optional<QString> issueAfter(const QString &current, IssueAction a);
QString issueActionName(IssueAction a);

bool isSeverity(const QString &s);
bool isNcrCategory(const QString &s);
bool isDisposition(const QString &s);
bool isScrapCategory(const QString &s);
bool isSubstepStatus(const QString &s);
// notifications.severity allows high|medium|low: critical maps to high.
QString notificationSeverity(const QString &issueSeverity);

// Time tracking: minutes of work between two instants less paused seconds, rounded.
qint64 entryMinutes(qint64 startMs, qint64 endMs, qint64 pausedSeconds);

// PINs are 4–6 digits.
bool isValidPin(const QString &pin);

// WIP status of a cell (DOMAIN.md: one definition everywhere).
QString wipStatus(qint64 wip, std::optional<qint64> limit, std::optional<qint64> warningThreshold);

// Quality score = 0.5·yield + 0.3·issue score + 0.2·resolution score (all in percent).
double issueScore(int critical, int high, int medium, int low);
double resolutionScore(double avgResolutionDays);
double qualityScore(double yieldPct, double issueScorePct, double resolutionScorePct);

} // namespace ery::domain
