#pragma once

#include "core/result.h"

#include <QString>

#include <optional>

namespace ery::realtime {

// One socket's presence in one channel (Phoenix Presence as realtime-js speaks it): whether it
// hears presence, the key it is known by, and what it tracks. Entries are written as Phoenix
// writes them in presence_state and presence_diff: {key: {metas: [meta]}}.
class ChannelPresence {
public:
    static constexpr qsizetype kMaxMetaBytes = 8192;

    // What a presence_diff announces.
    struct Diff {
        Json joins;
        Json leaves;
    };

    ChannelPresence() = default;
    ChannelPresence(bool enabled, QString key) : m_enabled(enabled), m_key(std::move(key)) { }

    bool enabled() const { return m_enabled; }
    const QString &key() const { return m_key; }
    bool isTracked() const { return m_meta.has_value(); }
    const Json &meta() const { return *m_meta; }

    // Why meta cannot be tracked (it must be an object of at most kMaxMetaBytes), the reason the
    // track is refused with.
    static Status checkMeta(const Json &meta);
    // Tracks meta under phxRef, replacing what was tracked.
    Diff track(Json meta, qint64 phxRef);
    // Stops tracking; nothing when nothing was tracked.
    std::optional<Diff> untrack();

private:
    static Json entry(const QString &key, const Json &meta);

    bool m_enabled = false;
    QString m_key;
    std::optional<Json> m_meta;
};

} // namespace ery::realtime
