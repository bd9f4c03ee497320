#include "admin/qualitycharts.h"
#include "admin/qualitypage.h"
#include "admin/reviewnotesdialog.h"
#include "admin/scrapreasondialog.h"
#include "engine.h"
#include "inprocessclient.h"
#include "models/issuestablemodel.h"
#include "services/demoshop.h"
#include "shell/mainwindow.h"
#include "storage/database.h"
#include "testshop.h"

#include <QApplication>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QGroupBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace ery::domain;
using namespace ery::services;
using namespace ery;

// The quality panel against a real engine (SQLite file, or PostgreSQL under the postgres label) on
// the demo shop, driven through its widgets: the issue queue and its filters, the review steps and
// their refusals, issues created over real HTTP, scrap reasons and the charts.
class TstQuality : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void showsTheDemoIssuesAndFiltersNarrowThem();
    void searchMatchesWhereAndWhoAndSurvivesHostileText();
    void detailShowsTheNcrRecord();
    void approveChangesTheTableTheStoredRowAndEmitsAnEvent();
    void rejectWithoutNotesIsRefusedInWordsThenRejects();
    void closeStoresTheResolutionNotesAndVerifyFollows();
    void oversizedNotesAreRefusedInWords();
    void staleActionIsRefusedInTheApisWords();
    void anotherShopsIssueIsNeitherShownNorReviewable();
    void issueCreatedOverHttpAppearsWithinASecond();
    void scrapReasonCreatedEditedAndDeactivated();
    void duplicateAndBadScrapReasonsAreRefusedInWords();
    void chartsShowTheShopsQualityFigures();
    void signOutClearsThePanel();

private:
    ui::QualityPage *page() const { return m_window->findChild<ui::QualityPage *>(); }
    ui::IssuesTableModel *model() const { return page()->model(); }
    QString issueWithStatus(const QString &status, bool ncr = false) const;
    QString statusTextOf(const QString &issueId) const;
    void select(const QString &issueId);
    Json storedIssue(const QString &issueId) const;
    qint64 eventsFor(const QString &topic, const QString &entityId) const;
    QPushButton *button(const char *name) const { return page()->findChild<QPushButton *>(QLatin1String(name)); }
    ui::ReviewNotesDialog *openReview(const char *buttonName);
    ui::ScrapReasonDialog *openReasonDialog(const char *buttonName);
    Json httpJson(const QByteArray &method, const QString &path, const Json &body, int *status = nullptr);
    QString apiUrl() const;

    QTemporaryDir m_dir;
    Config m_cfg;
    std::unique_ptr<EngineHost> m_host;
    std::unique_ptr<InProcessClient> m_client;
    std::unique_ptr<ui::MainWindow> m_window;
    QString m_tenant;
    QString m_token;
    QNetworkAccessManager m_nam;
};

void TstQuality::initTestCase()
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
    const auto outcome = demo.result();
    QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : outcome.error().message));
    m_tenant = outcome->tenantId;

    m_window = std::make_unique<ui::MainWindow>(*m_client, true);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(m_client->isSignedIn(), 5000);
    QVERIFY(page());
    QVERIFY(m_window->openPage(QStringLiteral("quality")));
    QTRY_VERIFY(page()->isVisible());
}

void TstQuality::cleanupTestCase()
{
    m_window.reset();
    m_client.reset();
    m_host.reset();
}

QString TstQuality::issueWithStatus(const QString &status, bool ncr) const
{
    for (int r = 0; r < model()->rowCount(); ++r) {
        const QModelIndex i = model()->index(r, 0);
        const QString id = i.data(ui::IssuesTableModel::IssueIdRole).toString();
        const bool isNcr = str(model()->issue(id), "issue_type") == QLatin1String("ncr");
        if (i.data(ui::IssuesTableModel::StatusRole).toString() == status && isNcr == ncr)
            return id;
    }
    return {};
}

QString TstQuality::statusTextOf(const QString &issueId) const
{
    const int row = model()->rowOfIssue(issueId);
    return row < 0 ? QString() : model()->index(row, ui::IssuesTableModel::StatusColumn).data().toString();
}

void TstQuality::select(const QString &issueId)
{
    QTableView *view = page()->view();
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(view->model());
    QVERIFY(proxy);
    const QModelIndex row = proxy->mapFromSource(model()->index(model()->rowOfIssue(issueId), ui::IssuesTableModel::TitleColumn));
    QVERIFY(row.isValid());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(row).center());
    QCOMPARE(page()->selectedIssueId(), issueId);
}

Json TstQuality::storedIssue(const QString &issueId) const
{
    const QString tenant = m_tenant;
    auto f = m_host->call<Json>([tenant, issueId](Engine &e) {
        auto r = e.services().issues.get(Scope::of(tenant), issueId);
        return r ? Json(*r) : Json();
    });
    f.waitForFinished();
    return f.result();
}

qint64 TstQuality::eventsFor(const QString &topic, const QString &entityId) const
{
    auto f = m_host->call<qint64>([topic, entityId](Engine &e) {
        auto n = e.db().scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE kind = 'event' AND topic = ? AND entity_id = ?"),
                               {topic, entityId});
        return n ? *n : qint64(-1);
    });
    f.waitForFinished();
    return f.result();
}

ui::ReviewNotesDialog *TstQuality::openReview(const char *buttonName)
{
    QPushButton *b = button(buttonName);
    if (!b || !b->isEnabled())
        return nullptr;
    QTest::mouseClick(b, Qt::LeftButton);
    return page()->findChild<ui::ReviewNotesDialog *>();
}

ui::ScrapReasonDialog *TstQuality::openReasonDialog(const char *buttonName)
{
    QPushButton *b = button(buttonName);
    if (!b || !b->isEnabled())
        return nullptr;
    QTest::mouseClick(b, Qt::LeftButton);
    return page()->findChild<ui::ScrapReasonDialog *>();
}

QString TstQuality::apiUrl() const
{
    auto st = m_host->call<Json>([](Engine &e) { return e.status(); });
    st.waitForFinished();
    return str(st.result()["api"], "url");
}

Json TstQuality::httpJson(const QByteArray &method, const QString &path, const Json &body, int *status)
{
    QNetworkRequest req(QUrl(apiUrl().chopped(7) + path));
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

void TstQuality::showsTheDemoIssuesAndFiltersNarrowThem()
{
    // The demo shop reports three issues: a critical standstill (pending), an NCR (pending) and a
    // low one already approved.
    QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 3, 5000);
    QAbstractItemModel *shown = page()->view()->model();
    QCOMPARE(shown->rowCount(), 3);
    auto *count = page()->findChild<QLabel *>(QStringLiteral("issueCount"));
    QVERIFY2(count->text().startsWith(QStringLiteral("3 issue")), qPrintable(count->text()));

    auto *status = page()->findChild<QComboBox *>(QStringLiteral("statusFilter"));
    auto *severity = page()->findChild<QComboBox *>(QStringLiteral("severityFilter"));
    QVERIFY(status && severity);
    status->setCurrentIndex(status->findData(QStringLiteral("pending")));
    QTRY_COMPARE_WITH_TIMEOUT(shown->rowCount(), 2, 5000);
    for (int r = 0; r < shown->rowCount(); ++r)
        QCOMPARE(shown->index(r, 0).data(ui::IssuesTableModel::StatusRole).toString(), QStringLiteral("pending"));
    status->setCurrentIndex(status->findData(QStringLiteral("approved")));
    QTRY_COMPARE_WITH_TIMEOUT(shown->rowCount(), 1, 5000);
    QCOMPARE(shown->index(0, ui::IssuesTableModel::StatusColumn).data().toString(), QStringLiteral("Approved"));
    status->setCurrentIndex(status->findData(QStringLiteral("closed")));
    QTRY_COMPARE_WITH_TIMEOUT(shown->rowCount(), 0, 5000);
    status->setCurrentIndex(0);
    QTRY_COMPARE_WITH_TIMEOUT(shown->rowCount(), 3, 5000);

    severity->setCurrentIndex(severity->findData(QStringLiteral("critical")));
    QTRY_COMPARE_WITH_TIMEOUT(shown->rowCount(), 1, 5000);
    QCOMPARE(shown->index(0, ui::IssuesTableModel::SeverityColumn).data().toString(), QStringLiteral("Critical"));
    // Both filters at once: no pending low issue in the demo.
    severity->setCurrentIndex(severity->findData(QStringLiteral("low")));
    status->setCurrentIndex(status->findData(QStringLiteral("pending")));
    QTRY_COMPARE_WITH_TIMEOUT(shown->rowCount(), 0, 5000);
    severity->setCurrentIndex(0);
    status->setCurrentIndex(0);
    QTRY_COMPARE_WITH_TIMEOUT(shown->rowCount(), 3, 5000);
}

void TstQuality::searchMatchesWhereAndWhoAndSurvivesHostileText()
{
    QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 3, 5000);
    auto *search = page()->findChild<QLineEdit *>(QStringLiteral("issueSearch"));
    QAbstractItemModel *shown = page()->view()->model();
    search->setText(QStringLiteral("ncr-0000"));
    QCOMPARE(shown->rowCount(), 1);
    // Where and who are looked up through the API, then searchable.
    const QString ncr = issueWithStatus(QStringLiteral("pending"), true);
    const QString opId = str(model()->issue(ncr), "operation_id");
    QTRY_VERIFY_WITH_TIMEOUT(!model()->placeOf(opId).jobNumber.isEmpty(), 5000);
    search->setText(model()->placeOf(opId).jobNumber.toLower());
    QVERIFY(shown->rowCount() >= 1);
    const QString reporter = model()->personName(str(model()->issue(ncr), "created_by"));
    QVERIFY(!reporter.isEmpty());
    search->setText(reporter.toUpper());
    QVERIFY(shown->rowCount() >= 1);
    for (const QString &hostile : {QStringLiteral("'; DROP TABLE issues; --"), QStringLiteral("%_*[(\\"), QString(5000, QLatin1Char('x'))}) {
        search->setText(hostile);
        QCOMPARE(shown->rowCount(), 0);
    }
    search->clear();
    QCOMPARE(shown->rowCount(), 3);
    QCOMPARE(str(storedIssue(ncr), "status"), QStringLiteral("pending"));
}

void TstQuality::detailShowsTheNcrRecord()
{
    QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 3, 5000);
    const QString ncr = issueWithStatus(QStringLiteral("pending"), true);
    QVERIFY(!ncr.isEmpty());
    select(ncr);
    auto field = [this](const char *key) { return page()->findChild<QLabel *>(QStringLiteral("issue_") + QLatin1String(key)); };
    QVERIFY(page()->findChild<QGroupBox *>(QStringLiteral("ncrBox"))->isVisible());
    QCOMPARE(field("ncr_number")->text(), QStringLiteral("NCR-00001"));
    QCOMPARE(field("ncr_category")->text(), QStringLiteral("Dimensional"));
    QCOMPARE(field("affected_quantity")->text(), QStringLiteral("3"));
    QCOMPARE(field("description")->text(), QStringLiteral("[DIM] Three parts measured out of tolerance."));
    const QString opId = str(model()->issue(ncr), "operation_id");
    QTRY_VERIFY_WITH_TIMEOUT(field("where")->text().contains(model()->placeOf(opId).jobNumber) &&
                                 !model()->placeOf(opId).jobNumber.isEmpty(),
                             5000);
    QVERIFY(!model()->placeOf(opId).operation.isEmpty());
    QVERIFY(field("where")->text().contains(model()->placeOf(opId).operation));
    QVERIFY(field("reporter")->text() != QStringLiteral("—"));
    // Pending: reviewed, not closed, not verified.
    QVERIFY(button("approveButton")->isEnabled());
    QVERIFY(button("rejectButton")->isEnabled());
    QVERIFY(!button("closeButton")->isEnabled());
    QVERIFY(button("verifyButton")->isVisible());
    QVERIFY(!button("verifyButton")->isEnabled());

    // A general issue has no NCR record and no Verify.
    const QString general = issueWithStatus(QStringLiteral("approved"));
    select(general);
    QVERIFY(!page()->findChild<QGroupBox *>(QStringLiteral("ncrBox"))->isVisible());
    QVERIFY(!button("verifyButton")->isVisible());
    QVERIFY(!button("approveButton")->isEnabled());
    QVERIFY(button("closeButton")->isEnabled());
    QCOMPARE(field("resolution_notes")->text(), QStringLiteral("Rev C is current; drawing updated."));
}

void TstQuality::approveChangesTheTableTheStoredRowAndEmitsAnEvent()
{
    QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 3, 5000);
    const QString id = issueWithStatus(QStringLiteral("pending"));
    QVERIFY(!id.isEmpty());
    select(id);
    QCOMPARE(eventsFor(QStringLiteral("issue.approved"), id), 0);
    ui::ReviewNotesDialog *dialog = openReview("approveButton");
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    // While the question is open the buttons wait, so a second click cannot send it twice.
    QVERIFY(!button("approveButton")->isEnabled());
    QTest::keyClicks(dialog->notes(), QStringLiteral("Hose replaced; machine back in service."));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("reviewSendButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!page()->findChild<ui::ReviewNotesDialog *>(), 5000);

    QTRY_COMPARE_WITH_TIMEOUT(statusTextOf(id), QStringLiteral("Approved"), 5000);
    QCOMPARE(page()->selectedIssueId(), id);
    QTRY_VERIFY(button("closeButton")->isEnabled());
    QVERIFY(!button("approveButton")->isEnabled());
    QVERIFY(page()->findChild<QLabel *>(QStringLiteral("issueMessage"))->text().contains(QStringLiteral("approved")));
    const Json stored = storedIssue(id);
    QCOMPARE(str(stored, "status"), QStringLiteral("approved"));
    QCOMPARE(str(stored, "resolution_notes"), QStringLiteral("Hose replaced; machine back in service."));
    QCOMPARE(str(stored, "reviewed_by"), str(m_client->user(), "id"));
    QCOMPARE(eventsFor(QStringLiteral("issue.approved"), id), 1);
}

void TstQuality::rejectWithoutNotesIsRefusedInWordsThenRejects()
{
    QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 3, 5000);
    const QString ncr = issueWithStatus(QStringLiteral("pending"), true);
    QVERIFY(!ncr.isEmpty());
    select(ncr);
    ui::ReviewNotesDialog *dialog = openReview("rejectButton");
    QVERIFY(dialog);
    QTest::keyClicks(dialog->notes(), QStringLiteral("   "));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("reviewSendButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), 5000);
    QVERIFY2(dialog->errorText().contains(QStringLiteral("resolution notes are required to reject")), qPrintable(dialog->errorText()));
    QVERIFY(dialog->isVisible());
    QCOMPARE(str(storedIssue(ncr), "status"), QStringLiteral("pending"));
    QCOMPARE(eventsFor(QStringLiteral("issue.rejected"), ncr), 0);

    dialog->notes()->setPlainText(QStringLiteral("Measured with the wrong fixture; parts are in tolerance."));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("reviewSendButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!page()->findChild<ui::ReviewNotesDialog *>(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(statusTextOf(ncr), QStringLiteral("Rejected"), 5000);
    QCOMPARE(str(storedIssue(ncr), "status"), QStringLiteral("rejected"));
    QCOMPARE(eventsFor(QStringLiteral("issue.rejected"), ncr), 1);
}

void TstQuality::closeStoresTheResolutionNotesAndVerifyFollows()
{
    QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 3, 5000);
    const QString ncr = issueWithStatus(QStringLiteral("rejected"), true);
    QVERIFY(!ncr.isEmpty());
    select(ncr);
    QVERIFY(!button("verifyButton")->isEnabled()); // a rejected NCR has no corrective action to verify
    ui::ReviewNotesDialog *dialog = openReview("closeButton");
    QVERIFY(dialog);
    QTest::keyClicks(dialog->notes(), QStringLiteral("Fixture recalibrated; operators briefed."));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("reviewSendButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!page()->findChild<ui::ReviewNotesDialog *>(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(statusTextOf(ncr), QStringLiteral("Closed"), 5000);
    Json stored = storedIssue(ncr);
    QCOMPARE(str(stored, "status"), QStringLiteral("closed"));
    QCOMPARE(str(stored, "resolution_notes"), QStringLiteral("Fixture recalibrated; operators briefed."));
    QVERIFY(!str(stored, "closed_at").isEmpty());
    QCOMPARE(eventsFor(QStringLiteral("issue.closed"), ncr), 1);
    QTRY_VERIFY(!button("closeButton")->isEnabled());
    QVERIFY(!button("rejectButton")->isEnabled());

    // A closed NCR's corrective action can be verified, once.
    QTRY_VERIFY(button("verifyButton")->isEnabled());
    QTest::mouseClick(button("verifyButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!str(storedIssue(ncr), "verified_at").isEmpty(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!button("verifyButton")->isEnabled(), 5000);
    auto *verification = page()->findChild<QLabel *>(QStringLiteral("issue_verification"));
    QTRY_VERIFY(verification->text().startsWith(QStringLiteral("Verified")));
    QCOMPARE(eventsFor(QStringLiteral("ncr.verified"), ncr), 1);
}

void TstQuality::oversizedNotesAreRefusedInWords()
{
    QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 3, 5000);
    const QString id = issueWithStatus(QStringLiteral("approved"));
    select(id);
    ui::ReviewNotesDialog *dialog = openReview("closeButton");
    QVERIFY(dialog);
    dialog->notes()->setPlainText(QString(20001, QLatin1Char('n')));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("reviewSendButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), 5000);
    QVERIFY2(dialog->errorText().contains(QStringLiteral("20000")) || dialog->errorText().contains(QStringLiteral("long")),
             qPrintable(dialog->errorText()));
    QVERIFY(str(storedIssue(id), "status") == QStringLiteral("approved"));
    dialog->reject();
    QTRY_VERIFY(!page()->findChild<ui::ReviewNotesDialog *>());
    QTRY_VERIFY(button("closeButton")->isEnabled());
}

void TstQuality::staleActionIsRefusedInTheApisWords()
{
    QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 3, 5000);
    const QString id = issueWithStatus(QStringLiteral("approved"));
    select(id);
    ui::ReviewNotesDialog *dialog = openReview("closeButton");
    QVERIFY(dialog);
    // Someone else closes it first (another process on the same database).
    const QString tenant = m_tenant;
    auto closed = m_host->call<bool>([tenant, id](Engine &e) { return bool(e.services().issues.close(Scope::of(tenant), id, {})); });
    closed.waitForFinished();
    QVERIFY(closed.result());
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("reviewSendButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), 5000);
    QVERIFY2(dialog->errorText().contains(QStringLiteral("Cannot close issue in status closed")), qPrintable(dialog->errorText()));
    QVERIFY(dialog->errorText().contains(QStringLiteral("another workstation")));
    dialog->reject();
    QTRY_COMPARE_WITH_TIMEOUT(statusTextOf(id), QStringLiteral("Closed"), 5000);
    QTRY_VERIFY(!button("closeButton")->isEnabled());
    QCOMPARE(eventsFor(QStringLiteral("issue.closed"), id), 1);
}

void TstQuality::anotherShopsIssueIsNeitherShownNorReviewable()
{
    // A second shop in the same database with an issue of its own.
    auto made = m_host->call<QString>([](Engine &e) -> QString {
        Services &s = e.services();
        auto pair = s.tenants.create(Json{{"name", "Other Shop"}});
        if (!pair)
            return {};
        Scope b = Scope::of(str(pair->live, "id"));
        auto worker = s.users.createOperator(b, Json{{"full_name", "B Worker"}, {"pin", "1111"}});
        auto cell = s.catalog.create(CatalogService::Cells, b, Json{{"name", "Laser"}});
        if (!worker || !cell)
            return {};
        auto job = s.jobs.create(b, Json{{"job_number", "B-1"},
                                         {"parts", Json::array({Json{{"part_number", "BP-1"},
                                                                      {"material", "S235"},
                                                                      {"quantity", 1},
                                                                      {"operations", Json::array({Json{{"operation_name", "Cut"},
                                                                                                       {"cell_id", (*cell)["id"]}}})}}})}});
        if (!job)
            return {};
        auto ops = s.operations.list(b, ListQuery{});
        if (!ops || ops->rows.empty())
            return {};
        auto issue = s.issues.create(b, Json{{"operation_id", ops->rows.front()["id"]},
                                             {"created_by", (*worker)["id"]},
                                             {"severity", "high"},
                                             {"title", "Other shop's issue"},
                                             {"description", "not yours"}});
        return issue ? str(*issue, "id") : QString();
    });
    made.waitForFinished();
    const QString foreign = made.result();
    QVERIFY(!foreign.isEmpty());
    model()->reload();
    QTest::qWait(300);
    QCOMPARE(model()->rowOfIssue(foreign), -1);
    QCOMPARE(model()->rowCount(), 3);

    // The review dialog asked about another shop's id gets the hub's refusal, in words.
    ui::ReviewNotesDialog dialog(*m_client, ui::ReviewNotesDialog::Approve, foreign, QStringLiteral("x"), page());
    dialog.notes()->setPlainText(QStringLiteral("not mine"));
    dialog.show();
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("reviewSendButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.errorText().isEmpty(), 5000);
    QVERIFY2(dialog.errorText().contains(QStringLiteral("not found"), Qt::CaseInsensitive), qPrintable(dialog.errorText()));
    // A malformed id is refused too, and nothing changed anywhere.
    ui::ReviewNotesDialog bad(*m_client, ui::ReviewNotesDialog::Reject, QStringLiteral("../../jobs"), QStringLiteral("x"), page());
    bad.notes()->setPlainText(QStringLiteral("x"));
    bad.show();
    QTest::mouseClick(bad.findChild<QPushButton *>(QStringLiteral("reviewSendButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!bad.errorText().isEmpty(), 5000);
    auto st = m_host->call<QString>([foreign](Engine &e) {
        auto r = e.db().query(QStringLiteral("SELECT status FROM issues WHERE id = ?"), {foreign});
        return r && !r->empty() ? str(r->front(), "status") : QString();
    });
    st.waitForFinished();
    QCOMPARE(st.result(), QStringLiteral("pending"));
}

void TstQuality::issueCreatedOverHttpAppearsWithinASecond()
{
    QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 3, 5000);
    const Json signIn = DemoShop::adminSignIn();
    int status = 0;
    const Json session = httpJson("POST", QStringLiteral("/api/v1/auth/login"), signIn, &status);
    QCOMPARE(status, 200);
    m_token = QString::fromStdString(session["data"]["session"].value("access_token", std::string()));
    QVERIFY(!m_token.isEmpty());
    const Json ops = httpJson("GET", QStringLiteral("/api/v1/operations?status=in_progress&limit=1"), nullptr, &status);
    QCOMPARE(status, 200);
    const Json workers = httpJson("GET", QStringLiteral("/api/v1/operators?limit=1"), nullptr, &status);
    QCOMPARE(status, 200);
    const Json body{{"operation_id", ops["data"]["operations"][0]["id"]},
                    {"created_by", workers["data"]["operators"][0]["id"]},
                    {"severity", "medium"},
                    {"issue_type", "ncr"},
                    {"ncr_category", "surface_finish"},
                    {"disposition", "rework"},
                    {"root_cause", "Worn brush"},
                    {"title", "Scratches on the visible face"},
                    {"description", "Two panels scratched in handling."}};
    QElapsedTimer timer;
    timer.start();
    const Json created = httpJson("POST", QStringLiteral("/api/v1/issues"), body, &status);
    QCOMPARE(status, 201);
    const QString id = QString::fromStdString(created["data"]["issue"].value("id", std::string()));
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(model()->rowOfIssue(id) >= 0, 1000);
    qInfo("issue created over HTTP shown after %lld ms", qint64(timer.elapsed()));
    QCOMPARE(model()->rowCount(), 4);
    select(id);
    QCOMPARE(page()->findChild<QLabel *>(QStringLiteral("issue_ncr_number"))->text(), QStringLiteral("NCR-00002"));
    QCOMPARE(page()->findChild<QLabel *>(QStringLiteral("issue_disposition"))->text(), QStringLiteral("Rework"));
    QCOMPARE(page()->findChild<QLabel *>(QStringLiteral("issue_root_cause"))->text(), QStringLiteral("Worn brush"));

    // An approve over HTTP shows too.
    httpJson("POST", QStringLiteral("/api/v1/issues/%1/approve").arg(id), Json{{"resolution_notes", "Rework both"}}, &status);
    QCOMPARE(status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(statusTextOf(id), QStringLiteral("Approved"), 1000);
    QTRY_VERIFY(button("closeButton")->isEnabled());
}

void TstQuality::scrapReasonCreatedEditedAndDeactivated()
{
    page()->tabs()->setCurrentIndex(1);
    QTableWidget *table = page()->scrapReasons();
    QTRY_VERIFY_WITH_TIMEOUT(table->rowCount() > 0, 5000);
    const int before = table->rowCount();

    ui::ScrapReasonDialog *dialog = openReasonDialog("newReasonButton");
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("scrapCode")), QStringLiteral("EDGE-BURR"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("scrapDescription")), QStringLiteral("Burr on the cut edge"));
    auto *category = dialog->findChild<QComboBox *>(QStringLiteral("scrapCategory"));
    category->setCurrentIndex(category->findData(QStringLiteral("process")));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("scrapSaveButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!page()->findChild<ui::ScrapReasonDialog *>(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), before + 1, 5000);

    const QString tenant = m_tenant;
    auto stored = [this, tenant](const QString &code) {
        auto f = m_host->call<Json>([tenant, code](Engine &e) {
            auto r = e.db().query(QStringLiteral("SELECT * FROM scrap_reasons WHERE tenant_id = ? AND code = ?"), {tenant, code});
            return r && r->size() == 1 ? Json(r->front()) : Json();
        });
        f.waitForFinished();
        return f.result();
    };
    Json row = stored(QStringLiteral("EDGE-BURR"));
    QCOMPARE(str(row, "description"), QStringLiteral("Burr on the cut edge"));
    QCOMPARE(str(row, "category"), QStringLiteral("process"));

    // Edit: select its row, change the description.
    int at = -1;
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->item(r, 0)->text() == QLatin1String("EDGE-BURR"))
            at = r;
    QVERIFY(at >= 0);
    table->selectRow(at);
    dialog = openReasonDialog("editReasonButton");
    QVERIFY(dialog);
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("scrapCode"))->text(), QStringLiteral("EDGE-BURR"));
    auto *description = dialog->findChild<QLineEdit *>(QStringLiteral("scrapDescription"));
    description->selectAll();
    QTest::keyClicks(description, QStringLiteral("Burr along the laser-cut edge"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("scrapSaveButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!page()->findChild<ui::ScrapReasonDialog *>(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(str(stored(QStringLiteral("EDGE-BURR")), "description"), QStringLiteral("Burr along the laser-cut edge"), 5000);

    // Deactivate: gone from the list operators pick from, kept in the database.
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->item(r, 0)->text() == QLatin1String("EDGE-BURR"))
            table->selectRow(r);
    QCOMPARE(button("toggleReasonButton")->text(), QStringLiteral("&Deactivate"));
    QTest::mouseClick(button("toggleReasonButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), before, 5000);
    QTRY_VERIFY(!flag(stored(QStringLiteral("EDGE-BURR")), "active"));
    const Json activeList = httpJson("GET", QStringLiteral("/api/v1/scrap-reasons?code=EDGE-BURR"), nullptr);
    QCOMPARE(activeList["data"]["scrap_reasons"].size(), size_t(0));
    page()->findChild<QCheckBox *>(QStringLiteral("showInactiveReasons"))->setChecked(true);
    QCOMPARE(table->rowCount(), before + 1);
    page()->findChild<QCheckBox *>(QStringLiteral("showInactiveReasons"))->setChecked(false);
}

void TstQuality::duplicateAndBadScrapReasonsAreRefusedInWords()
{
    page()->tabs()->setCurrentIndex(1);
    QTableWidget *table = page()->scrapReasons();
    QTRY_VERIFY_WITH_TIMEOUT(table->rowCount() > 0, 5000);
    const QString existing = table->item(0, 0)->text();
    const int before = table->rowCount();
    const QString tenant = m_tenant;
    auto countReasons = [this, tenant] {
        auto f = m_host->call<qint64>([tenant](Engine &e) {
            auto n = e.db().scalar(QStringLiteral("SELECT COUNT(*) FROM scrap_reasons WHERE tenant_id = ?"), {tenant});
            return n ? *n : qint64(-1);
        });
        f.waitForFinished();
        return f.result();
    };
    const qint64 stored = countReasons();

    ui::ScrapReasonDialog *dialog = openReasonDialog("newReasonButton");
    QVERIFY(dialog);
    auto *code = dialog->findChild<QLineEdit *>(QStringLiteral("scrapCode"));
    auto *description = dialog->findChild<QLineEdit *>(QStringLiteral("scrapDescription"));
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("scrapSaveButton"));
    QTest::keyClicks(code, existing);
    QTest::keyClicks(description, QStringLiteral("Same code again"));
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), 5000);
    QVERIFY2(dialog->errorText().contains(QStringLiteral("already exists")) && dialog->errorText().contains(existing),
             qPrintable(dialog->errorText()));
    QVERIFY(dialog->errorText().contains(QStringLiteral("Choose another code")));
    QVERIFY(dialog->isVisible());

    // Missing description, an over-long code: the hub's field errors, in words.
    code->setText(QStringLiteral("NEW-ONE"));
    description->clear();
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->errorText().contains(QStringLiteral("description")), 5000);
    code->setText(QString(51, QLatin1Char('C')));
    description->setText(QStringLiteral("too long a code"));
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->errorText().contains(QStringLiteral("code")) && dialog->errorText().contains(QStringLiteral("50")),
                             5000);
    QCOMPARE(countReasons(), stored);

    // Hostile text is stored as text.
    code->setText(QStringLiteral("X'); DROP TABLE scrap_reasons;--"));
    description->setText(QStringLiteral("<b>bold</b> %s %n \\0"));
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!page()->findChild<ui::ScrapReasonDialog *>(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), before + 1, 5000);
    QCOMPARE(countReasons(), stored + 1);
}

void TstQuality::chartsShowTheShopsQualityFigures()
{
    ui::QualityCharts *charts = page()->charts();
    QSignalSpy loaded(charts, &ui::QualityCharts::loaded);
    page()->tabs()->setCurrentIndex(2);
    QTRY_VERIFY_WITH_TIMEOUT(charts->scoreLabel()->text() != QStringLiteral("—"), 5000);
    const QString tenant = m_tenant;
    auto score = m_host->call<Json>([tenant](Engine &e) {
        auto r = e.services().analytics.qualityScore(Scope::of(tenant), 30);
        return r ? *r : Json();
    });
    score.waitForFinished();
    QCOMPARE(charts->scoreLabel()->text(), QLocale().toString(score.result().value("score", 0.0), 'f', 0));
    QTRY_VERIFY(loaded.count() >= 1);
    // The demo reports production with scrap and yields per cell, and issues this month.
    QVERIFY2(!charts->paretoChart()->series().isEmpty(), qPrintable(charts->paretoChart()->title()));
    QCOMPARE(charts->paretoChart()->series().size(), 2);
    QVERIFY(!charts->yieldChart()->series().isEmpty());
    QVERIFY(charts->trendChart()->title().contains(QStringLiteral("issue")));
    QVERIFY(!charts->trendChart()->series().isEmpty());

    // A new issue changes the trend while the charts are shown.
    const QString before = charts->trendChart()->title();
    auto made = m_host->call<bool>([tenant](Engine &e) {
        auto ops = e.services().operations.list(Scope::of(tenant), ListQuery{{{QStringLiteral("status"), QStringLiteral("in_progress")}}});
        auto workers = e.db().query(QStringLiteral("SELECT id FROM users WHERE tenant_id = ? AND role = 'operator'"), {tenant});
        if (!ops || ops->rows.empty() || !workers || workers->empty())
            return false;
        return bool(e.services().issues.create(Scope::of(tenant), Json{{"operation_id", ops->rows.front()["id"]},
                                                                        {"created_by", workers->front()["id"]},
                                                                        {"severity", "critical"},
                                                                        {"description", "Another one"}}));
    });
    made.waitForFinished();
    QVERIFY(made.result());
    QTRY_VERIFY_WITH_TIMEOUT(charts->trendChart()->title() != before, 5000);

    // Another period asks again.
    auto *period = charts->findChild<QComboBox *>(QStringLiteral("chartPeriod"));
    const int seen = int(loaded.count());
    period->setCurrentIndex(2);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > seen, 5000);
    QCOMPARE(charts->days(), 90);
    page()->tabs()->setCurrentIndex(0);
}

void TstQuality::signOutClearsThePanel()
{
    QTRY_VERIFY(model()->rowCount() > 0);
    m_client->signOut();
    QTRY_COMPARE(model()->rowCount(), 0);
    QCOMPARE(page()->scrapReasons()->rowCount(), 0);
    QVERIFY(page()->selectedIssueId().isEmpty());
}

QTEST_MAIN(TstQuality)
#include "tst_quality.moc"
