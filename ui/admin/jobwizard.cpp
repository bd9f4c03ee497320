#include "jobwizard.h"

#include "client/engineclient.h"
#include "client/jsonfields.h"
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
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace ery::client;

namespace ery::ui {

namespace {

enum PartColumn { PartNumber, Material, Quantity, Bullet };
enum OperationColumn { OperationName, OperationCell, OperationMinutes };
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
        for (const Json &c : reply.data().value("cells", Json::array()))
            if (!c.contains("active") || flag(c, "active"))
                m_cells.append({text(c, "id"), text(c, "name")});
        // Pickers made before the cells arrived were empty: fill them, keeping what was typed.
        storeRouting();
        showRouting(m_shownPart);
    });
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
    m_routing = new QTableWidget(0, 3, w);
    m_routing->setObjectName(QStringLiteral("wizardRouting"));
    m_routing->setAccessibleName(tr("Operations"));
    m_routing->setHorizontalHeaderLabels({tr("Operation"), tr("Cell"), tr("Estimate (min)")});
    m_routing->horizontalHeader()->setSectionResizeMode(OperationName, QHeaderView::Stretch);
    m_routing->horizontalHeader()->setSectionResizeMode(OperationCell, QHeaderView::Stretch);
    m_routing->verticalHeader()->setToolTip(tr("Sequence"));
    m_routing->setSelectionBehavior(QAbstractItemView::SelectRows);
    connect(m_routingPart, &QComboBox::currentIndexChanged, this, [this](int index) {
        storeRouting();
        showRouting(index);
    });
    auto *add = new QPushButton(tr("Add operation"), w);
    add->setObjectName(QStringLiteral("wizardAddOperation"));
    auto *remove = new QPushButton(tr("Remove operation"), w);
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
    connect(copy, &QPushButton::clicked, this, &JobWizard::copyRoutingToAll);
    m_error = errorLabel(w, "wizardError");
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Part"), w));
    top->addWidget(m_routingPart, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
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
    if (const int i = box->findData(cellId); i >= 0)
        box->setCurrentIndex(i);
    return box;
}

void JobWizard::addOperation(const QString &name, const QString &cellName, int minutes)
{
    const int row = m_routing->rowCount();
    m_routing->insertRow(row);
    m_routing->setItem(row, OperationName, new QTableWidgetItem(name));
    QString cellId;
    for (const auto &[id, n] : m_cells)
        if (n == cellName)
            cellId = id;
    m_routing->setCellWidget(row, OperationCell, cellPicker(cellId));
    auto *est = new QSpinBox(m_routing);
    est->setRange(0, 100000);
    est->setSuffix(tr(" min"));
    est->setAccessibleName(tr("Estimated minutes"));
    est->setValue(minutes);
    m_routing->setCellWidget(row, OperationMinutes, est);
}

void JobWizard::storeRouting()
{
    if (m_shownPart < 0)
        return;
    Json ops = Json::array();
    for (int r = 0; r < m_routing->rowCount(); ++r) {
        auto *cell = qobject_cast<QComboBox *>(m_routing->cellWidget(r, OperationCell));
        auto *est = qobject_cast<QSpinBox *>(m_routing->cellWidget(r, OperationMinutes));
        ops.push_back(Json{{"operation_name", utf8(cellText(m_routing, r, OperationName))},
                           {"cell_id", utf8(cell ? cell->currentData().toString() : QString())},
                           {"estimated_time", est ? est->value() : 0}});
    }
    m_routings.insert(m_shownPart, ops);
}

void JobWizard::showRouting(int partRow)
{
    m_routing->setRowCount(0);
    m_shownPart = partRow;
    if (partRow < 0)
        return;
    for (const Json &op : m_routings.value(partRow, Json::array())) {
        QString cellName;
        for (const auto &[id, name] : m_cells)
            if (id == text(op, "cell_id"))
                cellName = name;
        addOperation(text(op, "operation_name"), cellName, int(number(op, "estimated_time")));
    }
}

void JobWizard::copyRoutingToAll()
{
    storeRouting();
    const Json ops = m_routings.value(m_shownPart, Json::array());
    for (int r = 0; r < m_parts->rowCount(); ++r)
        m_routings.insert(r, ops);
}

void JobWizard::initializePage(int id)
{
    QWizard::initializePage(id);
    if (id != RoutingPageId)
        return;
    const QSignalBlocker quiet(m_routingPart);
    m_routingPart->clear();
    for (int r = 0; r < m_parts->rowCount(); ++r)
        m_routingPart->addItem(tr("%1 (%2)").arg(cellText(m_parts, r, PartNumber), cellText(m_parts, r, Material)));
    m_shownPart = -1;
    showRouting(0);
    m_routingPart->setCurrentIndex(0);
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

Json JobWizard::body()
{
    storeRouting();
    Json job{{"job_number", utf8(m_jobNumber->text().trimmed())}};
    if (const QString c = m_customer->text().trimmed(); !c.isEmpty())
        job["customer"] = utf8(c);
    if (m_hasDue->isChecked()) // end of the working day, in the shop admin's time
        job["due_date"] = utf8(QDateTime(m_due->date(), QTime(16, 0)).toUTC().toString(Qt::ISODate));
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
    return m_error->isHidden() ? QString() : m_error->text();
}

void JobWizard::setError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void JobWizard::accept()
{
    if (m_sending)
        return;
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

} // namespace ery::ui
