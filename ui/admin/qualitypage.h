#pragma once

#include "client/apireply.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTableWidget;
class QTabWidget;

namespace ery::client {
class EngineClient;
}

namespace ery::ui {

class IssuesTableModel;
class QualityCharts;

// The admin's quality panel: the issue queue (filters by status and severity, a search), the
// selected issue's detail (where and by whom it was reported, its NCR record, its review) with the
// review steps its status allows — Approve, Reject (with notes), Close (resolution notes), Verify an
// NCR — then the scrap reasons operators pick from (create, edit, deactivate), and the quality
// charts. Everything is a request to the hub's API; refusals are shown in its words.
class QualityPage : public QWidget {
    Q_OBJECT
public:
    explicit QualityPage(client::EngineClient &client, QWidget *parent = nullptr);

    void setTenant(const QString &tenantId);
    IssuesTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QTabWidget *tabs() const { return m_tabs; }
    QTableWidget *scrapReasons() const { return m_reasons; }
    QualityCharts *charts() const { return m_charts; }
    // The issue the user selected, when it is shown; empty otherwise.
    QString selectedIssueId() const;

signals:
    void scrapReasonsLoaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildIssuesTab();
    QWidget *buildDetail();
    QWidget *buildScrapTab();
    void userSelectionChanged();
    void reshapeStarts();
    void reshapeEnds();
    void restoreSelection();
    QModelIndex shownRowOf(const QString &issueId) const;
    void updateCount();
    void showDetail();
    void review(int step);
    void verify();
    void say(QLabel *label, const QString &message, bool problem);

    void reloadReasons();
    void showReasons(const QList<Json> &reasons);
    QString selectedReasonId() const;
    void updateReasonActions();
    void editReason(bool create);
    void toggleReasonActive();

    client::EngineClient &m_client;
    QString m_tenantId;
    QTabWidget *m_tabs;

    IssuesTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_severity = nullptr;
    QLabel *m_count = nullptr;
    QString m_selectedIssueId;
    int m_reshaping = 0;
    bool m_restoring = false;
    bool m_built = false; // the view sorts while it is being built, before the detail exists

    QWidget *m_detail = nullptr;
    QLabel *m_noSelection = nullptr;
    QLabel *m_detailTitle = nullptr;
    QLabel *m_detailSummary = nullptr;
    QHash<QString, QLabel *> m_fields;
    QGroupBox *m_ncrBox = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_reject = nullptr;
    QPushButton *m_close = nullptr;
    QPushButton *m_verify = nullptr;
    QLabel *m_actionMessage = nullptr;
    bool m_busy = false;

    QTableWidget *m_reasons = nullptr;
    QCheckBox *m_showInactive = nullptr;
    QPushButton *m_newReason = nullptr;
    QPushButton *m_editReason = nullptr;
    QPushButton *m_toggleReason = nullptr;
    QLabel *m_reasonMessage = nullptr;
    QHash<QString, Json> m_reasonRows;
    bool m_reasonsLoading = false;
    bool m_reasonsAgain = false;

    QualityCharts *m_charts = nullptr;
};

} // namespace ery::ui
