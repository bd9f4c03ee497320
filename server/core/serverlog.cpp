#include "serverlog.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QMutex>

#include <cstdio>

namespace ery {

namespace {

ServerLog::Level g_level = ServerLog::Level::Info;
QMutex g_write;

ServerLog::Level levelOf(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return ServerLog::Level::Debug;
    case QtInfoMsg: return ServerLog::Level::Info;
    case QtWarningMsg: return ServerLog::Level::Warning;
    case QtCriticalMsg:
    case QtFatalMsg: return ServerLog::Level::Error;
    }
    return ServerLog::Level::Warning;
}

// "eryxon.http" → "http"; Qt's own categories ("default", "qt.network.ssl") are "qt" and
// "qt.network.ssl", so a reader tells ours from theirs.
QString shortCategory(const char *category)
{
    const QString c = QString::fromLatin1(category ? category : "default");
    if (c.startsWith(QLatin1String("eryxon.")))
        return c.mid(7);
    if (c == QLatin1String("default"))
        return QStringLiteral("qt");
    return c;
}

void handler(QtMsgType type, const QMessageLogContext &ctx, const QString &message)
{
    const ServerLog::Level level = levelOf(type);
    const QString category = shortCategory(ctx.category);
    const bool ours = ctx.category && qstrncmp(ctx.category, "eryxon.", 7) == 0;
    if (type != QtFatalMsg) {
        if (level < g_level)
            return;
        if (!ours && ServerLog::harmless(category, message))
            return;
    }
    const QByteArray line = ServerLog::format(QDateTime::currentMSecsSinceEpoch(), level, category, message).toUtf8() + '\n';
    {
        QMutexLocker lock(&g_write);
        std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
        std::fflush(stderr);
    }
    if (type == QtFatalMsg)
        std::abort();
}

void filter(QLoggingCategory *category)
{
    // Debug lines of Qt's own categories are never wanted, even at --log-level debug: they are
    // Qt's developers' traces, not ours.
    const bool ours = qstrncmp(category->categoryName(), "eryxon.", 7) == 0;
    category->setEnabled(QtDebugMsg, ours && g_level <= ServerLog::Level::Debug);
    category->setEnabled(QtInfoMsg, g_level <= ServerLog::Level::Info);
    category->setEnabled(QtWarningMsg, g_level <= ServerLog::Level::Warning);
    category->setEnabled(QtCriticalMsg, true);
}

} // namespace

Result<ServerLog::Level> ServerLog::parseLevel(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("debug"))
        return Level::Debug;
    if (n == QLatin1String("info"))
        return Level::Info;
    if (n == QLatin1String("warning") || n == QLatin1String("warn"))
        return Level::Warning;
    if (n == QLatin1String("error"))
        return Level::Error;
    return Error::badRequest(QStringLiteral("unknown log level \"%1\" (use error, warning, info or debug)").arg(name.left(40)));
}

QString ServerLog::levelName(Level level)
{
    switch (level) {
    case Level::Debug: return QStringLiteral("debug");
    case Level::Info: return QStringLiteral("info");
    case Level::Warning: return QStringLiteral("warning");
    case Level::Error: return QStringLiteral("error");
    }
    return {};
}

void ServerLog::install(Level level)
{
    g_level = level;
    qInstallMessageHandler(handler);
    QLoggingCategory::installFilter(filter);
}

QString ServerLog::format(qint64 epochMs, Level level, const QString &category, const QString &message)
{
    static const char *names[] = {"DEBUG", "INFO ", "WARN ", "ERROR"};
    // One line whatever the message holds: a line break in it would forge the next entry.
    QString text = message;
    text.replace(QLatin1Char('\r'), QLatin1String("\\r")).replace(QLatin1Char('\n'), QLatin1String("\\n"));
    return QStringLiteral("%1 %2 %3: %4")
        .arg(QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(Qt::ISODateWithMs), QLatin1String(names[int(level)]), category,
             text);
}

bool ServerLog::harmless(const QString &category, const QString &message)
{
    // What Qt says while the server does its ordinary work with clients that come and go: the
    // guard already closed or answered them, nothing is lost and nothing is to be done.
    static const char *const known[] = {
        "QSocketNotifier: Invalid socket",
        "QAbstractSocket::waitForBytesWritten() is not allowed in UnconnectedState",
        "QIODevice::write (QTcpSocket): device not open",
        "QIODevice::write (QSslSocket): device not open",
        "QSslSocket::startServerEncryption: cannot start handshake on non-plain connection",
        "A client sent an invalid request",
        "Unknown method",
        "QWebSocket::connectToHost: Socket is not connected",
    };
    for (const char *k : known)
        if (message.contains(QLatin1String(k)))
            return true;
    return category.startsWith(QLatin1String("qt.httpserver")) && message.contains(QLatin1String("disconnected"));
}

} // namespace ery
