#include "queuerowdelegate.h"

#include "shell/theme.h"

#include <QDate>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace ery::ui {

namespace {
constexpr int kMargin = 4;
constexpr int kPadding = 10;
constexpr int kEdge = 10; // thick enough to see across the floor

QColor edgeColour(const QVariantMap &row)
{
    if (row.value(QStringLiteral("is_bullet_card")).toBool())
        return QColor(0xc6, 0x28, 0x28);
    const QString status = row.value(QStringLiteral("status")).toString();
    if (status == QLatin1String("on_hold"))
        return QColor(0xf5, 0x9e, 0x0b);
    if (status == QLatin1String("in_progress"))
        return QColor(0x1d, 0x4e, 0xd8);
    return QColor(0x9c, 0xa3, 0xaf);
}
} // namespace

QString QueueRowDelegate::urgencyText(const QString &isoDate)
{
    const QDate due = QDate::fromString(isoDate.left(10), Qt::ISODate);
    switch (urgency(isoDate)) {
    case Urgency::None: return {};
    case Urgency::Overdue: return tr("OVERDUE %n d", nullptr, int(due.daysTo(QDate::currentDate())));
    case Urgency::Today: return tr("TODAY");
    case Urgency::Soon: return tr("SOON: %1").arg(QLocale().toString(due, QStringLiteral("ddd d MMM")));
    case Urgency::Later: return tr("Due %1").arg(QLocale().toString(due, QStringLiteral("d MMM")));
    }
    return {};
}

QColor QueueRowDelegate::urgencyColour(Urgency u)
{
    switch (u) {
    case Urgency::Overdue: return Theme::errorColor();
    case Urgency::Today: return Theme::errorColor();
    case Urgency::Soon: return Theme::warningColor();
    default: return Theme::mutedColor();
    }
}

QSize QueueRowDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int line = option.fontMetrics.height();
    return {240, 2 * line + 2 * kPadding + 2 * kMargin + 6};
}

void QueueRowDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariantMap row = index.data(RowRole).toMap();
    const QPalette &pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const QRect box = option.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath shape;
    shape.addRoundedRect(QRectF(box).adjusted(1, 1, -1, -1), 8, 8);
    painter->fillPath(shape, selected ? pal.color(QPalette::Highlight).lighter(Theme::isDark() ? 60 : 185) : pal.color(QPalette::Base));
    painter->setPen(QPen(selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid), selected ? 3 : 1));
    painter->drawPath(shape);
    painter->setClipPath(shape);
    painter->fillRect(QRect(box.left(), box.top(), kEdge, box.height()), edgeColour(row));
    painter->setClipping(false);

    const QRect text = box.adjusted(kEdge + kPadding, kPadding, -kPadding, -kPadding);
    const int line = option.fontMetrics.height();
    QRect first(text.left(), text.top(), text.width(), line);

    // 1: job · part, with the urgency word at the right.
    QFont bold = option.font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const QString dueIso = row.value(QStringLiteral("due_date")).toString();
    const QString due = urgencyText(dueIso);
    painter->setFont(bold);
    painter->setPen(urgencyColour(urgency(dueIso)));
    painter->drawText(first, Qt::AlignRight | Qt::AlignVCenter, due);
    const QString job = row.value(QStringLiteral("job_number")).toString();
    const QString part = row.value(QStringLiteral("part_number")).toString();
    QString title = part.isEmpty() ? job : part.startsWith(job) ? part : job + QStringLiteral(" · ") + part;
    QStringList marks;
    if (row.value(QStringLiteral("is_bullet_card")).toBool())
        marks << tr("BULLET");
    if (row.value(QStringLiteral("status")).toString() == QLatin1String("on_hold"))
        marks << tr("ON HOLD");
    if (!marks.isEmpty())
        title = marks.join(QLatin1Char(' ')) + QStringLiteral("  ") + title;
    painter->setPen(pal.color(QPalette::Text));
    const QRect titleRect = first.adjusted(0, 0, -(boldMetrics.horizontalAdvance(due) + kPadding), 0);
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter, boldMetrics.elidedText(title, Qt::ElideRight, titleRect.width()));

    // 2: the operation and how many of the part.
    painter->setFont(option.font);
    const QRect second = first.translated(0, line + 6);
    QString what = row.value(QStringLiteral("operation_name")).toString();
    if (const int qty = row.value(QStringLiteral("quantity")).toInt(); qty > 0)
        what += QStringLiteral("   ") + tr("%n piece(s)", nullptr, qty);
    painter->drawText(second, Qt::AlignLeft | Qt::AlignVCenter, option.fontMetrics.elidedText(what, Qt::ElideRight, second.width()));
    painter->restore();
}

} // namespace ery::ui
