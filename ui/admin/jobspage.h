#pragma once

#include "domain/rules.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace ery {
class EngineClient;
}

namespace ery::ui {

class JobsTableModel;

// The admin's jobs list: search, sort, and the job lifecycle actions for the selected job.
class JobsPage : public QWidget {
    Q_OBJECT
public:
    explicit JobsPage(EngineClient &client, QWidget *parent = nullptr);

    void setTenant(const QString &tenantId);
    JobsTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString selectedJobId() const;

private:
    void updateActions();
    void updateCount();
    void run(domain::Action action);
    QModelIndex selectedSourceRow() const;

    EngineClient &m_client;
    JobsTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLineEdit *m_search;
    QLabel *m_count;
    QPushButton *m_start;
    QPushButton *m_pause;
    QPushButton *m_resume;
    QPushButton *m_complete;
    // A lifecycle call is on its way; the buttons wait so a double click cannot send it twice.
    bool m_busy = false;
};

} // namespace ery::ui
