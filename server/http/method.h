#pragma once

#include <QString>

namespace ery::http {

enum class Method { Get, Head, Post, Put, Patch, Delete, Options, Other };
QString methodName(Method m);
// GET, POST, … (upper case) → the method; anything else is Other.
Method methodFrom(const QString &name);

} // namespace ery::http
