#pragma once

#include <QDialog>

class QLineEdit;

namespace ery::ui {

// Shows a new key or signing secret the one time the hub answers it: selectable, with a Copy
// button and a warning that it cannot be shown again. The text is wiped when the dialog closes;
// nothing else in the desktop keeps or shows it.
class SecretDialog : public QDialog {
    Q_OBJECT
public:
    SecretDialog(const QString &title, const QString &intro, const QString &secret, const QString &warning, QWidget *parent = nullptr);
    ~SecretDialog() override;

    QString secret() const;

private:
    QLineEdit *m_secret;
};

} // namespace ery::ui
