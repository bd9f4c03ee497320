#pragma once

#include "servicebase.h"

namespace ery::services {

// Which processes serve this database, and whether it may talk to the outside world.
//
// Hubs: a process serving the database (`eryxon-server serve`, a desktop with its API) registers a
// row with its address and refreshes its heartbeat every kBeatMs; a clean stop removes the row. A
// heartbeat older than kStaleMs, or a process id that no longer exists on this machine, is a hub
// that died: it is not reported as serving.
//
// Installation: the path and machine that last ran the database. A hub that finds another one
// stored (a backup opened for a look, a copy for testing) pauses the outgoing integrations —
// webhooks and MQTT — until an admin resumes them. The pause is stored, so every process on the
// database honours it.
class HubService : public ServiceBase {
public:
    using ServiceBase::ServiceBase;
    static constexpr int kBeatMs = 5000;
    static constexpr int kStaleMs = 20000;

    struct Identity {
        QString path;     // canonical SQLite file path, or postgresql://host:port/db
        QString machine;  // this machine's id; empty on PostgreSQL (workstations share one server)
        QString hostName; // for people
    };
    // Where this connection's database is, as the installation row records it.
    Identity identity() const;

    struct Integrations {
        bool paused = false;
        QString reason;      // why, in plain words
        QString pausedAt;    // ISO time
        bool copied = false; // this start found another path or machine stored (claim only)
        Json toJson() const;
    };
    // A hub starts: compares and stores the identity; pauses when it differs from the stored one or
    // when `pauseOnPurpose` (--integrations off). A paused database stays paused until resumed.
    Result<Integrations> claim(bool pauseOnPurpose);
    Result<Integrations> integrations();
    Result<Integrations> pause(const QString &reason);
    Result<Integrations> resume();

    // kind: "serve" or "desktop"; apiUrl: where it answers (empty: not serving the API).
    Result<QString> registerHub(const QString &kind, const QString &apiUrl);
    Status beat(const QString &hubId);
    Status unregisterHub(const QString &hubId);
    // The hubs alive now, each with uptime_seconds; never the dead ones.
    Result<Rows> liveHubs();
};

} // namespace ery::services
