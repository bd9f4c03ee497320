#pragma once

#include "client/apireply.h"

#include <QHash>
#include <QTemporaryDir>
#include <QWidget>

#include <memory>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QProgressBar;
class QPushButton;
class QTimer;

namespace ery::client {
class EngineClient;
class Transfer;
}

namespace ery::ui {

// The files attached to one record (a part, an operation or an issue): a list with a type icon (a
// thumbnail for images), name, size, who attached it and when; files are added with Add… or by
// dropping them on the panel (sent one after another, with progress and Cancel), opened in the
// system's viewer, saved elsewhere and deleted after a confirmation. Follows the `files` table, so
// a file attached or removed anywhere shows within a moment.
class FilesPanel : public QWidget {
    Q_OBJECT
public:
    explicit FilesPanel(client::EngineClient &client, QWidget *parent = nullptr);

    // Whose files to show (kind part|operation|issue); an empty id shows none. `title` heads the list.
    void setOwner(const QString &kind, const QString &id, const QString &title);
    QString ownerId() const { return m_ownerId; }
    QListWidget *list() const { return m_list; }
    // The files as the hub listed them.
    const Json &files() const { return m_files; }

    // Attaches the files at `paths` one after another (what a drop and Add… do).
    void addFiles(const QStringList &paths);
    // Downloads the file to a temporary folder and hands it to the system's viewer.
    void openFile(const QString &fileId);
    void saveFileAs(const QString &fileId);
    // Asks first when `confirm`.
    void removeFile(const QString &fileId, bool confirm = true);
    void reload();

    // A type icon as drawn for `contentType` and `name`: PDF, image, CAD or another file.
    static QIcon typeIcon(const QString &contentType, const QString &name);
    // "2.4 MB" in the user's locale.
    static QString sizeText(qint64 bytes);

signals:
    // The list was read and shown.
    void listed();
    // An upload, removal or download ended; `message` says what went wrong, empty when nothing did.
    void finished(const QString &message);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void draw();
    void uploadNext();
    void loadThumbnail(const Json &file);
    void updateButtons();
    QString selectedId() const;
    Json fileById(const QString &fileId) const;
    void fail(const QString &message);

    client::EngineClient &m_client;
    QString m_kind, m_ownerId;
    Json m_files = Json::array();
    int m_generation = 0;
    QStringList m_queue;
    std::shared_ptr<client::Transfer> m_transfer;
    QHash<QString, QIcon> m_thumbnails; // by sha256
    QHash<QString, QString> m_names;    // user id → name
    std::unique_ptr<QTemporaryDir> m_temp;

    QLabel *m_title;
    QListWidget *m_list;
    QLabel *m_status;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QPushButton *m_add, *m_open, *m_save, *m_delete;
    QTimer *m_poll;
};

} // namespace ery::ui
