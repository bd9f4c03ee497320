#include "realtimefilter.h"

#include <QRegularExpression>

#include <cmath>

namespace ery::realtime {

namespace {

constexpr qsizetype kMaxFilterLength = 4096;
constexpr qsizetype kMaxInValues = 100;

Error bad(const QString &why)
{
    return Error::badRequest(QStringLiteral("filter: %1").arg(why));
}

// `in` lists: comma separated, an item may be double-quoted to hold a comma.
Result<QStringList> parseList(const QString &text)
{
    if (!text.startsWith(QLatin1Char('(')) || !text.endsWith(QLatin1Char(')')))
        return bad(QStringLiteral("in takes a list in parentheses, e.g. status=in.(pending,in_progress)"));
    const QString inner = text.mid(1, text.size() - 2);
    QStringList out;
    QString item;
    bool quoted = false, wasQuoted = false;
    for (qsizetype i = 0; i < inner.size(); ++i) {
        const QChar c = inner[i];
        if (c == QLatin1Char('"')) {
            quoted = !quoted;
            wasQuoted = true;
        } else if (c == QLatin1Char(',') && !quoted) {
            out << (wasQuoted ? item : item.trimmed());
            item.clear();
            wasQuoted = false;
        } else {
            item += c;
        }
    }
    if (quoted)
        return bad(QStringLiteral("unbalanced quote in the in list"));
    out << (wasQuoted ? item : item.trimmed());
    if (out.size() > kMaxInValues)
        return bad(QStringLiteral("an in list holds at most %1 values").arg(kMaxInValues));
    return out;
}

bool asNumber(const QString &s, double *out)
{
    bool ok = false;
    *out = s.toDouble(&ok);
    return ok && std::isfinite(*out);
}

// The column's value as text, and as a number when it is one. False for null or a missing column.
bool valueOf(const Json &row, const QString &column, QString *text, bool *isNumber, double *number)
{
    auto it = row.find(column.toStdString());
    if (it == row.end() || it->is_null())
        return false;
    *isNumber = it->is_number();
    if (it->is_string())
        *text = QString::fromStdString(it->get<std::string>());
    else if (it->is_boolean())
        *text = it->get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
    else
        *text = QString::fromStdString(it->dump());
    if (*isNumber)
        *number = it->get<double>();
    return true;
}

} // namespace

Result<RowFilter> RowFilter::parse(const QString &text)
{
    // A PostgreSQL identifier: at most 63 bytes.
    static const QRegularExpression column(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
    if (text.size() > kMaxFilterLength)
        return bad(QStringLiteral("longer than %1 characters").arg(kMaxFilterLength));
    const qsizetype eq = text.indexOf(QLatin1Char('='));
    if (eq <= 0)
        return bad(QStringLiteral("expected column=op.value, e.g. status=eq.pending"));
    RowFilter f;
    f.column = text.left(eq);
    if (!column.match(f.column).hasMatch())
        return bad(QStringLiteral("'%1' is not a column name").arg(f.column));
    const QString rest = text.mid(eq + 1);
    const qsizetype dot = rest.indexOf(QLatin1Char('.'));
    if (dot <= 0)
        return bad(QStringLiteral("expected an operator (eq, neq, lt, lte, gt, gte, in) after '='"));
    const QString op = rest.left(dot);
    const QString value = rest.mid(dot + 1);
    static const QHash<QString, Op> ops{
        {QStringLiteral("eq"), Op::Eq}, {QStringLiteral("neq"), Op::Neq}, {QStringLiteral("lt"), Op::Lt}, {QStringLiteral("lte"), Op::Lte},
        {QStringLiteral("gt"), Op::Gt}, {QStringLiteral("gte"), Op::Gte}, {QStringLiteral("in"), Op::In}};
    auto it = ops.constFind(op);
    if (it == ops.constEnd())
        return bad(QStringLiteral("unknown operator '%1' (eq, neq, lt, lte, gt, gte, in)").arg(op));
    f.op = *it;
    if (f.op == Op::In) {
        auto list = parseList(value);
        if (!list)
            return list.error();
        f.values = *list;
    } else {
        f.values = QStringList{value};
    }
    return f;
}

bool RowFilter::matches(const Json &row) const
{
    QString text;
    bool isNumber = false;
    double number = 0;
    if (!row.is_object() || !valueOf(row, column, &text, &isNumber, &number))
        return false;
    // <0, 0, >0 against one filter value: numerically when both sides are numbers.
    auto compare = [&](const QString &v) {
        double n = 0;
        if (isNumber && asNumber(v, &n))
            return number < n ? -1 : number > n ? 1 : 0;
        return text.compare(v);
    };
    switch (op) {
    case Op::Eq: return compare(values[0]) == 0;
    case Op::Neq: return compare(values[0]) != 0;
    case Op::Lt: return compare(values[0]) < 0;
    case Op::Lte: return compare(values[0]) <= 0;
    case Op::Gt: return compare(values[0]) > 0;
    case Op::Gte: return compare(values[0]) >= 0;
    case Op::In: return std::any_of(values.begin(), values.end(), [&](const QString &v) { return compare(v) == 0; });
    }
    return false;
}

} // namespace ery::realtime
