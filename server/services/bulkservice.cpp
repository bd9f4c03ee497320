#include "bulkservice.h"

#include "storage/database.h"

using namespace ery::storage;

namespace ery::services {

Result<std::vector<Result<Json>>> BulkService::run(qsizetype count, const Step &step, const Progress &progress) const
{
    if (count > kMaxItems)
        return Error::validation(Json::array({Json{{"field", "items"},
                                                   {"message", toStd(QStringLiteral("at most %1 items in one bulk action, got %2")
                                                                         .arg(kMaxItems)
                                                                         .arg(count))},
                                                   {"value", count},
                                                   {"constraint", "maxItems"}}}));
    using Outcomes = std::vector<Result<Json>>;
    return db().write([&](WriteTx &) -> Result<Outcomes> {
        Outcomes out;
        out.reserve(size_t(count));
        for (qsizetype i = 0; i < count; ++i) {
            out.push_back(db().attempt([&](WriteTx &) { return step(i); }));
            if (progress)
                progress(i + 1, count);
        }
        return out;
    });
}

} // namespace ery::services
