#include "admin/jobdetail.h"
#include "client/actionjournal.h"
#include "client/remoteclient.h"
#include "client/transfer.h"
#include "engine.h"
#include "inprocessclient.h"
#include "services/demoshop.h"
#include "servedhub.h"
#include "terminal/cameradialog.h"
#include "terminal/drawingviewer.h"
#include "terminal/issuedialog.h"
#include "terminal/operationpanel.h"
#include "widgets/filespanel.h"

#include <QGraphicsView>
#include <QDir>
#include <QComboBox>
#include <QImage>
#include <QScrollBar>
#include <QScreen>
#include <QGuiApplication>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPdfDocument>
#include <QPdfPageRenderer>
#include <QPdfView>
#include <QPdfWriter>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <memory>

using namespace ery;
using namespace ery::client;
using namespace ery::services;

// Files where people work, against a real engine on the demo shop through the desktop's door: the
// job detail attaches a drawing and a photo (what a drop does), lists them with a thumbnail for the
// photo, follows a file attached elsewhere and deletes one; the floor terminal offers the part's
// drawing and renders its first page with Qt PDF; and the door's file calls against a hub on
// another machine (eryxon-server serve) send, fetch and delete the same bytes.
class TstFiles : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void theJobDetailAttachesListsAndDeletes();
    void theJobDetailShowsAFileAttachedElsewhere();
    void aProgramIsRefusedInWords();
    void theTerminalShowsThePartsDrawing();
    void theTerminalShowsTheDemoShopsDrawing();
    void theViewerShowsAPhotoAndZooms();
    void anIssueReportedAtTheTerminalGetsItsPhoto();
    void theCameraIsOfferedWhereThereIsOne();
    void anIssuePhotoOutlastsTheTerminal();
    void theRemoteDoorSendsFetchesAndDeletes();

private:
    QString makePdf(const QString &name, int pages = 2);
    QString makePng(const QString &name);
    ApiReply wait(QFuture<ApiReply> f);
    static QListWidgetItem *itemNamed(QListWidget *list, const QString &name);
    // How far the page the viewer shows is from the page rendered at that size (mean difference
    // of grey levels, 0–255): near 0 when sharp, far more when an image of another size is
    // stretched over it.
    static double blurOf(ui::DrawingViewer *viewer);
    // Reports an issue with this description and photo on the panel's operation, as an operator
    // does in the dialog (Add photo… picks the file).
    static void reportIssueWithPhoto(QWidget &window, ui::OperationPanel *panel, const QString &description, const QString &photo);

    QTemporaryDir m_dir;
    Config m_cfg;
    std::unique_ptr<EngineHost> m_host;
    std::unique_ptr<InProcessClient> m_client;
    QString m_jobId;
};

void TstFiles::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_cfg.dbUrl = m_dir.filePath(QStringLiteral("shop.db"));
    m_host = std::make_unique<EngineHost>(m_cfg);
    const Status started = m_host->start();
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
    m_client = std::make_unique<InProcessClient>(*m_host);
    auto demo = m_host->call<Result<DemoShop::Outcome>>([](Engine &e) { return DemoShop::load(e.services()); });
    demo.waitForFinished();
    QVERIFY(demo.result().ok());
    const Json login = DemoShop::adminSignIn();
    const ApiReply in = wait(m_client->signIn(QString::fromStdString(login["username"]), QString::fromStdString(login["password"])));
    QVERIFY2(in.ok(), qPrintable(in.errorMessage()));
    const ApiReply jobs = wait(m_client->get(QStringLiteral("/api/v1/jobs?limit=1")));
    QVERIFY(jobs.ok());
    m_jobId = QString::fromStdString(jobs.data()["jobs"][0].value("id", std::string()));
    QVERIFY(!m_jobId.isEmpty());
}

void TstFiles::cleanupTestCase()
{
    m_client.reset();
    m_host.reset();
}

ApiReply TstFiles::wait(QFuture<ApiReply> f)
{
    static_cast<void>(QTest::qWaitFor([&f] { return f.isFinished(); }, 10000));
    return f.isFinished() ? f.result() : ApiReply::unreachable(QStringLiteral("no answer"));
}

QString TstFiles::makePdf(const QString &name, int pages)
{
    const QString path = m_dir.filePath(name);
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(72);
    QPainter p(&writer);
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            writer.newPage();
        p.drawRect(40, 40, 500, 700);
        p.drawText(60, 80, QStringLiteral("DWG-7101 sheet %1").arg(i + 1));
    }
    p.end();
    return path;
}

QString TstFiles::makePng(const QString &name)
{
    const QString path = m_dir.filePath(name);
    QImage image(320, 200, QImage::Format_RGB32);
    image.fill(QColor(0x33, 0x99, 0xcc));
    QPainter(&image).fillRect(40, 40, 100, 60, Qt::yellow);
    image.save(path, "PNG");
    return path;
}

void TstFiles::reportIssueWithPhoto(QWidget &window, ui::OperationPanel *panel, const QString &description, const QString &photo)
{
    panel->reportIssue();
    auto *dialog = window.findChild<ui::IssueDialog *>();
    QVERIFY(dialog);
    dialog->descriptionField()->setPlainText(description);
    dialog->setPhoto(photo);
    QCOMPARE(dialog->photoPath(), photo);
    dialog->findChild<QPushButton *>(QStringLiteral("issueSend"))->click();
}

double TstFiles::blurOf(ui::DrawingViewer *viewer)
{
    QPdfView *view = viewer->pdfView();
    const int page = viewer->currentPage();
    const qreal perPoint = QGuiApplication::primaryScreen()->logicalDotsPerInch() / 72.0;
    const QSize size = QSizeF(viewer->document()->pagePointSize(page) * perPoint * view->zoomFactor()).toSize();
    const QMargins m = view->documentMargins();
    const int x = (qMax(size.width() + m.left() + m.right(), view->viewport()->width()) - size.width()) / 2 - view->horizontalScrollBar()->value();
    const int y = m.top() - view->verticalScrollBar()->value();
    const QImage shown = view->viewport()->grab().toImage().convertToFormat(QImage::Format_Grayscale8);
    // The page on white, as the view shows it (a rendered page is transparent where nothing is drawn).
    QImage sharp(size, QImage::Format_RGB32);
    sharp.fill(Qt::white);
    QPainter(&sharp).drawImage(0, 0, viewer->document()->render(page, size));
    sharp = sharp.convertToFormat(QImage::Format_Grayscale8);
    qint64 diff = 0, n = 0;
    for (int r = qMax(0, -y); r < size.height() && y + r < shown.height(); ++r)
        for (int c = qMax(0, -x); c < size.width() && x + c < shown.width(); ++c, ++n)
            diff += qAbs(int(shown.constScanLine(y + r)[x + c]) - int(sharp.constScanLine(r)[c]));
    return n > 0 ? double(diff) / double(n) : 255.0;
}

QListWidgetItem *TstFiles::itemNamed(QListWidget *list, const QString &name)
{
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->text().section(QLatin1Char('\n'), 0, 0) == name)
            return list->item(i);
    return nullptr;
}

void TstFiles::theJobDetailAttachesListsAndDeletes()
{
    ui::JobDetail detail(*m_client);
    detail.resize(900, 700);
    detail.show();
    QSignalSpy shown(&detail, &ui::JobDetail::shown);
    detail.showJob(m_jobId);
    QVERIFY(shown.wait(5000));
    ui::FilesPanel *files = detail.files();
    QVERIFY(!files->ownerId().isEmpty()); // the first part
    QVERIFY(files->acceptDrops());
    QSignalSpy listed(files, &ui::FilesPanel::listed);
    QVERIFY(listed.wait(5000));
    const int base = files->list()->count(); // the demo shop's own drawings, if this part has one

    const QString pdf = makePdf(QStringLiteral("DWG-7101.pdf"));
    const QString png = makePng(QStringLiteral("scratch.png"));
    QSignalSpy done(files, &ui::FilesPanel::finished);
    files->addFiles({pdf, png}); // what a drop on the panel does
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 2, 10000);
    QVERIFY2(done.at(0).at(0).toString().isEmpty(), qPrintable(done.at(0).at(0).toString()));
    QVERIFY2(done.at(1).at(0).toString().isEmpty(), qPrintable(done.at(1).at(0).toString()));
    QTRY_COMPARE_WITH_TIMEOUT(files->list()->count(), base + 2, 5000);
    QListWidgetItem *drawing = itemNamed(files->list(), QStringLiteral("DWG-7101.pdf"));
    QListWidgetItem *photo = itemNamed(files->list(), QStringLiteral("scratch.png"));
    QVERIFY(drawing && photo);
    // Items are read at once: the list is drawn again whenever the files change.
    const QString fileId = drawing->data(Qt::UserRole).toString();
    // Size, and who attached it: the signed-in admin.
    QVERIFY2(drawing->text().contains(ui::FilesPanel::sizeText(QFileInfo(pdf).size())), qPrintable(drawing->text()));
    const QString me = QString::fromStdString(m_client->user().value("full_name", std::string()));
    QVERIFY2(me.isEmpty() || drawing->text().contains(me), qPrintable(drawing->text()));
    QCOMPARE(drawing->icon().pixmap(48).toImage(),
             ui::FilesPanel::typeIcon(QStringLiteral("application/pdf"), QStringLiteral("x.pdf")).pixmap(48).toImage());
    // The photo gets a thumbnail of itself instead of the image type's icon.
    const QImage imageIcon = ui::FilesPanel::typeIcon(QStringLiteral("image/png"), QStringLiteral("x.png")).pixmap(48).toImage();
    QTRY_VERIFY_WITH_TIMEOUT(itemNamed(files->list(), QStringLiteral("scratch.png"))->icon().pixmap(48).toImage() != imageIcon, 5000);

    // The same bytes come back through the door.
    const QString back = m_dir.filePath(QStringLiteral("back.pdf"));
    auto transfer = std::make_shared<Transfer>();
    const ApiReply got = wait(m_client->downloadFile(QStringLiteral("part"), files->ownerId(), fileId, back, transfer));
    QVERIFY2(got.ok(), qPrintable(got.errorMessage()));
    QFile a(pdf), b(back);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QCOMPARE(b.readAll(), a.readAll());
    QCOMPARE(transfer->percent(), 100);

    // Attached twice under one name: said, and nothing changes.
    done.clear();
    files->addFiles({pdf});
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 5000);
    QVERIFY(done.at(0).at(0).toString().contains(QStringLiteral("attached here already")));

    done.clear();
    files->removeFile(fileId, false);
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(files->list()->count(), base + 1, 5000);
    QVERIFY(!itemNamed(files->list(), QStringLiteral("DWG-7101.pdf")));
    const ApiReply list = wait(m_client->listFiles(QStringLiteral("part"), files->ownerId()));
    QCOMPARE(list.data()["files"].size(), size_t(base + 1));
    // Clean for the next test.
    files->removeFile(itemNamed(files->list(), QStringLiteral("scratch.png"))->data(Qt::UserRole).toString(), false);
    QTRY_COMPARE_WITH_TIMEOUT(files->list()->count(), base, 5000);
}

void TstFiles::theJobDetailShowsAFileAttachedElsewhere()
{
    ui::JobDetail detail(*m_client);
    detail.show();
    QSignalSpy shown(&detail, &ui::JobDetail::shown);
    detail.showJob(m_jobId);
    QVERIFY(shown.wait(5000));
    ui::FilesPanel *files = detail.files();
    QSignalSpy listed(files, &ui::FilesPanel::listed);
    QVERIFY(listed.wait(5000) || files->list()->count() == 0);
    // Not through the panel: the realtime feed's `files` changes bring it.
    const ApiReply up = wait(m_client->uploadFile(QStringLiteral("part"), files->ownerId(), makePdf(QStringLiteral("other.pdf"), 1)));
    QVERIFY2(up.ok(), qPrintable(up.errorMessage()));
    QTRY_VERIFY_WITH_TIMEOUT(itemNamed(files->list(), QStringLiteral("other.pdf")), 2000);
    const QString id = QString::fromStdString(up.data()["file"].value("id", std::string()));
    QVERIFY(wait(m_client->removeFile(QStringLiteral("part"), files->ownerId(), id)).ok());
    QTRY_VERIFY_WITH_TIMEOUT(!itemNamed(files->list(), QStringLiteral("other.pdf")), 2000);
}

void TstFiles::aProgramIsRefusedInWords()
{
    ui::JobDetail detail(*m_client);
    QSignalSpy shown(&detail, &ui::JobDetail::shown);
    detail.showJob(m_jobId);
    QVERIFY(shown.wait(5000));
    const QString exe = m_dir.filePath(QStringLiteral("drawing.pdf.exe"));
    QFile f(exe);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray("MZ\x90\x00", 4) + QByteArray(2000, 'x'));
    f.close();
    QSignalSpy done(detail.files(), &ui::FilesPanel::finished);
    detail.files()->addFiles({exe});
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 5000);
    const size_t before = wait(m_client->listFiles(QStringLiteral("part"), detail.files()->ownerId())).data()["files"].size();
    const QString said = done.at(0).at(0).toString();
    QVERIFY2(said.contains(QStringLiteral("not a file the hub stores")), qPrintable(said));
    QVERIFY(detail.files()->findChild<QLabel *>(QStringLiteral("filesStatus"))->text() == said);
    QVERIFY(QFile::exists(exe));
    QCOMPARE(before, detail.files()->files().size());
}

void TstFiles::theTerminalShowsTheDemoShopsDrawing()
{
    // Any operation of the demo shop: its part carries its product's drawing, made at build time.
    const ApiReply ops = wait(m_client->get(QStringLiteral("/api/v1/operations?status=not_started&limit=1")));
    QVERIFY(ops.ok() && !ops.data()["operations"].empty());
    const Json op = ops.data()["operations"][0];
    ActionJournal journal(*m_client, m_dir.filePath(QStringLiteral("journal-demo.json")));
    ui::OperationPanel panel(*m_client, journal);
    panel.resize(700, 800);
    panel.show();
    QSignalSpy details(&panel, &ui::OperationPanel::detailsShown);
    panel.showOperation(op);
    QVERIFY(details.wait(5000));
    QTRY_VERIFY_WITH_TIMEOUT(panel.drawingButton()->isVisible(), 5000);
    const Json &first = panel.drawings()[0];
    QVERIFY(QString::fromStdString(first.value("name", std::string())).startsWith(QLatin1String("DWG-41")));
    QSignalSpy opened(&panel, &ui::OperationPanel::drawingOpened);
    panel.drawingButton()->click();
    QVERIFY(opened.wait(5000));
    auto *viewer = opened.at(0).at(0).value<ui::DrawingViewer *>();
    QVERIFY(viewer && viewer->showsPdf());
    QCOMPARE(viewer->document()->status(), QPdfDocument::Status::Ready);
    QCOMPARE(viewer->document()->pageCount(), 1);
    // A landscape A4 sheet with its title block, rendered sharp.
    const QSizeF sheet = viewer->document()->pagePointSize(0);
    QVERIFY(qAbs(sheet.width() - 842) < 1 && qAbs(sheet.height() - 595) < 1);
    QTRY_VERIFY2_WITH_TIMEOUT(blurOf(viewer) < 8.0, qPrintable(QString::number(blurOf(viewer))), 5000);
    QVERIFY(viewer->document()->getAllText(0).text().contains(QStringLiteral("Drawing no.")));
    QPointer<ui::DrawingViewer> gone(viewer);
    viewer->closeButton()->click();
    QTRY_VERIFY(!gone);
}

void TstFiles::theTerminalShowsThePartsDrawing()
{
    // A job of its own, whose part has no drawing yet (every demo part carries its product's).
    const ApiReply cells = wait(m_client->get(QStringLiteral("/api/v1/cells?limit=1")));
    QVERIFY(cells.ok());
    const std::string cellId = cells.data()["cells"][0].value("id", std::string());
    const Json job{{"job_number", "JOB-DRAWING"},
                   {"customer", "Test"},
                   {"parts", {{{"part_number", "JOB-DRAWING-01"}, {"material", "S235JR 3 mm"}, {"quantity", 2},
                               {"operations", {{{"operation_name", "Bend"}, {"sequence", 1}, {"cell_id", cellId}}}}}}}};
    const ApiReply made = wait(m_client->post(QStringLiteral("/api/v1/jobs"), job));
    QVERIFY2(made.ok(), qPrintable(made.errorMessage()));
    const Json &part = made.data()["job"]["parts"][0];
    const QString partId = QString::fromStdString(part.value("id", std::string()));
    QVERIFY(!partId.isEmpty());
    const ApiReply opReply = wait(m_client->get(QStringLiteral("/api/v1/operations/%1").arg(QString::fromStdString(part["operations"][0].value("id", std::string())))));
    QVERIFY(opReply.ok());
    const Json op = opReply.data()["operation"];

    ActionJournal journal(*m_client, m_dir.filePath(QStringLiteral("journal.json")));
    ui::OperationPanel panel(*m_client, journal);
    panel.resize(700, 800);
    panel.show();
    QSignalSpy details(&panel, &ui::OperationPanel::detailsShown);
    panel.showOperation(op);
    QVERIFY(details.wait(5000));
    QVERIFY(!panel.drawingButton()->isVisible()); // nothing attached yet

    const ApiReply up = wait(m_client->uploadFile(QStringLiteral("part"), partId, makePdf(QStringLiteral("DWG-7102.pdf"), 3)));
    QVERIFY2(up.ok(), qPrintable(up.errorMessage()));
    const ApiReply photo = wait(m_client->uploadFile(QStringLiteral("part"), partId, makePng(QStringLiteral("setup.png"))));
    QVERIFY(photo.ok());
    panel.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(panel.drawingButton()->isVisible(), 5000);
    QCOMPARE(panel.drawings().size(), size_t(2));
    QCOMPARE(QString::fromStdString(panel.drawings()[0].value("name", std::string())), QStringLiteral("DWG-7102.pdf")); // PDFs first

    QSignalSpy opened(&panel, &ui::OperationPanel::drawingOpened);
    QElapsedTimer shownIn;
    shownIn.start();
    panel.drawingButton()->click();
    QVERIFY(opened.wait(5000));
    auto *viewer = opened.at(0).at(0).value<ui::DrawingViewer *>();
    QVERIFY(viewer);
    QVERIFY(viewer->showsPdf());
    QCOMPARE(viewer->document()->status(), QPdfDocument::Status::Ready);
    QCOMPARE(viewer->document()->pageCount(), 3);
    QCOMPARE(viewer->currentPage(), 0);
    qInfo("first page of the drawing shown in %lld ms", shownIn.elapsed());
    // Sharp as soon as it settles: never an image rendered for the dialog's first size stretched.
    QTRY_VERIFY2_WITH_TIMEOUT(blurOf(viewer) < 8.0, qPrintable(QString::number(blurOf(viewer))), 5000);
    QVERIFY(viewer->isFullScreen() || viewer->windowState().testFlag(Qt::WindowFullScreen));
    QVERIFY(viewer->closeButton()->minimumHeight() >= 48 && viewer->closeButton()->minimumWidth() >= 48);
    for (QPushButton *b : viewer->findChildren<QPushButton *>())
        QVERIFY2(b->minimumHeight() >= 48, qPrintable(b->objectName()));
    viewer->findChild<QPushButton *>(QStringLiteral("drawingNext"))->click();
    QCOMPARE(viewer->currentPage(), 1);
    const qreal fitted = viewer->pdfView()->zoomFactor();
    viewer->zoomBy(2.0);
    QCOMPARE(viewer->zoom(), 2.0);
    QVERIFY(qAbs(viewer->pdfView()->zoomFactor() - fitted * 2.0) < 1e-6);
    // Zoomed in, the page is rendered again at the new size: more detail, not bigger pixels.
    QTRY_VERIFY2_WITH_TIMEOUT(blurOf(viewer) < 8.0, qPrintable(QString::number(blurOf(viewer))), 5000);
    // A page image handed back for a size no longer shown (one asked for before the last zoom or
    // resize): QPdfView keeps it and would stretch it from then on; the viewer has it rendered again.
    auto *renderer = viewer->pdfView()->findChild<QPdfPageRenderer *>();
    QVERIFY(renderer);
    QImage stale(16, 11, QImage::Format_ARGB32);
    stale.fill(Qt::black);
    emit renderer->pageRendered(viewer->currentPage(), stale.size(), stale, QPdfDocumentRenderOptions(), 0);
    QTRY_VERIFY2_WITH_TIMEOUT(blurOf(viewer) < 8.0, qPrintable(QString::number(blurOf(viewer))), 5000);
    QCOMPARE(viewer->staleRenders(), 1);
    viewer->fit(); // fitted again once the zoomed page's scroll bars are gone
    QTRY_VERIFY(qAbs(viewer->pdfView()->zoomFactor() - fitted) < 1e-6);
    // Two files on the part: the list at the top switches to the setup photo and back, in the
    // same viewer.
    QVERIFY(viewer->fileChooser()->isVisible());
    QCOMPARE(viewer->fileChooser()->count(), 2);
    QVERIFY(viewer->fileChooser()->minimumHeight() >= 48);
    viewer->fileChooser()->setCurrentIndex(1);
    emit viewer->fileChooser()->activated(1);
    QTRY_VERIFY_WITH_TIMEOUT(!viewer->showsPdf() && viewer->imageView()->isVisible(), 5000);
    viewer->fileChooser()->setCurrentIndex(0);
    emit viewer->fileChooser()->activated(0);
    QTRY_VERIFY_WITH_TIMEOUT(viewer->showsPdf(), 5000);
    QCOMPARE(viewer->document()->pageCount(), 3);
    QCOMPARE(opened.count(), 1);
    QPointer<ui::DrawingViewer> gone(viewer);
    viewer->closeButton()->click();
    QTRY_VERIFY(!gone);

    for (const Json &f : panel.drawings())
        wait(m_client->removeFile(QStringLiteral("part"), partId, QString::fromStdString(f.value("id", std::string()))));
}

void TstFiles::theViewerShowsAPhotoAndZooms()
{
    ui::DrawingViewer viewer;
    viewer.resize(1000, 700);
    viewer.show();
    QVERIFY(viewer.showFile(makePng(QStringLiteral("photo.png")), QStringLiteral("image/png"), QStringLiteral("photo")));
    QVERIFY(!viewer.showsPdf());
    QVERIFY(viewer.imageView()->isVisible());
    const qreal fitted = viewer.imageView()->transform().m11();
    viewer.zoomBy(2.0);
    QVERIFY(qAbs(viewer.imageView()->transform().m11() - fitted * 2.0) < 1e-6);
    viewer.fit();
    QVERIFY(qAbs(viewer.imageView()->transform().m11() - fitted) < 1e-6);
    // Not a picture: said, not shown blank.
    QVERIFY(!viewer.showFile(m_dir.filePath(QStringLiteral("missing.png")), QStringLiteral("image/png"), QStringLiteral("x")));
    QVERIFY(!viewer.imageView()->isVisible());
}

void TstFiles::anIssueReportedAtTheTerminalGetsItsPhoto()
{
    const ApiReply ops = wait(m_client->get(QStringLiteral("/api/v1/operations?status=not_started&limit=1")));
    QVERIFY(ops.ok() && !ops.data()["operations"].empty());
    const Json op = ops.data()["operations"][0];
    const QString opId = QString::fromStdString(op.value("id", std::string()));
    ActionJournal journal(*m_client, m_dir.filePath(QStringLiteral("journal-issue.json")));
    QWidget window;
    window.resize(1000, 800);
    auto *panel = new ui::OperationPanel(*m_client, journal, &window);
    window.show();
    QSignalSpy details(panel, &ui::OperationPanel::detailsShown);
    panel->showOperation(op);
    QVERIFY(details.wait(5000));

    QSignalSpy sent(panel, &ui::OperationPanel::issuePhotoSent);
    reportIssueWithPhoto(window, panel, QStringLiteral("Scratch across the top face"), makePng(QStringLiteral("top-face.png")));
    if (QTest::currentTestFailed())
        return;
    QVERIFY(sent.wait(10000));
    QVERIFY2(sent.at(0).at(0).toString().isEmpty(), qPrintable(sent.at(0).at(0).toString()));

    const ApiReply issues = wait(m_client->get(QStringLiteral("/api/v1/issues?operation_id=%1&limit=10").arg(opId)));
    QVERIFY(issues.ok());
    QString issueId;
    for (const Json &i : issues.data()["issues"])
        if (i.value("description", std::string()) == "Scratch across the top face")
            issueId = QString::fromStdString(i.value("id", std::string()));
    QVERIFY(!issueId.isEmpty());
    const ApiReply files = wait(m_client->listFiles(QStringLiteral("issue"), issueId));
    QCOMPARE(files.data()["files"].size(), size_t(1));
    QCOMPARE(QString::fromStdString(files.data()["files"][0].value("name", std::string())), QStringLiteral("top-face.png"));
    QCOMPARE(QString::fromStdString(files.data()["files"][0].value("content_type", std::string())), QStringLiteral("image/png"));
}

void TstFiles::theRemoteDoorSendsFetchesAndDeletes()
{
    test::ServedHub hub;
    QVERIFY(hub.prepare());
    QVERIFY(hub.start());
    RemoteClient remote(hub.base());
    const Json login = DemoShop::adminSignIn();
    QVERIFY(wait(remote.signIn(QString::fromStdString(login["username"]), QString::fromStdString(login["password"]))).ok());
    const ApiReply parts = wait(remote.get(QStringLiteral("/api/v1/parts?limit=1")));
    QVERIFY(parts.ok());
    const QString partId = QString::fromStdString(parts.data()["parts"][0].value("id", std::string()));

    // Larger than one read of the door, so progress is seen on the way.
    const QString path = m_dir.filePath(QStringLiteral("big.step"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("ISO-10303-21;\nHEADER;\n");
    for (int i = 0; i < 60000; ++i)
        f.write("#1=CARTESIAN_POINT('',(0.,0.,0.));\n");
    f.write("END-ISO-10303-21;\n");
    f.close();
    auto up = std::make_shared<Transfer>();
    const ApiReply sent = wait(remote.uploadFile(QStringLiteral("part"), partId, path, {}, up));
    QVERIFY2(sent.ok(), qPrintable(sent.errorMessage()));
    QCOMPARE(QString::fromStdString(sent.data()["file"].value("content_type", std::string())), QStringLiteral("application/step"));
    QCOMPARE(up->done(), QFileInfo(path).size());
    const QString id = QString::fromStdString(sent.data()["file"].value("id", std::string()));

    const ApiReply list = wait(remote.listFiles(QStringLiteral("part"), partId));
    QCOMPARE(std::count_if(list.data()["files"].begin(), list.data()["files"].end(),
                           [&](const Json &f) { return f.value("id", std::string()) == id.toStdString(); }),
             1); // beside the part's demo drawing
    const QString back = m_dir.filePath(QStringLiteral("back.step"));
    auto down = std::make_shared<Transfer>();
    QVERIFY(wait(remote.downloadFile(QStringLiteral("part"), partId, id, back, down)).ok());
    QFile a(path), b(back);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QCOMPARE(b.size(), a.size());
    QCOMPARE(b.readAll(), a.readAll());
    QCOMPARE(down->percent(), 100);

    // A refusal is read as one, and no file is left where the download would have gone.
    const QString nowhere = m_dir.filePath(QStringLiteral("nowhere.step"));
    const ApiReply missing = wait(remote.downloadFile(QStringLiteral("part"), partId, QStringLiteral("0190b7e4-0000-7000-8000-000000000000"), nowhere));
    QCOMPARE(missing.status(), 404);
    QCOMPARE(missing.errorCode(), QStringLiteral("NOT_FOUND"));
    QVERIFY(!QFile::exists(nowhere));

    QVERIFY(wait(remote.removeFile(QStringLiteral("part"), partId, id)).ok());
    QCOMPARE(wait(remote.listFiles(QStringLiteral("part"), partId)).data()["files"].size(), list.data()["files"].size() - 1);
}

void TstFiles::theCameraIsOfferedWhereThereIsOne()
{
    // Take photo… is there only where the system reports a camera; without one (a build machine,
    // most terminals) the dialog that would take it says so instead of showing a black picture.
    ui::IssueDialog dialog(QStringLiteral("op"), QStringLiteral("JOB-1"));
    dialog.show();
    QCOMPARE(dialog.cameraButton()->isVisible(), ui::CameraDialog::available());
    QVERIFY(dialog.cameraButton()->minimumHeight() >= 48);
    if (ui::CameraDialog::available())
        QSKIP("a camera is connected here: taking a photo with it is not automated");
    ui::CameraDialog camera(m_dir.filePath(QStringLiteral("shots")));
    QVERIFY(!camera.takeButton()->isEnabled());
    QVERIFY(camera.takeButton()->minimumHeight() >= 48);
    QCOMPARE(camera.problem(), QStringLiteral("No camera is connected to this terminal."));
    QVERIFY(camera.photoPath().isEmpty());
}

void TstFiles::anIssuePhotoOutlastsTheTerminal()
{
    // An issue reported with a photo, and the terminal closed before the report got through: the
    // report is in the journal's file, the photo's copy beside it; the terminal started again
    // sends both, though the stick the photo came from is gone.
    const ApiReply ops = wait(m_client->get(QStringLiteral("/api/v1/operations?status=not_started&limit=2")));
    QVERIFY(ops.ok() && ops.data()["operations"].size() == 2);
    const Json op = ops.data()["operations"][1];
    const QString opId = QString::fromStdString(op.value("id", std::string()));
    const QString journalPath = m_dir.filePath(QStringLiteral("restart/journal.json"));
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("restart"))));
    const QString photo = makePng(QStringLiteral("weld-seam.png"));
    {
        ActionJournal journal(*m_client, journalPath);
        QWidget window;
        auto *panel = new ui::OperationPanel(*m_client, journal, &window);
        window.show();
        QSignalSpy details(panel, &ui::OperationPanel::detailsShown);
        panel->showOperation(op);
        QVERIFY(details.wait(5000));
        reportIssueWithPhoto(window, panel, QStringLiteral("Weld seam porous"), photo);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(journal.pending().size(), 1);
        // Closed here, before the answer is read.
    }
    QCOMPARE(QDir(m_dir.filePath(QStringLiteral("restart/issue-photos"))).entryList(QDir::Files).size(), 1);
    QVERIFY(QFile::remove(photo));

    ActionJournal journal(*m_client, journalPath);
    QWidget window;
    auto *panel = new ui::OperationPanel(*m_client, journal, &window);
    QSignalSpy sent(panel, &ui::OperationPanel::issuePhotoSent);
    QVERIFY(sent.wait(10000));
    QVERIFY2(sent.at(0).at(0).toString().isEmpty(), qPrintable(sent.at(0).at(0).toString()));
    const ApiReply issues = wait(m_client->get(QStringLiteral("/api/v1/issues?operation_id=%1&limit=10").arg(opId)));
    QString issueId;
    int reported = 0;
    for (const Json &i : issues.data()["issues"])
        if (i.value("description", std::string()) == "Weld seam porous") {
            issueId = QString::fromStdString(i.value("id", std::string()));
            ++reported;
        }
    QCOMPARE(reported, 1); // sent twice, made once (the Idempotency-Key)
    const ApiReply files = wait(m_client->listFiles(QStringLiteral("issue"), issueId));
    QCOMPARE(files.data()["files"].size(), size_t(1));
    QCOMPARE(QString::fromStdString(files.data()["files"][0].value("name", std::string())), QStringLiteral("weld-seam.png"));
    QTRY_COMPARE(QDir(m_dir.filePath(QStringLiteral("restart/issue-photos"))).entryList(QDir::Files).size(), 0);
}

QTEST_MAIN(TstFiles)
#include "tst_files.moc"
