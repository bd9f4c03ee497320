#include "recordingsink.h"

using namespace ery::domain;

namespace ery::test {

Status RecordingSink::deliver(const OutboxEntry &e)
{
    if (failNext > 0) {
        --failNext;
        return Error::internal(QStringLiteral("receiver unavailable"));
    }
    received.push_back(e);
    return {};
}

} // namespace ery::test
