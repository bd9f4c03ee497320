#pragma once

namespace ery::http {

class ApiServer;

// The route registry: one file per resource under http/routes/, each adding its routes on both
// tables (canonical /api/v1/... and the original's /functions/v1/api-*). Every path is written out
// in full once, so a documented path finds its code with grep. To add a resource:
//   1. write routes/<resource>routes.cpp with `void install<Resource>Routes(ApiServer &api)`:
//      usually one ResourceSpec (resourcespec.h) handed to installResource() for its CRUD routes,
//      plus a table of ActionRoute rows (actionroute.h) handed to installActions() for the rest;
//   2. declare it below and call it from installRoutes() in routes.cpp;
//   3. add the .cpp to server/CMakeLists.txt.
// The OpenAPI document is generated from the router, so a new canonical route is described there
// without further work (give its RouteDoc a summary, tag and body schema).
void installJobRoutes(ApiServer &api);
void installPartRoutes(ApiServer &api);
void installOperationRoutes(ApiServer &api);
void installCatalogRoutes(ApiServer &api);
void installOperatorRoutes(ApiServer &api);
void installTimeEntryRoutes(ApiServer &api);
void installSubstepRoutes(ApiServer &api);
void installAssignmentRoutes(ApiServer &api);
void installIssueRoutes(ApiServer &api);
void installProductionRoutes(ApiServer &api);
void installApiKeyRoutes(ApiServer &api);
void installMcpKeyRoutes(ApiServer &api);
void installSystemRoutes(ApiServer &api);
void installWebhookRoutes(ApiServer &api);
void installMqttRoutes(ApiServer &api);
void installBatchRoutes(ApiServer &api);
void installImportRoutes(ApiServer &api);
void installExportRoutes(ApiServer &api);
void installAuthRoutes(ApiServer &api);
void installErpRoutes(ApiServer &api);
void installSettingsRoutes(ApiServer &api);
void installSetupRoutes(ApiServer &api);
void installAnalyticsRoutes(ApiServer &api);
void installMcpRoutes(ApiServer &api);
void installActivityRoutes(ApiServer &api);
void installFileRoutes(ApiServer &api);

void installRoutes(ApiServer &api);

} // namespace ery::http
