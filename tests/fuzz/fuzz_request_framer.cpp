// The connection guard's HTTP/1.x request framing: any byte stream, fed whole and fed in pieces,
// must give the same requests, never take more than it was given, and always move on.
#include "http/requestframer.h"

#include <cstdint>
#include <cstdlib>
#include <vector>

using namespace ery::http;

using ery::http::RequestFramer;

namespace {

struct Event {
    RequestFramer::Step step;
    qint64 at;
    bool operator==(const Event &o) const { return step == o.step && at == o.at; }
};

// Feeds data in pieces of at most `piece` bytes; records each step but NeedMore with its offset.
std::vector<Event> frame(const char *data, qint64 size, qint64 piece)
{
    RequestFramer::Limits limits;
    limits.maxUrlBytes = 256;
    limits.maxHeaderBytes = 1024;
    limits.maxHeaderFields = 16;
    limits.maxBodyBytes = 2048;
    RequestFramer f(limits);
    std::vector<Event> events;
    qint64 off = 0;
    while (off < size) {
        const qint64 n = std::min(piece, size - off);
        qint64 taken = 0;
        while (true) {
            qint64 used = 0;
            const RequestFramer::Step s = f.feed(data + off + taken, n - taken, &used);
            if (used < 0 || used > n - taken)
                abort(); // took bytes it was not given
            taken += used;
            if (s == RequestFramer::Step::NeedMore) {
                if (taken != n)
                    abort(); // asked for more while holding unread bytes
                break;
            }
            events.push_back({s, off + taken});
            if (s == RequestFramer::Step::Refused || s == RequestFramer::Step::Upgrade)
                return events;
            if (events.size() > size_t(2 * size + 4))
                abort(); // a step that takes nothing must not repeat forever
            if (s == RequestFramer::Step::Head && f.contentLength() > limits.maxBodyBytes)
                abort();
        }
        off += n;
    }
    return events;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024)
        return 0;
    const auto *bytes = reinterpret_cast<const char *>(data);
    const qint64 n = qint64(size);
    const std::vector<Event> whole = frame(bytes, n, n ? n : 1);
    const std::vector<Event> byByte = frame(bytes, n, 1);
    const std::vector<Event> bySeven = frame(bytes, n, 7);
    if (!(whole == byByte) || !(whole == bySeven))
        abort(); // where a request ends must not depend on how the bytes arrived
    return 0;
}
