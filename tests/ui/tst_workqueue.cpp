#include "admin/workqueuepage.h"
#include "engine.h"
#include "inprocessclient.h"
#include "services/demoshop.h"
#include "shell/mainwindow.h"
#include "storage/database.h"
#include "testshop.h"
#include "widgets/droplist.h"
#include "widgets/operationcarddelegate.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace ery::domain;
using namespace ery::services;
using namespace ery;

using Card = ui::OperationCardDelegate;

// The work queue against a real engine on the demo shop: the board of a cell in its three columns,
// a card dropped on In process starts, Pause and Resume through the buttons, a move to a cell at its
// enforced WIP limit refused in words (nothing moves), a move within it, a change over real HTTP on
// the board within a second, filters and sign-out.
class TstWorkQueue : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void boardShowsTheCellsQueueInThreeColumns();
    void droppingAWaitingCardOnInProcessStartsIt();
    void pauseAndResumeFollowTheSelectedCard();
    void moveToACellAtItsLimitIsRefusedInWords();
    void moveWithinTheLimitTakesTheCardAway();
    void aChangeOverHttpIsOnTheBoardWithinASecond();
    void filtersHideCardsWithoutMovingThem();
    void signOutClearsTheBoard();

private:
    ui::WorkQueuePage *page() const { return m_window->findChild<ui::WorkQueuePage *>(); }
    ui::DropList *column(int i) const { return page()->column(i); }
    int columnOf(const QString &opId) const;
    QListWidgetItem *item(const QString &opId) const;
    QString statusOf(const QString &opId) const;
    QString cellOf(const QString &opId) const;
    QListWidgetItem *cellItem(const QString &name) const;
    void drop(QListWidget *onto, const QPoint &at, const QString &opId);
    Json httpJson(const QByteArray &method, const QString &path, const Json &body, int *status = nullptr);
    QString waitingCard() const;

    QTemporaryDir m_dir;
    Config m_cfg;
    std::unique_ptr<EngineHost> m_host;
    std::unique_ptr<InProcessClient> m_client;
    std::unique_ptr<ui::MainWindow> m_window;
    QString m_tenant;
    QString m_apiBase;
    QString m_token;
    QString m_started;
    QNetworkAccessManager m_nam;
};

void TstWorkQueue::initTestCase()
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
    m_tenant = demo.result()->tenantId;
    auto st = m_host->call<Json>([](Engine &e) { return e.status(); });
    st.waitForFinished();
    m_apiBase = str(st.result()["api"], "url").chopped(7);
    int status = 0;
    const Json session = httpJson("POST", QStringLiteral("/api/v1/auth/login"), DemoShop::adminSignIn(), &status);
    QCOMPARE(status, 200);
    m_token = QString::fromStdString(session["data"]["session"].value("access_token", std::string()));

    QSettings().remove(QStringLiteral("workQueue/cell"));
    m_window = std::make_unique<ui::MainWindow>(*m_client, true);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(m_client->isSignedIn(), 5000);
    QVERIFY(page());
    QVERIFY(m_window->openPage(QStringLiteral("workqueue")));
    QTRY_VERIFY(page()->isVisible());
}

void TstWorkQueue::cleanupTestCase()
{
    m_window.reset();
    m_client.reset();
    m_host.reset();
}

int TstWorkQueue::columnOf(const QString &opId) const
{
    for (int c = 0; c < 3; ++c)
        for (int r = 0; r < column(c)->count(); ++r)
            if (column(c)->item(r)->data(Card::IdRole).toString() == opId)
                return c;
    return -1;
}

QListWidgetItem *TstWorkQueue::item(const QString &opId) const
{
    const int c = columnOf(opId);
    if (c < 0)
        return nullptr;
    for (int r = 0; r < column(c)->count(); ++r)
        if (column(c)->item(r)->data(Card::IdRole).toString() == opId)
            return column(c)->item(r);
    return nullptr;
}

QString TstWorkQueue::statusOf(const QString &opId) const
{
    const QString tenant = m_tenant;
    auto f = m_host->call<QString>([tenant, opId](Engine &e) {
        auto r = e.services().operations.get(Scope::of(tenant), opId);
        return r ? str(*r, "status") : QString();
    });
    f.waitForFinished();
    return f.result();
}

QString TstWorkQueue::cellOf(const QString &opId) const
{
    const QString tenant = m_tenant;
    auto f = m_host->call<QString>([tenant, opId](Engine &e) {
        auto r = e.services().operations.get(Scope::of(tenant), opId);
        return r ? str(*r, "cell_id") : QString();
    });
    f.waitForFinished();
    return f.result();
}

QListWidgetItem *TstWorkQueue::cellItem(const QString &name) const
{
    for (int r = 0; r < page()->cells()->count(); ++r)
        if (page()->cells()->item(r)->text().startsWith(name + QLatin1Char('\n')))
            return page()->cells()->item(r);
    return nullptr;
}

void TstWorkQueue::drop(QListWidget *onto, const QPoint &at, const QString &opId)
{
    QMimeData mime;
    mime.setData(ui::DropList::kMimeType, opId.toUtf8());
    QDragEnterEvent enter(at, Qt::CopyAction | Qt::MoveAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(onto->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent dropped(QPointF(at), Qt::CopyAction | Qt::MoveAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(onto->viewport(), &dropped);
    QVERIFY(dropped.isAccepted());
}

Json TstWorkQueue::httpJson(const QByteArray &method, const QString &path, const Json &body, int *status)
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

QString TstWorkQueue::waitingCard() const
{
    return column(1)->count() ? column(1)->item(0)->data(Card::IdRole).toString() : QString();
}

void TstWorkQueue::boardShowsTheCellsQueueInThreeColumns()
{
    // The first cell of the demo shop, with its waiting work in Buffer (five) and Expected.
    QTRY_VERIFY_WITH_TIMEOUT(column(1)->count() > 0, 5000);
    auto *title = page()->findChild<QLabel *>(QStringLiteral("queueCellTitle"));
    QVERIFY2(title->text().startsWith(QStringLiteral("Laser cutting — WIP")), qPrintable(title->text()));
    QCOMPARE(page()->cells()->count(), 7); // the demo shop's cells
    QVERIFY(column(1)->count() <= 5);
    if (column(2)->count() > 0)
        QCOMPARE(column(1)->count(), 5);
    for (int r = 0; r < column(0)->count(); ++r) {
        const QString s = column(0)->item(r)->data(Card::CardRole).toMap().value(QStringLiteral("status")).toString();
        QVERIFY2(s == QLatin1String("in_progress") || s == QLatin1String("on_hold"), qPrintable(s));
    }
    for (int c = 1; c < 3; ++c)
        for (int r = 0; r < column(c)->count(); ++r)
            QCOMPARE(column(c)->item(r)->data(Card::CardRole).toMap().value(QStringLiteral("status")).toString(), QStringLiteral("not_started"));
    // Every card is this cell's.
    const QString laser = page()->cellId();
    for (int c = 0; c < 3; ++c)
        for (int r = 0; r < column(c)->count(); ++r)
            QCOMPARE(cellOf(column(c)->item(r)->data(Card::IdRole).toString()), laser);
}

void TstWorkQueue::droppingAWaitingCardOnInProcessStartsIt()
{
    m_started = waitingCard();
    QVERIFY(!m_started.isEmpty());
    const int before = column(0)->count();
    drop(column(0), column(0)->viewport()->rect().center(), m_started);
    QTRY_COMPARE_WITH_TIMEOUT(columnOf(m_started), 0, 3000);
    QCOMPARE(statusOf(m_started), QStringLiteral("in_progress"));
    QCOMPARE(column(0)->count(), before + 1);
    auto *message = page()->findChild<QLabel *>(QStringLiteral("queueMessage"));
    QVERIFY(message->isHidden());

    // A card already in process dropped there again is no call and no change.
    drop(column(0), column(0)->viewport()->rect().center(), m_started);
    QCOMPARE(statusOf(m_started), QStringLiteral("in_progress"));
    // Buffer and Expected take no drops: the hub decides what waits.
    QMimeData mime;
    mime.setData(ui::DropList::kMimeType, m_started.toUtf8());
    QDragEnterEvent enter(column(1)->viewport()->rect().center(), Qt::MoveAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(column(1)->viewport(), &enter);
    QVERIFY(!enter.isAccepted());
}

void TstWorkQueue::pauseAndResumeFollowTheSelectedCard()
{
    QVERIFY(!m_started.isEmpty());
    auto *start = page()->findChild<QPushButton *>(QStringLiteral("queueStart"));
    auto *pause = page()->findChild<QPushButton *>(QStringLiteral("queuePause"));
    auto *complete = page()->findChild<QPushButton *>(QStringLiteral("queueComplete"));
    column(0)->setCurrentItem(item(m_started));
    QCOMPARE(page()->selectedOperationId(), m_started);
    QVERIFY(pause->isEnabled());
    QVERIFY(complete->isEnabled());
    QVERIFY(!start->isEnabled());
    QTest::mouseClick(pause, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(m_started), QStringLiteral("on_hold"), 3000);
    // On hold stays in process, selected, and offers Resume.
    QTRY_COMPARE_WITH_TIMEOUT(item(m_started)->data(Card::CardRole).toMap().value(QStringLiteral("status")).toString(), QStringLiteral("on_hold"), 3000);
    QCOMPARE(columnOf(m_started), 0);
    QCOMPARE(page()->selectedOperationId(), m_started);
    QTRY_VERIFY(start->isEnabled());
    QCOMPARE(start->text(), QStringLiteral("Resume"));
    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(m_started), QStringLiteral("in_progress"), 3000);
}

void TstWorkQueue::moveToACellAtItsLimitIsRefusedInWords()
{
    // Bending holds several jobs' work; a limit of one, enforced, is already reached by the others.
    QListWidgetItem *bending = cellItem(QStringLiteral("Bending"));
    QVERIFY(bending);
    const QString bendingId = bending->data(Card::IdRole).toString();
    int status = 0;
    httpJson("PATCH", QStringLiteral("/api/v1/cells/") + bendingId, Json{{"wip_limit", 1}, {"enforce_wip_limit", true}}, &status);
    QCOMPARE(status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(cellItem(QStringLiteral("Bending")) && cellItem(QStringLiteral("Bending"))->text().contains(QStringLiteral("limit 1")), 3000);

    const QString card = waitingCard();
    QVERIFY(!card.isEmpty());
    const QString laser = page()->cellId();
    auto *cells = page()->cells();
    drop(cells, cells->visualItemRect(cellItem(QStringLiteral("Bending"))).center(), card);
    auto *message = page()->findChild<QLabel *>(QStringLiteral("queueMessage"));
    QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), 3000);
    QVERIFY2(message->text().contains(QStringLiteral("could not be moved to Bending")), qPrintable(message->text()));
    QVERIFY2(message->text().contains(QStringLiteral("Bending is at its WIP limit")), qPrintable(message->text()));
    QCOMPARE(cellOf(card), laser);
    QCOMPARE(page()->cellId(), laser); // the board stays on its cell
    QTRY_COMPARE(columnOf(card), 1);
}

void TstWorkQueue::moveWithinTheLimitTakesTheCardAway()
{
    QListWidgetItem *bending = cellItem(QStringLiteral("Bending"));
    const QString bendingId = bending->data(Card::IdRole).toString();
    int status = 0;
    httpJson("PATCH", QStringLiteral("/api/v1/cells/") + bendingId, Json{{"wip_limit", 50}}, &status);
    QCOMPARE(status, 200);
    const QString card = waitingCard();
    column(1)->setCurrentItem(item(card));
    auto *move = page()->findChild<QPushButton *>(QStringLiteral("queueMove"));
    QTRY_VERIFY(move->isEnabled());
    QAction *toBending = nullptr;
    for (QAction *a : move->menu()->actions())
        if (a->data().toString() == bendingId)
            toBending = a;
    QVERIFY(toBending && toBending->isEnabled());
    toBending->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(cellOf(card), bendingId, 3000);
    QTRY_COMPARE_WITH_TIMEOUT(columnOf(card), -1, 3000);
    QVERIFY(page()->findChild<QLabel *>(QStringLiteral("queueMessage"))->isHidden());
    // Bending's board has it.
    page()->cells()->setCurrentItem(cellItem(QStringLiteral("Bending")));
    QTRY_VERIFY_WITH_TIMEOUT(columnOf(card) >= 0, 3000);
    page()->cells()->setCurrentRow(0);
    QTRY_VERIFY_WITH_TIMEOUT(columnOf(m_started) == 0, 3000);
}

void TstWorkQueue::aChangeOverHttpIsOnTheBoardWithinASecond()
{
    const QString card = waitingCard();
    QVERIFY(!card.isEmpty());
    int status = 0;
    httpJson("POST", QStringLiteral("/api/v1/operations/%1/start").arg(card), Json::object(), &status);
    QCOMPARE(status, 200);
    QElapsedTimer clock;
    clock.start();
    QTRY_COMPARE_WITH_TIMEOUT(columnOf(card), 0, 2000);
    qInfo("the REST change was on the board after %lld ms", qint64(clock.elapsed()));
    QVERIFY(clock.elapsed() < 1000);
}

void TstWorkQueue::filtersHideCardsWithoutMovingThem()
{
    auto visible = [this](int c) {
        int n = 0;
        for (int r = 0; r < column(c)->count(); ++r)
            n += column(c)->item(r)->isHidden() ? 0 : 1;
        return n;
    };
    const int counts[] = {column(0)->count(), column(1)->count(), column(2)->count()};
    QVERIFY(counts[1] > 0);
    const QVariantMap first = column(1)->item(0)->data(Card::CardRole).toMap();
    const QString job = first.value(QStringLiteral("job_number")).toString();
    auto *search = page()->findChild<QLineEdit *>(QStringLiteral("queueSearch"));
    search->setText(job.toLower());
    QVERIFY(visible(1) >= 1);
    for (int c = 0; c < 3; ++c)
        for (int r = 0; r < column(c)->count(); ++r)
            if (!column(c)->item(r)->isHidden())
                QCOMPARE(column(c)->item(r)->data(Card::CardRole).toMap().value(QStringLiteral("job_number")).toString(), job);
    search->setText(QStringLiteral("' OR 1=1 -- <script>"));
    QCOMPARE(visible(0) + visible(1) + visible(2), 0);
    search->clear();
    for (int c = 0; c < 3; ++c) {
        QCOMPARE(column(c)->count(), counts[c]); // nothing moved between columns
        QCOMPARE(visible(c), counts[c]);
    }
    auto *bullets = page()->findChild<QCheckBox *>(QStringLiteral("queueBulletOnly"));
    bullets->setChecked(true);
    for (int c = 0; c < 3; ++c)
        for (int r = 0; r < column(c)->count(); ++r)
            if (!column(c)->item(r)->isHidden())
                QVERIFY(column(c)->item(r)->data(Card::CardRole).toMap().value(QStringLiteral("is_bullet_card")).toBool());
    bullets->setChecked(false);
    QCOMPARE(visible(1), counts[1]);
}

void TstWorkQueue::signOutClearsTheBoard()
{
    QVERIFY(column(1)->count() > 0);
    m_client->signOut();
    QTRY_COMPARE(column(0)->count() + column(1)->count() + column(2)->count(), 0);
    QCOMPARE(page()->cells()->count(), 0);
}

QTEST_MAIN(TstWorkQueue)
#include "tst_workqueue.moc"
