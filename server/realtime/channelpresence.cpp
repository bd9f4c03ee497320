#include "channelpresence.h"

#include "core/jsonutil.h"

namespace ery::realtime {

Json ChannelPresence::entry(const QString &key, const Json &meta)
{
    return Json{{toStd(key), {{"metas", Json::array({meta})}}}};
}

Status ChannelPresence::checkMeta(const Json &meta)
{
    if (!meta.is_object())
        return Error::badRequest(QStringLiteral("presence payload must be an object"));
    if (meta.dump().size() > size_t(kMaxMetaBytes))
        return Error::badRequest(QStringLiteral("presence payload larger than 8 KiB"));
    return {};
}

ChannelPresence::Diff ChannelPresence::track(Json meta, qint64 phxRef)
{
    meta["phx_ref"] = std::to_string(phxRef);
    Diff diff{entry(m_key, meta), m_meta ? entry(m_key, *m_meta) : Json::object()};
    m_meta = std::move(meta);
    return diff;
}

std::optional<ChannelPresence::Diff> ChannelPresence::untrack()
{
    if (!m_meta)
        return std::nullopt;
    Diff diff{Json::object(), entry(m_key, *m_meta)};
    m_meta.reset();
    return diff;
}

} // namespace ery::realtime
