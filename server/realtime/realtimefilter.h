#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>

namespace ery::realtime {

// One `postgres_changes` filter as Supabase Realtime takes it: `column=op.value` with op one of
// eq, neq, lt, lte, gt, gte, in (`in.(a,b,"c d")`). Matched against the row a change carries (the
// new row, or the old one for a DELETE). Numbers compare as numbers, everything else as text
// (ISO timestamps order correctly as text). A null column matches nothing, as in SQL.
struct RowFilter {
    enum class Op { Eq, Neq, Lt, Lte, Gt, Gte, In };
    QString column;
    Op op = Op::Eq;
    QStringList values; // one, or the list of `in`

    static Result<RowFilter> parse(const QString &text);
    bool matches(const Json &row) const;
};

} // namespace ery::realtime
