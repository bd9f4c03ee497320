#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace ery::integrations {

// Both signature schemes a receiver may check:
// - the original's `X-Eryxon-Signature: sha256=<hex HMAC-SHA256(secret string, body)>`;
// - Standard Webhooks: `v1,<base64 HMAC-SHA256(base64-decoded secret after whsec_, "id.timestamp.body")>`.
class WebhookSigner {
public:
    static QByteArray eryxonSignature(const QString &secret, const QByteArray &body);
    static QByteArray standardSignature(const QString &secret, const QString &msgId, qint64 timestamp, const QByteArray &body);
    // Space-separated list, one per valid secret (during a rotation both are valid).
    static QByteArray standardSignatures(const QStringList &secrets, const QString &msgId, qint64 timestamp, const QByteArray &body);
};

} // namespace ery::integrations
