#include "recordtablemodel.h"

#include "client/jsonfields.h"

#include <QDateTime>
#include <QLocale>

using namespace ery::client;

namespace ery::ui {

RecordTableModel::RecordTableModel(QList<Column> columns, QObject *parent) : QAbstractTableModel(parent), m_columns(std::move(columns)) {}

void RecordTableModel::setRows(const Json &rows)
{
    const Json fresh = rows.is_array() ? rows : Json::array();
    // Same ids in the same order (the common case of a refresh): update in place, so the view
    // keeps its selection and scroll position; otherwise the rows are new and the view resets.
    bool sameRows = fresh.size() == m_rows.size();
    for (size_t i = 0; sameRows && i < fresh.size(); ++i)
        sameRows = text(fresh[i], "id") == text(m_rows[i], "id");
    if (sameRows) {
        m_rows = fresh;
        if (!m_rows.empty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return;
    }
    beginResetModel();
    m_rows = fresh;
    endResetModel();
}

void RecordTableModel::clear()
{
    setRows(Json::array());
}

int RecordTableModel::rowOf(const QString &id) const
{
    for (size_t i = 0; i < m_rows.size(); ++i)
        if (text(m_rows[i], "id") == id)
            return int(i);
    return -1;
}

QString RecordTableModel::timeText(const Json &row, const char *key, const QString &none)
{
    const QDateTime t = when(row, key);
    if (!t.isValid())
        return none;
    return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
}

QVariant RecordTableModel::timeKey(const Json &row, const char *key)
{
    return text(row, key);
}

int RecordTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RecordTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant RecordTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const Json &r = m_rows[size_t(index.row())];
    const Column &c = m_columns[index.column()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return c.display(r);
    case Qt::ForegroundRole:
        return c.foreground ? c.foreground(r) : QVariant();
    case IdRole:
        return text(r, "id");
    case SortRole:
        return c.sortKey ? c.sortKey(r) : c.display(r);
    default:
        return {};
    }
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= columnCount())
        return {};
    return m_columns[section].header;
}

} // namespace ery::ui
