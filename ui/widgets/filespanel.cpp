#include "filespanel.h"

#include "client/engineclient.h"
#include "client/jsonfields.h"
#include "client/transfer.h"

#include <QDesktopServices>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

using namespace ery::client;

namespace ery::ui {

namespace {

constexpr int kIconSize = 48;
// Images up to this size get a thumbnail (read once per content, kept while the panel lives).
constexpr qint64 kMaxThumbnailBytes = 8 * 1024 * 1024;

enum class Kind { Pdf, Image, Cad, Other };

Kind kindOf(const QString &contentType, const QString &name)
{
    static const QStringList cad{QStringLiteral("step"), QStringLiteral("stp"), QStringLiteral("dxf"), QStringLiteral("dwg"),
                                 QStringLiteral("stl"),  QStringLiteral("3mf"), QStringLiteral("igs"), QStringLiteral("iges")};
    if (contentType == QLatin1String("application/pdf"))
        return Kind::Pdf;
    if (contentType.startsWith(QLatin1String("image/")) && contentType != QLatin1String("image/vnd.dxf"))
        return Kind::Image;
    if (contentType.startsWith(QLatin1String("model/")) || contentType.contains(QLatin1String("step")) ||
        contentType.contains(QLatin1String("dxf")) || cad.contains(QFileInfo(name).suffix().toLower()))
        return Kind::Cad;
    return Kind::Other;
}

} // namespace

QIcon FilesPanel::typeIcon(const QString &contentType, const QString &name)
{
    const Kind kind = kindOf(contentType, name);
    static const QHash<int, QIcon> icons = [] {
        QHash<int, QIcon> made;
        const struct {
            Kind kind;
            const char *label;
            QColor color;
        } looks[] = {{Kind::Pdf, "PDF", QColor(0xc6, 0x28, 0x28)},
                     {Kind::Image, "IMG", QColor(0x2e, 0x7d, 0x32)},
                     {Kind::Cad, "CAD", QColor(0x15, 0x65, 0xc0)},
                     {Kind::Other, "FILE", QColor(0x61, 0x61, 0x61)}};
        for (const auto &look : looks) {
            QIcon icon;
            for (int scale : {1, 2}) {
                const int s = kIconSize * scale;
                QPixmap pm(s, s);
                pm.fill(Qt::transparent);
                QPainter p(&pm);
                p.setRenderHint(QPainter::Antialiasing);
                // A page with a folded corner and the type's label on a band.
                const qreal w = s * 0.72, h = s * 0.92, x = (s - w) / 2, y = (s - h) / 2, fold = s * 0.2;
                QPainterPath page;
                page.moveTo(x, y);
                page.lineTo(x + w - fold, y);
                page.lineTo(x + w, y + fold);
                page.lineTo(x + w, y + h);
                page.lineTo(x, y + h);
                page.closeSubpath();
                p.setPen(QPen(QColor(0x90, 0x90, 0x90), s / 48.0));
                p.setBrush(Qt::white);
                p.drawPath(page);
                p.setPen(Qt::NoPen);
                p.setBrush(look.color);
                p.drawRect(QRectF(x - s * 0.06, y + h * 0.52, w + s * 0.12, h * 0.3));
                QFont f;
                f.setBold(true);
                f.setPixelSize(int(s * (qstrlen(look.label) > 3 ? 0.17 : 0.2)));
                p.setFont(f);
                p.setPen(Qt::white);
                p.drawText(QRectF(x - s * 0.06, y + h * 0.52, w + s * 0.12, h * 0.3), Qt::AlignCenter, QString::fromLatin1(look.label));
                p.end();
                pm.setDevicePixelRatio(scale);
                icon.addPixmap(pm);
            }
            made.insert(int(look.kind), icon);
        }
        return made;
    }();
    return icons.value(int(kind));
}

QString FilesPanel::sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

FilesPanel::FilesPanel(EngineClient &client, QWidget *parent) : QWidget(parent), m_client(client)
{
    setAcceptDrops(true);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("filesTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("filesList"));
    m_list->setAccessibleName(tr("Attached files"));
    m_list->setIconSize(QSize(kIconSize, kIconSize));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setUniformItemSizes(true);
    m_list->setToolTip(tr("Drop files here to attach them."));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("filesStatus"));
    m_status->setWordWrap(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("filesProgress"));
    m_progress->setAccessibleName(tr("Upload progress"));
    m_progress->hide();
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->hide();
    m_add = new QPushButton(tr("Add…"), this);
    m_add->setObjectName(QStringLiteral("filesAdd"));
    m_add->setToolTip(tr("Attach files (or drop them on the list)"));
    m_open = new QPushButton(tr("Open"), this);
    m_open->setObjectName(QStringLiteral("filesOpen"));
    m_save = new QPushButton(tr("Save as…"), this);
    m_save->setObjectName(QStringLiteral("filesSave"));
    m_delete = new QPushButton(tr("Delete"), this);
    m_delete->setObjectName(QStringLiteral("filesDelete"));

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addStretch(1);
    buttons->addWidget(m_open);
    buttons->addWidget(m_save);
    buttons->addWidget(m_delete);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    layout->addLayout(progressRow);
    layout->addLayout(buttons);

    m_poll = new QTimer(this);
    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this, [this] {
        if (m_transfer && m_transfer->percent() >= 0)
            m_progress->setValue(m_transfer->percent());
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_queue.clear();
        if (m_transfer)
            m_transfer->cancel();
    });
    connect(m_add, &QPushButton::clicked, this, [this] {
        const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Attach files"), QString(),
                                                                tr("Drawings, CAD and photos (*.pdf *.png *.jpg *.jpeg *.gif *.webp *.step *.stp "
                                                                   "*.dxf *.stl *.3mf *.zip);;All files (*)"));
        if (!paths.isEmpty())
            addFiles(paths);
    });
    connect(m_open, &QPushButton::clicked, this, [this] { openFile(selectedId()); });
    connect(m_save, &QPushButton::clicked, this, [this] { saveFileAs(selectedId()); });
    connect(m_delete, &QPushButton::clicked, this, [this] { removeFile(selectedId()); });
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) { openFile(item->data(Qt::UserRole).toString()); });
    connect(m_list, &QListWidget::currentItemChanged, this, &FilesPanel::updateButtons);
    // A file attached or removed anywhere (another workstation, the API, this panel).
    m_client.subscribe({QStringLiteral("files")}, this, [this] { reload(); });
    setOwner({}, {}, {});
}

void FilesPanel::setOwner(const QString &kind, const QString &id, const QString &title)
{
    if (kind != m_kind || id != m_ownerId) {
        m_files = Json::array();
        m_list->clear();
        m_status->clear();
    }
    m_kind = kind;
    m_ownerId = id;
    m_title->setText(title.isEmpty() ? tr("Files") : title);
    m_add->setEnabled(!id.isEmpty());
    setAcceptDrops(!id.isEmpty());
    updateButtons();
    reload();
}

void FilesPanel::reload()
{
    const int generation = ++m_generation;
    if (m_ownerId.isEmpty() || !m_client.isSignedIn()) {
        m_files = Json::array();
        draw();
        return;
    }
    auto list = [this, generation] {
        m_client.listFiles(m_kind, m_ownerId).then(this, [this, generation](const ApiReply &r) {
            if (generation != m_generation)
                return;
            if (!r.ok()) {
                m_files = Json::array();
                draw();
                m_status->setText(tr("The files could not be read: %1").arg(r.errorMessage()));
                return;
            }
            m_files = r.data().value("files", Json::array());
            draw();
        });
    };
    if (!m_names.isEmpty()) {
        list();
        return;
    }
    // Who attached a file is a user id: the shop's people by name, read once.
    m_client.get(QStringLiteral("/api/v1/operators?limit=1000")).then(this, [this, list](const ApiReply &r) {
        for (const Json &o : r.ok() ? r.data().value("operators", Json::array()) : Json::array())
            m_names.insert(text(o, "id"), text(o, "full_name"));
        const Json &me = m_client.user();
        m_names.insert(text(me, "id"), text(me, "full_name").isEmpty() ? text(me, "username") : text(me, "full_name"));
        list();
    });
}

void FilesPanel::draw()
{
    const QString current = selectedId();
    m_list->clear();
    for (const Json &f : m_files) {
        const QString name = text(f, "name"), type = text(f, "content_type");
        const QString who = m_names.value(text(f, "created_by"));
        const QString at = QLocale().toString(when(f, "created_at").toLocalTime(), QLocale::ShortFormat);
        const QString meta = who.isEmpty() ? tr("%1 · added %2").arg(sizeText(number(f, "size_bytes")), at)
                                           : tr("%1 · added by %2, %3").arg(sizeText(number(f, "size_bytes")), who, at);
        auto *item = new QListWidgetItem(m_list);
        item->setText(name + QLatin1Char('\n') + meta);
        item->setData(Qt::UserRole, text(f, "id"));
        item->setData(Qt::AccessibleTextRole, tr("%1, %2").arg(name, meta));
        item->setToolTip(type);
        const QString sha = text(f, "sha256");
        item->setIcon(m_thumbnails.contains(sha) ? m_thumbnails.value(sha) : typeIcon(type, name));
        if (kindOf(type, name) == Kind::Image && !m_thumbnails.contains(sha))
            loadThumbnail(f);
        if (text(f, "id") == current)
            m_list->setCurrentItem(item);
    }
    // The hint for an empty list never covers what an action said.
    const QString hint = tr("No files yet. Drop drawings, CAD files or photos here, or use Add…");
    if (m_files.empty() && !m_ownerId.isEmpty() && m_status->text().isEmpty())
        m_status->setText(hint);
    else if (!m_files.empty() && m_status->text() == hint)
        m_status->clear();
    updateButtons();
    emit listed();
}

void FilesPanel::loadThumbnail(const Json &file)
{
    if (number(file, "size_bytes") > kMaxThumbnailBytes)
        return;
    if (!m_temp)
        m_temp = std::make_unique<QTemporaryDir>();
    const QString sha = text(file, "sha256");
    const QString path = m_temp->filePath(sha + QLatin1Char('.') + QFileInfo(text(file, "name")).suffix());
    m_thumbnails.insert(sha, typeIcon(text(file, "content_type"), text(file, "name"))); // asked once
    m_client.downloadFile(m_kind, m_ownerId, text(file, "id"), path).then(this, [this, sha, path](const ApiReply &r) {
        if (!r.ok())
            return;
        QImageReader reader(path);
        reader.setAutoTransform(true);
        const QSize size = reader.size();
        if (size.isValid())
            reader.setScaledSize(size.scaled(kIconSize * 2, kIconSize * 2, Qt::KeepAspectRatio));
        const QImage image = reader.read();
        QFile::remove(path);
        if (image.isNull())
            return;
        m_thumbnails.insert(sha, QIcon(QPixmap::fromImage(image)));
        for (int i = 0; i < m_list->count(); ++i) {
            const Json f = fileById(m_list->item(i)->data(Qt::UserRole).toString());
            if (text(f, "sha256") == sha)
                m_list->item(i)->setIcon(m_thumbnails.value(sha));
        }
    });
}

void FilesPanel::updateButtons()
{
    const bool any = !selectedId().isEmpty();
    const bool busy = bool(m_transfer);
    m_open->setEnabled(any);
    m_save->setEnabled(any);
    m_delete->setEnabled(any && !busy);
    m_add->setEnabled(!m_ownerId.isEmpty() && !busy);
}

QString FilesPanel::selectedId() const
{
    return m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toString() : QString();
}

Json FilesPanel::fileById(const QString &fileId) const
{
    for (const Json &f : m_files)
        if (text(f, "id") == fileId)
            return f;
    return Json();
}

void FilesPanel::fail(const QString &message)
{
    m_status->setText(message);
    m_status->setForegroundRole(QPalette::WindowText);
    emit finished(message);
}

void FilesPanel::dragEnterEvent(QDragEnterEvent *event)
{
    if (!m_ownerId.isEmpty() && !m_transfer && event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void FilesPanel::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            paths << url.toLocalFile();
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    addFiles(paths);
}

void FilesPanel::addFiles(const QStringList &paths)
{
    if (m_ownerId.isEmpty())
        return;
    m_queue << paths;
    if (!m_transfer)
        uploadNext();
}

void FilesPanel::uploadNext()
{
    if (m_queue.isEmpty()) {
        m_transfer.reset();
        m_poll->stop();
        m_progress->hide();
        m_cancel->hide();
        updateButtons();
        return;
    }
    const QString path = m_queue.takeFirst();
    const QString name = QFileInfo(path).fileName();
    m_transfer = std::make_shared<Transfer>();
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
    m_poll->start();
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setText(tr("Sending %1 (%2)…").arg(name, sizeText(QFileInfo(path).size())));
    updateButtons();
    m_client.uploadFile(m_kind, m_ownerId, path, name, m_transfer).then(this, [this, name](const ApiReply &r) {
        m_transfer.reset();
        if (r.ok()) {
            m_status->setText(tr("%1 is attached.").arg(name));
            emit finished({});
            reload();
        } else if (r.errorCode() == QLatin1String("CANCELLED")) {
            m_queue.clear();
            fail(tr("Sending %1 was cancelled.").arg(name));
        } else if (r.errorCode() == QLatin1String("CONFLICT")) {
            fail(tr("%1 is attached here already. Delete that one first to replace it.").arg(name));
        } else if (r.errorCode() == QLatin1String("QUOTA_EXCEEDED")) {
            m_queue.clear();
            fail(tr("%1 does not fit in the shop's storage quota. Delete files no longer needed, or ask for a larger quota.").arg(name));
        } else if (r.errorCode() == QLatin1String("UNSUPPORTED_MEDIA_TYPE") ||
                   (r.errorCode() == QLatin1String("VALIDATION_ERROR") && r.errorDetails().dump().find("content") != std::string::npos)) {
            fail(tr("%1 is not a file the hub stores (drawings, CAD files, photos, documents; never programs): %2")
                     .arg(name, r.errorMessage()));
        } else {
            fail(tr("%1 could not be attached: %2").arg(name, r.errorMessage()));
        }
        uploadNext();
    });
}

void FilesPanel::openFile(const QString &fileId)
{
    const Json f = fileById(fileId);
    if (!f.is_object())
        return;
    if (!m_temp)
        m_temp = std::make_unique<QTemporaryDir>();
    // A folder per file keeps its own name, which the viewer shows in its title.
    const QString dir = m_temp->filePath(fileId);
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(text(f, "name"));
    m_status->setText(tr("Fetching %1…").arg(text(f, "name")));
    m_client.downloadFile(m_kind, m_ownerId, fileId, path).then(this, [this, path, name = text(f, "name")](const ApiReply &r) {
        if (!r.ok()) {
            fail(tr("%1 could not be fetched: %2").arg(name, r.errorMessage()));
            return;
        }
        m_status->clear();
        if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
            fail(tr("No program on this computer opens %1. Use Save as… to keep it.").arg(name));
        else
            emit finished({});
    });
}

void FilesPanel::saveFileAs(const QString &fileId)
{
    const Json f = fileById(fileId);
    if (!f.is_object())
        return;
    const QString start = QDir(QStandardPaths::writableLocation(QStandardPaths::DownloadLocation)).filePath(text(f, "name"));
    const QString to = QFileDialog::getSaveFileName(this, tr("Save %1 as").arg(text(f, "name")), start);
    if (to.isEmpty())
        return;
    m_status->setText(tr("Saving %1…").arg(text(f, "name")));
    m_client.downloadFile(m_kind, m_ownerId, fileId, to).then(this, [this, to, name = text(f, "name")](const ApiReply &r) {
        if (!r.ok()) {
            fail(tr("%1 could not be saved: %2").arg(name, r.errorMessage()));
            return;
        }
        m_status->setText(tr("Saved as %1.").arg(QDir::toNativeSeparators(to)));
        emit finished({});
    });
}

void FilesPanel::removeFile(const QString &fileId, bool confirm)
{
    const Json f = fileById(fileId);
    if (!f.is_object())
        return;
    const QString name = text(f, "name");
    if (confirm &&
        QMessageBox::question(this, tr("Delete file"), tr("Delete %1? Everyone who works on this loses it; it cannot be undone.").arg(name),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    m_client.removeFile(m_kind, m_ownerId, fileId).then(this, [this, name](const ApiReply &r) {
        if (!r.ok() && r.status() != 404) {
            fail(tr("%1 could not be deleted: %2").arg(name, r.errorMessage()));
            return;
        }
        m_status->setText(tr("%1 is deleted.").arg(name));
        emit finished({});
        reload();
    });
}

} // namespace ery::ui
