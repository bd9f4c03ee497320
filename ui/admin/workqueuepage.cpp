#include "workqueuepage.h"

#include "client/engineclient.h"
#include "client/jsonfields.h"
#include "shell/theme.h"
#include "widgets/droplist.h"
#include "widgets/operationcarddelegate.h"
#include "widgets/pagetitle.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QVBoxLayout>

using namespace ery::client;

namespace ery::ui {

namespace {

constexpr int kBufferSize = 5; // the next five waiting operations are the cell's buffer
constexpr int kQueueLimit = 500;
const QString kCellKey = QStringLiteral("workQueue/cell");

QVariantMap toVariant(const Json &row)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(row.dump())).toVariant().toMap();
}

QString cardLabel(const Json &op)
{
    const QString job = text(op, "job_number"), part = text(op, "part_number");
    QStringList parts{part.startsWith(job) ? QString() : job, part, text(op, "operation_name")};
    parts.removeAll(QString());
    return parts.join(QStringLiteral(" · "));
}

QString wipText(const Json &cell)
{
    const qint64 wip = number(cell, "wip");
    const Json limit = cell.value("wip_limit", Json());
    // WIP counts jobs (with work waiting or running in the cell), not the cards In process.
    if (limit.is_number())
        return WorkQueuePage::tr("WIP: %n job(s), limit %1", nullptr, int(wip)).arg(limit.get<qint64>());
    return WorkQueuePage::tr("WIP: %n job(s), no limit", nullptr, int(wip));
}

} // namespace

WorkQueuePage::WorkQueuePage(EngineClient &client, QWidget *parent) : QWidget(parent), m_client(client)
{
    auto *title = new PageTitle(tr("Work queue"), this);
    auto *subtitle = new QLabel(tr("Drag a waiting card onto In process to start it, or onto another cell to move it there."), this);
    subtitle->setForegroundRole(QPalette::PlaceholderText);
    subtitle->setWordWrap(true);

    m_cells = new DropList(this);
    m_cells->setObjectName(QStringLiteral("queueCells"));
    m_cells->setAccessibleName(tr("Cells"));
    m_cells->setDragEnabled(false);
    m_cells->setAcceptsOperations(true);
    m_cells->setFixedWidth(210);
    m_cells->setSpacing(2);

    m_cellTitle = new QLabel(this);
    m_cellTitle->setObjectName(QStringLiteral("queueCellTitle"));
    QFont cellFont = m_cellTitle->font();
    cellFont.setPointSizeF(cellFont.pointSizeF() * 1.2);
    cellFont.setBold(true);
    m_cellTitle->setFont(cellFont);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("queueSearch"));
    m_search->setPlaceholderText(tr("Job, part, customer or operation…"));
    m_search->setAccessibleName(tr("Search the queue"));
    m_search->setClearButtonEnabled(true);
    // A magnifier at the front marks the field as a search, like the search fields of the desktop.
    m_search->addAction(Theme::icon(QStringLiteral("search")), QLineEdit::LeadingPosition)->setText(tr("Search"));
    m_search->setMaxLength(200);
    m_search->setMinimumWidth(280);
    m_due = new QComboBox(this);
    m_due->setObjectName(QStringLiteral("queueDue"));
    m_due->setAccessibleName(tr("Due"));
    m_due->addItem(tr("Any due date"), -1000);
    m_due->addItem(tr("Overdue"), -1);
    m_due->addItem(tr("Due within 3 days"), 3);
    m_due->addItem(tr("Due within 7 days"), 7);
    m_bulletOnly = new QCheckBox(tr("Bullet Cards only"), this);
    m_bulletOnly->setObjectName(QStringLiteral("queueBulletOnly"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search);
    filters->addWidget(m_due);
    filters->addWidget(m_bulletOnly);
    filters->addStretch(1);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("queueMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #8c1d18; border: 1px solid #f4c7c3;"
                                            " border-radius: 4px; padding: 6px 8px; }"));
    m_message->hide();

    auto *board = new QHBoxLayout;
    board->setSpacing(10);
    auto *delegate = new OperationCardDelegate(this);
    const char *names[] = {"queueInProcess", "queueBuffer", "queueExpected"};
    for (int i = 0; i < 3; ++i) {
        m_columnTitles[i] = new QLabel(this);
        QFont f = m_columnTitles[i]->font();
        f.setBold(true);
        m_columnTitles[i]->setFont(f);
        m_columns[i] = new DropList(this);
        m_columns[i]->setObjectName(QLatin1String(names[i]));
        m_columns[i]->setItemDelegate(delegate);
        m_columns[i]->setAcceptsOperations(i == 0);
        m_columns[i]->setSelectionMode(QAbstractItemView::SingleSelection);
        m_columns[i]->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        m_columns[i]->setUniformItemSizes(true);
        m_columns[i]->setContextMenuPolicy(Qt::CustomContextMenu);
        m_columns[i]->setStyleSheet(QStringLiteral("QListWidget { background: palette(window); }"));
        auto *col = new QVBoxLayout;
        col->addWidget(m_columnTitles[i]);
        col->addWidget(m_columns[i], 1);
        board->addLayout(col, 1);
    }
    m_columns[0]->setPlaceholderText(tr("Nothing running here. Drag a card from Buffer or Expected to start it."));
    m_columns[1]->setPlaceholderText(tr("No work waiting."));
    m_columns[0]->setAccessibleName(tr("In process"));
    m_columns[1]->setAccessibleName(tr("Buffer"));
    m_columns[2]->setAccessibleName(tr("Expected"));

    m_start = new QPushButton(tr("Start"), this);
    m_start->setObjectName(QStringLiteral("queueStart"));
    m_pause = new QPushButton(tr("Pause"), this);
    m_pause->setObjectName(QStringLiteral("queuePause"));
    m_complete = new QPushButton(tr("Complete"), this);
    m_complete->setObjectName(QStringLiteral("queueComplete"));
    m_move = new QPushButton(tr("Move to cell"), this);
    m_move->setObjectName(QStringLiteral("queueMove"));
    m_move->setMenu(new QMenu(m_move));
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_start);
    actions->addWidget(m_pause);
    actions->addWidget(m_complete);
    actions->addWidget(m_move);
    actions->addStretch(1);

    auto *right = new QVBoxLayout;
    right->setSpacing(6);
    right->addWidget(m_cellTitle);
    right->addLayout(filters);
    right->addWidget(m_message);
    right->addLayout(board, 1);
    right->addLayout(actions);
    auto *body = new QHBoxLayout;
    body->setSpacing(12);
    body->addWidget(m_cells);
    body->addLayout(right, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->setSpacing(6);
    layout->addWidget(title);
    layout->addWidget(subtitle);
    layout->addSpacing(4);
    layout->addLayout(body, 1);

    connect(m_cells, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            showCell(item->data(OperationCardDelegate::IdRole).toString());
    });
    connect(m_cells, &DropList::operationDropped, this, [this](const QString &op, QListWidgetItem *onto) {
        if (onto)
            moveToCell(op, onto->data(OperationCardDelegate::IdRole).toString());
    });
    connect(m_columns[0], &DropList::operationDropped, this, [this](const QString &op) { start(op); });
    for (DropList *column : m_columns) {
        connect(column, &QListWidget::itemSelectionChanged, this, [this, column] {
            if (!column->selectedItems().isEmpty())
                for (DropList *other : m_columns)
                    if (other != column)
                        other->clearSelection();
            updateActions();
        });
        connect(column, &QWidget::customContextMenuRequested, this, [this, column](const QPoint &at) {
            QListWidgetItem *item = column->itemAt(at);
            if (!item)
                return;
            column->setCurrentItem(item);
            updateActions();
            QMenu menu(this);
            for (QPushButton *b : {m_start, m_pause, m_complete})
                if (b->isEnabled())
                    menu.addAction(b->text(), b, &QPushButton::click);
            if (m_move->isEnabled())
                menu.addMenu(m_move->menu())->setText(m_move->text());
            menu.exec(column->viewport()->mapToGlobal(at));
        });
    }
    connect(m_start, &QPushButton::clicked, this, [this] { start(selectedOperationId()); });
    connect(m_pause, &QPushButton::clicked, this, [this] { pause(selectedOperationId()); });
    connect(m_complete, &QPushButton::clicked, this, [this] { complete(selectedOperationId()); });
    connect(m_search, &QLineEdit::textChanged, this, &WorkQueuePage::applyFilters);
    connect(m_due, &QComboBox::currentIndexChanged, this, &WorkQueuePage::applyFilters);
    connect(m_bulletOnly, &QCheckBox::toggled, this, &WorkQueuePage::applyFilters);

    for (const QString &table : {QStringLiteral("operations"), QStringLiteral("parts"), QStringLiteral("jobs"), QStringLiteral("cells")})
        m_client.subscribe({table}, this, [this] {
            if (isVisible())
                reload();
            else
                m_stale = true;
        }, 300);
    connect(&m_client, &EngineClient::signedIn, this, [this] {
        m_cellId.clear();
        if (isVisible())
            reload();
        else
            m_stale = true;
    });
    connect(&m_client, &EngineClient::signedOut, this, [this] {
        ++m_generation;
        m_cellRows = Json::array();
        m_queue = Json::object();
        m_cellId.clear();
        m_cells->clear();
        m_message->hide();
        fillBoard();
    });
    fillBoard();
}

DropList *WorkQueuePage::column(int i) const
{
    return m_columns[i];
}

void WorkQueuePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

void WorkQueuePage::reload()
{
    m_stale = false;
    loadCells();
}

void WorkQueuePage::showCell(const QString &cellId)
{
    if (cellId.isEmpty() || cellId == m_cellId)
        return;
    m_cellId = cellId;
    QSettings().setValue(kCellKey, cellId);
    for (int i = 0; i < m_cells->count(); ++i)
        if (m_cells->item(i)->data(OperationCardDelegate::IdRole).toString() == cellId && m_cells->currentRow() != i)
            m_cells->setCurrentRow(i);
    m_queue = Json::object();
    m_message->hide();
    fillBoard();
    loadQueue();
}

void WorkQueuePage::loadCells()
{
    if (!m_client.isSignedIn())
        return;
    const int generation = ++m_generation;
    m_client.get(QStringLiteral("/api/v1/analytics/cell-capacity")).then(this, [this, generation](const ApiReply &reply) {
        if (generation != m_generation)
            return;
        if (!reply.ok()) {
            showMessage(tr("The cells could not be read: %1").arg(reply.errorMessage()));
            return;
        }
        m_cellRows = reply.data().value("cells", Json::array());
        const QSignalBlocker quiet(m_cells);
        m_cells->clear();
        QMenu *moveMenu = m_move->menu();
        moveMenu->clear();
        for (const Json &c : m_cellRows) {
            const QString id = text(c, "cell_id");
            auto *item = new QListWidgetItem(text(c, "cell_name") + QLatin1Char('\n') + wipText(c), m_cells);
            item->setData(OperationCardDelegate::IdRole, id);
            item->setSizeHint(QSize(0, 2 * fontMetrics().height() + 14));
            const QString state = text(c, "status");
            if (state == QLatin1String("at_capacity") || state == QLatin1String("over_capacity"))
                item->setForeground(Theme::warningColor());
            item->setToolTip(tr("%1: %2 running, %3 on hold, %4 waiting. WIP counts the jobs with work waiting or running here.")
                                 .arg(text(c, "cell_name"))
                                 .arg(number(c, "in_progress_operations"))
                                 .arg(number(c, "on_hold_operations"))
                                 .arg(number(c, "not_started_operations")));
            moveMenu->addAction(text(c, "cell_name"), this, [this, id] { moveToCell(selectedOperationId(), id); })->setData(id);
        }
        // The cell shown before, else the one remembered, else the first.
        QString wanted = m_cellId.isEmpty() ? QSettings().value(kCellKey).toString() : m_cellId;
        int row = 0;
        for (int i = 0; i < m_cells->count(); ++i)
            if (m_cells->item(i)->data(OperationCardDelegate::IdRole).toString() == wanted)
                row = i;
        if (m_cells->count() == 0) {
            m_cellId.clear();
            m_queue = Json::object();
            fillBoard();
            return;
        }
        m_cells->setCurrentRow(row);
        m_cellId = m_cells->item(row)->data(OperationCardDelegate::IdRole).toString();
        loadQueue();
    });
}

void WorkQueuePage::loadQueue()
{
    if (m_cellId.isEmpty() || !m_client.isSignedIn())
        return;
    const int generation = m_generation;
    const QString cell = m_cellId;
    m_client.get(QStringLiteral("/api/v1/analytics/cells/%1/queue?limit=%2").arg(cell).arg(kQueueLimit))
        .then(this, [this, generation, cell](const ApiReply &reply) {
            if (generation != m_generation || cell != m_cellId)
                return;
            if (!reply.ok()) {
                showMessage(tr("The queue of this cell could not be read: %1").arg(reply.errorMessage()));
                return;
            }
            m_queue = reply.data();
            fillBoard();
        });
}

void WorkQueuePage::fillBoard()
{
    const QString selected = selectedOperationId();
    int scroll[3];
    for (int i = 0; i < 3; ++i) {
        scroll[i] = m_columns[i]->verticalScrollBar() ? m_columns[i]->verticalScrollBar()->value() : 0;
        const QSignalBlocker quiet(m_columns[i]);
        m_columns[i]->clear();
    }
    const Json ops = m_queue.value("operations", Json::array());
    int waiting = 0;
    for (const Json &op : ops) {
        const QString status = text(op, "status");
        const int col = status == QLatin1String("in_progress") || status == QLatin1String("on_hold") ? 0 : waiting++ < kBufferSize ? 1 : 2;
        auto *item = new QListWidgetItem(m_columns[col]);
        item->setData(OperationCardDelegate::IdRole, text(op, "id"));
        item->setData(OperationCardDelegate::CardRole, toVariant(op));
        item->setData(Qt::AccessibleTextRole, cardLabel(op));
        item->setToolTip(cardLabel(op));
        if (text(op, "id") == selected) {
            const QSignalBlocker quiet(m_columns[col]);
            m_columns[col]->setCurrentItem(item);
        }
    }
    const Json cell = m_queue.value("cell", Json::object());
    m_cellTitle->setText(cell.empty() ? (m_cellRows.empty() && m_client.isSignedIn() ? tr("No cells yet: add them under Cells") : QString())
                                      : tr("%1 — %2").arg(text(cell, "name"), wipText(cell)));
    for (int i = 0; i < 3; ++i)
        m_columns[i]->verticalScrollBar()->setValue(scroll[i]);
    applyFilters();
    updateActions();
    emit boardShown();
}

void WorkQueuePage::applyFilters()
{
    const QString needle = m_search->text().trimmed();
    const int dueWithin = m_due->currentData().toInt();
    const bool bulletOnly = m_bulletOnly->isChecked();
    const QString titles[] = {tr("In process"), tr("Buffer"), tr("Expected")};
    for (int i = 0; i < 3; ++i) {
        int shown = 0;
        for (int r = 0; r < m_columns[i]->count(); ++r) {
            QListWidgetItem *item = m_columns[i]->item(r);
            const QVariantMap card = item->data(OperationCardDelegate::CardRole).toMap();
            bool match = true;
            if (!needle.isEmpty()) {
                match = false;
                for (const char *key : {"job_number", "part_number", "customer", "operation_name"})
                    match = match || card.value(QLatin1String(key)).toString().contains(needle, Qt::CaseInsensitive);
            }
            if (match && bulletOnly)
                match = card.value(QStringLiteral("is_bullet_card")).toBool();
            if (match && dueWithin > -1000) {
                const QDate due = QDate::fromString(card.value(QStringLiteral("due_date")).toString().left(10), Qt::ISODate);
                match = due.isValid() && QDate::currentDate().daysTo(due) <= dueWithin;
            }
            item->setHidden(!match);
            shown += match ? 1 : 0;
        }
        const int all = m_columns[i]->count();
        m_columnTitles[i]->setText(shown == all ? tr("%1 (%2)").arg(titles[i]).arg(all) : tr("%1 (%2 of %3)").arg(titles[i]).arg(shown).arg(all));
    }
}

QString WorkQueuePage::selectedOperationId() const
{
    for (DropList *column : m_columns) {
        const auto items = column->selectedItems();
        if (!items.isEmpty())
            return items.first()->data(OperationCardDelegate::IdRole).toString();
    }
    return {};
}

Json WorkQueuePage::operation(const QString &id) const
{
    for (const Json &op : m_queue.value("operations", Json::array()))
        if (text(op, "id") == id)
            return op;
    return Json();
}

void WorkQueuePage::updateActions()
{
    const Json op = operation(selectedOperationId());
    const QString status = op.is_object() ? text(op, "status") : QString();
    m_start->setText(status == QLatin1String("on_hold") ? tr("Resume") : tr("Start"));
    m_start->setEnabled(!m_busy && (status == QLatin1String("not_started") || status == QLatin1String("on_hold")));
    m_pause->setEnabled(!m_busy && status == QLatin1String("in_progress"));
    m_complete->setEnabled(!m_busy && (status == QLatin1String("in_progress") || status == QLatin1String("on_hold")));
    m_move->setEnabled(!m_busy && !status.isEmpty() && m_cellRows.size() > 1);
    for (QAction *a : m_move->menu()->actions())
        a->setEnabled(a->data().toString() != m_cellId);
}

void WorkQueuePage::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->show();
}

void WorkQueuePage::act(const QString &operationId, const QString &path, const Json &body, const QString &failure, bool patch)
{
    if (operationId.isEmpty() || m_busy)
        return;
    m_busy = true;
    m_message->hide();
    updateActions();
    auto reply = patch ? m_client.patch(path, body) : m_client.post(path, body);
    reply.then(this, [this, failure](const ApiReply &result) {
        m_busy = false;
        updateActions();
        if (!result.ok()) {
            // A refused transition nearly always means the card changed elsewhere first (a
            // terminal, the API): say so in the shop's words instead of status codes.
            const QString why = result.errorCode() == QLatin1String("INVALID_STATE_TRANSITION")
                                    ? tr("Its status was changed in the meantime, perhaps at a terminal. The board shows its current status.")
                                    : result.errorMessage();
            showMessage(failure + QLatin1Char(' ') + why);
        }
        reload();
    });
}

void WorkQueuePage::start(const QString &operationId)
{
    const Json op = operation(operationId);
    const QString status = op.is_object() ? text(op, "status") : QString();
    if (status != QLatin1String("not_started") && status != QLatin1String("on_hold"))
        return;
    const bool resume = status == QLatin1String("on_hold");
    act(operationId, QStringLiteral("/api/v1/operations/%1/%2").arg(operationId, resume ? QStringLiteral("resume") : QStringLiteral("start")),
        Json::object(), (resume ? tr("%1 could not be resumed.") : tr("%1 could not be started.")).arg(cardLabel(op)));
}

void WorkQueuePage::pause(const QString &operationId)
{
    const Json op = operation(operationId);
    act(operationId, QStringLiteral("/api/v1/operations/%1/pause").arg(operationId), Json::object(),
        tr("%1 could not be paused.").arg(cardLabel(op)));
}

void WorkQueuePage::complete(const QString &operationId)
{
    const Json op = operation(operationId);
    act(operationId, QStringLiteral("/api/v1/operations/%1/complete").arg(operationId), Json::object(),
        tr("%1 could not be completed.").arg(cardLabel(op)));
}

void WorkQueuePage::moveToCell(const QString &operationId, const QString &cellId)
{
    if (cellId.isEmpty() || cellId == m_cellId)
        return;
    QString cellName;
    for (const Json &c : m_cellRows)
        if (text(c, "cell_id") == cellId)
            cellName = text(c, "cell_name");
    const Json op = operation(operationId);
    act(operationId, QStringLiteral("/api/v1/operations/%1").arg(operationId), Json{{"cell_id", utf8(cellId)}},
        tr("%1 could not be moved to %2.").arg(cardLabel(op), cellName), true);
}

} // namespace ery::ui
