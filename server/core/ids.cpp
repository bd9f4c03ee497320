#include "ids.h"

#include <QDateTime>
#include <QTimeZone>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <atomic>

namespace ery {

namespace {
std::atomic<qint64> g_offset{0};
}

qint64 Clock::nowMs()
{
    return QDateTime::currentMSecsSinceEpoch() + g_offset.load();
}

void Clock::setOffsetMs(qint64 offset)
{
    g_offset.store(offset);
}

QString newId()
{
    const quint64 ms = quint64(Clock::nowMs());
    unsigned char b[16];
    for (int i = 0; i < 6; ++i)
        b[i] = (ms >> (40 - 8 * i)) & 0xff;
    quint32 r[3];
    QRandomGenerator::system()->fillRange(r, 3);
    std::memcpy(b + 6, r, 10);
    b[6] = 0x70 | (b[6] & 0x0f);
    b[8] = 0x80 | (b[8] & 0x3f);
    static const char *hex = "0123456789abcdef";
    QString s;
    s.reserve(36);
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            s += QLatin1Char('-');
        s += QLatin1Char(hex[b[i] >> 4]);
        s += QLatin1Char(hex[b[i] & 0xf]);
    }
    return s;
}

bool isUuid(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return s.size() == 36 && re.match(s).hasMatch();
}

QString nowIso()
{
    return QDateTime::fromMSecsSinceEpoch(Clock::nowMs(), Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace ery
