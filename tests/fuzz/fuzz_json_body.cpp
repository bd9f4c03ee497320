// JSON request bodies as the API takes them: the bytes read like Request::json() does (the nesting
// guard, then nlohmann's parser), checked with acceptFields against field lists with every kind
// of field (as every service's create/update/sync does, nested lists included), and the answer
// written like a handler's. An exception here is a 500 over HTTP; UB or a crash is worse.

#include "core/ids.h"
#include "core/jsonutil.h"
#include "fuzzsupport.h"
#include "http/request.h"
#include "services/fields.h"

using namespace ery::services;

using namespace ery;

namespace {

// The kinds of field the services declare (a job's, a part's, a production report's).
const std::vector<Field> &bodyFields()
{
    static const std::vector<Field> f{
        {"job_number", Field::Text, true, {}, {}, 100},
        {"customer", Field::Text, false, {}, {}, 200},
        {"notes", Field::Text},
        {"due_date", Field::Timestamp},
        {"start_date", Field::Date},
        {"metadata", Field::Json},
        {"total_weight_kg", Field::Number, false, {}, 0},
        {"delivery_lat", Field::Number},
        {"quantity", Field::Int, false, {}, 0},
        {"sequence", Field::Int, false, {}, 1},
        {"offset_minutes", Field::Int},
        {"active", Field::Bool},
        {"job_id", Field::Uuid},
        {"status", Field::Enum, false, {QStringLiteral("not_started"), QStringLiteral("in_progress"), QStringLiteral("completed")}},
        {"file_paths", Field::TextList},
    };
    return f;
}

const std::vector<Field> &lineFields()
{
    static const std::vector<Field> f{
        {"scrap_reason_id", Field::Uuid, true},
        {"quantity", Field::Int, true, {}, 1},
        {"notes", Field::Text, false, {}, {}, 500},
    };
    return f;
}

void accept(const Json &input, const std::vector<Field> &fields, bool creating, const std::string &prefix = {})
{
    Validation v;
    const Json row = acceptFields(input, fields, creating, v, prefix);
    FUZZ_CHECK(row.is_object());
    if (!v.ok()) {
        const Error e = v.error();
        FUZZ_CHECK(e.httpStatus() == 422);
        fuzz::answerError(e);
        return;
    }
    // What a service stores and answers: every accepted value keeps its declared type.
    for (const Field &f : fields) {
        auto it = row.find(f.name);
        if (it == row.end() || it->is_null())
            continue;
        switch (f.type) {
        case Field::Int:
            FUZZ_CHECK(it->is_number_integer());
            if (f.min)
                FUZZ_CHECK(it->get<double>() >= *f.min);
            break;
        case Field::Number:
            FUZZ_CHECK(it->is_number());
            if (f.min)
                FUZZ_CHECK(it->get<double>() >= *f.min);
            break;
        case Field::Text:
            // maxLength counts characters (code points), as JSON Schema does, not UTF-8 bytes.
            FUZZ_CHECK(it->is_string() && utf8Length(it->get_ref<const std::string &>()) <= f.maxLength);
            break;
        case Field::Timestamp:
        case Field::Date: {
            // Stored as the one timestamp format; it must read back as the instant that was sent.
            qint64 sent = 0, stored = 0;
            FUZZ_CHECK(it->is_string() && parseIso(fromStd(input[f.name].get<std::string>()), &sent));
            FUZZ_CHECK(parseIso(fromStd(it->get<std::string>()), &stored) && stored == sent);
            break;
        }
        case Field::Bool: FUZZ_CHECK(it->is_boolean()); break;
        case Field::TextList: FUZZ_CHECK(it->is_array()); break;
        default: break;
        }
        // The readers the services use on accepted rows, each on the kind of field it is for.
        if (f.type == Field::Int)
            (void)num(row, f.name);
        else if (f.type == Field::Bool)
            (void)flag(row, f.name);
        else
            (void)str(row, f.name);
    }
    const http::Response ok = http::Response::success(creating ? 201 : 200, row);
    FUZZ_CHECK(!ok.body.isEmpty());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    http::Request r;
    r.body = fuzz::bytes(data, size);
    auto body = r.json();
    if (!body) {
        FUZZ_CHECK(body.error().code == ErrorCode::BadRequest);
        fuzz::answerError(body.error());
        return 0;
    }
    accept(*body, bodyFields(), true);
    accept(*body, bodyFields(), false);
    // Nested lists (a job's parts, a report's scrap lines, bulk sync items) are checked entry by entry.
    if (body->is_object()) {
        for (const char *key : {"scrap_lines", "items", "parts"}) {
            auto it = body->find(key);
            if (it == body->end() || !it->is_array())
                continue;
            int i = 0;
            for (const Json &e : *it) {
                if (i >= 64)
                    break;
                accept(e, i % 2 ? lineFields() : bodyFields(), true, std::string(key) + "[" + std::to_string(i) + "]");
                ++i;
            }
        }
    }
    return 0;
}
