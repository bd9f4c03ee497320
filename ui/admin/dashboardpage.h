#pragma once

#include "client/apireply.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QWidget>

class QGridLayout;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTimer;
class QVBoxLayout;

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
QT_END_NAMESPACE

namespace ery::client {
class EngineClient;
}

namespace ery::ui {

// The admin's dashboard for a second screen: stat cards, then charts of the shop's figures
// (operations completed per day, WIP per cell against its limit, scrap Pareto, yield trend, issues
// by severity), the attention list and the progress of the jobs in work.
//
// Every figure comes from the analytics routes of docs/api.md and /api/v1/jobs/overview. The page
// follows the tables that move them (operations, jobs, parts, issues, time entries, production
// reports, cells) and reloads everything at once on a change, then at most every 200 ms while
// changes keep coming; it never polls. One load is in flight at a time and is shown as a whole, so
// the cards and charts always agree.
class DashboardPage : public QWidget {
    Q_OBJECT
public:
    explicit DashboardPage(client::EngineClient &client, QWidget *parent = nullptr);

    // Empty clears the page (sign-out); a shop loads its figures and follows their changes. The page
    // follows the client's sign-in and sign-out by itself.
    void setTenant(const QString &tenantId);
    // Reloads now (the Refresh button, and when the page is shown).
    void reload();
    // Reloads for a change: now, or once the gap since the last load started has passed (kThrottleMs,
    // or more while loads take long), or after the load in flight.
    void reloadThrottled();

    // The stat cards' keys, in their order on screen.
    static const QStringList &cardKeys(); // active_workers, pending_issues, in_progress, due_this_week, overdue, completed_today
    // A card's shown value ("—" while nothing is loaded).
    QString cardValue(const QString &key) const;
    // The last load's answers by route name (dashboard, qrm, scrap_pareto, …); empty when cleared.
    const Json &figures() const { return m_figures; }

signals:
    // A load was shown (or failed, with its message).
    void refreshed();
    void loadFailed(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Panel {
        QStackedWidget *stack = nullptr;
        QLabel *empty = nullptr;
        QChartView *view = nullptr;
        QWidget *custom = nullptr;
    };
    QWidget *buildCard(const QString &key, const QString &caption, const QString &tip);
    Panel buildPanel(const QString &name, const QString &title, QWidget *custom = nullptr);
    void apply(const Json &figures);
    void clear();
    void showEmpty(Panel &panel, const QString &words);
    void showChart(Panel &panel, QChart *chart);
    void fillCards(const Json &dashboard);
    void fillThroughput(const Json &days);
    void fillWip(const Json &qrm);
    void fillPareto(const Json &pareto);
    void fillYield(const Json &trends);
    void fillIssues(const Json &issues);
    void fillAttention(const Json &dashboard, const Json &heldJobs, const Json &bulletJobs);
    void fillProgress(const Json &activeJobs);
    QChart *newChart() const;

    client::EngineClient &m_client;
    QString m_tenantId;
    Json m_figures;
    // A load is on its way; changes meanwhile ask for one more after it.
    bool m_loading = false;
    bool m_reloadAgain = false;
    // When the last load started, and the timer of a reload held back until kThrottleMs after it.
    QElapsedTimer m_lastLoad;
    // How long the last load took from asking to its last answer (the hub's queue included).
    qint64 m_lastLoadMs = 0;
    QTimer *m_throttle = nullptr;
    // Something changed (or a shop was opened) while the page was hidden: read it when shown.
    bool m_stale = false;
    // Bumped by every setTenant: answers of an older load are dropped.
    int m_generation = 0;

    QLabel *m_updated = nullptr;
    QWidget *m_errorBar = nullptr;
    QLabel *m_errorText = nullptr;
    QPushButton *m_refresh = nullptr;
    QHash<QString, QLabel *> m_cards;
    Panel m_throughput, m_wip, m_pareto, m_yield, m_issues, m_attention, m_progress;
    QVBoxLayout *m_attentionList = nullptr;
    QGridLayout *m_progressList = nullptr;
};

} // namespace ery::ui
