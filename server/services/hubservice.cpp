#include "hubservice.h"
#include "storage/repositories.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSysInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>

using namespace ery::storage;
#endif

namespace ery::services {

namespace {

QString thisMachine()
{
    const QByteArray id = QSysInfo::machineUniqueId();
    return id.isEmpty() ? QSysInfo::machineHostName() : QString::fromLatin1(id);
}

bool processGone(qint64 pid)
{
#ifdef Q_OS_UNIX
    return pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
#else
    Q_UNUSED(pid);
    return false;
#endif
}

} // namespace

Json HubService::Integrations::toJson() const
{
    return Json{{"paused", paused},
                {"reason", reason.isEmpty() ? Json(nullptr) : Json(toStd(reason))},
                {"paused_at", pausedAt.isEmpty() ? Json(nullptr) : Json(toStd(pausedAt))}};
}

HubService::Identity HubService::identity() const
{
    const DbLocation &loc = db().location();
    if (loc.postgres)
        return {QStringLiteral("postgresql://%1:%2/%3").arg(loc.host).arg(loc.port).arg(loc.dbName), QString(),
                QSysInfo::machineHostName()};
    const QFileInfo fi(loc.path);
    const QString canonical = fi.canonicalFilePath();
    return {canonical.isEmpty() ? fi.absoluteFilePath() : canonical, thisMachine(), QSysInfo::machineHostName()};
}

namespace {
HubService::Integrations fromRow(const Row &row)
{
    HubService::Integrations s;
    if (row.is_null())
        return s;
    s.paused = flag(row, "integrations_paused");
    s.reason = str(row, "paused_reason");
    s.pausedAt = str(row, "paused_at");
    return s;
}
} // namespace

Result<HubService::Integrations> HubService::claim(bool pauseOnPurpose)
{
    const Identity me = identity();
    return db().write([&](WriteTx &tx) -> Result<Integrations> {
        auto stored = repo().hubs.installation(tx.db());
        if (!stored)
            return stored.error();
        Integrations state = fromRow(*stored);
        Row next{{"db_path", toStd(me.path)},
                 {"machine", toStd(me.machine)},
                 {"host_name", toStd(me.hostName)},
                 {"last_run_at", toStd(nowIso())},
                 {"integrations_paused", state.paused},
                 {"paused_reason", state.reason.isEmpty() ? Json(nullptr) : Json(toStd(state.reason))},
                 {"paused_at", state.pausedAt.isEmpty() ? Json(nullptr) : Json(toStd(state.pausedAt))}};
        QString reason;
        if (!stored->is_null() && (str(*stored, "db_path") != me.path || str(*stored, "machine") != me.machine)) {
            state.copied = true;
            reason = str(*stored, "machine") != me.machine
                         ? QStringLiteral("this database was last run on another machine (%1, at %2)")
                               .arg(str(*stored, "host_name"), str(*stored, "db_path"))
                         : QStringLiteral("this database was last run at another path (%1)").arg(str(*stored, "db_path"));
        } else if (pauseOnPurpose) {
            reason = QStringLiteral("paused on purpose (--integrations off)");
        }
        if (!reason.isEmpty()) {
            state.paused = true;
            state.reason = reason;
            state.pausedAt = nowIso();
            next["integrations_paused"] = true;
            next["paused_reason"] = toStd(state.reason);
            next["paused_at"] = toStd(state.pausedAt);
        }
        ERY_TRY(repo().hubs.saveInstallation(tx, next));
        return state;
    });
}

Result<HubService::Integrations> HubService::integrations()
{
    auto row = repo().hubs.installation(db());
    if (!row)
        return row.error();
    return fromRow(*row);
}

Result<HubService::Integrations> HubService::pause(const QString &reason)
{
    const Identity me = identity();
    return db().write([&](WriteTx &tx) -> Result<Integrations> {
        auto stored = repo().hubs.installation(tx.db());
        if (!stored)
            return stored.error();
        Row next = stored->is_null() ? Row{{"db_path", toStd(me.path)},
                                           {"machine", toStd(me.machine)},
                                           {"host_name", toStd(me.hostName)},
                                           {"last_run_at", toStd(nowIso())}}
                                     : *stored;
        Integrations state;
        state.paused = true;
        state.reason = reason;
        state.pausedAt = nowIso();
        next["integrations_paused"] = true;
        next["paused_reason"] = toStd(reason);
        next["paused_at"] = toStd(state.pausedAt);
        ERY_TRY(repo().hubs.saveInstallation(tx, next));
        return state;
    });
}

Result<HubService::Integrations> HubService::resume()
{
    const Identity me = identity();
    return db().write([&](WriteTx &tx) -> Result<Integrations> {
        auto stored = repo().hubs.installation(tx.db());
        if (!stored)
            return stored.error();
        // Resuming here makes this path and machine the one that runs the database.
        Row next{{"db_path", toStd(me.path)},
                 {"machine", toStd(me.machine)},
                 {"host_name", toStd(me.hostName)},
                 {"last_run_at", toStd(nowIso())},
                 {"integrations_paused", false},
                 {"paused_reason", nullptr},
                 {"paused_at", nullptr}};
        ERY_TRY(repo().hubs.saveInstallation(tx, next));
        return Integrations{};
    });
}

Result<QString> HubService::registerHub(const QString &kind, const QString &apiUrl)
{
    const Identity me = identity();
    const QString id = newId();
    const QString now = nowIso();
    auto r = db().write([&](WriteTx &tx) -> Result<QString> {
        ERY_TRY(repo().hubs.removeStale(tx, isoOf(Clock::nowMs() - kStaleMs)));
        ERY_TRY(repo().hubs.insertHub(tx, Row{{"id", toStd(id)},
                                              {"kind", toStd(kind)},
                                              {"machine", toStd(thisMachine())},
                                              {"host_name", toStd(me.hostName)},
                                              {"pid", QCoreApplication::applicationPid()},
                                              {"api_url", apiUrl.isEmpty() ? Json(nullptr) : Json(toStd(apiUrl))},
                                              {"started_at", toStd(now)},
                                              {"heartbeat_at", toStd(now)}}));
        return id;
    });
    return r;
}

Status HubService::beat(const QString &hubId)
{
    return db().write([&](WriteTx &tx) -> Status { return repo().hubs.beat(tx, hubId, nowIso()); });
}

Status HubService::unregisterHub(const QString &hubId)
{
    return db().write([&](WriteTx &tx) -> Status { return repo().hubs.removeHub(tx, hubId); });
}

Result<Rows> HubService::liveHubs()
{
    auto all = repo().hubs.hubs(db());
    if (!all)
        return all.error();
    const qint64 now = Clock::nowMs();
    const QString machine = thisMachine();
    Rows live;
    for (Row h : *all) {
        if (isoMs(str(h, "heartbeat_at")) < now - kStaleMs)
            continue;
        if (str(h, "machine") == machine && processGone(num(h, "pid")))
            continue;
        h["uptime_seconds"] = (now - isoMs(str(h, "started_at"), now)) / 1000;
        h.erase("machine");
        live.push_back(std::move(h));
    }
    return live;
}

} // namespace ery::services
