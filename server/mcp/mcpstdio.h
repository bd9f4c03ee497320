#pragma once

#include <QObject>
#include <QString>

#include <cstdio>

class QSocketNotifier;

namespace ery::mcp {

class McpServer;

// MCP over stdio (MCP transports: newline-delimited JSON-RPC on stdin/stdout), for desktop AI
// clients that start `eryxon-server mcp-stdio`. One session for the process; the key is checked on
// every message, so a revoked key is refused at once. Nothing but protocol messages is written to
// stdout: logs go to stderr. Ends (finished()) when stdin closes.
class McpStdio : public QObject {
    Q_OBJECT
public:
    McpStdio(McpServer &server, QString presentedKey, std::FILE *in = stdin, std::FILE *out = stdout, QObject *parent = nullptr);
    ~McpStdio() override;
    // Checks the key once (a wrong one ends the process with a message on stderr) and starts reading.
    bool start(QString *why);
    static constexpr qsizetype kMaxLineBytes = 4 * 1024 * 1024;

signals:
    void finished();

private:
    void readAvailable();
    void handleLine(const QByteArray &line);
    void write(const QByteArray &json);

    McpServer &m_server;
    QString m_key;
    QString m_sessionId;
    std::FILE *m_in;
    std::FILE *m_out;
    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_buffer;
    bool m_discarding = false; // inside an over-long line: dropped up to its newline
};

} // namespace ery::mcp
