#pragma once

#include <QHash>
#include <QString>

#include <vector>

namespace ery::portability {

// How an import reads the names in a CSV header. Case, surrounding spaces and the separators
// between words do not matter (" Job Number ", "job-number" and "JOB_NUMBER" are job_number), and
// the names the original system used for some fields are aliases of them. This is the one table of
// aliases; docs/data.md ("Import") prints it.
class CsvColumns {
public:
    struct Alias {
        const char *entity; // jobs, parts, operations, cells, resources
        const char *column; // the name in the file (normalised)
        const char *field;  // the field it fills
        const char *origin; // where the original system used the name
    };

    static const std::vector<Alias> &aliases();
    // The aliases of one entity: column -> field.
    static QHash<QString, QString> aliasesOf(const QString &entity);
    // A header cell as a field name: trimmed, lower case, each run of spaces, hyphens or dots one
    // underscore, none at either end.
    static QString normalised(const QString &header);
};

} // namespace ery::portability
