#include "phoenixmessage.h"

#include "core/jsonutil.h"

namespace ery::realtime {

namespace {

// Binary frames of vsn 2.0.0: a client's broadcast push.
constexpr quint8 kUserBroadcastPush = 3;
constexpr quint8 kJsonEncoding = 1;

} // namespace

Result<PhoenixMessage> PhoenixMessage::fromText(const QByteArray &utf8, bool v2)
{
    auto parsed = parseJson(utf8);
    if (!parsed)
        return Error::badRequest(QStringLiteral("malformed message: not JSON"));
    const Json &m = *parsed;
    Json topic, event;
    PhoenixMessage out;
    if (v2) {
        if (!m.is_array() || m.size() != 5)
            return Error::badRequest(QStringLiteral("malformed message: vsn 2.0.0 sends [join_ref, ref, topic, event, payload]"));
        out.joinRef = m[0], out.ref = m[1], topic = m[2], event = m[3], out.payload = m[4];
    } else {
        if (!m.is_object())
            return Error::badRequest(QStringLiteral("malformed message: vsn 1.0.0 sends {topic, event, payload, ref}"));
        out.joinRef = m.value("join_ref", Json(nullptr));
        out.ref = m.value("ref", Json(nullptr));
        topic = m.value("topic", Json(nullptr));
        event = m.value("event", Json(nullptr));
        out.payload = m.value("payload", Json::object());
    }
    if (!topic.is_string() || !event.is_string())
        return Error::badRequest(QStringLiteral("malformed message: topic and event must be strings"));
    // Refs are echoed back: only short strings or numbers, never arbitrary documents.
    for (const Json *r : {&out.joinRef, &out.ref})
        if (!r->is_null() && !r->is_number_integer() && !(r->is_string() && r->get_ref<const std::string &>().size() <= 64))
            return Error::badRequest(QStringLiteral("malformed message: ref must be a short string"));
    out.topic = qs(topic.get<std::string>());
    out.event = qs(event.get<std::string>());
    return out;
}

Result<PhoenixMessage> PhoenixMessage::fromBinary(const QByteArray &frame)
{
    // kind, join_ref, ref, topic, user event and metadata lengths, payload encoding; then the strings.
    const auto *b = reinterpret_cast<const quint8 *>(frame.constData());
    if (frame.size() < 7 || b[0] != kUserBroadcastPush)
        return Error::badRequest(QStringLiteral("malformed binary frame: only broadcast pushes (kind 3) are accepted"));
    const qsizetype lens[5] = {b[1], b[2], b[3], b[4], b[5]};
    qsizetype at = 7;
    QByteArray parts[5];
    for (int i = 0; i < 5; ++i) {
        if (at + lens[i] > frame.size())
            return Error::badRequest(QStringLiteral("malformed binary frame: lengths exceed the frame"));
        parts[i] = frame.mid(at, lens[i]);
        at += lens[i];
    }
    PhoenixMessage out;
    // The refs are echoed back in a JSON text reply, so they are read as UTF-8 text like the topic:
    // raw bytes that are not UTF-8 made writing that reply throw.
    out.joinRef = parts[0].isEmpty() ? Json(nullptr) : Json(QString::fromUtf8(parts[0]).toStdString());
    out.ref = parts[1].isEmpty() ? Json(nullptr) : Json(QString::fromUtf8(parts[1]).toStdString());
    out.topic = QString::fromUtf8(parts[2]);
    out.event = QString::fromUtf8(parts[3]);
    out.jsonEncoded = b[6] == kJsonEncoding;
    out.binaryPayload = frame.mid(at);
    return out;
}

std::string PhoenixMessage::toText(bool v2, const Json &joinRef, const Json &ref, const QString &topic, const QString &event,
                                   const std::string &payload)
{
    const std::string t = Json(topic.toStdString()).dump(-1, ' ', false, Json::error_handler_t::replace);
    const std::string e = Json(event.toStdString()).dump();
    std::string m;
    m.reserve(payload.size() + t.size() + 64);
    if (v2) {
        m = "[" + joinRef.dump() + "," + ref.dump() + "," + t + "," + e + "," + payload + "]";
    } else {
        m = R"({"topic":)" + t + R"(,"event":)" + e + R"(,"payload":)" + payload + R"(,"ref":)" + ref.dump() + R"(,"join_ref":)" + joinRef.dump() + "}";
    }
    return m;
}

} // namespace ery::realtime
