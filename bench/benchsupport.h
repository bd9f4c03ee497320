#pragma once

// What the hub benchmarks share: percentiles, sleeping in the event loop, and a pacer that offers
// work to the hub at a steady rate.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFuture>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <vector>

namespace ery::bench {

inline double percentile(std::vector<qint64> v, double p)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    return double(v[size_t(std::min<double>(double(v.size() - 1), p * double(v.size())))]);
}

// Runs the event loop for ms, sleeping while nothing happens.
inline void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

// Runs the event loop until done() or ms have passed; false on the timeout.
inline bool waitFor(const std::function<bool()> &done, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > ms)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

// The result of a request the bench cannot go on without: fatal after 30 s.
template <typename T>
T await(QFuture<T> f)
{
    if (!waitFor([&] { return f.isFinished(); }, 30000))
        qFatal("no answer in 30 s");
    return f.result();
}

// Offers `rate` units a second for `ms` milliseconds, calling postTen() for each ten, from a precise
// timer: the loop sleeps between ticks, so the bench does not take a core from the hub it measures.
// Returns the units offered.
inline int pace(int rate, int ms, const std::function<void()> &postTen)
{
    int produced = 0;
    QElapsedTimer clock;
    clock.start();
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    QEventLoop loop;
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 elapsed = std::min<qint64>(clock.elapsed(), ms);
        while (produced < qint64(rate) * elapsed / 1000) {
            postTen();
            produced += 10;
        }
        if (clock.elapsed() >= ms)
            loop.quit();
    });
    tick.start(2);
    loop.exec();
    return produced;
}

} // namespace ery::bench
