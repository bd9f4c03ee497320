#pragma once

#include <QString>

namespace ery::http {

enum class Method { Get, Head, Post, Put, Patch, Delete, Options, Other };
QString methodName(Method m);

} // namespace ery::http
