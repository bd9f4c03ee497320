#include "mcpserver.h"

#include "auth/randomtoken.h"
#include "core/config.h"
#include "core/ids.h"
#include "core/jsonutil.h"
#include "events/subscriptionhub.h"
#include "promptcatalog.h"
#include "resourcecatalog.h"
#include "schema.h"
#include "services/services.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QLoggingCategory>

using namespace ery::domain;
using namespace ery::events;
using namespace ery::services;

namespace ery::mcp {

Q_LOGGING_CATEGORY(lcMcp, "eryxon.mcp")

namespace {
// JSON-RPC 2.0 and MCP error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kResourceNotFound = -32002;
constexpr int kRateLimited = -32029;
constexpr int kUnsupportedVersion = -32022;
constexpr int kToolsPerPage = 50;

const QStringList kLevels{"debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"};

Json ok(const Json &id, Json result)
{
    return Json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

bool validId(const Json &id)
{
    return id.is_string() || id.is_number_integer();
}

QString digestOf(const Json &args)
{
    return QString::fromLatin1(QCryptographicHash::hash(QByteArray::fromStdString(jsonText(args)), QCryptographicHash::Sha256).toHex());
}
} // namespace

const QStringList &McpServer::sessionVersions()
{
    static const QStringList v{QStringLiteral("2025-11-25"), QStringLiteral("2025-06-18"), QStringLiteral("2025-03-26")};
    return v;
}

McpServer::McpServer(Services &services, const ToolRegistry &tools, QObject *parent)
    : QObject(parent), m_s(services), m_tools(tools), m_resources(std::make_unique<ResourceCatalog>(services)),
      m_prompts(std::make_unique<PromptCatalog>(services))
{
    m_usageTimer.setInterval(1000);
    m_usageTimer.setSingleShot(true);
    connect(&m_usageTimer, &QTimer::timeout, this, &McpServer::flushUsage);
    // A revoked key's open streams end within this; its requests are refused at once anyway.
    m_expiry.setInterval(5 * 1000);
    connect(&m_expiry, &QTimer::timeout, this, &McpServer::sweepSessions);
    m_expiry.start();
    m_subscriptionCheck.setInterval(100);
    m_subscriptionCheck.setSingleShot(true);
    connect(&m_subscriptionCheck, &QTimer::timeout, this, &McpServer::checkSubscriptions);
}

McpServer::~McpServer()
{
    flushUsage();
}

void McpServer::watch(SubscriptionHub &hub)
{
    connect(&hub, &SubscriptionHub::rowChanged, this,
            [this](const QString &table, const QString &tenantId, const QString &, const QString &) { onRowChanged(table, tenantId); });
}

Result<McpKeyIdentity> McpServer::authenticate(const QString &presentedKey)
{
    return m_s.mcpKeys.resolve(presentedKey);
}

Result<McpSession *> McpServer::open(const McpKeyIdentity &who, const QString &keyHash)
{
    if (int(m_sessions.size()) >= kMaxSessions)
        sweepSessions();
    if (int(m_sessions.size()) >= kMaxSessions)
        return Error{ErrorCode::ServiceUnavailable,
                     QStringLiteral("the hub holds %1 MCP sessions: end one (DELETE) or retry later").arg(kMaxSessions), nullptr};
    int mine = 0;
    for (const auto &[id, s] : m_sessions)
        mine += s->keyHash == keyHash;
    if (mine >= kMaxSessionsPerKey)
        return Error{ErrorCode::ServiceUnavailable,
                     QStringLiteral("this key holds %1 MCP sessions: end one (DELETE) first").arg(kMaxSessionsPerKey), nullptr};
    auto s = std::make_unique<McpSession>();
    s->id = QString::fromLatin1(auth::randomBytes(16).toHex()); // unguessable: it is the session's only handle
    s->keyHash = keyHash;
    s->tenantId = who.scope.tenantId;
    s->lastSeenMs = QDateTime::currentMSecsSinceEpoch();
    McpSession *ref = s.get();
    m_sessions[s->id.toStdString()] = std::move(s);
    return ref;
}

void McpServer::sweepSessions()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QHash<QString, bool> keyAlive;
    QStringList ended;
    for (const auto &[id, s] : m_sessions) {
        if (now - s->lastSeenMs > kIdleMs) {
            ended << s->id;
            continue;
        }
        if (s->keyHash.isEmpty())
            continue;
        auto alive = keyAlive.find(s->keyHash);
        if (alive == keyAlive.end())
            alive = keyAlive.insert(s->keyHash, bool(m_s.mcpKeys.resolveHash(s->keyHash)));
        if (!*alive)
            ended << s->id;
    }
    for (const QString &id : ended)
        close(id);
}

McpSession *McpServer::session(const QString &id)
{
    auto it = m_sessions.find(id.toStdString());
    if (it == m_sessions.end())
        return nullptr;
    if (QDateTime::currentMSecsSinceEpoch() - it->second->lastSeenMs > kIdleMs) {
        close(id);
        return nullptr;
    }
    return it->second.get();
}

void McpServer::close(const QString &id)
{
    if (m_sessions.erase(id.toStdString()))
        emit sessionClosed(id);
}

bool McpServer::isStateless(const Json &m)
{
    const Json *params = m.is_object() && m.contains("params") && m["params"].is_object() ? &m["params"] : nullptr;
    return params && params->contains("_meta") && (*params)["_meta"].is_object() &&
           (*params)["_meta"].contains("io.modelcontextprotocol/protocolVersion");
}

bool McpServer::isInitialize(const Json &m)
{
    return m.is_object() && m.value("method", Json()) == "initialize";
}

Json McpServer::error(const Json &id, int code, const QString &message, const Json &data)
{
    Json e{{"code", code}, {"message", toStd(message)}};
    if (!data.is_null())
        e["data"] = data;
    return Json{{"jsonrpc", "2.0"}, {"id", id}, {"error", e}};
}

Json McpServer::handle(McpSession *session, const Json &message, const McpKeyIdentity &who,
                       const std::function<void(const Json &)> &progress)
{
    if (session)
        session->lastSeenMs = QDateTime::currentMSecsSinceEpoch();
    if (message.is_array()) {
        // Batches exist only in 2025-03-26; the later revisions removed them.
        const QString version = session ? session->protocolVersion : QString::fromLatin1(kStateless);
        if (version != QLatin1String("2025-03-26"))
            return error(nullptr, kInvalidRequest,
                         QStringLiteral("JSON-RPC batches are not supported in protocol version %1").arg(version));
        if (message.empty())
            return error(nullptr, kInvalidRequest, QStringLiteral("an empty batch"));
        Json answers = Json::array();
        for (const Json &one : message) {
            if (isInitialize(one)) {
                answers.push_back(
                    error(one.value("id", Json()), kInvalidRequest, QStringLiteral("initialize must not be part of a batch")));
                continue;
            }
            Json a = dispatch(session, one, who, progress);
            if (!a.is_null())
                answers.push_back(std::move(a));
        }
        return answers.empty() ? Json() : answers;
    }
    return dispatch(session, message, who, progress);
}

Json McpServer::dispatch(McpSession *session, const Json &m, const McpKeyIdentity &who, const std::function<void(const Json &)> &progress)
{
    if (!m.is_object() || m.value("jsonrpc", Json()) != "2.0")
        return error(nullptr, kInvalidRequest, QStringLiteral("not a JSON-RPC 2.0 message"));
    const bool hasId = m.contains("id");
    const Json id = m.value("id", Json());
    if (!m.contains("method")) {
        // A response to a server request: we send none, so there is nothing to match it with.
        if (hasId && (m.contains("result") || m.contains("error")))
            return Json();
        return error(validId(id) ? id : Json(), kInvalidRequest, QStringLiteral("a request needs a method"));
    }
    if (!m["method"].is_string())
        return error(validId(id) ? id : Json(), kInvalidRequest, QStringLiteral("method must be a string"));
    if (hasId && !validId(id))
        return error(nullptr, kInvalidRequest, QStringLiteral("id must be a string or an integer"));
    const std::string method = m["method"].get<std::string>();
    const Json params = m.value("params", Json::object());
    if (!params.is_object())
        return hasId ? error(id, kInvalidParams, QStringLiteral("params must be an object")) : Json();

    if (!hasId) {
        // Notifications: never answered.
        if (method == "notifications/initialized" && session)
            session->initialized = true;
        return Json();
    }

    const bool stateless = session == nullptr;
    auto finish = [&](Json result) {
        if (stateless && result.is_object())
            result["resultType"] = "complete";
        return ok(id, std::move(result));
    };

    if (method == "initialize") {
        if (stateless)
            return error(id, kInvalidRequest,
                         QStringLiteral("protocol version %1 has no initialize: call server/discover").arg(kStateless));
        return ok(id, initialize(session, params));
    }
    if (method == "server/discover")
        return finish(discover());
    if (method == "ping")
        return finish(Json::object());
    if (method == "tools/list")
        return finish(listTools(params, who));
    if (method == "tools/call") {
        Json answer = callTool(session, id, params, who, progress);
        if (stateless && answer.contains("result"))
            answer["result"]["resultType"] = "complete";
        return answer;
    }
    if (method == "resources/list")
        return finish(Json{{"resources", m_resources->list(who.scope)}});
    if (method == "resources/templates/list")
        return finish(Json{{"resourceTemplates", m_resources->templates()}});
    if (method == "resources/read") {
        const QString uri = str(params, "uri");
        if (uri.isEmpty())
            return error(id, kInvalidParams, QStringLiteral("resources/read needs a uri"));
        auto contents = m_resources->read(who.scope, uri);
        if (!contents)
            return contents.error().code == ErrorCode::NotFound
                       ? error(id, kResourceNotFound, contents.error().message, Json{{"uri", toStd(uri)}})
                       : error(id, kInvalidParams, contents.error().message, contents.error().toJson());
        if (session && session->subscriptions.contains(uri))
            session->subscriptions[uri] = ResourceCatalog::digest(*contents);
        return finish(Json{{"contents", Json::array({*contents})}});
    }
    if (method == "resources/subscribe" || method == "resources/unsubscribe") {
        if (stateless)
            return error(id, kMethodNotFound,
                         QStringLiteral("%1 needs a session (protocol %2 and earlier)").arg(QString::fromStdString(method), kLatest));
        return subscribe(session, id, params, who, method == "resources/subscribe");
    }
    if (method == "prompts/list")
        return finish(Json{{"prompts", m_prompts->list()}});
    if (method == "prompts/get") {
        auto prompt = m_prompts->get(who.scope, str(params, "name"), params.value("arguments", Json::object()));
        if (!prompt)
            return error(id, kInvalidParams, prompt.error().message, prompt.error().toJson());
        return finish(*prompt);
    }
    if (method == "completion/complete")
        return complete(id, params, who);
    if (method == "logging/setLevel") {
        const QString level = str(params, "level");
        if (!kLevels.contains(level))
            return error(id, kInvalidParams, QStringLiteral("level must be one of %1").arg(kLevels.join(QStringLiteral(", "))));
        if (session)
            session->logLevel = level;
        return finish(Json::object());
    }
    return error(id, kMethodNotFound, QStringLiteral("unknown method %1").arg(QString::fromStdString(method)));
}

Json McpServer::capabilities() const
{
    return Json{{"tools", {{"listChanged", false}}},
                {"resources", {{"subscribe", true}, {"listChanged", false}}},
                {"prompts", {{"listChanged", false}}},
                {"logging", Json::object()},
                {"completions", Json::object()}};
}

Json McpServer::initialize(McpSession *session, const Json &params)
{
    const QString asked = str(params, "protocolVersion");
    const QString version = sessionVersions().contains(asked) ? asked : QString::fromLatin1(kLatest);
    session->protocolVersion = version;
    return Json{{"protocolVersion", toStd(version)},
                {"capabilities", capabilities()},
                {"serverInfo", {{"name", "eryxon-mes"}, {"title", "Eryxon MES"}, {"version", toStd(versionString())}}},
                {"instructions", "Eryxon MES: jobs contain parts, parts contain operations run in cells. Use fetch_* tools to find ids, "
                                 "the lifecycle tools (start_operation, complete_operation, ...) to run work, and report_* tools for "
                                 "quality. Every change is recorded and published like the same change made in the app."}};
}

Json McpServer::discover() const
{
    Json versions = Json::array({kStateless});
    for (const QString &v : sessionVersions())
        versions.push_back(toStd(v));
    return Json{{"supportedVersions", versions},
                {"capabilities", capabilities()},
                {"serverInfo", {{"name", "eryxon-mes"}, {"title", "Eryxon MES"}, {"version", toStd(versionString())}}}};
}

Json McpServer::listTools(const Json &params, const McpKeyIdentity &who) const
{
    // The cursor is the index of the next visible tool, as text (opaque to the client).
    bool ok = true;
    const QString cursor = str(params, "cursor");
    const int start = cursor.isEmpty() ? 0 : cursor.toInt(&ok);
    Json tools = Json::array();
    int visible = 0;
    QString next;
    for (const Tool &t : m_tools.tools()) {
        if (!who.allows(t.name))
            continue;
        if (visible++ < start)
            continue;
        if (int(tools.size()) == kToolsPerPage) {
            next = QString::number(start + kToolsPerPage);
            break;
        }
        tools.push_back(t.describe());
    }
    Json out{{"tools", tools}};
    if (!next.isEmpty())
        out["nextCursor"] = toStd(next);
    (void)ok;
    return out;
}

Json McpServer::callTool(McpSession *session, const Json &id, const Json &params, const McpKeyIdentity &who,
                         const std::function<void(const Json &)> &progress)
{
    const QString name = str(params, "name");
    const Tool *tool = m_tools.find(name);
    // A tool the key may not use is as unknown as one that does not exist.
    if (!tool || !who.allows(name))
        return error(id, kInvalidParams, QStringLiteral("unknown tool: %1").arg(name));
    const Json args = params.contains("arguments") && !params["arguments"].is_null() ? params["arguments"] : Json::object();
    if (!args.is_object())
        return error(id, kInvalidParams, QStringLiteral("arguments must be an object"));
    const RateLimiter::Decision d = m_limiter.take(who.keyId, who.ratePerMinute, QDateTime::currentMSecsSinceEpoch());
    if (!d.allowed)
        return error(
            id, kRateLimited,
            QStringLiteral("rate limit of %1 tool calls per minute exceeded; retry in %2 s").arg(d.limit).arg(d.retryAfterSeconds),
            Json{{"code", "RATE_LIMIT_EXCEEDED"}, {"retryAfter", d.retryAfterSeconds}, {"limit", d.limit}, {"resetAt", d.resetSeconds}});

    QElapsedTimer timer;
    timer.start();
    Result<Json> r = [&]() -> Result<Json> {
        if (auto bad = schema::violation(tool->inputSchema, args))
            return Error{ErrorCode::ValidationError, *bad, nullptr};
        ToolCall call{m_s, who.scope, who.keyId, who.name, args, {}};
        const Json token = params.value("_meta", Json::object()).value("progressToken", Json());
        if (progress && (token.is_string() || token.is_number_integer()))
            call.progress = [&](qint64 done, qint64 total, const QString &message) {
                progress(Json{{"jsonrpc", "2.0"},
                              {"method", "notifications/progress"},
                              {"params", {{"progressToken", token}, {"progress", done}, {"total", total}, {"message", toStd(message)}}}});
            };
        try {
            return tool->handler(call);
        } catch (const std::exception &e) {
            qCCritical(lcMcp).noquote() << "tool" << name << "threw:" << e.what();
            return Error::internal(QStringLiteral("the tool failed unexpectedly"));
        }
    }();
    McpUsage u;
    u.keyId = who.keyId;
    u.tenantId = who.liveTenantId;
    u.tool = name;
    u.argumentsDigest = digestOf(args);
    u.success = bool(r);
    u.errorMessage = r ? QString() : r.error().message;
    u.durationMs = timer.elapsed();
    u.at = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    m_usage.push_back(std::move(u));
    if (m_usage.size() >= 500)
        flushUsage();
    else if (!m_usageTimer.isActive())
        m_usageTimer.start();

    if (!r) {
        Json e{{"code", r.error().codeName()}, {"message", toStd(r.error().message)}};
        if (!r.error().details.is_null())
            e["details"] = r.error().details;
        log(session, QStringLiteral("warning"), Json{{"tool", toStd(name)}, {"error", e}});
        // The error as text only: structuredContent, when present, must match the tool's
        // outputSchema, which describes success.
        return ok(id, Json{{"content", Json::array({Json{{"type", "text"}, {"text", jsonText(Json{{"error", e}})}}})}, {"isError", true}});
    }
    return ok(id, Json{{"content", Json::array({Json{{"type", "text"}, {"text", jsonText(*r)}}})}, {"structuredContent", *r}});
}

Json McpServer::subscribe(McpSession *session, const Json &id, const Json &params, const McpKeyIdentity &who, bool on)
{
    const QString uri = str(params, "uri");
    if (!on) {
        session->subscriptions.remove(uri);
        return ok(id, Json::object());
    }
    auto contents = m_resources->read(who.scope, uri);
    if (!contents)
        return error(id, kResourceNotFound, contents.error().message, Json{{"uri", toStd(uri)}});
    if (session->subscriptions.size() >= 100 && !session->subscriptions.contains(uri))
        return error(id, kInvalidParams, QStringLiteral("at most 100 subscriptions per session"));
    session->subscriptions.insert(uri, ResourceCatalog::digest(*contents));
    return ok(id, Json::object());
}

Json McpServer::complete(const Json &id, const Json &params, const McpKeyIdentity &who)
{
    const Json ref = params.value("ref", Json::object());
    const Json argument = params.value("argument", Json::object());
    const QString name = str(argument, "name"), value = str(argument, "value");
    QStringList values;
    if (str(ref, "type") == QLatin1String("ref/prompt"))
        values = m_prompts->complete(who.scope, str(ref, "name"), name, value);
    else if (str(ref, "type") == QLatin1String("ref/resource"))
        values = m_resources->complete(who.scope, str(ref, "uri"), name, value);
    else
        return error(id, kInvalidParams, QStringLiteral("ref.type must be ref/prompt or ref/resource"));
    Json list = Json::array();
    for (const QString &v : values.mid(0, 100))
        list.push_back(toStd(v));
    return ok(id, Json{{"completion", {{"values", list}, {"total", values.size()}, {"hasMore", values.size() > 100}}}});
}

void McpServer::log(McpSession *session, const QString &level, const Json &data)
{
    if (!session || kLevels.indexOf(level) < kLevels.indexOf(session->logLevel))
        return;
    const Json n{{"jsonrpc", "2.0"},
                 {"method", "notifications/message"},
                 {"params", {{"level", toStd(level)}, {"logger", "eryxon"}, {"data", data}}}};
    emit notify(session->id, QByteArray::fromStdString(jsonText(n)));
}

void McpServer::onRowChanged(const QString &table, const QString &tenantId)
{
    if (m_sessions.empty() || !ResourceCatalog::watched(table))
        return;
    m_dirty[tenantId].insert(table);
    if (!m_subscriptionCheck.isActive())
        m_subscriptionCheck.start();
}

void McpServer::checkSubscriptions()
{
    const auto dirty = std::exchange(m_dirty, {});
    for (auto &[key, s] : m_sessions) {
        const auto tables = dirty.constFind(s->tenantId);
        if (tables == dirty.constEnd() || s->subscriptions.isEmpty())
            continue;
        const Scope scope = Scope::of(s->tenantId);
        for (auto it = s->subscriptions.begin(); it != s->subscriptions.end(); ++it) {
            if (!ResourceCatalog::dependsOn(it.key(), *tables))
                continue;
            // Told only when what the client would read is different now.
            auto contents = m_resources->read(scope, it.key());
            const QByteArray now = contents ? ResourceCatalog::digest(*contents) : QByteArray("gone");
            if (now == it.value())
                continue;
            it.value() = now;
            const Json n{{"jsonrpc", "2.0"}, {"method", "notifications/resources/updated"}, {"params", {{"uri", toStd(it.key())}}}};
            emit notify(s->id, QByteArray::fromStdString(jsonText(n)));
        }
    }
}

void McpServer::flushUsage()
{
    m_usageTimer.stop();
    if (m_usage.empty())
        return;
    if (auto w = m_s.mcpKeys.logUsage(m_usage); !w)
        qCWarning(lcMcp).noquote() << "recording MCP usage failed:" << w.error().message;
    m_usage.clear();
}

} // namespace ery::mcp
