// The floor terminal's drawing (issue 16): from an operator's tap on Drawing to the first page of
// the part's PDF painted, as OperationPanel::openDrawing does it — the file fetched through the
// door to a temporary file, then DrawingViewer (Qt PDF) shows its first page. The demo shop's own
// drawing (an A4 sheet made by the engine), in process and over --connect on loopback, in one run;
// and the viewer alone on a file already on disk, as the baseline of what the fetch adds.
//
// Each figure is RUNS taps, p50 and p99, each until the PDF view's viewport has painted once with
// the document ready (offscreen: QT_QPA_PLATFORM=offscreen is set when unset).
//
// Usage: bench_drawing [RUNS]   (default 30)
#include "client/jsonfields.h"
#include "client/remoteclient.h"
#include "core/config.h"
#include "engine.h"
#include "inprocessclient.h"
#include "services/demoshop.h"
#include "terminal/drawingviewer.h"

#include <QAbstractScrollArea>
#include <QApplication>
#include <QElapsedTimer>
#include <QPdfDocument>
#include <QPdfView>
#include <QTemporaryDir>
#include <QUrl>

#include <cstdio>

#include "benchsupport.h"

using namespace ery;
using namespace ery::bench;
using namespace ery::client;

namespace {

// Counts the paints of a widget.
class PaintCounter : public QObject {
public:
    int paints = 0;
    bool eventFilter(QObject *, QEvent *e) override
    {
        if (e->type() == QEvent::Paint)
            ++paints;
        return false;
    }
};

// One viewer shown for `path` until its first page has painted; microseconds from `clock`'s start.
qint64 showUntilPainted(const QString &path, const QElapsedTimer &clock)
{
    ui::DrawingViewer viewer;
    PaintCounter counter;
    viewer.pdfView()->viewport()->installEventFilter(&counter);
    viewer.resize(1280, 800);
    if (!viewer.showFile(path, QStringLiteral("application/pdf"), QStringLiteral("bench")))
        qFatal("the viewer could not show %s", qPrintable(path));
    viewer.show();
    if (!waitFor([&] { return counter.paints > 0 && viewer.document()->status() == QPdfDocument::Status::Ready; }, 10000))
        qFatal("the first page was not painted in 10 s");
    return clock.nsecsElapsed() / 1000;
}

struct Figures {
    double p50 = 0, p99 = 0;
};

Figures tap(EngineClient &door, const Json &file, int runs)
{
    QTemporaryDir dir;
    std::vector<qint64> us;
    for (int i = 0; i < runs; ++i) {
        const QString path = dir.filePath(QStringLiteral("drawing-%1.pdf").arg(i));
        QElapsedTimer clock;
        clock.start();
        const ApiReply r = await(door.downloadFile(text(file, "owner_kind"), text(file, "owner_id"), text(file, "id"), path));
        if (!r.ok())
            qFatal("download: %s", qPrintable(r.errorMessage()));
        us.push_back(showUntilPainted(path, clock));
    }
    return {bench::percentile(us, 0.5) / 1000.0, bench::percentile(us, 0.99) / 1000.0};
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, atoi(argv[1])) : 30;

    QTemporaryDir dir;
    Config cfg;
    cfg.dbUrl = dir.filePath(QStringLiteral("shop.db"));
    cfg.http.enabled = true;
    cfg.http.port = 0;
    EngineHost host(cfg);
    if (auto s = host.start(); !s)
        qFatal("start: %s", qPrintable(s.error().message));
    InProcessClient local(host);
    if (const ApiReply demo = await(local.post(QStringLiteral("/api/v1/setup/demo"))); !demo.ok())
        qFatal("demo: %s", qPrintable(demo.errorMessage()));
    const Json who = services::DemoShop::adminSignIn();
    if (const ApiReply r = await(local.signIn(text(who, "username"), text(who, "password"))); !r.ok())
        qFatal("sign-in: %s", qPrintable(r.errorMessage()));

    // The demo's first drawing: a PDF on a part of a job under way.
    Json drawing;
    const ApiReply parts = await(local.get(QStringLiteral("/api/v1/parts?limit=200")));
    for (const Json &p : parts.data().value("parts", Json::array())) {
        const ApiReply files = await(local.listFiles(QStringLiteral("part"), text(p, "id")));
        for (const Json &f : files.data().value("files", Json::array()))
            if (text(f, "content_type") == QLatin1String("application/pdf") && drawing.is_null())
                drawing = f;
        if (!drawing.is_null())
            break;
    }
    if (drawing.is_null())
        qFatal("the demo shop has no drawing");

    auto status = host.call<Json>([](Engine &e) { return e.apiStatus(); });
    status.waitForFinished();
    RemoteClient remote(QString::fromStdString(status.result().value("url", std::string())).chopped(7));
    if (const ApiReply r = await(remote.signIn(text(who, "username"), text(who, "password"))); !r.ok())
        qFatal("remote sign-in: %s", qPrintable(r.errorMessage()));

    // Warm: Qt PDF's first document loads its library and fonts.
    QTemporaryDir warm;
    const QString onDisk = warm.filePath(QStringLiteral("drawing.pdf"));
    if (!await(local.downloadFile(text(drawing, "owner_kind"), text(drawing, "owner_id"), text(drawing, "id"), onDisk)).ok())
        qFatal("download");
    QElapsedTimer first;
    first.start();
    const double firstEverMs = double(showUntilPainted(onDisk, first)) / 1000.0;

    std::vector<qint64> viewerUs;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer clock;
        clock.start();
        viewerUs.push_back(showUntilPainted(onDisk, clock));
    }
    const Figures inProcess = tap(local, drawing, runs);
    const Figures overHttp = tap(remote, drawing, runs);

    std::printf("drawing %s (%lld bytes), %d taps each\n", qPrintable(text(drawing, "name")), number(drawing, "size_bytes"), runs);
    std::printf("first drawing shown by this process (Qt PDF loading): %.1f ms\n", firstEverMs);
    std::printf("viewer alone, file on disk:  p50 %6.1f ms  p99 %6.1f ms\n", bench::percentile(viewerUs, 0.5) / 1000.0,
                bench::percentile(viewerUs, 0.99) / 1000.0);
    std::printf("tap to first page, in-process door: p50 %6.1f ms  p99 %6.1f ms\n", inProcess.p50, inProcess.p99);
    std::printf("tap to first page, --connect (HTTP): p50 %6.1f ms  p99 %6.1f ms\n", overHttp.p50, overHttp.p99);
    return 0;
}
