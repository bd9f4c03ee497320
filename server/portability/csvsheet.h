#pragma once

#include "services/fields.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class QIODevice;

namespace ery::portability {

// A CSV file as an import reads it, record by record, before anything is written: RFC 4180
// records through libcsv (strict; separated by commas, semicolons or tabs, as its header line
// shows), the header mapped onto the entity's fields, and every record turned into the JSON item an
// upsert takes, with the cells that did not convert. The file is read from a device in chunks, so
// memory does not grow with the file: a record is held only until the caller took it.
//
// Text is UTF-8, with or without a byte-order mark, or UTF-16 with one (Excel's "Unicode text"),
// converted as it is read. Anything else is refused with the line where it stops being text: a
// Latin-1 file, a workbook saved as .xlsx, binary data. No database: it can be fuzzed alone.
class CsvSheet {
public:
    struct Row {
        int line = 0;                // where the record starts in the file (the header is line 1)
        Json item = Json::object();  // the converted cells of the known columns
        Json errors = Json::array(); // [{column, message, value}] of cells that did not convert
        QString externalId;
    };

    static constexpr qint64 kChunkBytes = 64 * 1024;
    static constexpr qint64 kMaxCellBytes = 1024 * 1024;   // a notes cell holds 10,000 characters
    static constexpr qint64 kMaxRecordBytes = 4 * 1024 * 1024;
    static constexpr qint64 kMaxHeaderBytes = 64 * 1024;
    static constexpr int kMaxColumns = 500;

    // Reads the header (and looks for a first record) from `in`, which stays the caller's and must
    // stay open while the sheet is read. A file that is not CSV text, has no usable header or no
    // record is an error. `source` fills external_source where a row has none (empty: the file must
    // name it). `aliases` maps other names of a column (normalised) onto fields.
    static Result<CsvSheet> open(QIODevice &in, const std::vector<services::Field> &fields, const QString &source,
                                 const QHash<QString, QString> &aliases = {});

    CsvSheet(CsvSheet &&) noexcept;
    CsvSheet &operator=(CsvSheet &&) noexcept;
    ~CsvSheet();

    // The next record after the header, blank ones left out: true with *row filled, false at the
    // end of the file. An error when the rest of the file cannot be read as CSV text (the message
    // names the line); nothing more is read then.
    Result<bool> next(Row *row);

    char separator() const;           // as found in the header line: ',', ';' (German and Dutch Excel) or a tab
    QString encoding() const;         // UTF-8, UTF-8 with BOM, UTF-16LE or UTF-16BE
    QStringList ignoredColumns() const; // header names that are not fields of the entity
    qint64 bytesRead() const;         // of the device so far, for progress

private:
    struct State;
    CsvSheet();
    std::unique_ptr<State> d;
};

} // namespace ery::portability
