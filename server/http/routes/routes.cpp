#include "routes.h"

#include "http/apiserver.h"
#include "services/services.h"

using namespace ery::services;

namespace ery::http {

void installRoutes(ApiServer &api)
{
    WriteGroup &writes = api.services().writes;
    api.router().setWriteGate(
        {[&writes] { return writes.writeHeld(); }, [&writes, &api](std::function<void()> f) { writes.whenWritable(&api, std::move(f)); }});
    installSystemRoutes(api);
    installJobRoutes(api);
    installPartRoutes(api);
    installOperationRoutes(api);
    installCatalogRoutes(api);
    installOperatorRoutes(api);
    installTimeEntryRoutes(api);
    installActivityRoutes(api);
    installSubstepRoutes(api);
    installAssignmentRoutes(api);
    installIssueRoutes(api);
    installFileRoutes(api);
    installProductionRoutes(api);
    installApiKeyRoutes(api);
    installMcpKeyRoutes(api);
    installWebhookRoutes(api);
    installMqttRoutes(api);
    installBatchRoutes(api);
    installImportRoutes(api);
    installExportRoutes(api);
    installAuthRoutes(api);
    installErpRoutes(api);
    installSettingsRoutes(api);
    installSetupRoutes(api);
    installAnalyticsRoutes(api);
    installMcpRoutes(api);
}

} // namespace ery::http
