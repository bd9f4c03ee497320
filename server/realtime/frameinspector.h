#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QTcpSocket;

namespace ery::realtime {

// Reads a WebSocket client's frame headers as they arrive, before QWebSocket does, for what
// QtWebSockets 6.4 neither checks nor reports: a frame without a mask (RFC 6455 §5.1: the server
// must close with 1002; 6.4 accepts it), and ping and pong frames (6.4 answers pings itself and
// emits nothing), which count against the socket's message rate. The other framing errors 6.4
// would close for are refused here first, so the inspector never reads past a frame 6.4 rejects.
//
// Attached when the upgrade is accepted, its readyRead connection is made on the next turn of the
// event loop: after QtHttpServer has disconnected the socket's signals and before QWebSocketServer
// reads the handshake (queued behind it), so it runs before QWebSocket's own readyRead handler.
// It walks the stream in the same steps as QWebSocketFrame::readFrame (two header bytes, the
// extended length, the mask, then the whole payload, each taken only once all its bytes are
// there), so after every readyRead both stand at the same byte and the buffer begins where the
// inspector's state says. It peeks; it never consumes.
class FrameInspector : public QObject {
    Q_OBJECT
public:
    struct Hooks {
        std::function<bool()> control;                               // a ping or pong; false: stop
        std::function<void(int code, const QString &reason)> refuse; // close the socket with this
    };

    // Child of the socket, so it goes with it.
    FrameInspector(QTcpSocket *socket, qint64 maxFrameBytes);

    // The handshake is answered and the socket upgraded: frames start at the buffer's head. False
    // when they cannot be inspected: the client sent bytes before the handshake was answered (a
    // client must wait for the answer, RFC 6455 §4.1; QWebSocket read them unseen), or the
    // inspector's connection came too late to run first.
    bool start(Hooks hooks);
    // The client is gone: no more calls to the hooks.
    void detach();

private:
    enum class Phase { Attaching, Handshake, Frames, Done };
    enum class Stage { Header, Length16, Length64, Mask, Payload };
    void onReadyRead();
    void scanFrames();
    void fail(int code, const QString &reason);
    void stop();

    QTcpSocket *m_socket;
    qint64 m_maxFrameBytes;
    Hooks m_hooks;
    Phase m_phase = Phase::Attaching;
    Stage m_stage = Stage::Header;
    quint64 m_length = 0;
    bool m_early = false;
};

} // namespace ery::realtime
