#pragma once

#include "servicebase.h"

namespace ery {

class Services;

// Loads the demo shop of DOMAIN.md through the services (so it obeys every rule and emits the
// events a real shop would). Running it again on the same database changes nothing.
class DemoShop {
public:
    struct Outcome {
        bool created = false;
        QString tenantId;
        int jobs = 0;
    };
    static Result<Outcome> load(Services &s);
    static QString tenantName();
};

} // namespace ery
