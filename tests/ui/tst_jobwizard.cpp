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

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QPlainTextEdit>
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
// job (a number already taken) leaves the wizard open with what was typed. Editing (Edit…, Ctrl+E,
// a double click on the row) opens a job as the hub holds it and saves only what changed; a refusal
// is said in the hub's words, naming the change, and what went before it stays saved.
class TstJobWizard : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void ctrlNOpensTheWizardAndEachStepAsksForWhatIsMissing();
    void aJobWithPartsAndRoutingIsCreatedWhole();
    void aTakenNumberIsRefusedInWordsAndNothingIsLost();
    void editIsOfferedForTheSelectedJobOnly();
    void editShowsTheJobAsTheHubHoldsIt();
    void editSavesOnlyWhatChanged();
    void aRefusedEditIsSaidInWordsAndNothingIsLost();
    void aPartlySavedEditSaysWhatWasNotSavedAndShowsTheHubsJob();

private:
    ui::JobWizard *openWizard();
    void fillParts(ui::JobWizard *w, const QStringList &numbers);
    ui::JobsPage *jobs() const { return m_window->findChild<ui::JobsPage *>(); }
    Json tree(const QString &jobId) const;
    qint64 eventsFor(const QString &topic, const QString &entityId) const;
    Json api(const QString &path) const;
    // Demo jobs nobody has started, with at least two parts of at least two operations each.
    QStringList untouchedJobs() const;
    ui::JobWizard *openEditor(const QString &jobId);
    static QStringList summary(const Json &tree);

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

Json TstJobWizard::api(const QString &path) const
{
    QFuture<client::ApiReply> f = m_client->get(path);
    QTest::qWaitFor([&] { return f.isFinished(); }, 5000);
    return f.isFinished() && f.result().ok() ? f.result().data() : Json();
}

QStringList TstJobWizard::untouchedJobs() const
{
    QStringList ids;
    for (const Json &job : api(QStringLiteral("/api/v1/jobs?limit=100&sort=job_number")).value("jobs", Json::array())) {
        const Json t = api(QStringLiteral("/api/v1/jobs/%1/tree").arg(str(job, "id")));
        bool fits = t["parts"].size() >= 2 && str(t, "job_number").startsWith(QStringLiteral("JOB-"));
        for (const Json &p : t["parts"]) {
            fits = fits && p["operations"].size() >= 2;
            for (const Json &o : p["operations"])
                fits = fits && str(o, "status") == QStringLiteral("not_started");
        }
        if (fits)
            ids << str(job, "id");
    }
    return ids;
}

ui::JobWizard *TstJobWizard::openEditor(const QString &jobId)
{
    m_window->openPage(QStringLiteral("jobs"));
    jobs()->showJob(jobId);
    if (!QTest::qWaitFor([&] { return jobs()->selectedJobId() == jobId; }, 5000))
        return nullptr;
    m_window->activateWindow();
    if (!QTest::qWaitForWindowActive(m_window.get()))
        return nullptr;
    QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier);
    ui::JobWizard *w = nullptr;
    QTest::qWaitFor([&] { return (w = m_window->findChild<ui::JobWizard *>()) && w->isVisible() && w->isLoaded(); }, 5000);
    return w && w->isLoaded() && w->jobId() == jobId ? w : nullptr;
}

// What an edit can change, line by line, in the tree's order.
QStringList TstJobWizard::summary(const Json &tree)
{
    QStringList lines{QStringLiteral("job %1 | %2 | %3 | %4")
                          .arg(str(tree, "job_number"), str(tree, "customer"), str(tree, "notes"), str(tree, "due_date").left(10))};
    for (const Json &p : tree["parts"]) {
        lines << QStringLiteral("part %1 | %2 | %3 | %4")
                     .arg(str(p, "part_number"), str(p, "material"))
                     .arg(num(p, "quantity"))
                     .arg(p.value("is_bullet_card", Json(false)) == Json(true) || p.value("is_bullet_card", Json(0)) == Json(1)
                              ? QStringLiteral("bullet")
                              : QString());
        for (const Json &o : p["operations"])
            lines << QStringLiteral("  %1. %2 | %3 | %4 min | %5")
                         .arg(num(o, "sequence"))
                         .arg(str(o, "operation_name"), str(o, "cell_id"))
                         .arg(num(o, "estimated_time"))
                         .arg(str(o, "status"));
    }
    return lines;
}

void TstJobWizard::editIsOfferedForTheSelectedJobOnly()
{
    m_window->openPage(QStringLiteral("jobs"));
    auto *edit = jobs()->findChild<QPushButton *>(QStringLiteral("editJobButton"));
    QVERIFY(edit);
    QVERIFY(edit->toolTip().contains(QKeySequence(Qt::CTRL | Qt::Key_E).toString(QKeySequence::NativeText)));
    QCOMPARE(edit->accessibleName(), QStringLiteral("Edit job"));
    jobs()->view()->selectionModel()->clear();
    QTRY_VERIFY(jobs()->selectedJobId().isEmpty());
    QVERIFY(!edit->isEnabled());
    QVERIFY(!jobs()->editJob());
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier);
    QTest::qWait(100);
    QVERIFY(!m_window->findChild<ui::JobWizard *>());

    const QString jobId = untouchedJobs().value(0);
    QVERIFY(!jobId.isEmpty());
    QVERIFY(jobs()->showJob(jobId));
    QVERIFY(edit->isEnabled());
    // A double click on the job's row opens it too.
    const QModelIndex row = jobs()->model()->index(jobs()->model()->rowOfJob(jobId), 0);
    const QRect rect = jobs()->view()->visualRect(row);
    QVERIFY(rect.isValid());
    // As a real double click comes: a click, then the second press as a double click.
    QTest::mouseClick(jobs()->view()->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(jobs()->view()->viewport(), Qt::LeftButton, {}, rect.center());
    ui::JobWizard *w = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((w = m_window->findChild<ui::JobWizard *>()) && w->isLoaded(), 5000);
    QCOMPARE(w->jobId(), jobId);
    // Nothing changed: Save just closes.
    QSignalSpy saved(w, &ui::JobWizard::saved);
    QTest::mouseClick(w->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_VERIFY(!m_window->findChild<ui::JobWizard *>());
    QCOMPARE(saved.count(), 0);
    QCOMPARE(eventsFor(QStringLiteral("job.updated"), jobId), qint64(0));
}

void TstJobWizard::editShowsTheJobAsTheHubHoldsIt()
{
    // A job under way: its operations' status is shown beside them.
    QString jobId;
    Json t;
    for (const Json &job : api(QStringLiteral("/api/v1/jobs?limit=100&status=in_progress")).value("jobs", Json::array())) {
        t = api(QStringLiteral("/api/v1/jobs/%1/tree").arg(str(job, "id")));
        if (!str(t, "due_date").isEmpty() && str(t["parts"][0]["operations"][0], "status") == QStringLiteral("completed")) {
            jobId = str(job, "id");
            break;
        }
    }
    QVERIFY(!jobId.isEmpty());
    ui::JobWizard *w = openEditor(jobId);
    QVERIFY(w);
    QCOMPARE(w->windowTitle(), QStringLiteral("Edit job %1").arg(str(t, "job_number")));
    QCOMPARE(w->buttonText(QWizard::FinishButton), QStringLiteral("Save changes"));
    QCOMPARE(w->jobNumber()->text(), str(t, "job_number"));
    QCOMPARE(w->customer()->text(), str(t, "customer"));
    QCOMPARE(w->findChild<QPlainTextEdit *>(QStringLiteral("wizardNotes"))->toPlainText(), str(t, "notes"));
    QVERIFY(w->findChild<QCheckBox *>()->isChecked());
    QCOMPARE(w->findChild<QDateEdit *>(QStringLiteral("wizardDue"))->date(),
             QDateTime::fromString(str(t, "due_date"), Qt::ISODateWithMs).toLocalTime().date());
    QCOMPARE(w->parts()->rowCount(), int(t["parts"].size()));
    for (int r = 0; r < w->parts()->rowCount(); ++r) {
        QCOMPARE(w->parts()->item(r, 0)->text(), str(t["parts"][r], "part_number"));
        QCOMPARE(w->parts()->item(r, 1)->text(), str(t["parts"][r], "material"));
        QCOMPARE(qobject_cast<QSpinBox *>(w->parts()->cellWidget(r, 2))->value(), int(num(t["parts"][r], "quantity")));
    }
    w->next();
    w->next();
    QCOMPARE(w->currentId(), int(ui::JobWizard::RoutingPageId));
    const Json &ops = t["parts"][0]["operations"];
    QCOMPARE(w->routing()->rowCount(), int(ops.size()));
    QVERIFY(!w->routing()->isColumnHidden(3));
    const Json cells = api(QStringLiteral("/api/v1/cells?limit=1000"));
    for (int r = 0; r < int(ops.size()); ++r) {
        const Json &o = ops[size_t(r)];
        QCOMPARE(w->routing()->item(r, 0)->text(), str(o, "operation_name"));
        QString cellName;
        for (const Json &c : cells["cells"])
            if (str(c, "id") == str(o, "cell_id"))
                cellName = str(c, "name");
        QCOMPARE(qobject_cast<QComboBox *>(w->routing()->cellWidget(r, 1))->currentText(), cellName);
        QCOMPARE(qobject_cast<QSpinBox *>(w->routing()->cellWidget(r, 2))->value(), int(num(o, "estimated_time")));
        QCOMPARE(w->routing()->item(r, 3)->text(), ui::JobsTableModel::statusText(str(o, "status")));
        QVERIFY(!(w->routing()->item(r, 3)->flags() & Qt::ItemIsEditable));
    }
    QCOMPARE(w->routing()->item(0, 3)->text(), QStringLiteral("Completed"));
    w->reject();
    QTRY_VERIFY(!m_window->findChild<ui::JobWizard *>());
}

void TstJobWizard::editSavesOnlyWhatChanged()
{
    const QString jobId = untouchedJobs().value(0);
    QVERIFY(!jobId.isEmpty());
    const Json before = api(QStringLiteral("/api/v1/jobs/%1/tree").arg(jobId));
    QString assembly;
    const Json cells = api(QStringLiteral("/api/v1/cells?limit=1000"));
    for (const Json &c : cells["cells"])
        if (str(c, "name") == QStringLiteral("Assembly"))
            assembly = str(c, "id");
    QVERIFY(!assembly.isEmpty());

    ui::JobWizard *w = openEditor(jobId);
    QVERIFY(w);
    w->customer()->setText(QStringLiteral("Edited & Co"));
    w->next();
    QCOMPARE(w->currentId(), int(ui::JobWizard::PartsPageId));
    const int newRow = w->parts()->rowCount();
    QTest::mouseClick(w->findChild<QPushButton *>(QStringLiteral("wizardAddPart")), Qt::LeftButton);
    w->parts()->item(newRow, 0)->setText(QStringLiteral("EDIT-NEW-01"));
    w->parts()->item(newRow, 1)->setText(QStringLiteral("S355 5 mm"));
    qobject_cast<QSpinBox *>(w->parts()->cellWidget(newRow, 2))->setValue(6);
    w->next();
    QCOMPARE(w->currentId(), int(ui::JobWizard::RoutingPageId));
    // The first part: its second operation's estimate.
    qobject_cast<QSpinBox *>(w->routing()->cellWidget(1, 2))->setValue(77);
    // The second part: its first operation goes.
    w->routingPart()->setCurrentIndex(1);
    w->routing()->setCurrentCell(0, 0);
    QTest::mouseClick(w->findChild<QPushButton *>(QStringLiteral("wizardRemoveOperation")), Qt::LeftButton);
    // The new part: one operation.
    w->routingPart()->setCurrentIndex(newRow);
    QCOMPARE(w->routing()->rowCount(), 0);
    w->addOperation(QStringLiteral("Fit"), QStringLiteral("Assembly"), 15);
    QCOMPARE(w->routing()->item(0, 3)->text(), QStringLiteral("New"));

    QSignalSpy saved(w, &ui::JobWizard::saved);
    QTest::mouseClick(w->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 5000);
    QCOMPARE(saved.at(0).at(0).toString(), jobId);
    QTRY_VERIFY(!m_window->findChild<ui::JobWizard *>());

    // Exactly these changes, as the hub answers the job now.
    Json want = before;
    want["customer"] = "Edited & Co";
    want["parts"][0]["operations"][1]["estimated_time"] = 77;
    Json &second = want["parts"][1]["operations"];
    const QString removedOp = str(second[0], "id");
    second.erase(second.begin());
    for (size_t i = 0; i < second.size(); ++i)
        second[i]["sequence"] = i + 1;
    want["parts"].push_back(Json{{"part_number", "EDIT-NEW-01"},
                                 {"material", "S355 5 mm"},
                                 {"quantity", 6},
                                 {"is_bullet_card", false},
                                 {"operations", Json::array({Json{{"operation_name", "Fit"},
                                                                  {"cell_id", assembly.toStdString()},
                                                                  {"estimated_time", 15},
                                                                  {"sequence", 1},
                                                                  {"status", "not_started"}}})}});
    const Json after = api(QStringLiteral("/api/v1/jobs/%1/tree").arg(jobId));
    QCOMPARE(summary(after), summary(want));

    // One event per change, none for what stayed.
    QCOMPARE(eventsFor(QStringLiteral("job.updated"), jobId), qint64(1));
    QCOMPARE(eventsFor(QStringLiteral("part.created"), str(after["parts"][2], "id")), qint64(1));
    QCOMPARE(eventsFor(QStringLiteral("part.updated"), str(after["parts"][0], "id")), qint64(0));
    QCOMPARE(eventsFor(QStringLiteral("operation.updated"), str(after["parts"][0]["operations"][1], "id")), qint64(1));
    QCOMPARE(eventsFor(QStringLiteral("operation.updated"), str(after["parts"][0]["operations"][0], "id")), qint64(0));
    QCOMPARE(api(QStringLiteral("/api/v1/operations/%1").arg(removedOp)), Json());

    // The jobs page shows the job selected, with the new part below.
    QTRY_COMPARE_WITH_TIMEOUT(jobs()->selectedJobId(), jobId, 3000);
    QTRY_COMPARE_WITH_TIMEOUT(jobs()->detail()->tree()->topLevelItemCount(), int(want["parts"].size()), 3000);
}

void TstJobWizard::aRefusedEditIsSaidInWordsAndNothingIsLost()
{
    const QStringList ids = untouchedJobs();
    QVERIFY(ids.size() >= 3);
    const QString jobId = ids[1];
    const Json before = api(QStringLiteral("/api/v1/jobs/%1/tree").arg(jobId));
    const QString taken = str(api(QStringLiteral("/api/v1/jobs/%1/tree").arg(ids[2])), "job_number");
    QVERIFY(!taken.isEmpty());

    ui::JobWizard *w = openEditor(jobId);
    QVERIFY(w);
    w->jobNumber()->setText(taken);
    w->customer()->setText(QStringLiteral("Kept BV"));
    w->next();
    w->next();
    const int ops = w->routing()->rowCount();
    w->routing()->setCurrentCell(ops - 1, 0);
    QTest::mouseClick(w->findChild<QPushButton *>(QStringLiteral("wizardRemoveOperation")), Qt::LeftButton);
    // and the first two trade places.
    w->routing()->setCurrentCell(0, 0);
    QTest::mouseClick(w->findChild<QPushButton *>(QStringLiteral("wizardMoveDown")), Qt::LeftButton);
    QCOMPARE(w->routing()->item(0, 0)->text(), str(before["parts"][0]["operations"][1], "operation_name"));
    QCOMPARE(w->routing()->currentRow(), 1);
    QTest::mouseClick(w->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!w->errorText().isEmpty(), 5000);
    QVERIFY2(w->errorText().startsWith(QStringLiteral("Job %1 was not changed: ").arg(str(before, "job_number"))),
             qPrintable(w->errorText()));
    QVERIFY2(w->errorText().contains(taken), qPrintable(w->errorText()));
    QVERIFY2(w->errorText().endsWith(QStringLiteral("Nothing was saved.")), qPrintable(w->errorText()));
    QVERIFY(w->findChild<QLabel *>(QStringLiteral("wizardError"))->isVisible());
    QVERIFY(w->isVisible());
    QCOMPARE(summary(api(QStringLiteral("/api/v1/jobs/%1/tree").arg(jobId))), summary(before));
    // Everything typed is still there.
    QCOMPARE(w->jobNumber()->text(), taken);
    QCOMPARE(w->customer()->text(), QStringLiteral("Kept BV"));
    QCOMPARE(w->routing()->rowCount(), ops - 1);
    QCOMPARE(w->routing()->item(0, 0)->text(), str(before["parts"][0]["operations"][1], "operation_name"));
    QVERIFY(w->button(QWizard::FinishButton)->isEnabled());

    // Corrected, the rest goes through.
    w->back();
    w->back();
    w->jobNumber()->setText(str(before, "job_number"));
    QSignalSpy saved(w, &ui::JobWizard::saved);
    QTest::mouseClick(w->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 5000);
    const Json after = api(QStringLiteral("/api/v1/jobs/%1/tree").arg(jobId));
    QCOMPARE(str(after, "customer"), QStringLiteral("Kept BV"));
    QCOMPARE(str(after, "job_number"), str(before, "job_number"));
    QStringList routing, wanted;
    for (const Json &o : after["parts"][0]["operations"])
        routing << QStringLiteral("%1. %2").arg(num(o, "sequence")).arg(str(o, "operation_name"));
    const Json &was = before["parts"][0]["operations"];
    for (int i = 0; i < ops - 1; ++i)
        wanted << QStringLiteral("%1. %2").arg(i + 1).arg(str(was[size_t(i == 0 ? 1 : i == 1 ? 0 : i)], "operation_name"));
    QCOMPARE(routing, wanted);
    QTRY_VERIFY(!m_window->findChild<ui::JobWizard *>());
}

void TstJobWizard::aPartlySavedEditSaysWhatWasNotSavedAndShowsTheHubsJob()
{
    const QStringList ids = untouchedJobs();
    QVERIFY(ids.size() >= 4);
    const QString jobId = ids[3];
    const Json before = api(QStringLiteral("/api/v1/jobs/%1/tree").arg(jobId));
    // A part number another job's part has.
    const QString taken = str(api(QStringLiteral("/api/v1/jobs/%1/tree").arg(ids[2]))["parts"][0], "part_number");

    ui::JobWizard *w = openEditor(jobId);
    QVERIFY(w);
    w->customer()->setText(QStringLiteral("Saved First BV"));
    w->next();
    const int newRow = w->parts()->rowCount();
    QTest::mouseClick(w->findChild<QPushButton *>(QStringLiteral("wizardAddPart")), Qt::LeftButton);
    w->parts()->item(newRow, 0)->setText(taken);
    w->parts()->item(newRow, 1)->setText(QStringLiteral("S235 2 mm"));
    QTest::mouseClick(w->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!w->errorText().isEmpty(), 5000);
    QVERIFY2(w->errorText().startsWith(QStringLiteral("Part %1 was not added: ").arg(taken)), qPrintable(w->errorText()));
    QVERIFY2(w->errorText().contains(QStringLiteral("The changes before it are saved")), qPrintable(w->errorText()));
    QVERIFY(w->findChild<QLabel *>(QStringLiteral("wizardPartsError"))->isVisible());
    QVERIFY(w->isVisible());
    // The job's own change is in; the wizard shows the job as the hub holds it.
    const Json after = api(QStringLiteral("/api/v1/jobs/%1/tree").arg(jobId));
    QCOMPARE(str(after, "customer"), QStringLiteral("Saved First BV"));
    QCOMPARE(after["parts"].size(), before["parts"].size());
    QTRY_COMPARE_WITH_TIMEOUT(w->parts()->rowCount(), int(before["parts"].size()), 3000);
    QTRY_VERIFY(w->isLoaded());
    QCOMPARE(w->customer()->text(), QStringLiteral("Saved First BV"));
    QVERIFY(!w->errorText().isEmpty());
    w->reject();
    QTRY_VERIFY(!m_window->findChild<ui::JobWizard *>());
}

QTEST_MAIN(TstJobWizard)
#include "tst_jobwizard.moc"
