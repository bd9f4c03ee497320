#include "admin/datapage.h"
#include "admin/recordview.h"
#include "engine.h"
#include "inprocessclient.h"
#include "models/recordtablemodel.h"
#include "portability/tenantrestore.h"
#include "services/demoshop.h"
#include "shell/mainwindow.h"
#include "storage/database.h"
#include "testshop.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace ery::domain;
using namespace ery::services;
using namespace ery;

// The data panel against a real engine on the demo shop: a bad file's check lists its rows by line
// and column and writes nothing; a file whose columns have other names is matched to the template's
// fields and imported (its events in the outbox, its run in the history); the export is a ZIP that
// a fresh database restores; a restore into a shop with data is refused in words.
class TstData : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void aBadFilesCheckListsItsRowsAndWritesNothing();
    void columnsWithOtherNamesAreMatchedAndTheFileImported();
    void theExportIsAZipAFreshDatabaseRestores();
    void aRestoreIntoAShopWithDataIsRefusedInWords();
    void aLongImportShowsHowFarItIsAndCancelWritesNothing();
    void aCancelledExportWritesNoFile();

private:
    ui::DataPage *page() const { return m_window->findChild<ui::DataPage *>(); }
    QString writeFile(const QString &name, const QByteArray &bytes);
    qint64 count(const QString &sql) const;
    bool waitFinished(QSignalSpy &spy);

    QTemporaryDir m_dir;
    Config m_cfg;
    std::unique_ptr<EngineHost> m_host;
    std::unique_ptr<InProcessClient> m_client;
    std::unique_ptr<ui::MainWindow> m_window;
    QString m_tenant;
    QString m_zip;
};

void TstData::initTestCase()
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
    QVERIFY(m_window->openPage(QStringLiteral("data")));
    QTRY_VERIFY(page()->isVisible());
}

void TstData::cleanupTestCase()
{
    m_window.reset();
    m_client.reset();
    m_host.reset();
}

QString TstData::writeFile(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
    return path;
}

qint64 TstData::count(const QString &sql) const
{
    const QString tenant = m_tenant;
    auto f = m_host->call<qint64>([sql, tenant](Engine &e) {
        auto n = e.db().scalar(sql, {tenant});
        return n ? *n : qint64(-1);
    });
    f.waitForFinished();
    return f.result();
}

bool TstData::waitFinished(QSignalSpy &spy)
{
    return QTest::qWaitFor([&] { return spy.count() > 0; }, 10000);
}

void TstData::aBadFilesCheckListsItsRowsAndWritesNothing()
{
    const qint64 jobs = count(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE tenant_id = ?"));
    const QString path = writeFile(QStringLiteral("bad.csv"), "external_id,job_number,customer,due_date\n"
                                                              "X-1,IMP-1,Good BV,2027-03-15\n"
                                                              "X-2,IMP-2,Bad BV,someday\n");
    page()->setImportFile(path);
    QTRY_COMPARE_WITH_TIMEOUT(page()->mapping()->rowCount(), 4, 3000);
    QSignalSpy finished(page(), &ui::DataPage::finished);
    page()->check();
    QVERIFY(waitFinished(finished));
    ui::RecordTableModel *problems = page()->problems()->records();
    QCOMPARE(problems->rowCount(), 1);
    QCOMPARE(problems->index(0, 0).data().toLongLong(), 3); // the header is line 1
    QCOMPARE(problems->index(0, 1).data().toString(), QStringLiteral("due_date"));
    QVERIFY(!problems->index(0, 2).data().toString().isEmpty());
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE tenant_id = ?")), jobs);

    // The real import without "good rows only" is refused whole, in words.
    finished.clear();
    page()->runImport();
    QVERIFY(waitFinished(finished));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY2(page()->summary().startsWith(QStringLiteral("Nothing was imported")), qPrintable(page()->summary()));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE tenant_id = ?")), jobs);
}

void TstData::columnsWithOtherNamesAreMatchedAndTheFileImported()
{
    const qint64 jobs = count(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE tenant_id = ?"));
    const QString path = writeFile(QStringLiteral("orders.csv"), "\xEF\xBB\xBFOrder ref;Order number;Client;Due;Remark\r\n"
                                                                 "SO-1;IMP-10;Mapped BV;2027-04-01;left out\r\n"
                                                                 "SO-2;IMP-11;Mapped BV;2027-04-02;left out\r\n");
    page()->setImportFile(path);
    QTableWidget *mapping = page()->mapping();
    QTRY_COMPARE_WITH_TIMEOUT(mapping->rowCount(), 5, 3000);
    QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<QComboBox *>(mapping->cellWidget(0, 2))->count() > 3, 3000);
    auto pick = [mapping](int row, const QString &field) {
        auto *box = qobject_cast<QComboBox *>(mapping->cellWidget(row, 2));
        const int i = box->findData(field);
        if (i >= 0)
            box->setCurrentIndex(i);
        return i >= 0;
    };
    QCOMPARE(mapping->item(0, 1)->text(), QStringLiteral("SO-1")); // the first row as a sample
    QVERIFY(pick(0, QStringLiteral("external_id")));
    QVERIFY(pick(1, QStringLiteral("job_number")));
    QVERIFY(pick(2, QStringLiteral("customer")));
    QVERIFY(pick(3, QStringLiteral("due_date")));
    QVERIFY(pick(4, QString())); // leave out
    QSignalSpy finished(page(), &ui::DataPage::finished);
    page()->runImport();
    QVERIFY(waitFinished(finished));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QVERIFY2(page()->summary().startsWith(QStringLiteral("Imported. 2 rows: 2 new")), qPrintable(page()->summary()));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE tenant_id = ?")), jobs + 2);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE tenant_id = ? AND customer = 'Mapped BV' AND external_id IN ('SO-1', 'SO-2')")), 2);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE tenant_id = ? AND kind = 'event' AND topic = 'import.completed'")), 1);

    page()->reloadHistory();
    auto *history = page()->findChild<ui::RecordView *>(QStringLiteral("syncHistory"));
    QTRY_VERIFY_WITH_TIMEOUT(history->records()->rowCount() >= 1, 3000);
}

void TstData::theExportIsAZipAFreshDatabaseRestores()
{
    m_zip = m_dir.filePath(QStringLiteral("export.zip"));
    QSignalSpy finished(page(), &ui::DataPage::finished);
    page()->exportTo(m_zip, QStringLiteral("csv"));
    QVERIFY(waitFinished(finished));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QFile zip(m_zip);
    QVERIFY(zip.open(QIODevice::ReadOnly));
    QVERIFY(zip.read(2) == "PK");
    zip.close();

    // Into a database of its own: the shop comes back whole.
    Config fresh;
    fresh.dbUrl = m_dir.filePath(QStringLiteral("fresh.db"));
    EngineHost other(fresh);
    QVERIFY(other.start().ok());
    const QString zipPath = m_zip;
    auto restored = other.call<Result<Json>>([zipPath](Engine &e) {
        return portability::TenantRestore::restore(e.services().restores, e.db().schemaVersion(), zipPath, {});
    });
    restored.waitForFinished();
    QVERIFY2(restored.result().ok(), qPrintable(restored.result().ok() ? QString() : restored.result().error().message));
    const QString tenant = m_tenant;
    auto jobs = other.call<qint64>([tenant](Engine &e) {
        return *e.db().scalar(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE tenant_id = ?"), {tenant});
    });
    jobs.waitForFinished();
    QCOMPARE(jobs.result(), count(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE tenant_id = ?")));
}

void TstData::aRestoreIntoAShopWithDataIsRefusedInWords()
{
    QVERIFY(!m_zip.isEmpty());
    const qint64 jobs = count(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE tenant_id = ?"));
    page()->restoreFrom(m_zip, false);
    auto *box = page()->findChild<QMessageBox *>(QStringLiteral("restoreConfirm"));
    QVERIFY(box);
    QSignalSpy finished(page(), &ui::DataPage::finished);
    box->buttons().first()->click(); // Restore
    QVERIFY(waitFinished(finished));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    const QString message = finished.at(0).at(1).toString();
    QVERIFY2(message.startsWith(QStringLiteral("Nothing was restored")) && message.contains(QStringLiteral("shop data")), qPrintable(message));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE tenant_id = ?")), jobs);
}


void TstData::aLongImportShowsHowFarItIsAndCancelWritesNothing()
{
    const QString jobsSql = QStringLiteral("SELECT COUNT(*) FROM jobs WHERE tenant_id = ?");
    const QString eventsSql = QStringLiteral("SELECT COUNT(*) FROM outbox WHERE tenant_id = ? AND topic = 'import.completed'");
    const qint64 jobs = count(jobsSql), events = count(eventsSql);
    QByteArray file = "external_id,job_number,customer,due_date\n";
    for (int i = 0; i < 60000; ++i)
        file += QStringLiteral("C-%1,CANCEL-%1,Big Order BV,2027-05-01\n").arg(i).toUtf8();
    page()->setImportFile(writeFile(QStringLiteral("big.csv"), file));
    QTRY_COMPARE_WITH_TIMEOUT(page()->mapping()->rowCount(), 4, 3000);
    QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<QComboBox *>(page()->mapping()->cellWidget(0, 2))->count() > 3, 3000);
    QSignalSpy finished(page(), &ui::DataPage::finished);
    page()->runImport();
    QVERIFY(page()->cancelButton()->isVisible());
    // The bar turns from busy into a percentage as the hub reports the rows it has read.
    QProgressBar *bar = page()->progressBar();
    QTRY_VERIFY_WITH_TIMEOUT(bar->maximum() == 100 && bar->value() > 0, 20000);
    QVERIFY2(finished.isEmpty(), "the import ended before it could be cancelled: make the file larger");
    QTest::mouseClick(page()->cancelButton(), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return finished.count() > 0; }, 30000));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QCOMPARE(page()->summary(), QStringLiteral("The import was cancelled: nothing was imported."));
    QVERIFY(!page()->cancelButton()->isVisible());
    QVERIFY(!bar->isVisible());
    QCOMPARE(count(jobsSql), jobs);
    QCOMPARE(count(eventsSql), events);
}

void TstData::aCancelledExportWritesNoFile()
{
    const QString path = m_dir.filePath(QStringLiteral("cancelled.zip"));
    QSignalSpy finished(page(), &ui::DataPage::finished);
    page()->exportTo(path, QStringLiteral("csv"));
    page()->cancel(); // before the hub's worker has written a page
    QVERIFY(waitFinished(finished));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QCOMPARE(finished.at(0).at(1).toString(), QStringLiteral("The export was cancelled: no file was written."));
    QVERIFY(!QFile::exists(path));
    // The next export is not cancelled by the last one's Cancel.
    finished.clear();
    page()->exportTo(path, QStringLiteral("csv"));
    QVERIFY(waitFinished(finished));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QVERIFY(QFile::exists(path));
}

QTEST_MAIN(TstData)
#include "tst_data.moc"
