#pragma once

#include "client/apireply.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace ery::client {
class EngineClient;
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
// Each call runs in the background with a busy bar; the window never waits on it.
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

    QTableWidget *mapping() const { return m_mapping; }
    RecordView *problems() const { return m_problemView; }
    QString summary() const;

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
    void setBusy(const QString &what);
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
    QString m_filePath;
    QByteArray m_file;
    QStringList m_fileColumns;
    QChar m_separator = QLatin1Char(',');
    QStringList m_templateFields;
    bool m_running = false;
};

} // namespace ery::ui
