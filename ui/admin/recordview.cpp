#include "recordview.h"

#include "models/recordtablemodel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPainter>
#include <QSortFilterProxyModel>

namespace ery::ui {

RecordView::RecordView(RecordTableModel *model, const QString &objectName, const QString &accessibleName, QWidget *parent)
    : QTableView(parent), m_records(model), m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(objectName);
    setAccessibleName(accessibleName);
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(RecordTableModel::SortRole);
    setModel(m_proxy);
    setSortingEnabled(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    setShowGrid(false);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // The first column (a name) takes the room that is left, so no column is cut off at 1280 px.
    horizontalHeader()->setStretchLastSection(false);
    horizontalHeader()->setMinimumSectionSize(60);
    if (model->columnCount() > 0)
        horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);

    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (m_restoring)
            return;
        m_selected = selectedId();
        m_pending = false;
        announce();
    });
    // A reset (new rows) drops the view's selection: put it back on the same record if it is there.
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        const int row = m_selected.isEmpty() ? -1 : m_records->rowOf(m_selected);
        m_restoring = true;
        if (row < 0) {
            selectionModel()->clear();
            if (!m_pending)
                m_selected.clear();
        } else {
            const QModelIndex shown = m_proxy->mapFromSource(m_records->index(row, 0));
            selectionModel()->setCurrentIndex(shown, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            scrollTo(shown);
            m_pending = false;
        }
        m_restoring = false;
        announce();
    });
}

void RecordView::setEmptyText(const QString &text)
{
    m_emptyText = text;
    viewport()->update();
}

void RecordView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    if (m_emptyText.isEmpty() || model()->rowCount() > 0)
        return;
    QPainter p(viewport());
    p.setPen(palette().color(QPalette::PlaceholderText));
    const QRect area = viewport()->rect().adjusted(24, 16, -24, -16);
    p.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
}

void RecordView::announce()
{
    const QString id = selectedId();
    if (id != m_announced) {
        m_announced = id;
        emit selectedIdChanged(id);
    }
}

QString RecordView::selectedId() const
{
    const QModelIndexList rows = selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(RecordTableModel::IdRole).toString();
}

int RecordView::selectedRecordRow() const
{
    const QModelIndexList rows = selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : m_proxy->mapToSource(rows.first()).row();
}

void RecordView::selectId(const QString &id)
{
    m_selected = id;
    const int row = id.isEmpty() ? -1 : m_records->rowOf(id);
    m_pending = !id.isEmpty() && row < 0;
    if (row < 0) {
        m_restoring = true;
        selectionModel()->clear();
        m_restoring = false;
        announce();
        return;
    }
    m_pending = false;
    const QModelIndex shown = m_proxy->mapFromSource(m_records->index(row, 0));
    selectionModel()->setCurrentIndex(shown, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    scrollTo(shown);
}

} // namespace ery::ui
