#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace ery {

// SHA-256 computed as data arrives (a file's content address, an upload's check). OpenSSL's
// implementation, which uses the CPU's SHA instructions where it has them: on the machines measured
// it hashed about 1.7 GB/s where QCryptographicHash did 0.2 GB/s, which bounded an upload's speed.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void addData(QByteArrayView data);
    // The digest in lower-case hex; the hash is finished after this.
    QByteArray hexResult();
    // The digest of `data`, in lower-case hex.
    static QByteArray hex(QByteArrayView data);

private:
    struct Context;
    std::unique_ptr<Context> m_ctx;
};

} // namespace ery
