#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <string>

namespace ery::realtime {

// One message of the Phoenix channel protocol as a client sends it, decoded without a socket:
// vsn 1.0.0 text frames are {topic, event, payload, ref, join_ref} objects, vsn 2.0.0 text frames
// [join_ref, ref, topic, event, payload] arrays and vsn 2.0.0 binary frames broadcast pushes
// (kind 3). A decoding error is the reason the socket is closed with (1007, bad data). Kept apart
// from the server so the decoding can be fuzzed on its own.
struct PhoenixMessage {
    // The longest topic or event name a binary frame carries: its length fields are one byte.
    static constexpr qsizetype kMaxNameBytes = 255;

    Json joinRef; // null, an integer or a string (echoed back in replies)
    Json ref;
    QString topic;
    QString event;
    Json payload;             // text frames: any JSON value (the server answers a non-object)
    QByteArray binaryPayload; // binary frames: the payload bytes as sent
    bool jsonEncoded = false; // binary frames: the payload is JSON

    static Result<PhoenixMessage> fromText(const QByteArray &utf8, bool v2);
    static Result<PhoenixMessage> fromBinary(const QByteArray &frame);

    // A message the server sends, as a text frame of the socket's vsn; `payload` is JSON text.
    static std::string toText(bool v2, const Json &joinRef, const Json &ref, const QString &topic, const QString &event,
                              const std::string &payload);
    // A broadcast as the server relays it: a binary frame to a vsn 2.0.0 socket, a text frame
    // (`payload` JSON text; a payload that is not JSON has no such form) to a vsn 1.0.0 socket.
    static QByteArray toBinaryBroadcast(const QString &topic, const QString &event, bool jsonEncoded, const QByteArray &payload);
    static QByteArray toTextBroadcast(const QString &topic, const QString &event, const QByteArray &payload);
};

} // namespace ery::realtime
