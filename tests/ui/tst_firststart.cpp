#include "engine.h"
#include "inprocessclient.h"
#include "shell/createshopdialog.h"
#include "shell/mainwindow.h"
#include "shell/signindialog.h"
#include "services/demoshop.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTranslator>
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
    void signInWrongPasswordThenSignOut();

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
    InProcessClient client(host);
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
    auto shop = host.call<Result<Json>>([](Engine &e) -> Result<Json> {
        Services &s = e.services();
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
    InProcessClient client(host);
    ui::MainWindow window(client, true); // --demo: no welcome box
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QWidget *banner = window.integrationsBanner();
    QVERIFY(QTest::qWaitFor([&] { return banner->isVisible(); }, 5000));
    QVERIFY(banner->findChild<QLabel *>()->text().contains("paused"));
    button(banner, "resumeIntegrationsButton")->click();
    QVERIFY(QTest::qWaitFor([&] { return !banner->isVisible(); }, 5000));
    auto paused = host.call<bool>([](Engine &e) { return e.services().hubs.integrations()->paused; });
    paused.waitForFinished();
    QCOMPARE(paused.result(), false);
    QVERIFY(QTest::qWaitFor([&] { return !host.engine()->integrationsPaused(); }, 3000));
    // It stays hidden on the next status refresh.
    QTest::qWait(2500);
    QVERIFY(!banner->isVisible());
}

// A shop that exists: the window asks who is there, says how many tries are left after a wrong
// password, opens the shop for the right one, and asks again after signing out.
void TstFirstStart::signInWrongPasswordThenSignOut()
{
    QTemporaryDir dir;
    Config cfg;
    cfg.dbUrl = dir.filePath(QStringLiteral("demo.db"));
    EngineHost host(cfg);
    QVERIFY(host.start().ok());
    auto demo = host.call<bool>([](Engine &e) { return DemoShop::load(e.services()).ok(); });
    demo.waitForFinished();
    QVERIFY(demo.result());
    // As the desktop does: English plural forms ("1 attempt", "4 attempts") come from its catalogue.
    QTranslator english;
    QVERIFY(english.load(QStringLiteral("eryxon_en"), QStringLiteral(":/i18n")));
    QCoreApplication::installTranslator(&english);
    InProcessClient client(host);
    ui::MainWindow window(client, false);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    ui::SignInDialog *dialog = nullptr;
    QVERIFY(QTest::qWaitFor([&] { return (dialog = window.findChild<ui::SignInDialog *>()) != nullptr && dialog->isVisible(); }, 5000));
    const QString user = str(DemoShop::adminSignIn(), "username");
    const QString password = str(DemoShop::adminSignIn(), "password");
    // The demo's published sign-in is offered as a hint, the username filled in.
    QVERIFY2(dialog->findChild<QLabel *>(QStringLiteral("signInHint"))->text().contains(password),
             qPrintable(dialog->findChild<QLabel *>(QStringLiteral("signInHint"))->text()));
    auto *username = dialog->findChild<QLineEdit *>(QStringLiteral("username"));
    auto *pw = dialog->findChild<QLineEdit *>(QStringLiteral("password"));
    QCOMPARE(username->text(), user);
    QVERIFY(window.signedInUser().isEmpty());
    QVERIFY(!window.findChild<QPushButton *>(QStringLiteral("signOutButton"))->isVisible());

    pw->setText(QStringLiteral("not the password"));
    button(dialog, "signInButton")->click();
    auto *error = dialog->findChild<QLabel *>(QStringLiteral("signInError"));
    QVERIFY(QTest::qWaitFor([&] { return error->isVisible() && !error->text().isEmpty(); }, 5000));
    QVERIFY2(error->text().contains(QStringLiteral("4 attempts left")), qPrintable(error->text()));
    QVERIFY(dialog->isVisible());
    QVERIFY(pw->text().isEmpty());

    pw->setText(password);
    button(dialog, "signInButton")->click();
    QVERIFY(QTest::qWaitFor([&] { return window.signedInUser() == user; }, 5000));
    QVERIFY(window.windowTitle().endsWith(DemoShop::tenantName()));
    QTRY_VERIFY_WITH_TIMEOUT(window.findChild<ui::SignInDialog *>() == nullptr, 5000);

    QPushButton *signOut = window.findChild<QPushButton *>(QStringLiteral("signOutButton"));
    QVERIFY(signOut->isVisible());
    signOut->click();
    QVERIFY(window.signedInUser().isEmpty());
    QVERIFY(!client.isSignedIn());
    QVERIFY(QTest::qWaitFor([&] { return (dialog = window.findChild<ui::SignInDialog *>()) != nullptr && dialog->isVisible(); }, 5000));
}

QTEST_MAIN(TstFirstStart)
#include "tst_firststart.moc"
