#pragma once

#include "client/apireply.h"

#include <QDialog>
#include <QFuture>

#include <functional>

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QPushButton;

namespace ery::ui {

// A window-modal form whose OK sends one API request. While it is on its way the form waits; a
// refusal is shown in the hub's words inside the form, which stays open with what was typed, so
// the admin corrects it and tries again. Only an accepted request closes the form (succeeded).
class FormDialog : public QDialog {
    Q_OBJECT
public:
    FormDialog(const QString &title, const QString &submitText, QWidget *parent = nullptr);

    QFormLayout *form() const { return m_form; }
    void addRow(const QString &label, QWidget *field, const QString &accessibleName);
    // Sends the request when the admin presses the submit button.
    void setSubmit(std::function<QFuture<client::ApiReply>()> submit) { m_submit = std::move(submit); }
    QPushButton *submitButton() const { return m_ok; }
    QString errorText() const;

signals:
    void succeeded(const client::ApiReply &reply);

private:
    void send();

    QFormLayout *m_form;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    QPushButton *m_ok;
    std::function<QFuture<client::ApiReply>()> m_submit;
};

} // namespace ery::ui
