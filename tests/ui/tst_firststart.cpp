#include "engine.h"
#include "engineclient.h"
#include "shell/createshopdialog.h"
#include "shell/mainwindow.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace ery::domain;
using namespace ery::services;
using namespace ery;

// The desktop's first start on an empty database: "Create my shop" beside "Load the demo shop",
// the dialog's refusals, the shop it makes (signed in as its admin); and the banner of a database
// whose webhooks and MQTT are paused, resumed with one click.
class TstFirstStart : public QObject {
    Q_OBJECT

private slots:
    void createMyShop();
    void pausedIntegrationsShowABannerAndResumeWithOneClick();

private:
    static QPushButton *button(QWidget *w, const char *name) { return w->findChild<QPushButton *>(QLatin1String(name)); }
};

void TstFirstStart::createMyShop()
{
    QTemporaryDir dir;
    Config cfg;
    cfg.dbUrl = dir.filePath(QStringLiteral("fresh.db"));
    EngineHost host(cfg);
    QVERIFY(host.start().ok());
    EngineClient client(host);
    ui::MainWindow window(client, false);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // The welcome box offers both; close it and use the empty page's buttons.
    QMessageBox *welcome = nullptr;
    QVERIFY(QTest::qWaitFor([&] { return (welcome = window.findChild<QMessageBox *>()) != nullptr; }, 5000));
    QStringList offered;
    for (auto *b : welcome->buttons())
        offered << b->text();
    QVERIFY2(offered.contains("Create my shop") && offered.contains("Load the demo shop"), qPrintable(offered.join(", ")));
    welcome->reject();
    QPushButton *create = button(&window, "createShopButton");
    QVERIFY(create && button(&window, "loadDemoButton"));
    QVERIFY(create->isVisible());
    create->click();

    ui::CreateShopDialog *dialog = nullptr;
    QVERIFY(QTest::qWaitFor([&] { return (dialog = window.findChild<ui::CreateShopDialog *>()) != nullptr; }, 5000));
    const auto field = [&](const char *name) { return dialog->findChild<QLineEdit *>(QLatin1String(name)); };
    auto *error = dialog->findChild<QLabel *>(QStringLiteral("createShopError"));
    QPushButton *ok = button(dialog, "createShopButton");
    // Mistakes are shown in the dialog, which stays open.
    field("shopName")->setText(QStringLiteral("Van der Berg Metaal"));
    field("adminUsername")->setText(QStringLiteral("anna"));
    field("adminPassword")->setText(QStringLiteral("short"));
    field("adminPasswordAgain")->setText(QStringLiteral("short"));
    ok->click();
    QVERIFY(QTest::qWaitFor([&] { return error->isVisible(); }, 5000));
    QVERIFY2(error->text().contains("8 characters"), qPrintable(error->text()));
    QVERIFY(dialog->isVisible());
    field("adminPassword")->setText(QStringLiteral("long enough pw"));
    field("adminPasswordAgain")->setText(QStringLiteral("different pw!!"));
    ok->click();
    QVERIFY(error->text().contains("differ"));
    field("adminPasswordAgain")->setText(QStringLiteral("long enough pw"));
    dialog->findChild<QComboBox *>(QStringLiteral("timezone"))->setCurrentText(QStringLiteral("Not/AZone"));
    ok->click();
    QVERIFY(QTest::qWaitFor([&] { return error->text().contains("IANA"); }, 5000));
    dialog->findChild<QComboBox *>(QStringLiteral("timezone"))->setCurrentText(QStringLiteral("Europe/Amsterdam"));
    field("adminFullName")->setText(QStringLiteral("Anna de Vries"));
    field("site")->setText(QStringLiteral("tilburg"));
    field("cells")->setText(QStringLiteral("Laser, Press brake, Weld"));
    ok->click();

    // The app opens on that shop, signed in as its admin.
    QVERIFY(QTest::qWaitFor([&] { return window.windowTitle().contains("Van der Berg Metaal"); }, 5000));
    QCOMPARE(window.signedInUser(), QStringLiteral("anna"));
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("signedInUser"))->text().contains("Anna de Vries"));
    auto shop = client.call<Result<Json>>([](Services &s) -> Result<Json> {
        auto t = s.tenants.defaultTenant();
        if (!t)
            return t.error();
        auto cells = s.catalog.list(CatalogService::Cells, Scope::of(str(*t, "id")), ListQuery{});
        if (!cells)
            return cells.error();
        auto admin = s.users.verifyPassword(Scope::of(str(*t, "id")), QStringLiteral("anna"), QStringLiteral("long enough pw"));
        return Json{{"tenant", *t}, {"cells", cells->rows.size()}, {"signs_in", admin.ok()}};
    });
    shop.waitForFinished();
    QVERIFY(shop.result().ok());
    QCOMPARE(str(shop.result()->at("tenant"), "site"), QStringLiteral("tilburg"));
    QCOMPARE(shop.result()->at("cells").get<int>(), 3);
    QCOMPARE(shop.result()->at("signs_in").get<bool>(), true);
}

void TstFirstStart::pausedIntegrationsShowABannerAndResumeWithOneClick()
{
    QTemporaryDir dir;
    Config cfg;
    cfg.dbUrl = dir.filePath(QStringLiteral("paused.db"));
    cfg.integrationsOff = true; // as `eryxon --integrations off`
    cfg.hubKind = QStringLiteral("desktop");
    EngineHost host(cfg);
    QVERIFY(host.start().ok());
    QVERIFY(host.engine()->integrationsPaused());
    EngineClient client(host);
    ui::MainWindow window(client, true); // --demo: no welcome box
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QWidget *banner = window.integrationsBanner();
    QVERIFY(QTest::qWaitFor([&] { return banner->isVisible(); }, 5000));
    QVERIFY(banner->findChild<QLabel *>()->text().contains("paused"));
    button(banner, "resumeIntegrationsButton")->click();
    QVERIFY(QTest::qWaitFor([&] { return !banner->isVisible(); }, 5000));
    auto paused = client.call<bool>([](Services &s) { return s.hubs.integrations()->paused; });
    paused.waitForFinished();
    QCOMPARE(paused.result(), false);
    QVERIFY(QTest::qWaitFor([&] { return !host.engine()->integrationsPaused(); }, 3000));
    // It stays hidden on the next status refresh.
    QTest::qWait(2500);
    QVERIFY(!banner->isVisible());
}

QTEST_MAIN(TstFirstStart)
#include "tst_firststart.moc"
