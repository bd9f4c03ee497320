#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace ery {

// Writing JSON text straight into a buffer, for answers built without a Json tree (list pages).
// The output matches nlohmann's compact dump: UTF-8 kept as is, control characters escaped,
// invalid UTF-8 replaced by U+FFFD.
void appendJsonString(std::string &out, const char *s, size_t n);
inline void appendJsonString(std::string &out, const std::string &s)
{
    appendJsonString(out, s.data(), s.size());
}
void appendJsonInt(std::string &out, int64_t v);
void appendJsonDouble(std::string &out, double v);

} // namespace ery
