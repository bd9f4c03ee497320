#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace ery::client {
class EngineClient;
}

namespace ery::ui {

// Asks for an issue review's notes and sends the review step (POST /api/v1/issues/{id}/approve,
// reject or close with `resolution_notes`). The hub decides: a refusal (notes missing, the issue
// changed meanwhile) is shown in its words under the notes and the dialog stays open with what was
// typed; it closes (accepted) once the step is done.
class ReviewNotesDialog : public QDialog {
    Q_OBJECT
public:
    enum Step { Approve, Reject, Close };

    ReviewNotesDialog(client::EngineClient &client, Step step, const QString &issueId, const QString &issueName,
                      QWidget *parent = nullptr);

    QPlainTextEdit *notes() const { return m_notes; }
    QString errorText() const;

private:
    void send();

    client::EngineClient &m_client;
    Step m_step;
    QString m_issueId;
    QPlainTextEdit *m_notes;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace ery::ui
