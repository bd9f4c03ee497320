#pragma once

#include "widgets/duedate.h"

#include <QStyledItemDelegate>

namespace ery::ui {

// One operation in a floor terminal's queue, painted to be read from two metres: job and part in
// bold, the operation and quantity done of planned, and the due urgency as a coloured word
// (OVERDUE, TODAY, SOON) so that a colour-blind operator reads it too. A thick left edge marks a
// Bullet Card (red, with the word BULLET) and work on hold (amber, with the words ON HOLD). The
// row's fields come from RowRole, a QVariantMap of GET /api/v1/analytics/cells/{id}/queue.
class QueueRowDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    enum Roles { IdRole = Qt::UserRole + 40, RowRole };
    using Urgency = DueDate::Urgency;
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // How urgent a due date (ISO) is today (DueDate::urgency).
    static Urgency urgency(const QString &isoDate) { return DueDate::urgency(isoDate); }
    // The word shown for it ("OVERDUE 3 d", "TODAY", "SOON: Fri 5 Dec", "Due 12 Dec").
    static QString urgencyText(const QString &isoDate);
    static QColor urgencyColour(Urgency u);
};

} // namespace ery::ui
