#include "admin/dashboardpage.h"
#include "engine.h"
#include "http/apiserver.h"
#include "inprocessclient.h"
#include "services/demoshop.h"
#include "shell/mainwindow.h"
#include "testshop.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QChartView>
#include <QElapsedTimer>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace ery::domain;
using namespace ery::services;
using namespace ery;

// The dashboard against a real engine (SQLite, or PostgreSQL for the _pg twin) holding the demo
// shop, with its REST API served on a free port: the cards show what the API answers, a change an
// integrator makes over HTTP with an API key shows within a second (the page follows the engine's
// subscriptions; it has no timer), a change in another shop does not, and signing out clears it.
class TstDashboard : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cardsShowWhatTheApiAnswers();
    void chartsShowTheDemoShop();
    void changeThroughTheRestApiShowsWithinASecond();
    void measureCommitToRepaint();
    void sandboxChangeDoesNotMoveTheLiveShop();
    void refusedRequestChangesNothing();
    void signOutClearsAndSignInLoadsAgain();
    void unreachableHubIsSaidInWords();

private:
    struct Http {
        int status = 0;
        Json body;
    };
    Http http(const QByteArray &method, const QString &path, const Json &body = nullptr, const QString &key = {});
    QString firstOperation(const QString &status, const QString &key);
    ui::DashboardPage *page() const { return m_window->dashboardPage(); }
    static qint64 num(const Json &j, const char *k) { return j.contains(k) && j[k].is_number() ? j[k].get<qint64>() : -1; }
    QString card(const char *key) const { return page()->cardValue(QLatin1String(key)); }

    QTemporaryDir m_dir;
    Config m_cfg;
    std::unique_ptr<EngineHost> m_host;
    std::unique_ptr<InProcessClient> m_client;
    std::unique_ptr<ui::MainWindow> m_window;
    QNetworkAccessManager m_nam;
    QString m_base;
    QString m_tenant;
    QString m_key;     // live, read_write
    QString m_testKey; // the sandbox twin's
    QString m_reader;  // live, read only
};

void TstDashboard::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_cfg.dbUrl = test::TestShop::postgres() ? test::TestShop::databaseUrl() : m_dir.filePath(QStringLiteral("shop.db"));
    m_cfg.http.enabled = true;
    m_cfg.http.optional = false;
    m_cfg.http.port = 0;
    m_host = std::make_unique<EngineHost>(m_cfg);
    const Status started = m_host->start();
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
    m_client = std::make_unique<InProcessClient>(*m_host);

    auto demo = m_host->call<Result<DemoShop::Outcome>>([](Engine &e) { return DemoShop::load(e.services(), true); });
    demo.waitForFinished();
    const auto outcome = demo.result();
    QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : outcome.error().message));
    m_tenant = outcome->tenantId;

    auto port = m_host->call<int>([](Engine &e) { return e.api() ? int(e.api()->port()) : 0; });
    port.waitForFinished();
    QVERIFY(port.result() > 0);
    m_base = QStringLiteral("http://127.0.0.1:%1").arg(port.result());

    // Keys as an integrator gets them (the api-keys service, as `eryxon-server keys create` does).
    auto keys = m_host->call<QStringList>([tenant = m_tenant](Engine &e) {
        QStringList out;
        for (const auto &[scope, env] : {std::pair{"read_write", "live"}, std::pair{"read_write", "test"}, std::pair{"read", "live"}}) {
            auto k = e.services().apiKeys.create(Scope::of(tenant), Json{{"name", std::string("dashboard ") + scope + " " + env},
                                                                          {"scope", scope},
                                                                          {"environment", env}});
            out << (k ? k->secret : QString());
        }
        return out;
    });
    keys.waitForFinished();
    QCOMPARE(keys.result().size(), 3);
    m_key = keys.result()[0];
    m_testKey = keys.result()[1];
    m_reader = keys.result()[2];
    QVERIFY(!m_key.isEmpty() && !m_testKey.isEmpty() && !m_reader.isEmpty());

    m_window = std::make_unique<ui::MainWindow>(*m_client, true);
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(m_client->isSignedIn(), 5000);
    QVERIFY(m_window->openPage(QStringLiteral("dashboard")));
    QTRY_VERIFY_WITH_TIMEOUT(page()->isVisible(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(page()->figures().contains("dashboard"), 5000);
}

void TstDashboard::cleanupTestCase()
{
    m_window.reset();
    m_client.reset();
    m_host.reset();
}

TstDashboard::Http TstDashboard::http(const QByteArray &method, const QString &path, const Json &body, const QString &key)
{
    QNetworkRequest req(QUrl(m_base + path));
    req.setRawHeader("Authorization", "Bearer " + (key.isEmpty() ? m_key : key).toLatin1());
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    const QByteArray payload = body.is_null() ? QByteArray() : QByteArray::fromStdString(body.dump());
    QNetworkReply *reply = m_nam.sendCustomRequest(req, method, payload);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    Http out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = Json::parse(reply->readAll().toStdString(), nullptr, false);
    reply->deleteLater();
    return out;
}

QString TstDashboard::firstOperation(const QString &status, const QString &key)
{
    const Http r = http("GET", QStringLiteral("/api/v1/operations?status=%1&limit=1").arg(status), nullptr, key);
    if (r.status != 200)
        return {};
    const Json ops = r.body["data"].value("operations", Json::array());
    return ops.empty() ? QString() : QString::fromStdString(ops[0].value("id", std::string()));
}

void TstDashboard::cardsShowWhatTheApiAnswers()
{
    const Http r = http("GET", QStringLiteral("/api/v1/analytics/dashboard"));
    QCOMPARE(r.status, 200);
    const Json &d = r.body["data"];
    QCOMPARE(card("active_workers"), QString::number(num(d, "active_time_entries")));
    QCOMPARE(card("pending_issues"), QString::number(num(d["issues"], "pending")));
    QCOMPARE(card("in_progress"), QString::number(num(d["operations"], "in_progress")));
    QCOMPARE(card("due_this_week"), QString::number(num(d, "jobs_due_within_7_days")));
    QCOMPARE(card("overdue"), QString::number(num(d, "jobs_overdue")));
    QCOMPARE(card("completed_today"), QString::number(num(d, "operations_completed_today")));
    // The demo shop has work going on: the figures are not all zero.
    QVERIFY(num(d["operations"], "in_progress") > 0);
    QVERIFY(num(d["issues"], "pending") > 0);
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("dashboardUpdated"))->text().startsWith(QStringLiteral("Live")));
}

void TstDashboard::chartsShowTheDemoShop()
{
    // WIP per cell: one bar per active cell the API lists, the limit in its label.
    const Http qrm = http("GET", QStringLiteral("/api/v1/analytics/qrm"));
    QCOMPARE(qrm.status, 200);
    auto *wip = m_window->findChild<QChartView *>(QStringLiteral("wipChartView"));
    QVERIFY(wip);
    QTRY_VERIFY(wip->isVisible());
    QCOMPARE(wip->chart()->series().size(), 1);
    auto *axis = qobject_cast<QBarCategoryAxis *>(wip->chart()->axes(Qt::Vertical).value(0));
    QVERIFY(axis);
    QCOMPARE(axis->count(), int(qrm.body["data"]["cells"].size()));
    const Json firstCell = qrm.body["data"]["cells"][0];
    QVERIFY(axis->categories().last().startsWith(QString::fromStdString(firstCell.value("cell_name", std::string()))));

    // Jobs in progress: a bar per job the overview has in progress (up to ten).
    const Http overview = http("GET", QStringLiteral("/api/v1/jobs/overview"));
    int active = 0;
    for (const Json &j : overview.body["data"]["jobs"])
        active += j.value("status", std::string()) == "in_progress";
    QVERIFY(active > 0);
    const auto bars = page()->findChildren<QProgressBar *>();
    QCOMPARE(int(bars.size()), std::min(active, 10));

    // Every panel shows a chart or says in words why it has none.
    for (const char *name : {"throughputChart", "wipChart", "paretoChart", "yieldChart", "issuesChart", "attentionPanel", "progressPanel"}) {
        auto *stack = m_window->findChild<QFrame *>(QLatin1String(name))->findChild<QStackedWidget *>();
        QVERIFY(stack);
        auto *empty = m_window->findChild<QLabel *>(QLatin1String(name) + QStringLiteral("Empty"));
        if (stack->currentWidget() == empty)
            QVERIFY2(empty->text().endsWith(QLatin1Char('.')) && !empty->text().contains(QStringLiteral("Loading")), name);
    }
    // The attention list has a line for each item the API counts, and none for the others.
    const Http d = http("GET", QStringLiteral("/api/v1/analytics/dashboard"));
    const Json &attention = d.body["data"]["attention"];
    const struct {
        const char *label;
        qint64 count;
        const char *words;
    } lines[] = {{"attentionBullets", num(attention, "bullet_parts"), "bullet card"},
                 {"attentionOnHold", num(attention, "operations_on_hold"), "on hold"},
                 {"attentionOverEstimate", num(attention, "operations_over_estimate"), "estimated time"},
                 {"attentionOverdue", num(d.body["data"], "jobs_overdue"), "due date"}};
    int shownLines = 0;
    for (const auto &l : lines) {
        auto *label = m_window->findChild<QLabel *>(QLatin1String(l.label));
        QCOMPARE(label != nullptr, l.count > 0);
        if (label) {
            ++shownLines;
            QVERIFY2(label->text().contains(QString::number(l.count) + QLatin1Char(' ')) && label->text().contains(QLatin1String(l.words)),
                     qPrintable(label->text()));
        }
    }
    QVERIFY(shownLines > 0); // the demo shop has work on hold or overdue
}

void TstDashboard::changeThroughTheRestApiShowsWithinASecond()
{
    const qint64 inProgress = card("in_progress").toLongLong();
    const qint64 pending = card("pending_issues").toLongLong();
    const QString op = firstOperation(QStringLiteral("not_started"), m_key);
    QVERIFY(!op.isEmpty());

    const Http started = http("POST", QStringLiteral("/api/v1/operations/%1/start").arg(op), Json::object());
    QCOMPARE(started.status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(card("in_progress"), QString::number(inProgress + 1), 1000);

    const Http issue = http("POST", QStringLiteral("/api/v1/issues"),
                            Json{{"operation_id", op.toStdString()},
                                 {"severity", "high"},
                                 {"description", "Burr on the cut edge"},
                                 {"created_by", m_client->user().value("id", std::string())}});
    QVERIFY2(issue.status == 201 || issue.status == 200, issue.body.dump().c_str());
    QTRY_COMPARE_WITH_TIMEOUT(card("pending_issues"), QString::number(pending + 1), 1000);

    // And the page agrees with the API once more.
    const Http d = http("GET", QStringLiteral("/api/v1/analytics/dashboard"));
    QCOMPARE(card("in_progress"), QString::number(num(d.body["data"]["operations"], "in_progress")));
    QCOMPARE(card("pending_issues"), QString::number(num(d.body["data"]["issues"], "pending")));
}

// Not a timed test: prints how long a committed change takes to reach the screen.
void TstDashboard::measureCommitToRepaint()
{
    QLabel *value = m_window->findChild<QLabel *>(QStringLiteral("cardValue_in_progress"));
    QVERIFY(value);
    const QString before = value->text();
    const QString op = firstOperation(QStringLiteral("not_started"), m_key);
    QVERIFY(!op.isEmpty());

    struct PaintWatch : QObject {
        QLabel *label;
        QString before;
        QElapsedTimer *clock;
        qint64 paintedAt = -1;
        bool eventFilter(QObject *o, QEvent *e) override
        {
            if (o == label && e->type() == QEvent::Paint && paintedAt < 0 && label->text() != before)
                paintedAt = clock->nsecsElapsed();
            return false;
        }
    };
    QElapsedTimer clock;
    PaintWatch watch;
    watch.label = value;
    watch.before = before;
    watch.clock = &clock;
    value->installEventFilter(&watch);

    QNetworkRequest req(QUrl(m_base + QStringLiteral("/api/v1/operations/%1/start").arg(op)));
    req.setRawHeader("Authorization", "Bearer " + m_key.toLatin1());
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    clock.start();
    QNetworkReply *reply = m_nam.post(req, QByteArray("{}"));
    qint64 answeredAt = -1;
    connect(reply, &QNetworkReply::finished, this, [&] { answeredAt = clock.nsecsElapsed(); });
    QTRY_VERIFY_WITH_TIMEOUT(answeredAt >= 0, 5000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    reply->deleteLater();
    QTRY_VERIFY_WITH_TIMEOUT(watch.paintedAt >= 0, 2000);
    value->removeEventFilter(&watch);
    qInfo("dashboard: request sent -> HTTP answer (committed) %.1f ms; committed -> card repainted %.1f ms (reloads at once, then "
          "at most every %d ms)",
          answeredAt / 1e6, (watch.paintedAt - answeredAt) / 1e6, 200);
}

void TstDashboard::sandboxChangeDoesNotMoveTheLiveShop()
{
    QTRY_VERIFY_WITH_TIMEOUT(page()->figures().contains("dashboard"), 2000);
    const QString inProgress = card("in_progress");
    const QString pending = card("pending_issues");
    // A test key acts on the sandbox twin, which has the same demo shop.
    const QString sandboxOp = firstOperation(QStringLiteral("not_started"), m_testKey);
    QVERIFY(!sandboxOp.isEmpty());
    QCOMPARE(http("POST", QStringLiteral("/api/v1/operations/%1/start").arg(sandboxOp), Json::object(), m_testKey).status, 200);
    // A live operation is not the sandbox's to touch.
    const QString liveOp = firstOperation(QStringLiteral("not_started"), m_key);
    QVERIFY(!liveOp.isEmpty());
    QCOMPARE(http("POST", QStringLiteral("/api/v1/operations/%1/start").arg(liveOp), Json::object(), m_testKey).status, 404);
    QTest::qWait(600);
    QCOMPARE(card("in_progress"), inProgress);
    QCOMPARE(card("pending_issues"), pending);
    const Http d = http("GET", QStringLiteral("/api/v1/analytics/dashboard"));
    QCOMPARE(card("in_progress"), QString::number(num(d.body["data"]["operations"], "in_progress")));
}

void TstDashboard::refusedRequestChangesNothing()
{
    const QString inProgress = card("in_progress");
    const QString op = firstOperation(QStringLiteral("not_started"), m_key);
    // A read-only key, an unknown operation, a malformed id, an oversized and a hostile body.
    QCOMPARE(http("POST", QStringLiteral("/api/v1/operations/%1/start").arg(op), Json::object(), m_reader).status, 403);
    QCOMPARE(http("POST", QStringLiteral("/api/v1/operations/%1/start").arg(QStringLiteral("0190f0a0-0000-7000-8000-000000000000")),
                  Json::object())
                 .status,
             404);
    QVERIFY(http("POST", QStringLiteral("/api/v1/operations/not-a-uuid/start"), Json::object()).status / 100 == 4);
    const Http big = http("POST", QStringLiteral("/api/v1/issues"),
                          Json{{"operation_id", op.toStdString()}, {"severity", "catastrophic"}, {"description", std::string(30000, 'x')},
                               {"created_by", "'; DROP TABLE issues; --"}});
    QCOMPARE(big.status, 422);
    QTest::qWait(400);
    QCOMPARE(card("in_progress"), inProgress);
    const Http d = http("GET", QStringLiteral("/api/v1/analytics/dashboard"));
    QCOMPARE(card("pending_issues"), QString::number(num(d.body["data"]["issues"], "pending")));
}

void TstDashboard::signOutClearsAndSignInLoadsAgain()
{
    QVERIFY(card("in_progress") != QStringLiteral("—"));
    auto *signOut = m_window->findChild<QPushButton *>(QStringLiteral("signOutButton"));
    QVERIFY(signOut);
    QTest::mouseClick(signOut, Qt::LeftButton);
    QTRY_VERIFY(!m_client->isSignedIn());
    for (const QString &key : ui::DashboardPage::cardKeys())
        QCOMPARE(page()->cardValue(key), QStringLiteral("—"));
    QVERIFY(page()->figures().empty());
    QVERIFY(page()->findChildren<QProgressBar *>().isEmpty());
    QVERIFY(m_window->findChild<QChartView *>(QStringLiteral("wipChartView"))->chart()->series().isEmpty());

    // Changes while nobody is signed in reach nothing.
    const QString op = firstOperation(QStringLiteral("not_started"), m_key);
    QCOMPARE(http("POST", QStringLiteral("/api/v1/operations/%1/start").arg(op), Json::object()).status, 200);
    QTest::qWait(400);
    QCOMPARE(card("in_progress"), QStringLiteral("—"));

    const Json admin = DemoShop::adminSignIn();
    for (QWidget *w : QApplication::topLevelWidgets())
        if (w->inherits("ery::ui::SignInDialog"))
            w->close();
    m_client->signIn(QString::fromStdString(admin.value("username", std::string())),
                     QString::fromStdString(admin.value("password", std::string())));
    QTRY_VERIFY_WITH_TIMEOUT(m_client->isSignedIn(), 5000);
    QVERIFY(m_window->openPage(QStringLiteral("dashboard")));
    const Http d = http("GET", QStringLiteral("/api/v1/analytics/dashboard"));
    QTRY_COMPARE_WITH_TIMEOUT(card("in_progress"), QString::number(num(d.body["data"]["operations"], "in_progress")), 5000);
}

void TstDashboard::unreachableHubIsSaidInWords()
{
    QTRY_VERIFY_WITH_TIMEOUT(page()->figures().contains("dashboard"), 5000);
    const QString shown = card("in_progress");
    m_host->stop();
    QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("refreshButton")), Qt::LeftButton);
    auto *bar = m_window->findChild<QWidget *>(QStringLiteral("dashboardError"));
    QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), 5000);
    const QString words = m_window->findChild<QLabel *>(QStringLiteral("dashboardErrorText"))->text();
    QVERIFY2(words.contains(QStringLiteral("not running")) && words.contains(QStringLiteral("Refresh")), qPrintable(words));
    // What was shown stays, with the warning above it.
    QCOMPARE(card("in_progress"), shown);
}

QTEST_MAIN(TstDashboard)
#include "tst_dashboard.moc"
