#include "csvcolumns.h"

namespace ery::portability {

const std::vector<CsvColumns::Alias> &CsvColumns::aliases()
{
    static const std::vector<Alias> table{
        {"jobs", "customer_name", "customer", "ERP sync body (customer_name or customer)"},
        {"jobs", "description", "notes", "ERP sync body (notes or description)"},
        {"resources", "notes", "description", "template resources.csv (a resource keeps a description)"},
        {"operations", "estimated_time_minutes", "estimated_time", "template operations.csv (minutes)"},
    };
    return table;
}

QHash<QString, QString> CsvColumns::aliasesOf(const QString &entity)
{
    QHash<QString, QString> out;
    for (const Alias &a : aliases())
        if (entity == QLatin1String(a.entity))
            out.insert(QLatin1String(a.column), QLatin1String(a.field));
    return out;
}

QString CsvColumns::normalised(const QString &header)
{
    QString out;
    out.reserve(header.size());
    bool gap = false;
    for (const QChar c : header) {
        // Spaces of every kind (a spreadsheet's no-break space too), hyphens and dots part words.
        if (c.isSpace() || c == QLatin1Char('-') || c == QLatin1Char('.') || c == QLatin1Char('_')) {
            gap = true;
            continue;
        }
        if (gap && !out.isEmpty())
            out += QLatin1Char('_');
        gap = false;
        out += c.toLower();
    }
    return out;
}

} // namespace ery::portability
