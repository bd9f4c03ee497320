#pragma once

#include "client/apireply.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

class QTimer;

namespace ery::client {
class EngineClient;
class Transfer;
}

namespace ery::ui {

class RecordTableModel;
class RecordView;

// The shop's data in and out, through the API's own file routes:
//  - Import: pick what (jobs, parts, operations, cells, resources) and a CSV file, match the file's
//    columns to the template's fields (matched by name, the hub's aliases otherwise), check the file
//    (POST /api/v1/import/{entity}?dry_run=true: every bad row by line and column, nothing
//    written), then import it whole — or only its good rows. The template is a click away.
//  - Export (GET /api/v1/export: JSON, or a ZIP of CSV files) to a file, and restore such a file
//    into an empty shop (POST /api/v1/restore) after a confirmation.
//  - The history of ERP syncs and imports (GET /api/v1/erp/status).
// Each call runs in the background with a progress bar (the hub reports how far it is) and a Cancel
// that stops it with nothing written; the window never waits on it.
class DataPage : public QWidget {
    Q_OBJECT
public:
    explicit DataPage(client::EngineClient &client, QWidget *parent = nullptr);

    // What a file dialog would hand over; public so a keyboard user's path and a test take the
    // same road as the dialogs.
    void setImportFile(const QString &path);
    void check();       // dry run
    void runImport();   // the real one
    void exportTo(const QString &path, const QString &format);
    void restoreFrom(const QString &path, bool confirmed);
    void reloadHistory();
    // Stops the import, check, export or restore under way: the hub writes nothing of it.
    void cancel();

    QTableWidget *mapping() const { return m_mapping; }
    RecordView *problems() const { return m_problemView; }
    QString summary() const;
    QProgressBar *progressBar() const { return m_busy; }
    QPushButton *cancelButton() const { return m_cancel; }

signals:
    // An import, check, export or restore finished; `ok` is false when it was refused or failed.
    void finished(bool ok, const QString &message);

private:
    QWidget *buildImportTab();
    QWidget *buildTransferTab();
    QWidget *buildHistoryTab();
    void loadTemplateFields();
    void fillMapping();
    QByteArray mappedFile() const;
    void sendImport(bool dryRun);
    void showReport(const client::ApiReply &reply, bool dryRun);
    // Starts the busy state; the request to send carries the Transfer it answers.
    std::shared_ptr<client::Transfer> setBusy(const QString &what);
    void showProgress();
    bool wasCancelled() const;
    void done(bool ok, const QString &message);

    client::EngineClient &m_client;
    // Import
    QComboBox *m_entity;
    QLabel *m_fileLabel;
    QTableWidget *m_mapping;
    QLineEdit *m_source;
    QCheckBox *m_skipBad;
    QPushButton *m_check;
    QPushButton *m_import;
    QLabel *m_summary;
    RecordTableModel *m_problemModel;
    RecordView *m_problemView;
    // Export and restore
    QComboBox *m_format;
    QLabel *m_transferResult;
    // History
    RecordTableModel *m_historyModel;
    RecordView *m_historyView;
    QLabel *m_historyStats;
    // Shared
    QProgressBar *m_busy;
    QLabel *m_busyLabel;
    QPushButton *m_cancel;
    QTimer *m_progressTimer;
    std::shared_ptr<client::Transfer> m_transfer;
    QString m_filePath;
    QByteArray m_file;
    QStringList m_fileColumns;
    QChar m_separator = QLatin1Char(',');
    QStringList m_templateFields;
    bool m_running = false;
};

} // namespace ery::ui
