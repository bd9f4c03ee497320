#pragma once

#include "services/fields.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace ery::portability {

// A CSV file as an import reads it, before anything is written: RFC 4180 records through libcsv
// (strict; separated by commas, semicolons or tabs, as its header line shows), the header mapped onto the entity's fields, and every record
// turned into the JSON item an upsert takes, with the cells that did not convert. No database: it can be fuzzed alone.
class CsvSheet {
public:
    struct Row {
        int line = 0;                // where the record starts in the file (the header is line 1)
        Json item = Json::object();  // the converted cells of the known columns
        Json errors = Json::array(); // [{column, message, value}] of cells that did not convert
        QString externalId;
    };

    // A file that cannot be read as CSV, has no usable header or more than `maxRows` records is an
    // error. `source` fills external_source where a row has none (empty: the file must name it).
    static Result<CsvSheet> read(const QByteArray &csv, const std::vector<services::Field> &fields, const QString &source, int maxRows);

    char separator = ',';       // as found in the header line: ',', ';' (German and Dutch Excel) or a tab
    QStringList ignoredColumns; // header names that are not fields of the entity
    std::vector<Row> rows;      // the records after the header, blank ones left out
};

} // namespace ery::portability
