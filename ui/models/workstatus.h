#pragma once

#include <QString>

// The status values of jobs, parts and operations as the API writes them, and which lifecycle
// buttons a status offers. The hub decides what is allowed; this only keeps the screen from
// offering what it would refuse.
namespace ery::ui::workstatus {

inline const QString NotStarted = QStringLiteral("not_started");
inline const QString InProgress = QStringLiteral("in_progress");
inline const QString OnHold = QStringLiteral("on_hold");
inline const QString Completed = QStringLiteral("completed");

enum class Action { Start, Pause, Resume, Complete };

inline bool offers(const QString &status, Action a)
{
    switch (a) {
    case Action::Start: return status == NotStarted; // an on-hold job is resumed, not started
    case Action::Pause: return status == InProgress;
    case Action::Resume: return status == OnHold;
    case Action::Complete: return status == InProgress || status == OnHold;
    }
    return false;
}

// The action's last path segment: POST /api/v1/jobs/{id}/<segment>.
inline QString pathSegment(Action a)
{
    switch (a) {
    case Action::Start: return QStringLiteral("start");
    case Action::Pause: return QStringLiteral("pause");
    case Action::Resume: return QStringLiteral("resume");
    case Action::Complete: break;
    }
    return QStringLiteral("complete");
}

} // namespace ery::ui::workstatus
