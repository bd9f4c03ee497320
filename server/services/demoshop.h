#pragma once

#include "servicebase.h"

namespace ery::services {

class Services;

// Loads the demo shop of DOMAIN.md through the services (so it obeys every rule and emits the
// events a real shop would). Running it again on the same database changes nothing.
class DemoShop {
public:
    struct Outcome {
        bool created = false;
        QString tenantId;
        int jobs = 0;
        int sandboxJobs = 0; // jobs loaded into the sandbox twin (intoSandbox)
    };
    // With intoSandbox the sandbox twin gets the same shop, so a test key has data; it is filled
    // on a later run too when the demo is there and its sandbox has no jobs.
    static Result<Outcome> load(Services &s, bool intoSandbox = false);
    static QString tenantName();
    // The demo admin's published sign-in ({username, password}): the demo is for trying things out,
    // and a screen that loaded it signs its user straight in.
    static Json adminSignIn();

private:
    static Result<int> fill(Services &s, const QString &tenantId, const Json &data);
};

} // namespace ery::services
