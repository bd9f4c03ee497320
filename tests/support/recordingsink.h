#pragma once

#include "events/sink.h"

#include <vector>

namespace ery::test {

// A sink that remembers what it was given, for order and replay tests.
class RecordingSink : public events::Sink {
public:
    RecordingSink(QString name, bool durable) : m_name(std::move(name)), m_durable(durable) { }
    QString name() const override { return m_name; }
    bool durable() const override { return m_durable; }
    Status deliver(const domain::OutboxEntry &e) override;

    std::vector<domain::OutboxEntry> received;
    int failNext = 0; // the next N deliveries fail (a durable sink then retries the batch)

private:
    QString m_name;
    bool m_durable;
};

} // namespace ery::test
