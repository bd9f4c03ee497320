#pragma once

#include "client/apireply.h"

#include <QDialog>
#include <QTemporaryDir>

#include <memory>

class QButtonGroup;
class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace ery::ui {

// Report an issue on an operation: how bad (four large choices), what is wrong in the operator's
// words, and whether the machine is standing still — which parks the operation (Yellow Card) until
// the issue is dealt with; and, if wanted, a photo from a file (a USB stick, a shared folder) or,
// where a camera is connected, taken there and then (CameraDialog). The
// body is POST /api/v1/issues's; the terminal sends it through its action journal, and the photo to
// the issue once the hub has it.
class IssueDialog : public QDialog {
    Q_OBJECT
public:
    IssueDialog(const QString &operationId, const QString &title, QWidget *parent = nullptr);

    QPlainTextEdit *descriptionField() const { return m_description; }
    QCheckBox *standstillBox() const { return m_standstill; }
    // low, medium, high or critical.
    QString severity() const;
    void setSeverity(const QString &severity);
    Json body(const QString &reportedBy) const;
    // The photo to attach (what Add photo… picks or Take photo… took), or empty for none.
    void setPhoto(const QString &path);
    QString photoPath() const { return m_photo; }
    QPushButton *cameraButton() const { return m_cameraButton; }

private:
    void updateSend();

    QString m_operationId;
    QButtonGroup *m_severity;
    QPlainTextEdit *m_description;
    QCheckBox *m_standstill;
    QPushButton *m_send;
    QPushButton *m_photoButton;
    QPushButton *m_photoRemove;
    QPushButton *m_cameraButton; // shown where a camera is connected
    std::unique_ptr<QTemporaryDir> m_shots; // photos taken here, until the dialog goes
    QLabel *m_photoLabel;
    QString m_photo;
};

} // namespace ery::ui
