#include "outboxentry.h"

namespace ery::domain {

const Json &OutboxEntry::payload() const
{
    if (!m_payload) {
        Json j = Json::parse(payloadText, nullptr, false);
        m_payload = j.is_discarded() ? Json::object() : std::move(j);
    }
    return *m_payload;
}

} // namespace ery::domain
