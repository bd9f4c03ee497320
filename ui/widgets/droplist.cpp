#include "droplist.h"

#include "operationcarddelegate.h"

#include <QDragEnterEvent>
#include <QMimeData>
#include <QPainter>

namespace ery::ui {

const QString DropList::kMimeType = QStringLiteral("application/x-eryxon-operation");

DropList::DropList(QWidget *parent) : QListWidget(parent)
{
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::MoveAction);
    setDropIndicatorShown(false);
}

void DropList::setAcceptsOperations(bool accepts)
{
    m_accepts = accepts;
    setAcceptDrops(accepts);
    viewport()->setAcceptDrops(accepts);
}

void DropList::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    viewport()->update();
}

void DropList::paintEvent(QPaintEvent *event)
{
    QListWidget::paintEvent(event);
    if (m_placeholder.isEmpty())
        return;
    for (int i = 0; i < count(); ++i)
        if (!item(i)->isHidden())
            return;
    QPainter p(viewport());
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(viewport()->rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
}

QStringList DropList::mimeTypes() const
{
    return {kMimeType};
}

QMimeData *DropList::mimeData(const QList<QListWidgetItem *> &items) const
{
    if (items.isEmpty())
        return nullptr;
    const QString id = items.first()->data(OperationCardDelegate::IdRole).toString();
    if (id.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(kMimeType, id.toUtf8());
    return mime;
}

void DropList::dragEnterEvent(QDragEnterEvent *event)
{
    dragMoveEvent(event);
}

void DropList::dragMoveEvent(QDragMoveEvent *event)
{
    if (m_accepts && event->mimeData()->hasFormat(kMimeType) && event->source() != this)
        event->acceptProposedAction();
    else
        event->ignore();
}

void DropList::dropEvent(QDropEvent *event)
{
    if (!m_accepts || !event->mimeData()->hasFormat(kMimeType) || event->source() == this) {
        event->ignore();
        return;
    }
    // Copy, not move: the board is redrawn from the hub's answer, so the source keeps its item.
    event->setDropAction(Qt::CopyAction);
    event->accept();
    emit operationDropped(QString::fromUtf8(event->mimeData()->data(kMimeType)), itemAt(event->position().toPoint()));
}

} // namespace ery::ui
