#include "operationcarddelegate.h"

#include "duedate.h"
#include "durationtext.h"

#include "shell/theme.h"

#include <QApplication>
#include <QDate>
#include <QPainter>
#include <QPainterPath>

namespace ery::ui {

namespace {

constexpr int kMargin = 4;   // between cards
constexpr int kPadding = 8;  // inside a card
constexpr int kEdge = 5;     // the coloured edge

QColor edgeColour(const QVariantMap &card)
{
    if (card.value(QStringLiteral("is_bullet_card")).toBool())
        return QColor(0xd3, 0x2f, 0x2f);
    const QString status = card.value(QStringLiteral("status")).toString();
    if (status == QLatin1String("on_hold"))
        return QColor(0xf5, 0x9e, 0x0b);
    if (status == QLatin1String("in_progress"))
        return QColor(0x25, 0x63, 0xeb);
    return QColor(0x9c, 0xa3, 0xaf);
}

} // namespace

QString OperationCardDelegate::durationText(qint64 minutes)
{
    return ui::durationText(minutes);
}

QString OperationCardDelegate::dueText(const QString &isoDate, bool *urgent, bool *overdue)
{
    const QDate due = QDate::fromString(isoDate.left(10), Qt::ISODate);
    if (urgent)
        *urgent = false;
    if (overdue)
        *overdue = false;
    if (!due.isValid())
        return {};
    const qint64 days = DueDate::daysLeft(isoDate);
    const DueDate::Urgency urgency = DueDate::urgency(isoDate);
    if (urgent)
        *urgent = urgency != DueDate::Urgency::Later;
    if (overdue)
        *overdue = urgency == DueDate::Urgency::Overdue;
    if (days < 0)
        return tr("Overdue %n d", nullptr, int(-days));
    if (days == 0)
        return tr("Due today");
    if (days == 1)
        return tr("Due tomorrow");
    return tr("Due %1").arg(QLocale().toString(due, QStringLiteral("d MMM")));
}

QSize OperationCardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int line = option.fontMetrics.height();
    return {200, 3 * line + 2 * kPadding + 2 * kMargin + 4};
}

void OperationCardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariantMap card = index.data(CardRole).toMap();
    const QPalette &pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const QRect box = option.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath shape;
    shape.addRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    painter->fillPath(shape, pal.color(QPalette::Base));
    painter->setPen(QPen(selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid), selected ? 2 : 1));
    painter->drawPath(shape);
    painter->setClipPath(shape);
    painter->fillRect(QRect(box.left(), box.top(), kEdge, box.height()), edgeColour(card));
    painter->setClipping(false);

    const QRect text = box.adjusted(kEdge + kPadding, kPadding, -kPadding, -kPadding);
    const int line = option.fontMetrics.height();
    QRect row(text.left(), text.top(), text.width(), line);

    // 1: job · part, due at the right.
    bool urgent = false, overdue = false;
    const QString due = dueText(card.value(QStringLiteral("due_date")).toString(), &urgent, &overdue);
    QFont bold = option.font;
    bold.setBold(true);
    const int dueWidth = QFontMetrics(bold).horizontalAdvance(due);
    painter->setFont(bold);
    painter->setPen(overdue ? Theme::errorColor() : urgent ? Theme::warningColor() : pal.color(QPalette::PlaceholderText));
    painter->drawText(row, Qt::AlignRight | Qt::AlignVCenter, due);
    // A part number that already carries its job's ("JOB-2615-01") says both.
    const QString job = card.value(QStringLiteral("job_number")).toString();
    const QString part = card.value(QStringLiteral("part_number")).toString();
    QString title = part.isEmpty() ? job : part.startsWith(job) ? part : job + QStringLiteral(" · ") + part;
    if (card.value(QStringLiteral("is_bullet_card")).toBool())
        title = tr("BULLET") + QStringLiteral("  ") + title;
    painter->setPen(pal.color(QPalette::Text));
    const QRect titleRect = row.adjusted(0, 0, -(dueWidth + kPadding), 0);
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter, QFontMetrics(bold).elidedText(title, Qt::ElideRight, titleRect.width()));

    // 2: the operation and quantity.
    painter->setFont(option.font);
    row.translate(0, line + 2);
    QString what = card.value(QStringLiteral("operation_name")).toString();
    if (const int qty = card.value(QStringLiteral("quantity")).toInt(); qty > 0)
        what += QStringLiteral("  ×%1").arg(qty);
    painter->drawText(row, Qt::AlignLeft | Qt::AlignVCenter, option.fontMetrics.elidedText(what, Qt::ElideRight, row.width()));

    // 3: customer; status and booked / estimated time at the right.
    row.translate(0, line + 2);
    const QString status = card.value(QStringLiteral("status")).toString();
    const qint64 est = card.value(QStringLiteral("estimated_time")).toLongLong();
    const qint64 booked = card.value(QStringLiteral("actual_time")).toLongLong();
    QString right;
    if (status == QLatin1String("on_hold"))
        right = tr("On hold");
    else if (status == QLatin1String("in_progress"))
        right = tr("Running");
    if (est > 0 || booked > 0) {
        const QString time = est > 0 ? tr("%1 of %2").arg(durationText(booked), durationText(est)) : durationText(booked);
        right = right.isEmpty() ? time : right + QStringLiteral(" · ") + time;
    }
    const bool over = est > 0 && booked > est;
    painter->setPen(over ? Theme::errorColor() : pal.color(QPalette::PlaceholderText));
    const int rightWidth = option.fontMetrics.horizontalAdvance(right);
    painter->drawText(row, Qt::AlignRight | Qt::AlignVCenter, right);
    painter->setPen(pal.color(QPalette::PlaceholderText));
    const QRect customerRect = row.adjusted(0, 0, -(rightWidth + kPadding), 0);
    painter->drawText(customerRect, Qt::AlignLeft | Qt::AlignVCenter,
                      option.fontMetrics.elidedText(card.value(QStringLiteral("customer")).toString(), Qt::ElideRight, customerRect.width()));
    painter->restore();
}

} // namespace ery::ui
