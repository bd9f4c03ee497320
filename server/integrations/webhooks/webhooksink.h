#pragma once

#include "events/sink.h"

#include <QObject>

namespace ery {

class Services;

// Turns each committed domain event into one delivery row per matching active webhook of the
// event's tenant (a sandbox event only ever matches sandbox webhooks). Durable: the rows are
// written in the same transaction that advances this sink's outbox cursor.
class WebhookSink : public QObject, public Sink {
    Q_OBJECT
public:
    explicit WebhookSink(Services &services, QObject *parent = nullptr);
    QString name() const override { return QStringLiteral("webhooks"); }
    bool durable() const override { return true; }
    Status deliver(const OutboxEntry &e) override;

    // The body receivers get: {id, event, timestamp, data}.
    static Json body(const OutboxEntry &e);

signals:
    void deliveriesQueued();

private:
    Services &m_s;
};

} // namespace ery
