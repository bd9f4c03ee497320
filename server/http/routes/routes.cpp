#include "routes.h"

namespace ery::http {

void installRoutes(ApiServer &api)
{
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
