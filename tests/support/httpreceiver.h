#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QTcpServer>

class QTcpSocket;

namespace ery::test {

// A real HTTP/1.1 receiver on a free loopback port for webhook tests. It records every request and
// answers as told: a status (with optional Retry-After), or not at all (hang), or it is down.
class HttpReceiver : public QObject {
    Q_OBJECT
public:
    struct Request {
        QByteArray method, path, body;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        qint64 receivedAtMs = 0;
    };
    enum class Mode { Answer, Hang };

    explicit HttpReceiver(QObject *parent = nullptr);
    ~HttpReceiver() override;
    bool start(quint16 port = 0);
    void stop();
    quint16 port() const { return m_port; }
    QString url(const QString &path = QStringLiteral("/hook")) const;

    void answer(int status, const QByteArray &body = "ok", int retryAfterSeconds = -1);
    void hang() { m_mode = Mode::Hang; }

    QList<Request> requests;

private:
    void onConnection();
    void onData(QTcpSocket *s);

    QTcpServer m_server;
    quint16 m_port = 0;
    Mode m_mode = Mode::Answer;
    int m_status = 200;
    QByteArray m_body = "ok";
    int m_retryAfter = -1;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace ery::test
