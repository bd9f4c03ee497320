#pragma once

#include <QStyledItemDelegate>

namespace ery::ui {

// Paints an operation of a cell's queue as a kanban card: job and part, the operation and its
// quantity, the customer, due urgency (overdue / today / soon), booked against estimated time and
// the status. A coloured edge marks Bullet Cards (red), work on hold (amber) and running work
// (blue). The card's fields come from CardRole, a QVariantMap of the queue route's row
// (GET /api/v1/analytics/cells/{id}/queue).
class OperationCardDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    enum Roles { IdRole = Qt::UserRole, CardRole };
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // "1 h 20 m", "45 m": minutes as a shop person reads them.
    static QString durationText(qint64 minutes);
    // "Overdue 3 d", "Due today", "Due tomorrow", "Due 12 Dec"; empty without a due date. `urgent`
    // tells whether to colour it (overdue, today or within two days).
    static QString dueText(const QString &isoDate, bool *urgent = nullptr, bool *overdue = nullptr);
};

} // namespace ery::ui
