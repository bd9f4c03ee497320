#pragma once

#include <QLatin1String>
#include <QString>

namespace ery::realtime {

// A channel's topic as realtime-js names it: "realtime:" then the channel's name, at most
// PhoenixMessage::kMaxNameBytes bytes of UTF-8.
class ChannelTopic {
public:
    static constexpr QLatin1String kPrefix{"realtime:"};

    static bool isValid(const QString &topic);
    // The channel's name: the topic without its prefix.
    static QString channelName(const QString &topic);
};

} // namespace ery::realtime
