// What a realtime client sends: the first byte picks the frame (0: a vsn 1.0.0 text frame,
// 1: a vsn 2.0.0 text frame, 2: a vsn 2.0.0 binary broadcast push), the rest is the frame. It is
// decoded like RealtimeServer does, a phx_join's config is read, and the reply the server would
// send is written and must be valid JSON that echoes topic and refs.

#include "core/jsonutil.h"
#include "fuzzsupport.h"
#include "realtime/channelconfig.h"
#include "realtime/phoenixmessage.h"

using namespace ery;
using namespace ery::realtime;

namespace {

const QStringList &tables()
{
    static const QStringList t{QStringLiteral("jobs"), QStringLiteral("parts"), QStringLiteral("operations"),
                               QStringLiteral("time_entries")};
    return t;
}

// The server's phx_reply to this message must be JSON text a client can read.
void reply(bool v2, const PhoenixMessage &m, bool ok, const Json &response)
{
    const std::string payload =
        Json{{"status", ok ? "ok" : "error"}, {"response", response}}.dump(-1, ' ', false, Json::error_handler_t::replace);
    const std::string text = PhoenixMessage::toText(v2, m.joinRef, m.ref, m.topic, QStringLiteral("phx_reply"), payload);
    auto back = parseJson(QByteArray::fromStdString(text));
    FUZZ_CHECK(back.ok());
    // The shape of the socket's vsn, with the refs echoed as they were read.
    if (v2) {
        FUZZ_CHECK(back->is_array() && back->size() == 5);
        FUZZ_CHECK((*back)[0] == m.joinRef && (*back)[1] == m.ref && (*back)[3] == "phx_reply");
    } else {
        FUZZ_CHECK(back->is_object() && back->value("event", Json()) == "phx_reply");
        FUZZ_CHECK(back->value("ref", Json()) == m.ref && back->value("join_ref", Json()) == m.joinRef);
    }
}

void join(bool v2, const PhoenixMessage &m)
{
    auto config = ChannelConfig::fromJoinPayload(m.payload, tables(), 100, 255);
    if (!config) {
        FUZZ_CHECK(!config.error().message.isEmpty());
        reply(v2, m, false, Json{{"reason", toStd(config.error().message)}});
        return;
    }
    FUZZ_CHECK(config->bindings.size() <= 100);
    FUZZ_CHECK(config->presenceKey.size() <= 255);
    Json echo = Json::array();
    qint64 id = 1;
    for (const ChannelConfig::Binding &b : config->bindings) {
        FUZZ_CHECK(b.table.isEmpty() || tables().contains(b.table));
        if (b.filter)
            (void)b.filter->matches(Json{{"status", "pending"}, {"quantity", 3}});
        Json answer = b.request;
        answer["id"] = id++;
        echo.push_back(std::move(answer));
    }
    reply(v2, m, true, Json{{"postgres_changes", echo}});
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const int kind = data[0] % 3;
    const QByteArray frame = fuzz::bytes(data + 1, size - 1);
    const bool v2 = kind != 0;
    // A text frame arrives as a QString (QWebSocket decodes it); the server reads its UTF-8.
    auto m = kind == 2 ? PhoenixMessage::fromBinary(frame) : PhoenixMessage::fromText(QString::fromUtf8(frame).toUtf8(), v2);
    if (!m) {
        FUZZ_CHECK(!m.error().message.isEmpty());
        return 0;
    }
    if (kind == 2) {
        if (m->jsonEncoded)
            (void)parseJson(m->binaryPayload);
        reply(true, *m, false, Json{{"reason", "unmatched topic"}});
        return 0;
    }
    if (!m->payload.is_object())
        return reply(v2, *m, false, Json{{"reason", "payload must be an object"}}), 0;
    if (m->event == QLatin1String("phx_join"))
        join(v2, *m);
    else
        reply(v2, *m, true, Json::object());
    return 0;
}
