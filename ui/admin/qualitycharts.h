#pragma once

#include "client/apireply.h"

#include <QWidget>

class QChart;
class QChartView;
class QComboBox;
class QLabel;

namespace ery::client {
class EngineClient;
}

namespace ery::ui {

// The quality figures of a period (7, 30 or 90 days), from the hub's analytics routes: the
// quality score with its parts (/api/v1/analytics/quality-score), the scrap Pareto with its
// cumulative share (scrap-pareto), issues per period by severity (issue-trends) and first-pass
// yield per cell (yield). Follows new issues and production reports while shown.
class QualityCharts : public QWidget {
    Q_OBJECT
public:
    explicit QualityCharts(client::EngineClient &client, QWidget *parent = nullptr);

    void setTenant(const QString &tenantId);
    void reload();
    int days() const;
    QLabel *scoreLabel() const { return m_score; }
    QChart *paretoChart() const;
    QChart *trendChart() const;
    QChart *yieldChart() const;

signals:
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showScore(const client::ApiReply &reply);
    void showPareto(const client::ApiReply &reply);
    void showTrend(const client::ApiReply &reply);
    void showYield(const client::ApiReply &reply);
    QChart *freshChart(QChartView *view, const QString &title);
    void showMessage(QChartView *view, const QString &title, const QString &message);

    client::EngineClient &m_client;
    QString m_tenantId;
    QComboBox *m_period;
    QLabel *m_score;
    QLabel *m_scoreParts;
    QChartView *m_pareto;
    QChartView *m_trend;
    QChartView *m_yield;
    int m_generation = 0;
    int m_waiting = 0;
    bool m_stale = true;
};

} // namespace ery::ui
