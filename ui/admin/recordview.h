#pragma once

#include <QTableView>

class QSortFilterProxyModel;

namespace ery::ui {

class RecordTableModel;

// A sortable, single-row-selection table over a RecordTableModel, in the panels' common look. The
// selection is a record id: it is put back on the same record after a refresh.
class RecordView : public QTableView {
    Q_OBJECT
public:
    RecordView(RecordTableModel *model, const QString &objectName, const QString &accessibleName, QWidget *parent = nullptr);

    RecordTableModel *records() const { return m_records; }
    // The selected record's id, or empty.
    QString selectedId() const;
    // Selects the record; one not loaded yet (just created) is selected when the next rows come.
    void selectId(const QString &id);
    // The row of the model (not of the sorted view) the selection is on, or -1.
    int selectedRecordRow() const;
    // Said in the middle of the table while it has no rows: what belongs here and how to add it.
    void setEmptyText(const QString &text);
    QString emptyText() const { return m_emptyText; }

protected:
    void paintEvent(QPaintEvent *event) override;

signals:
    void selectedIdChanged(const QString &id);

private:
    RecordTableModel *m_records;
    QSortFilterProxyModel *m_proxy;
    void announce();

    QString m_emptyText;
    QString m_selected;  // the record the user (or selectId) chose
    QString m_announced; // the id selectedIdChanged last told
    bool m_pending = false;
    bool m_restoring = false;
};

} // namespace ery::ui
