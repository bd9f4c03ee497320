#pragma once

#include "testshop.h"

#include <QNetworkAccessManager>

namespace ery::test {

// A seeded TestShop whose engine serves the REST API on a free loopback port, and a client that
// talks real HTTP to it. Client and server share the test thread: every wait spins the event
// loop, so the server answers while the test waits.
class ApiFixture {
public:
    static std::unique_ptr<ApiFixture> create(HttpConfig cfg = defaults());
    static HttpConfig defaults();

    TestShop &shop() { return *m_shop; }
    services::Services &s() { return m_shop->s(); }
    quint16 port() const { return m_port; }
    QString base() const;

    // A new key through the service; access read|read_write|admin.
    QString key(const domain::Scope &liveScope, const QString &access = QStringLiteral("read_write"), bool test = false);

    struct Reply {
        int status = 0;
        Json body;
        QByteArray raw;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray header(const QByteArray &name) const;
        Json data() const { return body.value("data", Json()); }
        QString code() const;
    };
    Reply call(const QByteArray &method, const QString &path, const QString &key = {}, const Json &body = nullptr,
               const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Reply callRaw(const QByteArray &method, const QString &path, const QString &key, const QByteArray &body,
                  const QList<QPair<QByteArray, QByteArray>> &headers = {});

    // The length of the first HTTP answer in a raw byte stream (head + Content-Length body) once its
    // head is in, else -1.
    static qint64 answerLength(const QByteArray &raw);
    // Resident memory of this process (client and server), in KiB.
    static qint64 rssKiB();

private:
    std::unique_ptr<TestShop> m_shop;
    QNetworkAccessManager m_nam;
    quint16 m_port = 0;
};

} // namespace ery::test

// Fails with the status and the start of the body; evaluates the call once (QVERIFY2 evaluates its
// message too).
#define EXPECT_STATUS(reply, st)                                                                                                           \
    do {                                                                                                                                   \
        const auto &ery_reply_ = (reply);                                                                                                  \
        QVERIFY2(ery_reply_.status == (st), qPrintable(QStringLiteral("expected %1, got %2: %3")                                           \
                                                           .arg(st)                                                                        \
                                                           .arg(ery_reply_.status)                                                         \
                                                           .arg(QString::fromUtf8(ery_reply_.raw.left(600)))));                            \
    } while (0)
