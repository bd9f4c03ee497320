#pragma once

#include "activitylog.h"
#include "apikeyservice.h"
#include "assignmentservice.h"
#include "batchservice.h"
#include "catalogservice.h"
#include "deliverystore.h"
#include "eventdata.h"
#include "hubservice.h"
#include "importwriter.h"
#include "issueservice.h"
#include "jobservice.h"
#include "mqttpublisherservice.h"
#include "notificationservice.h"
#include "operationservice.h"
#include "partservice.h"
#include "productionservice.h"
#include "quotas.h"
#include "rollup.h"
#include "settingsservice.h"
#include "shopsetup.h"
#include "substepservice.h"
#include "syncservice.h"
#include "tenantservice.h"
#include "timeservice.h"
#include "userservice.h"
#include "webhookservice.h"
#include "writegroup.h"

namespace ery {

// The service layer: the only code that changes data. Every adapter (REST, MCP, terminal, admin
// panels, import, ERP sync) calls these same methods, so the rules hold for every caller.
class Services {
public:
    explicit Services(Database &database);
    Services(const Services &) = delete;
    Services &operator=(const Services &) = delete;

private:
    // The write connection and the tables are the services' own: adapters get the narrow handles
    // below (writes, deliveries, imports), never SQL.
    friend class ServiceBase;
    friend class DemoShop;
    Database &db;
    Repositories repo;

public:
    EventData eventData{*this};
    ActivityLog activity{*this};
    NotificationService notifications{*this};
    Quotas quotas{*this};
    TenantService tenants{*this};
    UserService users{*this};
    CatalogService catalog{*this};
    JobService jobs{*this};
    PartService parts{*this};
    OperationService operations{*this};
    TimeService time{*this};
    Rollup rollup{*this};
    IssueService issues{*this};
    ProductionService production{*this};
    SubstepService substeps{*this};
    AssignmentService assignments{*this};
    ApiKeyService apiKeys{*this};
    SyncService sync{*this};
    WebhookService webhooks{*this};
    MqttPublisherService mqttPublishers{*this};
    BatchService batches{*this};
    SettingsService settings{*this};
    ShopSetup shop{*this};
    HubService hubs{*this};

    WriteGroup writes{db};
    DeliveryStore deliveries{db, repo};
    ImportWriter imports{db, repo, sync};
};

} // namespace ery
