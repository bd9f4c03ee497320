#include "remoteclient.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPromise>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSslCertificate>
#include <QSslError>
#include <QWebSocket>

#include <memory>

Q_LOGGING_CATEGORY(lcRemote, "eryxon.remote")

namespace ery::client {

namespace {

constexpr int kHeartbeatMs = 25000;  // the hub closes a socket silent for 60 s
constexpr int kFirstBackoffMs = 500; // then doubled after each failed attempt, up to:
constexpr int kMaxBackoffMs = 30000;
constexpr int kCancelPollMs = 100;

QString bindingKey(const EngineClient::Binding &b)
{
    return b.table + QLatin1Char('\n') + (b.event.isEmpty() ? QStringLiteral("*") : b.event.toUpper()) + QLatin1Char('\n') + b.filter;
}

// An answer the hub did not give but the screens read like one: the envelope of an API error.
ApiReply localError(int status, const char *code, const QString &message)
{
    const Json body{{"success", false}, {"error", {{"code", code}, {"message", message.toStdString()}}}};
    return ApiReply::from(status, "application/json", QByteArray::fromStdString(body.dump()));
}

QString networkWords(QNetworkReply::NetworkError error, const QString &fallback)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return QCoreApplication::translate("ery::client::RemoteClient", "nothing answers at that address (is the hub running?)");
    case QNetworkReply::HostNotFoundError:
        return QCoreApplication::translate("ery::client::RemoteClient", "no computer of that name is found on the network");
    case QNetworkReply::RemoteHostClosedError:
        return QCoreApplication::translate("ery::client::RemoteClient", "it closed the connection before answering");
    case QNetworkReply::TimeoutError:
        return QCoreApplication::translate("ery::client::RemoteClient", "the connection timed out");
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        return QCoreApplication::translate("ery::client::RemoteClient", "this workstation is not on the network");
    default:
        return fallback;
    }
}

} // namespace

RemoteClient::RemoteClient(const QString &hub, const QString &certificateSha256, QObject *parent)
    : EngineClient(parent), m_problem(addressProblem(hub)), m_pin(fingerprintBytes(certificateSha256))
{
    m_hub = QUrl(hub.trimmed());
    if (m_problem.isEmpty()) {
        m_hub.setPort(m_hub.port(m_hub.scheme() == QLatin1String("https") ? 443 : 80));
        m_hub.setPath({});
        m_origin = m_hub.toString(QUrl::FullyEncoded); // an IPv6 host keeps its brackets
    }
    m_network = new QNetworkAccessManager(this);
    m_heartbeat.setInterval(kHeartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &RemoteClient::heartbeat);
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &RemoteClient::syncFeed);
    // A refreshed session has a new token and ends the old one: the feed follows within a second.
    m_tokenCheck.setInterval(1000);
    connect(&m_tokenCheck, &QTimer::timeout, this, [this] {
        if (m_socket && m_feedToken != accessToken())
            syncFeed();
    });
    m_tokenCheck.start();
    connect(this, &EngineClient::signedIn, this, &RemoteClient::syncFeed);
    connect(this, &EngineClient::signedOut, this, &RemoteClient::syncFeed);
}

RemoteClient::~RemoteClient()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

QString RemoteClient::hubLabel() const
{
    if (!m_problem.isEmpty())
        return tr("hub at %1").arg(m_hub.toString());
    return tr("hub at %1:%2").arg(m_hub.host()).arg(m_hub.port());
}

QString RemoteClient::addressProblem(const QString &address)
{
    const QString a = address.trimmed();
    if (a.isEmpty())
        return tr("No hub address is given: write it as http://HOST:PORT or https://HOST:PORT.");
    const QUrl url(a, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return tr("The hub address \"%1\" must start with http:// or https://, as in https://10.0.0.5:8787.").arg(a);
    if (url.host().isEmpty())
        return tr("The hub address \"%1\" names no computer: write it as http://HOST:PORT.").arg(a);
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment() || (!url.path().isEmpty() && url.path() != QLatin1String("/")))
        return tr("The hub address \"%1\" must be only http(s)://HOST:PORT, without a path or a name and password.").arg(a);
    return {};
}

QByteArray RemoteClient::fingerprintBytes(const QString &sha256)
{
    QString hex = sha256;
    hex.remove(QLatin1Char(':')).remove(QLatin1Char(' '));
    if (hex.size() != 64)
        return {};
    for (QChar c : hex)
        if (!c.isDigit() && !(c.toLower() >= QLatin1Char('a') && c.toLower() <= QLatin1Char('f')))
            return {};
    return QByteArray::fromHex(hex.toLatin1());
}

QString RemoteClient::fingerprintProblem(const QString &sha256)
{
    if (sha256.trimmed().isEmpty() || !fingerprintBytes(sha256.trimmed()).isEmpty())
        return {};
    return tr("The certificate fingerprint must be the 64 hexadecimal digits of its SHA-256 (colons allowed), as in AB:CD:12:….");
}

QString RemoteClient::fingerprintText(const QByteArray &digest)
{
    return QString::fromLatin1(digest.toHex(':').toUpper());
}

bool RemoteClient::isPinned(const QSslCertificate &certificate) const
{
    return !m_pin.isEmpty() && !certificate.isNull() && certificate.digest(QCryptographicHash::Sha256) == m_pin;
}

QString RemoteClient::untrustedWords(const QSslCertificate &certificate) const
{
    const QString presented = fingerprintText(certificate.digest(QCryptographicHash::Sha256));
    if (!m_pin.isEmpty())
        return tr("The hub presented certificate SHA-256 %1, which is not the certificate pinned for it (%2). If the hub's certificate "
                  "was replaced, pin the new one in Settings.")
            .arg(presented, fingerprintText(m_pin));
    return tr("The hub presented certificate SHA-256 %1, which this workstation does not trust. If that is your hub's certificate, "
              "pin it in Settings.")
        .arg(presented);
}

QString RemoteClient::unreachableWords(const QString &why) const
{
    return tr("The hub at %1:%2 does not answer: %3").arg(m_hub.host()).arg(m_hub.port()).arg(why);
}

QFuture<ApiReply> RemoteClient::send(ApiRequest request)
{
    auto promise = std::make_shared<QPromise<ApiReply>>();
    QFuture<ApiReply> future = promise->future();
    promise->start();
    if (!m_problem.isEmpty()) {
        promise->addResult(ApiReply::unreachable(m_problem));
        promise->finish();
        return future;
    }

    QNetworkRequest nr(QUrl(m_origin + request.path, QUrl::TolerantMode));
    // A redirect is answered as it is: following one could carry the session to another host.
    nr.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    // The hub speaks HTTP/1.1 (QtHttpServer); asking for HTTP/2 over TLS would only cost a round trip.
    nr.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    nr.setRawHeader("Accept", "application/json");
    nr.setRawHeader("User-Agent", "eryxon-desktop/" + QCoreApplication::applicationVersion().toLatin1());
    if (!request.body.isEmpty())
        nr.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType);
    if (!request.authorization.isEmpty())
        nr.setRawHeader("Authorization", request.authorization);
    if (!request.idempotencyKey.isEmpty())
        nr.setRawHeader("Idempotency-Key", request.idempotencyKey);
    nr.setTransferTimeout(0); // our own inactivity timer below says it in words

    // A file as the body is read as it is sent.
    QFile *bodyFile = nullptr;
    if (!request.bodyFile.isEmpty()) {
        bodyFile = new QFile(request.bodyFile);
        if (!bodyFile->open(QIODevice::ReadOnly)) {
            promise->addResult(localError(400, "BAD_REQUEST", tr("%1 cannot be read: %2").arg(request.bodyFile, bodyFile->errorString())));
            promise->finish();
            delete bodyFile;
            return future;
        }
        nr.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType);
        nr.setHeader(QNetworkRequest::ContentLengthHeader, bodyFile->size());
    }
    QNetworkReply *reply = bodyFile ? m_network->sendCustomRequest(nr, request.method.toUpper().toLatin1(), bodyFile)
                                    : m_network->sendCustomRequest(nr, request.method.toUpper().toLatin1(), request.body);
    if (bodyFile)
        bodyFile->setParent(reply);

    struct State {
        bool timedOut = false, cancelled = false, tooLarge = false;
        QSslCertificate refused; // a certificate neither trusted nor pinned
        std::unique_ptr<QSaveFile> saved; // a download's file, while its bytes arrive
        QString writeError;
    };
    auto state = std::make_shared<State>();
    const QString saveTo = request.saveTo;
    // A download goes to its file as it arrives; a refusal (not 2xx) stays in memory to be read.
    auto keep = [reply, state, saveTo] {
        const int code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (saveTo.isEmpty() || code < 200 || code >= 300 || !state->writeError.isEmpty())
            return;
        if (!state->saved) {
            state->saved = std::make_unique<QSaveFile>(saveTo);
            if (!state->saved->open(QIODevice::WriteOnly)) {
                state->writeError = state->saved->errorString();
                reply->abort();
                return;
            }
        }
        const QByteArray bytes = reply->readAll();
        if (state->saved->write(bytes) != bytes.size()) {
            state->writeError = state->saved->errorString();
            reply->abort();
        }
    };
    if (!saveTo.isEmpty())
        connect(reply, &QNetworkReply::readyRead, reply, keep);
    const std::shared_ptr<Transfer> transfer = request.transfer;
    // A download to a file is not held in memory: it may be as large as a transfer's.
    const qint64 limit = transfer || !saveTo.isEmpty() ? kMaxTransferAnswerBytes : kMaxAnswerBytes;

    // No byte moving for this long: the hub (or the way to it) is gone. A long request (an export)
    // may be worked on for minutes before its first byte: it has its Cancel instead.
    auto *idle = new QTimer(reply);
    idle->setSingleShot(true);
    if (!transfer && m_timeoutMs > 0) {
        idle->setInterval(m_timeoutMs);
        connect(idle, &QTimer::timeout, reply, [reply, state] {
            state->timedOut = true;
            reply->abort();
        });
        idle->start();
    }
    if (transfer) {
        auto *poll = new QTimer(reply);
        poll->setInterval(kCancelPollMs);
        connect(poll, &QTimer::timeout, reply, [reply, state, transfer] {
            if (transfer->isCancelled() && !state->cancelled) {
                state->cancelled = true;
                reply->abort(); // closing the connection stops the hub's work too
            }
        });
        poll->start();
    }
    connect(reply, &QNetworkReply::uploadProgress, reply, [idle, transfer](qint64 sent, qint64 total) {
        if (idle->interval() > 0 && idle->isActive())
            idle->start();
        if (transfer && total > 0)
            transfer->report(sent, total);
    });
    // A file sent is counted in bytes sent; the short answer after it would count as the whole.
    const bool sendsFile = bodyFile != nullptr;
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, idle, transfer, state, limit, sendsFile](qint64 received, qint64 total) {
        if (idle->interval() > 0 && idle->isActive())
            idle->start();
        if (received > limit || total > limit) {
            state->tooLarge = true;
            reply->abort();
            return;
        }
        if (transfer && !sendsFile)
            transfer->report(received, total);
    });
    connect(reply, &QNetworkReply::sslErrors, reply, [this, reply, state](const QList<QSslError> &errors) {
        const QSslCertificate presented = reply->sslConfiguration().peerCertificate();
        if (isPinned(presented)) {
            // The user vouched for exactly this certificate: its issuer and name do not matter.
            reply->ignoreSslErrors(errors);
            return;
        }
        state->refused = presented.isNull() && !errors.isEmpty() ? errors.first().certificate() : presented;
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, promise, state, transfer, saveTo, keep] {
        reply->deleteLater();
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        ApiReply answer;
        const bool saving = !saveTo.isEmpty() && status.toInt() >= 200 && status.toInt() < 300 &&
                            reply->error() == QNetworkReply::NoError && !state->cancelled && !state->timedOut && !state->tooLarge;
        if (saving) {
            keep(); // what is left, and the file itself for an empty one
            if (state->writeError.isEmpty() && !state->saved->commit())
                state->writeError = state->saved->errorString();
        }
        if (!state->writeError.isEmpty()) {
            answer = localError(500, "WRITE_FAILED", tr("%1 cannot be written: %2").arg(saveTo, state->writeError));
        } else if (saving) {
            answer = ApiReply::from(status.toInt(), reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(), {});
        } else if (state->tooLarge) {
            answer = localError(502, "ANSWER_TOO_LARGE",
                                tr("The hub's answer is larger than %1 MB, more than this workstation accepts; nothing was read.")
                                    .arg((transfer ? kMaxTransferAnswerBytes : kMaxAnswerBytes) / (1024 * 1024)));
        } else if (state->cancelled) {
            answer = localError(499, "CANCELLED", tr("Cancelled."));
        } else if (state->timedOut) {
            answer = ApiReply::unreachable(unreachableWords(tr("no answer within %n second(s)", nullptr, std::max(1, m_timeoutMs / 1000))));
        } else if (!state->refused.isNull()) {
            answer = ApiReply::unreachable(untrustedWords(state->refused));
        } else if (status.isValid() && reply->error() != QNetworkReply::OperationCanceledError) {
            const QByteArray body = reply->readAll();
            if (body.size() > (transfer ? kMaxTransferAnswerBytes : kMaxAnswerBytes))
                answer = localError(502, "ANSWER_TOO_LARGE", tr("The hub's answer is larger than this workstation accepts."));
            else
                answer = ApiReply::from(status.toInt(), reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(), body);
        } else if (reply->error() == QNetworkReply::SslHandshakeFailedError) {
            answer = ApiReply::unreachable(tr("The hub at %1:%2 refused a secure connection: %3")
                                               .arg(m_hub.host())
                                               .arg(m_hub.port())
                                               .arg(reply->errorString()));
        } else {
            answer = ApiReply::unreachable(unreachableWords(networkWords(reply->error(), reply->errorString())));
        }
        // The hub answers again: a feed waiting for its next attempt need not wait any longer.
        if (answer.status() != 0 && m_feedState == FeedState::Closed && m_reconnect.isActive()) {
            m_reconnect.stop();
            QMetaObject::invokeMethod(this, &RemoteClient::syncFeed, Qt::QueuedConnection);
        }
        promise->addResult(answer);
        promise->finish();
    });
    return future;
}

void RemoteClient::watch(const Binding &binding, QObject *context, std::function<bool(const QString &)> accepts,
                         std::function<void()> notify)
{
    if (!context)
        return;
    const QString key = bindingKey(binding);
    auto ch = m_channels.find(key);
    if (ch == m_channels.end()) {
        Channel c;
        c.topic = QStringLiteral("realtime:eryxon-desktop-%1").arg(++m_nextTopic);
        c.binding = binding;
        ch = m_channels.insert(key, c);
        m_topics.insert(c.topic, key);
        if (m_feedState == FeedState::Open || m_feedState == FeedState::Joined)
            join(*ch);
    }
    ++ch->watchers;
    m_watchers.push_back(Watcher{key, context, std::move(accepts), std::move(notify)});
    const auto it = std::prev(m_watchers.end());
    // A watcher ends with its context (a screen closed).
    connect(context, &QObject::destroyed, this, [this, it] { removeWatcher(it); });
    syncFeed();
}

void RemoteClient::removeWatcher(std::list<Watcher>::iterator it)
{
    const QString key = it->key;
    m_watchers.erase(it);
    auto ch = m_channels.find(key);
    if (ch == m_channels.end() || --ch->watchers > 0)
        return;
    if (m_socket && (m_feedState == FeedState::Open || m_feedState == FeedState::Joined))
        sendFrame(ch->topic, QStringLiteral("phx_leave"), Json::object(), QString::number(++m_nextRef));
    m_topics.remove(ch->topic);
    m_channels.erase(ch);
    if (m_watchers.empty())
        syncFeed();
}

void RemoteClient::syncFeed()
{
    const bool wanted = m_problem.isEmpty() && !accessToken().isEmpty() && !m_watchers.empty();
    if (!wanted) {
        m_reconnect.stop();
        m_backoffMs = 0;
        closeFeed();
        return;
    }
    if (m_socket && m_feedToken != accessToken()) {
        // Another session (a refresh or another user): the socket belongs to the old one.
        closeFeed();
    }
    if (!m_socket && !m_reconnect.isActive())
        openFeed();
}

void RemoteClient::openFeed()
{
    m_feedToken = accessToken();
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingMessageSize(kMaxAnswerBytes);
    QWebSocket *socket = m_socket;
    connect(m_socket, &QWebSocket::connected, this, &RemoteClient::onFeedConnected);
    // A refused connection ends in the unconnected state without ever having been connected;
    // QWebSocket may or may not say `disconnected` for it, so both lead to the same place once.
    const auto ended = [this, socket] {
        if (socket == m_socket)
            onFeedDisconnected();
    };
    connect(m_socket, &QWebSocket::disconnected, this, ended);
    connect(m_socket, &QWebSocket::stateChanged, this, [ended](QAbstractSocket::SocketState s) {
        if (s == QAbstractSocket::UnconnectedState)
            ended();
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this, &RemoteClient::onFeedText);
    // A hub that takes the connection but never answers the upgrade is given up on like a dead one.
    QTimer::singleShot(m_timeoutMs > 0 ? m_timeoutMs : 15000, socket, [this, socket] {
        if (socket == m_socket && m_feedState == FeedState::Connecting)
            socket->abort();
    });
    connect(m_socket, &QWebSocket::sslErrors, this, [this, socket](const QList<QSslError> &errors) {
        const QSslCertificate presented = socket->sslConfiguration().peerCertificate();
        if (isPinned(presented) || (!errors.isEmpty() && isPinned(errors.first().certificate())))
            socket->ignoreSslErrors();
        else
            qCWarning(lcRemote).noquote() << untrustedWords(presented.isNull() && !errors.isEmpty() ? errors.first().certificate() : presented);
    });
    QUrl url(m_origin + QStringLiteral("/realtime/v1/websocket"));
    url.setScheme(m_hub.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setQuery(QStringLiteral("apikey=%1&vsn=1.0.0").arg(QString::fromLatin1(QUrl::toPercentEncoding(m_feedToken))));
    m_feedState = FeedState::Connecting;
    m_socket->open(url);
}

void RemoteClient::closeFeed()
{
    m_heartbeat.stop();
    m_pendingJoins.clear();
    m_heartbeatRef.clear();
    if (!m_socket)
        return;
    const bool was = m_feedState == FeedState::Joined;
    // Whatever changes while it is closed (signed out, a new session on its way) is not seen.
    m_notifyOnJoin = m_everJoined;
    QWebSocket *socket = m_socket;
    m_socket = nullptr;
    m_feedState = FeedState::Closed;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
    if (was)
        emit feedConnectedChanged(false);
}

void RemoteClient::onFeedConnected()
{
    m_feedState = FeedState::Open;
    m_heartbeatRef.clear();
    m_heartbeat.start();
    m_pendingJoins.clear();
    for (const Channel &c : std::as_const(m_channels))
        join(c);
    if (m_pendingJoins.isEmpty()) {
        m_feedState = FeedState::Joined;
        m_backoffMs = 0;
        emit feedConnectedChanged(true);
    }
}

void RemoteClient::onFeedDisconnected()
{
    const bool was = m_feedState == FeedState::Joined;
    if (m_socket) {
        qCInfo(lcRemote).noquote() << "realtime feed closed:" << m_socket->closeCode() << m_socket->closeReason() << m_socket->errorString();
        m_socket->disconnect(this);
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_feedState = FeedState::Closed;
    m_heartbeat.stop();
    m_pendingJoins.clear();
    // Whatever changed while the socket was down was not seen: every screen reads again once it is back.
    m_notifyOnJoin = m_everJoined;
    if (was)
        emit feedConnectedChanged(false);
    // Next attempt after a growing pause (with some spread, so many terminals do not return at once).
    m_backoffMs = m_backoffMs == 0 ? kFirstBackoffMs : std::min(kMaxBackoffMs, m_backoffMs * 2);
    const int spread = QRandomGenerator::global()->bounded(m_backoffMs / 5 + 1);
    m_reconnect.start(m_backoffMs + spread);
}

void RemoteClient::join(const Channel &channel)
{
    // The feed carries these tables only (docs/realtime.md). Every change to a record of another
    // table (keys, webhooks, operators, settings) writes an activity_log row, so that is followed
    // instead: a screen may read again once too often, never once too few.
    static const QStringList feedTables{QStringLiteral("jobs"),         QStringLiteral("parts"),         QStringLiteral("operations"),
                                        QStringLiteral("cells"),        QStringLiteral("time_entries"),  QStringLiteral("issues"),
                                        QStringLiteral("substeps"),     QStringLiteral("notifications"), QStringLiteral("assignments"),
                                        QStringLiteral("activity_log"), QStringLiteral("operation_quantities")};
    const Binding &b = channel.binding;
    const bool all = b.table.isEmpty() || b.table == QLatin1String("*");
    const bool inFeed = all || feedTables.contains(b.table);
    Json change{{"event", (b.event.isEmpty() || !inFeed ? QStringLiteral("*") : b.event.toUpper()).toStdString()}, {"schema", "public"}};
    if (!all)
        change["table"] = (inFeed ? b.table : QStringLiteral("activity_log")).toStdString();
    if (!b.filter.isEmpty() && inFeed)
        change["filter"] = b.filter.toStdString();
    const Json payload{{"config", {{"postgres_changes", Json::array({change})}}}};
    const QString ref = QString::number(++m_nextRef);
    m_pendingJoins.insert(ref, channel.topic);
    sendFrame(channel.topic, QStringLiteral("phx_join"), payload, ref);
}

void RemoteClient::sendFrame(const QString &topic, const QString &event, const Json &payload, const QString &ref)
{
    if (!m_socket)
        return;
    const Json m{{"topic", topic.toStdString()}, {"event", event.toStdString()}, {"payload", payload}, {"ref", ref.toStdString()},
                 {"join_ref", event == QLatin1String("phx_join") ? Json(ref.toStdString()) : Json(nullptr)}};
    m_socket->sendTextMessage(QString::fromStdString(m.dump()));
}

void RemoteClient::heartbeat()
{
    if (!m_socket)
        return;
    if (!m_heartbeatRef.isEmpty()) {
        // The last one was not answered in a whole interval: the connection is dead without a word
        // (a Wi-Fi gone, a hub powered off). Closing it starts the reconnect.
        qCInfo(lcRemote) << "realtime feed: no answer to the heartbeat, reconnecting";
        QWebSocket *socket = m_socket;
        socket->abort();
        if (m_socket == socket)
            onFeedDisconnected();
        return;
    }
    m_heartbeatRef = QString::number(++m_nextRef);
    sendFrame(QStringLiteral("phoenix"), QStringLiteral("heartbeat"), Json::object(), m_heartbeatRef);
}

void RemoteClient::onFeedText(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    const Json m = Json::parse(utf8.constData(), utf8.constData() + utf8.size(), nullptr, false);
    if (!m.is_object())
        return;
    // A hub's message, but read as any input: a field of the wrong type is ignored, never trusted.
    const auto field = [&m](const char *name) {
        const auto it = m.find(name);
        return it != m.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
    };
    const QString topic = field("topic");
    const QString event = field("event");
    const QString refText = field("ref");

    if (event == QLatin1String("phx_reply")) {
        const Json &payload = m.contains("payload") ? m["payload"] : Json();
        const bool ok = payload.is_object() && payload.contains("status") && payload["status"] == "ok";
        if (!refText.isEmpty() && refText == m_heartbeatRef) {
            m_heartbeatRef.clear();
            return;
        }
        const auto pending = m_pendingJoins.find(refText);
        if (pending == m_pendingJoins.end())
            return;
        m_pendingJoins.erase(pending);
        if (!ok)
            qCWarning(lcRemote).noquote() << "realtime feed refused" << topic << QString::fromStdString(payload.dump());
        if (m_pendingJoins.isEmpty() && m_feedState == FeedState::Open) {
            m_feedState = FeedState::Joined;
            m_backoffMs = 0;
            const bool notify = m_notifyOnJoin;
            m_notifyOnJoin = false;
            m_everJoined = true;
            emit feedConnectedChanged(true);
            if (notify)
                notifyAll();
        }
        return;
    }
    if (event == QLatin1String("phx_error") || (event == QLatin1String("phx_close") && m_topics.contains(topic))) {
        // The hub dropped a channel we still want (a session no longer valid for it): start over.
        if (m_socket)
            m_socket->close();
        return;
    }
    if (event != QLatin1String("postgres_changes"))
        return;
    const auto key = m_topics.constFind(topic);
    if (key == m_topics.constEnd())
        return;
    const QString tenant = tenantId();
    for (Watcher &w : m_watchers) {
        if (w.key != *key || !w.context || !w.accepts(tenant))
            continue;
        QMetaObject::invokeMethod(w.context, [notify = w.notify] { notify(); });
    }
}

void RemoteClient::notifyAll()
{
    const QString tenant = tenantId();
    for (Watcher &w : m_watchers)
        if (w.context && w.accepts(tenant))
            QMetaObject::invokeMethod(w.context, [notify = w.notify] { notify(); });
}

} // namespace ery::client
