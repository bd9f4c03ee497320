#pragma once

#include "servicebase.h"

namespace ery {

// A shop of one's own on an empty database: the live tenant with its sandbox twin, the first admin
// and, if given, starter cells (in both, so a test key has cells too). One transaction: a half-made
// shop never exists. A database that already has a shop is refused (CONFLICT, naming it).
class ShopSetup : public ServiceBase {
public:
    using ServiceBase::ServiceBase;
    struct Outcome {
        Row tenant;
        Row sandbox;
        Row admin; // public view, no hash
        Rows cells;
    };
    // {name, admin_username, admin_password, admin_full_name?, admin_email?, enterprise?, site?,
    //  area?, timezone?, company_name?, cells?: [names]}
    Result<Outcome> create(const Json &input);
};

} // namespace ery
