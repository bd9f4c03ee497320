#include "randomtoken.h"

#include "secrethash.h"

#include <sodium.h>

namespace ery::auth {

QByteArray randomBytes(int n)
{
    SecretHash::init();
    QByteArray out(n, Qt::Uninitialized);
    randombytes_buf(out.data(), size_t(n));
    return out;
}

QString webhookSecret()
{
    return QStringLiteral("whsec_") + QString::fromLatin1(randomBytes(32).toBase64());
}

} // namespace ery::auth
