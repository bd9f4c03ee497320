#pragma once

#include <QStringList>

namespace ery {

// `eryxon-server` commands (CONTRACTS.md §8). Exit codes: 0 ok, 1 error (one line on stderr),
// 2 usage.
int runServerCli(const QStringList &args);

} // namespace ery
