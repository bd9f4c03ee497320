#include "channeltopic.h"

#include "phoenixmessage.h"

namespace ery::realtime {

bool ChannelTopic::isValid(const QString &topic)
{
    return topic.startsWith(kPrefix) && topic.size() > kPrefix.size() && topic.toUtf8().size() <= PhoenixMessage::kMaxNameBytes;
}

QString ChannelTopic::channelName(const QString &topic)
{
    return topic.mid(kPrefix.size());
}

} // namespace ery::realtime
