#pragma once

#include <QHostAddress>
#include <QString>
#include <QUrl>

namespace ery::domain {

// Where webhooks may point. An on-site MES posts to the shop's LAN all the time, so private ranges
// are allowed; link-local and cloud-metadata addresses never are (they reach the host's own
// credentials), loopback only when the tenant's admin allows it.
struct TargetVerdict {
    bool allowed = true;
    QString reason;
};

TargetVerdict checkWebhookUrl(const QUrl &url, bool allowLoopback);                 // syntax + literal hosts
TargetVerdict checkWebhookAddress(const QHostAddress &address, bool allowLoopback); // after DNS resolution

} // namespace ery::domain
