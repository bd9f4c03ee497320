#include "reviewnotesdialog.h"

#include "client/engineclient.h"
#include "client/jsonfields.h"
#include "shell/theme.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace ery::client;

namespace ery::ui {

ReviewNotesDialog::ReviewNotesDialog(EngineClient &client, Step step, const QString &issueId, const QString &issueName,
                                     QWidget *parent)
    : QDialog(parent), m_client(client), m_step(step), m_issueId(issueId), m_notes(new QPlainTextEdit(this)), m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("reviewNotesDialog"));
    QString title, prompt, button;
    switch (step) {
    case Approve:
        title = tr("Approve issue");
        prompt = tr("Approve “%1”. What was decided, and what happens next?").arg(issueName);
        button = tr("&Approve");
        break;
    case Reject:
        title = tr("Reject issue");
        prompt = tr("Reject “%1”. Say why, so the operator who reported it knows.").arg(issueName);
        button = tr("&Reject");
        break;
    case Close:
        title = tr("Close issue");
        prompt = tr("Close “%1”. How was it resolved? (optional)").arg(issueName);
        button = tr("C&lose issue");
        break;
    }
    setWindowTitle(title);
    auto *label = new QLabel(prompt, this);
    label->setWordWrap(true);
    m_notes->setObjectName(QStringLiteral("reviewNotes"));
    m_notes->setAccessibleName(step == Close ? tr("Resolution notes") : tr("Review notes"));
    m_notes->setTabChangesFocus(true);
    m_notes->setPlaceholderText(step == Close ? tr("Resolution notes") : tr("Notes (required)"));
    label->setBuddy(m_notes);
    m_error->setObjectName(QStringLiteral("reviewError"));
    m_error->setAccessibleName(tr("Review problem"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::errorColor().name()));
    m_error->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *go = m_buttons->addButton(button, QDialogButtonBox::AcceptRole);
    go->setObjectName(QStringLiteral("reviewSendButton"));
    go->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ReviewNotesDialog::send);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(label);
    layout->addWidget(m_notes, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumSize(440, 260);
}

QString ReviewNotesDialog::errorText() const
{
    return m_error->isVisible() || !m_error->isHidden() ? m_error->text() : QString();
}

void ReviewNotesDialog::send()
{
    static const char *segments[] = {"approve", "reject", "close"};
    m_buttons->setEnabled(false);
    m_error->hide();
    const Json body{{"resolution_notes", utf8(m_notes->toPlainText())}};
    m_client.post(QStringLiteral("/api/v1/issues/%1/%2").arg(m_issueId, QLatin1String(segments[m_step])), body)
        .then(this, [this](const ApiReply &reply) {
            m_buttons->setEnabled(true);
            if (reply.ok()) {
                accept();
                return;
            }
            QString next;
            if (reply.errorCode() == QLatin1String("VALIDATION_ERROR"))
                next = tr("Write the notes above, then try again.");
            else if (reply.errorCode() == QLatin1String("INVALID_STATE_TRANSITION"))
                next = tr("The issue was changed in the meantime, perhaps at another workstation; the list shows its current status.");
            else if (reply.status() == 0)
                next = tr("Check the connection to the hub, then try again.");
            m_error->setText(next.isEmpty() ? reply.errorMessage() : reply.errorMessage() + QLatin1Char('\n') + next);
            m_error->show();
            m_notes->setFocus();
        });
}

} // namespace ery::ui
