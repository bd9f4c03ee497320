#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QVariant>

#include <functional>
#include <nlohmann/json.hpp>

namespace ery::ui {

// Rows of an API list answer (one JSON object per row) shown through a column table the page
// gives: a header and how to show a row in that column. Rows are matched by `id` on every reload,
// so a selection survives a refresh; a row's display comes from the latest answer.
class RecordTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using Json = nlohmann::ordered_json;
    struct Column {
        QString header;
        std::function<QVariant(const Json &row)> display;
        // A value that sorts naturally; the display text when empty.
        std::function<QVariant(const Json &row)> sortKey = {};
        // A colour for the text (a failed delivery in red); none when empty.
        std::function<QVariant(const Json &row)> foreground = {};
    };
    enum Role { IdRole = Qt::UserRole + 1, SortRole };

    explicit RecordTableModel(QList<Column> columns, QObject *parent = nullptr);

    void setRows(const Json &rows);
    void clear();
    const Json &row(int r) const { return m_rows[size_t(r)]; }
    int rowOf(const QString &id) const;

    // A timestamp field in the user's locale ("3 Dec 2026 14:05"), or `none` when it is empty.
    static QString timeText(const Json &row, const char *key, const QString &none = QString());
    // The same as a sort key: ISO text sorts in time order.
    static QVariant timeKey(const Json &row, const char *key);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Column> m_columns;
    Json m_rows = Json::array();
};

} // namespace ery::ui
