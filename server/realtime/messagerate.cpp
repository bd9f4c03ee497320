#include "messagerate.h"

#include <algorithm>

namespace ery::realtime {

bool MessageRate::take(qint64 nowMs)
{
    m_tokens = std::min(2 * m_perSecond, m_tokens + (nowMs - m_atMs) * m_perSecond / 1000.0);
    m_atMs = nowMs;
    if (m_tokens < 1)
        return false;
    m_tokens -= 1;
    return true;
}

} // namespace ery::realtime
