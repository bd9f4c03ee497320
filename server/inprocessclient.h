#pragma once

#include "client/engineclient.h"

namespace ery {

class EngineHost;

// The UI's door answered by the engine in this process: each request is routed, authorised and
// handled by the hub's own API on the engine thread without a socket (Engine::door), and
// subscriptions listen to the engine's SubscriptionHub, which also feeds the realtime WebSocket.
class InProcessClient : public client::EngineClient {
    Q_OBJECT
public:
    explicit InProcessClient(EngineHost &host, QObject *parent = nullptr);

    QString hubLabel() const override;
    QString hubId() const override { return QStringLiteral("local"); }

protected:
    QFuture<client::ApiReply> send(client::ApiRequest request) override;
    void watch(const Binding &binding, QObject *context, std::function<bool(const QString &tenantId)> accepts,
               std::function<void()> notify) override;

private:
    EngineHost &m_host;
};

} // namespace ery
