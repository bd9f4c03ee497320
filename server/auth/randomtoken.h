#pragma once

#include <QByteArray>
#include <QString>

namespace ery::auth {

// Secrets from libsodium's CSPRNG.
QByteArray randomBytes(int n);
QString webhookSecret(); // whsec_ + base64 of 32 random bytes (Standard Webhooks' format)

} // namespace ery::auth
