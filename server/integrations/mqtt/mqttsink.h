#pragma once

#include "events/sink.h"
#include "events/subscribercache.h"

#include <QObject>

namespace ery::services {
class Services;
}

namespace ery::integrations {

// Turns each committed domain event into one stored message per matching active publisher of the
// event's tenant, with its topic rendered from the event's own context. Durable: the messages are
// written in the transaction that advances this sink's outbox cursor, and leave the table only when
// the broker acknowledged them.
class MqttSink : public QObject, public events::Sink {
    Q_OBJECT
public:
    explicit MqttSink(services::Services &services, QObject *parent = nullptr);
    QString name() const override { return QStringLiteral("mqtt"); }
    bool durable() const override { return true; }
    Status deliver(const domain::OutboxEntry &e) override;
    Status flush() override;
    void batchEnded(bool committed) override;

    // {id, event, timestamp, tenant_id, data}
    static Json payload(const domain::OutboxEntry &e);
    // The topic tokens: {enterprise} {site} {area} from the publisher's settings, falling back to its
    // shop's names (the rows of DeliveryStore::activePublishers carry them), {cell} {job_number}
    // {operation} {part_number} {line} from the event's context. Events, the retained status and the
    // per-cell state all use these values.
    static QHash<QString, QString> topicValues(const Json &publisher, const Json &context);
    static QString topicFor(const Json &publisher, const domain::OutboxEntry &e);
    static QString statusTopic(const Json &publisher);                         // {enterprise}/{site}/eryxon/status
    static QString cellStateTopic(const Json &publisher, const Json &context); // {enterprise}/{site}/{area}/{cell}/state

signals:
    void messagesQueued();

private:
    services::Services &m_s;
    events::SubscriberCache m_publishers;
    Rows m_rows; // the batch's messages, written by flush() in the order of the events
    bool m_queued = false;
};

} // namespace ery::integrations
