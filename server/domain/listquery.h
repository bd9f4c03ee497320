#pragma once

#include "core/jsonutil.h"

#include <QString>
#include <QVariant>

#include <string>
#include <utility>
#include <vector>

namespace ery::domain {

// A list query: exact filters, fuzzy/range/set conditions over the table's own columns, sort, paging.
struct ListQuery {
    enum class Op { Like, Gte, Lte, In };
    struct Cond {
        QString column;
        Op op;
        QVariant value; // In: a QVariantList (empty matches nothing)
    };
    std::vector<std::pair<QString, QVariant>> eq; // column = value (QVariant() means IS NULL)
    std::vector<Cond> conds;
    QString search; // OR LIKE over the table's search columns
    QString sort;   // column name; checked against the table
    bool descending = false;
    int limit = 100;
    int offset = 0;
    bool includeDeleted = false;
    // The caller takes the rows as JSON text (Page::json) when the table can render them: a list
    // page answered without a Json tree per row. Only for callers that pass rows on untouched.
    bool render = false;
};

struct Page {
    Rows rows;
    qint64 total = 0;
    bool rendered = false; // rows are in json instead of rows
    std::string json;      // the rows as JSON objects, comma-separated, without brackets
};

} // namespace ery::domain
