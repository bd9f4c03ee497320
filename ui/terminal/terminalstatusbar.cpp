#include "terminalstatusbar.h"

#include "shell/theme.h"

#include <QHBoxLayout>
#include <QLabel>

namespace ery::ui {

TerminalStatusBar::TerminalStatusBar(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("terminalStatusBar"));
    setAttribute(Qt::WA_StyledBackground);
    m_work = new QLabel(this);
    m_work->setObjectName(QStringLiteral("statusWork"));
    m_clock = new QLabel(this);
    m_clock->setObjectName(QStringLiteral("statusClock"));
    m_clock->setAccessibleName(tr("Time on the current operation"));
    m_connection = new QLabel(this);
    m_connection->setObjectName(QStringLiteral("statusConnection"));
    m_connection->setWordWrap(true);
    m_connection->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 8, 16, 8);
    layout->setSpacing(18);
    layout->addWidget(m_work, 2);
    layout->addWidget(m_clock);
    layout->addWidget(m_connection, 2);
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &TerminalStatusBar::tick);
    setConnection(true, 0);
}

QString TerminalStatusBar::clockText(qint64 seconds)
{
    seconds = qMax<qint64>(0, seconds);
    return QStringLiteral("%1:%2:%3")
        .arg(seconds / 3600)
        .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

void TerminalStatusBar::setWork(const QString &operatorName, const QString &operation, const QDateTime &since)
{
    m_since = since;
    if (operatorName.isEmpty())
        m_work->setText(tr("Nobody signed in"));
    else if (!since.isValid())
        m_work->setText(tr("%1 · not working on anything").arg(operatorName));
    else
        m_work->setText(tr("%1 · working on %2").arg(operatorName, operation.isEmpty() ? tr("an operation") : operation));
    m_clock->setVisible(since.isValid());
    if (since.isValid())
        m_timer.start();
    else
        m_timer.stop();
    tick();
}

void TerminalStatusBar::setConnection(bool reachable, int waiting)
{
    QString text;
    if (reachable && waiting == 0)
        text = tr("● Connected");
    else if (reachable)
        text = tr("● Connected — sending %n action(s)…", nullptr, waiting);
    else if (waiting == 0)
        text = tr("● Hub unreachable — what you do here will be sent when it is back");
    else
        text = tr("● Hub unreachable — %n action(s) waiting, they will be sent when it is back", nullptr, waiting);
    m_connection->setText(text);
    m_connection->setProperty("problem", !reachable);
    m_connection->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg((reachable ? Theme::successColor() : Theme::errorColor()).name()));
}

void TerminalStatusBar::tick()
{
    if (m_since.isValid())
        m_clock->setText(clockText(m_since.secsTo(QDateTime::currentDateTimeUtc())));
}

} // namespace ery::ui
