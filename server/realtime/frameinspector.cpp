#include "frameinspector.h"
#include "closecode.h"

#include <QTcpSocket>
#include <QtEndian>

#include <limits>

namespace ery::realtime {

namespace {

// RFC 6455 §5.2: the first header byte holds FIN, RSV1-3 and the opcode; the second the MASK bit
// and the payload length, or a marker that a 16- or 64-bit length follows.
constexpr quint8 kFinBit = 0x80;
constexpr quint8 kReservedBits = 0x70;
constexpr quint8 kOpcodeBits = 0x0F;
constexpr quint8 kMaskBit = 0x80;
constexpr quint8 kLengthBits = 0x7F;
constexpr quint64 kLength16Follows = 126;
constexpr quint64 kLength64Follows = 127;
constexpr quint64 kMaxControlPayload = 125;

// Opcodes: 0x3-0x7 are reserved data frames, 0x8 and up control frames (0xB-0xF reserved).
constexpr quint8 kControlBit = 0x8;
constexpr quint8 kOpPing = 0x9;
constexpr quint8 kOpPong = 0xA;

bool isReservedOpcode(quint8 opcode)
{
    return (opcode >= 0x3 && opcode <= 0x7) || opcode >= 0xB;
}

} // namespace

FrameInspector::FrameInspector(QTcpSocket *socket, qint64 maxFrameBytes) : QObject(socket), m_socket(socket), m_maxFrameBytes(maxFrameBytes)
{
    // QtHttpServer disconnects every signal of the socket once the upgrade is accepted, then hands
    // it to QWebSocketServer, whose handshake runs queued: this runs between the two.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_phase != Phase::Attaching)
                return;
            m_phase = Phase::Handshake;
            connect(m_socket, &QTcpSocket::readyRead, this, &FrameInspector::onReadyRead);
            onReadyRead();
        },
        Qt::QueuedConnection);
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
            const bool fin = h[0] & kFinBit;
            const quint8 opcode = h[0] & kOpcodeBits;
            const bool control = opcode & kControlBit;
            m_length = h[1] & kLengthBits;
            if (!(h[1] & kMaskBit))
                return fail(kCloseProtocolError, QStringLiteral("client frames must be masked (RFC 6455 5.1)"));
            if (h[0] & kReservedBits)
                return fail(kCloseProtocolError, QStringLiteral("reserved bits set (no extension was negotiated)"));
            if (isReservedOpcode(opcode))
                return fail(kCloseProtocolError, QStringLiteral("reserved opcode %1").arg(int(opcode)));
            if (control && (m_length > kMaxControlPayload || !fin))
                return fail(kCloseProtocolError, QStringLiteral("control frames are final and at most 125 bytes"));
            if ((opcode == kOpPing || opcode == kOpPong) && m_hooks.control && !m_hooks.control())
                return stop();
            m_stage = m_length == kLength16Follows ? Stage::Length16 : m_length == kLength64Follows ? Stage::Length64 : Stage::Mask;
            break;
        }
        case Stage::Length16: {
            const uchar *p = take(2);
            if (!p)
                return;
            m_length = qFromBigEndian<quint16>(p);
            if (m_length < kLength16Follows)
                return fail(kCloseProtocolError, QStringLiteral("payload length not in its shortest form"));
            m_stage = Stage::Mask;
            break;
        }
        case Stage::Length64: {
            const uchar *p = take(8);
            if (!p)
                return;
            m_length = qFromBigEndian<quint64>(p);
            if ((m_length >> 63) || m_length <= std::numeric_limits<quint16>::max())
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
