#include "datapage.h"

#include "client/engineclient.h"
#include "client/jsonfields.h"
#include "client/transfer.h"
#include "models/recordtablemodel.h"
#include "recordview.h"
#include "shell/theme.h"
#include "widgets/pagetitle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

using namespace ery::client;

namespace ery::ui {

namespace {

constexpr qint64 kMaxFileBytes = 32LL * 1024 * 1024; // the hub's body limit; larger files: eryxon-server import
const QByteArray kBom("\xEF\xBB\xBF");

QString normalised(QString name)
{
    return name.toLower().remove(QLatin1Char(' ')).remove(QLatin1Char('_')).remove(QLatin1Char('-'));
}

QStringList splitHeader(const QString &line, QChar separator)
{
    QStringList out;
    for (QString cell : line.split(separator)) {
        cell = cell.trimmed();
        if (cell.size() >= 2 && cell.startsWith(QLatin1Char('"')) && cell.endsWith(QLatin1Char('"')))
            cell = cell.mid(1, cell.size() - 2);
        out << cell;
    }
    return out;
}

} // namespace

DataPage::DataPage(EngineClient &client, QWidget *parent) : QWidget(parent), m_client(client)
{
    auto *title = new PageTitle(tr("Data"), this);
    auto *subtitle = new QLabel(tr("Bring jobs, parts and routings in from spreadsheets, take the whole shop out, and see what your ERP sent."), this);
    subtitle->setForegroundRole(QPalette::PlaceholderText);

    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("dataTabs"));
    tabs->addTab(buildImportTab(), tr("Import CSV"));
    tabs->addTab(buildTransferTab(), tr("Export and restore"));
    tabs->addTab(buildHistoryTab(), tr("Sync history"));
    connect(tabs, &QTabWidget::currentChanged, this, [this, tabs](int i) {
        if (tabs->widget(i) == m_historyView->parentWidget())
            reloadHistory();
    });

    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("dataBusy"));
    m_busy->setAccessibleName(tr("Progress"));
    m_busy->setMaximumWidth(200);
    m_busy->hide();
    m_busyLabel = new QLabel(this);
    m_busyLabel->setObjectName(QStringLiteral("dataBusyLabel"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("dataCancel"));
    m_cancel->setAccessibleName(tr("Cancel the import, export or restore"));
    m_cancel->setToolTip(tr("Stop it: nothing of it is written"));
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, this, &DataPage::cancel);
    // The hub reports into the Transfer from its own thread; the bar reads it a few times a second.
    m_progressTimer = new QTimer(this);
    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this, &DataPage::showProgress);
    auto *status = new QHBoxLayout;
    status->addWidget(m_busy);
    status->addWidget(m_busyLabel, 1);
    status->addWidget(m_cancel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->setSpacing(6);
    layout->addWidget(title);
    layout->addWidget(subtitle);
    layout->addSpacing(4);
    layout->addWidget(tabs, 1);
    layout->addLayout(status);

    connect(&m_client, &EngineClient::signedOut, this, [this] {
        m_problemModel->clear();
        m_historyModel->clear();
        m_summary->clear();
        m_historyStats->clear();
    });
}

QWidget *DataPage::buildImportTab()
{
    auto *w = new QWidget(this);
    m_entity = new QComboBox(w);
    m_entity->setObjectName(QStringLiteral("importEntity"));
    m_entity->setAccessibleName(tr("What to import"));
    m_entity->addItem(tr("Jobs"), QStringLiteral("jobs"));
    m_entity->addItem(tr("Parts"), QStringLiteral("parts"));
    m_entity->addItem(tr("Operations"), QStringLiteral("operations"));
    m_entity->addItem(tr("Cells"), QStringLiteral("cells"));
    m_entity->addItem(tr("Resources"), QStringLiteral("resources"));
    m_fileLabel = new QLabel(tr("No file chosen"), w);
    m_fileLabel->setObjectName(QStringLiteral("importFile"));
    auto *choose = new QPushButton(tr("Choose file…"), w);
    choose->setObjectName(QStringLiteral("importChoose"));
    auto *templ = new QPushButton(tr("Save the template…"), w);
    templ->setObjectName(QStringLiteral("importTemplate"));
    templ->setToolTip(tr("A CSV file with the columns this import reads and an example row"));

    m_mapping = new QTableWidget(0, 3, w);
    m_mapping->setObjectName(QStringLiteral("importMapping"));
    m_mapping->setAccessibleName(tr("Columns of the file and the fields they fill"));
    m_mapping->setHorizontalHeaderLabels({tr("Column in the file"), tr("First row"), tr("Fills the field")});
    m_mapping->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_mapping->horizontalHeader()->resizeSection(0, 200);
    m_mapping->horizontalHeader()->resizeSection(2, 240);
    // Until a file is chosen the grid says what it is for.
    auto *mappingHint = new QLabel(tr("Choose a CSV file, or start from the template: each of its columns is listed here with its first "
                                      "value and the field it fills, which you can change."),
                                   m_mapping->viewport());
    mappingHint->setObjectName(QStringLiteral("importMappingHint"));
    mappingHint->setWordWrap(true);
    mappingHint->setAlignment(Qt::AlignCenter);
    mappingHint->setForegroundRole(QPalette::PlaceholderText);
    auto *hintLayout = new QVBoxLayout(m_mapping->viewport());
    hintLayout->setContentsMargins(40, 20, 40, 20);
    hintLayout->addWidget(mappingHint);
    auto showHint = [this, mappingHint] { mappingHint->setVisible(m_mapping->rowCount() == 0); };
    connect(m_mapping->model(), &QAbstractItemModel::rowsInserted, mappingHint, showHint);
    connect(m_mapping->model(), &QAbstractItemModel::rowsRemoved, mappingHint, showHint);
    connect(m_mapping->model(), &QAbstractItemModel::modelReset, mappingHint, showHint);
    m_mapping->verticalHeader()->hide();
    m_mapping->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_source = new QLineEdit(QStringLiteral("spreadsheet"), w);
    m_source->setObjectName(QStringLiteral("importSource"));
    m_source->setAccessibleName(tr("Where the file comes from"));
    m_source->setToolTip(tr("Rows are matched on their external id within this source, so importing the same file again updates "
                            "instead of duplicating. A column external_source in the file wins."));
    m_source->setMaxLength(50);
    m_source->setMaximumWidth(160);
    m_skipBad = new QCheckBox(tr("Import the good rows and skip the bad ones"), w);
    m_skipBad->setObjectName(QStringLiteral("importSkipBad"));
    m_check = new QPushButton(tr("Check the file"), w);
    m_check->setObjectName(QStringLiteral("importCheck"));
    m_check->setToolTip(tr("Reads the whole file and lists every problem; nothing is written"));
    m_import = new QPushButton(tr("Import"), w);
    m_import->setObjectName(QStringLiteral("importRun"));
    m_check->setEnabled(false);
    m_import->setEnabled(false);
    m_summary = new QLabel(w);
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);

    using Row = RecordTableModel::Json;
    m_problemModel = new RecordTableModel(
        {
            {tr("Line"), [](const Row &r) { return number(r, "line"); }},
            {tr("Column"), [](const Row &r) { return text(r, "column"); }},
            {tr("Problem"), [](const Row &r) { return text(r, "message"); }},
            {tr("Value"), [](const Row &r) { return r.contains("value") && !r["value"].is_null() ? QString::fromStdString(r["value"].is_string() ? r["value"].get<std::string>() : r["value"].dump()) : QString(); }},
        },
        this);
    m_problemView = new RecordView(m_problemModel, QStringLiteral("importProblems"), tr("Problems in the file"), w);
    m_problemView->setEmptyText(tr("When a file is checked, the rows it cannot take are listed here by line and column, before anything is imported."));
    m_problemView->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_problemView->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_problemView->horizontalHeader()->resizeSection(0, 60);
    m_problemView->horizontalHeader()->resizeSection(1, 160);
    m_problemView->horizontalHeader()->resizeSection(3, 160);

    auto *pick = new QHBoxLayout;
    pick->addWidget(new QLabel(tr("Import"), w));
    pick->addWidget(m_entity);
    pick->addWidget(new QLabel(tr("from"), w));
    pick->addWidget(m_fileLabel, 1);
    pick->addWidget(choose);
    pick->addWidget(templ);
    auto *run = new QHBoxLayout;
    run->addWidget(new QLabel(tr("Source"), w));
    run->addWidget(m_source);
    run->addSpacing(12);
    run->addWidget(m_skipBad);
    run->addStretch();
    run->addWidget(m_check);
    run->addWidget(m_import);
    auto *split = new QSplitter(Qt::Vertical, w);
    split->addWidget(m_mapping);
    split->addWidget(m_problemView);
    split->setChildrenCollapsible(false);
    auto *l = new QVBoxLayout(w);
    l->addLayout(pick);
    l->addWidget(split, 1);
    l->addLayout(run);
    l->addWidget(m_summary);

    connect(choose, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("CSV file to import"), QString(), tr("CSV files (*.csv *.txt);;All files (*)"));
        if (!path.isEmpty())
            setImportFile(path);
    });
    connect(templ, &QPushButton::clicked, this, [this] {
        const QString entity = m_entity->currentData().toString();
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the template"), entity + QStringLiteral(".csv"), tr("CSV files (*.csv)"));
        if (path.isEmpty())
            return;
        m_client.get(QStringLiteral("/api/v1/import/templates/%1").arg(entity)).then(this, [this, path](const ApiReply &reply) {
            QSaveFile out(path);
            const bool ok = reply.ok() && out.open(QIODevice::WriteOnly) && out.write(reply.raw()) == reply.raw().size() && out.commit();
            done(ok, ok ? tr("The template was saved as %1.").arg(QFileInfo(path).fileName())
                        : tr("The template could not be saved: %1").arg(reply.ok() ? out.errorString() : reply.errorMessage()));
        });
    });
    connect(m_entity, &QComboBox::currentIndexChanged, this, &DataPage::loadTemplateFields);
    connect(m_check, &QPushButton::clicked, this, &DataPage::check);
    connect(m_import, &QPushButton::clicked, this, &DataPage::runImport);
    return w;
}

QWidget *DataPage::buildTransferTab()
{
    auto *w = new QWidget(this);
    m_format = new QComboBox(w);
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_format->setAccessibleName(tr("Export format"));
    m_format->addItem(tr("ZIP of CSV files (spreadsheets)"), QStringLiteral("csv"));
    m_format->addItem(tr("One JSON file"), QStringLiteral("json"));
    auto *exportButton = new QPushButton(tr("Export the shop…"), w);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    auto *restoreButton = new QPushButton(tr("Restore from a file…"), w);
    restoreButton->setObjectName(QStringLiteral("restoreButton"));
    m_transferResult = new QLabel(w);
    m_transferResult->setObjectName(QStringLiteral("transferResult"));
    m_transferResult->setWordWrap(true);
    m_transferResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *exportHelp = new QLabel(tr("Everything of this shop — jobs, parts, routings, time, quality, settings — without passwords, PINs or "
                                     "key secrets. Keep it as a backup or take it to another hub."),
                                  w);
    exportHelp->setWordWrap(true);
    auto *restoreHelp = new QLabel(tr("Loads an export into this shop when it holds no jobs or other shop data yet, for example on a new "
                                      "workstation. The whole file is checked first; it goes in completely or not at all."),
                                   w);
    restoreHelp->setWordWrap(true);
    auto *exportRow = new QHBoxLayout;
    exportRow->addWidget(m_format);
    exportRow->addWidget(exportButton);
    exportRow->addStretch();
    auto *form = new QFormLayout;
    form->addRow(new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Export")), w));
    form->addRow(exportHelp);
    form->addRow(exportRow);
    form->addItem(new QSpacerItem(0, 16));
    form->addRow(new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Restore")), w));
    form->addRow(restoreHelp);
    form->addRow(restoreButton);
    auto *l = new QVBoxLayout(w);
    l->addLayout(form);
    l->addWidget(m_transferResult);
    l->addStretch();

    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString format = m_format->currentData().toString();
        const QString suggested = QStringLiteral("eryxon-export.%1").arg(format == QLatin1String("csv") ? QStringLiteral("zip") : QStringLiteral("json"));
        const QString path = QFileDialog::getSaveFileName(this, tr("Export the shop to"), suggested);
        if (!path.isEmpty())
            exportTo(path, format);
    });
    connect(restoreButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Export to restore"), QString(), tr("Exports (*.zip *.json);;All files (*)"));
        if (!path.isEmpty())
            restoreFrom(path, false);
    });
    return w;
}

QWidget *DataPage::buildHistoryTab()
{
    auto *w = new QWidget(this);
    using Row = RecordTableModel::Json;
    m_historyModel = new RecordTableModel(
        {
            {tr("When"), [](const Row &r) { return RecordTableModel::timeText(r, "created_at"); },
             [](const Row &r) { return RecordTableModel::timeKey(r, "created_at"); }},
            {tr("What"), [](const Row &r) { return text(r, "entity_type"); }},
            {tr("From"), [](const Row &r) { return text(r, "source"); }},
            {tr("Result"), [](const Row &r) { return text(r, "status"); }},
            {tr("Records"), [](const Row &r) { return number(r, "total_records"); }},
            {tr("Created"), [](const Row &r) { return number(r, "created_count"); }},
            {tr("Updated"), [](const Row &r) { return number(r, "updated_count"); }},
            {tr("Errors"), [](const Row &r) { return number(r, "error_count"); }},
        },
        this);
    m_historyView = new RecordView(m_historyModel, QStringLiteral("syncHistory"), tr("Sync and import history"), w);
    m_historyView->setEmptyText(tr("No imports or ERP syncs yet."));
    m_historyView->horizontalHeader()->resizeSection(0, 160);
    m_historyStats = new QLabel(w);
    m_historyStats->setObjectName(QStringLiteral("syncStats"));
    auto *l = new QVBoxLayout(w);
    l->addWidget(m_historyStats);
    l->addWidget(m_historyView, 1);
    return w;
}

void DataPage::reloadHistory()
{
    if (!m_client.isSignedIn())
        return;
    m_client.get(QStringLiteral("/api/v1/erp/status?limit=200")).then(this, [this](const ApiReply &reply) {
        if (!reply.ok()) {
            m_historyStats->setText(tr("The history could not be read: %1").arg(reply.errorMessage()));
            return;
        }
        m_historyModel->setRows(reply.data().value("history", Json::array()));
        const Json st = reply.data().value("stats", Json::object());
        m_historyStats->setText(tr("%1 runs: %2 succeeded, %3 failed; %4 records created, %5 updated.")
                                    .arg(number(st, "total_syncs"))
                                    .arg(number(st, "successful"))
                                    .arg(number(st, "failed"))
                                    .arg(number(st, "total_created"))
                                    .arg(number(st, "total_updated")));
    });
}

void DataPage::setImportFile(const QString &path)
{
    QFile f(path);
    m_problemModel->clear();
    m_summary->clear();
    if (f.size() > kMaxFileBytes) {
        done(false, tr("%1 is larger than 32 MB. Import it on the hub with: eryxon-server import %2 <file>")
                        .arg(QFileInfo(path).fileName(), m_entity->currentData().toString()));
        return;
    }
    if (!f.open(QIODevice::ReadOnly)) {
        done(false, tr("%1 could not be opened: %2").arg(QFileInfo(path).fileName(), f.errorString()));
        return;
    }
    m_filePath = path;
    m_file = f.readAll();
    m_fileLabel->setText(QFileInfo(path).fileName());
    m_check->setEnabled(true);
    m_import->setEnabled(true);
    loadTemplateFields();
}

void DataPage::loadTemplateFields()
{
    const QString entity = m_entity->currentData().toString();
    m_client.get(QStringLiteral("/api/v1/import/templates/%1").arg(entity)).then(this, [this, entity](const ApiReply &reply) {
        if (entity != m_entity->currentData().toString())
            return;
        m_templateFields = reply.ok() ? splitHeader(QString::fromUtf8(reply.raw()).section(QLatin1Char('\n'), 0, 0).trimmed(), QLatin1Char(','))
                                      : QStringList();
        fillMapping();
    });
}

void DataPage::fillMapping()
{
    m_mapping->setRowCount(0);
    m_fileColumns.clear();
    if (m_file.isEmpty())
        return;
    // UTF-16 files are left as they are: the hub reads their columns by name.
    if (m_file.startsWith("\xFF\xFE") || m_file.startsWith("\xFE\xFF"))
        return;
    QByteArray text = m_file.startsWith(kBom) ? m_file.mid(3) : m_file;
    const QString head = QString::fromUtf8(text.left(64 * 1024));
    const QString header = head.section(QLatin1Char('\n'), 0, 0).remove(QLatin1Char('\r'));
    const QString first = head.section(QLatin1Char('\n'), 1, 1).remove(QLatin1Char('\r'));
    // The separator the header uses most, as the hub decides it.
    m_separator = QLatin1Char(',');
    int best = header.count(QLatin1Char(','));
    for (QChar c : {QLatin1Char(';'), QLatin1Char('\t')})
        if (header.count(c) > best) {
            best = header.count(c);
            m_separator = c;
        }
    m_fileColumns = splitHeader(header, m_separator);
    const QStringList samples = splitHeader(first, m_separator);
    for (int i = 0; i < m_fileColumns.size(); ++i) {
        const QString column = m_fileColumns[i];
        m_mapping->insertRow(i);
        m_mapping->setItem(i, 0, new QTableWidgetItem(column));
        m_mapping->setItem(i, 1, new QTableWidgetItem(samples.value(i)));
        auto *field = new QComboBox(m_mapping);
        field->setAccessibleName(tr("Field for column %1").arg(column));
        field->addItem(tr("As named in the file"), column);
        for (const QString &f : m_templateFields)
            field->addItem(f, f);
        field->addItem(tr("Leave out"), QString());
        for (int k = 0; k < m_templateFields.size(); ++k)
            if (normalised(m_templateFields[k]) == normalised(column))
                field->setCurrentIndex(k + 1);
        m_mapping->setCellWidget(i, 2, field);
    }
}

QByteArray DataPage::mappedFile() const
{
    if (m_fileColumns.isEmpty())
        return m_file;
    QStringList names;
    bool changed = false;
    for (int i = 0; i < m_fileColumns.size(); ++i) {
        auto *field = qobject_cast<QComboBox *>(m_mapping->cellWidget(i, 2));
        QString name = field ? field->currentData().toString() : m_fileColumns[i];
        if (name.isEmpty())
            name = QStringLiteral("left_out_%1").arg(i + 1); // the hub reports it as an ignored column
        changed = changed || name != m_fileColumns[i];
        names << name;
    }
    if (!changed)
        return m_file;
    const bool bom = m_file.startsWith(kBom);
    const QByteArray text = bom ? m_file.mid(3) : m_file;
    const qsizetype end = text.indexOf('\n');
    QByteArray out = bom ? kBom : QByteArray();
    out += names.join(m_separator).toUtf8();
    if (end >= 0)
        out += (text.at(end > 0 ? end - 1 : 0) == '\r' ? QByteArray("\r") : QByteArray()) + text.mid(end);
    return out;
}

void DataPage::check()
{
    sendImport(true);
}

void DataPage::runImport()
{
    sendImport(false);
}

void DataPage::sendImport(bool dryRun)
{
    if (m_running || m_file.isEmpty())
        return;
    const QString entity = m_entity->currentData().toString();
    QString path = QStringLiteral("/api/v1/import/%1?file_name=%2").arg(entity, QString::fromLatin1(QUrl::toPercentEncoding(QFileInfo(m_filePath).fileName())));
    if (dryRun)
        path += QStringLiteral("&dry_run=true");
    if (m_skipBad->isChecked())
        path += QStringLiteral("&skip_bad_rows=true");
    if (const QString source = m_source->text().trimmed(); !source.isEmpty())
        path += QStringLiteral("&source=") + QString::fromLatin1(QUrl::toPercentEncoding(source));
    auto transfer =
        setBusy(dryRun ? tr("Checking %1…").arg(QFileInfo(m_filePath).fileName()) : tr("Importing %1…").arg(QFileInfo(m_filePath).fileName()));
    m_client.upload(path, mappedFile(), QByteArrayLiteral("text/csv"), transfer).then(this, [this, dryRun](const ApiReply &reply) {
        showReport(reply, dryRun);
    });
}

void DataPage::showReport(const ApiReply &reply, bool dryRun)
{
    // A report: the answer's `import`, or — when the hub refused the file for its bad rows — the
    // rows in the error's details.
    Json report = reply.ok() ? reply.data().value("import", Json::object()) : Json::object();
    Json rows = report.value("rows", Json::array());
    if (!reply.ok() && reply.errorDetails().is_object())
        rows = reply.errorDetails().value("rows", Json::array());
    Json problems = Json::array();
    for (const Json &r : rows)
        for (const Json &e : r.value("errors", Json::array())) {
            Json p = e;
            p["line"] = r.value("line", Json());
            p["id"] = utf8(QStringLiteral("%1:%2").arg(number(r, "line")).arg(text(e, "column")));
            problems.push_back(std::move(p));
        }
    m_problemModel->setRows(problems);
    if (!reply.ok() && wasCancelled()) { // too late a Cancel leaves a finished import as it is
        m_summary->setText(dryRun ? tr("The check was cancelled.") : tr("The import was cancelled: nothing was imported."));
        done(false, m_summary->text());
        return;
    }
    if (!reply.ok() && problems.empty()) {
        m_summary->setText(tr("The file was not imported: %1").arg(reply.errorMessage()));
        done(false, m_summary->text());
        return;
    }
    if (!reply.ok()) {
        m_summary->setText(tr("Nothing was imported: %n row(s) have problems, listed above by line and column. Correct them in the "
                              "file, or tick “Import the good rows”.",
                              nullptr, int(problems.size())));
        done(false, m_summary->text());
        return;
    }
    const QString counts = tr("%1 rows: %2 new, %3 updated, %4 unchanged, %5 with problems.")
                               .arg(number(report, "total"))
                               .arg(number(report, "created"))
                               .arg(number(report, "updated"))
                               .arg(number(report, "unchanged"))
                               .arg(number(report, "failed"));
    QString ignored;
    if (const Json ig = report.value("ignored_columns", Json::array()); ig.is_array() && !ig.empty()) {
        QStringList names;
        for (const Json &c : ig)
            names << QString::fromStdString(c.is_string() ? c.get<std::string>() : c.dump());
        ignored = QLatin1Char(' ') + tr("Columns not read: %1.").arg(names.join(QStringLiteral(", ")));
    }
    m_summary->setText((dryRun ? tr("Checked, nothing written. ") : tr("Imported. ")) + counts + ignored);
    done(true, m_summary->text());
}

QString DataPage::summary() const
{
    return m_summary->text();
}

void DataPage::exportTo(const QString &path, const QString &format)
{
    if (m_running)
        return;
    auto transfer = setBusy(tr("Exporting the shop…"));
    m_client.get(QStringLiteral("/api/v1/export?format=%1").arg(format), transfer).then(this, [this, path](const ApiReply &reply) {
        if (!reply.ok() && wasCancelled()) {
            m_transferResult->setText(tr("The export was cancelled: no file was written."));
            done(false, m_transferResult->text());
            return;
        }
        if (!reply.ok()) {
            m_transferResult->setText(tr("The export failed: %1").arg(reply.errorMessage()));
            done(false, m_transferResult->text());
            return;
        }
        QByteArray bytes = reply.raw();
        if (bytes.isEmpty()) // a JSON export arrives parsed
            bytes = QByteArray::fromStdString(reply.body().dump());
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
            m_transferResult->setText(tr("The export could not be written to %1: %2").arg(path, out.errorString()));
            done(false, m_transferResult->text());
            return;
        }
        m_transferResult->setText(tr("The shop was exported to %1 (%2 KB).").arg(path).arg((bytes.size() + 1023) / 1024));
        done(true, m_transferResult->text());
    });
}

void DataPage::restoreFrom(const QString &path, bool confirmed)
{
    if (m_running)
        return;
    if (!confirmed) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Restore"),
                                    tr("Restore %1 into this shop?").arg(QFileInfo(path).fileName()), QMessageBox::NoButton, this);
        box->setObjectName(QStringLiteral("restoreConfirm"));
        box->setInformativeText(tr("This only works while the shop holds no jobs or other shop data; otherwise nothing changes."));
        QPushButton *yes = box->addButton(tr("Restore"), QMessageBox::AcceptRole);
        box->addButton(QMessageBox::Cancel);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::finished, this, [this, box, yes, path] {
            if (box->clickedButton() == yes)
                restoreFrom(path, true);
        });
        box->open();
        return;
    }
    QFile f(path);
    if (f.size() > kMaxFileBytes || !f.open(QIODevice::ReadOnly)) {
        m_transferResult->setText(f.size() > kMaxFileBytes ? tr("%1 is larger than 32 MB: restore it on the hub with eryxon-server restore.").arg(path)
                                                           : tr("%1 could not be opened: %2").arg(path, f.errorString()));
        done(false, m_transferResult->text());
        return;
    }
    const QByteArray bytes = f.readAll();
    auto transfer = setBusy(tr("Restoring %1…").arg(QFileInfo(path).fileName()));
    const QByteArray type = bytes.startsWith("PK") ? QByteArrayLiteral("application/zip") : QByteArrayLiteral("application/json");
    m_client.upload(QStringLiteral("/api/v1/restore"), bytes, type, transfer).then(this, [this](const ApiReply &reply) {
        m_transferResult->setText(reply.ok()       ? tr("The export was restored into this shop.")
                                  : wasCancelled() ? tr("The restore was cancelled: nothing was restored.")
                                                   : tr("Nothing was restored: %1").arg(reply.errorMessage()));
        done(reply.ok(), m_transferResult->text());
    });
}

std::shared_ptr<Transfer> DataPage::setBusy(const QString &what)
{
    m_running = true;
    m_transfer = std::make_shared<Transfer>();
    m_busy->setRange(0, 0); // busy until the hub says how far it is
    m_busy->show();
    m_busyLabel->setText(what);
    m_cancel->setEnabled(true);
    m_cancel->show();
    m_progressTimer->start();
    return m_transfer;
}

void DataPage::showProgress()
{
    if (!m_transfer)
        return;
    if (const int percent = m_transfer->percent(); percent >= 0) {
        m_busy->setRange(0, 100);
        m_busy->setValue(percent);
    }
}

void DataPage::cancel()
{
    if (!m_running || !m_transfer)
        return;
    m_transfer->cancel();
    m_cancel->setEnabled(false);
    m_busyLabel->setText(tr("Cancelling…"));
}

bool DataPage::wasCancelled() const
{
    return m_transfer && m_transfer->isCancelled();
}

void DataPage::done(bool ok, const QString &message)
{
    m_running = false;
    m_progressTimer->stop();
    m_cancel->hide();
    m_busy->hide();
    m_busyLabel->setText(message);
    QPalette pal = m_busyLabel->palette();
    pal.setColor(QPalette::WindowText, ok ? palette().color(QPalette::WindowText) : Theme::errorColor());
    m_busyLabel->setPalette(pal);
    emit finished(ok, message);
}

} // namespace ery::ui
