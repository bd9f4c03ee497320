#include "admin/apikeystab.h"
#include "admin/formdialog.h"
#include "admin/integrationspage.h"
#include "admin/mcpkeystab.h"
#include "admin/recordview.h"
#include "admin/secretdialog.h"
#include "admin/webhookstab.h"
#include "engine.h"
#include "httpreceiver.h"
#include "inprocessclient.h"
#include "mosquittobroker.h"
#include "admin/mqtttab.h"
#include "models/recordtablemodel.h"
#include "services/demoshop.h"
#include "shell/mainwindow.h"
#include "testshop.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <memory>

using namespace ery::domain;
using namespace ery::services;
using namespace ery::test;
using namespace ery;

// The Integrations panel against a real engine that also serves the REST API on a free port: keys
// made in the panel are tried over real HTTP, webhooks deliver to real sockets.
class TstIntegrations : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void apiKeyIsShownOnceWorksOverHttpAndRevokeRefusesIt();
    void badApiKeyInputIsExplainedAndTheFormStaysOpen();
    void hostileNamesStayPlainTextAndOtherShopsStayHidden();
    void mcpKeyToolsPickedInThePanelAreStored();
    void webhookFailedDeliveryIsLoggedAndReplayedOne();
    void webhookFailedDeliveriesSinceATimeAreReplayed();
    void badWebhookInputIsExplainedAndTheFormStaysOpen();
    void mqttPublisherPreviewsItsTopicTestsAndLogs();
    void mqttTestOfASilentBrokerLeavesTheWindowWorking();

private:
    struct Http {
        int status = 0;
        Json body;
    };
    Http http(const QByteArray &method, const QString &path, const QString &key, const Json &body = nullptr);
    ui::IntegrationsPage *page() const;
    template <class T> T *find(const char *name) const;
    ui::FormDialog *openForm(QPushButton *button, const char *dialogName);
    QString takeSecret();
    void clickRow(ui::RecordView *view, const QString &id);
    void fireJobEvent();

    Config m_cfg;
    QTemporaryDir m_dir;
    std::unique_ptr<EngineHost> m_host;
    std::unique_ptr<InProcessClient> m_client;
    std::unique_ptr<ui::MainWindow> m_window;
    QNetworkAccessManager m_nam;
    QString m_tenant;
    QString m_base;     // http://127.0.0.1:<port>
    QString m_adminKey; // an admin key for checks over HTTP
};

void TstIntegrations::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_cfg.dbUrl = TestShop::postgres() ? TestShop::databaseUrl() : m_dir.filePath(QStringLiteral("shop.db"));
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

    auto status = m_host->call<Json>([](Engine &e) { return e.status(); });
    status.waitForFinished();
    const int port = QUrl(str(status.result()["api"], "url")).port();
    QVERIFY(port > 0);
    m_base = QStringLiteral("http://127.0.0.1:%1").arg(port);

    const QString tenant = m_tenant;
    auto key = m_host->call<Result<CreatedApiKey>>([tenant](Engine &e) {
        return e.services().apiKeys.create(Scope::of(tenant), Json{{"name", "Test checker"}, {"scope", "admin"}});
    });
    key.waitForFinished();
    QVERIFY(key.result().ok());
    m_adminKey = key.result()->secret;
    // Webhooks in these tests deliver to receivers on this machine.
    QCOMPARE(http("PATCH", "/api/v1/settings", m_adminKey, Json{{"allow_loopback_webhooks", true}}).status, 200);

    m_window = std::make_unique<ui::MainWindow>(*m_client, true);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(m_client->isSignedIn(), 10000);
    auto *nav = m_window->findChild<QListWidget *>(QStringLiteral("navigation"));
    QVERIFY(nav);
    for (int i = 0; i < nav->count(); ++i)
        if (nav->item(i)->data(Qt::UserRole + 1).toString() == QLatin1String("integrations"))
            nav->setCurrentRow(i);
    QVERIFY(page());
    QTRY_VERIFY(page()->isVisible());
}

void TstIntegrations::cleanupTestCase()
{
    m_window.reset();
    m_client.reset();
    m_host.reset();
}

TstIntegrations::Http TstIntegrations::http(const QByteArray &method, const QString &path, const QString &key, const Json &body)
{
    QNetworkRequest req(QUrl(m_base + path));
    if (!key.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + key.toUtf8());
    req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = body.is_null() ? m_nam.sendCustomRequest(req, method)
                                          : m_nam.sendCustomRequest(req, method, QByteArray::fromStdString(body.dump()));
    if (!waitFor([reply] { return reply->isFinished(); }, 10000))
        qWarning("no answer to %s %s", method.constData(), qPrintable(path));
    Http out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = Json::parse(reply->readAll().toStdString(), nullptr, false);
    reply->deleteLater();
    return out;
}

ui::IntegrationsPage *TstIntegrations::page() const
{
    return m_window->findChild<ui::IntegrationsPage *>();
}

template <class T> T *TstIntegrations::find(const char *name) const
{
    return m_window->findChild<T *>(QString::fromLatin1(name));
}

ui::FormDialog *TstIntegrations::openForm(QPushButton *button, const char *dialogName)
{
    if (!button || !button->isEnabled())
        return nullptr;
    QTest::mouseClick(button, Qt::LeftButton);
    ui::FormDialog *dialog = nullptr;
    waitFor(
        [&] {
            dialog = find<ui::FormDialog>(dialogName);
            return dialog && dialog->isVisible();
        },
        5000);
    return dialog;
}

// The secret dialog shown after a creation: its key, then closed as the admin would.
QString TstIntegrations::takeSecret()
{
    ui::SecretDialog *shown = nullptr;
    waitFor(
        [&] {
            shown = find<ui::SecretDialog>("secretDialog");
            return shown && shown->isVisible();
        },
        5000);
    if (!shown)
        return {};
    const QString secret = shown->secret();
    auto *copy = shown->findChild<QPushButton *>(QStringLiteral("copySecretButton"));
    auto *warning = shown->findChild<QLabel *>(QStringLiteral("secretWarning"));
    if (!copy || !warning || !warning->text().contains(QLatin1String("shown only this once")))
        return {};
    QTest::mouseClick(copy, Qt::LeftButton);
    if (QGuiApplication::clipboard()->text() != secret)
        qWarning("the clipboard does not hold the secret");
    QPointer<ui::SecretDialog> gone(shown);
    QTest::mouseClick(shown->findChild<QPushButton *>(QStringLiteral("secretDoneButton")), Qt::LeftButton);
    waitFor([&] { return gone.isNull(); }, 5000);
    return gone.isNull() ? secret : QString();
}

void TstIntegrations::clickRow(ui::RecordView *view, const QString &id)
{
    QTRY_VERIFY_WITH_TIMEOUT(view->records()->rowOf(id) >= 0, 10000);
    const QModelIndex source = view->records()->index(view->records()->rowOf(id), 0);
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(view->model());
    QVERIFY(proxy);
    const QModelIndex shown = proxy->mapFromSource(source);
    view->scrollTo(shown);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(shown).center());
    QCOMPARE(view->selectedId(), id);
}

// A job event through the REST API, as an ERP would cause one.
void TstIntegrations::fireJobEvent()
{
    const Http jobs = http("GET", "/api/v1/jobs?status=not_started&limit=1", m_adminKey);
    QCOMPARE(jobs.status, 200);
    const QString id = str(jobs.body["data"]["jobs"][0], "id");
    QVERIFY(!id.isEmpty());
    QCOMPARE(http("POST", QStringLiteral("/api/v1/jobs/%1/start").arg(id), m_adminKey).status, 200);
}

void TstIntegrations::apiKeyIsShownOnceWorksOverHttpAndRevokeRefusesIt()
{
    page()->tabs()->setCurrentWidget(page()->apiKeys());
    ui::RecordView *table = page()->apiKeys()->view();
    QTRY_VERIFY_WITH_TIMEOUT(table->records()->rowCount() >= 1, 5000); // the checker's key

    ui::FormDialog *dialog = openForm(find<QPushButton>("newApiKeyButton"), "apiKeyDialog");
    QVERIFY(dialog);
    QPointer<ui::FormDialog> form(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("keyName")), QStringLiteral("ERP link"));
    auto *scope = dialog->findChild<QComboBox *>(QStringLiteral("keyScope"));
    QCOMPARE(scope->currentData().toString(), QStringLiteral("read_write"));
    QTest::mouseClick(dialog->submitButton(), Qt::LeftButton);
    const QString secret = takeSecret();
    QVERIFY2(QRegularExpression(QStringLiteral("^ery_live_[0-9a-f]{32}$")).match(secret).hasMatch(), qPrintable(secret));
    QVERIFY(form.isNull());

    // Shown once: no widget of the window shows the key any more, the list only its ends.
    int row = -1;
    QTRY_VERIFY_WITH_TIMEOUT((row =
                                  [&] {
                                      for (int r = 0; r < table->records()->rowCount(); ++r)
                                          if (table->records()->index(r, 0).data().toString() == QLatin1String("ERP link"))
                                              return r;
                                      return -1;
                                  }()) >= 0,
                             5000);
    QCOMPARE(table->records()->index(row, 1).data().toString(), secret.left(12) + QStringLiteral("…") + secret.right(4));
    for (QLineEdit *e : m_window->findChildren<QLineEdit *>())
        QVERIFY(!e->text().contains(secret));
    for (QLabel *l : m_window->findChildren<QLabel *>())
        QVERIFY(!l->text().contains(secret));
    const QString id = table->records()->index(row, 0).data(ui::RecordTableModel::IdRole).toString();

    QCOMPARE(http("GET", "/api/v1/jobs", secret).status, 200);

    clickRow(table, id);
    auto *revoke = find<QPushButton>("revokeApiKeyButton");
    QVERIFY(revoke->isEnabled());
    // Cancel first: nothing changes.
    QTest::mouseClick(revoke, Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = find<QMessageBox>("confirmRevoke")) && box->isVisible());
    QVERIFY(box->text().contains(QLatin1String("ERP link")));
    QVERIFY(box->text().contains(secret.left(12)));
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!find<QMessageBox>("confirmRevoke"));
    QCOMPARE(http("GET", "/api/v1/jobs", secret).status, 200);

    QTest::mouseClick(revoke, Qt::LeftButton);
    QTRY_VERIFY((box = find<QMessageBox>("confirmRevoke")) && box->isVisible());
    QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("confirmButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(table->records()->index(table->records()->rowOf(id), 4).data().toString().startsWith(QLatin1String("Revoked")),
                             5000);
    QVERIFY(!revoke->isEnabled());
    const Http refused = http("GET", "/api/v1/jobs", secret);
    QCOMPARE(refused.status, 401);
    QVERIFY(str(refused.body["error"], "message").contains(QLatin1String("revoked")));
    const Http stored = http("GET", "/api/v1/api-keys/" + id, m_adminKey);
    QVERIFY(stored.body["data"]["api_key"]["active"] == Json(false));
}

void TstIntegrations::badApiKeyInputIsExplainedAndTheFormStaysOpen()
{
    page()->tabs()->setCurrentWidget(page()->apiKeys());
    const Http before = http("GET", "/api/v1/api-keys?limit=1000", m_adminKey);
    ui::FormDialog *dialog = openForm(find<QPushButton>("newApiKeyButton"), "apiKeyDialog");
    QVERIFY(dialog);
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("keyName"));
    auto *error = dialog->findChild<QLabel *>(QStringLiteral("formError"));

    // Empty: the hub's own words, and the form waits for a correction.
    QTest::mouseClick(dialog->submitButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), 5000);
    QVERIFY2(dialog->errorText().contains(QLatin1String("name")), qPrintable(dialog->errorText()));
    QVERIFY(error->isVisible());
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->submitButton()->isEnabled());

    // Oversized.
    name->setText(QString(5000, QLatin1Char('x')));
    QTest::mouseClick(dialog->submitButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->errorText().contains(QLatin1String("name")) && dialog->submitButton()->isEnabled(), 5000);
    QVERIFY(dialog->isVisible());

    // Corrected: it goes through.
    name->setText(QStringLiteral("Label printer"));
    QTest::mouseClick(dialog->submitButton(), Qt::LeftButton);
    QVERIFY(takeSecret().startsWith(QLatin1String("ery_live_")));
    const Http after = http("GET", "/api/v1/api-keys?limit=1000", m_adminKey);
    QCOMPARE(after.body["data"]["api_keys"].size(), before.body["data"]["api_keys"].size() + 1);
}

void TstIntegrations::hostileNamesStayPlainTextAndOtherShopsStayHidden()
{
    page()->tabs()->setCurrentWidget(page()->apiKeys());
    // Another shop in the same database: its key never shows here.
    auto other = m_host->call<QString>([](Engine &e) {
        auto t = e.services().tenants.create(Json{{"name", "Other Shop"}});
        if (!t)
            return QString();
        auto k = e.services().apiKeys.create(Scope::of(str(t->live, "id")), Json{{"name", "Other shop's key"}});
        return k ? str(k->key, "id") : QString();
    });
    other.waitForFinished();
    const QString otherId = other.result();
    QVERIFY(!otherId.isEmpty());

    ui::FormDialog *dialog = openForm(find<QPushButton>("newApiKeyButton"), "apiKeyDialog");
    QVERIFY(dialog);
    const QString hostile = QStringLiteral("<b>bold</b><img src=x>");
    dialog->findChild<QLineEdit *>(QStringLiteral("keyName"))->setText(hostile);
    QTest::mouseClick(dialog->submitButton(), Qt::LeftButton);
    QVERIFY(!takeSecret().isEmpty());
    ui::RecordView *table = page()->apiKeys()->view();
    QString id;
    QTRY_VERIFY_WITH_TIMEOUT(!(id =
                                   [&] {
                                       for (int r = 0; r < table->records()->rowCount(); ++r)
                                           if (table->records()->index(r, 0).data().toString() == hostile)
                                               return table->records()->index(r, 0).data(ui::RecordTableModel::IdRole).toString();
                                       return QString();
                                   }())
                                  .isEmpty(),
                             5000);
    QCOMPARE(table->records()->rowOf(otherId), -1);
    clickRow(table, id);
    QTest::mouseClick(find<QPushButton>("revokeApiKeyButton"), Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = find<QMessageBox>("confirmRevoke")) && box->isVisible());
    QCOMPARE(box->textFormat(), Qt::PlainText);
    QVERIFY(box->text().contains(hostile));
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!find<QMessageBox>("confirmRevoke"));
    // The other shop's key, asked for by id with this shop's key, does not exist.
    QCOMPARE(http("DELETE", "/api/v1/api-keys/" + otherId, m_adminKey).status, 404);
}

void TstIntegrations::mcpKeyToolsPickedInThePanelAreStored()
{
    page()->tabs()->setCurrentWidget(page()->mcpKeys());
    ui::FormDialog *dialog = openForm(find<QPushButton>("newMcpKeyButton"), "mcpKeyDialog");
    QVERIFY(dialog);
    dialog->findChild<QLineEdit *>(QStringLiteral("keyName"))->setText(QStringLiteral("Claude Desktop"));
    auto *list = dialog->findChild<QListWidget *>(QStringLiteral("toolList"));
    QTRY_VERIFY_WITH_TIMEOUT(list->count() > 5, 5000);
    QVERIFY(!list->isEnabled());
    // Where a person clicks: on the indicator (the middle of a wide button is past its label).
    QTest::mouseClick(dialog->findChild<QRadioButton *>(QStringLiteral("someToolsButton")), Qt::LeftButton, {}, QPoint(6, 8));
    QVERIFY(list->isEnabled());

    // "Only these" with none ticked: refused in the hub's words, the form stays.
    QTest::mouseClick(dialog->submitButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->errorText().contains(QLatin1String("allowed_tools")), 5000);
    QVERIFY(dialog->isVisible());

    QStringList picked;
    for (int i = 0; i < list->count(); ++i) {
        const QString name = list->item(i)->data(Qt::UserRole).toString();
        if (name == QLatin1String("fetch_jobs") || name == QLatin1String("start_operation")) {
            list->scrollToItem(list->item(i));
            const QRect r = list->visualItemRect(list->item(i));
            // The check box sits at the item's left edge.
            QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, QPoint(r.left() + r.height() / 2, r.center().y()));
            if (list->item(i)->checkState() != Qt::Checked)
                list->item(i)->setCheckState(Qt::Checked);
            picked << name;
        }
    }
    QCOMPARE(picked.size(), 2);
    dialog->findChild<QSpinBox *>(QStringLiteral("keyRateLimit"))->setValue(30);
    QTest::mouseClick(dialog->submitButton(), Qt::LeftButton);
    const QString secret = takeSecret();
    QVERIFY2(QRegularExpression(QStringLiteral("^mcp_live_[0-9a-f]{32}$")).match(secret).hasMatch(), qPrintable(secret));

    const Http keys = http("GET", "/api/v1/mcp-keys?limit=1000", m_adminKey);
    QCOMPARE(keys.status, 200);
    Json stored;
    for (const Json &k : keys.body["data"]["mcp_keys"])
        if (str(k, "name") == QLatin1String("Claude Desktop"))
            stored = k;
    QVERIFY(stored.is_object());
    Json expected = Json::array();
    for (const QString &p : picked)
        expected.push_back(p.toStdString());
    QVERIFY2(stored["allowed_tools"] == expected, stored["allowed_tools"].dump().c_str());
    QCOMPARE(stored["rate_limit"].get<int>(), 30);
    QVERIFY(!stored.contains("key"));

    // The list shows it, with its tools, and revoking asks first naming it.
    ui::RecordView *table = page()->mcpKeys()->view();
    const QString id = str(stored, "id");
    QTRY_VERIFY_WITH_TIMEOUT(table->records()->rowOf(id) >= 0, 5000);
    QVERIFY(table->records()->index(table->records()->rowOf(id), 3).data().toString().contains(QLatin1String("fetch_jobs")));
    clickRow(table, id);
    QTest::mouseClick(find<QPushButton>("revokeMcpKeyButton"), Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = find<QMessageBox>("confirmRevoke")) && box->isVisible());
    QVERIFY(box->text().contains(QLatin1String("Claude Desktop")));
    QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("confirmButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(http("GET", "/api/v1/mcp-keys/" + id, m_adminKey).body["data"]["mcp_key"]["enabled"] == Json(false), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(table->records()->index(table->records()->rowOf(id), 7).data().toString(), QStringLiteral("Revoked"), 5000);
}

void TstIntegrations::webhookFailedDeliveryIsLoggedAndReplayedOne()
{
    page()->tabs()->setCurrentWidget(page()->webhooks());
    // A port nobody listens on (yet).
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    const QString url = QStringLiteral("http://127.0.0.1:%1/hook").arg(port);

    ui::FormDialog *dialog = openForm(find<QPushButton>("newWebhookButton"), "webhookDialog");
    QVERIFY(dialog);
    dialog->findChild<QLineEdit *>(QStringLiteral("webhookUrl"))->setText(url);
    auto *tree = dialog->findChild<QTreeWidget *>(QStringLiteral("eventTree"));
    QTRY_VERIFY_WITH_TIMEOUT(tree->topLevelItemCount() > 3, 5000);
    QTreeWidgetItem *jobFamily = nullptr;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        if (tree->topLevelItem(i)->data(0, Qt::UserRole).toString() == QLatin1String("job"))
            jobFamily = tree->topLevelItem(i);
    QVERIFY(jobFamily && jobFamily->childCount() > 1);
    jobFamily->setCheckState(0, Qt::Checked);
    QCOMPARE(jobFamily->child(0)->checkState(0), Qt::Checked); // the family ticks its events
    QTest::mouseClick(dialog->submitButton(), Qt::LeftButton);
    const QString secret = takeSecret();
    QVERIFY2(secret.startsWith(QLatin1String("whsec_")), qPrintable(secret));

    const Http hooks = http("GET", "/api/v1/webhooks?limit=1000", m_adminKey);
    QString hookId;
    for (const Json &h : hooks.body["data"]["webhooks"])
        if (str(h, "url") == url) {
            hookId = str(h, "id");
            QVERIFY2(h["events"] == Json::array({"job.*"}), h["events"].dump().c_str());
        }
    QVERIFY(!hookId.isEmpty());
    ui::WebhooksTab *tab = page()->webhooks();
    QTRY_COMPARE_WITH_TIMEOUT(tab->view()->selectedId(), hookId, 5000); // the new webhook is selected

    fireJobEvent();
    // The failure shows in the log on its own (read again while on screen), with the error.
    QTRY_VERIFY_WITH_TIMEOUT(tab->deliveries()->records()->rowCount() == 1, 15000);
    const QString deliveryId = tab->deliveries()->records()->index(0, 0).data(ui::RecordTableModel::IdRole).toString();
    QTRY_VERIFY_WITH_TIMEOUT(tab->attempts()->records()->rowCount() >= 1, 15000);
    QCOMPARE(tab->attempts()->records()->index(0, 2).data().toString(), QStringLiteral("No answer"));
    QVERIFY(!tab->attempts()->records()->index(0, 4).data().toString().isEmpty());
    QCOMPARE(tab->deliveries()->records()->index(0, 2).data().toString(), QStringLiteral("Failing, will try again"));

    // Wait for the retries to back off to minutes, so only the replay can deliver now.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const Http d = http("GET", "/api/v1/webhook-deliveries?webhook_id=" + hookId, m_adminKey);
            const QDateTime next =
                QDateTime::fromString(str(d.body["data"]["webhook_deliveries"][0], "next_attempt_at"), Qt::ISODateWithMs);
            return next.isValid() && next > QDateTime::currentDateTimeUtc().addSecs(60);
        }(),
        30000);

    HttpReceiver receiver;
    QVERIFY(receiver.start(port));
    receiver.answer(200);
    QTest::mouseClick(find<QPushButton>("refreshDeliveriesButton"), Qt::LeftButton);
    clickRow(tab->deliveries(), deliveryId);
    auto *replay = find<QPushButton>("replayDeliveryButton");
    QVERIFY(replay->isEnabled());
    QTest::mouseClick(replay, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(receiver.requests.size() == 1, 15000);
    QVERIFY(receiver.requests[0].body.contains("job.started"));
    QTRY_COMPARE_WITH_TIMEOUT(tab->deliveries()->records()->index(0, 2).data().toString(), QStringLiteral("Delivered"), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(tab->attempts()->records()->index(0, 2).data().toString(), QStringLiteral("HTTP 200"), 15000);
    const Http stored = http("GET", "/api/v1/webhook-deliveries?webhook_id=" + hookId, m_adminKey);
    QCOMPARE(str(stored.body["data"]["webhook_deliveries"][0], "status"), QStringLiteral("delivered"));
}

void TstIntegrations::webhookFailedDeliveriesSinceATimeAreReplayed()
{
    page()->tabs()->setCurrentWidget(page()->webhooks());
    HttpReceiver receiver;
    QVERIFY(receiver.start());
    receiver.answer(400, "no such order"); // final: the delivery fails for good
    const Http made = http("POST", "/api/v1/webhooks", m_adminKey, Json{{"url", receiver.url().toStdString()}, {"events", {"job.*"}}});
    QCOMPARE(made.status, 201);
    const QString hookId = str(made.body["data"]["webhook"], "id");
    ui::WebhooksTab *tab = page()->webhooks();
    clickRow(tab->view(), hookId); // it arrives through the live webhooks table

    fireJobEvent();
    QTRY_VERIFY_WITH_TIMEOUT(receiver.requests.size() == 1, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(tab->deliveries()->records()->index(0, 2).data().toString(), QStringLiteral("Failed"), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(tab->attempts()->records()->rowCount() == 1, 15000);
    QCOMPARE(tab->attempts()->records()->index(0, 2).data().toString(), QStringLiteral("HTTP 400"));
    QVERIFY(tab->attempts()->records()->index(0, 4).data().toString().contains(QLatin1String("no such order")));

    receiver.answer(200);
    ui::FormDialog *dialog = openForm(find<QPushButton>("replayFailedButton"), "replayDialog");
    QVERIFY(dialog);
    dialog->findChild<QDateTimeEdit *>(QStringLiteral("replaySince"))->setDateTime(QDateTime::currentDateTime().addSecs(-3600));
    QTest::mouseClick(dialog->submitButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(find<QLabel>("deliveryStatus")->text().contains(QLatin1String("1 failed delivery")), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(receiver.requests.size() == 2, 15000);
    QCOMPARE(receiver.requests[1].body, receiver.requests[0].body); // the same event, sent again
    QTRY_COMPARE_WITH_TIMEOUT(tab->deliveries()->records()->index(0, 2).data().toString(), QStringLiteral("Delivered"), 15000);

    // Nothing failed since an hour from now: said so, nothing sent.
    dialog = openForm(find<QPushButton>("replayFailedButton"), "replayDialog");
    QVERIFY(dialog);
    dialog->findChild<QDateTimeEdit *>(QStringLiteral("replaySince"))->setDateTime(QDateTime::currentDateTime().addSecs(3600));
    QTest::mouseClick(dialog->submitButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(find<QLabel>("deliveryStatus")->text().contains(QLatin1String("nothing was sent again")), 5000);
    QTest::qWait(300);
    QCOMPARE(receiver.requests.size(), 2);
}

void TstIntegrations::badWebhookInputIsExplainedAndTheFormStaysOpen()
{
    page()->tabs()->setCurrentWidget(page()->webhooks());
    const Http before = http("GET", "/api/v1/webhooks?limit=1000", m_adminKey);
    ui::FormDialog *dialog = openForm(find<QPushButton>("newWebhookButton"), "webhookDialog");
    QVERIFY(dialog);
    auto *url = dialog->findChild<QLineEdit *>(QStringLiteral("webhookUrl"));
    auto *tree = dialog->findChild<QTreeWidget *>(QStringLiteral("eventTree"));
    QTRY_VERIFY_WITH_TIMEOUT(tree->topLevelItemCount() > 3, 5000);

    const QStringList bad = {QStringLiteral("not a url"), QStringLiteral("ftp://example.com/hook"), QStringLiteral("http://"),
                             QStringLiteral("http://example.com/") + QString(3000, QLatin1Char('a'))};
    dialog->findChild<QCheckBox *>(QStringLiteral("allEventsCheck"))->setChecked(true);
    for (const QString &u : bad) {
        url->setText(u);
        QTest::mouseClick(dialog->submitButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->submitButton()->isEnabled() && !dialog->errorText().isEmpty(), 5000);
        QVERIFY2(dialog->errorText().contains(QLatin1String("url"), Qt::CaseInsensitive),
                 qPrintable(u + QStringLiteral(": ") + dialog->errorText()));
        QVERIFY(dialog->isVisible());
    }
    // A good URL without events.
    dialog->findChild<QCheckBox *>(QStringLiteral("allEventsCheck"))->setChecked(false);
    url->setText(QStringLiteral("https://erp.example.com/eryxon"));
    QTest::mouseClick(dialog->submitButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->errorText().contains(QLatin1String("event")), 5000);
    QVERIFY(dialog->isVisible());
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("cancelButton")), Qt::LeftButton);
    QTRY_VERIFY(!find<ui::FormDialog>("webhookDialog"));
    const Http after = http("GET", "/api/v1/webhooks?limit=1000", m_adminKey);
    QCOMPARE(after.body["data"]["webhooks"].size(), before.body["data"]["webhooks"].size());
}

void TstIntegrations::mqttPublisherPreviewsItsTopicTestsAndLogs()
{
    page()->tabs()->setCurrentWidget(page()->mqtt());
    MosquittoBroker broker;
    QVERIFY(broker.start());
    // The shop's own names, as an admin writes them; topics carry them normalised.
    QCOMPARE(http("PATCH", "/api/v1/settings", m_adminKey, Json{{"enterprise", "Acme Metal"}, {"site", "Tilburg"}}).status, 200);
    const QString enterprise = QStringLiteral("acme_metal");
    const QString site = QStringLiteral("tilburg");

    ui::FormDialog *dialog = openForm(find<QPushButton>("newPublisherButton"), "publisherDialog");
    QVERIFY(dialog);
    auto *preview = dialog->findChild<QLabel *>(QStringLiteral("topicPreview"));
    // The default pattern, filled with this shop's own names.
    QTRY_VERIFY2_WITH_TIMEOUT(preview->text().startsWith(enterprise + QLatin1Char('/') + site + QLatin1Char('/')),
                              qPrintable(preview->text()), 5000);
    QVERIFY2(preview->text().contains(QLatin1String("operation/started")), qPrintable(preview->text()));
    auto *pattern = dialog->findChild<QLineEdit *>(QStringLiteral("topicPattern"));
    pattern->clear();
    QTest::keyClicks(pattern, QStringLiteral("plant/{site}/{event}"));
    QTRY_VERIFY_WITH_TIMEOUT(preview->text().startsWith(QStringLiteral("plant/%1/operation/started").arg(site)), 5000);

    // Missing broker: the hub's words, the form stays.
    dialog->findChild<QLineEdit *>(QStringLiteral("publisherName"))->setText(QStringLiteral("Plant UNS"));
    dialog->findChild<QCheckBox *>(QStringLiteral("allEventsCheck"))->setChecked(true);
    QTest::mouseClick(dialog->submitButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->errorText().contains(QLatin1String("broker")), 5000);
    QVERIFY(dialog->isVisible());

    dialog->findChild<QLineEdit *>(QStringLiteral("brokerUrl"))->setText(QStringLiteral("127.0.0.1"));
    dialog->findChild<QSpinBox *>(QStringLiteral("brokerPort"))->setValue(broker.port());
    QPointer<ui::FormDialog> form(dialog);
    QTest::mouseClick(dialog->submitButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(form.isNull(), 5000);
    const Http stored = http("GET", "/api/v1/mqtt-publishers?limit=1000", m_adminKey);
    Json pub;
    for (const Json &p : stored.body["data"]["mqtt_publishers"])
        if (str(p, "name") == QLatin1String("Plant UNS"))
            pub = p;
    QVERIFY(pub.is_object());
    QCOMPARE(str(pub, "topic_pattern"), QStringLiteral("plant/{site}/{event}"));
    QVERIFY(pub["events"] == Json::array({"*"}));
    QCOMPARE(int(pub["port"].get<qint64>()), broker.port());

    ui::MqttTab *tab = page()->mqtt();
    QTRY_COMPARE_WITH_TIMEOUT(tab->view()->selectedId(), str(pub, "id"), 5000);
    auto *test = find<QPushButton>("testConnectionButton");
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(find<QLabel>("publisherStatus")->text().contains(QLatin1String("connected to its broker")), 10000);
    QVERIFY(test->isEnabled());

    // What it publishes shows in its log, on the pattern's topic.
    fireJobEvent();
    const QString topic = QStringLiteral("plant/%1/job/started").arg(site);
    auto logRow = [&] {
        for (int r = 0; r < tab->log()->records()->rowCount(); ++r)
            if (tab->log()->records()->index(r, 2).data().toString() == topic)
                return r;
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(logRow() >= 0, 20000);
    QCOMPARE(tab->log()->records()->index(logRow(), 3).data().toString(), QStringLiteral("Published"));
}

void TstIntegrations::mqttTestOfASilentBrokerLeavesTheWindowWorking()
{
    page()->tabs()->setCurrentWidget(page()->mqtt());
    // A "broker" that accepts and never answers: the probe takes seconds on the hub's worker.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    const Http made = http(
        "POST", "/api/v1/mqtt-publishers", m_adminKey,
        Json{{"name", "Silent broker"}, {"broker_url", "127.0.0.1"}, {"port", silent.serverPort()}, {"events", {"*"}}, {"active", false}});
    QCOMPARE(made.status, 201);
    const QString id = str(made.body["data"]["mqtt_publisher"], "id");
    ui::MqttTab *tab = page()->mqtt();
    clickRow(tab->view(), id);
    auto *test = find<QPushButton>("testConnectionButton");
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(test, Qt::LeftButton);
    QVERIFY(clock.elapsed() < 500); // the click returned at once
    QVERIFY(!test->isEnabled());
    QVERIFY(find<QLabel>("publisherStatus")->text().contains(QLatin1String("Connecting")));
    // Meanwhile the window works: another tab opens, and a request of the window is answered while
    // the probe is still waiting on the silent broker.
    page()->tabs()->setCurrentWidget(page()->apiKeys());
    QVERIFY(page()->apiKeys()->isVisible());
    auto other = m_client->get(QStringLiteral("/api/v1/jobs?limit=1"));
    QTRY_VERIFY_WITH_TIMEOUT(other.isFinished(), 2000);
    QCOMPARE(other.result().status(), 200);
    QVERIFY2(!test->isEnabled(), "the probe should still be waiting");
    QVERIFY(clock.elapsed() < 2500);
    page()->tabs()->setCurrentWidget(page()->mqtt());
    QTRY_VERIFY_WITH_TIMEOUT(find<QLabel>("publisherStatus")->text().contains(QLatin1String("could not connect")), 20000);
    QVERIFY(test->isEnabled());
}

QTEST_MAIN(TstIntegrations)
#include "tst_integrations.moc"
