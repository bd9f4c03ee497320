#include "csvtemplate.h"

#include <QFile>

namespace ery::portability {

QStringList CsvTemplate::entities()
{
    return {QStringLiteral("cells"), QStringLiteral("resources"), QStringLiteral("jobs"), QStringLiteral("parts"),
            QStringLiteral("operations")};
}

Result<QByteArray> CsvTemplate::file(const QString &entity)
{
    if (!entities().contains(entity))
        return Error{ErrorCode::NotFound,
                     QStringLiteral("There is no import template \"%1\"; there are: %2")
                         .arg(entity.left(50), entities().join(QStringLiteral(", "))),
                     Json{{"templates", Json::array({"cells", "resources", "jobs", "parts", "operations"})}}};
    QFile f(QStringLiteral(":/eryxon/resources/templates/%1.csv").arg(entity));
    if (!f.open(QIODevice::ReadOnly))
        return Error::internal(QStringLiteral("the %1 template is missing from this build").arg(entity));
    return f.readAll();
}

} // namespace ery::portability
