#pragma once

#include "apireply.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

namespace ery::client {

class EngineClient;

// A floor terminal's actions on their way to the hub (docs/terminal.md "Nothing lost"). Every
// action (start, pause, report production, stop & complete, report issue) is written to a local
// file first — synced to disk before anything is sent — and then sent, oldest first and one at a
// time, each with its own Idempotency-Key, so an answer lost on flaky Wi-Fi is asked again and the
// hub still applies the action once. While the hub cannot be reached the actions wait in the file
// (also over a restart of the terminal) and are sent in order when it answers again. An action the
// hub refuses (the operation was completed elsewhere meanwhile) is not dropped: it becomes a
// conflict, kept in the file and shown to the operator in words until they acknowledge it.
class ActionJournal : public QObject {
    Q_OBJECT
public:
    struct Entry {
        QString key;       // the Idempotency-Key: a UUID made when the action was taken
        QString label;     // what the operator did, in their words ("Start Bend on JOB-1001")
        QString method;    // POST, PATCH
        QString path;      // /api/v1/operations/{id}/start …
        Json body;
        QString takenAt;   // ISO time on this terminal when the action was taken
        QString takenBy;   // the operator's name
        // Of a conflict: the hub's answer, its status and message in words.
        int status = 0;
        QString refusal;
    };

    // Reads what `filePath` still holds (actions not yet sent, conflicts not yet acknowledged) and
    // starts sending. The file is made when the first action is taken.
    ActionJournal(EngineClient &client, const QString &filePath, QObject *parent = nullptr);
    ~ActionJournal() override;

    // Takes an action: durably recorded, then sent as soon as the actions before it are through.
    // Returns its key, or empty when the file could not be written (failed() says why; nothing is sent).
    QString take(const QString &label, const QString &method, const QString &path, const Json &body);

    // Actions not yet answered by the hub, oldest first.
    QList<Entry> pending() const { return m_pending; }
    // The journal's file; what goes with its actions (an issue's photo) is kept beside it.
    QString filePath() const { return m_path; }
    // Actions the hub refused after they were taken (oldest first), until acknowledged.
    QList<Entry> conflicts() const { return m_conflicts; }
    void acknowledge(const QString &key);

    // Sends now instead of waiting for the next retry (the hub is known to be back).
    void retryNow();

    // Test and benchmark hooks: the retry wait after an unreachable hub (starts at this, doubles to
    // at most 8 times it).
    void setRetryBaseMs(int ms) { m_retryBaseMs = ms; }

signals:
    void applied(const ery::client::ActionJournal::Entry &entry, const ery::client::ApiReply &reply);
    void conflicted(const ery::client::ActionJournal::Entry &entry);
    // The number of actions waiting changed (taken, applied, refused).
    void pendingChanged(int count);
    // The file could not be written: the action was not taken.
    void failed(const QString &why);

private:
    void sendNext();
    // `sync`: waits until the file is on the disk (an action taken, a conflict); otherwise only
    // renamed over (an applied action leaving it).
    bool save(bool sync = true);
    void load();

    EngineClient &m_client;
    QString m_path;
    QList<Entry> m_pending;
    QList<Entry> m_conflicts;
    bool m_inFlight = false;
    int m_retryBaseMs = 1000;
    int m_retryMs = 0;
    QTimer m_retry;
    QTimer m_saveLater; // applied actions leave the file at most this late (they are harmless to resend)
};

} // namespace ery::client

Q_DECLARE_METATYPE(ery::client::ActionJournal::Entry)
