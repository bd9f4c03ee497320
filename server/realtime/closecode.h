#pragma once

namespace ery::realtime {

// RFC 6455 §7.4.1 close codes the feed sends.
enum CloseCode : int {
    kCloseNormal = 1000,
    kCloseProtocolError = 1002,
    kCloseUnsupported = 1003,
    kCloseBadData = 1007,
    kClosePolicy = 1008,
    kCloseTooBig = 1009,
    kCloseTryLater = 1013,
};

} // namespace ery::realtime
