#pragma once

#include <QProcess>
#include <QTemporaryDir>

namespace ery::test {

// A real mosquitto broker on a free loopback port, plain or TLS (with a CA and a server certificate
// made by openssl at test time). It can be stopped and started again on the same port.
class MosquittoBroker {
public:
    explicit MosquittoBroker(bool tls = false);
    ~MosquittoBroker();
    bool start();
    void stop();
    bool isRunning() const { return m_proc.state() == QProcess::Running; }
    int port() const { return m_port; }
    QString caFile() const { return m_dir.filePath(QStringLiteral("ca.crt")); }
    QString log() const;

private:
    bool makeCertificates();
    bool m_tls;
    int m_port = 0;
    QTemporaryDir m_dir;
    QProcess m_proc;
};

// A subscriber made with libmosquitto: collects every message on the given filter.
class MqttProbe {
public:
    struct Message {
        QString topic;
        QByteArray payload;
        bool retained = false;
        int qos = 0;
        qint64 receivedAtMs = 0;
    };
    MqttProbe(int port, const QString &filter = QStringLiteral("#"), const QString &caFile = {});
    ~MqttProbe();
    bool waitConnected(int timeoutMs = 5000);
    QList<Message> messages() const;
    int count() const;

private:
    struct Impl;
    Impl *d;
};

int freeTcpPort();

} // namespace ery::test
