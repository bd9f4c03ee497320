#include "qualitycharts.h"

#include "client/engineclient.h"
#include "client/jsonfields.h"
#include "models/issuestablemodel.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QColor>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QStackedBarSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

using namespace ery::client;

namespace ery::ui {

namespace {

QChartView *chartView(QWidget *parent, const char *name, const QString &accessible)
{
    auto *view = new QChartView(parent);
    view->setObjectName(QString::fromLatin1(name));
    view->setAccessibleName(accessible);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(220);
    return view;
}

QString percent(double v)
{
    return QLocale().toString(v, 'f', 1) + QStringLiteral(" %");
}

} // namespace

QualityCharts::QualityCharts(EngineClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_period(new QComboBox(this)), m_score(new QLabel(this)), m_scoreParts(new QLabel(this)),
      m_pareto(chartView(this, "qualityParetoChart", tr("Scrap by reason"))),
      m_trend(chartView(this, "qualityTrendChart", tr("Issues over time"))),
      m_yield(chartView(this, "qualityYieldChart", tr("First-pass yield per cell")))
{
    m_period->setObjectName(QStringLiteral("chartPeriod"));
    m_period->setAccessibleName(tr("Period"));
    m_period->addItem(tr("Last 7 days"), 7);
    m_period->addItem(tr("Last 30 days"), 30);
    m_period->addItem(tr("Last 90 days"), 90);
    m_period->setCurrentIndex(1);
    connect(m_period, &QComboBox::currentIndexChanged, this, &QualityCharts::reload);

    m_score->setObjectName(QStringLiteral("qualityScore"));
    m_score->setAccessibleName(tr("Quality score"));
    QFont big = m_score->font();
    big.setPointSizeF(big.pointSizeF() * 2.2);
    big.setBold(true);
    m_score->setFont(big);
    m_score->setText(QStringLiteral("—"));
    m_scoreParts->setObjectName(QStringLiteral("qualityScoreParts"));
    m_scoreParts->setWordWrap(true);
    m_scoreParts->setForegroundRole(QPalette::PlaceholderText);

    auto *scoreTitle = new QLabel(tr("Quality score"), this);
    QFont bold = scoreTitle->font();
    bold.setBold(true);
    scoreTitle->setFont(bold);
    auto *scoreBox = new QVBoxLayout;
    scoreBox->setSpacing(2);
    scoreBox->addWidget(scoreTitle);
    scoreBox->addWidget(m_score);
    auto *top = new QHBoxLayout;
    top->addLayout(scoreBox);
    top->addSpacing(18);
    top->addWidget(m_scoreParts, 1, Qt::AlignBottom);
    top->addWidget(m_period, 0, Qt::AlignTop);

    auto *grid = new QGridLayout;
    grid->setSpacing(10);
    grid->addWidget(m_pareto, 0, 0, 1, 2);
    grid->addWidget(m_trend, 1, 0);
    grid->addWidget(m_yield, 1, 1);
    grid->setRowStretch(0, 1);
    grid->setRowStretch(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->setSpacing(10);
    layout->addLayout(top);
    layout->addLayout(grid, 1);

    for (const QString &table : {QStringLiteral("issues"), QStringLiteral("operation_quantities")})
        m_client.subscribe(
            {table}, this,
            [this] {
                if (isVisible())
                    reload();
                else
                    m_stale = true;
            },
            1000);

    for (QChartView *v : {m_pareto, m_trend, m_yield})
        freshChart(v, v->accessibleName());
}

void QualityCharts::setTenant(const QString &tenantId)
{
    if (tenantId == m_tenantId)
        return;
    m_tenantId = tenantId;
    ++m_generation;
    m_score->setText(QStringLiteral("—"));
    m_scoreParts->clear();
    for (QChartView *v : {m_pareto, m_trend, m_yield})
        freshChart(v, v->accessibleName());
    m_stale = true;
    if (isVisible())
        reload();
}

int QualityCharts::days() const
{
    return m_period->currentData().toInt();
}

QChart *QualityCharts::paretoChart() const
{
    return m_pareto->chart();
}

QChart *QualityCharts::trendChart() const
{
    return m_trend->chart();
}

QChart *QualityCharts::yieldChart() const
{
    return m_yield->chart();
}

void QualityCharts::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

void QualityCharts::reload()
{
    if (m_tenantId.isEmpty())
        return;
    m_stale = false;
    const int gen = ++m_generation;
    const int d = days();
    m_waiting = 4;
    auto ask = [this, gen](const QString &path, void (QualityCharts::*show)(const ApiReply &)) {
        m_client.get(path).then(this, [this, gen, show](const ApiReply &reply) {
            if (gen != m_generation)
                return;
            (this->*show)(reply);
            if (--m_waiting == 0)
                emit loaded();
        });
    };
    ask(QStringLiteral("/api/v1/analytics/quality-score?days=%1").arg(d), &QualityCharts::showScore);
    ask(QStringLiteral("/api/v1/analytics/scrap-pareto?days=%1&top_n=12").arg(d), &QualityCharts::showPareto);
    ask(QStringLiteral("/api/v1/analytics/issue-trends?days=%1&interval=%2")
            .arg(d)
            .arg(d > 14 ? QStringLiteral("weekly") : QStringLiteral("daily")),
        &QualityCharts::showTrend);
    ask(QStringLiteral("/api/v1/analytics/yield?days=%1").arg(d), &QualityCharts::showYield);
}

QChart *QualityCharts::freshChart(QChartView *view, const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(4);
    QChart *old = view->chart();
    view->setChart(chart);
    delete old;
    return chart;
}

void QualityCharts::showMessage(QChartView *view, const QString &title, const QString &message)
{
    QChart *chart = freshChart(view, title + QStringLiteral(" — ") + message);
    chart->legend()->hide();
}

void QualityCharts::showScore(const ApiReply &reply)
{
    if (!reply.ok()) {
        m_score->setText(QStringLiteral("—"));
        m_scoreParts->setText(tr("The quality score could not be read: %1").arg(reply.errorMessage()));
        return;
    }
    const Json &s = reply.data();
    const QString band = text(s, "band");
    QString bandText = tr("needs attention");
    QColor color(0xc6, 0x28, 0x28);
    if (band == QLatin1String("good")) {
        bandText = tr("good");
        color = QColor(0x2e, 0x9d, 0x4f);
    } else if (band == QLatin1String("moderate")) {
        bandText = tr("moderate");
        color = QColor(0xb2, 0x5e, 0x00);
    }
    m_score->setText(QLocale().toString(real(s, "score"), 'f', 0));
    QPalette pal = m_score->palette();
    pal.setColor(QPalette::WindowText, color);
    m_score->setPalette(pal);
    m_score->setToolTip(tr("Quality score %1 of 100: %2").arg(QLocale().toString(real(s, "score"), 'f', 1), bandText));
    const auto yieldPart = s.contains("yield_pct") && s["yield_pct"].is_number() ? percent(real(s, "yield_pct")) : tr("no production");
    const auto resolution = s.contains("avg_resolution_days") && s["avg_resolution_days"].is_number()
                                ? tr("%1 days on average to resolve").arg(QLocale().toString(real(s, "avg_resolution_days"), 'f', 1))
                                : tr("nothing resolved yet");
    m_scoreParts->setText(tr("%1 · yield %2 (half the score) · issues %3 of 100 (30 %) · resolution %4 of 100 (20 %), %5")
                              .arg(bandText, yieldPart, QLocale().toString(real(s, "issue_score"), 'f', 0),
                                   QLocale().toString(real(s, "resolution_score"), 'f', 0), resolution));
}

void QualityCharts::showPareto(const ApiReply &reply)
{
    const QString title = tr("Scrap by reason (Pareto)");
    if (!reply.ok())
        return showMessage(m_pareto, title, tr("could not be read: %1").arg(reply.errorMessage()));
    const Json &items = reply.data().value("items", Json::array());
    if (items.empty())
        return showMessage(m_pareto, title, tr("no scrap reported in this period"));
    QChart *chart = freshChart(m_pareto, tr("%1 — %n part(s) scrapped", nullptr, int(number(reply.data(), "total_scrap"))).arg(title));
    auto *bars = new QBarSet(tr("Scrapped"));
    auto *cumulative = new QLineSeries;
    cumulative->setName(tr("Cumulative share"));
    QStringList categories;
    qint64 highest = 0;
    int x = 0;
    for (const Json &item : items) {
        const QString code = text(item, "code");
        categories << (code.isEmpty() ? tr("No reason") : code);
        const qint64 q = number(item, "quantity");
        highest = std::max(highest, q);
        *bars << double(q);
        cumulative->append(x++, real(item, "cumulative_pct"));
    }
    auto *series = new QBarSeries;
    series->append(bars);
    chart->addSeries(series);
    chart->addSeries(cumulative);
    auto *axisX = new QBarCategoryAxis;
    axisX->append(categories);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    cumulative->attachAxis(axisX);
    auto *axisQty = new QValueAxis;
    axisQty->setRange(0, double(std::max<qint64>(highest, 1)) * 1.1);
    axisQty->setLabelFormat(QStringLiteral("%d"));
    axisQty->setTitleText(tr("Parts"));
    chart->addAxis(axisQty, Qt::AlignLeft);
    series->attachAxis(axisQty);
    auto *axisPct = new QValueAxis;
    axisPct->setRange(0, 100);
    axisPct->setLabelFormat(QStringLiteral("%d %%"));
    chart->addAxis(axisPct, Qt::AlignRight);
    cumulative->attachAxis(axisPct);
}

void QualityCharts::showTrend(const ApiReply &reply)
{
    const QString title = tr("Issues reported");
    if (!reply.ok())
        return showMessage(m_trend, title, tr("could not be read: %1").arg(reply.errorMessage()));
    const Json &buckets = reply.data().value("buckets", Json::array());
    QChart *chart = freshChart(m_trend, tr("%1 — %n issue(s)", nullptr, int(number(reply.data(), "total"))).arg(title));
    const struct {
        const char *key;
        QColor color;
    } severities[] = {{"low", QColor(0x9e, 0x9e, 0x9e)},
                      {"medium", QColor(0x1e, 0x88, 0xe5)},
                      {"high", QColor(0xf5, 0x9e, 0x0b)},
                      {"critical", QColor(0xc6, 0x28, 0x28)}};
    auto *series = new QStackedBarSeries;
    qint64 highest = 0;
    QStringList categories;
    for (const Json &b : buckets) {
        categories << QLocale().toString(when(b, "period_start").date(), QStringLiteral("d MMM"));
        highest = std::max(highest, number(b, "total"));
    }
    for (const auto &s : severities) {
        auto *set = new QBarSet(IssuesTableModel::severityText(QString::fromLatin1(s.key)));
        set->setColor(s.color);
        for (const Json &b : buckets)
            *set << double(number(b, s.key));
        series->append(set);
    }
    chart->addSeries(series);
    auto *axisX = new QBarCategoryAxis;
    axisX->append(categories);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    auto *axisY = new QValueAxis;
    axisY->setRange(0, double(std::max<qint64>(highest, 1)));
    axisY->setTickCount(int(std::min<qint64>(std::max<qint64>(highest, 1), 5)) + 1);
    axisY->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
}

void QualityCharts::showYield(const ApiReply &reply)
{
    const QString title = tr("First-pass yield");
    if (!reply.ok())
        return showMessage(m_yield, title, tr("could not be read: %1").arg(reply.errorMessage()));
    const Json &overall = reply.data().value("overall", Json::object());
    const Json &cells = reply.data().value("cells", Json::array());
    if (cells.empty() || number(overall, "produced") <= 0)
        return showMessage(m_yield, title, tr("no production reported in this period"));
    QChart *chart = freshChart(m_yield, tr("%1 — %2 overall").arg(title, percent(real(overall, "first_pass_yield_pct"))));
    chart->legend()->hide();
    auto *set = new QBarSet(tr("Yield"));
    set->setColor(QColor(0x2e, 0x9d, 0x4f));
    QStringList categories;
    for (const Json &c : cells) {
        categories << text(c, "cell_name");
        *set << real(c, "first_pass_yield_pct");
    }
    auto *series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value %"));
    series->setLabelsPrecision(3);
    chart->addSeries(series);
    auto *axisX = new QBarCategoryAxis;
    axisX->append(categories);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    auto *axisY = new QValueAxis;
    axisY->setRange(0, 100);
    axisY->setLabelFormat(QStringLiteral("%d %%"));
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
}

} // namespace ery::ui
