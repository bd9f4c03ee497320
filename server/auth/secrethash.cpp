#include "secrethash.h"

#include <sodium.h>

namespace ery::auth {

namespace {
// OWASP's argon2id baseline (t=2, m=19 MiB): a PIN's strength comes from the lockout, the hash
// keeps a stolen database from revealing passwords and PINs cheaply.
constexpr unsigned long long kOps = 2;
constexpr size_t kMem = 19u * 1024u * 1024u;
} // namespace

bool SecretHash::init()
{
    static const bool ok = sodium_init() >= 0;
    return ok;
}

QString SecretHash::hash(const QString &secret)
{
    init();
    const QByteArray s = secret.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, s.constData(), size_t(s.size()), kOps, kMem) != 0)
        return {};
    return QString::fromLatin1(out);
}

bool SecretHash::verify(const QString &storedHash, const QString &secret)
{
    init();
    if (storedHash.isEmpty())
        return false;
    const QByteArray h = storedHash.toLatin1();
    const QByteArray s = secret.toUtf8();
    return crypto_pwhash_str_verify(h.constData(), s.constData(), size_t(s.size())) == 0;
}

} // namespace ery::auth
