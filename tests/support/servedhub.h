#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace ery::test {

// A real `eryxon-server serve` in its own process, on the demo shop (SQLite in a temporary
// directory, or the PostgreSQL of ERYXON_PG_URL when the test runs on it), for tests of a desktop
// or terminal that talks to a hub on another machine. It can be stopped and started again on the
// same port, as a hub that goes away and comes back.
class ServedHub {
public:
    ServedHub();
    ~ServedHub();

    // Loads the demo shop; false (with a warning) when the server program is missing or fails.
    bool prepare();
    // `keys create --scope SCOPE`: the new key, or empty.
    QString createKey(const QString &scope, const QString &name = QStringLiteral("test"));
    // `serve` on `port` (0: a free one); returns once it listens.
    bool start(int port = 0, const QStringList &extra = {});
    void stop();
    bool isRunning() const { return bool(m_process); }

    int port() const { return m_port; }
    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    QString database() const { return m_db; }

private:
    QTemporaryDir m_dir; // before m_db, which is made in it
    QString m_bin, m_db;
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
};

} // namespace ery::test
