#include "writegroup.h"

#include "storage/database.h"
#include "storage/repositories.h"

namespace ery::services {

void WriteGroup::setGrouping(bool on)
{
    m_db.setGrouping(on);
}

bool WriteGroup::open() const
{
    return m_db.groupOpen();
}

Status WriteGroup::flush()
{
    return m_db.flushGroup();
}

void WriteGroup::onEnd(std::function<void(bool committed)> callback)
{
    m_db.onGroupEnd(std::move(callback));
}

bool WriteGroup::writeHeld() const
{
    return m_db.writeHeld();
}

void WriteGroup::whenWritable(QObject *context, std::function<void()> f)
{
    m_db.whenWritable(context, std::move(f));
}

} // namespace ery::services
