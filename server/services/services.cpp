#include "services.h"

namespace ery {

Services::Services(Database &database) : db(database)
{
    repo.loadColumns(db);
}

} // namespace ery
