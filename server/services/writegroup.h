#pragma once

#include "core/result.h"

#include <functional>

class QObject;

namespace ery::storage {
class Database;
}

namespace ery::services {

// The HTTP server's hold on the write connection: group commit (the writes of a batch of requests
// share one COMMIT, their answers wait for it) and the held write of an import, which requests
// that write wait out.
class WriteGroup {
public:
    explicit WriteGroup(storage::Database &db) : m_db(db) { }

    // While on, each write is a savepoint of one open transaction.
    void setGrouping(bool on);
    bool open() const;
    Status flush();
    // Called once when the open group ends: true when it committed.
    void onEnd(std::function<void(bool committed)> callback);

    bool writeHeld() const;
    void whenWritable(QObject *context, std::function<void()> f);

private:
    storage::Database &m_db;
};

} // namespace ery::services
