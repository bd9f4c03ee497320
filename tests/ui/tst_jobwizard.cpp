#include "admin/jobdetail.h"
#include "admin/jobspage.h"
#include "admin/jobwizard.h"
#include "engine.h"
#include "inprocessclient.h"
#include "models/jobstablemodel.h"
#include "services/demoshop.h"
#include "shell/mainwindow.h"
#include "storage/database.h"
#include "testshop.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTreeWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace ery::domain;
using namespace ery::services;
using namespace ery;

// The new-job wizard against a real engine on the demo shop: Ctrl+N opens it, each step refuses
// what is missing in words, a job with two parts and their routing is created in one request and
// is then in the jobs table (selected), in the store with its cells and in the outbox; a refused
// job (a number already taken) leaves the wizard open with what was typed.
class TstJobWizard : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void ctrlNOpensTheWizardAndEachStepAsksForWhatIsMissing();
    void aJobWithPartsAndRoutingIsCreatedWhole();
    void aTakenNumberIsRefusedInWordsAndNothingIsLost();

private:
    ui::JobWizard *openWizard();
    void fillParts(ui::JobWizard *w, const QStringList &numbers);
    ui::JobsPage *jobs() const { return m_window->findChild<ui::JobsPage *>(); }
    Json tree(const QString &jobId) const;
    qint64 eventsFor(const QString &topic, const QString &entityId) const;

    QTemporaryDir m_dir;
    Config m_cfg;
    std::unique_ptr<EngineHost> m_host;
    std::unique_ptr<InProcessClient> m_client;
    std::unique_ptr<ui::MainWindow> m_window;
    QString m_tenant;
};

void TstJobWizard::initTestCase()
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
    QTRY_VERIFY_WITH_TIMEOUT(jobs()->model()->rowCount() > 0, 5000);
}

void TstJobWizard::cleanupTestCase()
{
    m_window.reset();
    m_client.reset();
    m_host.reset();
}

ui::JobWizard *TstJobWizard::openWizard()
{
    m_window->activateWindow();
    if (!QTest::qWaitForWindowActive(m_window.get()))
        return nullptr;
    QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
    ui::JobWizard *w = nullptr;
    QTest::qWaitFor([&] { return (w = m_window->findChild<ui::JobWizard *>()) && w->isVisible() && w->cellCount() > 0; }, 3000);
    return w && w->cellCount() > 0 ? w : nullptr;
}

void TstJobWizard::fillParts(ui::JobWizard *w, const QStringList &numbers)
{
    QTableWidget *parts = w->parts();
    auto *add = w->findChild<QPushButton *>(QStringLiteral("wizardAddPart"));
    while (parts->rowCount() < numbers.size())
        QTest::mouseClick(add, Qt::LeftButton);
    for (int r = 0; r < numbers.size(); ++r) {
        parts->item(r, 0)->setText(numbers[r]);
        parts->item(r, 1)->setText(QStringLiteral("S235 3 mm"));
        qobject_cast<QSpinBox *>(parts->cellWidget(r, 2))->setValue(10 + r);
    }
}

Json TstJobWizard::tree(const QString &jobId) const
{
    const QString tenant = m_tenant;
    auto f = m_host->call<Json>([tenant, jobId](Engine &e) {
        auto r = e.services().jobs.tree(Scope::of(tenant), jobId);
        return r ? Json(*r) : Json();
    });
    f.waitForFinished();
    return f.result();
}

qint64 TstJobWizard::eventsFor(const QString &topic, const QString &entityId) const
{
    auto f = m_host->call<qint64>([topic, entityId](Engine &e) {
        auto n = e.db().scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE kind = 'event' AND topic = ? AND entity_id = ?"),
                               {topic, entityId});
        return n ? *n : qint64(-1);
    });
    f.waitForFinished();
    return f.result();
}

void TstJobWizard::ctrlNOpensTheWizardAndEachStepAsksForWhatIsMissing()
{
    ui::JobWizard *w = openWizard();
    QVERIFY(w);
    QCOMPARE(w->currentId(), int(ui::JobWizard::JobPageId));
    w->next();
    QCOMPARE(w->currentId(), int(ui::JobWizard::JobPageId)); // no number, no next step
    auto *jobError = w->findChild<QLabel *>(QStringLiteral("wizardJobError"));
    QVERIFY(jobError->isVisible());
    QVERIFY(jobError->text().contains(QStringLiteral("number")));
    w->jobNumber()->setText(QStringLiteral("WIZ-0001"));
    w->next();
    QCOMPARE(w->currentId(), int(ui::JobWizard::PartsPageId));
    w->parts()->item(0, 0)->setText(QStringLiteral("WIZ-0001-01"));
    w->next();
    QCOMPARE(w->currentId(), int(ui::JobWizard::PartsPageId)); // no material yet
    auto *partsError = w->findChild<QLabel *>(QStringLiteral("wizardPartsError"));
    QVERIFY2(partsError->text().contains(QStringLiteral("part 1 has no material")), qPrintable(partsError->text()));
    w->reject();
    QTRY_VERIFY(!m_window->findChild<ui::JobWizard *>());
}

void TstJobWizard::aJobWithPartsAndRoutingIsCreatedWhole()
{
    ui::JobWizard *w = openWizard();
    QVERIFY(w);
    w->jobNumber()->setText(QStringLiteral("WIZ-0002"));
    w->customer()->setText(QStringLiteral("Wizard & Zonen BV"));
    w->next();
    fillParts(w, {QStringLiteral("WIZ-0002-01"), QStringLiteral("WIZ-0002-02")});
    w->next();
    QCOMPARE(w->currentId(), int(ui::JobWizard::RoutingPageId));
    QCOMPARE(w->routingPart()->count(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(w->findChild<QPushButton *>(QStringLiteral("wizardAddOperation")), 1000);
    w->addOperation(QStringLiteral("Cut"), QStringLiteral("Laser cutting"), 20);
    w->addOperation(QStringLiteral("Bend"), QStringLiteral("Bending"), 35);
    QTest::mouseClick(w->findChild<QPushButton *>(QStringLiteral("wizardCopyRouting")), Qt::LeftButton);
    // The second part gets its own last step on top.
    w->routingPart()->setCurrentIndex(1);
    QCOMPARE(w->routing()->rowCount(), 2);
    w->addOperation(QStringLiteral("Weld"), QStringLiteral("Welding"), 50);

    QSignalSpy created(w, &ui::JobWizard::created);
    QTest::mouseClick(w->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(created.count(), 1, 5000);
    const QString jobId = created.at(0).at(0).toString();
    QTRY_VERIFY(!m_window->findChild<ui::JobWizard *>());

    const Json t = tree(jobId);
    QCOMPARE(str(t, "customer"), QStringLiteral("Wizard & Zonen BV"));
    QVERIFY(!str(t, "due_date").isEmpty());
    QCOMPARE(int(t["parts"].size()), 2);
    QStringList routing;
    for (const Json &p : t["parts"]) {
        QStringList ops;
        for (const Json &o : p["operations"])
            ops << QStringLiteral("%1@%2/%3").arg(str(o, "operation_name")).arg(num(o, "sequence")).arg(num(o, "estimated_time"));
        routing << str(p, "part_number") + QLatin1Char(':') + ops.join(QLatin1Char(','));
    }
    routing.sort();
    QCOMPARE(routing, (QStringList{QStringLiteral("WIZ-0002-01:Cut@1/20,Bend@2/35"), QStringLiteral("WIZ-0002-02:Cut@1/20,Bend@2/35,Weld@3/50")}));
    QCOMPARE(eventsFor(QStringLiteral("job.created"), jobId), qint64(1));

    // In the jobs table, selected, with its parts and routing below.
    QTRY_COMPARE_WITH_TIMEOUT(jobs()->selectedJobId(), jobId, 3000);
    QVERIFY(jobs()->isVisible());
    QTreeWidget *detail = jobs()->detail()->tree();
    QTRY_COMPARE_WITH_TIMEOUT(detail->topLevelItemCount(), 2, 3000);
    QCOMPARE(jobs()->detail()->jobId(), jobId);
    QTreeWidgetItem *second = detail->topLevelItem(0)->text(0).startsWith(QStringLiteral("WIZ-0002-02")) ? detail->topLevelItem(0)
                                                                                                          : detail->topLevelItem(1);
    QCOMPARE(second->childCount(), 3);
    QCOMPARE(second->child(0)->text(0), QStringLiteral("1. Cut"));
    QCOMPARE(second->child(0)->text(1), QStringLiteral("Laser cutting"));
    QCOMPARE(second->child(2)->text(1), QStringLiteral("Welding"));
    QCOMPARE(second->child(2)->text(2), QStringLiteral("Waiting"));
    QCOMPARE(second->child(2)->text(3), QStringLiteral("0 m of 50 m"));
}

void TstJobWizard::aTakenNumberIsRefusedInWordsAndNothingIsLost()
{
    ui::JobWizard *w = openWizard();
    QVERIFY(w);
    w->jobNumber()->setText(QStringLiteral("WIZ-0002"));
    w->next();
    fillParts(w, {QStringLiteral("X-1")});
    w->next();
    w->addOperation(QStringLiteral("Cut"), QStringLiteral("Laser cutting"), 20);
    QTest::mouseClick(w->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!w->errorText().isEmpty(), 5000);
    QVERIFY2(w->errorText().startsWith(QStringLiteral("The job was not created.")), qPrintable(w->errorText()));
    QVERIFY2(w->errorText().contains(QStringLiteral("WIZ-0002")) || w->errorText().contains(QStringLiteral("job_number")), qPrintable(w->errorText()));
    QVERIFY(w->isVisible());
    QCOMPARE(w->routing()->rowCount(), 1);
    QVERIFY(w->button(QWizard::FinishButton)->isEnabled());

    // Corrected, it goes through.
    w->back();
    w->back();
    w->jobNumber()->setText(QStringLiteral("WIZ-0003 '; DROP TABLE jobs; --"));
    w->next();
    w->next();
    QCOMPARE(w->routing()->rowCount(), 1);
    QSignalSpy created(w, &ui::JobWizard::created);
    QTest::mouseClick(w->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(created.count(), 1, 5000);
    QCOMPARE(created.at(0).at(1).toString(), QStringLiteral("WIZ-0003 '; DROP TABLE jobs; --"));
}

QTEST_MAIN(TstJobWizard)
#include "tst_jobwizard.moc"
