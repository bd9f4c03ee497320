#include "mcpstdio.h"

#include "core/jsonutil.h"
#include "mcpserver.h"
#include "services/mcpkeyservice.h"

#include <QSocketNotifier>

#include <unistd.h>

using namespace ery::services;

namespace ery::mcp {

namespace {
constexpr int kParseError = -32700;
constexpr int kUnauthorized = -32001;
} // namespace

McpStdio::McpStdio(McpServer &server, QString presentedKey, std::FILE *in, std::FILE *out, QObject *parent)
    : QObject(parent), m_server(server), m_key(std::move(presentedKey)), m_in(in), m_out(out)
{
    connect(&m_server, &McpServer::notify, this, [this](const QString &sessionId, const QByteArray &message) {
        if (sessionId == m_sessionId)
            write(message);
    });
}

McpStdio::~McpStdio()
{
    if (!m_sessionId.isEmpty())
        m_server.close(m_sessionId);
}

bool McpStdio::start(QString *why)
{
    auto who = m_server.authenticate(m_key);
    if (!who) {
        *why = who.error().message;
        return false;
    }
    auto session = m_server.open(*who, McpKeyService::hashOf(m_key));
    if (!session) {
        *why = session.error().message;
        return false;
    }
    m_sessionId = (*session)->id;
    m_notifier = new QSocketNotifier(::fileno(m_in), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &McpStdio::readAvailable);
    return true;
}

void McpStdio::readAvailable()
{
    char buf[65536];
    const ssize_t n = ::read(::fileno(m_in), buf, sizeof buf);
    if (n <= 0) {
        m_notifier->setEnabled(false);
        if (!m_buffer.trimmed().isEmpty() && !m_discarding)
            handleLine(m_buffer);
        m_buffer.clear();
        emit finished();
        return;
    }
    m_buffer.append(buf, n);
    qsizetype start = 0;
    while (true) {
        const qsizetype nl = m_buffer.indexOf('\n', start);
        if (nl < 0)
            break;
        const QByteArray line = m_buffer.mid(start, nl - start);
        start = nl + 1;
        if (m_discarding) {
            m_discarding = false;
            continue;
        }
        if (!line.trimmed().isEmpty())
            handleLine(line);
    }
    m_buffer.remove(0, start);
    if (m_buffer.size() > kMaxLineBytes) {
        // One message larger than any tool takes: answered once, the rest of it skipped.
        write(QByteArray::fromStdString(
            jsonText(McpServer::error(nullptr, kParseError, QStringLiteral("message longer than %1 bytes").arg(kMaxLineBytes)))));
        m_buffer.clear();
        m_discarding = true;
    }
}

void McpStdio::handleLine(const QByteArray &line)
{
    auto parsed = parseJson(line);
    if (!parsed) {
        write(QByteArray::fromStdString(
            jsonText(McpServer::error(nullptr, kParseError, QStringLiteral("Parse error: %1").arg(parsed.error().message)))));
        return;
    }
    // The key is read anew for every message: revoked means refused from the next message on.
    auto who = m_server.authenticate(m_key);
    McpSession *session = m_server.session(m_sessionId);
    if (!who || !session) {
        const Json id = parsed->is_object() ? parsed->value("id", Json()) : Json();
        if (parsed->is_object() && !parsed->contains("id"))
            return; // a notification gets no answer, not even a refusal
        write(QByteArray::fromStdString(
            jsonText(McpServer::error(id, kUnauthorized, who ? QStringLiteral("the session ended") : who.error().message))));
        return;
    }
    const Json reply = m_server.handle(McpServer::isStateless(*parsed) ? nullptr : session, *parsed, *who,
                                       [this](const Json &n) { write(QByteArray::fromStdString(jsonText(n))); });
    if (!reply.is_null())
        write(QByteArray::fromStdString(jsonText(reply)));
}

void McpStdio::write(const QByteArray &json)
{
    // jsonText escapes control characters, so a message never holds a raw newline.
    std::fwrite(json.constData(), 1, size_t(json.size()), m_out);
    std::fputc('\n', m_out);
    std::fflush(m_out);
}

} // namespace ery::mcp
