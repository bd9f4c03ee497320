#include "phoenixmessage.h"

#include "core/jsonutil.h"

namespace ery::realtime {

namespace {

// The kinds of vsn 2.0.0 binary frames that carry a broadcast (realtime-js's serializer).
enum class BinaryKind : quint8 { UserBroadcastPush = 3, UserBroadcast = 4 };
enum class PayloadEncoding : quint8 { Binary = 0, Json = 1 };

// A client's broadcast push: its kind, the lengths of these strings in this order, the payload's
// encoding; then the strings and the payload.
enum PushField { PushJoinRef, PushRef, PushTopic, PushEvent, PushMetadata, PushFieldCount };
constexpr qsizetype kPushHeaderBytes = 1 + PushFieldCount + 1;

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
    out.topic = fromStd(topic.get<std::string>());
    out.event = fromStd(event.get<std::string>());
    return out;
}

Result<PhoenixMessage> PhoenixMessage::fromBinary(const QByteArray &frame)
{
    // kind, join_ref, ref, topic, user event and metadata lengths, payload encoding; then the strings.
    const auto *b = reinterpret_cast<const quint8 *>(frame.constData());
    if (frame.size() < kPushHeaderBytes || b[0] != quint8(BinaryKind::UserBroadcastPush))
        return Error::badRequest(QStringLiteral("malformed binary frame: only broadcast pushes (kind 3) are accepted"));
    qsizetype at = kPushHeaderBytes;
    QByteArray field[PushFieldCount];
    for (int i = 0; i < PushFieldCount; ++i) {
        const qsizetype length = b[1 + i];
        if (at + length > frame.size())
            return Error::badRequest(QStringLiteral("malformed binary frame: lengths exceed the frame"));
        field[i] = frame.mid(at, length);
        at += length;
    }
    PhoenixMessage out;
    // The refs are echoed back in a JSON text reply, so they are read as UTF-8 text like the topic:
    // raw bytes that are not UTF-8 made writing that reply throw.
    out.joinRef = field[PushJoinRef].isEmpty() ? Json(nullptr) : Json(QString::fromUtf8(field[PushJoinRef]).toStdString());
    out.ref = field[PushRef].isEmpty() ? Json(nullptr) : Json(QString::fromUtf8(field[PushRef]).toStdString());
    out.topic = QString::fromUtf8(field[PushTopic]);
    out.event = QString::fromUtf8(field[PushEvent]);
    out.jsonEncoded = b[1 + PushFieldCount] == quint8(PayloadEncoding::Json);
    out.binaryPayload = frame.mid(at);
    return out;
}

std::string PhoenixMessage::toText(bool v2, const Json &joinRef, const Json &ref, const QString &topic, const QString &event,
                                   const std::string &payload)
{
    const std::string t = jsonText(Json(topic.toStdString()));
    const std::string e = Json(event.toStdString()).dump();
    std::string m;
    m.reserve(payload.size() + t.size() + 64);
    if (v2) {
        m = "[" + joinRef.dump() + "," + ref.dump() + "," + t + "," + e + "," + payload + "]";
    } else {
        m = R"({"topic":)" + t + R"(,"event":)" + e + R"(,"payload":)" + payload + R"(,"ref":)" + ref.dump() + R"(,"join_ref":)" +
            joinRef.dump() + "}";
    }
    return m;
}

QByteArray PhoenixMessage::toBinaryBroadcast(const QString &topic, const QString &event, bool jsonEncoded, const QByteArray &payload)
{
    // kind, topic and event lengths, metadata length (none), payload encoding; then the strings.
    const QByteArray topicBytes = topic.toUtf8(), eventBytes = event.toUtf8();
    QByteArray frame;
    frame.reserve(5 + topicBytes.size() + eventBytes.size() + payload.size());
    frame.append(char(BinaryKind::UserBroadcast));
    frame.append(char(topicBytes.size()));
    frame.append(char(eventBytes.size()));
    frame.append(char(0));
    frame.append(char(jsonEncoded ? PayloadEncoding::Json : PayloadEncoding::Binary));
    frame += topicBytes + eventBytes + payload;
    return frame;
}

QByteArray PhoenixMessage::toTextBroadcast(const QString &topic, const QString &event, const QByteArray &payload)
{
    const std::string t = R"({"topic":)" + Json(topic.toStdString()).dump() +
                          R"(,"event":"broadcast","payload":{"type":"broadcast","event":)" + Json(event.toStdString()).dump() +
                          R"(,"payload":)" + payload.toStdString() + R"(},"ref":null})";
    return QByteArray::fromStdString(t);
}

} // namespace ery::realtime
