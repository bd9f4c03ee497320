#include "operationpanel.h"

#include "drawingviewer.h"
#include "issuedialog.h"
#include "productiondialog.h"
#include "queuerowdelegate.h"

#include "client/actionjournal.h"
#include "client/engineclient.h"
#include "client/jsonfields.h"
#include "shell/theme.h"
#include "widgets/durationtext.h"

#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSet>
#include <QVBoxLayout>

using namespace ery::client;

namespace ery::ui {

namespace {
QLabel *value(QWidget *parent, const char *name)
{
    auto *l = new QLabel(parent);
    l->setObjectName(QLatin1String(name));
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::NoTextInteraction);
    return l;
}
} // namespace

OperationPanel::OperationPanel(EngineClient &client, ActionJournal &journal, QWidget *parent)
    : QWidget(parent), m_client(client), m_journal(journal)
{
    setObjectName(QStringLiteral("operationPanel"));
    m_title = value(this, "detailTitle");
    m_title->setProperty("heading", true);
    m_subtitle = value(this, "detailSubtitle");
    m_empty = new QLabel(tr("Touch an operation in a queue, or scan its barcode, to see it here."), this);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    m_body = new QWidget(this);
    m_part = value(m_body, "detailPart");
    m_material = value(m_body, "detailMaterial");
    m_quantity = value(m_body, "detailQuantity");
    m_time = value(m_body, "detailTime");
    m_timeBar = new QProgressBar(m_body);
    m_timeBar->setTextVisible(false);
    m_timeBar->setMaximumHeight(14);
    m_timeBar->setAccessibleName(tr("Time booked of the estimate"));
    m_next = value(m_body, "detailNext");
    m_workers = value(m_body, "detailWorkers");
    auto *form = new QFormLayout;
    form->setHorizontalSpacing(18);
    form->setVerticalSpacing(8);
    form->setLabelAlignment(Qt::AlignLeft);
    form->addRow(tr("Part"), m_part);
    form->addRow(tr("Material"), m_material);
    form->addRow(tr("Pieces"), m_quantity);
    auto *timeBox = new QVBoxLayout;
    timeBox->setSpacing(4);
    timeBox->addWidget(m_time);
    timeBox->addWidget(m_timeBar);
    form->addRow(tr("Time"), timeBox);
    form->addRow(tr("Next cell"), m_next);
    form->addRow(tr("Working"), m_workers);

    auto *steps = new QWidget(m_body);
    m_checklist = new QVBoxLayout(steps);
    m_checklist->setContentsMargins(0, 0, 0, 0);
    m_checklist->setSpacing(4);
    auto *bodyLayout = new QVBoxLayout(m_body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addLayout(form);
    bodyLayout->addWidget(steps);
    bodyLayout->addStretch(1);
    m_scroll = new QScrollArea(this);
    m_scroll->setWidget(m_body);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);

    m_note = value(this, "detailNote");
    m_note->hide();

    m_start = new QPushButton(tr("Start"), this);
    m_start->setObjectName(QStringLiteral("actionStart"));
    m_start->setProperty("go", true);
    m_pause = new QPushButton(tr("Pause"), this);
    m_pause->setObjectName(QStringLiteral("actionPause"));
    m_production = new QPushButton(tr("Report production"), this);
    m_production->setObjectName(QStringLiteral("actionProduction"));
    m_complete = new QPushButton(tr("Stop && complete"), this);
    m_complete->setObjectName(QStringLiteral("actionComplete"));
    m_complete->setAccessibleName(tr("Stop and complete"));
    m_issue = new QPushButton(tr("Report issue"), this);
    m_issue->setObjectName(QStringLiteral("actionIssue"));
    m_issue->setProperty("warn", true);
    auto *actions = new QGridLayout;
    actions->setSpacing(10);
    actions->addWidget(m_start, 0, 0);
    actions->addWidget(m_pause, 0, 1);
    actions->addWidget(m_production, 1, 0);
    actions->addWidget(m_complete, 1, 1);
    actions->addWidget(m_issue, 2, 0, 1, 2);
    connect(m_start, &QPushButton::clicked, this, &OperationPanel::start);
    connect(m_pause, &QPushButton::clicked, this, &OperationPanel::pause);
    connect(m_production, &QPushButton::clicked, this, &OperationPanel::reportProduction);
    connect(m_complete, &QPushButton::clicked, this, &OperationPanel::complete);
    connect(m_issue, &QPushButton::clicked, this, &OperationPanel::reportIssue);

    m_drawing = new QPushButton(tr("Drawing"), this);
    m_drawing->setObjectName(QStringLiteral("actionDrawing"));
    m_drawing->setAccessibleName(tr("Show the part's drawing"));
    m_drawing->hide();
    connect(m_drawing, &QPushButton::clicked, this, &OperationPanel::openDrawing);
    // An issue's photo goes to the issue once the hub has made it (at once, or when the journal
    // gets through after the network was down).
    connect(&m_journal, &ActionJournal::applied, this, [this](const ActionJournal::Entry &entry, const ApiReply &reply) {
        if (!m_issuePhotos.contains(entry.key))
            return;
        const auto [copy, name] = m_issuePhotos.take(entry.key);
        const QString issueId = text(reply.data().value("issue", Json::object()), "id");
        if (!reply.ok() || issueId.isEmpty()) {
            QFile::remove(copy);
            return;
        }
        m_client.uploadFile(QStringLiteral("issue"), issueId, copy, name).then(this, [this, copy, name](const ApiReply &r) {
            QFile::remove(copy);
            const QString message = r.ok() ? QString() : tr("The photo %1 could not be attached to the issue: %2").arg(name, r.errorMessage());
            if (!message.isEmpty()) {
                m_note->setText(message);
                m_note->show();
            }
            emit issuePhotoSent(message);
        });
    });
    pickUpPhotos();
    auto *titleRow = new QHBoxLayout;
    titleRow->setSpacing(10);
    titleRow->addWidget(m_title, 1);
    titleRow->addWidget(m_drawing, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(10);
    layout->addLayout(titleRow);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_empty, 1);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_note);
    layout->addLayout(actions);
    showOperation(Json());
}

QString OperationPanel::label(const Json &row)
{
    const QString job = text(row, "job_number"), part = text(row, "part_number");
    QStringList bits{text(row, "operation_name"), job};
    if (!part.isEmpty() && part != job)
        bits << part;
    bits.removeAll(QString());
    return bits.join(QStringLiteral(" · "));
}

QString OperationPanel::operationId() const
{
    return m_row.is_object() ? text(m_row, "id") : QString();
}

QString OperationPanel::me() const
{
    return text(m_client.user(), "id");
}

bool OperationPanel::timingHere() const
{
    return m_openEntry.is_object() && !operationId().isEmpty() && text(m_openEntry, "operation_id") == operationId();
}

void OperationPanel::showOperation(const Json &row)
{
    const bool same = row.is_object() && text(row, "id") == operationId();
    m_row = row.is_object() ? row : Json();
    if (!same) {
        ++m_generation;
        m_tree = Json();
        m_reports = m_substeps = m_entries = m_drawings = Json::array();
        m_drawing->hide();
        m_note->hide();
    }
    const bool shown = m_row.is_object();
    m_empty->setVisible(!shown);
    m_scroll->setVisible(shown);
    if (!shown) {
        m_title->setText(tr("No operation selected"));
        m_subtitle->clear();
    }
    showDetails();
    if (shown)
        load();
}

void OperationPanel::refresh()
{
    if (m_row.is_object())
        load();
}

void OperationPanel::setOpenEntry(const Json &entry)
{
    m_openEntry = entry.is_object() ? entry : Json();
    updateActions();
}

void OperationPanel::setCapacity(const Json &cells)
{
    m_capacity = cells.is_array() ? cells : Json::array();
    showDetails();
}

void OperationPanel::load()
{
    const int generation = ++m_generation;
    const QString id = operationId();
    const QString jobId = text(m_row, "job_id");
    auto guard = [this, generation] { return generation == m_generation; };
    // Four reads, each shown as it comes: the routing, the pieces reported, the checklist, the time.
    m_client.get(QStringLiteral("/api/v1/jobs/%1/tree").arg(jobId)).then(this, [this, guard](const ApiReply &r) {
        if (!guard())
            return;
        m_tree = r.ok() ? r.data() : Json();
        showDetails();
    });
    // The drawings: the part's and the operation's PDFs and pictures, PDFs first.
    auto files = std::make_shared<std::pair<Json, int>>(Json::array(), 2);
    auto collect = [this, guard, files](const ApiReply &r) {
        if (!guard())
            return;
        for (const Json &f : r.ok() ? r.data().value("files", Json::array()) : Json::array()) {
            const QString type = text(f, "content_type");
            if (type == QLatin1String("application/pdf") || (type.startsWith(QLatin1String("image/")) && type != QLatin1String("image/vnd.dxf")))
                files->first.push_back(f);
        }
        if (--files->second > 0)
            return;
        std::stable_sort(files->first.begin(), files->first.end(), [](const Json &a, const Json &b) {
            return (text(a, "content_type") == QLatin1String("application/pdf")) > (text(b, "content_type") == QLatin1String("application/pdf"));
        });
        m_drawings = files->first;
        m_drawing->setVisible(!m_drawings.empty());
    };
    if (!text(m_row, "part_id").isEmpty())
        m_client.listFiles(QStringLiteral("part"), text(m_row, "part_id")).then(this, collect);
    else
        --files->second;
    m_client.listFiles(QStringLiteral("operation"), id).then(this, collect);
    m_client.get(QStringLiteral("/api/v1/production?operation_id=%1&limit=1000").arg(id)).then(this, [this, guard](const ApiReply &r) {
        if (!guard())
            return;
        m_reports = r.ok() ? r.data().value("operation_quantities", Json::array()) : Json::array();
        showDetails();
    });
    m_client.get(QStringLiteral("/api/v1/substeps?operation_id=%1&limit=200").arg(id)).then(this, [this, guard](const ApiReply &r) {
        if (!guard())
            return;
        m_substeps = r.ok() ? r.data().value("substeps", Json::array()) : Json::array();
        showDetails();
    });
    auto entries = [this, guard, id] {
        m_client.get(QStringLiteral("/api/v1/time-entries?operation_id=%1&limit=200").arg(id)).then(this, [this, guard](const ApiReply &r) {
            if (!guard())
                return;
            m_entries = r.ok() ? r.data().value("time_entries", Json::array()) : Json::array();
            showDetails();
            emit detailsShown();
        });
    };
    if (!m_operatorNames.isEmpty()) {
        entries();
        return;
    }
    m_client.get(QStringLiteral("/api/v1/operators?limit=1000")).then(this, [this, entries](const ApiReply &r) {
        for (const Json &o : r.ok() ? r.data().value("operators", Json::array()) : Json::array())
            m_operatorNames.insert(text(o, "id"), text(o, "full_name"));
        entries();
    });
}

void OperationPanel::showDetails()
{
    if (!m_row.is_object()) {
        updateActions();
        return;
    }
    const QString job = text(m_row, "job_number");
    m_title->setText(tr("%1 — %2").arg(text(m_row, "operation_name"), job));
    QStringList sub;
    if (flag(m_row, "is_bullet_card"))
        sub << tr("BULLET CARD");
    if (text(m_row, "status") == QLatin1String("on_hold"))
        sub << tr("ON HOLD");
    if (!text(m_row, "customer").isEmpty())
        sub << text(m_row, "customer");
    const QString due = QueueRowDelegate::urgencyText(text(m_row, "due_date"));
    if (!due.isEmpty())
        sub << due;
    m_subtitle->setText(sub.join(QStringLiteral(" · ")));
    const auto urgency = QueueRowDelegate::urgency(text(m_row, "due_date"));
    m_subtitle->setStyleSheet(urgency == QueueRowDelegate::Urgency::Overdue || urgency == QueueRowDelegate::Urgency::Today ||
                                      flag(m_row, "is_bullet_card")
                                  ? QStringLiteral("color: %1; font-weight: bold;").arg(Theme::errorColor().name())
                                  : QString());

    // The part and its routing, from the job's tree.
    Json part = Json::object();
    for (const Json &p : m_tree.is_object() ? m_tree.value("parts", Json::array()) : Json::array())
        if (text(p, "id") == text(m_row, "part_id"))
            part = p;
    m_part->setText(text(m_row, "part_number"));
    m_material->setText(part.empty() ? QStringLiteral("…") : text(part, "material"));
    qint64 good = 0, scrap = 0;
    for (const Json &q : m_reports) {
        good += number(q, "quantity_good");
        scrap += number(q, "quantity_scrap");
    }
    const qint64 planned = number(m_row, "quantity");
    QString pieces = tr("%1 good of %2").arg(good).arg(planned);
    if (scrap > 0)
        pieces += QStringLiteral(" · ") + tr("%n scrapped", nullptr, int(scrap));
    m_quantity->setText(pieces);

    const qint64 booked = number(m_row, "actual_time"), estimate = number(m_row, "estimated_time");
    m_time->setText(estimate > 0 ? tr("%1 booked of %2 planned").arg(durationText(booked), durationText(estimate))
                                 : tr("%1 booked").arg(durationText(booked)));
    m_time->setStyleSheet(estimate > 0 && booked > estimate ? QStringLiteral("color: %1;").arg(Theme::errorColor().name()) : QString());
    m_timeBar->setVisible(estimate > 0);
    m_timeBar->setRange(0, int(qMax<qint64>(estimate, 1)));
    m_timeBar->setValue(int(qMin(booked, estimate)));

    // The next operation of the part's routing, and whether its cell has room (GO) or not (PAUSE).
    Json next;
    bool after = false;
    Json ops = part.value("operations", Json::array());
    std::stable_sort(ops.begin(), ops.end(), [](const Json &a, const Json &b) { return number(a, "sequence") < number(b, "sequence"); });
    for (const Json &o : ops) {
        if (after && text(o, "status") != QLatin1String("completed")) {
            next = o;
            break;
        }
        after = after || text(o, "id") == operationId();
    }
    if (part.empty()) {
        m_next->setText(QStringLiteral("…"));
        m_next->setStyleSheet({});
    } else if (!next.is_object()) {
        m_next->setText(tr("None: this is the part's last step"));
        m_next->setStyleSheet({});
    } else {
        Json cell = Json::object();
        for (const Json &c : m_capacity)
            if (text(c, "cell_id") == text(next, "cell_id"))
                cell = c;
        const QString name = text(cell, "cell_name").isEmpty() ? text(next, "operation_name") : text(cell, "cell_name");
        const bool full = text(cell, "status") == QLatin1String("at_capacity");
        const Json limit = cell.value("wip_limit", Json());
        const QString load = limit.is_number() ? tr("%1 of %2 jobs").arg(number(cell, "wip")).arg(limit.get<qint64>()) : QString();
        m_next->setText(full ? tr("PAUSE — %1 is full (%2)").arg(name, load)
                             : load.isEmpty() ? tr("GO — %1").arg(name) : tr("GO — %1 (%2)").arg(name, load));
        m_next->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg((full ? Theme::errorColor() : Theme::successColor()).name()));
    }

    QStringList workers;
    for (const Json &e : m_entries)
        if (e.value("end_time", Json()).is_null()) {
            const QString name = m_operatorNames.value(text(e, "operator_id"), tr("an operator"));
            const QDateTime since = when(e, "start_time").toLocalTime();
            workers << tr("%1 (since %2)").arg(name, QLocale().toString(since.time(), QLocale::ShortFormat));
        }
    m_workers->setText(workers.isEmpty() ? tr("Nobody at the moment") : workers.join(QStringLiteral(", ")));

    // The checklist: a large box per substep, ticked through the journal.
    while (QLayoutItem *item = m_checklist->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (!m_substeps.empty()) {
        auto *heading = new QLabel(tr("Steps"));
        QFont f = heading->font();
        f.setBold(true);
        heading->setFont(f);
        m_checklist->addWidget(heading);
    }
    for (const Json &s : m_substeps) {
        auto *box = new QCheckBox(text(s, "name"));
        box->setObjectName(QStringLiteral("substep_%1").arg(text(s, "id")));
        box->setChecked(text(s, "status") == QLatin1String("completed"));
        const QString id = text(s, "id"), name = text(s, "name");
        connect(box, &QCheckBox::toggled, this, [this, id, name](bool done) {
            take(done ? tr("Tick “%1” on %2").arg(name, label(m_row)) : tr("Untick “%1” on %2").arg(name, label(m_row)),
                 QStringLiteral("/api/v1/substeps/%1").arg(id), Json{{"status", done ? "completed" : "not_started"}}, QStringLiteral("PATCH"));
        });
        m_checklist->addWidget(box);
    }
    updateActions();
}

void OperationPanel::updateActions()
{
    const QString status = m_row.is_object() ? text(m_row, "status") : QString();
    const bool any = !status.isEmpty() && status != QLatin1String("completed");
    const bool here = timingHere();
    const bool elsewhere = m_openEntry.is_object() && !here;
    m_start->setText(status == QLatin1String("in_progress") ? tr("Join") : status == QLatin1String("on_hold") ? tr("Resume") : tr("Start"));
    m_start->setEnabled(any && !here && !elsewhere);
    m_pause->setEnabled(any && here);
    m_production->setEnabled(any);
    m_complete->setText(here ? tr("Stop && complete") : tr("Complete"));
    m_complete->setEnabled(any && (status == QLatin1String("in_progress") || status == QLatin1String("on_hold")));
    m_issue->setEnabled(any);
    if (any && elsewhere)
        m_start->setToolTip(tr("You are working on another operation: pause or complete it first."));
    else
        m_start->setToolTip({});
}

QString OperationPanel::take(const QString &label, const QString &path, const Json &body, const QString &method)
{
    const QString key = m_journal.take(label, method, path, body);
    if (key.isEmpty())
        return {}; // the journal said why (failed)
    m_note->setText(tr("Sent: %1").arg(label));
    m_note->show();
    emit actionTaken(label);
    return key;
}

void OperationPanel::start()
{
    const QString id = operationId();
    if (id.isEmpty())
        return;
    const QString status = text(m_row, "status");
    // Someone else runs it already: this operator joins with a time entry of their own.
    if (status == QLatin1String("in_progress"))
        take(tr("Join %1").arg(label(m_row)), QStringLiteral("/api/v1/time-entries"),
             Json{{"operator_id", utf8(me())}, {"operation_id", utf8(id)}});
    else
        take(tr("Start %1").arg(label(m_row)), QStringLiteral("/api/v1/operations/%1/start").arg(id), Json{{"operator_id", utf8(me())}});
    // Shown as taken at once, also while the hub cannot be reached (the action waits in the
    // journal): the operator can go on to report and complete. The hub's own state replaces this
    // with the next read.
    m_row["status"] = "in_progress";
    m_openEntry = Json{{"operation_id", utf8(id)}, {"operator_id", utf8(me())}};
    updateActions();
}

void OperationPanel::pause()
{
    const QString id = operationId();
    if (id.isEmpty())
        return;
    // Pause stops this operator's clock; the operation stays in process for the next shift.
    // (An entry started while the hub could not be reached has no id here yet: the operation is paused.)
    if (timingHere() && !text(m_openEntry, "id").isEmpty()) {
        take(tr("Pause %1").arg(label(m_row)), QStringLiteral("/api/v1/time-entries/%1/stop").arg(text(m_openEntry, "id")), Json::object());
    } else {
        take(tr("Pause %1").arg(label(m_row)), QStringLiteral("/api/v1/operations/%1/pause").arg(id), Json::object());
        m_row["status"] = "on_hold";
    }
    m_openEntry = Json();
    updateActions();
}

void OperationPanel::complete()
{
    const QString id = operationId();
    if (id.isEmpty())
        return;
    take(tr("Complete %1").arg(label(m_row)), QStringLiteral("/api/v1/operations/%1/complete").arg(id), Json{{"operator_id", utf8(me())}});
    m_row["status"] = "completed";
    m_openEntry = Json();
    updateActions();
}

void OperationPanel::reportProduction()
{
    const QString id = operationId();
    if (id.isEmpty())
        return;
    auto *dialog = new ProductionDialog(m_client, id, label(m_row), window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const Json row = m_row;
    connect(dialog, &QDialog::accepted, this, [this, dialog, row] {
        const Json body = dialog->body(me());
        take(tr("Report %1 good, %2 scrap, %3 rework on %4")
                 .arg(number(body, "quantity_good"))
                 .arg(number(body, "quantity_scrap"))
                 .arg(number(body, "quantity_rework"))
                 .arg(label(row)),
             QStringLiteral("/api/v1/production"), body);
    });
    dialog->resize(qMin(window()->width() - 80, 900), qMin(window()->height() - 80, 720));
    dialog->open();
}

void OperationPanel::reportIssue()
{
    const QString id = operationId();
    if (id.isEmpty())
        return;
    auto *dialog = new IssueDialog(id, label(m_row), window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const Json row = m_row;
    connect(dialog, &QDialog::accepted, this, [this, dialog, row] {
        const QString key = take(dialog->standstillBox()->isChecked() ? tr("Report a standstill on %1").arg(label(row))
                                                                        : tr("Report an issue on %1").arg(label(row)),
                                 QStringLiteral("/api/v1/issues"), dialog->body(me()));
        const QString photo = dialog->photoPath();
        if (key.isEmpty() || photo.isEmpty())
            return;
        // A copy: the stick it came from may be gone by the time the hub has the issue.
        QDir().mkpath(photoFolder());
        const QString copy = QDir(photoFolder()).filePath(key + QLatin1Char('-') + QFileInfo(photo).fileName());
        if (QFile::copy(photo, copy))
            m_issuePhotos.insert(key, qMakePair(copy, QFileInfo(photo).fileName()));
        else
            emit issuePhotoSent(tr("The photo %1 cannot be read.").arg(QFileInfo(photo).fileName()));
    });
    dialog->resize(qMin(window()->width() - 80, 860), qMin(window()->height() - 80, 640));
    dialog->open();
}

QString OperationPanel::photoFolder() const
{
    return QFileInfo(m_journal.filePath()).absolutePath() + QStringLiteral("/issue-photos");
}

void OperationPanel::pickUpPhotos()
{
    QSet<QString> waiting;
    for (const ActionJournal::Entry &e : m_journal.pending())
        waiting.insert(e.key);
    const QDir dir(photoFolder());
    for (const QFileInfo &f : dir.entryInfoList(QDir::Files)) {
        const QString key = f.fileName().section(QLatin1Char('-'), 0, 4); // a UUID has four dashes
        const QString name = f.fileName().mid(key.size() + 1);
        if (waiting.contains(key) && !name.isEmpty())
            m_issuePhotos.insert(key, qMakePair(f.absoluteFilePath(), name));
        else
            QFile::remove(f.absoluteFilePath()); // its report went through or was dropped
    }
}

void OperationPanel::openDrawing()
{
    showDrawing(0);
}

void OperationPanel::showDrawing(int index)
{
    if (index < 0 || index >= int(m_drawings.size()))
        return;
    const Json file = m_drawings[size_t(index)];
    if (!m_drawingDir)
        m_drawingDir = std::make_unique<QTemporaryDir>();
    const QString kind = text(file, "owner_kind"), owner = text(file, "owner_id"), id = text(file, "id");
    const QString path = m_drawingDir->filePath(id + QLatin1Char('-') + QString::number(QDateTime::currentMSecsSinceEpoch()));
    m_drawing->setEnabled(false);
    m_drawing->setText(tr("Fetching…"));
    const QString title = text(m_row, "part_number").isEmpty() ? text(file, "name") : tr("%1 — %2").arg(text(m_row, "part_number"), text(file, "name"));
    QStringList names;
    for (const Json &f : m_drawings)
        names << text(f, "name");
    m_client.downloadFile(kind, owner, id, path).then(this, [this, path, title, names, index, type = text(file, "content_type")](const ApiReply &r) {
        m_drawing->setEnabled(true);
        m_drawing->setText(tr("Drawing"));
        // One viewer: choosing another file of the part shows it in the same one.
        DrawingViewer *viewer = m_viewer;
        const bool opening = !viewer;
        if (opening) {
            viewer = new DrawingViewer(window());
            viewer->setAttribute(Qt::WA_DeleteOnClose);
            connect(viewer, &DrawingViewer::fileChosen, this, &OperationPanel::showDrawing);
            // The file shown goes with the viewer.
            connect(viewer, &QObject::destroyed, this, [this] {
                QFile::remove(m_shownDrawing);
                m_shownDrawing.clear();
            });
            m_viewer = viewer;
        }
        viewer->setFiles(names, index);
        if (r.ok())
            viewer->showFile(path, type, title);
        else
            viewer->showFile({}, type, tr("The drawing could not be fetched: %1").arg(r.errorMessage()));
        // The file shown before goes when another is shown.
        if (!m_shownDrawing.isEmpty() && m_shownDrawing != path)
            QFile::remove(m_shownDrawing);
        m_shownDrawing = path;
        if (opening) {
            viewer->setWindowState(viewer->windowState() | Qt::WindowFullScreen);
            viewer->open();
            emit drawingOpened(viewer);
        }
    });
}

} // namespace ery::ui
