#include "cameradialog.h"

#include <QCamera>
#include <QCameraDevice>
#include <QDateTime>
#include <QDir>
#include <QHBoxLayout>
#include <QImageCapture>
#include <QLabel>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QPushButton>
#include <QVBoxLayout>
#include <QVideoWidget>

namespace ery::ui {

bool CameraDialog::available()
{
    return !QMediaDevices::videoInputs().isEmpty();
}

CameraDialog::CameraDialog(const QString &folder, QWidget *parent) : QDialog(parent), m_folder(folder)
{
    setObjectName(QStringLiteral("cameraDialog"));
    setWindowTitle(tr("Take a photo"));
    m_view = new QVideoWidget(this);
    m_view->setObjectName(QStringLiteral("cameraView"));
    m_view->setMinimumSize(480, 360);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("cameraProblem"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    m_take = new QPushButton(tr("Take photo"), this);
    m_take->setObjectName(QStringLiteral("cameraTake"));
    m_take->setMinimumHeight(64);
    m_take->setProperty("go", true);
    m_take->setEnabled(false); // until the camera is ready
    auto *cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(QStringLiteral("cameraCancel"));
    cancel->setMinimumHeight(64);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(cancel);
    buttons->addWidget(m_take, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_problem);
    layout->addLayout(buttons);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_take, &QPushButton::clicked, this, &CameraDialog::take);

    const QCameraDevice device = QMediaDevices::defaultVideoInput();
    if (device.isNull()) {
        fail(tr("No camera is connected to this terminal."));
        return;
    }
    m_session = new QMediaCaptureSession(this);
    m_camera = new QCamera(device, this);
    m_capture = new QImageCapture(this);
    m_session->setCamera(m_camera);
    m_session->setImageCapture(m_capture);
    m_session->setVideoOutput(m_view);
    connect(m_capture, &QImageCapture::readyForCaptureChanged, m_take, &QPushButton::setEnabled);
    connect(m_camera, &QCamera::errorOccurred, this, [this](QCamera::Error, const QString &message) {
        fail(tr("The camera cannot be used: %1").arg(message));
    });
    connect(m_capture, &QImageCapture::errorOccurred, this, [this](int, QImageCapture::Error, const QString &message) {
        fail(tr("The photo could not be taken: %1").arg(message));
    });
    connect(m_capture, &QImageCapture::imageSaved, this, [this](int, const QString &fileName) {
        m_photo = fileName;
        accept();
    });
    m_camera->start();
}

CameraDialog::~CameraDialog()
{
    if (m_camera)
        m_camera->stop();
}

QString CameraDialog::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void CameraDialog::fail(const QString &message)
{
    m_problem->setText(message);
    m_problem->show();
    m_take->setEnabled(false);
}

void CameraDialog::take()
{
    if (!m_capture || !m_capture->isReadyForCapture())
        return;
    QDir().mkpath(m_folder);
    m_take->setEnabled(false);
    m_capture->setFileFormat(QImageCapture::JPEG);
    m_capture->captureToFile(QDir(m_folder).filePath(QStringLiteral("photo-%1.jpg").arg(QDateTime::currentMSecsSinceEpoch())));
}

} // namespace ery::ui
