#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QStringList>

namespace ery::portability {

// The CSV templates shipped in resources/templates/ (compiled in): the original system's header of
// each entity and one sample row, in the order a shop imports them.
class CsvTemplate {
public:
    // cells, resources, jobs, parts, operations: the order references need.
    static QStringList entities();
    // The shipped file; NOT_FOUND naming the templates there are.
    static Result<QByteArray> file(const QString &entity);
};

} // namespace ery::portability
