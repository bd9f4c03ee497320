#include "http/answers.h"
#include "http/actionroute.h"
#include "http/apiserver.h"
#include "routes.h"
#include "services/demoshop.h"
#include "services/services.h"

using namespace ery::services;

namespace ery::http {

namespace {

const QString kTag = QStringLiteral("Setup");

// The shop this database holds, or null when it has none yet.
Result<Json> shopOf(Services &s)
{
    auto tenant = s.tenants.defaultTenant();
    if (tenant)
        return Json{{"id", (*tenant)["id"]}, {"name", (*tenant)["name"]}};
    if (tenant.error().code == ErrorCode::NotFound)
        return Json(nullptr);
    return tenant.error();
}

} // namespace

// A shop of one's own on an empty database (the desktop's first start; `eryxon-server init` on a
// server): only from this machine, and only while the database has no shop, so an empty hub that
// listens on the network cannot be claimed by a stranger. Once a shop exists they answer 409.
void installSetupRoutes(ApiServer &api)
{
    Services &s = api.services();
    Router &router = api.router();
    router.add(
        Method::Get, QStringLiteral("/api/v1/setup"), Access::AdminOrLoopback,
        [&s](Request &) {
            return respond(shopOf(s), [](const Json &shop) {
                Json out{{"has_shop", !shop.is_null()}, {"shop", shop}, {"demo_shop_name", toStd(DemoShop::tenantName())}};
                // The demo's published sign-in, for the sign-in screen's hint.
                if (!shop.is_null() && str(shop, "name") == DemoShop::tenantName())
                    out["demo_sign_in"] = DemoShop::adminSignIn();
                return Response::ok(std::move(out));
            });
        },
        {.summary = QStringLiteral("Whether this database has a shop yet (this machine or an admin key)"), .tag = kTag});

    // The limits of ShopSetup's fields (services/shopsetup.cpp), published for clients.
    const auto text = [](int max) { return Json{{"type", "string"}, {"maxLength", max}}; };
    const Json shopSchema{{"type", "object"},
                          {"required", Json::array({"name", "admin_username", "admin_password"})},
                          {"properties",
                           {{"name", text(200)},
                            {"company_name", text(200)},
                            {"enterprise", text(100)},
                            {"site", text(100)},
                            {"area", text(100)},
                            {"timezone", text(64)},
                            {"admin_username", text(100)},
                            {"admin_password", text(1000)},
                            {"admin_full_name", text(200)},
                            {"admin_email", text(200)},
                            {"cells", {{"type", "array"}, {"maxItems", 50}, {"items", text(200)}}}}}};
    router.add(
        Method::Post, QStringLiteral("/api/v1/setup/shop"), Access::AdminOrLoopback,
        byBody([&s](Request &, const Json &body) {
            if (!body.is_object())
                return Response::error(Error::badRequest(QStringLiteral("The body must be a JSON object")));
            return respond(s.shop.create(body), [](const ShopSetup::Outcome &o) {
                Json cells = Json::array();
                for (const Json &c : o.cells)
                    cells.push_back(c);
                return Response::created(Json{{"tenant", o.tenant}, {"sandbox", o.sandbox}, {"admin", o.admin}, {"cells", cells}});
            });
        }),
        {.summary = QStringLiteral("Create the shop with its first admin on an empty database (this machine only)"),
         .tag = kTag,
         .requestSchema = shopSchema,
         .successStatus = 201});

    router.add(
        Method::Post, QStringLiteral("/api/v1/setup/demo"), Access::AdminOrLoopback,
        [&s](Request &) {
            auto shop = shopOf(s);
            if (!shop)
                return Response::error(shop.error());
            if (!shop->is_null())
                return Response::error(Error::conflict(QStringLiteral("This database already has a shop, \"%1\"").arg(str(*shop, "name"))));
            return respond(DemoShop::load(s), [](const DemoShop::Outcome &o) {
                return Response::created(Json{{"tenant_id", toStd(o.tenantId)},
                                              {"name", toStd(DemoShop::tenantName())},
                                              {"jobs", o.jobs},
                                              {"sign_in", DemoShop::adminSignIn()}});
            });
        },
        {.summary = QStringLiteral("Load the demo shop into an empty database (this machine only)"), .tag = kTag, .successStatus = 201});
}

} // namespace ery::http
