#pragma once

#include "activitylog.h"
#include "analyticsservice.h"
#include "apikeyservice.h"
#include "assignmentservice.h"
#include "batchservice.h"
#include "bulkservice.h"
#include "catalogservice.h"
#include "deliverystore.h"
#include "idempotencystore.h"
#include "eventdata.h"
#include "exportservice.h"
#include "fileservice.h"
#include "hubservice.h"
#include "importwriter.h"
#include "issueservice.h"
#include "jobservice.h"
#include "mcpkeyservice.h"
#include "mqttpublisherservice.h"
#include "notificationservice.h"
#include "operationservice.h"
#include "partservice.h"
#include "productionservice.h"
#include "quotas.h"
#include "restoreservice.h"
#include "rollup.h"
#include "sessionservice.h"
#include "settingsservice.h"
#include "shopsetup.h"
#include "substepservice.h"
#include "syncservice.h"
#include "tenantservice.h"
#include "timeservice.h"
#include "userservice.h"
#include "webhookservice.h"
#include "writegroup.h"

#include <memory>

namespace ery::services {

// The service layer: the only code that changes data. Every adapter (REST, MCP, terminal, admin
// panels, import, ERP sync) calls these same methods, so the rules hold for every caller.
class Services {
public:
    explicit Services(storage::Database &database);
    ~Services();
    Services(const Services &) = delete;
    Services &operator=(const Services &) = delete;

private:
    // The write connection and the tables are the services' own: adapters get the narrow handles
    // below (writes, deliveries, imports), never SQL. Each service names the services it calls in
    // its constructor; a reference to one declared further down is only used after construction.
    friend class DemoShop;
    storage::Database &m_db;
    std::unique_ptr<storage::Repositories> m_repo;
    DataAccess m_data;

public:
    EventData eventData{m_data};
    ActivityLog activity{m_data};
    NotificationService notifications{m_data};
    Quotas quotas{m_data};
    TenantService tenants{m_data, eventData};
    UserService users{m_data, activity};
    CatalogService catalog{m_data, activity, eventData};
    JobService jobs{m_data, activity, eventData, parts, quotas};
    PartService parts{m_data, activity, eventData, operations, quotas};
    OperationService operations{m_data, activity, catalog, eventData, rollup, time};
    TimeService time{m_data, activity, eventData, operations};
    Rollup rollup{m_data, eventData};
    IssueService issues{m_data, activity, eventData, notifications, operations};
    ProductionService production{m_data, eventData};
    SubstepService substeps{m_data, catalog, eventData};
    AssignmentService assignments{m_data, notifications};
    ApiKeyService apiKeys{m_data, activity};
    SessionService sessions{m_data, users, apiKeys, activity};
    McpKeyService mcpKeys{m_data, activity};
    SyncService sync{m_data, catalog, jobs, operations, parts};
    WebhookService webhooks{m_data, activity, notifications, tenants};
    MqttPublisherService mqttPublishers{m_data, activity, eventData};
    BatchService batches{m_data, activity, eventData, operations, time};
    BulkService bulk{m_data};
    SettingsService settings{m_data, activity, eventData};
    ShopSetup shop{m_data, activity, catalog, tenants, users};
    HubService hubs{m_data};
    AnalyticsService analytics{m_data};
    FileService files{m_data, eventData};
    ExportService exports{m_data};
    RestoreService restores{m_data};

    WriteGroup writes{m_db};
    DeliveryStore deliveries{m_data};
    IdempotencyStore idempotency{m_data};
    ImportWriter imports{m_data, sync, activity};
};

} // namespace ery::services
