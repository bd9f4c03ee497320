// Files through the hub (issue 16): a STEP file of SIZE_MB uploaded to a part and downloaded again
// over HTTP on loopback, against `cp` of the same file in the same run, and the hub's memory while
// it does so.
//
// The hub is a real `eryxon-server serve` in its own process (the demo shop on SQLite in a
// temporary folder), so the memory read from /proc is the hub's alone: its resident set when idle,
// then its peak (VmHWM, reset through /proc/PID/clear_refs before each transfer) during the upload
// and during the download. The client streams: the upload's body is read from the file as it is
// sent, the download is written to a file as it arrives.
//
// Baselines in the same run: `cp` of the file (the page cache: no disk write waited for) and `cp`
// followed by `sync` of the copy (the hub syncs a blob before it answers an upload); and the
// ceiling of any HTTP transfer on this machine: the file's bytes through one loopback TCP
// connection into another file, sendfile(2) on one side and read(2)/write(2) on the other, with no
// protocol, hashing or checks (`tcp`), and with a sync of the copy at the end (`tcp+sync`).
//
// Each round also uploads and downloads the file with a bare client (sendfile up, read/write down,
// as curl does), which shows the hub's own pace apart from QNetworkAccessManager's.
//
// Usage: bench_files [SIZE_MB] [ROUNDS]   (defaults 100, 3; the best round of each is reported
// beside the median)
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <thread>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <unistd.h>

#include "benchsupport.h"

namespace {

QString g_bin;

QString runServer(const QStringList &args)
{
    QProcess p;
    p.start(g_bin, args);
    if (!p.waitForFinished(120000) || p.exitCode() != 0)
        qFatal("eryxon-server %s failed: %s", qPrintable(args.join(u' ')), p.readAllStandardError().constData());
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

// Seconds to send `source` through a loopback TCP connection into `target` (synced when `sync`).
double loopbackCopy(const QString &source, const QString &target, bool sync)
{
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (::bind(listener, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 || ::listen(listener, 1) != 0
        || ::getsockname(listener, reinterpret_cast<sockaddr *>(&addr), &len) != 0)
        qFatal("loopback: cannot listen");
    QElapsedTimer t;
    t.start();
    std::thread receiver([&] {
        const int c = ::accept(listener, nullptr, nullptr);
        const int out = ::open(QFile::encodeName(target).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        std::vector<char> buf(1 << 20);
        ssize_t n;
        while ((n = ::read(c, buf.data(), buf.size())) > 0)
            if (::write(out, buf.data(), size_t(n)) != n)
                qFatal("loopback: cannot write");
        if (sync)
            ::fsync(out);
        ::close(out);
        ::close(c);
    });
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    if (::connect(s, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0)
        qFatal("loopback: cannot connect");
    const int in = ::open(QFile::encodeName(source).constData(), O_RDONLY);
    off_t off = 0;
    const off_t size = ::lseek(in, 0, SEEK_END);
    while (off < size)
        if (::sendfile(s, in, &off, size_t(size - off)) <= 0)
            qFatal("loopback: sendfile failed");
    ::close(in);
    ::close(s);
    receiver.join();
    ::close(listener);
    return double(t.nsecsElapsed()) / 1e9;
}

// A connection to the hub on loopback (blocking).
int connectTo(quint16 port)
{
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(port);
    if (::connect(s, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0)
        qFatal("cannot connect to the hub");
    return s;
}

// Reads an HTTP answer's head; what came after it stays in `rest`.
QByteArray readHead(int s, QByteArray &rest)
{
    QByteArray got;
    char buf[4096];
    while (!got.contains("\r\n\r\n")) {
        const ssize_t n = ::read(s, buf, sizeof buf);
        if (n <= 0)
            qFatal("the hub closed the connection: %s", got.constData());
        got.append(buf, n);
    }
    const qsizetype end = got.indexOf("\r\n\r\n") + 4;
    rest = got.mid(end);
    return got.left(end);
}

// Seconds to upload `source` as the body of `target`, sent with sendfile(2) as curl -T would; the
// answer's id in `fileId`.
double rawUpload(quint16 port, const QString &target, const QString &key, const QString &source, QString *fileId)
{
    const int in = ::open(QFile::encodeName(source).constData(), O_RDONLY);
    const off_t size = ::lseek(in, 0, SEEK_END);
    QElapsedTimer t;
    t.start();
    const int s = connectTo(port);
    const QByteArray head = "POST " + target.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key.toUtf8()
                            + "\r\nContent-Type: application/step\r\nContent-Length: " + QByteArray::number(qint64(size)) + "\r\n\r\n";
    if (::write(s, head.constData(), size_t(head.size())) != head.size())
        qFatal("upload: cannot send the head");
    off_t off = 0;
    while (off < size)
        if (::sendfile(s, in, &off, size_t(size - off)) <= 0)
            qFatal("upload: sendfile failed");
    QByteArray body;
    const QByteArray answer = readHead(s, body);
    char buf[4096];
    ssize_t n;
    while ((n = ::read(s, buf, sizeof buf)) > 0) // the hub closes after an upload's answer
        body.append(buf, n);
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    ::close(s);
    ::close(in);
    if (!answer.startsWith("HTTP/1.1 201"))
        qFatal("upload: %s%s", answer.constData(), body.constData());
    *fileId = QJsonDocument::fromJson(body).object()[QStringLiteral("data")][QStringLiteral("file")][QStringLiteral("id")].toString();
    return seconds;
}

// Seconds to download `target` into `out` with read(2)/write(2).
double rawDownload(quint16 port, const QString &target, const QString &key, const QString &out, qint64 expected)
{
    QElapsedTimer t;
    t.start();
    const int s = connectTo(port);
    const QByteArray head = "GET " + target.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key.toUtf8() + "\r\n\r\n";
    if (::write(s, head.constData(), size_t(head.size())) != head.size())
        qFatal("download: cannot send the request");
    QByteArray first;
    const QByteArray answer = readHead(s, first);
    if (!answer.startsWith("HTTP/1.1 200"))
        qFatal("download: %s", answer.constData());
    const int fd = ::open(QFile::encodeName(out).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    qint64 got = first.size();
    if (::write(fd, first.constData(), size_t(first.size())) != first.size())
        qFatal("download: cannot write");
    std::vector<char> buf(1 << 20);
    ssize_t n;
    while (got < expected && (n = ::read(s, buf.data(), buf.size())) > 0) {
        if (::write(fd, buf.data(), size_t(n)) != n)
            qFatal("download: cannot write");
        got += n;
    }
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    ::close(fd);
    ::close(s);
    if (got != expected)
        qFatal("download: %lld bytes of %lld", got, expected);
    return seconds;
}

// One field of /proc/PID/status in KiB (VmRSS, VmHWM).
qint64 procKiB(qint64 pid, const char *field)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qstrlen(field) + 1).trimmed().split(' ').first().toLongLong();
    return -1;
}

void resetPeak(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/clear_refs").arg(pid));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

bool waitReply(QNetworkReply *r)
{
    QEventLoop loop;
    QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!r->isFinished())
        loop.exec();
    return r->error() == QNetworkReply::NoError;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int sizeMb = argc > 1 ? std::max(1, atoi(argv[1])) : 100;
    const int rounds = argc > 2 ? std::max(1, atoi(argv[2])) : 3;
    g_bin = QCoreApplication::applicationDirPath() + QStringLiteral("/../app/server/eryxon-server");
    if (!QFile::exists(g_bin))
        qFatal("no %s", qPrintable(g_bin));

    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("shop.db"));
    runServer({QStringLiteral("demo"), QStringLiteral("--db"), db});
    const QString key = runServer({QStringLiteral("keys"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("bench"),
                                   QStringLiteral("--scope"), QStringLiteral("admin"), QStringLiteral("--db"), db});

    // The file: a STEP header, then incompressible bytes.
    const QString source = dir.filePath(QStringLiteral("part.step"));
    {
        QFile f(source);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(source));
        f.write("ISO-10303-21;\nHEADER;\n");
        QByteArray block(1 << 20, Qt::Uninitialized);
        for (int i = 0; i < sizeMb; ++i) {
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
            f.write(block);
        }
    }
    const qint64 bytes = QFileInfo(source).size();

    QProcess hub;
    hub.setProcessChannelMode(QProcess::SeparateChannels);
    hub.start(g_bin, {QStringLiteral("serve"), QStringLiteral("--db"), db, QStringLiteral("--port"), QStringLiteral("0"),
                      QStringLiteral("--log-level"), QStringLiteral("warning")});
    QByteArray banner;
    static const QRegularExpression listening(QStringLiteral("REST API on (http://127\\.0\\.0\\.1:\\d+)/api/v1"));
    QRegularExpressionMatch m;
    while (!(m = listening.match(QString::fromUtf8(banner))).hasMatch() && hub.waitForReadyRead(20000))
        banner += hub.readAllStandardOutput();
    if (!m.hasMatch())
        qFatal("serve did not start: %s", hub.readAllStandardError().constData());
    const QString base = m.captured(1);
    const qint64 pid = hub.processId();

    QNetworkAccessManager nam;
    const auto request = [&](const QString &path) {
        QNetworkRequest req(QUrl(base + path));
        req.setRawHeader("Authorization", "Bearer " + key.toUtf8());
        return req;
    };
    QNetworkReply *parts = nam.get(request(QStringLiteral("/api/v1/parts?limit=1")));
    if (!waitReply(parts))
        qFatal("parts: %s", qPrintable(parts->errorString()));
    const QString partId =
        QJsonDocument::fromJson(parts->readAll()).object()[QStringLiteral("data")][QStringLiteral("parts")].toArray().first()[QStringLiteral("id")].toString();
    parts->deleteLater();

    ery::bench::spin(1000);
    const qint64 idleKiB = procKiB(pid, "VmRSS:");
    std::vector<double> cpMBs, cpSyncMBs, tcpMBs, tcpSyncMBs, upMBs, downMBs, upPeak, downPeak, rawUpMBs, rawDownMBs;
    const quint16 port = quint16(QUrl(base).port());
    for (int round = 0; round < rounds; ++round) {
        // cp of the same file, as the baseline of this round.
        const QString copy = dir.filePath(QStringLiteral("copy.step"));
        QFile::remove(copy);
        QElapsedTimer t;
        t.start();
        QProcess cp;
        cp.start(QStringLiteral("cp"), {source, copy});
        cp.waitForFinished(-1);
        cpMBs.push_back(double(bytes) / 1048576.0 / (double(t.nsecsElapsed()) / 1e9));
        QFile::remove(copy);
        // And cp then fsync of the copy, as the hub syncs a blob before it answers.
        t.restart();
        cp.start(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("cp \"$0\" \"$1\" && sync \"$1\""), source, copy});
        cp.waitForFinished(-1);
        cpSyncMBs.push_back(double(bytes) / 1048576.0 / (double(t.nsecsElapsed()) / 1e9));
        QFile::remove(copy);

        // The same bytes through a bare loopback connection: what HTTP cannot beat here.
        tcpMBs.push_back(double(bytes) / 1048576.0 / loopbackCopy(source, copy, false));
        QFile::remove(copy);
        tcpSyncMBs.push_back(double(bytes) / 1048576.0 / loopbackCopy(source, copy, true));
        QFile::remove(copy);

        // Upload: the body streamed from the file.
        resetPeak(pid);
        QFile in(source);
        in.open(QIODevice::ReadOnly);
        QNetworkRequest up = request(QStringLiteral("/api/v1/parts/%1/files?name=bench-%2.step").arg(partId).arg(round));
        up.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/step"));
        t.restart();
        QNetworkReply *r = nam.post(up, &in);
        if (!waitReply(r))
            qFatal("upload: %s %s", qPrintable(r->errorString()), r->readAll().constData());
        upMBs.push_back(double(bytes) / 1048576.0 / (double(t.nsecsElapsed()) / 1e9));
        upPeak.push_back(double(procKiB(pid, "VmHWM:") - idleKiB) / 1024.0);
        const QString fileId = QJsonDocument::fromJson(r->readAll()).object()[QStringLiteral("data")][QStringLiteral("file")][QStringLiteral("id")].toString();
        r->deleteLater();

        // Download: written to a file as it arrives.
        resetPeak(pid);
        const QString target = dir.filePath(QStringLiteral("download.step"));
        QFile out(target);
        out.open(QIODevice::WriteOnly | QIODevice::Truncate);
        t.restart();
        QNetworkReply *d = nam.get(request(QStringLiteral("/api/v1/parts/%1/files/%2").arg(partId, fileId)));
        d->setReadBufferSize(1 << 20);
        QObject::connect(d, &QNetworkReply::readyRead, [&] { out.write(d->readAll()); });
        if (!waitReply(d))
            qFatal("download: %s", qPrintable(d->errorString()));
        out.write(d->readAll());
        out.close();
        downMBs.push_back(double(bytes) / 1048576.0 / (double(t.nsecsElapsed()) / 1e9));
        downPeak.push_back(double(procKiB(pid, "VmHWM:") - idleKiB) / 1024.0);
        d->deleteLater();
        if (QFileInfo(target).size() != bytes)
            qFatal("downloaded %lld bytes of %lld", QFileInfo(target).size(), bytes);
        QFile::remove(target);
        QNetworkReply *del = nam.deleteResource(request(QStringLiteral("/api/v1/parts/%1/files/%2").arg(partId, fileId)));
        waitReply(del);
        del->deleteLater();

        // The same with a bare client (sendfile up, read/write down), as curl would: the hub's own
        // pace, without QNetworkAccessManager's.
        QString rawId;
        resetPeak(pid);
        rawUpMBs.push_back(double(bytes) / 1048576.0
                           / rawUpload(port, QStringLiteral("/api/v1/parts/%1/files?name=raw-%2.step").arg(partId).arg(round), key, source, &rawId));
        upPeak.push_back(double(procKiB(pid, "VmHWM:") - idleKiB) / 1024.0);
        resetPeak(pid);
        rawDownMBs.push_back(double(bytes) / 1048576.0
                             / rawDownload(port, QStringLiteral("/api/v1/parts/%1/files/%2").arg(partId, rawId), key, target, bytes));
        downPeak.push_back(double(procKiB(pid, "VmHWM:") - idleKiB) / 1024.0);
        QFile::remove(target);
        QNetworkReply *rawDel = nam.deleteResource(request(QStringLiteral("/api/v1/parts/%1/files/%2").arg(partId, rawId)));
        waitReply(rawDel);
        rawDel->deleteLater();
    }
    hub.terminate();
    hub.waitForFinished(20000);

    const auto best = [](const std::vector<double> &v) { return *std::max_element(v.begin(), v.end()); };
    const auto least = [](const std::vector<double> &v) { return *std::min_element(v.begin(), v.end()); };
    const auto most = [](const std::vector<double> &v) { return *std::max_element(v.begin(), v.end()); };
    std::printf("file: %.1f MB STEP, %d rounds; hub idle RSS %.1f MiB\n", double(bytes) / 1048576.0, rounds, double(idleKiB) / 1024.0);
    std::printf("cp:       best %7.1f MB/s, median %7.1f MB/s\n", best(cpMBs), median(cpMBs));
    std::printf("cp+sync:  best %7.1f MB/s, median %7.1f MB/s\n", best(cpSyncMBs), median(cpSyncMBs));
    std::printf("tcp:      best %7.1f MB/s, median %7.1f MB/s\n", best(tcpMBs), median(tcpMBs));
    std::printf("tcp+sync: best %7.1f MB/s, median %7.1f MB/s\n", best(tcpSyncMBs), median(tcpSyncMBs));
    std::printf("upload:   best %7.1f MB/s, median %7.1f MB/s  (median ratio to cp %.2f, to cp+sync %.2f, to tcp+sync %.2f); hub peak over idle (both clients) %.1f..%.1f MiB\n",
                best(upMBs), median(upMBs), median(upMBs) / median(cpMBs), median(upMBs) / median(cpSyncMBs), median(upMBs) / median(tcpSyncMBs),
                least(upPeak), most(upPeak));
    std::printf("download: best %7.1f MB/s, median %7.1f MB/s  (median ratio to cp %.2f, to tcp %.2f); hub peak over idle (both clients) %.1f..%.1f MiB\n",
                best(downMBs), median(downMBs), median(downMBs) / median(cpMBs), median(downMBs) / median(tcpMBs), least(downPeak), most(downPeak));
    std::printf("upload, bare client:   best %7.1f MB/s, median %7.1f MB/s  (median ratio to cp %.2f, to cp+sync %.2f, to tcp+sync %.2f)\n",
                best(rawUpMBs), median(rawUpMBs), median(rawUpMBs) / median(cpMBs), median(rawUpMBs) / median(cpSyncMBs),
                median(rawUpMBs) / median(tcpSyncMBs));
    std::printf("download, bare client: best %7.1f MB/s, median %7.1f MB/s  (median ratio to cp %.2f, to tcp %.2f)\n", best(rawDownMBs),
                median(rawDownMBs), median(rawDownMBs) / median(cpMBs), median(rawDownMBs) / median(tcpMBs));
    return 0;
}
