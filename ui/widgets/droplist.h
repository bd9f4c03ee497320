#pragma once

#include <QListWidget>

namespace ery::ui {

// A list whose items can be dragged away as operations (their id in OperationCardDelegate::IdRole)
// and that reports an operation dropped on it, with the item it landed on, instead of moving
// items itself: the hub decides whether the move happens and the board follows its answer.
class DropList : public QListWidget {
    Q_OBJECT
public:
    static const QString kMimeType; // application/x-eryxon-operation: the operation's id

    explicit DropList(QWidget *parent = nullptr);
    // Whether operations may be dropped here (the target gets a forbidden cursor otherwise).
    void setAcceptsOperations(bool accepts);
    // Shown in the middle of the list while it shows no item.
    void setPlaceholderText(const QString &text);

signals:
    void operationDropped(const QString &operationId, QListWidgetItem *onto);

protected:
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    bool m_accepts = false;
    QString m_placeholder;
};

} // namespace ery::ui
