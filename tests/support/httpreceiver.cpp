#include "httpreceiver.h"

#include <QDateTime>
#include <QTcpSocket>

namespace ery::test {

HttpReceiver::HttpReceiver(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &HttpReceiver::onConnection);
}

HttpReceiver::~HttpReceiver()
{
    stop();
}

bool HttpReceiver::start(quint16 port)
{
    if (!m_server.listen(QHostAddress::LocalHost, port))
        return false;
    m_port = m_server.serverPort();
    return true;
}

void HttpReceiver::stop()
{
    m_server.close();
    const auto sockets = m_buffers.keys();
    m_buffers.clear();
    for (QTcpSocket *s : sockets) {
        s->disconnect(this);
        s->abort();
        delete s;
    }
}

QString HttpReceiver::url(const QString &path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path);
}

void HttpReceiver::answer(int status, const QByteArray &body, int retryAfterSeconds)
{
    m_mode = Mode::Answer;
    m_status = status;
    m_body = body;
    m_retryAfter = retryAfterSeconds;
}

void HttpReceiver::onConnection()
{
    while (QTcpSocket *s = m_server.nextPendingConnection()) {
        m_buffers.insert(s, {});
        connect(s, &QTcpSocket::readyRead, this, [this, s] { onData(s); });
        connect(s, &QTcpSocket::disconnected, this, [this, s] {
            m_buffers.remove(s);
            s->deleteLater();
        });
    }
}

void HttpReceiver::onData(QTcpSocket *s)
{
    QByteArray &buf = m_buffers[s];
    buf += s->readAll();
    for (;;) {
        const int end = buf.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        Request r;
        const QList<QByteArray> lines = buf.left(end).split('\n');
        const QList<QByteArray> start = lines.value(0).trimmed().split(' ');
        r.method = start.value(0);
        r.path = start.value(1);
        for (int i = 1; i < lines.size(); ++i) {
            const int colon = lines[i].indexOf(':');
            if (colon > 0)
                r.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        const int length = r.headers.value("content-length", "0").toInt();
        if (buf.size() < end + 4 + length)
            return;
        r.body = buf.mid(end + 4, length);
        buf.remove(0, end + 4 + length);
        r.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
        requests << r;
        if (m_mode == Mode::Hang)
            continue;
        QByteArray resp = "HTTP/1.1 " + QByteArray::number(m_status) +
                          " X\r\nContent-Type: text/plain\r\nContent-Length: " + QByteArray::number(m_body.size()) + "\r\n";
        if (m_retryAfter >= 0)
            resp += "Retry-After: " + QByteArray::number(m_retryAfter) + "\r\n";
        if (m_status >= 300 && m_status < 400)
            resp += "Location: http://127.0.0.1:1/elsewhere\r\n";
        resp += "\r\n" + m_body;
        s->write(resp);
    }
}

} // namespace ery::test
