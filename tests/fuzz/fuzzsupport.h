#pragma once

// Shared by the libFuzzer harnesses: the input as Qt bytes, and a check that turns a broken
// invariant into a crash libFuzzer reports (with the input that caused it).

#include "core/result.h"
#include "http/response.h"

#include <QByteArray>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace ery::fuzz {

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

[[noreturn]] inline void fail(const char *what, const char *file, int line)
{
    std::fprintf(stderr, "\nFUZZ INVARIANT BROKEN at %s:%d: %s\n", file, line, what);
    std::abort();
}

// An error as the API answers it: written the way a handler's error is, and never a 5xx.
inline void answerError(const Error &e)
{
    const http::Response r = http::Response::error(e);
    if (r.status >= 500 || r.body.isEmpty())
        fail("an input was answered with a server error", __FILE__, __LINE__);
}

} // namespace ery::fuzz

#define FUZZ_CHECK(cond)                                                                                                                   \
    do {                                                                                                                                   \
        if (!(cond))                                                                                                                       \
            ::ery::fuzz::fail(#cond, __FILE__, __LINE__);                                                                                  \
    } while (0)
