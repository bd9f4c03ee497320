#include "admin/cellsoperatorspage.h"
#include "admin/cellstab.h"
#include "admin/formdialog.h"
#include "admin/operatorstab.h"
#include "admin/recordview.h"
#include "admin/resourcestab.h"
#include "engine.h"
#include "inprocessclient.h"
#include "models/recordtablemodel.h"
#include "services/demoshop.h"
#include "shell/mainwindow.h"
#include "testshop.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace ery::domain;
using namespace ery::services;
using namespace ery;

// The cells and operators panel against a real engine on the demo shop: a cell created, its WIP
// limit set, enforced and taken away again, deactivated; an operator created with a PIN (a bad one
// refused in the form), locked by wrong PINs, unlocked, given a new PIN and deactivated.
class TstCellsOperators : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void aCellIsCreatedEditedAndDeactivated();
    void aBadCellIsRefusedInTheForm();
    void anOperatorIsCreatedWithAPinAndABadPinIsRefused();
    void aLockedOperatorIsUnlockedAndGetsANewPin();
    void anOperatorIsDeactivatedAfterAConfirmation();
    void aResourceIsCreatedEditedAndDeactivated();
    void signOutClearsBothTabs();

private:
    ui::CellsOperatorsPage *page() const { return m_window->findChild<ui::CellsOperatorsPage *>(); }
    ui::RecordView *cells() const { return page()->cells()->view(); }
    ui::RecordView *operators() const { return page()->operators()->view(); }
    int rowWith(ui::RecordView *view, int column, const QString &text) const;
    Json stored(const QString &table, const QString &id) const;
    bool pinWorks(const QString &operatorId, const QString &pin) const;
    ui::FormDialog *dialog(const char *name) const;
    void submit(ui::FormDialog *d);

    QTemporaryDir m_dir;
    Config m_cfg;
    std::unique_ptr<EngineHost> m_host;
    std::unique_ptr<InProcessClient> m_client;
    std::unique_ptr<ui::MainWindow> m_window;
    QString m_tenant;
    QString m_cellId;
    QString m_operatorId;
};

void TstCellsOperators::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_cfg.dbUrl = test::TestShop::postgres() ? test::TestShop::databaseUrl() : m_dir.filePath(QStringLiteral("shop.db"));
    m_host = std::make_unique<EngineHost>(m_cfg);
    const Status started = m_host->start();
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
    m_client = std::make_unique<InProcessClient>(*m_host);
    auto demo = m_host->call<Result<DemoShop::Outcome>>([](Engine &e) { return DemoShop::load(e.services()); });
    demo.waitForFinished();
    QVERIFY(demo.result().ok());
    m_tenant = demo.result()->tenantId;
    m_window = std::make_unique<ui::MainWindow>(*m_client, true);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(m_client->isSignedIn(), 5000);
    QVERIFY(m_window->openPage(QStringLiteral("cells")));
    QTRY_VERIFY(page()->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(cells()->model()->rowCount(), 7, 5000);
}

void TstCellsOperators::cleanupTestCase()
{
    m_window.reset();
    m_client.reset();
    m_host.reset();
}

int TstCellsOperators::rowWith(ui::RecordView *view, int column, const QString &text) const
{
    ui::RecordTableModel *m = view->records();
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->index(r, column).data().toString() == text)
            return r;
    return -1;
}

Json TstCellsOperators::stored(const QString &table, const QString &id) const
{
    const QString tenant = m_tenant;
    auto f = m_host->call<Json>([tenant, table, id](Engine &e) {
        const Scope scope = Scope::of(tenant);
        auto r = table == QLatin1String("cells") ? e.services().catalog.get(CatalogService::Cells, scope, id) : e.services().users.get(scope, id);
        return r ? Json(*r) : Json();
    });
    f.waitForFinished();
    return f.result();
}

bool TstCellsOperators::pinWorks(const QString &operatorId, const QString &pin) const
{
    const QString tenant = m_tenant;
    auto f = m_host->call<bool>([tenant, operatorId, pin](Engine &e) {
        const Scope scope = Scope::of(tenant);
        auto u = e.services().users.get(scope, operatorId);
        return u && bool(e.services().users.verifyPin(scope, str(*u, "employee_id"), pin));
    });
    f.waitForFinished();
    return f.result();
}

ui::FormDialog *TstCellsOperators::dialog(const char *name) const
{
    return page()->findChild<ui::FormDialog *>(QLatin1String(name));
}

void TstCellsOperators::submit(ui::FormDialog *d)
{
    QTest::mouseClick(d->submitButton(), Qt::LeftButton);
}

void TstCellsOperators::aCellIsCreatedEditedAndDeactivated()
{
    QTest::mouseClick(page()->findChild<QPushButton *>(QStringLiteral("newCell")), Qt::LeftButton);
    ui::FormDialog *d = dialog("cellDialog");
    QVERIFY(d);
    d->findChild<QLineEdit *>(QStringLiteral("cellName"))->setText(QStringLiteral("Deburring"));
    QCOMPARE(d->findChild<QSpinBox *>(QStringLiteral("cellSequence"))->value(), 8); // after the last
    submit(d);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog("cellDialog"), 3000);
    QTRY_VERIFY_WITH_TIMEOUT(rowWith(cells(), 0, QStringLiteral("Deburring")) >= 0, 3000);
    QTRY_VERIFY(!cells()->selectedId().isEmpty());
    m_cellId = cells()->selectedId();
    QCOMPARE(str(stored(QStringLiteral("cells"), m_cellId), "name"), QStringLiteral("Deburring"));
    QVERIFY(stored(QStringLiteral("cells"), m_cellId)["wip_limit"].is_null());

    // A limit of 3, enforced.
    cells()->selectId(m_cellId);
    QTest::mouseClick(page()->findChild<QPushButton *>(QStringLiteral("editCell")), Qt::LeftButton);
    d = dialog("cellDialog");
    QVERIFY(d);
    d->findChild<QSpinBox *>(QStringLiteral("cellWipLimit"))->setValue(3);
    d->findChild<QCheckBox *>(QStringLiteral("cellEnforce"))->setChecked(true);
    submit(d);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog("cellDialog"), 3000);
    QTRY_COMPARE_WITH_TIMEOUT(cells()->model()->index(rowWith(cells(), 0, QStringLiteral("Deburring")), 2).data().toString(),
                              QStringLiteral("3, enforced"), 3000);
    Json c = stored(QStringLiteral("cells"), m_cellId);
    QCOMPARE(num(c, "wip_limit"), 3);
    QVERIFY(flag(c, "enforce_wip_limit"));

    // And no limit again.
    QTest::mouseClick(page()->findChild<QPushButton *>(QStringLiteral("editCell")), Qt::LeftButton);
    d = dialog("cellDialog");
    d->findChild<QSpinBox *>(QStringLiteral("cellWipLimit"))->setValue(0);
    submit(d);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog("cellDialog"), 3000);
    QTRY_VERIFY_WITH_TIMEOUT(stored(QStringLiteral("cells"), m_cellId)["wip_limit"].is_null(), 3000);
    QVERIFY(!flag(stored(QStringLiteral("cells"), m_cellId), "enforce_wip_limit"));

    auto *toggle = page()->findChild<QPushButton *>(QStringLiteral("toggleCell"));
    QCOMPARE(toggle->text(), QStringLiteral("&Deactivate"));
    QTest::mouseClick(toggle, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!flag(stored(QStringLiteral("cells"), m_cellId), "active"), 3000);
    QTRY_COMPARE(toggle->text(), QStringLiteral("&Activate"));
}

void TstCellsOperators::aBadCellIsRefusedInTheForm()
{
    QTest::mouseClick(page()->findChild<QPushButton *>(QStringLiteral("newCell")), Qt::LeftButton);
    ui::FormDialog *d = dialog("cellDialog");
    QVERIFY(d);
    submit(d); // no name
    QTRY_VERIFY_WITH_TIMEOUT(!d->errorText().isEmpty(), 3000);
    QVERIFY2(d->errorText().contains(QStringLiteral("name")), qPrintable(d->errorText()));
    QVERIFY(d->isVisible());
    d->reject();
    QTRY_VERIFY(!dialog("cellDialog"));
}

void TstCellsOperators::anOperatorIsCreatedWithAPinAndABadPinIsRefused()
{
    page()->tabs()->setCurrentIndex(1);
    QTRY_VERIFY_WITH_TIMEOUT(operators()->model()->rowCount() > 0, 3000);
    QTest::mouseClick(page()->findChild<QPushButton *>(QStringLiteral("newOperator")), Qt::LeftButton);
    ui::FormDialog *d = dialog("operatorDialog");
    QVERIFY(d);
    d->findChild<QLineEdit *>(QStringLiteral("operatorName"))->setText(QStringLiteral("Fatima El Idrissi"));
    d->findChild<QLineEdit *>(QStringLiteral("operatorEmployeeId"))->setText(QStringLiteral("E-777"));
    auto *pin = d->findChild<QLineEdit *>(QStringLiteral("operatorPin"));
    QTest::keyClicks(pin, QStringLiteral("12ab"));
    QCOMPARE(pin->text(), QStringLiteral("12")); // digits only
    submit(d);
    QTRY_VERIFY_WITH_TIMEOUT(!d->errorText().isEmpty(), 3000);
    QVERIFY2(d->errorText().contains(QStringLiteral("PIN")) || d->errorText().contains(QStringLiteral("pin")), qPrintable(d->errorText()));
    pin->setText(QStringLiteral("2468"));
    submit(d);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog("operatorDialog"), 3000);
    QTRY_VERIFY_WITH_TIMEOUT(rowWith(operators(), 0, QStringLiteral("Fatima El Idrissi")) >= 0, 3000);
    QTRY_VERIFY(!operators()->selectedId().isEmpty());
    m_operatorId = operators()->selectedId();
    QCOMPARE(str(stored(QStringLiteral("users"), m_operatorId), "employee_id"), QStringLiteral("E-777"));
    QVERIFY(pinWorks(m_operatorId, QStringLiteral("2468")));
}

void TstCellsOperators::aLockedOperatorIsUnlockedAndGetsANewPin()
{
    QVERIFY(!m_operatorId.isEmpty());
    for (int i = 0; i < 5; ++i)
        QVERIFY(!pinWorks(m_operatorId, QStringLiteral("0000")));
    QVERIFY(!pinWorks(m_operatorId, QStringLiteral("2468"))); // locked: even the right PIN
    page()->operators()->reload();
    const int row = rowWith(operators(), 0, QStringLiteral("Fatima El Idrissi"));
    QTRY_VERIFY_WITH_TIMEOUT(operators()->model()->index(row, 2).data().toString().startsWith(QStringLiteral("Locked until")), 3000);
    operators()->selectId(m_operatorId);
    auto *unlock = page()->findChild<QPushButton *>(QStringLiteral("unlockOperator"));
    QTRY_VERIFY(unlock->isEnabled());
    QTest::mouseClick(unlock, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(operators()->model()->index(row, 2).data().toString(), QStringLiteral("Can sign in"), 3000);
    QVERIFY(!unlock->isEnabled());
    QVERIFY(pinWorks(m_operatorId, QStringLiteral("2468")));

    QTest::mouseClick(page()->findChild<QPushButton *>(QStringLiteral("resetPin")), Qt::LeftButton);
    ui::FormDialog *d = dialog("resetPinDialog");
    QVERIFY(d);
    d->findChild<QLineEdit *>(QStringLiteral("operatorPin"))->setText(QStringLiteral("97531"));
    submit(d);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog("resetPinDialog"), 3000);
    QVERIFY(pinWorks(m_operatorId, QStringLiteral("97531")));
    QVERIFY(!pinWorks(m_operatorId, QStringLiteral("2468")));
}

void TstCellsOperators::anOperatorIsDeactivatedAfterAConfirmation()
{
    operators()->selectId(m_operatorId);
    auto *toggle = page()->findChild<QPushButton *>(QStringLiteral("toggleOperator"));
    QTRY_VERIFY(toggle->isEnabled());
    QTest::mouseClick(toggle, Qt::LeftButton);
    auto *box = page()->findChild<QMessageBox *>(QStringLiteral("deactivateOperatorBox"));
    QVERIFY(box);
    QVERIFY(box->text().contains(QStringLiteral("Fatima El Idrissi")));
    box->buttons().first()->click(); // Deactivate
    QTRY_VERIFY_WITH_TIMEOUT(!flag(stored(QStringLiteral("users"), m_operatorId), "active"), 3000);
    const int row = rowWith(operators(), 0, QStringLiteral("Fatima El Idrissi"));
    QTRY_COMPARE_WITH_TIMEOUT(operators()->model()->index(row, 2).data().toString(), QStringLiteral("Deactivated"), 3000);
    QVERIFY(!pinWorks(m_operatorId, QStringLiteral("97531")));
}

void TstCellsOperators::aResourceIsCreatedEditedAndDeactivated()
{
    page()->tabs()->setCurrentIndex(2);
    ui::RecordView *resources = page()->resources()->view();
    QTRY_VERIFY_WITH_TIMEOUT(resources->model()->rowCount() > 0, 3000); // the demo shop's
    QTest::mouseClick(page()->findChild<QPushButton *>(QStringLiteral("newResource")), Qt::LeftButton);
    ui::FormDialog *d = dialog("resourceDialog");
    QVERIFY(d);
    submit(d); // no name
    QTRY_VERIFY_WITH_TIMEOUT(d->errorText().contains(QStringLiteral("name")), 3000);
    d->findChild<QLineEdit *>(QStringLiteral("resourceName"))->setText(QStringLiteral("Press brake 9 <b>\"quoted\"</b>"));
    d->findChild<QLineEdit *>(QStringLiteral("resourceType"))->setText(QStringLiteral("machine"));
    d->findChild<QLineEdit *>(QStringLiteral("resourceIdentifier"))->setText(QStringLiteral("PB-9"));
    submit(d);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog("resourceDialog"), 3000);
    QTRY_VERIFY_WITH_TIMEOUT(!resources->selectedId().isEmpty(), 3000);
    const QString id = resources->selectedId();
    const int row = resources->records()->rowOf(id);
    QCOMPARE(resources->records()->index(row, 0).data().toString(), QStringLiteral("Press brake 9 <b>\"quoted\"</b>"));
    QCOMPARE(resources->records()->index(row, 4).data().toString(), QStringLiteral("Available"));

    QTest::mouseClick(page()->findChild<QPushButton *>(QStringLiteral("editResource")), Qt::LeftButton);
    d = dialog("resourceDialog");
    QVERIFY(d);
    auto *state = d->findChild<QComboBox *>(QStringLiteral("resourceState"));
    state->setCurrentIndex(state->findData(QStringLiteral("maintenance")));
    d->findChild<QLineEdit *>(QStringLiteral("resourceLocation"))->setText(QStringLiteral("Hall 2"));
    submit(d);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog("resourceDialog"), 3000);
    QTRY_COMPARE_WITH_TIMEOUT(resources->records()->index(resources->records()->rowOf(id), 4).data().toString(), QStringLiteral("In maintenance"), 3000);
    QCOMPARE(resources->records()->index(resources->records()->rowOf(id), 3).data().toString(), QStringLiteral("Hall 2"));

    auto *toggle = page()->findChild<QPushButton *>(QStringLiteral("toggleResource"));
    QTest::mouseClick(toggle, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(resources->records()->index(resources->records()->rowOf(id), 4).data().toString(), QStringLiteral("Deactivated"), 3000);
    QTRY_COMPARE(toggle->text(), QStringLiteral("&Activate"));
}

void TstCellsOperators::signOutClearsBothTabs()
{
    m_client->signOut();
    QTRY_COMPARE(cells()->model()->rowCount(), 0);
    QCOMPARE(operators()->model()->rowCount(), 0);
    QCOMPARE(page()->resources()->view()->model()->rowCount(), 0);
}

QTEST_MAIN(TstCellsOperators)
#include "tst_cellsoperators.moc"
