#pragma once

#include "servicebase.h"

namespace ery::services {

class ActivityLog;
class CatalogService;
class TenantService;
class UserService;

// A shop of one's own on an empty database: the live tenant with its sandbox twin, the first admin
// and, if given, starter cells (in both, so a test key has cells too). One transaction: a half-made
// shop never exists. A database that already has a shop is refused (CONFLICT, naming it).
class ShopSetup : public ServiceBase {
public:
    ShopSetup(const DataAccess &data, ActivityLog &activity, CatalogService &catalog, TenantService &tenants, UserService &users)
        : ServiceBase(data), m_activity(activity), m_catalog(catalog), m_tenants(tenants), m_users(users)
    {
    }
    struct Outcome {
        Row tenant;
        Row sandbox;
        Row admin; // public view, no hash
        Rows cells;
    };
    // {name, admin_username, admin_password, admin_full_name?, admin_email?, enterprise?, site?,
    //  area?, timezone?, company_name?, cells?: [names]}
    Result<Outcome> create(const Json &input);

private:
    // The services this one calls.
    ActivityLog &m_activity;
    CatalogService &m_catalog;
    TenantService &m_tenants;
    UserService &m_users;
};

} // namespace ery::services
