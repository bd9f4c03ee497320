#include "ids.h"

#include <QDateTime>
#include <QTimeZone>
#include <QRandomGenerator>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <limits>

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
    // Ids must be unique, not secret (keys and secrets use the system CSPRNG): a per-thread
    // generator seeded from it avoids a getrandom() call per row.
    thread_local QRandomGenerator64 rng(QRandomGenerator::system()->generate64());
    // Monotonic within a thread (RFC 9562 §6.2, method 1): ids made in the same millisecond carry
    // a counter in rand_a, so rows sorted by (created_at, id) come back in the order they were made.
    thread_local quint64 lastMs = 0;
    thread_local quint32 counter = 0;
    quint64 ms = quint64(Clock::nowMs());
    if (ms > lastMs || ms + 10000 < lastMs) { // a new millisecond, or the clock was set back
        lastMs = ms;
        counter = quint32(rng.generate()) & 0x7ff; // leaves room to count up
    } else if (++counter > 0xfff) {
        lastMs += 1; // 4,096 ids in one millisecond: borrow the next one
        counter = 0;
    }
    ms = lastMs;
    unsigned char b[16];
    for (int i = 0; i < 6; ++i)
        b[i] = (ms >> (40 - 8 * i)) & 0xff;
    const quint64 r = rng.generate64();
    b[6] = 0x70 | ((counter >> 8) & 0x0f);
    b[7] = counter & 0xff;
    std::memcpy(b + 8, &r, 8);
    b[8] = 0x80 | (b[8] & 0x3f);
    static const char *hex = "0123456789abcdef";
    QChar out[36];
    int o = 0;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out[o++] = QLatin1Char('-');
        out[o++] = QLatin1Char(hex[b[i] >> 4]);
        out[o++] = QLatin1Char(hex[b[i] & 0xf]);
    }
    return QString(out, 36);
}

bool isUuid(const QString &s)
{
    if (s.size() != 36)
        return false;
    for (int i = 0; i < 36; ++i) {
        const char16_t c = s.at(i).unicode();
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != u'-')
                return false;
        } else if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F'))) {
            return false;
        }
    }
    return true;
}

QString nowIso()
{
    return isoOf(Clock::nowMs());
}

QString isoOf(qint64 ms)
{
    // Formatted by hand with the date cached per day: QDateTime::toString costs more than the
    // statement that stores the value.
    const qint64 day = ms >= 0 ? ms / 86400000 : (ms - 86399999) / 86400000;
    thread_local qint64 cachedDay = std::numeric_limits<qint64>::min();
    thread_local char date[11];
    if (day != cachedDay) {
        const QDate d = QDate(1970, 1, 1).addDays(day);
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", d.year() % 10000, d.month(), d.day());
        cachedDay = day;
    }
    const int inDay = int(ms - day * 86400000);
    const int h = inDay / 3600000, m = inDay / 60000 % 60, sec = inDay / 1000 % 60, milli = inDay % 1000;
    char buf[25];
    std::memcpy(buf, date, 10);
    buf[10] = 'T';
    buf[11] = char('0' + h / 10);
    buf[12] = char('0' + h % 10);
    buf[13] = ':';
    buf[14] = char('0' + m / 10);
    buf[15] = char('0' + m % 10);
    buf[16] = ':';
    buf[17] = char('0' + sec / 10);
    buf[18] = char('0' + sec % 10);
    buf[19] = '.';
    buf[20] = char('0' + milli / 100);
    buf[21] = char('0' + milli / 10 % 10);
    buf[22] = char('0' + milli % 10);
    buf[23] = 'Z';
    return QString::fromLatin1(buf, 24);
}

namespace {
// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
qint64 daysFromCivil(qint64 y, int m, int d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const qint64 yoe = y - era * 400;
    const qint64 doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}
} // namespace

bool parseIso(const QString &text, qint64 *msSinceEpoch)
{
    const QString t = text.trimmed();
    const int n = int(t.size());
    int i = 0;
    auto digits = [&](int count, int *out) {
        if (i + count > n)
            return false;
        int v = 0;
        for (int k = 0; k < count; ++k) {
            const char16_t c = t.at(i + k).unicode();
            if (c < u'0' || c > u'9')
                return false;
            v = v * 10 + int(c - u'0');
        }
        i += count;
        *out = v;
        return true;
    };
    auto expect = [&](char16_t c) {
        if (i < n && t.at(i).unicode() == c) {
            ++i;
            return true;
        }
        return false;
    };
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, ms = 0;
    if (!digits(4, &y) || !expect(u'-') || !digits(2, &mo) || !expect(u'-') || !digits(2, &d))
        return false;
    static const int monthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (mo < 1 || mo > 12 || d < 1 || d > monthDays[mo - 1] + (mo == 2 && leap(y) ? 1 : 0))
        return false;
    qint64 offsetMin = 0;
    if (i < n) {
        if (!(expect(u'T') || expect(u't') || expect(u' ')))
            return false;
        if (!digits(2, &h) || !expect(u':') || !digits(2, &mi))
            return false;
        if (expect(u':')) {
            if (!digits(2, &sec))
                return false;
            if (expect(u'.') || expect(u',')) {
                // Milliseconds from the first three digits; further digits are accepted and dropped.
                int k = 0;
                while (i < n && t.at(i).unicode() >= u'0' && t.at(i).unicode() <= u'9') {
                    if (k < 3)
                        ms = ms * 10 + int(t.at(i).unicode() - u'0');
                    ++k;
                    ++i;
                }
                if (k == 0)
                    return false;
                for (; k < 3; ++k)
                    ms *= 10;
            }
        }
        if (h > 23 || mi > 59 || sec > 59)
            return false;
        if (expect(u'Z') || expect(u'z')) {
        } else if (i < n && (t.at(i) == u'+' || t.at(i) == u'-')) {
            const bool minus = t.at(i) == u'-';
            ++i;
            int oh = 0, om = 0;
            if (!digits(2, &oh))
                return false;
            expect(u':');
            if (i < n && !digits(2, &om))
                return false;
            if (oh > 23 || om > 59)
                return false;
            offsetMin = (minus ? -1 : 1) * (oh * 60 + om);
        }
        if (i != n)
            return false;
    }
    const qint64 at = ((daysFromCivil(y, mo, d) * 24 + h) * 60 + mi - offsetMin) * 60000 + qint64(sec) * 1000 + ms;
    // Timestamps are stored with four-digit years: an instant before 0001-01-01 or after 9999-12-31
    // (year 0000, or 9999-12-31T23:59-23:59) would be written as text that does not read back.
    constexpr qint64 kFirst = -62135596800000; // 0001-01-01T00:00:00.000Z
    constexpr qint64 kLast = 253402300799999;  // 9999-12-31T23:59:59.999Z
    if (at < kFirst || at > kLast)
        return false;
    *msSinceEpoch = at;
    return true;
}

} // namespace ery
