#pragma once

#include "core/ids.h"
#include "core/jsonutil.h"
#include "core/result.h"
#include "domain/scope.h"
#include "storage/repositories.h"

namespace ery {

class Services;

// What every service shares: the engine's one write connection and the repositories.
class ServiceBase {
public:
    explicit ServiceBase(Services &s);

protected:
    Database &db() const;
    const Repositories &repo() const;
    Services &m_s;
};

// The answer of a lifecycle action, as the API reports it.
struct Transition {
    QString previousStatus;
    QString newStatus;
    Row row;
};

} // namespace ery
