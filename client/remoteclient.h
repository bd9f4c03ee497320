#pragma once

#include "engineclient.h"

#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <list>

class QNetworkAccessManager;
class QSslCertificate;
class QSslError;
class QWebSocket;

namespace ery::client {

// The UI's door to a hub on another machine (`eryxon --connect https://hub:8787`): every request
// goes over HTTP(S) to the hub's REST API, and changes are followed on its realtime WebSocket
// (docs/realtime.md) with the signed-in session's token, so a workstation or terminal needs no
// database credentials and every screen works as it does in-process. A hub whose certificate the
// system does not trust is accepted only when its SHA-256 fingerprint is the one pinned here; an
// answer that never comes ends after a timeout, so a dead Wi-Fi does not hang a screen.
class RemoteClient : public EngineClient {
    Q_OBJECT
public:
    // `hub`: http(s)://HOST:PORT. `certificateSha256`: the pinned fingerprint (hex, colons or
    // spaces allowed), or empty to trust the system's certificates only. An address that is not a
    // hub's (addressProblem) answers every request as unreachable, with the reason.
    explicit RemoteClient(const QString &hub, const QString &certificateSha256 = {}, QObject *parent = nullptr);
    ~RemoteClient() override;

    QString hubLabel() const override;
    QString hubId() const override { return m_hub.toString(); }

    // Why `address` cannot be a hub's address, in words; empty when it can.
    static QString addressProblem(const QString &address);
    // Why `sha256` cannot be a certificate's fingerprint; empty when it can (or is empty).
    static QString fingerprintProblem(const QString &sha256);
    // The 32 bytes of a fingerprint written as hex (colons and spaces allowed); empty if it is not one.
    static QByteArray fingerprintBytes(const QString &sha256);
    // AB:CD:… as browsers and `openssl x509 -fingerprint -sha256` show it.
    static QString fingerprintText(const QByteArray &digest);

    // Inactivity limit of a request without a Transfer (default 15 s); a Transfer's has none.
    void setRequestTimeout(int ms) { m_timeoutMs = ms; }
    // Whether the realtime feed is open and its channels joined.
    bool isFeedConnected() const { return m_feedState == FeedState::Joined; }

    // An answer larger than this is refused (a Transfer's: kMaxTransferAnswerBytes), so a hostile
    // or broken server cannot fill the workstation's memory.
    static constexpr qint64 kMaxAnswerBytes = 64LL * 1024 * 1024;
    static constexpr qint64 kMaxTransferAnswerBytes = 4LL * 1024 * 1024 * 1024;

signals:
    // The realtime feed opened (and joined every binding) or dropped.
    void feedConnectedChanged(bool connected);

protected:
    QFuture<ApiReply> send(ApiRequest request) override;
    void watch(const Binding &binding, QObject *context, std::function<bool(const QString &tenantId)> accepts,
               std::function<void()> notify) override;

private:
    struct Watcher {
        QString key; // of its channel
        QPointer<QObject> context;
        std::function<bool(const QString &)> accepts;
        std::function<void()> notify;
    };
    // One channel per distinct binding, shared by every watcher of it.
    struct Channel {
        QString topic;
        Binding binding;
        int watchers = 0;
    };
    enum class FeedState { Closed, Connecting, Open, Joined };

    // The certificate is the pinned one; false also when nothing is pinned.
    bool isPinned(const QSslCertificate &certificate) const;
    QString untrustedWords(const QSslCertificate &certificate) const;
    QString unreachableWords(const QString &why) const;

    // Opens, re-opens (new session) or closes the feed as the session and the watchers need.
    void syncFeed();
    void openFeed();
    void closeFeed();
    void onFeedConnected();
    void onFeedDisconnected();
    void onFeedText(const QString &text);
    void heartbeat();
    void join(const Channel &channel);
    void sendFrame(const QString &topic, const QString &event, const Json &payload, const QString &ref);
    void removeWatcher(std::list<Watcher>::iterator it);
    void notifyAll();

    QUrl m_hub;
    QString m_origin;  // scheme://host:port of the REST API
    QString m_problem; // why m_hub is not a hub's address, or empty
    QByteArray m_pin;  // SHA-256 of the pinned certificate, or empty
    int m_timeoutMs = 15000;
    QNetworkAccessManager *m_network = nullptr;

    QWebSocket *m_socket = nullptr;
    FeedState m_feedState = FeedState::Closed;
    QString m_feedToken;        // the session token the open socket was opened with
    bool m_everJoined = false;  // after the first join, a new one may have missed changes
    bool m_notifyOnJoin = false;
    int m_backoffMs = 0;
    qint64 m_nextRef = 0;
    QString m_heartbeatRef;     // sent, not answered yet
    QHash<QString, QString> m_pendingJoins; // ref → topic
    QTimer m_heartbeat, m_reconnect, m_tokenCheck;
    std::list<Watcher> m_watchers;
    QHash<QString, Channel> m_channels; // key → channel
    QHash<QString, QString> m_topics;   // topic → key
    int m_nextTopic = 0;
};

} // namespace ery::client
