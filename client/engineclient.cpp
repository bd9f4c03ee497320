#include "engineclient.h"

#include "jsonfields.h"

#include <QFileInfo>
#include <QHash>
#include <QPromise>
#include <QUrl>

#include <memory>

namespace ery::client {

EngineClient::EngineClient(QObject *parent) : QObject(parent)
{
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, &EngineClient::refresh);
}

EngineClient::~EngineClient() = default;

QFuture<ApiReply> EngineClient::request(const QString &method, const QString &path, const Json &body, std::shared_ptr<Transfer> transfer)
{
    ApiRequest r{method, path, body.is_null() ? QByteArray() : QByteArray::fromStdString(body.dump()), {}};
    r.transfer = std::move(transfer);
    return sendSigned(std::move(r));
}

QFuture<ApiReply> EngineClient::requestOnce(const QString &method, const QString &path, const Json &body, const QByteArray &idempotencyKey)
{
    ApiRequest r{method, path, body.is_null() ? QByteArray() : QByteArray::fromStdString(body.dump()), {}};
    r.idempotencyKey = idempotencyKey;
    return sendSigned(std::move(r));
}

QFuture<ApiReply> EngineClient::upload(const QString &path, const QByteArray &file, const QByteArray &contentType,
                                       std::shared_ptr<Transfer> transfer)
{
    ApiRequest r{QStringLiteral("POST"), path, file, {}, contentType};
    r.transfer = std::move(transfer);
    return sendSigned(std::move(r));
}

namespace {

QString filesPath(const QString &ownerKind, const QString &ownerId)
{
    return QStringLiteral("/api/v1/%1s/%2/files").arg(ownerKind, QString::fromLatin1(QUrl::toPercentEncoding(ownerId)));
}

} // namespace

QFuture<ApiReply> EngineClient::listFiles(const QString &ownerKind, const QString &ownerId)
{
    return get(filesPath(ownerKind, ownerId));
}

QFuture<ApiReply> EngineClient::uploadFile(const QString &ownerKind, const QString &ownerId, const QString &localPath, const QString &name,
                                           std::shared_ptr<Transfer> transfer)
{
    const QString shown = name.isEmpty() ? QFileInfo(localPath).fileName() : name;
    ApiRequest r{QStringLiteral("POST"),
                 filesPath(ownerKind, ownerId) + QStringLiteral("?name=") + QString::fromLatin1(QUrl::toPercentEncoding(shown)),
                 {},
                 {},
                 fileType(shown)};
    r.bodyFile = localPath;
    r.transfer = std::move(transfer);
    return sendSigned(std::move(r));
}

QFuture<ApiReply> EngineClient::downloadFile(const QString &ownerKind, const QString &ownerId, const QString &fileId, const QString &toPath,
                                             std::shared_ptr<Transfer> transfer)
{
    ApiRequest r{QStringLiteral("GET"), filesPath(ownerKind, ownerId) + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(fileId)),
                 {}, {}};
    r.saveTo = toPath;
    r.transfer = std::move(transfer);
    return sendSigned(std::move(r));
}

QFuture<ApiReply> EngineClient::removeFile(const QString &ownerKind, const QString &ownerId, const QString &fileId)
{
    return remove(filesPath(ownerKind, ownerId) + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(fileId)));
}

QByteArray EngineClient::fileType(const QString &name)
{
    static const QHash<QString, QByteArray> types{
        {QStringLiteral("pdf"), "application/pdf"},
        {QStringLiteral("png"), "image/png"},
        {QStringLiteral("jpg"), "image/jpeg"},
        {QStringLiteral("jpeg"), "image/jpeg"},
        {QStringLiteral("gif"), "image/gif"},
        {QStringLiteral("webp"), "image/webp"},
        {QStringLiteral("step"), "application/step"},
        {QStringLiteral("stp"), "application/step"},
        {QStringLiteral("dxf"), "application/dxf"},
        {QStringLiteral("stl"), "model/stl"},
        {QStringLiteral("3mf"), "model/3mf"},
        {QStringLiteral("zip"), "application/zip"},
        {QStringLiteral("txt"), "text/plain"},
        {QStringLiteral("csv"), "text/csv"},
        {QStringLiteral("json"), "application/json"},
        {QStringLiteral("xls"), "application/vnd.ms-excel"},
        {QStringLiteral("xlsx"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    };
    return types.value(QFileInfo(name).suffix().toLower(), QByteArrayLiteral("application/octet-stream"));
}

QFuture<ApiReply> EngineClient::sendSigned(ApiRequest r)
{
    r.authorization = m_accessToken.isEmpty() ? QByteArray() : "Bearer " + m_accessToken.toLatin1();
    const QString token = m_accessToken;
    // The answer is handed over on a later turn of this thread's event loop, never before this
    // call returns: an engine that answers before the caller attaches its .then(context, …) would
    // otherwise run the caller's continuation inside the call — inside a model's signal, say,
    // where changing the model again corrupts the views on it.
    auto promise = std::make_shared<QPromise<ApiReply>>();
    QFuture<ApiReply> answer = promise->future();
    promise->start();
    send(std::move(r)).then(this, [this, token, promise](const ApiReply &reply) {
        QMetaObject::invokeMethod(
            this,
            [this, token, promise, reply] {
                noteReach(reply);
                // The hub no longer takes this session: every screen must know, not each find out alone.
                if (reply.status() == 401 && !token.isEmpty() && token == m_accessToken)
                    endSession(true);
                promise->addResult(reply);
                promise->finish();
            },
            Qt::QueuedConnection);
    });
    return answer;
}

void EngineClient::subscribe(const Binding &binding, QObject *context, std::function<void()> onChange, int debounceMs)
{
    auto *timer = new QTimer(context);
    timer->setSingleShot(true);
    timer->setInterval(debounceMs);
    QObject::connect(timer, &QTimer::timeout, context, [onChange = std::move(onChange)] { onChange(); });
    // Changes are the signed-in shop's only, whichever shop that is when they arrive.
    watch(
        binding, context, [this](const QString &tenantId) { return !m_tenantId.isEmpty() && tenantId == m_tenantId; },
        [timer] {
            if (!timer->isActive())
                timer->start();
        });
}

QFuture<ApiReply> EngineClient::signIn(const QString &username, const QString &password, const QString &tenant)
{
    Json body{{"username", utf8(username)}, {"password", utf8(password)}, {"client", "eryxon-desktop"}};
    if (!tenant.isEmpty())
        body["tenant"] = utf8(tenant);
    return signInWith(ApiRequest{QStringLiteral("POST"), QStringLiteral("/api/v1/auth/login"), QByteArray::fromStdString(body.dump()), {}});
}

QFuture<ApiReply> EngineClient::signInWithPin(const QString &employeeId, const QString &pin)
{
    const Json body{{"employee_id", utf8(employeeId)}, {"pin", utf8(pin)}, {"client", "eryxon-terminal"}};
    return signInWith(ApiRequest{QStringLiteral("POST"), QStringLiteral("/api/v1/auth/pin"), QByteArray::fromStdString(body.dump()),
                                 m_terminalKey.isEmpty() ? QByteArray() : "Bearer " + m_terminalKey.toLatin1()});
}

QFuture<ApiReply> EngineClient::signInWith(ApiRequest request)
{
    return send(std::move(request)).then(this, [this](const ApiReply &reply) {
        noteReach(reply);
        if (reply.ok())
            adoptSession(reply.data().value("session", Json::object()));
        return reply;
    });
}

void EngineClient::noteReach(const ApiReply &reply)
{
    const bool reached = reply.status() != 0;
    if (reached == m_reachable)
        return;
    m_reachable = reached;
    emit reachableChanged(reached);
}

void EngineClient::signOut()
{
    if (m_accessToken.isEmpty())
        return;
    // The hub forgets the session too; nobody waits for its answer.
    (void)send(ApiRequest{QStringLiteral("POST"), QStringLiteral("/api/v1/auth/logout"), {}, "Bearer " + m_accessToken.toLatin1()});
    endSession(false);
}

void EngineClient::adoptSession(const Json &session)
{
    const bool was = isSignedIn();
    m_accessToken = text(session, "access_token");
    m_refreshToken = text(session, "refresh_token");
    m_user = session.value("user", Json::object());
    const Json tenant = session.value("tenant", Json::object());
    m_tenantId = text(tenant, "id");
    m_tenantName = text(tenant, "name");
    // A minute before it runs out, so a slow answer never lets it lapse.
    const qint64 seconds = number(session, "expires_in", 3600);
    m_refreshTimer.start(int(std::max<qint64>(5, seconds - 60) * 1000));
    if (!was)
        emit signedIn();
}

void EngineClient::refresh()
{
    if (m_refreshToken.isEmpty())
        return;
    const Json body{{"refresh_token", utf8(m_refreshToken)}};
    send(ApiRequest{QStringLiteral("POST"), QStringLiteral("/api/v1/auth/refresh"), QByteArray::fromStdString(body.dump()), {}})
        .then(this, [this](const ApiReply &reply) {
            noteReach(reply);
            if (reply.ok())
                adoptSession(reply.data().value("session", Json::object()));
            else if (reply.status() != 0) // unreachable: the next request tells
                endSession(true);
        });
}

void EngineClient::endSession(bool expired)
{
    m_refreshTimer.stop();
    m_accessToken.clear();
    m_refreshToken.clear();
    m_user = Json::object();
    m_tenantId.clear();
    m_tenantName.clear();
    emit signedOut(expired);
}

} // namespace ery::client
