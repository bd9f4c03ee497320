#include "webhooksigner.h"

#include <QMessageAuthenticationCode>

namespace ery::integrations {

QByteArray WebhookSigner::eryxonSignature(const QString &secret, const QByteArray &body)
{
    return QByteArrayLiteral("sha256=") + QMessageAuthenticationCode::hash(body, secret.toUtf8(), QCryptographicHash::Sha256).toHex();
}

QByteArray WebhookSigner::standardSignature(const QString &secret, const QString &msgId, qint64 timestamp, const QByteArray &body)
{
    const QString raw = secret.startsWith(QLatin1String("whsec_")) ? secret.mid(6) : secret;
    const QByteArray key = QByteArray::fromBase64(raw.toLatin1());
    const QByteArray content = msgId.toUtf8() + '.' + QByteArray::number(timestamp) + '.' + body;
    return QByteArrayLiteral("v1,") + QMessageAuthenticationCode::hash(content, key, QCryptographicHash::Sha256).toBase64();
}

QByteArray WebhookSigner::standardSignatures(const QStringList &secrets, const QString &msgId, qint64 timestamp, const QByteArray &body)
{
    QByteArrayList sigs;
    for (const QString &s : secrets)
        sigs << standardSignature(s, msgId, timestamp, body);
    return sigs.join(' ');
}

} // namespace ery::integrations
