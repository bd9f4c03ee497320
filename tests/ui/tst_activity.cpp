#include "admin/activitypage.h"
#include "admin/recordview.h"
#include "engine.h"
#include "inprocessclient.h"
#include "models/recordtablemodel.h"
#include "services/demoshop.h"
#include "shell/mainwindow.h"
#include "testshop.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace ery::domain;
using namespace ery::services;
using namespace ery;

// The activity panel against a real engine on the demo shop: changes made over real HTTP appear
// in the trail while it is shown, the selected entry lists the fields that moved, search and the
// kind filter narrow it (hostile text included), and signing out clears it.
class TstActivity : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void changesOverHttpAppearWithinASecondNewestFirst();
    void selectedUpdateListsTheFieldsThatMoved();
    void searchNarrowsAndHostileTextFindsNothing();
    void kindFilterShowsOnlyThatKind();
    void signOutClearsThePanel();

private:
    ui::ActivityPage *page() const { return m_window->findChild<ui::ActivityPage *>(); }
    QAbstractItemModel *shown() const { return page()->view()->model(); }
    QString cell(int row, int column) const { return shown()->index(row, column).data().toString(); }
    int rowWith(int column, const QString &text) const;
    Json httpJson(const QByteArray &method, const QString &path, const Json &body, int *status = nullptr);

    QTemporaryDir m_dir;
    Config m_cfg;
    std::unique_ptr<EngineHost> m_host;
    std::unique_ptr<InProcessClient> m_client;
    std::unique_ptr<ui::MainWindow> m_window;
    QString m_apiBase;
    QString m_token;
    QString m_jobId;
    QNetworkAccessManager m_nam;
};

void TstActivity::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_cfg.dbUrl = test::TestShop::postgres() ? test::TestShop::databaseUrl() : m_dir.filePath(QStringLiteral("shop.db"));
    m_cfg.http.enabled = true;
    m_cfg.http.optional = true;
    m_cfg.http.port = 0;
    m_host = std::make_unique<EngineHost>(m_cfg);
    const Status started = m_host->start();
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
    m_client = std::make_unique<InProcessClient>(*m_host);

    auto demo = m_host->call<Result<DemoShop::Outcome>>([](Engine &e) { return DemoShop::load(e.services()); });
    demo.waitForFinished();
    QVERIFY(demo.result().ok());
    auto st = m_host->call<Json>([](Engine &e) { return e.status(); });
    st.waitForFinished();
    m_apiBase = str(st.result()["api"], "url").chopped(7); // drop "/api/v1"

    int status = 0;
    const Json session = httpJson("POST", QStringLiteral("/api/v1/auth/login"), DemoShop::adminSignIn(), &status);
    QCOMPARE(status, 200);
    m_token = QString::fromStdString(session["data"]["session"].value("access_token", std::string()));
    QVERIFY(!m_token.isEmpty());

    m_window = std::make_unique<ui::MainWindow>(*m_client, true);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(m_client->isSignedIn(), 5000);
    QVERIFY(page());
    QVERIFY(m_window->openPage(QStringLiteral("activity")));
    QTRY_VERIFY(page()->isVisible());
}

void TstActivity::cleanupTestCase()
{
    m_window.reset();
    m_client.reset();
    m_host.reset();
}

int TstActivity::rowWith(int column, const QString &text) const
{
    for (int r = 0; r < shown()->rowCount(); ++r)
        if (cell(r, column).contains(text))
            return r;
    return -1;
}

Json TstActivity::httpJson(const QByteArray &method, const QString &path, const Json &body, int *status)
{
    QNetworkRequest req(QUrl(m_apiBase + path));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!m_token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    QNetworkReply *reply = m_nam.sendCustomRequest(req, method, body.is_null() ? QByteArray() : QByteArray::fromStdString(body.dump()));
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 5000))
        return Json();
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray raw = reply->readAll();
    reply->deleteLater();
    return Json::parse(raw.toStdString(), nullptr, false);
}

void TstActivity::changesOverHttpAppearWithinASecondNewestFirst()
{
    // The demo shop's own setup is in the trail.
    QTRY_VERIFY_WITH_TIMEOUT(shown()->rowCount() > 0, 5000);
    auto *count = page()->findChild<QLabel *>(QStringLiteral("activityCount"));
    QVERIFY(!count->text().isEmpty());

    int status = 0;
    const Json job = httpJson("POST", QStringLiteral("/api/v1/jobs"), Json{{"job_number", "ACT-UI-1"}, {"customer", "Audit BV"}}, &status);
    QCOMPARE(status, 201);
    m_jobId = QString::fromStdString(job["data"]["job"].value("id", std::string()));
    QVERIFY(!m_jobId.isEmpty());
    QElapsedTimer clock;
    clock.start();
    QTRY_VERIFY_WITH_TIMEOUT(cell(0, 4) == QStringLiteral("Job ACT-UI-1 created"), 2000);
    qInfo("the REST change was in the trail after %lld ms", qint64(clock.elapsed()));
    QVERIFY2(clock.elapsed() < 1500, "a change took longer than a second (plus the panel's debounce) to show");
    QCOMPARE(cell(0, 2), QStringLiteral("create"));
    QCOMPARE(cell(0, 3), QStringLiteral("job"));
    QVERIFY2(!cell(0, 1).isEmpty() && cell(0, 1) != QStringLiteral("The hub"), qPrintable(cell(0, 1))); // the admin who signed in
}

void TstActivity::selectedUpdateListsTheFieldsThatMoved()
{
    QVERIFY(!m_jobId.isEmpty());
    int status = 0;
    httpJson("PATCH", QStringLiteral("/api/v1/jobs/") + m_jobId, Json{{"customer", "Audit & Zonen BV"}}, &status);
    QCOMPARE(status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(cell(0, 4) == QStringLiteral("Job ACT-UI-1 updated"), 2000);

    auto *view = page()->view();
    view->selectRow(0);
    auto *changes = page()->findChild<QPlainTextEdit *>(QStringLiteral("activityChanges"));
    QTRY_VERIFY(!changes->toPlainText().isEmpty());
    const QString text = changes->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("customer: Audit BV → Audit & Zonen BV")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("job_number:")), qPrintable(text)); // unchanged fields are left out
    QVERIFY2(!text.contains(QStringLiteral("updated_at")), qPrintable(text));
}

void TstActivity::searchNarrowsAndHostileTextFindsNothing()
{
    auto *search = page()->findChild<QLineEdit *>(QStringLiteral("activitySearch"));
    QVERIFY(search);
    const int all = shown()->rowCount();
    search->setText(QStringLiteral("ACT-UI-1"));
    QTRY_COMPARE_WITH_TIMEOUT(shown()->rowCount(), 2, 3000); // created, updated
    for (int r = 0; r < shown()->rowCount(); ++r)
        QVERIFY(cell(r, 4).contains(QStringLiteral("ACT-UI-1")));

    auto *error = page()->findChild<QLabel *>(QStringLiteral("activityError"));
    for (const QString &hostile : {QStringLiteral("' OR 1=1 --"), QStringLiteral("%_%"), QStringLiteral("\"); DROP TABLE activity_log; --"),
                                   QString(200, QLatin1Char('x'))}) {
        search->setText(hostile);
        QTRY_COMPARE_WITH_TIMEOUT(shown()->rowCount(), 0, 3000);
        QVERIFY2(error->isHidden(), qPrintable(error->text()));
    }
    search->clear();
    QTRY_COMPARE_WITH_TIMEOUT(shown()->rowCount(), all, 3000);
}

void TstActivity::kindFilterShowsOnlyThatKind()
{
    auto *kind = page()->findChild<QComboBox *>(QStringLiteral("activityKind"));
    QVERIFY(kind);
    const int all = shown()->rowCount();
    kind->setCurrentIndex(kind->findData(QStringLiteral("job")));
    QTRY_VERIFY_WITH_TIMEOUT(shown()->rowCount() > 0 && shown()->rowCount() < all, 3000);
    for (int r = 0; r < shown()->rowCount(); ++r)
        QCOMPARE(cell(r, 3), QStringLiteral("job"));
    QVERIFY(rowWith(4, QStringLiteral("ACT-UI-1")) >= 0);

    // Nothing of this kind in the period: an empty table, not an error.
    kind->setCurrentIndex(kind->findData(QStringLiteral("mqtt_publisher")));
    QTRY_COMPARE_WITH_TIMEOUT(shown()->rowCount(), 0, 3000);
    auto *error = page()->findChild<QLabel *>(QStringLiteral("activityError"));
    QVERIFY(error->isHidden());
    kind->setCurrentIndex(0);
    QTRY_COMPARE_WITH_TIMEOUT(shown()->rowCount(), all, 3000);
}

void TstActivity::signOutClearsThePanel()
{
    QTRY_VERIFY(shown()->rowCount() > 0);
    m_client->signOut();
    QTRY_COMPARE(shown()->rowCount(), 0);
    QVERIFY(page()->findChild<QPlainTextEdit *>(QStringLiteral("activityChanges"))->toPlainText().isEmpty());
    QVERIFY(page()->findChild<QLabel *>(QStringLiteral("activityCount"))->text().isEmpty());
}

QTEST_MAIN(TstActivity)
#include "tst_activity.moc"
