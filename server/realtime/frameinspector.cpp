#include "frameinspector.h"

#include <QTcpSocket>
#include <QtEndian>

namespace ery::realtime {

namespace {
constexpr int kCloseProtocolError = 1002;
constexpr int kCloseTooBig = 1009;
constexpr quint8 kOpPing = 0x9;
constexpr quint8 kOpPong = 0xA;
} // namespace

FrameInspector::FrameInspector(QTcpSocket *socket, qint64 maxFrameBytes)
    : QObject(socket), m_socket(socket), m_maxFrameBytes(maxFrameBytes)
{
    // QtHttpServer disconnects every signal of the socket once the upgrade is accepted, then hands
    // it to QWebSocketServer, whose handshake runs queued: this runs between the two.
    QMetaObject::invokeMethod(this, [this] {
        if (m_phase != Phase::Attaching)
            return;
        m_phase = Phase::Handshake;
        connect(m_socket, &QTcpSocket::readyRead, this, &FrameInspector::onReadyRead);
        onReadyRead();
    }, Qt::QueuedConnection);
}

bool FrameInspector::start(Hooks hooks)
{
    // Anything buffered now came before the client could have read the handshake's answer.
    if (m_phase != Phase::Handshake || m_early || m_socket->bytesAvailable() > 0) {
        stop();
        return false;
    }
    m_hooks = std::move(hooks);
    m_phase = Phase::Frames;
    m_stage = Stage::Header;
    return true;
}

void FrameInspector::onReadyRead()
{
    if (m_phase == Phase::Handshake) {
        // The upgrade request is still at the buffer's head (QWebSocketServer removes it when it
        // answers, and start() follows at once); bytes past its end were sent too early.
        const QByteArray head = m_socket->peek(m_socket->bytesAvailable());
        const qsizetype end = head.indexOf("\r\n\r\n");
        if (end >= 0 && head.size() > end + 4) {
            m_early = true;
            stop();
        }
        return;
    }
    if (m_phase == Phase::Frames)
        scanFrames();
}

void FrameInspector::scanFrames()
{
    const qint64 avail = m_socket->bytesAvailable();
    QByteArray buf; // peeked once, only when a header part is complete
    qint64 at = 0;
    auto take = [&](qint64 n) -> const uchar * {
        if (avail - at < n)
            return nullptr;
        if (buf.size() < at + n) {
            buf = m_socket->peek(avail);
            if (buf.size() < at + n)
                return nullptr;
        }
        const auto *p = reinterpret_cast<const uchar *>(buf.constData()) + at;
        at += n;
        return p;
    };
    while (m_phase == Phase::Frames) {
        switch (m_stage) {
        case Stage::Header: {
            const uchar *h = take(2);
            if (!h)
                return;
            const bool fin = h[0] & 0x80;
            const quint8 opcode = h[0] & 0x0F;
            const bool control = opcode & 0x8;
            m_length = h[1] & 0x7F;
            if (!(h[1] & 0x80))
                return fail(kCloseProtocolError, QStringLiteral("client frames must be masked (RFC 6455 5.1)"));
            if (h[0] & 0x70)
                return fail(kCloseProtocolError, QStringLiteral("reserved bits set (no extension was negotiated)"));
            if ((opcode >= 0x3 && opcode <= 0x7) || opcode >= 0xB)
                return fail(kCloseProtocolError, QStringLiteral("reserved opcode %1").arg(int(opcode)));
            if (control && (m_length > 125 || !fin))
                return fail(kCloseProtocolError, QStringLiteral("control frames are final and at most 125 bytes"));
            if ((opcode == kOpPing || opcode == kOpPong) && m_hooks.control && !m_hooks.control())
                return stop();
            m_stage = m_length == 126 ? Stage::Length16 : m_length == 127 ? Stage::Length64 : Stage::Mask;
            break;
        }
        case Stage::Length16: {
            const uchar *p = take(2);
            if (!p)
                return;
            m_length = qFromBigEndian<quint16>(p);
            if (m_length < 126)
                return fail(kCloseProtocolError, QStringLiteral("payload length not in its shortest form"));
            m_stage = Stage::Mask;
            break;
        }
        case Stage::Length64: {
            const uchar *p = take(8);
            if (!p)
                return;
            m_length = qFromBigEndian<quint64>(p);
            if ((m_length >> 63) || m_length <= 0xFFFF)
                return fail(kCloseProtocolError, QStringLiteral("payload length not in its shortest form"));
            m_stage = Stage::Mask;
            break;
        }
        case Stage::Mask:
            if (!take(4))
                return;
            m_stage = Stage::Payload;
            break;
        case Stage::Payload:
            if (m_length > quint64(m_maxFrameBytes))
                return fail(kCloseTooBig, QStringLiteral("frame larger than %1 KiB").arg(m_maxFrameBytes / 1024));
            // QWebSocket reads a payload only once it is complete; so does this.
            if (quint64(avail - at) < m_length)
                return;
            at += qint64(m_length);
            m_stage = Stage::Header;
            break;
        }
    }
}

void FrameInspector::detach()
{
    stop();
    m_hooks = {};
}

void FrameInspector::fail(int code, const QString &reason)
{
    stop();
    if (m_hooks.refuse)
        m_hooks.refuse(code, reason);
}

void FrameInspector::stop()
{
    m_phase = Phase::Done;
    disconnect(m_socket, &QTcpSocket::readyRead, this, &FrameInspector::onReadyRead);
}

} // namespace ery::realtime
