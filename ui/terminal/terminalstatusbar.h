#pragma once

#include <QDateTime>
#include <QTimer>
#include <QWidget>

class QLabel;

namespace ery::ui {

// The strip at the bottom of a floor terminal: who is signed in, what they are working on with a
// running clock (hours, minutes, seconds since the time entry opened), and the connection in
// plain words — connected, or "Hub unreachable — 3 actions waiting, they will be sent when it is
// back". The clock ticks here, once a second; nothing is asked of the hub for it.
class TerminalStatusBar : public QWidget {
    Q_OBJECT
public:
    explicit TerminalStatusBar(QWidget *parent = nullptr);

    // `since` invalid: not working on anything.
    void setWork(const QString &operatorName, const QString &operation, const QDateTime &since);
    void setConnection(bool reachable, int waiting);
    QLabel *workLabel() const { return m_work; }
    QLabel *clockLabel() const { return m_clock; }
    QLabel *connectionLabel() const { return m_connection; }
    // "1:05:09": the running time as a stopwatch shows it.
    static QString clockText(qint64 seconds);

private:
    void tick();

    QLabel *m_work;
    QLabel *m_clock;
    QLabel *m_connection;
    QDateTime m_since;
    QTimer m_timer;
};

} // namespace ery::ui
