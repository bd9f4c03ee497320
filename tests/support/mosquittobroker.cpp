#include "mosquittobroker.h"
#include "childprocess.h"

#include <QDateTime>
#include <QFile>
#include <QMutex>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <mosquitto.h>

namespace ery::test {

int freeTcpPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

MosquittoBroker::MosquittoBroker(bool tls) : m_tls(tls)
{
    m_port = freeTcpPort();
}

MosquittoBroker::~MosquittoBroker()
{
    stop();
}

bool MosquittoBroker::makeCertificates()
{
    const QString d = m_dir.path();
    auto run = [&](const QStringList &args) {
        QProcess p;
        p.setWorkingDirectory(d);
        p.start(QStringLiteral("openssl"), args);
        return p.waitForFinished(30000) && p.exitCode() == 0;
    };
    return run({"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Eryxon Test CA", "-keyout", "ca.key", "-out",
                "ca.crt"}) &&
           run({"req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", "server.key", "-out", "server.csr"}) &&
           [&] {
               QFile ext(d + QStringLiteral("/ext.cnf"));
               ext.open(QIODevice::WriteOnly);
               ext.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n");
               return true;
           }() &&
           run({"x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2", "-extfile",
                "ext.cnf", "-out", "server.crt"});
}

bool MosquittoBroker::start()
{
    if (m_tls && !QFile::exists(m_dir.filePath(QStringLiteral("server.crt"))) && !makeCertificates())
        return false;
    QFile conf(m_dir.filePath(QStringLiteral("mosquitto.conf")));
    if (!conf.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    // Started as root (CI), mosquitto would switch to its own user, which cannot read the
    // certificates in our private temporary directory; "user root" keeps it as it was started.
    QByteArray c = "listener " + QByteArray::number(m_port) + " 127.0.0.1\nallow_anonymous true\npersistence false\nuser root\n";
    if (m_tls)
        c += "cafile " + m_dir.filePath("ca.crt").toUtf8() + "\ncertfile " + m_dir.filePath("server.crt").toUtf8() + "\nkeyfile " +
             m_dir.filePath("server.key").toUtf8() + "\n";
    conf.write(c);
    conf.close();
    m_proc.setProcessChannelMode(QProcess::MergedChannels);
    const QString bin =
        QFile::exists(QStringLiteral("/usr/sbin/mosquitto")) ? QStringLiteral("/usr/sbin/mosquitto") : QStringLiteral("mosquitto");
    test::endsWithTest(m_proc);
    m_proc.start(bin, {QStringLiteral("-c"), conf.fileName()});
    if (!m_proc.waitForStarted(5000))
        return false;
    // Ready when it accepts connections.
    for (int i = 0; i < 100; ++i) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, quint16(m_port));
        if (probe.waitForConnected(100))
            return true;
        if (m_proc.state() != QProcess::Running)
            return false;
        QThread::msleep(50);
    }
    return false;
}

void MosquittoBroker::stop()
{
    if (m_proc.state() == QProcess::NotRunning)
        return;
    m_proc.terminate();
    if (!m_proc.waitForFinished(5000)) {
        m_proc.kill();
        m_proc.waitForFinished(2000);
    }
}

QString MosquittoBroker::log() const
{
    return QString::fromUtf8(const_cast<QProcess &>(m_proc).readAll());
}

struct MqttProbe::Impl {
    struct mosquitto *m = nullptr;
    mutable QMutex lock;
    QList<Message> messages;
    bool connected = false;
    QString filter;
};

MqttProbe::MqttProbe(int port, const QString &filter, const QString &caFile) : d(new Impl)
{
    mosquitto_lib_init();
    d->filter = filter;
    d->m = mosquitto_new(nullptr, true, d);
    if (!caFile.isEmpty())
        mosquitto_tls_set(d->m, caFile.toUtf8().constData(), nullptr, nullptr, nullptr, nullptr);
    mosquitto_connect_callback_set(d->m, [](struct mosquitto *m, void *obj, int rc) {
        auto *impl = static_cast<Impl *>(obj);
        if (rc == 0) {
            mosquitto_subscribe(m, nullptr, impl->filter.toUtf8().constData(), 2);
            QMutexLocker l(&impl->lock);
            impl->connected = true;
        }
    });
    mosquitto_message_callback_set(d->m, [](struct mosquitto *, void *obj, const struct mosquitto_message *msg) {
        auto *impl = static_cast<Impl *>(obj);
        QMutexLocker l(&impl->lock);
        impl->messages << Message{QString::fromUtf8(msg->topic), QByteArray(static_cast<const char *>(msg->payload), msg->payloadlen),
                                  msg->retain, msg->qos, QDateTime::currentMSecsSinceEpoch()};
    });
    mosquitto_reconnect_delay_set(d->m, 1, 2, false);
    mosquitto_connect_async(d->m, "127.0.0.1", port, 30);
    mosquitto_loop_start(d->m);
}

MqttProbe::~MqttProbe()
{
    mosquitto_disconnect(d->m);
    mosquitto_loop_stop(d->m, true);
    mosquitto_destroy(d->m);
    delete d;
}

bool MqttProbe::waitConnected(int timeoutMs)
{
    for (int waited = 0; waited < timeoutMs; waited += 20) {
        {
            QMutexLocker l(&d->lock);
            if (d->connected)
                break;
        }
        QThread::msleep(20);
    }
    QThread::msleep(100); // the SUBACK follows the CONNACK
    QMutexLocker l(&d->lock);
    return d->connected;
}

QList<MqttProbe::Message> MqttProbe::messages() const
{
    QMutexLocker l(&d->lock);
    return d->messages;
}

int MqttProbe::count() const
{
    QMutexLocker l(&d->lock);
    return int(d->messages.size());
}

} // namespace ery::test
