#pragma once

#include "core/result.h"
#include "realtimefilter.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace ery::realtime {

// The `config` of a phx_join payload as realtime-js sends it: the postgres_changes bindings, the
// broadcast options and presence. Read without a socket or a key, so it can be fuzzed on its own;
// an error is the reason the join is refused.
struct ChannelConfig {
    struct Binding {
        QString event; // *, INSERT, UPDATE, DELETE
        QString table; // empty: every table of the feed
        std::optional<RowFilter> filter;
        Json request; // the entry as the client sent it (echoed back with its id)
    };
    std::vector<Binding> bindings;
    bool broadcastSelf = false;
    bool broadcastAck = false;
    bool presenceEnabled = false;
    QString presenceKey; // empty when the client named none

    // `tables`: the tables whose changes can be subscribed to.
    static Result<ChannelConfig> fromJoinPayload(const Json &payload, const QStringList &tables, int maxBindings, int maxKeyLength);
};

} // namespace ery::realtime
