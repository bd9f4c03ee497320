#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <string>

namespace ery::realtime {

// A committed row change (the JSON the SubscriptionHub emits: eventType, new, old,
// commit_timestamp) as the `data` of a postgres_changes message in Supabase Realtime's shape:
// schema, table, commit_timestamp, type, columns, errors, record and old_record. Written once per
// change for every socket that receives it.
class ChangeMessage {
public:
    // Nothing when the payload is not a JSON object.
    static std::optional<ChangeMessage> fromCommitted(const QString &table, const QByteArray &payload);

    const QString &type() const { return m_type; } // INSERT, UPDATE or DELETE
    // The row the bindings' filters match: the new one, or the old one of a DELETE.
    const Json &row() const;
    const std::string &data() const { return m_data; }

private:
    Json m_change;
    QString m_type;
    std::string m_data;
};

} // namespace ery::realtime
