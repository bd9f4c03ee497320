#include "workpage.h"

#include "operationpanel.h"
#include "queuerowdelegate.h"

#include "client/actionjournal.h"
#include "client/engineclient.h"
#include "client/jsonfields.h"
#include "shell/theme.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSplitter>
#include <QUrl>
#include <QVBoxLayout>

using namespace ery::client;

namespace ery::ui {

namespace {
constexpr int kBufferSize = 5; // the next five waiting operations are the cell's buffer
const QString kCellKey = QStringLiteral("workstation/terminalCell");

QVariantMap toVariant(const Json &row)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(row.dump())).toVariant().toMap();
}

bool isUuid(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return re.match(s).hasMatch();
}
} // namespace

WorkPage::WorkPage(EngineClient &client, ActionJournal &journal, QWidget *parent)
    : QWidget(parent), m_client(client), m_journal(journal)
{
    m_cell = new QComboBox(this);
    m_cell->setObjectName(QStringLiteral("terminalCell"));
    m_cell->setAccessibleName(tr("Cell"));
    m_cell->setMinimumWidth(280);
    m_operator = new QLabel(this);
    m_operator->setObjectName(QStringLiteral("terminalOperator"));
    m_switch = new QPushButton(tr("Switch operator"), this);
    m_switch->setObjectName(QStringLiteral("terminalSwitch"));
    m_switch->setFocusPolicy(Qt::NoFocus);
    auto *top = new QHBoxLayout;
    top->setSpacing(16);
    auto *cellLabel = new QLabel(tr("Cell"), this);
    top->addWidget(cellLabel);
    top->addWidget(m_cell);
    top->addStretch(1);
    top->addWidget(m_operator);
    top->addWidget(m_switch);

    m_nextCell = new QLabel(this);
    m_nextCell->setObjectName(QStringLiteral("terminalNextCell"));
    m_nextCell->setWordWrap(true);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("terminalMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto *delegate = new QueueRowDelegate(this);
    const char *names[] = {"queueInProcess", "queueBuffer", "queueExpected"};
    for (int i = 0; i < 3; ++i) {
        m_titles[i] = new QLabel(this);
        m_titles[i]->setProperty("section", true);
        m_queues[i] = new QListWidget(this);
        m_queues[i]->setObjectName(QLatin1String(names[i]));
        m_queues[i]->setItemDelegate(delegate);
        m_queues[i]->setSelectionMode(QAbstractItemView::SingleSelection);
        m_queues[i]->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        m_queues[i]->setUniformItemSizes(true);
        m_queues[i]->setFocusPolicy(Qt::NoFocus);
        m_queues[i]->setFrameShape(QFrame::NoFrame);
        connect(m_queues[i], &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
            selectOperation(item->data(QueueRowDelegate::IdRole).toString());
        });
    }
    m_queues[0]->setAccessibleName(tr("In process"));
    // An empty In process says what to do instead of leaving a blank hole.
    m_nothingRunning = new QLabel(tr("Nothing is running here. Touch a waiting operation below, then Start."), this);
    m_nothingRunning->setObjectName(QStringLiteral("queueEmpty"));
    m_nothingRunning->setWordWrap(true);
    m_queues[1]->setAccessibleName(tr("Buffer"));
    m_queues[2]->setAccessibleName(tr("Expected"));
    // In process is short (what runs here now); Buffer and Expected sit side by side below it.
    auto column = [this](int i) {
        auto *c = new QVBoxLayout;
        c->setSpacing(4);
        c->addWidget(m_titles[i]);
        c->addWidget(m_queues[i], 1);
        return c;
    };
    auto *waiting = new QHBoxLayout;
    waiting->setSpacing(12);
    waiting->addLayout(column(1), 1);
    waiting->addLayout(column(2), 1);
    auto *queues = new QWidget(this);
    auto *left = new QVBoxLayout(queues);
    left->setContentsMargins(0, 0, 0, 0);
    left->setSpacing(8);
    auto *running = column(0);
    running->addWidget(m_nothingRunning);
    left->addLayout(running, 0);
    left->addLayout(waiting, 1);

    m_panel = new OperationPanel(m_client, m_journal, this);
    m_panel->setMinimumWidth(420);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(queues);
    split->addWidget(m_panel);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    split->setHandleWidth(12);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 10, 16, 6);
    layout->setSpacing(8);
    layout->addLayout(top);
    layout->addWidget(m_nextCell);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);

    connect(m_switch, &QPushButton::clicked, this, &WorkPage::switchOperator);
    connect(m_cell, &QComboBox::activated, this, [this](int i) { showCell(m_cell->itemData(i).toString()); });
    // Live: what the queue, the panel and the running timer show changes in these tables.
    for (const char *table : {"operations", "time_entries", "issues", "substeps", "operation_quantities", "parts", "jobs", "cells"})
        m_client.subscribe({QLatin1String(table)}, this, [this] {
            if (m_client.isSignedIn())
                reload();
        });
    fill();
}

void WorkPage::begin()
{
    m_operator->setText(tr("Operator: %1").arg(text(m_client.user(), "full_name")));
    m_panel->clearCaches();
    m_message->hide();
    reload();
}

void WorkPage::end()
{
    ++m_generation;
    m_operator->clear();
    m_openEntry = Json();
    m_openOperation = Json();
    m_panel->setOpenEntry(Json());
    m_panel->showOperation(Json());
    emit openEntryChanged();
}

void WorkPage::reload()
{
    if (!m_client.isSignedIn())
        return;
    if (m_cells.empty())
        loadCells();
    else
        loadQueue();
    loadOpenEntry();
    m_client.get(QStringLiteral("/api/v1/analytics/cell-capacity")).then(this, [this](const ApiReply &r) {
        if (!r.ok())
            return;
        m_capacity = r.data().value("cells", Json::array());
        m_panel->setCapacity(m_capacity);
        showNextCell();
    });
}

void WorkPage::loadCells()
{
    m_client.get(QStringLiteral("/api/v1/cells?active=true&sort=sequence&limit=500")).then(this, [this](const ApiReply &r) {
        if (!r.ok()) {
            showMessage(tr("The cells could not be read: %1").arg(r.errorMessage()), true);
            return;
        }
        m_cells = r.data().value("cells", Json::array());
        const QSignalBlocker quiet(m_cell);
        m_cell->clear();
        for (const Json &c : m_cells)
            m_cell->addItem(text(c, "name"), text(c, "id"));
        if (m_cells.empty()) {
            showMessage(tr("This shop has no cells yet: an admin adds them under Cells & operators."), true);
            return;
        }
        // The cell this terminal showed last, else the first.
        const QString wanted = m_cellId.isEmpty() ? QSettings().value(kCellKey).toString() : m_cellId;
        const int at = qMax(0, m_cell->findData(wanted));
        m_cell->setCurrentIndex(at);
        m_cellId = m_cell->itemData(at).toString();
        loadQueue();
        showNextCell();
    });
}

void WorkPage::showCell(const QString &cellId)
{
    if (cellId.isEmpty())
        return;
    const int at = m_cell->findData(cellId);
    if (at >= 0 && m_cell->currentIndex() != at) {
        const QSignalBlocker quiet(m_cell);
        m_cell->setCurrentIndex(at);
    }
    QSettings().setValue(kCellKey, cellId);
    if (cellId == m_cellId)
        return;
    m_cellId = cellId;
    m_queue = Json::object();
    m_panel->showOperation(Json());
    fill();
    showNextCell();
    loadQueue();
}

void WorkPage::loadQueue()
{
    if (m_cellId.isEmpty())
        return;
    const int generation = ++m_generation;
    const QString cell = m_cellId;
    m_client.get(QStringLiteral("/api/v1/analytics/cells/%1/queue?limit=500").arg(cell)).then(this, [this, generation, cell](const ApiReply &r) {
        if (generation != m_generation || cell != m_cellId)
            return;
        if (!r.ok()) {
            showMessage(tr("The queue of this cell could not be read: %1").arg(r.errorMessage()), true);
            return;
        }
        m_queue = r.data();
        fill();
        if (!m_pendingSelect.isEmpty()) {
            const QString wanted = std::exchange(m_pendingSelect, QString());
            if (!selectOperation(wanted))
                showMessage(tr("That operation is not waiting or running in %1.").arg(m_cell->currentText()), true);
        }
        emit queueShown();
    });
}

void WorkPage::loadOpenEntry()
{
    const QString me = text(m_client.user(), "id");
    if (me.isEmpty())
        return;
    m_client.get(QStringLiteral("/api/v1/time-entries?operator_id=%1&sort=start_time&order=desc&limit=1").arg(me))
        .then(this, [this](const ApiReply &r) {
            if (!r.ok())
                return;
            const Json list = r.data().value("time_entries", Json::array());
            const Json entry = !list.empty() && list[0].value("end_time", Json()).is_null() ? list[0] : Json();
            m_openEntry = entry;
            m_panel->setOpenEntry(entry);
            if (!entry.is_object()) {
                m_openOperation = Json();
                emit openEntryChanged();
                return;
            }
            // The operation's name for the status bar; it may run in another cell than the one shown.
            const QString opId = text(entry, "operation_id");
            if (row(opId).is_object()) {
                m_openOperation = row(opId);
                emit openEntryChanged();
                return;
            }
            m_client.get(QStringLiteral("/api/v1/operations/%1").arg(opId)).then(this, [this](const ApiReply &op) {
                m_openOperation = op.ok() ? op.data().value("operation", Json::object()) : Json();
                emit openEntryChanged();
            });
        });
}

QString WorkPage::openEntryLabel() const
{
    if (!m_openOperation.is_object())
        return {};
    return OperationPanel::label(m_openOperation);
}

Json WorkPage::row(const QString &id) const
{
    for (const Json &op : m_queue.value("operations", Json::array()))
        if (text(op, "id") == id)
            return op;
    return Json();
}

void WorkPage::fill()
{
    const QString selected = m_panel->operationId();
    for (QListWidget *q : m_queues) {
        const QSignalBlocker quiet(q);
        q->clear();
    }
    int waiting = 0;
    for (const Json &op : m_queue.value("operations", Json::array())) {
        const QString status = text(op, "status");
        const int col = status == QLatin1String("in_progress") || status == QLatin1String("on_hold") ? 0 : waiting++ < kBufferSize ? 1 : 2;
        auto *item = new QListWidgetItem(m_queues[col]);
        item->setData(QueueRowDelegate::IdRole, text(op, "id"));
        item->setData(QueueRowDelegate::RowRole, toVariant(op));
        item->setData(Qt::AccessibleTextRole, OperationPanel::label(op));
        if (text(op, "id") == selected) {
            const QSignalBlocker quiet(m_queues[col]);
            m_queues[col]->setCurrentItem(item);
        }
    }
    const QString titles[] = {tr("In process"), tr("Buffer — next up"), tr("Expected")};
    for (int i = 0; i < 3; ++i)
        m_titles[i]->setText(tr("%1 (%2)").arg(titles[i]).arg(m_queues[i]->count()));
    // In process takes the room of what runs (up to three rows, then it scrolls).
    const int running = m_queues[0]->count();
    m_queues[0]->setVisible(running > 0);
    m_nothingRunning->setVisible(running == 0);
    const int rowHeight = m_queues[0]->sizeHintForRow(0) > 0 ? m_queues[0]->sizeHintForRow(0) : 80;
    m_queues[0]->setFixedHeight(qMin(running, 3) * rowHeight + 4);
    // The panel follows the row: its status, times and quantity changed with the queue.
    if (!selected.isEmpty()) {
        const Json current = row(selected);
        if (current.is_object()) {
            m_panel->showOperation(current);
        } else if (m_queue.contains("operations")) {
            m_panel->showOperation(Json());
            showMessage(tr("The operation you had open is no longer waiting here (completed, or moved)."));
        }
    }
}

void WorkPage::showNextCell()
{
    // The cell after this one in the shop's order, and whether it has room for more work.
    int at = -1;
    for (size_t i = 0; i < m_cells.size(); ++i)
        if (text(m_cells[i], "id") == m_cellId)
            at = int(i);
    if (at < 0 || at + 1 >= int(m_cells.size())) {
        m_nextCell->setText(at < 0 ? QString() : tr("This is the last cell of the shop."));
        m_nextCell->setStyleSheet({});
        return;
    }
    const Json &next = m_cells[size_t(at + 1)];
    Json cap = Json::object();
    for (const Json &c : m_capacity)
        if (text(c, "cell_id") == text(next, "id"))
            cap = c;
    const bool full = text(cap, "status") == QLatin1String("at_capacity");
    const Json limit = cap.value("wip_limit", Json());
    const QString load = limit.is_number() ? tr("%1 of %2 jobs").arg(number(cap, "wip")).arg(limit.get<qint64>()) : tr("no limit");
    m_nextCell->setText(full ? tr("PAUSE — the next cell, %1, is full (%2): finish nothing more into it for now.").arg(text(next, "name"), load)
                             : tr("GO — the next cell, %1, has room (%2).").arg(text(next, "name"), load));
    const QColor colour = full ? QColor(0xb7, 0x1c, 0x1c) : QColor(0x1b, 0x5e, 0x20);
    m_nextCell->setStyleSheet(QStringLiteral("QLabel { background: %1; color: white; font-weight: bold; border-radius: 6px; padding: 8px 14px; }")
                                  .arg(colour.name()));
}

void WorkPage::showMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setStyleSheet(problem ? QStringLiteral("QLabel { background: #fdecea; color: #8c1d18; border-radius: 6px; padding: 8px 12px; }")
                                     : QStringLiteral("QLabel { background: #e8f0fe; color: #174ea6; border-radius: 6px; padding: 8px 12px; }"));
    m_message->show();
}

QString WorkPage::selectedOperationId() const
{
    return m_panel->operationId();
}

bool WorkPage::selectOperation(const QString &id)
{
    for (QListWidget *q : m_queues)
        for (int r = 0; r < q->count(); ++r)
            if (q->item(r)->data(QueueRowDelegate::IdRole).toString() == id) {
                for (QListWidget *other : m_queues)
                    if (other != q)
                        other->clearSelection();
                q->setCurrentRow(r);
                q->scrollToItem(q->item(r));
                m_message->hide();
                m_panel->showOperation(row(id));
                return true;
            }
    return false;
}

void WorkPage::open(const QString &raw)
{
    const QString code = raw.trimmed();
    if (code.isEmpty() || !m_client.isSignedIn())
        return;
    // In this cell's queue already: an operation id, or a job's or part's number.
    if (selectOperation(code))
        return;
    for (const Json &op : m_queue.value("operations", Json::array()))
        if (text(op, "job_number").compare(code, Qt::CaseInsensitive) == 0 || text(op, "part_number").compare(code, Qt::CaseInsensitive) == 0) {
            selectOperation(text(op, "id"));
            return;
        }
    openOnHub(code);
}

void WorkPage::openOnHub(const QString &code)
{
    // Elsewhere: the operation's own cell, or the job's first open operation.
    auto goTo = [this](const Json &op) {
        m_pendingSelect = text(op, "id");
        if (text(op, "cell_id") == m_cellId)
            loadQueue();
        else
            showCell(text(op, "cell_id"));
    };
    if (isUuid(code)) {
        m_client.get(QStringLiteral("/api/v1/operations/%1").arg(code)).then(this, [this, code, goTo](const ApiReply &r) {
            const Json op = r.ok() ? r.data().value("operation", Json()) : Json();
            if (!op.is_object()) {
                showMessage(tr("No operation has the code %1.").arg(code), true);
                return;
            }
            if (text(op, "status") == QLatin1String("completed")) {
                showMessage(tr("%1 is completed already.").arg(text(op, "operation_name")), true);
                return;
            }
            goTo(op);
        });
        return;
    }
    const QString query = QString::fromLatin1(QUrl::toPercentEncoding(code));
    m_client.get(QStringLiteral("/api/v1/jobs?job_number=%1&limit=20").arg(query)).then(this, [this, code, goTo](const ApiReply &r) {
        Json job;
        for (const Json &j : r.ok() ? r.data().value("jobs", Json::array()) : Json::array())
            if (text(j, "job_number").compare(code, Qt::CaseInsensitive) == 0)
                job = j;
        if (!job.is_object()) {
            showMessage(tr("Nothing was found for the code %1: not an operation, job or part of this shop.").arg(code), true);
            return;
        }
        const QString jobNumber = text(job, "job_number");
        m_client.get(QStringLiteral("/api/v1/jobs/%1/tree").arg(text(job, "id"))).then(this, [this, jobNumber, goTo](const ApiReply &t) {
            // The open operation of the job that comes first in its routing.
            Json first;
            for (const Json &p : t.ok() ? t.data().value("parts", Json::array()) : Json::array())
                for (const Json &o : p.value("operations", Json::array()))
                    if (text(o, "status") != QLatin1String("completed") &&
                        (!first.is_object() || number(o, "sequence") < number(first, "sequence")))
                        first = o;
            if (!first.is_object()) {
                showMessage(tr("%1 has no open work: every operation is completed.").arg(jobNumber), true);
                return;
            }
            goTo(first);
        });
    });
}

} // namespace ery::ui
