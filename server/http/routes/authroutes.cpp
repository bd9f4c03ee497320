#include "http/apiserver.h"
#include "http/routedoc.h"
#include "routes.h"
#include "services/services.h"

using namespace ery::services;

namespace ery::http {

namespace {

const char *kTag = "Authentication";

Json sessionAnswer(const SessionTokens &t)
{
    qint64 expires = 0;
    parseIso(t.expiresAt, &expires);
    return Json{{"session",
                 {{"access_token", toStd(t.accessToken)},
                  {"token_type", "Bearer"},
                  {"expires_at", toStd(t.expiresAt)},
                  {"expires_in", std::max<qint64>(0, (expires - Clock::nowMs()) / 1000)},
                  {"refresh_token", toStd(t.refreshToken)},
                  {"refresh_expires_at", toStd(t.refreshExpiresAt)},
                  {"user", t.user},
                  {"tenant", {{"id", toStd(t.tenantId)}, {"name", toStd(t.tenantName)}}}}}};
}

Result<Json> objectBody(const Request &r)
{
    auto body = r.json();
    if (body && !body->is_object())
        return Error::badRequest(QStringLiteral("The body must be a JSON object"));
    return body;
}

// A text field of the body, or 422 naming it.
Result<QString> field(const Json &body, const char *name, bool required)
{
    auto it = body.find(name);
    if (it == body.end() || it->is_null()) {
        if (required)
            return Error::validation(Json::array({{{"field", name}, {"message", std::string(name) + " is required"}, {"constraint", "required"}}}));
        return QString();
    }
    if (!it->is_string())
        return Error::validation(Json::array({{{"field", name}, {"message", std::string(name) + " must be text"}, {"constraint", "type"}}}));
    return QString::fromStdString(it->get<std::string>());
}

} // namespace

// User sessions (CONTRACTS.md §1, docs/api.md "Authentication and keys"): a user signs in with
// username and password for a short-lived Bearer token that works wherever an API key does, with
// the user's role as its scope; refresh hands out a new pair once; logout ends it. Wrong passwords
// count towards the account's lockout and, like wrong keys, towards the address's slow-down.
void installAuthRoutes(ApiServer &api)
{
    Services &s = api.services();
    const Json loginSchema{{"type", "object"},
                           {"required", Json::array({"username", "password"})},
                           {"properties",
                            {{"username", {{"type", "string"}, {"maxLength", 100}}},
                             {"password", {{"type", "string"}, {"maxLength", 1000}}},
                             {"tenant", {{"type", "string"}, {"maxLength", 200}, {"description", "the shop's id or name, when the username is in more than one"}}},
                             {"client", {{"type", "string"}, {"maxLength", 100}}}}}};
    api.router().add(
        Method::Post, QStringLiteral("/api/v1/auth/login"), Access::Public,
        [&s, &api](Request &r) {
            if (auto held = api.heldOff(r))
                return *held;
            auto body = objectBody(r);
            if (!body)
                return Response::error(body.error());
            auto user = field(*body, "username", true);
            auto password = field(*body, "password", true);
            auto tenant = field(*body, "tenant", false);
            auto client = field(*body, "client", false);
            for (const auto *f : {&user, &password, &tenant, &client})
                if (!*f)
                    return Response::error(f->error());
            auto t = s.sessions.login(*tenant, *user, *password, *client);
            if (!t) {
                if (t.error().code == ErrorCode::Unauthorized)
                    api.authFailed(r);
                return Response::error(t.error());
            }
            return Response::ok(sessionAnswer(*t));
        },
        RouteDoc{QStringLiteral("Sign in with username and password: a session token"), QLatin1String(kTag), {}, false, loginSchema, 200});

    const Json pinSchema{{"type", "object"},
                         {"required", Json::array({"employee_id", "pin"})},
                         {"properties",
                          {{"employee_id", {{"type", "string"}, {"maxLength", 50}}},
                           {"pin", {{"type", "string"}, {"maxLength", 64}}},
                           {"client", {{"type", "string"}, {"maxLength", 100}, {"description", "which terminal, for the activity log"}}}}}};
    api.router().add(
        Method::Post, QStringLiteral("/api/v1/auth/pin"), Access::Terminal,
        [&s, &api](Request &r) {
            auto body = objectBody(r);
            if (!body)
                return Response::error(body.error());
            auto employee = field(*body, "employee_id", true);
            auto pin = field(*body, "pin", true);
            auto client = field(*body, "client", false);
            for (const auto *f : {&employee, &pin, &client})
                if (!*f)
                    return Response::error(f->error());
            auto t = s.sessions.loginWithPin(*r.key, *employee, *pin, *client);
            if (!t) {
                if (t.error().code == ErrorCode::Unauthorized)
                    api.authFailed(r);
                return Response::error(t.error());
            }
            return Response::ok(sessionAnswer(*t));
        },
        RouteDoc{QStringLiteral("A floor terminal signs an operator in with employee id and PIN (terminal or admin key): a session token"),
                 QLatin1String(kTag), {}, false, pinSchema, 200});

    const Json refreshSchema{{"type", "object"}, {"required", Json::array({"refresh_token"})}, {"properties", {{"refresh_token", {{"type", "string"}, {"maxLength", 100}}}}}};
    api.router().add(
        Method::Post, QStringLiteral("/api/v1/auth/refresh"), Access::Public,
        [&s, &api](Request &r) {
            if (auto held = api.heldOff(r))
                return *held;
            auto body = objectBody(r);
            if (!body)
                return Response::error(body.error());
            auto token = field(*body, "refresh_token", true);
            if (!token)
                return Response::error(token.error());
            auto t = s.sessions.refresh(*token);
            if (!t) {
                if (t.error().code == ErrorCode::Unauthorized)
                    api.authFailed(r);
                return Response::error(t.error());
            }
            return Response::ok(sessionAnswer(*t));
        },
        RouteDoc{QStringLiteral("A new session token for a refresh token (each works once)"), QLatin1String(kTag), {}, false, refreshSchema,
                 200});

    api.router().add(
        Method::Post, QStringLiteral("/api/v1/auth/logout"), Access::Read,
        [&s](Request &r) {
            if (!r.key->session)
                return Response::error(Error::badRequest(QStringLiteral("Only a session signs out; revoke an API key instead")));
            const QString token = QString::fromLatin1(r.header("authorization")).mid(7).trimmed();
            if (auto st = s.sessions.logout(token); !st)
                return Response::error(st.error());
            return Response::ok(Json{{"signed_out", true}});
        },
        RouteDoc{QStringLiteral("End this session"), QLatin1String(kTag), {}, false, nullptr, 200});

    api.router().add(
        Method::Get, QStringLiteral("/api/v1/auth/session"), Access::Read,
        [](Request &r) {
            const ApiKeyIdentity &k = *r.key;
            Json who{{"kind", k.session ? "session" : "api_key"},
                     {"name", toStd(k.name)},
                     {"scope", toStd(k.access)},
                     {"tenant_id", toStd(k.scope.tenantId)},
                     {"test", k.test}};
            if (k.session)
                who["user_id"] = toStd(k.scope.actorId);
            else
                who["key_prefix"] = toStd(k.prefix);
            return Response::ok(Json{{"identity", who}});
        },
        RouteDoc{QStringLiteral("Who the caller is: a signed-in user or an API key"), QLatin1String(kTag), {}, false, nullptr, 200});
}

} // namespace ery::http
