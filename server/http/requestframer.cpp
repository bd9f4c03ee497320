#include "requestframer.h"

#include <QList>

namespace ery::http {

namespace {

bool isSpace(char c)
{
    return c == '\v' || c == '\n' || c == '\r' || c == ' ' || c == '\t';
}

// The request-line checks QtHttpServer 6.4 makes (parseRequestLine): a request it would reject
// is refused here, because on its parse error 6.4 only disconnects its signals and leaves the
// socket open.
bool validRequestLine(const QByteArray &line, qsizetype *targetSize)
{
    qsizetype i = line.indexOf(' ');
    if (i <= 0)
        return false;
    ++i;
    while (i < line.size() && line[i] == ' ')
        ++i;
    const qsizetype j = line.indexOf(' ', i);
    if (j == -1)
        return false;
    *targetSize = j - i;
    qsizetype k = j + 1;
    while (k < line.size() && line[k] == ' ')
        ++k;
    if (k >= line.size())
        return false;
    const qsizetype e = line.indexOf(' ', k);
    const QByteArray protocol = e == -1 ? line.mid(k) : line.mid(k, e - k);
    return protocol.size() == 8 && protocol.startsWith("HTTP/1.") && (protocol[7] == '0' || protocol[7] == '1');
}

// Whether a comma-separated header value holds `token` (case-insensitive): `keep-alive, Close`
// holds "close".
bool hasToken(const QByteArray &value, const char *token)
{
    for (const QByteArray &part : value.split(','))
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

} // namespace

RequestFramer::Step RequestFramer::refuse(int status, const char *code, QString message, const char *reason)
{
    m_state = State::Refused;
    m_refusal = {status, code, std::move(message), reason};
    return Step::Refused;
}

RequestFramer::Step RequestFramer::feed(const char *data, qint64 n, qint64 *used)
{
    qint64 i = 0;
    auto done = [&](Step s) {
        *used = i;
        return s;
    };
    while (true) {
        switch (m_state) {
        case State::Refused: return done(Step::Refused);
        case State::Upgraded: return done(Step::Upgrade);
        case State::HeadEnded:
            // A request without a body is complete as soon as its head is.
            m_bodyBytes = 0;
            if (m_websocket) {
                m_state = State::Upgraded;
            } else if (m_chunked) {
                m_decoded = 0;
                m_line.clear();
                m_lineBytes = 0;
                m_state = State::ChunkSize;
                continue;
            } else if (m_contentLength > 0) {
                m_bodyLeft = m_contentLength;
                m_state = State::Body;
                continue;
            } else {
                m_state = State::RequestLine;
            }
            return done(Step::Complete);
        case State::Body: {
            if (i >= n)
                return done(Step::NeedMore);
            const qint64 take = qMin(m_bodyLeft, n - i);
            if (m_bodySink)
                m_bodySink(data + i, take);
            i += take;
            m_bodyLeft -= take;
            m_bodyBytes += take;
            if (m_bodyLeft > 0)
                return done(Step::NeedMore);
            m_state = State::RequestLine;
            return done(Step::Complete);
        }
        case State::ChunkSize: {
            if (i >= n)
                return done(Step::NeedMore);
            const char c = data[i++];
            ++m_bodyBytes;
            if (c != '\n') {
                if (++m_lineBytes > kMaxChunkSizeLine)
                    return done(refuse(400, "BAD_REQUEST",
                                       QStringLiteral("A chunk-size line is longer than %1 bytes").arg(kMaxChunkSizeLine), "bad_chunk"));
                m_line.append(c);
                continue;
            }
            if (const Step s = chunkSizeLineEnded(); s != Step::NeedMore)
                return done(s);
            continue;
        }
        case State::ChunkData: {
            if (i >= n)
                return done(Step::NeedMore);
            const qint64 take = qMin(m_chunkLeft, n - i);
            if (m_bodySink)
                m_bodySink(data + i, take);
            i += take;
            m_chunkLeft -= take;
            m_bodyBytes += take;
            if (m_chunkLeft == 0) {
                m_chunkCr = false;
                m_state = State::ChunkDataEnd;
            }
            continue;
        }
        case State::ChunkDataEnd: {
            if (i >= n)
                return done(Step::NeedMore);
            const char c = data[i++];
            ++m_bodyBytes;
            if (c != (m_chunkCr ? '\n' : '\r'))
                return done(refuse(400, "BAD_REQUEST", QStringLiteral("A chunk's data must end with CRLF"), "bad_chunk"));
            if (!m_chunkCr) {
                m_chunkCr = true;
                continue;
            }
            m_line.clear();
            m_lineBytes = 0;
            m_state = State::ChunkSize;
            continue;
        }
        case State::Trailers: {
            if (i >= n)
                return done(Step::NeedMore);
            const char c = data[i++];
            ++m_bodyBytes;
            if (++m_headerBytes > kMaxTrailerBytes)
                return done(refuse(431, "HEADERS_TOO_LARGE", QStringLiteral("The trailers are larger than %1 bytes").arg(kMaxTrailerBytes),
                                   "headers_too_large"));
            if (c != '\n') {
                m_line.append(c);
                continue;
            }
            if (const Step s = trailerLineEnded(); s != Step::NeedMore)
                return done(s);
            continue;
        }
        case State::RequestLine: {
            if (i >= n)
                return done(Step::NeedMore);
            const char c = data[i++];
            if (m_lineBytes == 0 && isSpace(c))
                continue; // QtHttpServer skips whitespace between requests too
            if (c != '\n') {
                if (++m_lineBytes > m_limits.maxUrlBytes + 64)
                    return done(refuse(414, "URI_TOO_LONG",
                                       QStringLiteral("The request line is longer than %1 bytes").arg(m_limits.maxUrlBytes),
                                       "uri_too_long"));
                m_line.append(c);
                continue;
            }
            if (const Step s = requestLineEnded(); s != Step::NeedMore)
                return done(s);
            continue;
        }
        case State::Headers: {
            if (i >= n)
                return done(Step::NeedMore);
            const char c = data[i++];
            if (++m_headerBytes > m_limits.maxHeaderBytes)
                return done(refuse(431, "HEADERS_TOO_LARGE",
                                   QStringLiteral("The headers are larger than %1 bytes").arg(m_limits.maxHeaderBytes),
                                   "headers_too_large"));
            if (c != '\n') {
                m_line.append(c);
                continue;
            }
            if (const Step s = headerLineEnded(); s != Step::NeedMore)
                return done(s);
            continue;
        }
        }
    }
}

RequestFramer::Step RequestFramer::requestLineEnded()
{
    if (m_line.endsWith('\r'))
        m_line.chop(1);
    qsizetype target = 0;
    if (!validRequestLine(m_line, &target))
        return refuse(400, "BAD_REQUEST", QStringLiteral("Malformed request line"), "bad_request_line");
    if (target > m_limits.maxUrlBytes)
        return refuse(414, "URI_TOO_LONG", QStringLiteral("The URL is longer than %1 bytes").arg(m_limits.maxUrlBytes), "uri_too_long");
    // http_parser reads everything after a CONNECT head as a tunnel, not as HTTP.
    if (m_line.startsWith("CONNECT "))
        return refuse(405, "METHOD_NOT_ALLOWED", QStringLiteral("CONNECT is not supported"), "connect");
    m_bodyAdvice.clear();
    qsizetype from = m_line.indexOf(' ');
    while (m_line.at(from) == ' ')
        ++from;
    for (const auto &[prefix, advice] : m_limits.bodyAdvice)
        if (QByteArrayView(m_line).sliced(from).startsWith(prefix))
            m_bodyAdvice = advice;
    m_streamed = false;
    m_headers.clear();
    if (m_limits.streamed) {
        const qsizetype end = m_line.indexOf(' ', from);
        m_method = m_line.left(m_line.indexOf(' '));
        m_target = m_line.mid(from, end - from);
        m_streamed = m_limits.streamed(m_method, m_target);
    }
    m_http10 = m_line.endsWith("HTTP/1.0");
    m_close = m_http10;
    m_line.clear();
    m_lineBytes = 0;
    m_headerBytes = 0;
    m_headerFields = 0;
    m_contentLength = -1;
    m_chunked = false;
    m_trailers = false;
    m_transferEncoding.clear();
    m_connectionUpgrade = false;
    m_upgradeHeaders = 0;
    m_upgradeWebsocket = false;
    m_websocket = false;
    m_state = State::Headers;
    return Step::NeedMore;
}

RequestFramer::Step RequestFramer::headerLineEnded()
{
    if (m_line.endsWith('\r'))
        m_line.chop(1);
    if (m_line.isEmpty())
        return headEnded();
    if (++m_headerFields > m_limits.maxHeaderFields)
        return refuse(431, "HEADERS_TOO_LARGE", QStringLiteral("More than %1 header fields").arg(m_limits.maxHeaderFields),
                      "too_many_headers");
    const qsizetype colon = m_line.indexOf(':');
    if (colon <= 0)
        return refuse(400, "BAD_REQUEST", QStringLiteral("Malformed header line"), "bad_header");
    const QByteArray name = m_line.left(colon).trimmed().toLower();
    const QByteArray value = m_line.mid(colon + 1).trimmed();
    m_line.clear();
    if (m_streamed)
        m_headers.emplace_back(name, value);
    if (name == "content-length") {
        bool ok = !value.isEmpty();
        for (char d : value)
            ok = ok && d >= '0' && d <= '9';
        const qint64 len = ok && value.size() <= 18 ? value.toLongLong(&ok) : -1;
        if (!ok || len < 0 || (m_contentLength >= 0 && m_contentLength != len))
            return refuse(400, "BAD_REQUEST", QStringLiteral("Invalid Content-Length"), "bad_content_length");
        if (len > bodyLimit())
            return bodyTooLarge();
        m_contentLength = len;
    } else if (name == "transfer-encoding") {
        m_chunked = true;
        if (!m_transferEncoding.isEmpty())
            m_transferEncoding += ',';
        m_transferEncoding += value;
    } else if (name == "connection") {
        // http_parser takes `upgraded` for `upgrade` too (it matches a prefix): anything that
        // mentions it counts, so this never says "HTTP" where QtHttpServer hands the socket over.
        m_connectionUpgrade = m_connectionUpgrade || value.toLower().contains("upgrade");
        if (hasToken(value, "close"))
            m_close = true;
        else if (hasToken(value, "keep-alive"))
            m_close = false;
    } else if (name == "upgrade") {
        ++m_upgradeHeaders;
        // QtHttpServer compares the whole value (QHttpServerRequest::value) with "websocket".
        m_upgradeWebsocket = value.compare("websocket", Qt::CaseInsensitive) == 0;
    }
    return Step::NeedMore;
}

RequestFramer::Step RequestFramer::headEnded()
{
    if (m_chunked) {
        // Both framings at once is how requests are smuggled past a proxy: refused, not guessed.
        if (m_contentLength >= 0)
            return refuse(400, "BAD_REQUEST", QStringLiteral("Content-Length and Transfer-Encoding together"), "bad_transfer_encoding");
        if (m_transferEncoding.trimmed().compare("chunked", Qt::CaseInsensitive) != 0)
            return refuse(400, "BAD_REQUEST", QStringLiteral("Transfer-Encoding must be chunked (no other coding is supported)"),
                          "bad_transfer_encoding");
    }
    // http_parser (under QtHttpServer) treats a request as an upgrade when it has an Upgrade header
    // and a `Connection: upgrade` token; QtHttpServer hands it to the WebSocket handshake only when
    // the Upgrade value is exactly "websocket", and answers any other as plain HTTP. Only the
    // former stops the framing here; which of two Upgrade headers Qt would read is not defined, so
    // two are refused.
    if (m_upgradeHeaders > 1)
        return refuse(400, "BAD_REQUEST", QStringLiteral("More than one Upgrade header"), "bad_upgrade");
    if (m_upgradeHeaders == 1 && m_connectionUpgrade && m_upgradeWebsocket) {
        if (m_contentLength > 0 || m_chunked)
            return refuse(400, "BAD_REQUEST", QStringLiteral("A WebSocket upgrade request has no body"), "bad_upgrade");
        m_websocket = true;
    }
    m_state = State::HeadEnded;
    return Step::Head;
}

RequestFramer::Step RequestFramer::bodyTooLarge()
{
    QString message = QStringLiteral("The body is larger than %1 bytes (%2 MiB)").arg(bodyLimit()).arg(bodyLimit() >> 20);
    if (!m_bodyAdvice.isEmpty())
        message += QStringLiteral(": ") + m_bodyAdvice;
    return refuse(413, "PAYLOAD_TOO_LARGE", message, "payload_too_large");
}

RequestFramer::Step RequestFramer::chunkSizeLineEnded()
{
    // `<hex size>[;extension]CRLF`, strictly: anything looser could be read differently by the
    // parser behind us.
    if (!m_line.endsWith('\r'))
        return refuse(400, "BAD_REQUEST", QStringLiteral("A chunk-size line must end with CRLF"), "bad_chunk");
    m_line.chop(1);
    const qsizetype semi = m_line.indexOf(';');
    const QByteArray digits = semi < 0 ? m_line : m_line.left(semi);
    bool ok = !digits.isEmpty() && digits.size() <= 15;
    for (char d : digits)
        ok = ok && ((d >= '0' && d <= '9') || (d >= 'a' && d <= 'f') || (d >= 'A' && d <= 'F'));
    const qint64 size = ok ? digits.toLongLong(&ok, 16) : -1;
    if (!ok || size < 0)
        return refuse(400, "BAD_REQUEST", QStringLiteral("Malformed chunk size"), "bad_chunk");
    if (m_decoded + size > bodyLimit())
        return bodyTooLarge();
    m_line.clear();
    m_lineBytes = 0;
    if (size == 0) {
        m_headerBytes = 0;
        m_headerFields = 0;
        m_state = State::Trailers;
        return Step::NeedMore;
    }
    m_decoded += size;
    m_chunkLeft = size;
    m_state = State::ChunkData;
    return Step::Chunk;
}

RequestFramer::Step RequestFramer::trailerLineEnded()
{
    if (m_line.endsWith('\r'))
        m_line.chop(1);
    if (m_line.isEmpty()) {
        m_state = State::RequestLine;
        return Step::Complete;
    }
    if (++m_headerFields > kMaxTrailerFields)
        return refuse(431, "HEADERS_TOO_LARGE", QStringLiteral("More than %1 trailer fields").arg(kMaxTrailerFields), "too_many_headers");
    if (m_line.indexOf(':') <= 0)
        return refuse(400, "BAD_REQUEST", QStringLiteral("Malformed trailer line"), "bad_chunk");
    m_trailers = true;
    m_line.clear();
    return Step::NeedMore;
}

} // namespace ery::http
