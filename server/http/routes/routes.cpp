#include "routes.h"

#include "http/apiserver.h"
#include "services/services.h"

namespace ery::http {

void installRoutes(ApiServer &api)
{
    Database &db = api.services().db;
    api.router().setWriteGate({[&db] { return db.writeHeld(); },
                               [&db, &api](std::function<void()> f) { db.whenWritable(&api, std::move(f)); }});
    installSystemRoutes(api);
    installJobRoutes(api);
    installPartRoutes(api);
    installOperationRoutes(api);
    installCatalogRoutes(api);
    installOperatorRoutes(api);
    installTimeEntryRoutes(api);
    installSubstepRoutes(api);
    installAssignmentRoutes(api);
    installIssueRoutes(api);
    installProductionRoutes(api);
    installApiKeyRoutes(api);
    installWebhookRoutes(api);
    installMqttRoutes(api);
    installBatchRoutes(api);
    installImportRoutes(api);
}

} // namespace ery::http
