#pragma once

#include <QtGlobal>

namespace ery::realtime {

// A socket's message budget: a token bucket refilled at perSecond tokens a second that holds at
// most a burst of twice that, full when the socket connects.
class MessageRate {
public:
    MessageRate(double perSecond, qint64 nowMs) : m_perSecond(perSecond), m_tokens(2 * perSecond), m_atMs(nowMs) { }

    // One message's token; false when the budget is spent.
    bool take(qint64 nowMs);

private:
    double m_perSecond;
    double m_tokens;
    qint64 m_atMs;
};

} // namespace ery::realtime
