#pragma once

#include "database.h"

namespace ery::storage {

// The two tables that belong to the database rather than to a tenant: `hubs` (the processes serving
// it, with their heartbeats) and `installation` (where it was last run, and whether its outgoing
// integrations are paused).
class HubRepository {
public:
    Result<Rows> hubs(Database &db) const;
    Status insertHub(WriteTx &tx, const Row &hub) const;
    Status beat(WriteTx &tx, const QString &hubId, const QString &at) const;
    Status removeHub(WriteTx &tx, const QString &hubId) const;
    // Rows of hubs whose heartbeat is older than `before` (processes that died): removed.
    Status removeStale(WriteTx &tx, const QString &before) const;

    // The one installation row; null when this database was never run by a hub.
    Result<Row> installation(Database &db) const;
    Status saveInstallation(WriteTx &tx, const Row &row) const; // insert or replace row 1
};

} // namespace ery::storage
