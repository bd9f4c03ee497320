#include "apifixture.h"

#include "http/apiserver.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

using namespace ery::domain;

namespace ery::test {

HttpConfig ApiFixture::defaults()
{
    HttpConfig cfg;
    cfg.enabled = true;
    cfg.port = 0;
    cfg.corsOrigins = {QStringLiteral("http://localhost:5173")};
    return cfg;
}

std::unique_ptr<ApiFixture> ApiFixture::create(HttpConfig cfg)
{
    auto f = std::unique_ptr<ApiFixture>(new ApiFixture);
    f->m_shop = TestShop::create();
    if (auto r = f->m_shop->engine().startHttp(cfg); !r)
        qFatal("starting the REST API failed: %s", qPrintable(r.error().message));
    f->m_port = f->m_shop->engine().api()->port();
    return f;
}

QString ApiFixture::base() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

QString ApiFixture::key(const Scope &liveScope, const QString &access, bool test)
{
    auto k = s().apiKeys.create(
        liveScope,
        Json{{"name", toStd(QStringLiteral("test %1").arg(newId()))}, {"scope", toStd(access)}, {"environment", test ? "test" : "live"}});
    if (!k)
        qFatal("creating a key failed: %s", qPrintable(k.error().message));
    return k->secret;
}

QByteArray ApiFixture::Reply::header(const QByteArray &name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

QString ApiFixture::Reply::code() const
{
    if (!body.is_object() || !body.contains("error") || !body["error"].is_object())
        return {};
    return str(body["error"], "code");
}

ApiFixture::Reply ApiFixture::call(const QByteArray &method, const QString &path, const QString &key, const Json &body,
                                   const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return callRaw(method, path, key, body.is_null() ? QByteArray() : QByteArray::fromStdString(body.dump()), headers);
}

ApiFixture::Reply ApiFixture::callRaw(const QByteArray &method, const QString &path, const QString &key, const QByteArray &body,
                                      const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest req(QUrl(base() + path));
    if (!key.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + key.toLatin1());
    if (!body.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[k, v] : headers)
        req.setRawHeader(k, v);
    // HEAD through its own call: as a custom verb QNAM would wait for the body Content-Length announces.
    QNetworkReply *reply = method == "HEAD" ? m_nam.head(req) : m_nam.sendCustomRequest(req, method, body);
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    Reply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.raw = reply->readAll();
    out.headers = reply->rawHeaderPairs();
    out.body = Json::parse(out.raw.constData(), out.raw.constData() + out.raw.size(), nullptr, false);
    if (out.body.is_discarded())
        out.body = nullptr;
    reply->deleteLater();
    return out;
}

qint64 ApiFixture::answerLength(const QByteArray &raw)
{
    const qsizetype headEnd = raw.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return -1;
    const QByteArray head = raw.left(headEnd).toLower();
    const qsizetype cl = head.indexOf("\r\ncontent-length: ");
    const qint64 body = cl < 0 ? 0 : head.mid(cl + 18, head.indexOf("\r\n", cl + 2) - cl - 18).trimmed().toLongLong();
    return headEnd + 4 + body;
}

qint64 ApiFixture::rssKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

} // namespace ery::test
