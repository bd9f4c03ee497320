#include "progressdelegate.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>

namespace ery::ui {

ProgressDelegate::ProgressDelegate(int role, QObject *parent) : QStyledItemDelegate(parent), m_role(role) { }

void ProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int pct = index.data(m_role).toInt();
    if (pct < 0) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // Background and selection first, then the bar and its text on top.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const QRect cell = option.rect.adjusted(8, 0, -8, 0);
    const int barHeight = 6;
    // Room for "100 %" too: Dutch and German put a space before the sign.
    const int textWidth = option.fontMetrics.horizontalAdvance(QStringLiteral("100 %")) + 8;
    const QRect bar(cell.left(), cell.center().y() - barHeight / 2 + 1, qMax(0, cell.width() - textWidth), barHeight);
    const QRect text(bar.right() + 8, cell.top(), textWidth - 8, cell.height());

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &pal = option.palette;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    QColor track = pal.color(QPalette::Mid);
    track.setAlpha(70);
    painter->setBrush(track);
    painter->drawRoundedRect(bar, barHeight / 2.0, barHeight / 2.0);
    if (pct > 0) {
        QRect fill = bar;
        fill.setWidth(qMax(barHeight, bar.width() * pct / 100));
        painter->setBrush(pct >= 100 ? QColor(0x2e, 0x9d, 0x4f)
                                     : (selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Highlight)));
        painter->drawRoundedRect(fill, barHeight / 2.0, barHeight / 2.0);
    }
    painter->setPen(pal.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(text, Qt::AlignRight | Qt::AlignVCenter, index.data(Qt::DisplayRole).toString());
    painter->restore();
}

} // namespace ery::ui
