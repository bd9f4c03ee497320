#pragma once

#include <QString>

namespace ery::auth {

// argon2id through libsodium for admin passwords and operator PINs.
class SecretHash {
public:
    static bool init();
    static QString hash(const QString &secret);
    static bool verify(const QString &storedHash, const QString &secret);
};

} // namespace ery::auth
