#include "jsontext.h"

#include "result.h"

#include <charconv>
#include <cstring>

namespace ery {

namespace {

// 0: copied as is; 1: needs an escape; 2: first byte of a multi-byte UTF-8 sequence (or invalid).
struct Classes {
    unsigned char c[256];
    constexpr Classes() : c()
    {
        for (int i = 0; i < 256; ++i)
            c[i] = i < 0x20 || i == '"' || i == '\\' ? 1 : (i >= 0x80 ? 2 : 0);
    }
};
constexpr Classes kClass;

// Length of the valid UTF-8 sequence at s (at most n bytes), or 0 when it is not valid.
size_t utf8Length(const unsigned char *s, size_t n)
{
    const unsigned char b = s[0];
    auto cont = [&](size_t i, unsigned char lo = 0x80, unsigned char hi = 0xBF) { return i < n && s[i] >= lo && s[i] <= hi; };
    if (b >= 0xC2 && b <= 0xDF)
        return cont(1) ? 2 : 0;
    if (b == 0xE0)
        return cont(1, 0xA0) && cont(2) ? 3 : 0;
    if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF)
        return cont(1) && cont(2) ? 3 : 0;
    if (b == 0xED) // no UTF-16 surrogates
        return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
    if (b == 0xF0)
        return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
    if (b >= 0xF1 && b <= 0xF3)
        return cont(1) && cont(2) && cont(3) ? 4 : 0;
    if (b == 0xF4)
        return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
    return 0;
}

} // namespace

void appendJsonString(std::string &out, const char *str, size_t n)
{
    const auto *s = reinterpret_cast<const unsigned char *>(str);
    out += '"';
    size_t i = 0;
    while (i < n) {
        size_t run = i;
        while (run < n && kClass.c[s[run]] == 0)
            ++run;
        if (run > i) {
            out.append(str + i, run - i);
            i = run;
            if (i == n)
                break;
        }
        const unsigned char b = s[i];
        if (kClass.c[b] == 2) {
            const size_t len = utf8Length(s + i, n - i);
            if (len) {
                out.append(str + i, len);
                i += len;
            } else {
                out += "\xEF\xBF\xBD";
                ++i;
            }
            continue;
        }
        switch (b) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default: {
            static const char hex[] = "0123456789abcdef";
            const char esc[6] = {'\\', 'u', '0', '0', hex[b >> 4], hex[b & 0xF]};
            out.append(esc, 6);
        }
        }
        ++i;
    }
    out += '"';
}

void appendJsonInt(std::string &out, int64_t v)
{
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, size_t(r.ptr - buf));
}

void appendJsonDouble(std::string &out, double v)
{
    // nlohmann's shortest round-trip form ("2.0", "0.1", null for NaN/inf), so both writers agree.
    out += Json(v).dump();
}

} // namespace ery
