#pragma once

#include "apireply.h"
#include "apirequest.h"
#include "transfer.h"

#include <QFuture>
#include <QObject>
#include <QTimer>

#include <functional>

namespace ery::client {

// The UI's only door to a hub (docs/architecture.md "How a panel gets data"). A screen asks with
// the REST API's own requests (method, path, JSON body; the signed-in user's session goes along)
// and follows changes with the realtime feed's bindings. The engine answers in-process
// (InProcessClient: straight into the router, no socket); a remote hub over HTTP and its realtime
// WebSocket. No screen knows which it has, and whatever a screen does, an integrator can do with
// the same request. Answers and change notices arrive in the thread of the caller's context.
class EngineClient : public QObject {
    Q_OBJECT
public:
    // What to follow, as a realtime feed's postgres_changes binding; the shop is the session's.
    struct Binding {
        QString table;                          // jobs, parts, operations, issues, …
        QString event = QStringLiteral("*");    // INSERT, UPDATE, DELETE or *
        QString filter;                         // "id=eq.<uuid>", or empty for every row
    };

    explicit EngineClient(QObject *parent = nullptr);
    ~EngineClient() override;

    // One request; `path` carries its query. A body that is null is sent as none. `transfer`, for a
    // long one (an export), reports its progress and carries the user's Cancel.
    QFuture<ApiReply> request(const QString &method, const QString &path, const Json &body = nullptr,
                              std::shared_ptr<Transfer> transfer = {});
    QFuture<ApiReply> get(const QString &path, std::shared_ptr<Transfer> transfer = {})
    {
        return request(QStringLiteral("GET"), path, nullptr, std::move(transfer));
    }
    QFuture<ApiReply> post(const QString &path, const Json &body = Json::object()) { return request(QStringLiteral("POST"), path, body); }
    QFuture<ApiReply> patch(const QString &path, const Json &body) { return request(QStringLiteral("PATCH"), path, body); }
    QFuture<ApiReply> remove(const QString &path) { return request(QStringLiteral("DELETE"), path); }
    // A request that may be sent again after its answer was lost (a floor terminal's action, a
    // journal replay): sent with `idempotencyKey` as its Idempotency-Key header, so the hub applies
    // it once however often it arrives, and answers a repeat with the first answer.
    QFuture<ApiReply> requestOnce(const QString &method, const QString &path, const Json &body, const QByteArray &idempotencyKey);
    // A POST whose body is a file as it is (CSV import, restore), not JSON.
    QFuture<ApiReply> upload(const QString &path, const QByteArray &file, const QByteArray &contentType,
                             std::shared_ptr<Transfer> transfer = {});

    // Files attached to a part, an operation or an issue (docs/api.md "Files"): `ownerKind` is
    // part, operation or issue. list: data {files: [...]}, oldest first.
    QFuture<ApiReply> listFiles(const QString &ownerKind, const QString &ownerId);
    // Attaches the file at `localPath` under `name` (its own file name when empty), declared as the
    // type its name says (fileType); read as it is sent. data: {file}. `transfer` counts the bytes
    // sent and carries Cancel.
    QFuture<ApiReply> uploadFile(const QString &ownerKind, const QString &ownerId, const QString &localPath, const QString &name = {},
                                 std::shared_ptr<Transfer> transfer = {});
    // Writes the file's bytes to `toPath` (replaced only once all of them arrived); `transfer`
    // counts the bytes received.
    QFuture<ApiReply> downloadFile(const QString &ownerKind, const QString &ownerId, const QString &fileId, const QString &toPath,
                                   std::shared_ptr<Transfer> transfer = {});
    QFuture<ApiReply> removeFile(const QString &ownerKind, const QString &ownerId, const QString &fileId);
    // The media type a file of this name is sent as: one the hub stores (PDF, the image types,
    // STEP, DXF, STL, 3MF, ZIP, text, CSV, JSON, Excel), else application/octet-stream.
    static QByteArray fileType(const QString &name);

    // Calls `onChange` in `context`'s thread, at most once per `debounceMs`, after rows matching
    // `binding` changed in the signed-in shop — by this process or any other. Ends with `context`.
    void subscribe(const Binding &binding, QObject *context, std::function<void()> onChange, int debounceMs = 150);

    // POST /api/v1/auth/login; on success the session is kept (and refreshed before it expires)
    // and sent with every request until signOut() or until the hub refuses it.
    QFuture<ApiReply> signIn(const QString &username, const QString &password, const QString &tenant = {});
    // A floor terminal: POST /api/v1/auth/pin with this workstation's terminal key (setTerminalKey)
    // and an operator's employee id and PIN; on success as signIn. The hub counts wrong PINs and
    // locks the operator after five (the answer's details say how many attempts are left).
    QFuture<ApiReply> signInWithPin(const QString &employeeId, const QString &pin);
    // The terminal key (ery_live_… with the terminal scope) this workstation was registered with.
    void setTerminalKey(const QString &key) { m_terminalKey = key; }
    QString terminalKey() const { return m_terminalKey; }
    void signOut();
    bool isSignedIn() const { return !m_accessToken.isEmpty(); }
    // The signed-in user as the hub answered it ({id, username, full_name, role, …}).
    const Json &user() const { return m_user; }
    QString tenantId() const { return m_tenantId; }
    QString tenantName() const { return m_tenantName; }

    // Whether the hub answered the last request (any answer, even a refusal); false after one could
    // not reach it, until one does again. reachableChanged tells when it turns.
    bool isReachable() const { return m_reachable; }

    // Where the hub is, for the status bar: "this workstation" or the remote address.
    virtual QString hubLabel() const = 0;
    // Which hub, in words that never change with the language: "local" for the engine in this
    // process, else the hub's address. What a workstation keeps per hub (a terminal's key and
    // journal) is filed under it.
    virtual QString hubId() const = 0;

signals:
    void signedIn();
    // `expired`: the hub no longer accepts the session (it ran out, or the account was locked).
    void signedOut(bool expired);
    void reachableChanged(bool reachable);

protected:
    // The signed-in session's token, empty when nobody is: a remote door opens its feed with it.
    const QString &accessToken() const { return m_accessToken; }
    virtual QFuture<ApiReply> send(ApiRequest request) = 0;
    // Calls `notify` in `context`'s thread for every change matching `binding` in shop `tenantId`.
    virtual void watch(const Binding &binding, QObject *context, std::function<bool(const QString &tenantId)> accepts,
                       std::function<void()> notify) = 0;

private:
    // Sends with the session's authorization; a 401 on it ends the session.
    QFuture<ApiReply> sendSigned(ApiRequest request);
    void adoptSession(const Json &session);
    void refresh();
    void endSession(bool expired);
    // Notes whether `reply` came from the hub (status 0: it could not be reached).
    void noteReach(const ApiReply &reply);
    QFuture<ApiReply> signInWith(ApiRequest request);

    QString m_accessToken;
    QString m_refreshToken;
    Json m_user;
    QString m_tenantId;
    QString m_tenantName;
    QString m_terminalKey;
    bool m_reachable = true;
    QTimer m_refreshTimer;
};

} // namespace ery::client
