#pragma once

#include <QStyledItemDelegate>

namespace ery::ui {

// Draws a percentage as a slim progress bar with its number, so progress reads at a glance in a
// table. The percent comes from `role` (an int 0–100; negative means "no progress to show").
class ProgressDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit ProgressDelegate(int role, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_role;
};

} // namespace ery::ui
