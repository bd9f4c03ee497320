#pragma once

#include "core/result.h"

namespace ery::storage {

class Database;

// One migration sequence for both engines; applied on start and by `eryxon-server migrate`.
Status runMigrations(Database &db);
int latestSchemaVersion();

} // namespace ery::storage
