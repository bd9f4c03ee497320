#pragma once

#include <QString>
#include <QVariant>

#include <vector>

namespace ery::storage {

// Which rows of a table a caller means, as typed terms that all must hold. The SQL is written by
// Table, with every column checked against the table: callers outside storage never write SQL.
struct Match {
    enum class Op { Eq, NotEq, EqNoCase, IsNull, Gte, Lt, Gt };
    struct Term {
        QString column;
        Op op;
        QVariant value;
    };
    std::vector<Term> terms;

    Match &eq(const QString &column, const QVariant &value) { return add(column, Op::Eq, value); }
    Match &notEq(const QString &column, const QVariant &value) { return add(column, Op::NotEq, value); }
    // Equal ignoring case (names a person types).
    Match &eqNoCase(const QString &column, const QString &value) { return add(column, Op::EqNoCase, value); }
    Match &isNull(const QString &column) { return add(column, Op::IsNull, {}); }
    Match &gte(const QString &column, const QVariant &value) { return add(column, Op::Gte, value); }
    // Strictly before / after (a NULL column matches neither).
    Match &lt(const QString &column, const QVariant &value) { return add(column, Op::Lt, value); }
    Match &gt(const QString &column, const QVariant &value) { return add(column, Op::Gt, value); }

private:
    Match &add(const QString &column, Op op, const QVariant &value)
    {
        terms.push_back({column, op, value});
        return *this;
    }
};

} // namespace ery::storage
