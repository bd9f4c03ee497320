#include "answers.h"

#include "core/jsontext.h"
#include "core/jsonutil.h"
#include "services/servicebase.h"

using namespace ery::domain;
using namespace ery::services;

namespace ery::http {

Response listResponse(const QString &plural, Page page, const ListQuery &q)
{
    if (page.rendered) {
        // The envelope around rows that are JSON text already; the same bytes Response::ok writes.
        std::string head = R"({"success":true,"data":{)";
        appendJsonString(head, toStd(plural));
        head += ":[";
        std::string tail = R"(],"pagination":{"total":)";
        appendJsonInt(tail, page.total);
        tail += R"(,"offset":)";
        appendJsonInt(tail, q.offset);
        tail += R"(,"limit":)";
        appendJsonInt(tail, q.limit);
        tail += "}}}";
        QByteArray body;
        body.reserve(qsizetype(head.size() + page.json.size() + tail.size()));
        body.append(head.data(), qsizetype(head.size()));
        body.append(page.json.data(), qsizetype(page.json.size()));
        body.append(tail.data(), qsizetype(tail.size()));
        return Response::text(200, std::move(body), "application/json");
    }
    Json rows = Json::array();
    rows.get_ref<Json::array_t &>() = std::move(page.rows);
    Json data = Json::object();
    data[toStd(plural)] = std::move(rows);
    data["pagination"] = {{"total", page.total}, {"offset", q.offset}, {"limit", q.limit}};
    return Response::ok(std::move(data));
}

Response itemResponse(const QString &singular, Row row, int status)
{
    Json data = Json::object();
    data[toStd(singular)] = std::move(row);
    return Response::success(status, std::move(data));
}

Response transitionResponse(const char *record, const Transition &t, const QString &step)
{
    return Response::ok(Json{
        {record, t.row}, {"operation", toStd(step)}, {"previous_status", toStd(t.previousStatus)}, {"new_status", toStd(t.newStatus)}});
}

} // namespace ery::http
