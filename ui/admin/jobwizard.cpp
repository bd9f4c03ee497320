#include "jobwizard.h"

#include "client/engineclient.h"
#include "client/jsonfields.h"
#include "models/jobstablemodel.h"
#include "shell/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace ery::client;

namespace ery::ui {

namespace {

enum PartColumn { PartNumber, Material, Quantity, Bullet };
enum OperationColumn { OperationName, OperationCell, OperationMinutes, OperationStatus };
// What an operation row keeps on its name item when editing: the operation's id and status.
enum OperationRole { IdRole = Qt::UserRole, StatusRole };
constexpr int kMaxText = 200;

QLabel *errorLabel(QWidget *parent, const char *name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, Theme::errorColor());
    label->setPalette(pal);
    label->hide();
    return label;
}

QString cellText(const QTableWidget *t, int row, int column)
{
    const QTableWidgetItem *item = t->item(row, column);
    return item ? item->text().trimmed() : QString();
}

// The hub's words as a sentence, so more can follow.
QString sentence(const QString &s)
{
    const QString t = s.trimmed();
    return t.endsWith(QLatin1Char('.')) ? t : t + QLatin1Char('.');
}

} // namespace

JobWizard::JobWizard(EngineClient &client, QWidget *parent) : QWizard(parent), m_client(client)
{
    setWindowTitle(tr("New job"));
    setObjectName(QStringLiteral("jobWizard"));
    setWindowModality(Qt::WindowModal);
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setMinimumSize(720, 520);
    setButtonText(QWizard::FinishButton, tr("Create job"));

    auto page = [this](QWidget *content, const QString &title, const QString &subtitle, int id) {
        auto *p = new QWizardPage(this);
        p->setTitle(title);
        p->setSubTitle(subtitle);
        auto *l = new QVBoxLayout(p);
        l->setContentsMargins(0, 0, 0, 0);
        l->addWidget(content);
        setPage(id, p);
    };
    page(buildJobPage(), tr("Job"), tr("What is ordered, for whom and by when."), JobPageId);
    page(buildPartsPage(), tr("Parts"), tr("The parts to make. Tick Bullet for a rush part that goes first everywhere."), PartsPageId);
    page(buildRoutingPage(), tr("Routing"), tr("Each part's operations in order, with the cell that does them and an estimate."),
         RoutingPageId);

    m_client.get(QStringLiteral("/api/v1/cells?limit=1000&sort=sequence")).then(this, [this](const ApiReply &reply) {
        if (!reply.ok()) {
            setError(tr("The cells could not be read: %1").arg(reply.errorMessage()));
            return;
        }
        for (const Json &c : reply.data().value("cells", Json::array())) {
            m_cellNames.insert(text(c, "id"), text(c, "name"));
            if (!c.contains("active") || flag(c, "active"))
                m_cells.append({text(c, "id"), text(c, "name")});
        }
        // Pickers made before the cells arrived were empty: fill them, keeping what was typed.
        storeRouting();
        showRouting(m_shownPart);
        if (!m_jobId.isEmpty())
            load();
    });
}

JobWizard *JobWizard::edit(EngineClient &client, const QString &jobId, QWidget *parent)
{
    auto *w = new JobWizard(client, parent);
    w->m_jobId = jobId;
    w->setWindowTitle(tr("Edit job"));
    w->setButtonText(QWizard::FinishButton, tr("Save changes"));
    // A change to the customer alone is saved from the first page.
    w->setOption(QWizard::HaveFinishButtonOnEarlyPages);
    for (const int id : w->pageIds())
        w->page(id)->setFinalPage(true);
    w->m_routing->setColumnHidden(OperationStatus, false);
    return w;
}

QWidget *JobWizard::buildJobPage()
{
    auto *w = new QWidget(this);
    m_jobNumber = new QLineEdit(w);
    m_jobNumber->setObjectName(QStringLiteral("wizardJobNumber"));
    m_jobNumber->setAccessibleName(tr("Job number"));
    m_jobNumber->setPlaceholderText(tr("e.g. JOB-3001"));
    m_jobNumber->setMaxLength(kMaxText);
    m_customer = new QLineEdit(w);
    m_customer->setObjectName(QStringLiteral("wizardCustomer"));
    m_customer->setAccessibleName(tr("Customer"));
    m_customer->setMaxLength(kMaxText);
    m_hasDue = new QCheckBox(tr("Due on"), w);
    m_hasDue->setChecked(true);
    m_due = new QDateEdit(QDate::currentDate().addDays(14), w);
    m_due->setObjectName(QStringLiteral("wizardDue"));
    m_due->setAccessibleName(tr("Due date"));
    m_due->setCalendarPopup(true);
    m_due->setMinimumDate(QDate::currentDate().addYears(-1));
    connect(m_hasDue, &QCheckBox::toggled, m_due, &QWidget::setEnabled);
    auto *due = new QHBoxLayout;
    due->addWidget(m_hasDue);
    due->addWidget(m_due);
    due->addStretch();
    m_notes = new QPlainTextEdit(w);
    m_notes->setObjectName(QStringLiteral("wizardNotes"));
    m_notes->setAccessibleName(tr("Notes"));
    m_notes->setMaximumHeight(100);
    m_jobError = errorLabel(w, "wizardJobError");

    auto *form = new QFormLayout(w);
    form->addRow(tr("Job number"), m_jobNumber);
    form->addRow(tr("Customer"), m_customer);
    form->addRow(tr("Due"), due);
    form->addRow(tr("Notes"), m_notes);
    form->addRow(m_jobError);
    return w;
}

QWidget *JobWizard::buildPartsPage()
{
    auto *w = new QWidget(this);
    m_parts = new QTableWidget(0, 4, w);
    m_parts->setObjectName(QStringLiteral("wizardParts"));
    m_parts->setAccessibleName(tr("Parts"));
    m_parts->setHorizontalHeaderLabels({tr("Part number"), tr("Material"), tr("Quantity"), tr("Bullet")});
    m_parts->horizontalHeader()->setSectionResizeMode(PartNumber, QHeaderView::Stretch);
    m_parts->horizontalHeader()->setSectionResizeMode(Material, QHeaderView::Stretch);
    m_parts->verticalHeader()->hide();
    m_parts->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto *add = new QPushButton(tr("Add part"), w);
    add->setObjectName(QStringLiteral("wizardAddPart"));
    auto *remove = new QPushButton(tr("Remove part"), w);
    remove->setObjectName(QStringLiteral("wizardRemovePart"));
    connect(add, &QPushButton::clicked, this, [this] {
        addPartRow();
        m_parts->setCurrentCell(m_parts->rowCount() - 1, PartNumber);
        m_parts->editItem(m_parts->item(m_parts->rowCount() - 1, PartNumber));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_parts->currentRow();
        if (row < 0 || m_parts->rowCount() <= 1)
            return;
        m_parts->removeRow(row);
        // Routings follow their part's row.
        QHash<int, Json> moved;
        for (auto it = m_routings.begin(); it != m_routings.end(); ++it)
            if (it.key() != row)
                moved.insert(it.key() > row ? it.key() - 1 : it.key(), it.value());
        m_routings = moved;
    });
    m_partsError = errorLabel(w, "wizardPartsError");
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto *l = new QVBoxLayout(w);
    l->addWidget(m_parts, 1);
    l->addLayout(buttons);
    l->addWidget(m_partsError);
    addPartRow();
    return w;
}

void JobWizard::addPartRow()
{
    const int row = m_parts->rowCount();
    m_parts->insertRow(row);
    m_parts->setItem(row, PartNumber, new QTableWidgetItem);
    m_parts->setItem(row, Material, new QTableWidgetItem);
    auto *qty = new QSpinBox(m_parts);
    qty->setRange(1, 1000000);
    qty->setAccessibleName(tr("Quantity"));
    m_parts->setCellWidget(row, Quantity, qty);
    auto *bullet = new QTableWidgetItem;
    bullet->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    bullet->setCheckState(Qt::Unchecked);
    m_parts->setItem(row, Bullet, bullet);
}

QWidget *JobWizard::buildRoutingPage()
{
    auto *w = new QWidget(this);
    m_routingPart = new QComboBox(w);
    m_routingPart->setObjectName(QStringLiteral("wizardRoutingPart"));
    m_routingPart->setAccessibleName(tr("Part whose routing is shown"));
    m_routing = new QTableWidget(0, 4, w);
    m_routing->setObjectName(QStringLiteral("wizardRouting"));
    m_routing->setAccessibleName(tr("Operations"));
    m_routing->setHorizontalHeaderLabels({tr("Operation"), tr("Cell"), tr("Estimate (min)"), tr("Status")});
    m_routing->horizontalHeader()->setSectionResizeMode(OperationName, QHeaderView::Stretch);
    m_routing->horizontalHeader()->setSectionResizeMode(OperationCell, QHeaderView::Stretch);
    m_routing->horizontalHeader()->resizeSection(OperationStatus, 110);
    // Only an existing job's operations have a status (edit() shows the column).
    m_routing->setColumnHidden(OperationStatus, true);
    m_routing->verticalHeader()->setToolTip(tr("Sequence"));
    m_routing->setSelectionBehavior(QAbstractItemView::SelectRows);
    connect(m_routingPart, &QComboBox::currentIndexChanged, this, [this](int index) {
        storeRouting();
        showRouting(index);
    });
    auto *add = new QPushButton(tr("Add operation"), w);
    add->setObjectName(QStringLiteral("wizardAddOperation"));
    auto *remove = new QPushButton(tr("Remove operation"), w);
    remove->setObjectName(QStringLiteral("wizardRemoveOperation"));
    auto *up = new QPushButton(tr("Move up"), w);
    up->setObjectName(QStringLiteral("wizardMoveUp"));
    auto *down = new QPushButton(tr("Move down"), w);
    down->setObjectName(QStringLiteral("wizardMoveDown"));
    auto *copy = new QPushButton(tr("Use this routing for every part"), w);
    copy->setObjectName(QStringLiteral("wizardCopyRouting"));
    connect(add, &QPushButton::clicked, this, [this] {
        addOperation(QString(), m_cells.isEmpty() ? QString() : m_cells.first().second, 0);
        m_routing->editItem(m_routing->item(m_routing->rowCount() - 1, OperationName));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_routing->currentRow() >= 0)
            m_routing->removeRow(m_routing->currentRow());
    });
    connect(up, &QPushButton::clicked, this, [this] { moveOperation(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveOperation(1); });
    connect(copy, &QPushButton::clicked, this, &JobWizard::copyRoutingToAll);
    m_error = errorLabel(w, "wizardError");
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Part"), w));
    top->addWidget(m_routingPart, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addWidget(up);
    buttons->addWidget(down);
    buttons->addStretch();
    buttons->addWidget(copy);
    auto *l = new QVBoxLayout(w);
    l->addLayout(top);
    l->addWidget(m_routing, 1);
    l->addLayout(buttons);
    l->addWidget(m_error);
    return w;
}

QComboBox *JobWizard::cellPicker(const QString &cellId) const
{
    auto *box = new QComboBox(m_routing);
    box->setAccessibleName(tr("Cell"));
    for (const auto &[id, name] : m_cells)
        box->addItem(name, id);
    // An operation in a cell since deactivated stays there unless the admin picks another.
    if (!cellId.isEmpty() && box->findData(cellId) < 0)
        box->addItem(m_cellNames.value(cellId, tr("Unknown cell")), cellId);
    if (const int i = box->findData(cellId); i >= 0)
        box->setCurrentIndex(i);
    return box;
}

void JobWizard::addOperation(const QString &name, const QString &cellName, int minutes)
{
    QString cellId;
    for (const auto &[id, n] : m_cells)
        if (n == cellName)
            cellId = id;
    addOperationRow(Json{{"operation_name", utf8(name)}, {"cell_id", utf8(cellId)}, {"estimated_time", minutes}});
}

void JobWizard::addOperationRow(const Json &op)
{
    const int row = m_routing->rowCount();
    m_routing->insertRow(row);
    auto *name = new QTableWidgetItem(text(op, "operation_name"));
    name->setData(IdRole, text(op, "id"));
    name->setData(StatusRole, text(op, "status"));
    m_routing->setItem(row, OperationName, name);
    m_routing->setCellWidget(row, OperationCell, cellPicker(text(op, "cell_id")));
    auto *est = new QSpinBox(m_routing);
    const int minutes = int(number(op, "estimated_time"));
    est->setRange(0, qMax(100000, minutes));
    est->setSuffix(tr(" min"));
    est->setAccessibleName(tr("Estimated minutes"));
    est->setValue(minutes);
    m_routing->setCellWidget(row, OperationMinutes, est);
    // Where the work stands, so the admin knows what a change touches; the status itself only
    // changes on the floor.
    auto *status = new QTableWidgetItem(text(op, "id").isEmpty() ? tr("New") : JobsTableModel::statusText(text(op, "status")));
    status->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    m_routing->setItem(row, OperationStatus, status);
}

void JobWizard::storeRouting()
{
    if (m_shownPart < 0)
        return;
    Json ops = Json::array();
    for (int r = 0; r < m_routing->rowCount(); ++r) {
        auto *cell = qobject_cast<QComboBox *>(m_routing->cellWidget(r, OperationCell));
        auto *est = qobject_cast<QSpinBox *>(m_routing->cellWidget(r, OperationMinutes));
        Json op{{"operation_name", utf8(cellText(m_routing, r, OperationName))},
                {"cell_id", utf8(cell ? cell->currentData().toString() : QString())},
                {"estimated_time", est ? est->value() : 0}};
        if (const QTableWidgetItem *name = m_routing->item(r, OperationName); name && !name->data(IdRole).toString().isEmpty()) {
            op["id"] = utf8(name->data(IdRole).toString());
            op["status"] = utf8(name->data(StatusRole).toString());
        }
        ops.push_back(std::move(op));
    }
    m_routings.insert(m_shownPart, ops);
}

void JobWizard::showRouting(int partRow)
{
    m_routing->setRowCount(0);
    m_shownPart = partRow;
    if (partRow < 0)
        return;
    for (const Json &op : m_routings.value(partRow, Json::array()))
        addOperationRow(op);
}

void JobWizard::listRoutingParts(int shown)
{
    const QSignalBlocker quiet(m_routingPart);
    m_routingPart->clear();
    for (int r = 0; r < m_parts->rowCount(); ++r)
        m_routingPart->addItem(tr("%1 (%2)").arg(cellText(m_parts, r, PartNumber), cellText(m_parts, r, Material)));
    m_shownPart = -1;
    shown = m_parts->rowCount() == 0 ? -1 : qBound(0, shown, m_parts->rowCount() - 1);
    showRouting(shown);
    m_routingPart->setCurrentIndex(shown);
}

void JobWizard::copyRoutingToAll()
{
    storeRouting();
    const Json ops = m_routings.value(m_shownPart, Json::array());
    // The other parts get new operations like these, in place of their own.
    Json copy = Json::array();
    for (Json op : ops) {
        op.erase("id");
        op.erase("status");
        copy.push_back(std::move(op));
    }
    for (int r = 0; r < m_parts->rowCount(); ++r)
        m_routings.insert(r, r == m_shownPart ? ops : copy);
}

void JobWizard::moveOperation(int by)
{
    const int row = m_routing->currentRow(), to = row + by;
    if (row < 0 || to < 0 || to >= m_routing->rowCount())
        return;
    storeRouting();
    Json ops = m_routings.value(m_shownPart);
    std::swap(ops[size_t(row)], ops[size_t(to)]);
    m_routings.insert(m_shownPart, ops);
    showRouting(m_shownPart);
    m_routing->setCurrentCell(to, OperationName);
}

void JobWizard::initializePage(int id)
{
    QWizard::initializePage(id);
    if (id == RoutingPageId)
        listRoutingParts(0);
}

void JobWizard::cleanupPage(int id)
{
    // Back from the routing: what is on screen is kept for when the admin returns.
    if (id == RoutingPageId) {
        storeRouting();
        m_shownPart = -1;
    }
    QWizard::cleanupPage(id);
}

bool JobWizard::validateCurrentPage()
{
    if (currentId() == JobPageId) {
        m_jobError->setVisible(m_jobNumber->text().trimmed().isEmpty());
        m_jobError->setText(tr("Give the job a number (the one on the order or traveller)."));
        return m_jobError->isHidden();
    }
    if (currentId() == PartsPageId) {
        QStringList missing;
        for (int r = 0; r < m_parts->rowCount(); ++r) {
            if (cellText(m_parts, r, PartNumber).isEmpty())
                missing << tr("part %1 has no part number").arg(r + 1);
            if (cellText(m_parts, r, Material).isEmpty())
                missing << tr("part %1 has no material").arg(r + 1);
        }
        m_partsError->setText(missing.isEmpty() ? QString() : tr("Not yet: %1.").arg(missing.join(QStringLiteral(", "))));
        m_partsError->setVisible(!missing.isEmpty());
        return missing.isEmpty();
    }
    if (currentId() == RoutingPageId) {
        storeRouting();
        for (int r = 0; r < m_parts->rowCount(); ++r)
            for (const Json &op : m_routings.value(r, Json::array()))
                if (!text(op, "operation_name").isEmpty() && text(op, "cell_id").isEmpty()) {
                    setError(tr("%1 of part %2 has no cell. Add the shop's cells under Cells first.")
                                 .arg(text(op, "operation_name"), cellText(m_parts, r, PartNumber)));
                    return false;
                }
    }
    return true;
}

Json JobWizard::dueDate() const
{
    if (!m_hasDue->isChecked())
        return nullptr;
    // The end of the working day, in the shop admin's time.
    return utf8(QDateTime(m_due->date(), QTime(16, 0)).toUTC().toString(Qt::ISODate));
}

Json JobWizard::body()
{
    storeRouting();
    Json job{{"job_number", utf8(m_jobNumber->text().trimmed())}};
    if (const QString c = m_customer->text().trimmed(); !c.isEmpty())
        job["customer"] = utf8(c);
    if (m_hasDue->isChecked())
        job["due_date"] = dueDate();
    if (const QString n = m_notes->toPlainText().trimmed(); !n.isEmpty())
        job["notes"] = utf8(n);
    Json parts = Json::array();
    for (int r = 0; r < m_parts->rowCount(); ++r) {
        auto *qty = qobject_cast<QSpinBox *>(m_parts->cellWidget(r, Quantity));
        Json part{{"part_number", utf8(cellText(m_parts, r, PartNumber))},
                  {"material", utf8(cellText(m_parts, r, Material))},
                  {"quantity", qty ? qty->value() : 1},
                  {"is_bullet_card", m_parts->item(r, Bullet) && m_parts->item(r, Bullet)->checkState() == Qt::Checked}};
        Json ops = Json::array();
        int sequence = 0;
        for (Json op : m_routings.value(r, Json::array())) {
            if (text(op, "operation_name").isEmpty())
                continue; // an empty row the admin added and left
            op.erase("id");
            op.erase("status");
            op["sequence"] = ++sequence;
            ops.push_back(std::move(op));
        }
        part["operations"] = std::move(ops);
        parts.push_back(std::move(part));
    }
    job["parts"] = std::move(parts);
    return job;
}

QString JobWizard::errorText() const
{
    for (const QLabel *label : {m_error, m_jobError, m_partsError})
        if (!label->isHidden())
            return label->text();
    return {};
}

void JobWizard::setError(const QString &text)
{
    // Shown on the page the admin is on (editing saves from any page).
    QLabel *shown = currentId() == JobPageId ? m_jobError : currentId() == PartsPageId ? m_partsError : m_error;
    for (QLabel *label : {m_jobError, m_partsError, m_error}) {
        const bool here = label == shown && !text.isEmpty();
        if (here)
            label->setText(text);
        if (here || text.isEmpty())
            label->setVisible(here);
    }
}

void JobWizard::accept()
{
    if (m_sending || !validateCurrentPage())
        return;
    if (m_jobId.isEmpty()) {
        create();
        return;
    }
    if (!isLoaded())
        return; // still reading the job
    const QList<Change> todo = changes();
    if (todo.isEmpty()) {
        QWizard::accept();
        return;
    }
    m_sending = true;
    button(QWizard::FinishButton)->setEnabled(false);
    setError(QString());
    send(todo, 0);
}

void JobWizard::create()
{
    m_sending = true;
    button(QWizard::FinishButton)->setEnabled(false);
    setError(QString());
    const Json request = body();
    m_client.post(QStringLiteral("/api/v1/jobs"), request).then(this, [this, request](const ApiReply &reply) {
        m_sending = false;
        button(QWizard::FinishButton)->setEnabled(true);
        if (reply.ok()) {
            const Json job = reply.data().value("job", Json::object());
            emit created(text(job, "id"), text(job, "job_number"));
            QWizard::accept();
            return;
        }
        // Say where a refused field is: "parts[1].operations[0].cell_id" → part 2, operation 1.
        QString where;
        const Json &details = reply.errorDetails();
        if (details.is_array() && !details.empty() && details[0].is_object()) {
            static const QRegularExpression path(QStringLiteral(R"(^parts\[(\d+)\](?:\.operations\[(\d+)\])?)"));
            const auto m = path.match(text(details[0], "field"));
            if (m.hasMatch()) {
                const int part = m.captured(1).toInt();
                const QString number = part < int(request["parts"].size()) ? text(request["parts"][part], "part_number") : QString();
                where = m.captured(2).isEmpty() ? tr("Part %1: ").arg(number)
                                                : tr("Part %1, operation %2: ").arg(number).arg(m.captured(2).toInt() + 1);
            }
        }
        setError(tr("The job was not created. %1%2").arg(where, reply.errorMessage()));
    });
}

void JobWizard::load()
{
    // Until the answer is in, there is nothing to compare with: Save waits.
    m_original = Json();
    m_client.get(QStringLiteral("/api/v1/jobs/%1/tree").arg(m_jobId)).then(this, [this](const ApiReply &reply) {
        if (!reply.ok()) {
            setError(tr("The job could not be read: %1").arg(reply.errorMessage()));
            return;
        }
        fill(reply.data());
    });
}

void JobWizard::fill(const Json &job)
{
    m_original = job;
    setWindowTitle(tr("Edit job %1").arg(text(job, "job_number")));
    m_jobNumber->setText(text(job, "job_number"));
    m_customer->setText(text(job, "customer"));
    m_notes->setPlainText(text(job, "notes"));
    const QDateTime due = when(job, "due_date");
    m_hasDue->setChecked(due.isValid());
    if (due.isValid()) {
        const QDate day = due.toLocalTime().date();
        m_due->setMinimumDate(qMin(day, m_due->minimumDate()));
        m_due->setDate(day);
    }
    m_parts->setRowCount(0);
    m_routings.clear();
    for (const Json &p : job.value("parts", Json::array())) {
        const int row = m_parts->rowCount();
        addPartRow();
        m_parts->item(row, PartNumber)->setText(text(p, "part_number"));
        m_parts->item(row, PartNumber)->setData(Qt::UserRole, text(p, "id"));
        m_parts->item(row, Material)->setText(text(p, "material"));
        auto *qty = qobject_cast<QSpinBox *>(m_parts->cellWidget(row, Quantity));
        const int quantity = int(number(p, "quantity"));
        qty->setRange(qMin(1, quantity), qMax(qty->maximum(), quantity));
        qty->setValue(quantity);
        m_parts->item(row, Bullet)->setCheckState(flag(p, "is_bullet_card") ? Qt::Checked : Qt::Unchecked);
        m_routings.insert(row, p.value("operations", Json::array()));
    }
    if (currentId() == RoutingPageId)
        listRoutingParts(m_routingPart->currentIndex());
}

QList<JobWizard::Change> JobWizard::changes()
{
    storeRouting();
    const Json &was = m_original;
    QList<Change> job, removedOps, removedParts, changed, newParts, newOps;
    const QString jobPath = QStringLiteral("/api/v1/jobs/") + m_jobId;

    Json fields = Json::object();
    auto textField = [&](const char *key, const QString &now, bool nullWhenEmpty) {
        if (now != text(was, key).trimmed())
            fields[key] = now.isEmpty() && nullWhenEmpty ? Json() : Json(utf8(now));
    };
    textField("job_number", m_jobNumber->text().trimmed(), false);
    textField("customer", m_customer->text().trimmed(), true);
    textField("notes", m_notes->toPlainText().trimmed(), true);
    const QDateTime due = when(was, "due_date");
    if (m_hasDue->isChecked() != due.isValid() || (due.isValid() && due.toLocalTime().date() != m_due->date()))
        fields["due_date"] = dueDate();
    if (!fields.empty())
        job << Change{QStringLiteral("PATCH"), jobPath, fields, tr("Job %1").arg(text(was, "job_number"))};

    QHash<QString, Json> wasParts, wasOps;
    for (const Json &p : was.value("parts", Json::array())) {
        wasParts.insert(text(p, "id"), p);
        for (const Json &o : p.value("operations", Json::array()))
            wasOps.insert(text(o, "id"), o);
    }
    QSet<QString> keptParts, keptOps;
    for (int r = 0; r < m_parts->rowCount(); ++r) {
        const QString partId = m_parts->item(r, PartNumber)->data(Qt::UserRole).toString();
        const QString partNumber = cellText(m_parts, r, PartNumber), material = cellText(m_parts, r, Material);
        auto *qtyBox = qobject_cast<QSpinBox *>(m_parts->cellWidget(r, Quantity));
        const int quantity = qtyBox ? qtyBox->value() : 1;
        const bool bullet = m_parts->item(r, Bullet)->checkState() == Qt::Checked;
        // The rows that count, in order: an empty new row the admin left is not an operation.
        Json ops = Json::array();
        for (const Json &op : m_routings.value(r, Json::array()))
            if (!text(op, "operation_name").isEmpty() || !text(op, "id").isEmpty())
                ops.push_back(op);
        auto operation = [](const Json &op, int sequence) {
            return Json{{"operation_name", op["operation_name"]},
                        {"cell_id", op["cell_id"]},
                        {"estimated_time", op["estimated_time"]},
                        {"sequence", sequence}};
        };
        if (partId.isEmpty()) {
            Json part{{"job_id", utf8(m_jobId)}, {"part_number", utf8(partNumber)}, {"material", utf8(material)}};
            part["quantity"] = quantity;
            part["is_bullet_card"] = bullet;
            part["operations"] = Json::array();
            int sequence = 0;
            for (const Json &op : ops)
                part["operations"].push_back(operation(op, ++sequence));
            newParts << Change{QStringLiteral("POST"), QStringLiteral("/api/v1/parts"), part, tr("Part %1").arg(partNumber)};
            continue;
        }
        keptParts.insert(partId);
        const Json before = wasParts.value(partId);
        Json part = Json::object();
        if (partNumber != text(before, "part_number"))
            part["part_number"] = utf8(partNumber);
        if (material != text(before, "material"))
            part["material"] = utf8(material);
        if (quantity != number(before, "quantity"))
            part["quantity"] = quantity;
        if (bullet != flag(before, "is_bullet_card"))
            part["is_bullet_card"] = bullet;
        if (!part.empty())
            changed << Change{QStringLiteral("PATCH"), QStringLiteral("/api/v1/parts/") + partId, part, tr("Part %1").arg(partNumber)};

        // Rows added, removed or moved: the routing is numbered anew, 1, 2, 3…
        QStringList idsBefore, idsNow;
        for (const Json &o : before.value("operations", Json::array()))
            idsBefore << text(o, "id");
        for (const Json &o : ops)
            idsNow << text(o, "id");
        const bool renumber = idsNow != idsBefore;
        int sequence = 0;
        for (const Json &op : ops) {
            ++sequence;
            const QString opId = text(op, "id");
            const QString what = tr("Part %1, operation %2 (%3)").arg(partNumber).arg(sequence).arg(text(op, "operation_name"));
            if (opId.isEmpty()) {
                Json created = operation(op, sequence);
                created["part_id"] = utf8(partId);
                newOps << Change{QStringLiteral("POST"), QStringLiteral("/api/v1/operations"), created, what};
                continue;
            }
            keptOps.insert(opId);
            const Json o = wasOps.value(opId);
            Json patch = Json::object();
            for (const char *key : {"operation_name", "cell_id"})
                if (text(op, key) != text(o, key))
                    patch[key] = op[key];
            if (number(op, "estimated_time") != number(o, "estimated_time"))
                patch["estimated_time"] = op["estimated_time"];
            if (renumber && number(o, "sequence") != sequence)
                patch["sequence"] = sequence;
            if (!patch.empty())
                changed << Change{QStringLiteral("PATCH"), QStringLiteral("/api/v1/operations/") + opId, patch, what};
        }
    }
    for (const Json &p : was.value("parts", Json::array())) {
        if (!keptParts.contains(text(p, "id"))) {
            // Its operations go with it.
            removedParts << Change{QStringLiteral("DELETE"), QStringLiteral("/api/v1/parts/") + text(p, "id"), nullptr,
                                   tr("Part %1").arg(text(p, "part_number"))};
            continue;
        }
        for (const Json &o : p.value("operations", Json::array()))
            if (!keptOps.contains(text(o, "id")))
                removedOps << Change{
                    QStringLiteral("DELETE"), QStringLiteral("/api/v1/operations/") + text(o, "id"), nullptr,
                    tr("Part %1, operation %2 (%3)").arg(text(p, "part_number")).arg(number(o, "sequence")).arg(text(o, "operation_name"))};
    }
    return job + removedOps + removedParts + changed + newParts + newOps;
}

void JobWizard::send(const QList<Change> &changes, int next)
{
    if (next == changes.size()) {
        m_sending = false;
        button(QWizard::FinishButton)->setEnabled(true);
        emit saved(m_jobId);
        QWizard::accept();
        return;
    }
    const Change &change = changes[next];
    m_client.request(change.method, change.path, change.body).then(this, [this, changes, next](const ApiReply &reply) {
        if (reply.ok()) {
            send(changes, next + 1);
            return;
        }
        m_sending = false;
        button(QWizard::FinishButton)->setEnabled(true);
        const Change &refused = changes[next];
        const QString what = refused.method == QLatin1String("DELETE") ? tr("%1 was not removed: %2")
                             : refused.method == QLatin1String("POST") ? tr("%1 was not added: %2")
                                                                       : tr("%1 was not changed: %2");
        const QString said = sentence(what.arg(refused.what, reply.errorMessage()));
        if (next == 0) {
            // Nothing reached the hub: the pages keep everything as typed.
            setError(tr("%1 Nothing was saved.").arg(said));
            return;
        }
        // Part of it did: the pages show the job as the hub now holds it.
        setError(tr("%1 The changes before it are saved; the pages now show the job as it is.").arg(said));
        load();
    });
}

} // namespace ery::ui
