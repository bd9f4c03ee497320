#pragma once

#include <QByteArray>
#include <QString>

#include <functional>
#include <utility>
#include <vector>

namespace ery::http {

// Frames a stream of HTTP/1.x requests (Content-Length and chunked bodies) as QtHttpServer 6.4 will
// parse it, without consuming anything: where each request head ends, how long its body is, whether
// it asks to close or to become a WebSocket, and whether it breaks a limit. Pure (no socket, no clock), so the connection
// guard and the fuzz harness drive the same code.
class RequestFramer {
public:
    struct Limits {
        int maxUrlBytes = 64 * 1024;
        int maxHeaderBytes = 64 * 1024;
        int maxHeaderFields = 128;
        qint64 maxBodyBytes = 32ll * 1024 * 1024;
        // What a 413 tells a request whose path starts with the first of a pair to do instead.
        std::vector<std::pair<QByteArray, QString>> bodyAdvice;
        // Requests (by method and target) whose body goes to a file as it arrives instead of into
        // memory (file uploads); their limit is maxStreamedBodyBytes, and their head is kept
        // (requestMethod(), requestTarget(), headers()).
        std::function<bool(QByteArrayView method, QByteArrayView target)> streamed;
        qint64 maxStreamedBodyBytes = 0;
    };
    struct Refusal {
        int status = 0;
        const char *code = "";
        QString message;
        const char *reason = ""; // the metrics label
    };
    enum class Step {
        NeedMore, // every byte given was taken; the request goes on
        Head,     // a request head ended; see contentLength(), chunked(), websocketUpgrade(), closeAfter()
        Chunk,    // a chunked body announced its next chunk; see chunkSize()
        Complete, // a request ended (its head, or its body); the next one may follow
        Upgrade,  // the stream after a WebSocket upgrade request is not HTTP: nothing more is taken
        Refused,  // a limit or the syntax was broken; see refusal()
    };

    explicit RequestFramer(const Limits &limits) : m_limits(limits) { }

    // Takes bytes from data[0..n) until a step worth telling; *used says how many it took.
    Step feed(const char *data, qint64 n, qint64 *used);

    // Of the request whose head ended last.
    qint64 contentLength() const { return m_contentLength; } // -1: none (or chunked)
    bool chunked() const { return m_chunked; }
    bool trailers() const { return m_trailers; } // the chunked body ended with trailer fields
    qint64 chunkSize() const { return m_chunkLeft; }
    bool closeAfter() const { return m_close; }
    bool websocketUpgrade() const { return m_websocket; }
    // Of a streamed request (Limits::streamed): its request line and header fields (names lower-case).
    bool streamed() const { return m_streamed; }
    const QByteArray &requestMethod() const { return m_method; }
    const QByteArray &requestTarget() const { return m_target; }
    const std::vector<std::pair<QByteArray, QByteArray>> &headers() const { return m_headers; }
    // Called with every byte of body data as it is taken (chunk framing removed); set by the
    // connection guard while it writes a streamed body to a file.
    void setBodySink(std::function<void(const char *data, qint64 n)> sink) { m_bodySink = std::move(sink); }

    // A request line or header has begun and the head has not ended: a slow sender's deadline runs.
    bool inHead() const { return m_state == State::Headers || (m_state == State::RequestLine && m_lineBytes > 0); }
    bool inBody() const
    {
        return m_state == State::Body || m_state == State::ChunkSize || m_state == State::ChunkData || m_state == State::ChunkDataEnd ||
               m_state == State::Trailers;
    }
    // Bytes of the body on the wire so far (chunk framing included), for the transfer-rate floor.
    qint64 bodyReceived() const { return m_bodyBytes; }
    const Refusal &refusal() const { return m_refusal; }

private:
    // Chunked bodies (RFC 9112 §7.1): size lines, data, the CRLF after it, trailers.
    static constexpr int kMaxChunkSizeLine = 1024;
    static constexpr int kMaxTrailerBytes = 8 * 1024;
    static constexpr int kMaxTrailerFields = 32;
    enum class State { RequestLine, Headers, Body, HeadEnded, ChunkSize, ChunkData, ChunkDataEnd, Trailers, Upgraded, Refused };
    Step refuse(int status, const char *code, QString message, const char *reason);
    Step requestLineEnded();
    Step headerLineEnded();
    Step headEnded();
    Step chunkSizeLineEnded();
    Step bodyTooLarge();
    qint64 bodyLimit() const { return m_streamed ? m_limits.maxStreamedBodyBytes : m_limits.maxBodyBytes; }
    Step trailerLineEnded();

    Limits m_limits;
    State m_state = State::RequestLine;
    QByteArray m_line; // the current request or header line (bounded by the limits)
    qint64 m_lineBytes = 0;
    qint64 m_headerBytes = 0;
    int m_headerFields = 0;
    qint64 m_contentLength = -1;
    qint64 m_bodyLeft = 0;
    qint64 m_bodyBytes = 0;
    qint64 m_decoded = 0; // of a chunked body
    qint64 m_chunkLeft = 0;
    bool m_chunkCr = false; // the CR after a chunk's data was seen
    bool m_chunked = false;
    bool m_trailers = false;
    QByteArray m_transferEncoding;
    QString m_bodyAdvice; // of the request whose head is being read
    bool m_close = false;
    bool m_http10 = false;
    bool m_connectionUpgrade = false; // a `Connection: ..., upgrade, ...` token
    int m_upgradeHeaders = 0;
    bool m_upgradeWebsocket = false; // `Upgrade: websocket`, compared as QtHttpServer does
    bool m_websocket = false;
    bool m_streamed = false;
    QByteArray m_method, m_target;
    std::vector<std::pair<QByteArray, QByteArray>> m_headers;
    std::function<void(const char *, qint64)> m_bodySink;
    Refusal m_refusal;
};

} // namespace ery::http
