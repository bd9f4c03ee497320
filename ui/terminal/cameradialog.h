#pragma once

#include <QDialog>
#include <QString>

class QCamera;
class QImageCapture;
class QLabel;
class QMediaCaptureSession;
class QPushButton;
class QVideoWidget;

namespace ery::ui {

// Takes a photo with a camera connected to the terminal (a USB webcam on the stand, a tablet's own
// camera), through Qt Multimedia: the live picture over most of the dialog, one large Take photo
// button, Cancel. The photo is saved as a JPEG in `folder`; photoPath() names it once the dialog
// is accepted. Offered only where the system reports a camera (available()).
class CameraDialog : public QDialog {
    Q_OBJECT
public:
    explicit CameraDialog(const QString &folder, QWidget *parent = nullptr);
    ~CameraDialog() override;

    // Whether a camera is connected now.
    static bool available();

    QString photoPath() const { return m_photo; }
    QPushButton *takeButton() const { return m_take; }
    // What went wrong, in words, or empty.
    QString problem() const;

private:
    void take();
    void fail(const QString &message);

    QString m_folder;
    QString m_photo;
    QCamera *m_camera = nullptr;
    QImageCapture *m_capture = nullptr;
    QMediaCaptureSession *m_session = nullptr;
    QVideoWidget *m_view = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_take = nullptr;
};

} // namespace ery::ui
