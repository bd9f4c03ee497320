#pragma once

#include <QString>

namespace ery::ui {

// How urgent a due date is today, one rule for every screen that colours due dates (the admin's
// operation cards, the floor terminal's queues): overdue, today, soon (within two days) or later.
class DueDate {
public:
    enum class Urgency { None, Later, Soon, Today, Overdue };

    // `isoDate`: a date or timestamp in ISO 8601 (only the date counts); None when it is not one.
    static Urgency urgency(const QString &isoDate);
    // Whole days from today to the due date: negative when it is past.
    static qint64 daysLeft(const QString &isoDate);
};

} // namespace ery::ui
