#include "servedhub.h"
#include "childprocess.h"

#include "testshop.h"

#include <QFile>
#include <QRegularExpression>

namespace ery::test {

ServedHub::ServedHub()
    : m_bin(qEnvironmentVariable("ERYXON_BIN_DIR") + QStringLiteral("/app/server/eryxon-server")),
      m_db(TestShop::postgres() ? TestShop::databaseUrl() : m_dir.filePath(QStringLiteral("shop.db")))
{
}

ServedHub::~ServedHub()
{
    stop();
}

bool ServedHub::prepare()
{
    if (!QFile::exists(m_bin)) {
        qWarning("no server program at %s", qPrintable(m_bin));
        return false;
    }
    QProcess demo;
    demo.start(m_bin, {QStringLiteral("demo"), QStringLiteral("--db"), m_db});
    if (!demo.waitForFinished(120000) || demo.exitCode() != 0) {
        qWarning("demo failed: %s", demo.readAllStandardError().constData());
        return false;
    }
    return true;
}

QString ServedHub::createKey(const QString &scope, const QString &name)
{
    QProcess keys;
    keys.start(m_bin, {QStringLiteral("keys"), QStringLiteral("create"), QStringLiteral("--name"), name, QStringLiteral("--scope"), scope,
                       QStringLiteral("--db"), m_db});
    if (!keys.waitForFinished(60000) || keys.exitCode() != 0) {
        qWarning("keys create failed: %s", keys.readAllStandardError().constData());
        return {};
    }
    return QString::fromUtf8(keys.readAllStandardOutput()).trimmed();
}

bool ServedHub::start(int port, const QStringList &extra)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    test::endsWithTest(*m_process);
    m_process->start(m_bin, QStringList{QStringLiteral("serve"), QStringLiteral("--db"), m_db, QStringLiteral("--port"), QString::number(port),
                                        QStringLiteral("--log-level"), QStringLiteral("warning")} +
                                extra);
    if (!m_process->waitForStarted())
        return false;
    QByteArray banner;
    static const QRegularExpression listening(QStringLiteral("REST API on https?://127\\.0\\.0\\.1:(\\d+)/api/v1"));
    QRegularExpressionMatch m;
    while (!(m = listening.match(QString::fromUtf8(banner))).hasMatch() && m_process->waitForReadyRead(20000))
        banner += m_process->readAllStandardOutput();
    if (!m.hasMatch()) {
        qWarning("serve did not start: %s %s", banner.constData(), m_process->readAllStandardError().constData());
        m_process.reset();
        return false;
    }
    m_port = m.captured(1).toInt();
    return true;
}

void ServedHub::stop()
{
    if (!m_process)
        return;
    m_process->terminate();
    m_process->waitForFinished(20000);
    m_process.reset();
}

} // namespace ery::test
