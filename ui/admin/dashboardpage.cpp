#include "dashboardpage.h"

#include "client/engineclient.h"
#include "client/jsonfields.h"
#include "shell/theme.h"
#include "widgets/pagetitle.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QTimeZone>
#include <QFrame>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScatterSeries>
#include <QScrollArea>
#include <QStackedBarSeries>
#include <QStackedWidget>
#include <QTimer>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace ery::client;

namespace ery::ui {

namespace {

// The tables whose changes move a figure on the page.
const QStringList kWatchedTables = {QStringLiteral("operations"),
                                    QStringLiteral("jobs"),
                                    QStringLiteral("parts"),
                                    QStringLiteral("issues"),
                                    QStringLiteral("time_entries"),
                                    QStringLiteral("cells"),
                                    QStringLiteral("operation_quantities"),
                                    QStringLiteral("scrap_reasons")};
// A change reloads the page at once: the row changes of one commit arrive together and are
// gathered for kSettleMs, which costs one reload. While changes keep coming, reloads start at most
// every kThrottleMs (a reload costs the engine thread a few tens of ms, which it owes the API too).
// On a busy hub a load takes longer (its answers wait behind other requests): the gap then grows to
// kLoadShare times the last load's time, so the page's reads stay a small share of the hub's work.
constexpr int kSettleMs = 10;
constexpr int kThrottleMs = 200;
constexpr int kLoadShare = 3;
constexpr int kThroughputDays = 14;
constexpr int kWindowDays = 30;
constexpr int kParetoTop = 8;
constexpr int kProgressShown = 10;
constexpr int kNamed = 6; // jobs named in an attention line

// Colours that read on the light and the dark palette alike.
const QColor kBlue(0x2f6fb3);
const QColor kGreen(0x2e8b57);
const QColor kAmber(0xd98c00);
const QColor kRed(0xc0392b);
const QColor kPurple(0x7d3c98);
const QColor kGrey(0x9aa5b1);

bool darkPalette()
{
    return QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
}

QDateTime isoTime(const Json &row, const char *key)
{
    QDateTime t = QDateTime::fromString(text(row, key), Qt::ISODateWithMs);
    return t.isValid() ? t : QDateTime::fromString(text(row, key), Qt::ISODate);
}

QString isoUtc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QString percent(double v)
{
    return QLocale().toString(v, 'f', 1) + QStringLiteral(" %");
}

QBarSet *barSet(const QString &name, const QColor &colour)
{
    auto *set = new QBarSet(name);
    set->setColor(colour);
    set->setBorderColor(colour);
    set->setLabelColor(darkPalette() ? Qt::white : Qt::black);
    return set;
}

void emptyLayout(QLayout *layout)
{
    while (QLayoutItem *item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

} // namespace

const QStringList &DashboardPage::cardKeys()
{
    static const QStringList keys = {QStringLiteral("active_workers"), QStringLiteral("pending_issues"), QStringLiteral("in_progress"),
                                     QStringLiteral("due_this_week"),  QStringLiteral("overdue"),        QStringLiteral("completed_today")};
    return keys;
}

DashboardPage::DashboardPage(EngineClient &client, QWidget *parent) : QWidget(parent), m_client(client)
{
    auto *title = new PageTitle(tr("Dashboard"), this);
    m_updated = new QLabel(this);
    m_updated->setObjectName(QStringLiteral("dashboardUpdated"));
    m_updated->setForegroundRole(QPalette::PlaceholderText);
    m_refresh = new QPushButton(tr("&Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_refresh->setIcon(Theme::icon(QStringLiteral("refresh")));
    m_refresh->setAccessibleName(tr("Refresh the dashboard"));
    m_refresh->setToolTip(tr("The dashboard follows every change by itself; this reads all figures again now."));
    connect(m_refresh, &QPushButton::clicked, this, &DashboardPage::reload);

    auto *headerRow = new QHBoxLayout;
    headerRow->addWidget(title);
    headerRow->addSpacing(12);
    headerRow->addWidget(m_updated, 0, Qt::AlignBottom);
    headerRow->addStretch();
    headerRow->addWidget(m_refresh);

    m_errorBar = new QFrame(this);
    m_errorBar->setObjectName(QStringLiteral("dashboardError"));
    m_errorBar->setAutoFillBackground(true);
    QPalette errorPal = m_errorBar->palette();
    errorPal.setColor(QPalette::Window, QColor(0xf8d7da));
    errorPal.setColor(QPalette::WindowText, QColor(0x842029));
    m_errorBar->setPalette(errorPal);
    m_errorText = new QLabel(m_errorBar);
    m_errorText->setObjectName(QStringLiteral("dashboardErrorText"));
    m_errorText->setWordWrap(true);
    auto *errorRow = new QHBoxLayout(m_errorBar);
    errorRow->setContentsMargins(12, 8, 12, 8);
    errorRow->addWidget(m_errorText, 1);
    m_errorBar->hide();

    // Cards in a row.
    auto *cards = new QHBoxLayout;
    cards->setSpacing(12);
    const struct {
        QString key, caption, tip;
    } cardList[] = {
        {QStringLiteral("active_workers"), tr("Active workers"), tr("Workers with a running time entry")},
        {QStringLiteral("pending_issues"), tr("Pending issues"), tr("Issues waiting for review")},
        {QStringLiteral("in_progress"), tr("In progress"), tr("Operations in progress")},
        {QStringLiteral("due_this_week"), tr("Due this week"), tr("Open jobs due within 7 days")},
        {QStringLiteral("overdue"), tr("Overdue"), tr("Open jobs past their due date")},
        {QStringLiteral("completed_today"), tr("Completed today"), tr("Operations completed since midnight")},
    };
    for (const auto &c : cardList)
        cards->addWidget(buildCard(c.key, c.caption, c.tip), 1);

    // Attention list and job progress: words and bars, not charts.
    auto *attention = new QWidget(this);
    attention->setObjectName(QStringLiteral("attentionList"));
    m_attentionList = new QVBoxLayout(attention);
    m_attentionList->setContentsMargins(4, 4, 4, 4);
    m_attentionList->setSpacing(10);
    auto *progress = new QWidget(this);
    progress->setObjectName(QStringLiteral("jobProgressList"));
    m_progressList = new QGridLayout(progress);
    m_progressList->setContentsMargins(4, 4, 4, 4);
    m_progressList->setHorizontalSpacing(12);
    m_progressList->setVerticalSpacing(8);

    m_throughput = buildPanel(QStringLiteral("throughputChart"), tr("Operations completed per day (last %1 days)").arg(kThroughputDays));
    m_wip = buildPanel(QStringLiteral("wipChart"), tr("WIP per cell against its limit"));
    m_pareto = buildPanel(QStringLiteral("paretoChart"), tr("Scrap by reason (last %1 days)").arg(kWindowDays));
    m_yield = buildPanel(QStringLiteral("yieldChart"), tr("Yield per day (last %1 days)").arg(kWindowDays));
    m_issues = buildPanel(QStringLiteral("issuesChart"), tr("Issues by severity (last %1 days)").arg(kWindowDays));
    m_attention = buildPanel(QStringLiteral("attentionPanel"), tr("Needs attention"), attention);
    m_progress = buildPanel(QStringLiteral("progressPanel"), tr("Jobs in progress"), progress);

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(12);
    grid->addWidget(m_throughput.stack->parentWidget(), 0, 0);
    grid->addWidget(m_wip.stack->parentWidget(), 0, 1);
    grid->addWidget(m_pareto.stack->parentWidget(), 1, 0);
    grid->addWidget(m_yield.stack->parentWidget(), 1, 1);
    grid->addWidget(m_issues.stack->parentWidget(), 2, 0);
    grid->addWidget(m_attention.stack->parentWidget(), 2, 1);
    grid->addWidget(m_progress.stack->parentWidget(), 3, 0, 1, 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);

    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("dashboardContent"));
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 8, 0);
    contentLayout->setSpacing(16);
    contentLayout->addLayout(cards);
    contentLayout->addLayout(grid);
    contentLayout->addStretch();

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("dashboardScroll"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(content);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 12, 12);
    layout->setSpacing(12);
    layout->addLayout(headerRow);
    layout->addWidget(m_errorBar);
    layout->addWidget(scroll, 1);

    // A change while another panel is shown is read when this one is shown again.
    m_throttle = new QTimer(this);
    m_throttle->setSingleShot(true);
    connect(m_throttle, &QTimer::timeout, this, &DashboardPage::reloadThrottled);
    for (const QString &table : kWatchedTables)
        m_client.subscribe(
            {table}, this,
            [this] {
                if (isVisible())
                    reloadThrottled();
                else
                    m_stale = true;
            },
            kSettleMs);
    connect(&m_client, &EngineClient::signedIn, this, [this] { setTenant(m_client.tenantId()); });
    connect(&m_client, &EngineClient::signedOut, this, [this] { setTenant({}); });
    clear();
    if (m_client.isSignedIn())
        setTenant(m_client.tenantId());
}

QWidget *DashboardPage::buildCard(const QString &key, const QString &caption, const QString &tip)
{
    auto *card = new QFrame(this);
    card->setObjectName(QStringLiteral("card_") + key);
    card->setFrameShape(QFrame::StyledPanel);
    card->setAutoFillBackground(true);
    card->setBackgroundRole(QPalette::Base);
    card->setToolTip(tip);
    card->setMinimumHeight(86);
    auto *value = new QLabel(card);
    value->setObjectName(QStringLiteral("cardValue_") + key);
    value->setAccessibleName(caption);
    value->setAccessibleDescription(tip);
    QFont valueFont = value->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 2.2);
    valueFont.setBold(true);
    value->setFont(valueFont);
    auto *label = new QLabel(caption, card);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setWordWrap(true);
    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(14, 10, 14, 10);
    layout->setSpacing(2);
    layout->addWidget(value);
    layout->addWidget(label);
    layout->addStretch();
    m_cards.insert(key, value);
    return card;
}

DashboardPage::Panel DashboardPage::buildPanel(const QString &name, const QString &title, QWidget *custom)
{
    auto *frame = new QFrame(this);
    frame->setObjectName(name);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setAutoFillBackground(true);
    frame->setBackgroundRole(QPalette::Base);
    frame->setMinimumHeight(custom ? 200 : 280);
    auto *heading = new QLabel(title, frame);
    heading->setObjectName(name + QStringLiteral("Title"));
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    heading->setFont(headingFont);

    Panel p;
    p.stack = new QStackedWidget(frame);
    p.empty = new QLabel(p.stack);
    p.empty->setObjectName(name + QStringLiteral("Empty"));
    p.empty->setAlignment(Qt::AlignCenter);
    p.empty->setWordWrap(true);
    p.empty->setForegroundRole(QPalette::PlaceholderText);
    p.stack->addWidget(p.empty);
    if (custom) {
        p.custom = custom;
        custom->setParent(p.stack);
        p.stack->addWidget(custom);
    } else {
        p.view = new QChartView(p.stack);
        p.view->setObjectName(name + QStringLiteral("View"));
        p.view->setAccessibleName(title);
        p.view->setRenderHint(QPainter::Antialiasing);
        p.view->setFrameShape(QFrame::NoFrame);
        p.view->setChart(newChart());
        p.stack->addWidget(p.view);
    }
    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->setSpacing(4);
    layout->addWidget(heading);
    layout->addWidget(p.stack, 1);
    return p;
}

QChart *DashboardPage::newChart() const
{
    auto *chart = new QChart;
    chart->setTheme(darkPalette() ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundVisible(false);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setLabelColor(palette().color(QPalette::WindowText));
    return chart;
}

void DashboardPage::showEmpty(Panel &panel, const QString &words)
{
    panel.empty->setText(words);
    panel.stack->setCurrentWidget(panel.empty);
    if (panel.view && !panel.view->chart()->series().isEmpty()) {
        // A view releases the chart it showed without deleting it.
        QChart *old = panel.view->chart();
        panel.view->setChart(newChart());
        delete old;
    }
}

void DashboardPage::showChart(Panel &panel, QChart *chart)
{
    QChart *old = panel.view->chart();
    panel.view->setChart(chart);
    delete old;
    panel.stack->setCurrentWidget(panel.view);
}

QString DashboardPage::cardValue(const QString &key) const
{
    const QLabel *l = m_cards.value(key);
    return l ? l->text() : QString();
}

void DashboardPage::setTenant(const QString &tenantId)
{
    if (tenantId == m_tenantId)
        return;
    m_tenantId = tenantId;
    ++m_generation;
    clear();
    m_stale = true;
    if (isVisible()) {
        m_stale = false;
        reload();
    }
}

void DashboardPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (std::exchange(m_stale, false))
        reload();
}

void DashboardPage::clear()
{
    m_figures = Json::object();
    m_errorBar->hide();
    m_updated->setText(m_tenantId.isEmpty() ? tr("Not signed in") : tr("Loading…"));
    for (QLabel *l : std::as_const(m_cards)) {
        l->setText(QStringLiteral("—"));
        l->setStyleSheet({});
    }
    const QString none = m_tenantId.isEmpty() ? tr("Sign in to see the shop's figures.") : tr("Loading…");
    for (Panel *p : {&m_throughput, &m_wip, &m_pareto, &m_yield, &m_issues, &m_attention, &m_progress})
        showEmpty(*p, none);
    emptyLayout(m_attentionList);
    emptyLayout(m_progressList);
    m_refresh->setEnabled(!m_tenantId.isEmpty());
}

void DashboardPage::reloadThrottled()
{
    if (m_tenantId.isEmpty())
        return;
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    if (m_loading) {
        m_reloadAgain = true;
        return;
    }
    const qint64 gap = std::max<qint64>(kThrottleMs, kLoadShare * m_lastLoadMs);
    const qint64 since = m_lastLoad.isValid() ? m_lastLoad.elapsed() : gap;
    if (since < gap) {
        if (!m_throttle->isActive())
            m_throttle->start(int(gap - since));
        return;
    }
    reload();
}

void DashboardPage::reload()
{
    if (m_tenantId.isEmpty())
        return;
    if (m_loading) {
        m_reloadAgain = true;
        return;
    }
    m_throttle->stop();
    m_loading = true;
    m_lastLoad.start();

    // Every answer of one load lands here; the page changes once, when the last one is in.
    struct Load {
        int pending = 0;
        int generation = 0;
        Json figures = Json::object();
        QString error;
    };
    auto load = std::make_shared<Load>();
    load->generation = m_generation;
    load->figures["throughput"] = Json::array();
    auto finish = [this, load] {
        if (--load->pending > 0)
            return;
        m_loading = false;
        m_lastLoadMs = m_lastLoad.elapsed();
        if (load->generation == m_generation) {
            if (load->error.isEmpty()) {
                apply(load->figures);
            } else {
                QString why = load->error.trimmed();
                if (!why.isEmpty() && !why.endsWith(QLatin1Char('.')))
                    why += QLatin1Char('.');
                m_errorText->setText(tr("The dashboard could not be read: %1 Check that the hub is running, then press Refresh.").arg(why));
                m_errorBar->show();
                emit loadFailed(load->error);
            }
        }
        // A new shop's figures are read at once; changes meanwhile no sooner than the throttle allows.
        if (load->generation != m_generation) {
            m_reloadAgain = false;
            reload();
        } else if (std::exchange(m_reloadAgain, false)) {
            reloadThrottled();
        }
    };
    auto keep = [load](const char *name, const ApiReply &reply) {
        if (reply.ok())
            load->figures[name] = reply.data();
        else if (load->error.isEmpty())
            load->error = reply.errorMessage();
    };
    auto ask = [this, load, keep, finish](const char *name, const QString &path) {
        ++load->pending;
        m_client.get(path).then(this, [keep, finish, name](const ApiReply &reply) {
            keep(name, reply);
            finish();
        });
    };

    ++load->pending; // the dashboard, which also names the shop's midnight for the days
    m_client.get(QStringLiteral("/api/v1/analytics/dashboard")).then(this, [this, load, keep, finish](const ApiReply &reply) {
        keep("dashboard", reply);
        const QDateTime today = isoTime(reply.data(), "today_starts_at");
        // The shop's calendar day of each bar: its midnight is late the day before in UTC.
        const QTimeZone zone(text(reply.data(), "timezone").toUtf8());
        if (reply.ok() && today.isValid()) {
            load->figures["throughput"] = Json::array();
            for (int i = 0; i < kThroughputDays; ++i)
                load->figures["throughput"].push_back(Json::object());
            for (int i = 0; i < kThroughputDays; ++i) {
                const int back = kThroughputDays - 1 - i;
                const QDateTime from = today.addDays(-back);
                QString path = QStringLiteral("/api/v1/analytics/production?from=%1").arg(isoUtc(from));
                if (back > 0)
                    path += QStringLiteral("&to=%1").arg(isoUtc(from.addDays(1)));
                ++load->pending;
                const QDate day = zone.isValid() ? from.toTimeZone(zone).date() : from.date();
                m_client.get(path).then(this, [load, keep, finish, i, day](const ApiReply &r) {
                    if (r.ok())
                        load->figures["throughput"][std::size_t(i)] = Json{
                            {"day", utf8(day.toString(Qt::ISODate))}, {"operations_completed", number(r.data(), "operations_completed")}};
                    else
                        keep("throughput", r);
                    finish();
                });
            }
        }
        finish();
    });
    ask("qrm", QStringLiteral("/api/v1/analytics/qrm"));
    ask("scrap_pareto", QStringLiteral("/api/v1/analytics/scrap-pareto?days=%1&top_n=%2").arg(kWindowDays).arg(kParetoTop));
    ask("scrap_trends", QStringLiteral("/api/v1/analytics/scrap-trends?days=%1&interval=daily").arg(kWindowDays));
    ask("issues", QStringLiteral("/api/v1/analytics/issues?days=%1&group_by=severity").arg(kWindowDays));
    // Only the jobs a panel names, soonest due first: the hub counts the rest.
    const QString jobs = QStringLiteral("/api/v1/jobs/overview?sort=due_date&limit=%1&");
    ask("jobs_active", jobs.arg(kProgressShown) + QStringLiteral("status=in_progress"));
    ask("jobs_held", jobs.arg(kNamed) + QStringLiteral("status=on_hold"));
    ask("jobs_bullet", jobs.arg(kNamed) + QStringLiteral("bullet=true&open=true"));
}

void DashboardPage::apply(const Json &figures)
{
    m_figures = figures;
    m_errorBar->hide();
    const Json &dashboard = figures["dashboard"];
    fillCards(dashboard);
    fillThroughput(figures["throughput"]);
    fillWip(figures["qrm"]);
    fillPareto(figures["scrap_pareto"]);
    fillYield(figures["scrap_trends"]);
    fillIssues(figures["issues"]);
    fillAttention(dashboard, figures["jobs_held"], figures["jobs_bullet"]);
    fillProgress(figures["jobs_active"]);
    m_updated->setText(tr("Live · updated %1").arg(QLocale().toString(QTime::currentTime(), QLocale::LongFormat)));
    emit refreshed();
}

void DashboardPage::fillCards(const Json &d)
{
    const QLocale locale;
    const Json ops = d.value("operations", Json::object());
    const Json issues = d.value("issues", Json::object());
    const struct {
        const char *key;
        qint64 value;
        QColor alert; // the value's colour when it is not 0
    } values[] = {
        {"active_workers", number(d, "active_time_entries"), kBlue},
        {"pending_issues", number(issues, "pending"), kAmber},
        {"in_progress", number(ops, "in_progress"), kBlue},
        {"due_this_week", number(d, "jobs_due_within_7_days"), QColor()},
        {"overdue", number(d, "jobs_overdue"), kRed},
        {"completed_today", number(d, "operations_completed_today"), kGreen},
    };
    for (const auto &v : values) {
        QLabel *l = m_cards.value(QLatin1String(v.key));
        l->setText(locale.toString(v.value));
        l->setStyleSheet(v.value > 0 && v.alert.isValid() ? QStringLiteral("color: %1;").arg(v.alert.name()) : QString());
    }
}

void DashboardPage::fillThroughput(const Json &days)
{
    qint64 total = 0;
    QStringList labels;
    QDate first, last;
    auto *set = barSet(tr("Operations completed"), kBlue);
    const QLocale locale;
    for (const Json &d : days) {
        const QDate day = QDate::fromString(text(d, "day").left(10), Qt::ISODate);
        // The day of the month: fourteen bars leave no room for more; the axis title has the months.
        labels << locale.toString(day, QStringLiteral("d"));
        if (!first.isValid())
            first = day;
        last = day;
        const qint64 n = number(d, "operations_completed");
        *set << qreal(n);
        total += n;
    }
    if (days.empty() || total == 0) {
        delete set;
        showEmpty(m_throughput, tr("No operations were completed in the last %1 days.").arg(kThroughputDays));
        return;
    }
    QChart *chart = newChart();
    auto *series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setBarWidth(0.7);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(labels);
    x->setTruncateLabels(false);
    x->setTitleText(tr("%1 – %2").arg(locale.toString(first, QStringLiteral("d MMM")), locale.toString(last, QStringLiteral("d MMM"))));
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d"));
    qreal top = 0;
    for (int i = 0; i < set->count(); ++i)
        top = std::max(top, set->at(i));
    y->setRange(0, std::ceil(top * 1.2 + 1));
    y->setTickCount(5);
    y->applyNiceNumbers();
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->legend()->hide();
    showChart(m_throughput, chart);
}

void DashboardPage::fillWip(const Json &qrm)
{
    const Json cells = qrm.value("cells", Json::array());
    if (cells.empty()) {
        showEmpty(m_wip, tr("No active cells. Add cells to see their work in progress."));
        return;
    }
    auto *normal = barSet(tr("Normal"), kGreen);
    auto *warning = barSet(tr("Warning"), kAmber);
    auto *full = barSet(tr("At capacity"), kRed);
    auto *noLimit = barSet(tr("No limit"), kBlue);
    auto *free = barSet(tr("Free to the limit"), darkPalette() ? QColor(0x4a5560) : QColor(0xdde3ea));
    QStringList labels;
    qreal top = 1;
    // The horizontal axis lists from the bottom up: reverse so the first cell is on top.
    for (auto it = cells.rbegin(); it != cells.rend(); ++it) {
        const Json &c = *it;
        const qint64 wip = number(c, "wip");
        const bool limited = c.contains("wip_limit") && c["wip_limit"].is_number();
        const qint64 limit = limited ? number(c, "wip_limit") : 0;
        const QString status = text(c, "status");
        labels << (limited ? tr("%1 (%2 of %3)").arg(text(c, "cell_name")).arg(wip).arg(limit)
                           : tr("%1 (%2)").arg(text(c, "cell_name")).arg(wip));
        *normal << qreal(status == QLatin1String("normal") ? wip : 0);
        *warning << qreal(status == QLatin1String("warning") ? wip : 0);
        *full << qreal(status == QLatin1String("at_capacity") ? wip : 0);
        *noLimit << qreal(!limited || status == QLatin1String("no_limit") ? wip : 0);
        *free << qreal(limited ? std::max<qint64>(0, limit - wip) : 0);
        top = std::max(top, qreal(std::max(wip, limit)));
    }
    QChart *chart = newChart();
    auto *series = new QHorizontalStackedBarSeries;
    for (QBarSet *s : {normal, warning, full, noLimit, free})
        series->append(s);
    series->setBarWidth(0.65);
    chart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(labels);
    y->setTruncateLabels(false); // a cell's name is the point of the row
    auto *x = new QValueAxis;
    x->setLabelFormat(QStringLiteral("%d"));
    x->setRange(0, top);
    x->setTickCount(std::min<int>(int(top) + 1, 6));
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    series->attachAxis(y);
    // Only the colours that appear go in the legend.
    const auto markers = chart->legend()->markers(series);
    const QList<QBarSet *> sets = series->barSets();
    for (int i = 0; i < sets.size() && i < markers.size(); ++i)
        markers[i]->setVisible(sets[i]->sum() > 0);
    showChart(m_wip, chart);
}

void DashboardPage::fillPareto(const Json &pareto)
{
    const Json items = pareto.value("items", Json::array());
    if (items.empty() || number(pareto, "total_scrap") == 0) {
        showEmpty(m_pareto, tr("No scrap was reported in the last %1 days.").arg(kWindowDays));
        return;
    }
    auto *set = barSet(tr("Scrapped"), kRed);
    auto *cumulative = new QLineSeries;
    cumulative->setName(tr("Cumulative %"));
    cumulative->setColor(kPurple);
    cumulative->setPointsVisible(true);
    QStringList labels;
    int i = 0;
    for (const Json &item : items) {
        QString label = text(item, "code");
        if (item.value("scrap_reason_id", Json()).is_null() || label.isEmpty())
            label = tr("No reason");
        labels << label;
        *set << qreal(number(item, "quantity"));
        cumulative->append(i++, real(item, "cumulative_pct"));
    }
    QChart *chart = newChart();
    auto *bars = new QBarSeries;
    bars->append(set);
    bars->setLabelsVisible(true);
    bars->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    set->setLabelColor(Qt::white);
    chart->addSeries(bars);
    chart->addSeries(cumulative);
    auto *x = new QBarCategoryAxis;
    x->append(labels);
    x->setTruncateLabels(false);
    auto *qty = new QValueAxis;
    qty->setLabelFormat(QStringLiteral("%d"));
    qty->setTitleText(tr("Pieces"));
    qty->setRange(0, set->at(0) * 1.1);
    qty->applyNiceNumbers();
    auto *pct = new QValueAxis;
    pct->setRange(0, 100);
    pct->setLabelFormat(QStringLiteral("%d %"));
    pct->setTickCount(qty->tickCount());
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(qty, Qt::AlignLeft);
    chart->addAxis(pct, Qt::AlignRight);
    bars->attachAxis(x);
    bars->attachAxis(qty);
    cumulative->attachAxis(x);
    cumulative->attachAxis(pct);
    showChart(m_pareto, chart);
}

void DashboardPage::fillYield(const Json &trends)
{
    auto *line = new QLineSeries;
    line->setName(tr("Yield"));
    QPen pen(kGreen);
    pen.setWidth(2);
    line->setPen(pen);
    auto *points = new QScatterSeries;
    points->setColor(kGreen);
    points->setBorderColor(kGreen);
    points->setMarkerSize(7);
    qint64 produced = 0, good = 0;
    double lowest = 100;
    QDateTime first, last;
    for (const Json &b : trends.value("buckets", Json::array())) {
        const QDateTime at = QDateTime(QDate::fromString(text(b, "period_start").left(10), Qt::ISODate), QTime(12, 0));
        if (!at.isValid())
            continue;
        if (!first.isValid())
            first = at;
        last = at;
        const qint64 p = number(b, "produced"), g = number(b, "good");
        if (p <= 0)
            continue;
        produced += p;
        good += g;
        const double y = 100.0 * double(g) / double(p);
        lowest = std::min(lowest, y);
        line->append(qreal(at.toMSecsSinceEpoch()), y);
        points->append(qreal(at.toMSecsSinceEpoch()), y);
    }
    if (produced == 0) {
        delete line;
        delete points;
        showEmpty(m_yield, tr("No production was reported in the last %1 days.").arg(kWindowDays));
        return;
    }
    QChart *chart = newChart();
    chart->addSeries(line);
    chart->addSeries(points);
    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("d MMM"));
    x->setRange(first.addDays(-1), last.addDays(1));
    x->setTickCount(6);
    auto *y = new QValueAxis;
    y->setRange(std::max(0.0, std::floor(lowest / 10.0) * 10.0 - 10.0), 100);
    y->setLabelFormat(QStringLiteral("%d %"));
    y->setTickCount(5);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *s : {static_cast<QAbstractSeries *>(line), static_cast<QAbstractSeries *>(points)}) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    chart->legend()->hide();
    chart->setTitle(tr("%1 good of %2 produced: %3")
                        .arg(QLocale().toString(good), QLocale().toString(produced), percent(100.0 * double(good) / double(produced))));
    QFont titleFont = font();
    chart->setTitleFont(titleFont);
    chart->setTitleBrush(palette().color(QPalette::WindowText));
    showChart(m_yield, chart);
}

void DashboardPage::fillIssues(const Json &issues)
{
    if (number(issues, "total") == 0) {
        showEmpty(m_issues, tr("No issues were reported in the last %1 days.").arg(kWindowDays));
        return;
    }
    const struct {
        const char *key;
        QString label;
    } severities[] = {{"critical", tr("Critical")}, {"high", tr("High")}, {"medium", tr("Medium")}, {"low", tr("Low")}};
    auto *pending = barSet(tr("Pending"), kAmber);
    auto *resolved = barSet(tr("Approved or closed"), kGreen);
    auto *rejected = barSet(tr("Rejected"), kGrey);
    QStringList labels;
    qreal top = 1;
    for (const auto &s : severities) {
        Json group = Json::object();
        for (const Json &g : issues.value("groups", Json::array()))
            if (text(g, "key") == QLatin1String(s.key))
                group = g;
        labels << s.label;
        *pending << qreal(number(group, "pending"));
        *resolved << qreal(number(group, "approved") + number(group, "closed"));
        *rejected << qreal(number(group, "rejected"));
        top = std::max(top, qreal(number(group, "count")));
    }
    QChart *chart = newChart();
    auto *series = new QStackedBarSeries;
    series->append(pending);
    series->append(resolved);
    series->append(rejected);
    series->setBarWidth(0.6);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(labels);
    x->setTruncateLabels(false);
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d"));
    y->setRange(0, top);
    y->setTickCount(std::min<int>(int(top) + 1, 6));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    showChart(m_issues, chart);
}

void DashboardPage::fillAttention(const Json &d, const Json &held, const Json &bullet)
{
    emptyLayout(m_attentionList);
    const Json attention = d.value("attention", Json::object());
    // The first jobs of a page by number, and how many more the hub has.
    auto names = [](const Json &page) {
        QStringList jobs;
        for (const Json &j : page.value("jobs", Json::array()))
            jobs << text(j, "job_number");
        const qint64 more = number(page.value("pagination", Json::object()), "total") - jobs.size();
        if (more > 0)
            return tr("%1 and %2 more").arg(jobs.join(QStringLiteral(", "))).arg(more);
        return jobs.join(QStringLiteral(", "));
    };
    const QString bulletJobs = names(bullet), heldJobs = names(held);
    const qint64 bullets = number(attention, "bullet_parts");
    const qint64 opsHeld = number(attention, "operations_on_hold");
    const qint64 overEstimate = number(attention, "operations_over_estimate");
    const qint64 overdue = number(d, "jobs_overdue");
    const struct {
        const char *name;
        qint64 count;
        QColor colour;
        QString headline, detail;
    } rows[] = {
        {"attentionBullets", bullets, kRed, tr("%n bullet card part(s) not finished", nullptr, int(bullets)),
         bulletJobs.isEmpty() ? QString() : tr("Jobs: %1").arg(bulletJobs)},
        {"attentionOnHold", opsHeld, kAmber, tr("%n operation(s) on hold", nullptr, int(opsHeld)),
         heldJobs.isEmpty() ? QString() : tr("Jobs on hold: %1").arg(heldJobs)},
        {"attentionOverEstimate", overEstimate, kPurple, tr("%n operation(s) over their estimated time", nullptr, int(overEstimate)),
         QString()},
        {"attentionOverdue", overdue, kRed, tr("%n job(s) past their due date", nullptr, int(overdue)), QString()},
    };
    int shown = 0;
    for (const auto &r : rows) {
        if (r.count <= 0)
            continue;
        auto *label = new QLabel(m_attention.custom);
        label->setObjectName(QLatin1String(r.name));
        label->setTextFormat(Qt::RichText);
        label->setWordWrap(true);
        QString html = QStringLiteral("<span style='color:%1; font-size:large;'>&#9679;</span>&nbsp;<b>%2</b>")
                           .arg(r.colour.name(), r.headline.toHtmlEscaped());
        if (!r.detail.isEmpty())
            html += QStringLiteral("<br/><span>%1</span>").arg(r.detail.toHtmlEscaped());
        label->setText(html);
        m_attentionList->addWidget(label);
        ++shown;
    }
    m_attentionList->addStretch();
    if (shown == 0)
        showEmpty(m_attention, tr("Nothing needs attention: no bullet cards, nothing on hold, nothing over its estimate or overdue."));
    else
        m_attention.stack->setCurrentWidget(m_attention.custom);
}

void DashboardPage::fillProgress(const Json &activeJobs)
{
    emptyLayout(m_progressList);
    // In progress, soonest due first and undated last, as the hub sorted them.
    const Json active = activeJobs.value("jobs", Json::array());
    if (active.empty()) {
        showEmpty(m_progress, tr("No job is in progress. Start an operation to see its job here."));
        return;
    }
    const QLocale locale;
    const QDate today = QDate::currentDate();
    const int shown = std::min<int>(int(active.size()), kProgressShown);
    const int perColumn = (shown + 1) / 2;
    for (int i = 0; i < shown; ++i) {
        const Json &j = active[std::size_t(i)];
        const int row = i % perColumn, col = (i / perColumn) * 4;
        const qint64 total = number(j, "operation_count"), done = number(j, "operations_completed");
        QString name = text(j, "job_number");
        if (!text(j, "customer").isEmpty())
            name += QStringLiteral(" · ") + text(j, "customer");
        auto *label = new QLabel(m_progress.custom);
        label->setText(name);
        label->setToolTip(name);
        label->setMinimumWidth(120);
        label->setMaximumWidth(240);
        label->setObjectName(QStringLiteral("jobProgressName"));
        auto *bar = new QProgressBar(m_progress.custom);
        bar->setObjectName(QStringLiteral("jobProgress_") + text(j, "job_number"));
        bar->setRange(0, int(std::max<qint64>(total, 1)));
        bar->setValue(int(std::min(done, std::max<qint64>(total, 1))));
        bar->setFormat(tr("%1 of %2 operations").arg(done).arg(total));
        bar->setAccessibleName(tr("Progress of job %1").arg(text(j, "job_number")));
        bar->setMinimumWidth(140);
        const QDateTime due = when(j, "due_date");
        auto *dueLabel = new QLabel(m_progress.custom);
        if (due.isValid()) {
            const QDate day = due.date();
            dueLabel->setText(tr("due %1").arg(locale.toString(day, QLocale::ShortFormat)));
            if (day < today)
                dueLabel->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg(kRed.name()));
        }
        dueLabel->setForegroundRole(QPalette::PlaceholderText);
        m_progressList->addWidget(label, row, col);
        m_progressList->addWidget(bar, row, col + 1);
        m_progressList->addWidget(dueLabel, row, col + 2);
        if (col == 0)
            m_progressList->setColumnMinimumWidth(3, 24);
    }
    m_progressList->setColumnStretch(1, 1);
    m_progressList->setColumnStretch(5, 1);
    const qint64 inProgress = number(activeJobs.value("pagination", Json::object()), "total");
    if (inProgress > shown) {
        auto *more = new QLabel(tr("…and %n more job(s) in progress (see Jobs)", nullptr, int(inProgress - shown)), m_progress.custom);
        more->setForegroundRole(QPalette::PlaceholderText);
        m_progressList->addWidget(more, perColumn, 0, 1, 7);
    }
    m_progress.stack->setCurrentWidget(m_progress.custom);
}

} // namespace ery::ui
