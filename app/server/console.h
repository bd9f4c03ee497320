#pragma once

#include <QString>
#include <QTextStream>

namespace ery::console {

// The commands' stdout and stderr: one buffered stream each for the whole program, so lines of
// different command files never interleave out of order.
QTextStream &out();
QTextStream &err();
// One line on stderr, whatever the driver said; returns exit code 1.
int fail(const QString &message);

} // namespace ery::console
