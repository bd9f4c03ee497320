#include "servercli.h"

#include "core/config.h"
#include "core/serverlog.h"
#include "cli.h"
#include "console.h"
#include "datacommands.h"
#include "engine.h"
#include "http/apiserver.h"
#include "mcp/toolregistry.h"
#include "mcpstdiocommand.h"
#include "portability/csvimport.h"
#include "portability/tenantexport.h"
#include "services/demoshop.h"
#include "storage/database.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QTextStream>

#include <QDir>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

using namespace ery::domain;
using namespace ery::storage;
using namespace ery::services;
using namespace ery::portability;

namespace ery {

namespace {

constexpr int kOk = 0, kError = 1, kUsage = 2;

using console::err;
using console::fail;
using console::out;

int usage(const QString &message)
{
    err() << "eryxon-server: " << Cli::tr("%1 (see eryxon-server --help)").arg(message) << Qt::endl;
    return kUsage;
}

// Translated as a whole (Cli::tr) so a translator sees each line beside its neighbours.
const char *kHelp = QT_TRANSLATE_NOOP("Cli", "Usage: eryxon-server <command> [options]\n"
                    "\n"
                    "Commands:\n"
                    "  init --shop NAME --admin USERNAME\n"
                    "                        create your shop (with its sandbox twin) and its first admin on an\n"
                    "                        empty database; the password is asked for, or read from\n"
                    "                        --password-file FILE or from stdin when it is not a terminal\n"
                    "                        (--admin-name, --enterprise, --site, --area, --timezone,\n"
                    "                        --cells \"Laser,Press brake,Weld\")\n"
                    "  serve                 run the engine until SIGINT/SIGTERM (--integrations off: webhooks\n"
                    "                        and MQTT paused)\n"
                    "  demo [--sandbox]      load the demo shop (running it twice changes nothing); --sandbox\n"
                    "                        loads it into the sandbox twin too, for test keys\n"
                    "  migrate               create or upgrade the database schema\n"
                    "  status                print the engine status as JSON: schema, outbox, whether a hub is\n"
                    "                        serving this database (address, uptime), integrations paused\n"
                    "  settings get [KEY]    print the shop's settings\n"
                    "  settings set KEY VALUE\n"
                    "                        change one setting (name, enterprise, site, area, timezone,\n"
                    "                        enforce_wip_limits, allow_loopback_webhooks, rate_limit_per_minute,\n"
                    "                        plan, max_jobs, max_parts_per_month, max_storage_mb; null clears)\n"
                    "  integrations status|pause|resume\n"
                    "                        outgoing webhooks and MQTT: paused on a copied database until resumed\n"
                    "  jobs list             list the jobs of the tenant\n"
                    "  jobs start|stop|resume|complete JOB_NUMBER\n"
                    "                        change a job's status\n"
                    "  keys create --name N [--test] [--scope read|read_write|admin|terminal]\n"
                    "                        create an API key; prints only the key (shown once)\n"
                    "  keys list             list the tenant's API keys (never the keys themselves)\n"
                    "  keys revoke ID        revoke an API key at once\n"
                    "  mcp-keys create --name N [--test] [--allowed-tools a,b,...] [--rate-limit PER_MIN]\n"
                    "                  [--description D]\n"
                    "                        create an MCP key (default: every tool, 100 calls a minute);\n"
                    "                        prints only the key (shown once)\n"
                    "  mcp-keys list         list the tenant's MCP keys (never the keys themselves)\n"
                    "  mcp-keys revoke ID    revoke an MCP key at once, also for open MCP sessions\n"
                    "  mcp-stdio             the MCP server on stdin/stdout for AI desktop clients; the MCP key\n"
                    "                        from --key or ERYXON_MCP_KEY (docs/mcp.md)\n"
                    "  import ENTITY FILE    import a CSV file of jobs, parts, operations, cells or resources\n"
                    "                        (whole or not at all; --skip-bad-rows, --dry-run, --source S)\n"
                    "  export --format json|csv --out FILE [--entities jobs,parts,...]\n"
                    "                        write the tenant's data to one JSON file or a ZIP of CSV files\n"
                    "                        (secrets, key hashes, passwords and PINs are never exported)\n"
                    "  restore FILE          load an export into an empty database (also SQLite -> PostgreSQL)\n"
                    "                        or, with --tenant, into an existing tenant without shop data;\n"
                    "                        --admin USERNAME gives that user of the export a new password\n"
                    "                        (asked for, or --password-file FILE)\n"
                    "\n"
                    "Options:\n"
                    "  --db PATH|URL         SQLite file or postgresql://user:pass@host:port/db\n"
                    "                        (default: the platform data directory)\n"
                    "  --files-dir DIR       where attached files are stored (default: files/ beside the SQLite\n"
                    "                        file, or in the platform data directory for PostgreSQL)\n"
                    "  --tenant NAME|ID      the tenant to act on (default: the first live tenant)\n"
                    "  --bind ADDR           serve: the address to listen on (default 127.0.0.1)\n"
                    "  --port N              serve: the REST API port (default 8787)\n"
                    "  --tls-cert FILE, --tls-key FILE\n"
                    "                        serve: HTTPS with this PEM certificate and key\n"
                    "  --cors-origins LIST   serve: comma-separated browser origins allowed to call the API\n"
                    "  --log-level LEVEL     serve: error, warning, info (default: one line per request) or debug;\n"
                    "                        also ERYXON_LOG_LEVEL. The log goes to stderr\n"
                    "  --version             print the version\n"
                    "  -h, --help            print this help\n");

int sigFds[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] auto n = ::write(sigFds[1], &c, 1);
}

Result<Scope> resolveTenant(Services &s, const QString &wanted)
{
    if (wanted.isEmpty()) {
        auto t = s.tenants.defaultTenant();
        if (!t)
            return t.error();
        return Scope::of(str(*t, "id"));
    }
    auto all = s.tenants.list();
    if (!all)
        return all.error();
    for (const auto &t : *all)
        if (str(t, "id") == wanted || str(t, "name") == wanted)
            return Scope::of(str(t, "id"));
    return Error::badRequest(Cli::tr("no tenant is named or has the id \"%1\"").arg(wanted));
}

// `import`: a summary on stdout, each bad row on stderr; progress on stderr for large files. Exit 1
// when any row failed (with --skip-bad-rows the good ones are in all the same). The file is read as
// it is imported, so its size is not limited by memory.
int importCsv(Engine &engine, const Scope &scope, SyncService::Entity entity, const QString &path, bool dryRun, bool skipBadRows,
              const QString &source)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(Cli::tr("cannot read %1: %2").arg(path, f.errorString()));
    CsvImport::Options o;
    o.dryRun = dryRun;
    o.skipBadRows = skipBadRows;
    o.source = source;
    o.fileName = QFileInfo(path).fileName();
    bool told = false;
    o.progress = [&told](const CsvImport::Progress &p) {
        if (p.rows < CsvImport::kProgressRows && !told)
            return;
        told = true;
        err() << "\r" << Cli::tr("%n rows", nullptr, int(p.rows));
        if (p.bytesTotal > 0)
            err() << " (" << (p.bytesRead * 100 / p.bytesTotal) << "%)";
        err() << Qt::flush;
    };
    auto report = CsvImport(engine.services()).run(scope, entity, f, o);
    if (told)
        err() << Qt::endl;
    if (!report)
        return fail(report.error().message);
    // Cells are shown as they are in the file (a formula is text to the import, never evaluated).
    for (const auto &row : report->rows)
        for (const auto &e : row.errors)
            err() << Cli::tr("line %1: ").arg(row.line) << (e["column"].is_string() ? str(e, "column") + QStringLiteral(": ") : QString())
                  << str(e, "message")
                  << (e.contains("value") && e["value"].is_string() ? Cli::tr(" (value \"%1\")").arg(str(e, "value").left(200))
                                                                    : QString())
                  << Qt::endl;
    if (report->failed > CsvImport::kListedErrors)
        err() << Cli::tr("... and %n more rows with errors", nullptr, int(report->failed - CsvImport::kListedErrors)) << Qt::endl;
    engine.close();
    const QString verdict = report->committed ? Cli::tr("imported")
                            : report->dryRun  ? Cli::tr("dry run, nothing written")
                                              : Cli::tr("nothing imported: fix the rows above or use --skip-bad-rows");
    out() << Cli::tr("%1: %n rows, %2 created, %3 updated, %4 unchanged, %5 failed (%6)", nullptr, int(report->total))
                 .arg(report->entity)
                 .arg(report->created)
                 .arg(report->updated)
                 .arg(report->unchanged)
                 .arg(report->failed)
                 .arg(verdict)
          << Qt::endl;
    if (!report->ignoredColumns.isEmpty())
        out() << Cli::tr("ignored columns: %1").arg(report->ignoredColumns.join(QStringLiteral(", "))) << Qt::endl;
    if (report->encoding != QLatin1String("UTF-8") || report->separator != QLatin1String(","))
        out() << (report->separator == QLatin1String(";")    ? Cli::tr("read as %1, columns separated by semicolons")
                  : report->separator == QLatin1String("\t") ? Cli::tr("read as %1, columns separated by tabs")
                                                             : Cli::tr("read as %1, columns separated by commas"))
                     .arg(report->encoding)
              << Qt::endl;
    return report->failed ? kError : kOk;
}

Q_LOGGING_CATEGORY(lcServer, "eryxon.server")

int serve(const Config &cfg, ServerLog::Level logLevel)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, sigFds) != 0)
        return fail(Cli::tr("cannot install signal handlers"));
    ServerLog::install(logLevel);
    const QString db = DbLocation::parse(cfg.resolvedDbUrl())->display();
    qCInfo(lcServer).noquote() << QStringLiteral("starting eryxon-server %1 (pid %2) on %3").arg(versionString()).arg(::getpid()).arg(db);
    QElapsedTimer uptime;
    uptime.start();
    EngineHost host(cfg);
    if (auto s = host.start(); !s) {
        qCCritical(lcServer).noquote() << QStringLiteral("cannot start: %1").arg(s.error().message.simplified());
        return fail(s.error().message);
    }
    QSocketNotifier notifier(sigFds[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, qApp, [] {
        char c;
        [[maybe_unused]] auto n = ::read(sigFds[0], &c, 1);
        QCoreApplication::quit();
    });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    out() << Cli::tr("eryxon-server %1 serving %2").arg(versionString(), DbLocation::parse(cfg.resolvedDbUrl())->display()) << Qt::endl;
    if (const http::ApiServer *api = host.engine() ? host.engine()->api() : nullptr) {
        const QString url = QStringLiteral("%1://%2:%3/api/v1")
                                .arg(api->tls() ? QStringLiteral("https") : QStringLiteral("http"), cfg.http.bind)
                                .arg(api->port());
        // Not translated: scripts and the tests read the port from this line.
        out() << "REST API on " << url << Qt::endl; // notr
        qCInfo(lcServer).noquote() << QStringLiteral("serving %1 on %2 (log level %3)").arg(db, url, ServerLog::levelName(logLevel));
    }
    if (host.engine() && host.engine()->integrationsPaused()) {
        qCWarning(lcServer).noquote()
            << QStringLiteral("outgoing webhooks and MQTT are paused: %1").arg(host.engine()->integrationsPauseReason());
        out() << Cli::tr("outgoing webhooks and MQTT are PAUSED: %1").arg(host.engine()->integrationsPauseReason()) << Qt::endl
              << Cli::tr("events wait in the outbox; resume with: %1")
                     .arg(QStringLiteral("eryxon-server integrations resume") +
                          (cfg.dbUrl.isEmpty() ? QString() : QStringLiteral(" --db ") + cfg.dbUrl))
              << Qt::endl;
    }
    QCoreApplication::exec();
    out() << "eryxon-server: " << Cli::tr("stopping (draining events)") << Qt::endl;
    qCInfo(lcServer).noquote() << QStringLiteral("stopping on a signal: finishing the events in hand");
    host.stop(); // drains the dispatcher and closes the database
    out() << "eryxon-server: " << Cli::tr("stopped") << Qt::endl;
    qCInfo(lcServer).noquote() << QStringLiteral("stopped after %1 s").arg(uptime.elapsed() / 1000);
    return kOk;
}

QString jsonLine(const Json &j)
{
    return QString::fromStdString(j.dump());
}

// An error with every field's message (a validation error names each bad field).
QString errorText(const Error &e)
{
    if (e.code != ErrorCode::ValidationError || !e.details.is_array() || e.details.empty())
        return e.message;
    QStringList parts;
    for (const auto &d : e.details)
        parts << QString::fromStdString(d.value("message", std::string()));
    return parts.join(QStringLiteral("; "));
}

// The admin's password for `init`: from a file, from stdin when it is not a terminal, or asked for
// twice without echo.
Result<QString> readPassword(const QString &file, const QString &user)
{
    if (!file.isEmpty()) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return Error::badRequest(Cli::tr("cannot read %1: %2").arg(file, f.errorString()));
        const QByteArray data = f.read(4096);
        return QString::fromUtf8(data.left(data.indexOf('\n') < 0 ? data.size() : data.indexOf('\n'))).remove(QLatin1Char('\r'));
    }
    const auto readLine = [] {
        QByteArray line;
        int c;
        while ((c = std::getchar()) != EOF && c != '\n' && line.size() < 4096)
            line += char(c);
        return QString::fromUtf8(line).remove(QLatin1Char('\r'));
    };
    if (!::isatty(STDIN_FILENO))
        return readLine();
    const auto ask = [&](const QString &prompt) {
        err() << prompt << Qt::flush;
        termios old{};
        ::tcgetattr(STDIN_FILENO, &old);
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
        const QString line = readLine();
        ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
        err() << Qt::endl;
        return line;
    };
    const QString first = ask(Cli::tr("Password for %1 (at least 8 characters): ").arg(user));
    if (ask(Cli::tr("Again: ")) != first)
        return Error::badRequest(Cli::tr("the two passwords differ"));
    return first;
}

// One line per setting: key, tab, the value as JSON.
void printSettings(const Json &settings, const QString &only = {})
{
    for (const Field &f : SettingsService::fields())
        if (only.isEmpty() || only == QLatin1String(f.name))
            out() << f.name << '\t' << QString::fromStdString(settings.value(f.name, Json(nullptr)).dump()) << Qt::endl;
}

} // namespace

int runServerCli(const QStringList &args)
{
    QCommandLineParser p;
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    QCommandLineOption dbOpt(QStringLiteral("db"), QStringLiteral("database"), QStringLiteral("url"));
    QCommandLineOption tenantOpt(QStringLiteral("tenant"), QStringLiteral("tenant"), QStringLiteral("tenant"));
    QCommandLineOption filesDirOpt(QStringLiteral("files-dir"), QStringLiteral("attached files"), QStringLiteral("dir"));
    QCommandLineOption versionOpt(QStringLiteral("version"), QStringLiteral("version"));
    QCommandLineOption helpOpt(QStringList{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("help"));
    QCommandLineOption bindOpt(QStringLiteral("bind"), QStringLiteral("address"), QStringLiteral("addr"));
    QCommandLineOption portOpt(QStringLiteral("port"), QStringLiteral("port"), QStringLiteral("n"));
    QCommandLineOption certOpt(QStringLiteral("tls-cert"), QStringLiteral("certificate"), QStringLiteral("file"));
    QCommandLineOption keyOpt(QStringLiteral("tls-key"), QStringLiteral("private key"), QStringLiteral("file"));
    QCommandLineOption corsOpt(QStringLiteral("cors-origins"), QStringLiteral("origins"), QStringLiteral("list"));
    QCommandLineOption nameOpt(QStringLiteral("name"), QStringLiteral("key name"), QStringLiteral("name"));
    QCommandLineOption testOpt(QStringLiteral("test"), QStringLiteral("sandbox key"));
    QCommandLineOption scopeOpt(QStringLiteral("scope"), QStringLiteral("key scope"), QStringLiteral("scope"));
    QCommandLineOption dryRunOpt(QStringLiteral("dry-run"), QStringLiteral("report only"));
    QCommandLineOption skipOpt(QStringLiteral("skip-bad-rows"), QStringLiteral("import the good rows"));
    QCommandLineOption sourceOpt(QStringLiteral("source"), QStringLiteral("external_source"), QStringLiteral("source"));
    QCommandLineOption rtKeyOpt(QStringLiteral("realtime-max-per-key"), QStringLiteral("realtime sockets per key"), QStringLiteral("n"));
    QCommandLineOption rtTenantOpt(QStringLiteral("realtime-max-per-tenant"), QStringLiteral("realtime sockets per tenant"),
                                   QStringLiteral("n"));
    QCommandLineOption shopOpt(QStringLiteral("shop"), QStringLiteral("shop name"), QStringLiteral("name"));
    QCommandLineOption adminOpt(QStringLiteral("admin"), QStringLiteral("admin username"), QStringLiteral("username"));
    QCommandLineOption adminNameOpt(QStringLiteral("admin-name"), QStringLiteral("admin full name"), QStringLiteral("name"));
    QCommandLineOption passwordFileOpt(QStringLiteral("password-file"), QStringLiteral("password file"), QStringLiteral("file"));
    QCommandLineOption enterpriseOpt(QStringLiteral("enterprise"), QStringLiteral("ISA-95 enterprise"), QStringLiteral("name"));
    QCommandLineOption siteOpt(QStringLiteral("site"), QStringLiteral("ISA-95 site"), QStringLiteral("name"));
    QCommandLineOption areaOpt(QStringLiteral("area"), QStringLiteral("ISA-95 area"), QStringLiteral("name"));
    QCommandLineOption timezoneOpt(QStringLiteral("timezone"), QStringLiteral("time zone"), QStringLiteral("zone"));
    QCommandLineOption cellsOpt(QStringLiteral("cells"), QStringLiteral("starter cells"), QStringLiteral("list"));
    QCommandLineOption sandboxOpt(QStringLiteral("sandbox"), QStringLiteral("demo into the sandbox too"));
    QCommandLineOption integrationsOpt(QStringLiteral("integrations"), QStringLiteral("off: pause webhooks and MQTT"),
                                       QStringLiteral("off"));
    QCommandLineOption rtTotalOpt(QStringLiteral("realtime-max"), QStringLiteral("realtime sockets in all"), QStringLiteral("n"));
    QCommandLineOption logLevelOpt(QStringLiteral("log-level"), QStringLiteral("log level"), QStringLiteral("level"));
    QCommandLineOption mcpKeyOpt(QStringLiteral("key"), QStringLiteral("MCP key"), QStringLiteral("key"));
    QCommandLineOption allowedToolsOpt(QStringLiteral("allowed-tools"), QStringLiteral("MCP tools"), QStringLiteral("list"));
    QCommandLineOption rateLimitOpt(QStringLiteral("rate-limit"), QStringLiteral("MCP calls per minute"), QStringLiteral("n"));
    QCommandLineOption descriptionOpt(QStringLiteral("description"), QStringLiteral("description"), QStringLiteral("text"));
    QCommandLineOption formatOpt(QStringLiteral("format"), QStringLiteral("export format"), QStringLiteral("json|csv"));
    QCommandLineOption outOpt(QStringLiteral("out"), QStringLiteral("export file"), QStringLiteral("file"));
    QCommandLineOption entitiesOpt(QStringLiteral("entities"), QStringLiteral("tables to export"), QStringLiteral("list"));
    p.addOptions({dbOpt,       filesDirOpt, tenantOpt,   versionOpt, helpOpt,    bindOpt,         portOpt,         certOpt,       keyOpt,
                  corsOpt,     nameOpt,     testOpt,    scopeOpt,   dryRunOpt,       skipOpt,         sourceOpt,     rtKeyOpt,
                  rtTenantOpt, rtTotalOpt,  shopOpt,    adminOpt,   adminNameOpt,    passwordFileOpt, enterpriseOpt, siteOpt,
                  areaOpt,     timezoneOpt, cellsOpt,   sandboxOpt, integrationsOpt, logLevelOpt, allowedToolsOpt, rateLimitOpt,
                  descriptionOpt, mcpKeyOpt,   formatOpt,  outOpt,     entitiesOpt});
    if (!p.parse(args))
        return usage(p.errorText());
    if (p.isSet(helpOpt)) {
        out() << Cli::tr(kHelp);
        return kOk;
    }
    if (p.isSet(versionOpt)) {
        out() << "eryxon-server " << versionString() << Qt::endl;
        return kOk;
    }
    const QStringList pos = p.positionalArguments();
    if (pos.isEmpty())
        return usage(Cli::tr("no command given"));
    const QString cmd = pos.first();
    Config cfg;
    cfg.dbUrl = p.value(dbOpt);
    if (p.isSet(dbOpt) && cfg.dbUrl.isEmpty())
        return usage(Cli::tr("--db needs a path or URL"));
    if (p.isSet(filesDirOpt)) {
        if (p.value(filesDirOpt).trimmed().isEmpty())
            return usage(Cli::tr("--files-dir needs a folder"));
        // Every command of one shop must name the same folder: a relative one would change with
        // the working directory.
        cfg.filesDir = QFileInfo(p.value(filesDirOpt)).absoluteFilePath();
    }
    auto loc = DbLocation::parse(cfg.resolvedDbUrl());
    if (!loc)
        return usage(loc.error().message);

    static const QStringList known{"serve",  "demo", "migrate",  "status",       "jobs",     "keys",
                                   "import", "init", "settings", "integrations", "mcp-keys", "mcp-stdio",
                                   "export", "restore"};
    if (!known.contains(cmd))
        return usage(Cli::tr("unknown command \"%1\"").arg(cmd));
    const int maxArgs = cmd == QLatin1String("settings")                                                                 ? 4
                        : cmd == QLatin1String("jobs") || cmd == QLatin1String("keys") || cmd == QLatin1String("mcp-keys")
                                || cmd == QLatin1String("import")
                            ? 3
                        : cmd == QLatin1String("integrations") || cmd == QLatin1String("restore")                        ? 2
                                                                                                                         : 1;
    if (pos.size() > maxArgs)
        return usage(Cli::tr("unexpected argument \"%1\"").arg(pos.at(maxArgs)));
    if (p.isSet(sandboxOpt) && cmd != QLatin1String("demo"))
        return usage(Cli::tr("--sandbox goes with demo"));
    if (p.isSet(integrationsOpt) && (cmd != QLatin1String("serve") || p.value(integrationsOpt) != QLatin1String("off")))
        return usage(Cli::tr("--integrations takes \"off\" and goes with serve"));
    for (const QCommandLineOption *o : {&shopOpt, &adminNameOpt, &enterpriseOpt, &siteOpt, &areaOpt, &timezoneOpt, &cellsOpt})
        if (p.isSet(*o) && cmd != QLatin1String("init"))
            return usage(Cli::tr("--%1 goes with init").arg(o->names().constFirst()));
    for (const QCommandLineOption *o : {&adminOpt, &passwordFileOpt})
        if (p.isSet(*o) && cmd != QLatin1String("init") && cmd != QLatin1String("restore"))
            return usage(Cli::tr("--%1 goes with init or restore").arg(o->names().constFirst()));
    for (const QCommandLineOption *o : {&formatOpt, &outOpt, &entitiesOpt})
        if (p.isSet(*o) && cmd != QLatin1String("export"))
            return usage(Cli::tr("--%1 goes with export").arg(o->names().constFirst()));
    if (cmd == QLatin1String("export")) {
        if (p.value(outOpt).isEmpty())
            return usage(Cli::tr("export needs --out FILE"));
        if (auto f = TenantExport::formatFrom(p.value(formatOpt)); !f)
            return usage(f.error().message);
        if (auto t = TenantExport::tablesFrom(p.value(entitiesOpt)); !t)
            return usage(t.error().message);
    }
    if (cmd == QLatin1String("restore")) {
        if (pos.size() < 2)
            return usage(Cli::tr("restore needs the export file (JSON or ZIP)"));
        if (!QFileInfo(pos.at(1)).isFile())
            return fail(Cli::tr("cannot read %1: no such file").arg(pos.at(1)));
        if (p.isSet(passwordFileOpt) && !p.isSet(adminOpt))
            return usage(Cli::tr("--password-file goes with --admin"));
    }

    if (cmd == QLatin1String("init")) {
        if (p.value(shopOpt).trimmed().isEmpty())
            return usage(Cli::tr("init needs --shop NAME"));
        if (p.value(adminOpt).trimmed().isEmpty())
            return usage(Cli::tr("init needs --admin USERNAME"));
    }
    if (cmd == QLatin1String("settings")) {
        if (pos.size() < 2 || (pos.at(1) != QLatin1String("get") && pos.at(1) != QLatin1String("set")))
            return usage(Cli::tr("settings needs a subcommand: get [KEY] or set KEY VALUE"));
        if (pos.at(1) == QLatin1String("get") && pos.size() > 3)
            return usage(Cli::tr("unexpected argument \"%1\"").arg(pos.at(3)));
        if (pos.at(1) == QLatin1String("set") && pos.size() != 4)
            return usage(Cli::tr("settings set needs a KEY and a VALUE"));
    }
    if (cmd == QLatin1String("integrations") && (pos.size() < 2 || !QStringList{"status", "pause", "resume"}.contains(pos.at(1))))
        return usage(Cli::tr("integrations needs a subcommand: status, pause or resume"));

    // A path whose folder does not exist is a typo, not a wish for a new folder.
    if (p.isSet(dbOpt) && !loc->postgres) {
        const QFileInfo fi(loc->path);
        if (!fi.absoluteDir().exists())
            return fail(Cli::tr("the folder %1 of --db does not exist; create it first or give another path")
                            .arg(QDir::toNativeSeparators(fi.absolutePath())));
    }

    static const QStringList jobActions{"list", "start", "stop", "resume", "complete"};
    if (cmd == QLatin1String("jobs")) {
        if (pos.size() < 2)
            return usage(Cli::tr("jobs needs a subcommand: list, start, stop, resume or complete"));
        if (!jobActions.contains(pos.at(1)))
            return usage(Cli::tr("unknown jobs subcommand \"%1\"").arg(pos.at(1)));
        if (pos.at(1) == QLatin1String("list") && pos.size() > 2)
            return usage(Cli::tr("unexpected argument \"%1\"").arg(pos.at(2)));
        if (pos.at(1) != QLatin1String("list") && pos.size() < 3)
            return usage(Cli::tr("jobs %1 needs a job number").arg(pos.at(1)));
    }

    if (cmd == QLatin1String("keys")) {
        static const QStringList keyActions{"create", "list", "revoke"};
        if (pos.size() < 2 || !keyActions.contains(pos.at(1)))
            return usage(Cli::tr("keys needs a subcommand: create, list or revoke"));
        if (pos.at(1) == QLatin1String("revoke") && pos.size() < 3)
            return usage(Cli::tr("keys revoke needs a key id"));
        if (pos.at(1) != QLatin1String("revoke") && pos.size() > 2)
            return usage(Cli::tr("unexpected argument \"%1\"").arg(pos.at(2)));
        if (pos.at(1) == QLatin1String("create") && p.value(nameOpt).trimmed().isEmpty())
            return usage(Cli::tr("keys create needs --name"));
        if (p.isSet(scopeOpt) && !QStringList{"read", "read_write", "admin", "terminal"}.contains(p.value(scopeOpt)))
            return usage(Cli::tr("--scope must be read, read_write, admin or terminal"));
    }

    for (const QCommandLineOption *o : {&allowedToolsOpt, &rateLimitOpt, &descriptionOpt})
        if (p.isSet(*o) && !(cmd == QLatin1String("mcp-keys") && pos.size() > 1 && pos.at(1) == QLatin1String("create")))
            return usage(Cli::tr("--%1 goes with mcp-keys create").arg(o->names().constFirst()));
    if (cmd == QLatin1String("mcp-keys")) {
        static const QStringList keyActions{"create", "list", "revoke"};
        if (pos.size() < 2 || !keyActions.contains(pos.at(1)))
            return usage(Cli::tr("mcp-keys needs a subcommand: create, list or revoke"));
        if (pos.at(1) == QLatin1String("revoke") && pos.size() < 3)
            return usage(Cli::tr("mcp-keys revoke needs a key id"));
        if (pos.at(1) != QLatin1String("revoke") && pos.size() > 2)
            return usage(Cli::tr("unexpected argument \"%1\"").arg(pos.at(2)));
        if (pos.at(1) == QLatin1String("create") && p.value(nameOpt).trimmed().isEmpty())
            return usage(Cli::tr("mcp-keys create needs --name"));
        if (p.isSet(scopeOpt))
            return usage(Cli::tr("--scope goes with keys (an MCP key has allowed tools instead)"));
        if (p.isSet(testOpt) && pos.at(1) != QLatin1String("create"))
            return usage(Cli::tr("--test goes with mcp-keys create"));
        if (p.isSet(rateLimitOpt)) {
            bool ok = false;
            const qint64 n = p.value(rateLimitOpt).toLongLong(&ok);
            if (!ok || n < 1 || n > 100000)
                return usage(Cli::tr("--rate-limit needs a number of calls per minute from 1 to 100000"));
        }
        if (p.isSet(allowedToolsOpt) && p.value(allowedToolsOpt).split(QLatin1Char(','), Qt::SkipEmptyParts).isEmpty())
            return usage(Cli::tr("--allowed-tools needs tool names separated by commas, or *"));
    }

    if (cmd == QLatin1String("import")) {
        if (pos.size() < 3)
            return usage(Cli::tr("import needs an entity (jobs, parts, operations, cells, resources) and a CSV file"));
        if (!SyncService::entityNamed(pos.at(1)))
            return usage(SyncService::entityNamed(pos.at(1)).error().message);
    }

    if (p.isSet(mcpKeyOpt) && cmd != QLatin1String("mcp-stdio"))
        return usage(Cli::tr("--key goes with mcp-stdio"));
    if (cmd == QLatin1String("mcp-stdio"))
        return runMcpStdio(cfg, p.isSet(mcpKeyOpt) ? p.value(mcpKeyOpt) : qEnvironmentVariable("ERYXON_MCP_KEY"));

    if (cmd == QLatin1String("serve")) {
        cfg.http.enabled = true;
        if (p.isSet(bindOpt))
            cfg.http.bind = p.value(bindOpt);
        if (p.isSet(portOpt)) {
            bool ok = false;
            cfg.http.port = p.value(portOpt).toInt(&ok);
            if (!ok || cfg.http.port < 0 || cfg.http.port > 65535)
                return usage(Cli::tr("--port needs a number from 0 to 65535"));
        }
        for (const QString &o : p.value(corsOpt).split(QLatin1Char(','), Qt::SkipEmptyParts))
            cfg.http.corsOrigins << o.trimmed();
        for (const auto &[opt, field] :
             {std::pair{&rtKeyOpt, &RealtimeConfig::maxConnectionsPerKey},
              std::pair{&rtTenantOpt, &RealtimeConfig::maxConnectionsPerTenant}, std::pair{&rtTotalOpt, &RealtimeConfig::maxConnections}}) {
            if (!p.isSet(*opt))
                continue;
            bool ok = false;
            const int n = p.value(*opt).toInt(&ok);
            if (!ok || n < 1)
                return usage(Cli::tr("--%1 needs a number of at least 1").arg(opt->names().constFirst()));
            cfg.http.realtime.*field = n;
        }
        cfg.http.tlsCert = p.value(certOpt);
        cfg.http.tlsKey = p.value(keyOpt);
        if (cfg.http.tlsCert.isEmpty() != cfg.http.tlsKey.isEmpty())
            return usage(Cli::tr("--tls-cert and --tls-key go together"));
        cfg.integrationsOff = p.isSet(integrationsOpt);
        {
            // Serving a database without a shop would answer every request with 401.
            QLoggingCategory::setFilterRules(QStringLiteral("eryxon.*.warning=false"));
            Engine check(cfg);
            if (auto st = check.open(false); !st)
                return fail(st.error().message);
            auto t = check.services().tenants.defaultTenant();
            if (!t) {
                if (t.error().code != ErrorCode::NotFound)
                    return fail(t.error().message);
                const QString db = p.isSet(dbOpt) ? QStringLiteral(" --db ") + p.value(dbOpt) : QString();
                err() << "eryxon-server: "
                      << Cli::tr("%1 has no shop yet; create yours with\n  %2\nor load the demo shop with\n  %3")
                             .arg(check.db().location().display(),
                                  QStringLiteral("eryxon-server init --shop \"My Shop\" --admin admin") + db, // notr
                                  QStringLiteral("eryxon-server demo") + db)
                      << Qt::endl;
                return kError;
            }
            QLoggingCategory::setFilterRules(QString());
        }
        QString levelName = qEnvironmentVariable("ERYXON_LOG_LEVEL");
        if (p.isSet(logLevelOpt))
            levelName = p.value(logLevelOpt);
        auto level = levelName.isEmpty() ? Result<ServerLog::Level>(ServerLog::Level::Info) : ServerLog::parseLevel(levelName);
        if (!level)
            return usage((p.isSet(logLevelOpt) ? QStringLiteral("--log-level: ") : QStringLiteral("ERYXON_LOG_LEVEL: ")) +
                         level.error().message);
        return serve(cfg, *level);
    }

    // A one-shot command reports its outcome in one line; the engine's log stays quiet.
    QLoggingCategory::setFilterRules(QStringLiteral("eryxon.*.warning=false"));

    Engine engine(cfg);
    if (auto s = engine.open(false); !s)
        return fail(s.error().message);
    Services &s = engine.services();

    if (cmd == QLatin1String("migrate")) {
        out() << Cli::tr("schema version %1 at %2").arg(engine.db().schemaVersion()).arg(engine.db().location().display()) << Qt::endl;
        return kOk;
    }
    if (cmd == QLatin1String("status")) {
        // This command serves nothing itself: `api` and `serving` tell whether a hub does.
        Json st = engine.status();
        const Json &hubs = st["hubs"];
        st["serving"] = !hubs.empty();
        if (!hubs.empty()) {
            const Json &h = hubs.front();
            st["api"] = Json{{"listening", true},           {"url", h["api_url"]}, {"kind", h["kind"]},
                             {"host_name", h["host_name"]}, {"pid", h["pid"]},     {"uptime_seconds", h["uptime_seconds"]}};
        } else {
            st["api"] = Json{{"listening", false}, {"error", nullptr}};
        }
        out() << jsonLine(st) << Qt::endl;
        return kOk;
    }
    if (cmd == QLatin1String("demo")) {
        auto r = DemoShop::load(s, p.isSet(sandboxOpt));
        if (!r)
            return fail(Cli::tr("loading the demo shop failed: %1").arg(r.error().message));
        if (r->created)
            out() << Cli::tr("loaded the demo shop \"%1\" (%n jobs) into %2", nullptr, int(r->jobs))
                         .arg(DemoShop::tenantName(), engine.db().location().display())
                  << Qt::endl;
        else if (r->sandboxJobs == 0)
            out() << Cli::tr("the demo shop is already in %1; nothing changed").arg(engine.db().location().display()) << Qt::endl;
        if (r->sandboxJobs > 0)
            out() << Cli::tr("loaded the demo shop into its sandbox twin (%n jobs) for test keys", nullptr, int(r->sandboxJobs)) << Qt::endl;
        return kOk;
    }
    if (cmd == QLatin1String("export")) {
        auto scope = resolveTenant(s, p.value(tenantOpt));
        if (!scope)
            return fail(scope.error().message);
        return runExport(engine, *scope, p.value(formatOpt), p.value(outOpt), p.value(entitiesOpt));
    }
    if (cmd == QLatin1String("restore")) {
        RestoreRequest r;
        r.path = pos.at(1);
        if (p.isSet(tenantOpt)) {
            auto scope = resolveTenant(s, p.value(tenantOpt));
            if (!scope)
                return fail(scope.error().message);
            r.intoTenant = scope->tenantId;
        }
        if (p.isSet(adminOpt)) {
            r.adminUsername = p.value(adminOpt).trimmed();
            auto password = readPassword(p.value(passwordFileOpt), r.adminUsername);
            if (!password)
                return fail(password.error().message);
            r.adminPassword = *password;
        }
        return runRestore(engine, r);
    }
    if (cmd == QLatin1String("init")) {
        // Before asking for a password: a database has one shop.
        if (auto existing = s.tenants.defaultTenant(); existing)
            return fail(Cli::tr("this database already has a shop (\"%1\"); use another --db for a new one").arg(str(*existing, "name")));
        auto password = readPassword(p.value(passwordFileOpt), p.value(adminOpt));
        if (!password)
            return fail(password.error().message);
        Json in{{"name", toStd(p.value(shopOpt).trimmed())},
                {"admin_username", toStd(p.value(adminOpt).trimmed())},
                {"admin_password", toStd(*password)}};
        for (const auto &[opt, key] : {std::pair{&adminNameOpt, "admin_full_name"}, std::pair{&enterpriseOpt, "enterprise"},
                                       std::pair{&siteOpt, "site"}, std::pair{&areaOpt, "area"}, std::pair{&timezoneOpt, "timezone"}})
            if (p.isSet(*opt))
                in[key] = toStd(p.value(*opt));
        if (p.isSet(cellsOpt)) {
            in["cells"] = Json::array();
            for (const QString &c : p.value(cellsOpt).split(QLatin1Char(','), Qt::SkipEmptyParts))
                in["cells"].push_back(toStd(c.trimmed()));
        }
        auto shop = s.shop.create(in);
        if (!shop)
            return fail(errorText(shop.error()));
        engine.close();
        out() << (shop->cells.empty()
                      ? Cli::tr("created the shop \"%1\" (and its sandbox twin for test keys) with admin %2")
                      : Cli::tr("created the shop \"%1\" (and its sandbox twin for test keys) with admin %2 and %n cells", nullptr,
                                int(shop->cells.size())))
                     .arg(str(shop->tenant, "name"), str(shop->admin, "username"))
              << Qt::endl;
        const QString db = p.isSet(dbOpt) ? QStringLiteral(" --db ") + p.value(dbOpt) : QString();
        out() << Cli::tr("next: %1, then %2")
                     .arg(QStringLiteral("eryxon-server keys create --name \"My ERP\" --scope admin") + db, // notr
                          QStringLiteral("eryxon-server serve") + db)
              << Qt::endl;
        return kOk;
    }
    if (cmd == QLatin1String("integrations")) {
        const QString sub = pos.at(1);
        Result<HubService::Integrations> st = sub == QLatin1String("pause")
                                                  ? s.hubs.pause(QStringLiteral("paused by an admin (eryxon-server integrations pause)"))
                                              : sub == QLatin1String("resume") ? s.hubs.resume()
                                                                               : s.hubs.integrations();
        if (!st)
            return fail(st.error().message);
        engine.close();
        if (sub == QLatin1String("resume"))
            out() << Cli::tr("outgoing webhooks and MQTT resumed; a running hub sends what waited within a few seconds") << Qt::endl;
        else if (st->paused)
            out() << Cli::tr("outgoing webhooks and MQTT are paused: %1 (since %2)").arg(st->reason, st->pausedAt) << Qt::endl;
        else
            out() << Cli::tr("outgoing webhooks and MQTT are running") << Qt::endl;
        return kOk;
    }
    // jobs, keys, mcp-keys, import, settings
    const QString sub = pos.at(1);
    auto scope = resolveTenant(s, p.value(tenantOpt));
    if (!scope)
        return fail(scope.error().code == ErrorCode::NotFound && p.value(tenantOpt).isEmpty()
                        ? Cli::tr("%1 has no shop yet: create yours with eryxon-server init --shop NAME --admin USERNAME, "
                                         "or load the demo with eryxon-server demo")
                              .arg(engine.db().location().display())
                        : scope.error().message);
    if (cmd == QLatin1String("settings")) {
        if (sub == QLatin1String("get")) {
            auto st = s.settings.get(*scope);
            if (!st)
                return fail(st.error().message);
            if (pos.size() == 3) {
                bool known = false;
                for (const Field &f : SettingsService::fields())
                    known = known || pos.at(2) == QLatin1String(f.name);
                if (!known)
                    return fail(SettingsService::parseValue(pos.at(2), {}).error().message);
            }
            printSettings(*st, pos.size() == 3 ? pos.at(2) : QString());
            return kOk;
        }
        auto value = SettingsService::parseValue(pos.at(2), pos.at(3));
        if (!value)
            return fail(value.error().message);
        scope->actorName = QStringLiteral("eryxon-server settings");
        auto before = s.settings.get(*scope);
        auto st = s.settings.update(*scope, Json{{toStd(pos.at(2)), *value}});
        if (!st)
            return fail(errorText(st.error()));
        engine.close();
        const std::string k = toStd(pos.at(2));
        const Json old = before ? before->value(k, Json(nullptr)) : Json(nullptr);
        if (old == (*st)[k])
            out() << Cli::tr("%1 is already %2; nothing changed").arg(pos.at(2), QString::fromStdString((*st)[k].dump())) << Qt::endl;
        else
            out() << pos.at(2) << ": " << QString::fromStdString(old.dump()) << " -> " << QString::fromStdString((*st)[k].dump())
                  << Qt::endl;
        return kOk;
    }
    if (cmd == QLatin1String("import"))
        return importCsv(engine, *scope, *SyncService::entityNamed(sub), pos.at(2), p.isSet(dryRunOpt), p.isSet(skipOpt),
                         p.value(sourceOpt));
    if (cmd == QLatin1String("keys")) {
        if (sub == QLatin1String("create")) {
            Json in{{"name", toStd(p.value(nameOpt).trimmed())}, {"environment", p.isSet(testOpt) ? "test" : "live"}};
            if (p.isSet(scopeOpt))
                in["scope"] = toStd(p.value(scopeOpt));
            auto k = s.apiKeys.create(*scope, in);
            if (!k)
                return fail(k.error().message);
            engine.close();
            out() << k->secret << Qt::endl; // only the key: scripts capture it with $(...)
            return kOk;
        }
        if (sub == QLatin1String("list")) {
            ListQuery q;
            q.limit = 1000;
            auto keys = s.apiKeys.list(*scope, q);
            if (!keys)
                return fail(keys.error().message);
            for (const auto &k : keys->rows)
                out() << str(k, "id") << '\t' << str(k, "name") << '\t' << str(k, "key_prefix") << "…" << str(k, "key_last4") << '\t'
                      << str(k, "scope") << '\t' << str(k, "environment") << '\t' << (flag(k, "active") ? Cli::tr("active") : Cli::tr("revoked")) << '\t'
                      << (str(k, "last_used_at").isEmpty() ? Cli::tr("never used") : str(k, "last_used_at")) << Qt::endl;
            return kOk;
        }
        auto k = s.apiKeys.revoke(*scope, pos.at(2));
        if (!k)
            return fail(k.error().message);
        engine.close();
        out() << Cli::tr("revoked %1 (%2…)").arg(str(*k, "name"), str(*k, "key_prefix")) << Qt::endl;
        return kOk;
    }
    if (cmd == QLatin1String("mcp-keys")) {
        if (sub == QLatin1String("create")) {
            Json in{{"name", toStd(p.value(nameOpt).trimmed())}, {"environment", p.isSet(testOpt) ? "test" : "live"}};
            if (p.isSet(allowedToolsOpt)) {
                Json tools = Json::array();
                for (const QString &t : p.value(allowedToolsOpt).split(QLatin1Char(','), Qt::SkipEmptyParts))
                    tools.push_back(toStd(t.trimmed()));
                in["allowed_tools"] = tools;
            }
            if (p.isSet(rateLimitOpt))
                in["rate_limit"] = p.value(rateLimitOpt).toLongLong();
            if (p.isSet(descriptionOpt))
                in["description"] = toStd(p.value(descriptionOpt));
            scope->actorName = QStringLiteral("eryxon-server mcp-keys");
            // The tool registry is not part of this command: names are checked for their form only.
            auto k = s.mcpKeys.create(*scope, in, mcp::ToolRegistry::standard().names());
            if (!k)
                return fail(errorText(k.error()));
            engine.close();
            out() << k->secret << Qt::endl; // only the key: scripts capture it with $(...)
            return kOk;
        }
        if (sub == QLatin1String("list")) {
            ListQuery q;
            q.limit = 1000;
            auto keys = s.mcpKeys.list(*scope, q);
            if (!keys)
                return fail(keys.error().message);
            for (const auto &k : keys->rows) {
                QStringList tools;
                for (const auto &t : k.value("allowed_tools", Json::array()))
                    tools << (t.is_string() ? fromStd(t.get<std::string>()) : QString());
                out() << str(k, "id") << '\t' << str(k, "key_prefix") << "…" << '\t' << str(k, "name") << '\t' << str(k, "environment") << '\t'
                      << tools.join(QLatin1Char(',')) << '\t' << Cli::tr("%1/min").arg(num(k, "rate_limit")) << '\t'
                      << (flag(k, "enabled") ? Cli::tr("enabled") : Cli::tr("revoked")) << '\t'
                      << Cli::tr("%n calls", nullptr, int(num(k, "usage_count"))) << '\t'
                      << (str(k, "last_used_at").isEmpty() ? Cli::tr("never used") : str(k, "last_used_at")) << Qt::endl;
            }
            return kOk;
        }
        auto k = s.mcpKeys.revoke(*scope, pos.at(2));
        if (!k)
            return fail(k.error().message);
        engine.close();
        out() << Cli::tr("revoked %1 (%2…)").arg(str(*k, "name"), str(*k, "key_prefix")) << Qt::endl;
        return kOk;
    }
    if (sub == QLatin1String("list")) {
        auto jobs = s.jobs.overview(*scope);
        if (!jobs)
            return fail(jobs.error().message);
        for (const auto &j : *jobs)
            out() << str(j, "job_number") << '\t' << str(j, "status") << '\t' << str(j, "customer") << '\t' << str(j, "due_date").left(10)
                  << Qt::endl;
        return kOk;
    }
    auto job = s.jobs.byNumber(*scope, pos.at(2));
    if (!job)
        return fail(job.error().message);
    const QString id = str(*job, "id");
    Result<Transition> t = sub == QLatin1String("start")    ? s.jobs.start(*scope, id)
                           : sub == QLatin1String("stop")   ? s.jobs.stop(*scope, id)
                           : sub == QLatin1String("resume") ? s.jobs.resume(*scope, id)
                                                            : s.jobs.complete(*scope, id);
    if (!t)
        return fail(t.error().message);
    engine.close();
    out() << pos.at(2) << ": " << t->previousStatus << " -> " << t->newStatus << Qt::endl;
    return kOk;
}

} // namespace ery
