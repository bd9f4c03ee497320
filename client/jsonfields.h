#pragma once

#include "apireply.h"

#include <QDateTime>
#include <QString>

// Reading the fields of an API answer's rows: a missing or mistyped field is empty, never a throw.
namespace ery::client {

QString text(const Json &row, const char *key);
qint64 number(const Json &row, const char *key, qint64 fallback = 0);
double real(const Json &row, const char *key, double fallback = 0);
bool flag(const Json &row, const char *key);
// An ISO 8601 timestamp or date field; invalid when missing.
QDateTime when(const Json &row, const char *key);
std::string utf8(const QString &s);

} // namespace ery::client
