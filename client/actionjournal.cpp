#include "actionjournal.h"

#include "engineclient.h"
#include "jsonfields.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QUuid>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace ery::client {

namespace {

Json toJson(const ActionJournal::Entry &e)
{
    Json j{{"key", utf8(e.key)},     {"label", utf8(e.label)},     {"method", utf8(e.method)}, {"path", utf8(e.path)},
           {"body", e.body},         {"taken_at", utf8(e.takenAt)}, {"taken_by", utf8(e.takenBy)}};
    if (e.status != 0) {
        j["status"] = e.status;
        j["refusal"] = utf8(e.refusal);
    }
    return j;
}

ActionJournal::Entry fromJson(const Json &j)
{
    ActionJournal::Entry e;
    e.key = text(j, "key");
    e.label = text(j, "label");
    e.method = text(j, "method");
    e.path = text(j, "path");
    e.body = j.value("body", Json(nullptr));
    e.takenAt = text(j, "taken_at");
    e.takenBy = text(j, "taken_by");
    e.status = int(number(j, "status", 0));
    e.refusal = text(j, "refusal");
    return e;
}

// Answers that say nothing about the action: the hub was not reached, was busy or failing, the
// session ran out (it is sent again once someone signs in), or the first copy is still being worked
// on. The action stays first in line and is sent again; its Idempotency-Key makes that safe.
bool worthRetrying(const ApiReply &reply)
{
    const int s = reply.status();
    return s == 0 || s == 401 || s == 408 || s == 429 || s >= 500 ||
           (s == 409 && text(reply.errorDetails(), "reason") == QLatin1String("IDEMPOTENCY_KEY_IN_FLIGHT"));
}

} // namespace

ActionJournal::ActionJournal(EngineClient &client, const QString &filePath, QObject *parent)
    : QObject(parent), m_client(client), m_path(filePath)
{
    m_retry.setSingleShot(true);
    m_saveLater.setSingleShot(true);
    m_saveLater.setInterval(100);
    connect(&m_saveLater, &QTimer::timeout, this, [this] { save(false); });
    connect(&m_retry, &QTimer::timeout, this, &ActionJournal::sendNext);
    // Back from an outage, or signed in again after the session ran out: go on at once.
    connect(&m_client, &EngineClient::reachableChanged, this, [this](bool reachable) {
        if (reachable)
            retryNow();
    });
    connect(&m_client, &EngineClient::signedIn, this, &ActionJournal::retryNow);
    load();
    // On the next turn, so whoever made the journal has connected to its signals first.
    QMetaObject::invokeMethod(this, &ActionJournal::sendNext, Qt::QueuedConnection);
}

QString ActionJournal::take(const QString &label, const QString &method, const QString &path, const Json &body)
{
    Entry e;
    e.key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.label = label;
    e.method = method;
    e.path = path;
    e.body = body;
    e.takenAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    e.takenBy = text(m_client.user(), "full_name");
    m_pending << e;
    if (!save()) {
        m_pending.removeLast();
        return {};
    }
    emit pendingChanged(int(m_pending.size()));
    sendNext();
    return e.key;
}

void ActionJournal::acknowledge(const QString &key)
{
    for (qsizetype i = 0; i < m_conflicts.size(); ++i) {
        if (m_conflicts[i].key == key) {
            m_conflicts.removeAt(i);
            save();
            return;
        }
    }
}

void ActionJournal::retryNow()
{
    m_retry.stop();
    m_retryMs = 0;
    sendNext();
}

void ActionJournal::sendNext()
{
    // One at a time, oldest first: a pause must never overtake the start it pauses.
    if (m_inFlight || m_pending.isEmpty() || m_retry.isActive())
        return;
    if (!m_client.isSignedIn())
        return; // signedIn() sends it
    const Entry e = m_pending.front();
    m_inFlight = true;
    m_client.requestOnce(e.method, e.path, e.body, e.key.toLatin1()).then(this, [this, key = e.key](const ApiReply &reply) {
        m_inFlight = false;
        if (m_pending.isEmpty() || m_pending.front().key != key)
            return;
        if (worthRetrying(reply)) {
            m_retryMs = m_retryMs == 0 ? m_retryBaseMs : std::min(m_retryMs * 2, m_retryBaseMs * 8);
            m_retry.start(m_retryMs);
            return;
        }
        m_retryMs = 0;
        Entry done = m_pending.takeFirst();
        if (!reply.ok()) {
            // Refused for what it is (the operation was completed elsewhere meanwhile): the
            // operator must hear of it, so it is kept until they acknowledge it.
            done.status = reply.status();
            done.refusal = reply.errorMessage();
            m_conflicts << done;
        }
        // An applied action leaving the file need not wait for the disk, nor be written at once:
        // should the terminal lose power first, the action is sent again and the hub answers it
        // from its first result. A conflict is news for the operator, so that file is synced now.
        if (reply.ok()) {
            if (!m_saveLater.isActive())
                m_saveLater.start();
        } else {
            save();
        }
        emit pendingChanged(int(m_pending.size()));
        if (reply.ok())
            emit applied(done, reply);
        else
            emit conflicted(done);
        sendNext();
    });
}

ActionJournal::~ActionJournal()
{
    if (m_saveLater.isActive())
        save(false);
}

bool ActionJournal::save(bool sync)
{
    m_saveLater.stop();
    Json pending = Json::array(), conflicts = Json::array();
    for (const Entry &e : m_pending)
        pending.push_back(toJson(e));
    for (const Entry &e : m_conflicts)
        conflicts.push_back(toJson(e));
    const Json doc{{"version", 1}, {"pending", pending}, {"conflicts", conflicts}};
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    const QByteArray bytes = QByteArray::fromStdString(doc.dump(1));
    QString problem;
    if (sync) {
        // Written beside and renamed over the old file, synced to disk first: a power cut leaves
        // the old journal or the new one, never half of one.
        QSaveFile out(m_path);
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) < 0 || !out.commit())
            problem = out.errorString();
    } else {
        // Renamed over all the same (never half a file), only not waited for.
        const QString next = m_path + QStringLiteral(".next");
        QFile out(next);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(bytes) < 0 || !out.flush())
            problem = out.errorString();
        out.close();
        if (problem.isEmpty() && ::rename(QFile::encodeName(next).constData(), QFile::encodeName(m_path).constData()) != 0)
            problem = QString::fromLocal8Bit(std::strerror(errno));
    }
    if (!problem.isEmpty()) {
        emit failed(tr("The terminal could not write its journal %1: %2").arg(QDir::toNativeSeparators(m_path), problem));
        return false;
    }
    return true;
}

void ActionJournal::load()
{
    QFile in(m_path);
    if (!in.exists())
        return;
    if (!in.open(QIODevice::ReadOnly)) {
        emit failed(tr("The terminal could not read its journal %1: %2").arg(QDir::toNativeSeparators(m_path), in.errorString()));
        return;
    }
    const Json doc = Json::parse(in.readAll().toStdString(), nullptr, false);
    if (!doc.is_object()) {
        // Never thrown away: kept beside for someone to look at, and a new journal begins.
        const QString aside = m_path + QStringLiteral(".unreadable-") + QString::number(QDateTime::currentMSecsSinceEpoch());
        in.close();
        QFile::rename(m_path, aside);
        return;
    }
    for (const Json &j : doc.value("pending", Json::array()))
        if (j.is_object())
            m_pending << fromJson(j);
    for (const Json &j : doc.value("conflicts", Json::array()))
        if (j.is_object())
            m_conflicts << fromJson(j);
}

} // namespace ery::client
