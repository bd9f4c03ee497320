#include "services.h"

#include "storage/repositories.h"

using namespace ery::storage;

namespace ery::services {

Services::Services(Database &database) : m_db(database), m_repo(std::make_unique<Repositories>()), m_data{m_db, *m_repo}
{
    m_repo->loadColumns(m_db);
    exports.setFiles(&files);
    restores.setFiles(&files);
}

Services::~Services() = default;

} // namespace ery::services
