#include "issuedialog.h"

#include "cameradialog.h"

#include "client/jsonfields.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QImageReader>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace ery::client;

namespace ery::ui {

namespace {
const char *const kSeverities[] = {"low", "medium", "high", "critical"};
}

IssueDialog::IssueDialog(const QString &operationId, const QString &title, QWidget *parent)
    : QDialog(parent), m_operationId(operationId)
{
    setObjectName(QStringLiteral("issueDialog"));
    setWindowTitle(tr("Report an issue"));
    auto *heading = new QLabel(tr("Report an issue: %1").arg(title), this);
    heading->setObjectName(QStringLiteral("terminalTitle"));
    heading->setWordWrap(true);

    auto *severityRow = new QHBoxLayout;
    m_severity = new QButtonGroup(this);
    const QString names[] = {tr("Low"), tr("Medium"), tr("High"), tr("Critical")};
    for (int i = 0; i < 4; ++i) {
        auto *b = new QPushButton(names[i], this);
        b->setCheckable(true);
        b->setObjectName(QStringLiteral("severity_%1").arg(QLatin1String(kSeverities[i])));
        b->setAccessibleName(tr("Severity: %1").arg(names[i]));
        b->setProperty("choice", true);
        m_severity->addButton(b, i);
        severityRow->addWidget(b);
    }
    m_severity->button(1)->setChecked(true);

    m_description = new QPlainTextEdit(this);
    m_description->setObjectName(QStringLiteral("issueDescription"));
    m_description->setAccessibleName(tr("What is wrong"));
    m_description->setPlaceholderText(tr("What is wrong? For example: burr on the long edge of 3 parts."));
    m_description->setTabChangesFocus(true);

    m_standstill = new QCheckBox(tr("The machine is standing still"), this);
    m_standstill->setObjectName(QStringLiteral("issueStandstill"));
    auto *standstillHint = new QLabel(tr("The operation goes on hold (Yellow Card) until the issue is dealt with."), this);
    standstillHint->setWordWrap(true);
    standstillHint->setForegroundRole(QPalette::PlaceholderText);

    m_photoButton = new QPushButton(tr("Add photo…"), this);
    m_photoButton->setObjectName(QStringLiteral("issuePhoto"));
    m_photoButton->setMinimumHeight(56);
    m_photoRemove = new QPushButton(tr("Remove photo"), this);
    m_photoRemove->setObjectName(QStringLiteral("issuePhotoRemove"));
    m_photoRemove->setMinimumHeight(56);
    m_photoLabel = new QLabel(this);
    m_photoLabel->setObjectName(QStringLiteral("issuePhotoLabel"));
    m_photoLabel->setWordWrap(true);
    m_cameraButton = new QPushButton(tr("Take photo…"), this);
    m_cameraButton->setObjectName(QStringLiteral("issueCamera"));
    m_cameraButton->setMinimumHeight(56);
    m_cameraButton->setVisible(CameraDialog::available());
    connect(m_cameraButton, &QPushButton::clicked, this, [this] {
        if (!m_shots)
            m_shots = std::make_unique<QTemporaryDir>();
        auto *camera = new CameraDialog(m_shots->path(), this);
        camera->setAttribute(Qt::WA_DeleteOnClose);
        connect(camera, &QDialog::accepted, this, [this, camera] { setPhoto(camera->photoPath()); });
        camera->open();
    });
    auto *photoRow = new QHBoxLayout;
    photoRow->addWidget(m_photoButton);
    photoRow->addWidget(m_cameraButton);
    photoRow->addWidget(m_photoLabel, 1);
    photoRow->addWidget(m_photoRemove);
    connect(m_photoButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Photo of the issue"), QString(),
                                                          tr("Photos (*.jpg *.jpeg *.png *.webp *.gif)"));
        if (!path.isEmpty())
            setPhoto(path);
    });
    connect(m_photoRemove, &QPushButton::clicked, this, [this] { setPhoto({}); });
    setPhoto({});

    m_send = new QPushButton(tr("Report"), this);
    m_send->setObjectName(QStringLiteral("issueSend"));
    m_send->setProperty("primary", true);
    auto *cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(QStringLiteral("issueCancel"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(cancel);
    buttons->addWidget(m_send);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(14);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->addWidget(heading);
    layout->addWidget(new QLabel(tr("How bad is it?"), this));
    layout->addLayout(severityRow);
    layout->addWidget(m_description, 1);
    layout->addWidget(m_standstill);
    layout->addWidget(standstillHint);
    layout->addLayout(photoRow);
    layout->addLayout(buttons);

    connect(m_send, &QPushButton::clicked, this, &QDialog::accept);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_description, &QPlainTextEdit::textChanged, this, &IssueDialog::updateSend);
    updateSend();
}

void IssueDialog::updateSend()
{
    m_send->setEnabled(!m_description->toPlainText().trimmed().isEmpty());
}

QString IssueDialog::severity() const
{
    const int i = m_severity->checkedId();
    return i >= 0 ? QLatin1String(kSeverities[i]) : QStringLiteral("medium");
}

void IssueDialog::setSeverity(const QString &severity)
{
    for (int i = 0; i < 4; ++i)
        if (severity == QLatin1String(kSeverities[i]))
            m_severity->button(i)->setChecked(true);
}

void IssueDialog::setPhoto(const QString &path)
{
    m_photo = path;
    m_photoRemove->setVisible(!path.isEmpty());
    m_photoButton->setText(path.isEmpty() ? tr("Add photo…") : tr("Other photo…"));
    if (path.isEmpty()) {
        m_photoLabel->setPixmap({});
        m_photoLabel->setText(tr("No photo"));
        return;
    }
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (size.isValid())
        reader.setScaledSize(size.scaled(96, 72, Qt::KeepAspectRatio));
    const QImage thumb = reader.read();
    if (thumb.isNull()) {
        m_photoLabel->setText(QFileInfo(path).fileName());
    } else {
        m_photoLabel->setPixmap(QPixmap::fromImage(thumb));
    }
    m_photoLabel->setToolTip(QFileInfo(path).fileName());
    m_photoLabel->setAccessibleName(tr("Photo: %1").arg(QFileInfo(path).fileName()));
}

Json IssueDialog::body(const QString &reportedBy) const
{
    const QString description = m_description->toPlainText().trimmed();
    Json body{{"operation_id", utf8(m_operationId)},
              {"title", utf8(description.section(QLatin1Char('\n'), 0, 0).left(120))},
              {"description", utf8(description)},
              {"severity", utf8(severity())},
              {"causes_standstill", m_standstill->isChecked()}};
    if (!reportedBy.isEmpty()) {
        body["created_by"] = utf8(reportedBy);
        body["reported_by_id"] = utf8(reportedBy);
    }
    return body;
}

} // namespace ery::ui
