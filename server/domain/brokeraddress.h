#pragma once

#include <QString>

#include <optional>

namespace ery::domain {

// Where an MQTT publisher connects, read from what an admin types into `broker_url`: a bare host
// (`broker.lan`, `10.0.0.5`, `[fd00::1]`), optionally with a port (`broker.lan:1884`), or a URL
// with the scheme brokers document — `mqtt://host[:port]` (also `tcp://`) and, for TLS,
// `mqtts://host[:port]` (also `ssl://`). Anything else (another scheme, a path, credentials in the
// URL, a port outside 1..65535) is refused with the reason in `error`.
struct BrokerAddress {
    QString host;
    std::optional<int> port; // when the text names one
    bool tls = false;        // mqtts:// or ssl://
    bool schemeGiven = false;
    QString error; // empty when the text is usable

    static BrokerAddress parse(const QString &text);
    bool ok() const { return error.isEmpty(); }
    // The port a connection uses: the one named, else the publisher's `port`.
    int portOr(int fallback) const { return port.value_or(fallback); }
};

} // namespace ery::domain
