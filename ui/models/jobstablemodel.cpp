#include "jobstablemodel.h"

#include "client/engineclient.h"
#include "client/jsonfields.h"
#include "workstatus.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QHash>
#include <QIcon>
#include <QLocale>
#include <QPainter>
#include <QPalette>
#include <QPen>
#include <QPixmap>
#include <QSet>
#include <QUrl>

#include <limits>
#include <utility>

using namespace ery::client;

namespace ery::ui {

namespace st = workstatus;

namespace {

const QStringList kWatchedTables = {QStringLiteral("jobs"), QStringLiteral("parts"), QStringLiteral("operations")};

QColor statusColor(const QString &status)
{
    if (status == st::InProgress)
        return QColor(0x1e, 0x88, 0xe5);
    if (status == st::OnHold)
        return QColor(0xf5, 0x9e, 0x0b);
    if (status == st::Completed)
        return QColor(0x2e, 0x9d, 0x4f);
    return QColor(0x9e, 0x9e, 0x9e);
}

QIcon statusDot(const QString &status)
{
    static QHash<QString, QIcon> cache;
    auto it = cache.find(status);
    if (it != cache.end())
        return *it;
    // Drawn at 2x so the dot stays round on high-DPI screens.
    QPixmap pm(24, 24);
    pm.setDevicePixelRatio(2.0);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    // The light ring keeps the dot visible on a selected row, whose highlight may share its hue.
    p.setPen(QPen(QColor(255, 255, 255, 220), 1.0));
    p.setBrush(statusColor(status));
    p.drawEllipse(QRectF(1.5, 1.5, 9, 9));
    p.end();
    return *cache.insert(status, QIcon(pm));
}

bool darkPalette()
{
    return QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
}

int statusOrder(const QString &status)
{
    if (status == st::InProgress)
        return 0;
    if (status == st::OnHold)
        return 1;
    if (status == st::NotStarted)
        return 2;
    return 3;
}

} // namespace

JobsTableModel::JobsTableModel(EngineClient &client, QObject *parent) : QAbstractTableModel(parent), m_client(client)
{
    // Progress lives in parts and operations, so their changes matter as much as the jobs'.
    for (const QString &table : kWatchedTables)
        m_client.subscribe({table}, this, [this] { reload(); });
}

void JobsTableModel::setTenant(const QString &tenantId)
{
    if (tenantId == m_tenantId)
        return;
    beginResetModel();
    m_tenantId = tenantId;
    m_jobs.clear();
    m_total = 0;
    ++m_generation;
    endResetModel();
    reload();
}

void JobsTableModel::setSearch(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    ++m_generation;
    reload();
}

void JobsTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount || (column == m_sortColumn && order == m_sortOrder))
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    ++m_generation;
    reload();
}

QString JobsTableModel::pagePath(int offset, int limit) const
{
    static const char *sorts[ColumnCount] = {"job_number", "customer", "due_date", "status", "current_cell_name", "progress", "bullet_parts"};
    QString path = QStringLiteral("/api/v1/jobs/overview?limit=%1&offset=%2&sort=%3&order=%4")
                       .arg(limit)
                       .arg(offset)
                       .arg(QLatin1String(sorts[m_sortColumn]), m_sortOrder == Qt::AscendingOrder ? QStringLiteral("asc") : QStringLiteral("desc"));
    if (!m_search.isEmpty())
        path += QStringLiteral("&search=") + QString::fromLatin1(QUrl::toPercentEncoding(m_search));
    return path;
}

void JobsTableModel::reload()
{
    if (m_tenantId.isEmpty())
        return;
    // One question in flight at a time; changes during it ask for one more, so answers never arrive
    // out of order and a burst of events costs two queries, not one per event.
    if (m_loading) {
        m_reloadAgain = true;
        return;
    }
    m_loading = true;
    // What the user scrolled through stays loaded; a new search or order starts from a page.
    load(0, std::max(kPageSize, int(m_jobs.size())), {}, m_generation, true);
}

bool JobsTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_tenantId.isEmpty() && m_jobs.size() < m_total;
}

void JobsTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    // The view asks once when it reaches the end; asked while busy, it is asked again when done.
    if (m_loading) {
        m_fetchAgain = true;
        return;
    }
    m_loading = true;
    load(int(m_jobs.size()), kPageSize, {}, m_generation, false);
}

void JobsTableModel::load(int offset, int count, QList<Job> got, quint64 generation, bool replace)
{
    constexpr int kMaxPerRequest = 1000; // the API's largest page
    const int limit = std::min(count - int(got.size()), kMaxPerRequest);
    m_client.get(pagePath(offset + int(got.size()), limit)).then(this, [this, offset, count, got, generation, replace, limit](const ApiReply &reply) mutable {
        if (generation != m_generation) {
            // The search, order or shop changed meanwhile: ask again for what is wanted now.
            m_loading = false;
            m_reloadAgain = false;
            reload();
            return;
        }
        if (!reply.ok()) {
            m_loading = false;
            emit loadFailed(reply.errorMessage());
            finishLoad();
            return;
        }
        const Json data = reply.data();
        const Json &rows = data.value("jobs", Json::array());
        for (const Json &r : rows)
            got.append(Job{text(r, "id"), text(r, "job_number"), text(r, "customer"), text(r, "status"), text(r, "current_cell_name"),
                           when(r, "due_date"), number(r, "operation_count"), number(r, "operations_completed"), number(r, "bullet_parts")});
        m_total = number(data.value("pagination", Json::object()), "total");
        if (int(rows.size()) == limit && got.size() < count) {
            load(offset, count, got, generation, replace);
            return;
        }
        m_loading = false;
        if (replace)
            apply(got);
        else
            append(got);
        emit loaded();
        finishLoad();
    });
}

void JobsTableModel::finishLoad()
{
    if (std::exchange(m_reloadAgain, false))
        reload();
    else if (std::exchange(m_fetchAgain, false))
        fetchMore();
}

void JobsTableModel::append(const QList<Job> &more)
{
    // A job may have moved up into a page already loaded while the next one was read; it shows once.
    QSet<QString> known;
    for (const Job &j : m_jobs)
        known.insert(j.id);
    QList<Job> added;
    for (const Job &j : more)
        if (!known.contains(j.id))
            added.append(j);
    if (added.isEmpty())
        return;
    const int first = int(m_jobs.size());
    beginInsertRows({}, first, first + int(added.size()) - 1);
    m_jobs.append(added);
    endInsertRows();
}

void JobsTableModel::apply(const QList<Job> &fresh)
{
    QHash<QString, qsizetype> freshRow;
    for (qsizetype i = 0; i < fresh.size(); ++i)
        freshRow.insert(fresh[i].id, i);

    // 1. Rows that left (deleted, no longer matching, or past the rows read), in runs from the end.
    for (int r = int(m_jobs.size()) - 1; r >= 0;) {
        if (freshRow.contains(m_jobs[r].id)) {
            --r;
            continue;
        }
        int first = r;
        while (first > 0 && !freshRow.contains(m_jobs[first - 1].id))
            --first;
        beginRemoveRows({}, first, r);
        m_jobs.remove(first, r - first + 1);
        endRemoveRows();
        r = first - 1;
    }

    // 2. Rows that stay but moved (a new order, a changed due date): one layout change that keeps
    // persistent indexes (the selection) on their jobs.
    bool inOrder = true;
    for (int r = 1; r < m_jobs.size() && inOrder; ++r)
        inOrder = freshRow.value(m_jobs[r - 1].id) < freshRow.value(m_jobs[r].id);
    if (!inOrder) {
        emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        QList<Job> sorted = m_jobs;
        std::sort(sorted.begin(), sorted.end(), [&](const Job &a, const Job &b) { return freshRow.value(a.id) < freshRow.value(b.id); });
        QHash<QString, int> newRow;
        for (int r = 0; r < sorted.size(); ++r)
            newRow.insert(sorted[r].id, r);
        const QModelIndexList before = persistentIndexList();
        QModelIndexList after;
        after.reserve(before.size());
        for (const QModelIndex &i : before)
            after.append(index(newRow.value(m_jobs[i.row()].id), i.column()));
        m_jobs = sorted;
        changePersistentIndexList(before, after);
        emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    }

    // 3. Changed values, then 4. new rows at their places.
    for (int r = 0; r < m_jobs.size(); ++r) {
        const Job &f = fresh[freshRow.value(m_jobs[r].id)];
        if (!(m_jobs[r] == f)) {
            m_jobs[r] = f;
            emit dataChanged(index(r, 0), index(r, ColumnCount - 1));
        }
    }
    for (int i = 0; i < fresh.size();) {
        if (i < m_jobs.size() && m_jobs[i].id == fresh[i].id) {
            ++i;
            continue;
        }
        // Every row kept is in fresh's order now, so fresh[i] up to the next kept row are all new.
        const int end = i < m_jobs.size() ? int(freshRow.value(m_jobs[i].id)) : int(fresh.size());
        beginInsertRows({}, i, end - 1);
        for (int k = i; k < end; ++k)
            m_jobs.insert(k, fresh[k]);
        endInsertRows();
        i = end;
    }
}

int JobsTableModel::rowOfJob(const QString &jobId) const
{
    for (int r = 0; r < m_jobs.size(); ++r)
        if (m_jobs[r].id == jobId)
            return r;
    return -1;
}

int JobsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int JobsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString JobsTableModel::statusText(const QString &status)
{
    if (status == st::NotStarted)
        return tr("Not started");
    if (status == st::InProgress)
        return tr("In progress");
    if (status == st::OnHold)
        return tr("On hold");
    if (status == st::Completed)
        return tr("Completed");
    return status;
}

bool JobsTableModel::isOverdue(const Job &job) const
{
    return job.due.isValid() && job.status != st::Completed && job.due < QDateTime::currentDateTimeUtc();
}

int JobsTableModel::progress(const Job &job) const
{
    if (job.operations <= 0)
        return -1;
    return int(job.operationsDone * 100 / job.operations);
}

QVariant JobsTableModel::display(const Job &job, int column) const
{
    switch (column) {
    case JobColumn: return job.number;
    case CustomerColumn: return job.customer;
    case DueColumn: return job.due.isValid() ? QLocale().toString(job.due.toLocalTime().date(), QLocale::ShortFormat) : QString();
    case StatusColumn: return statusText(job.status);
    case CellColumn: return job.cell.isEmpty() ? QStringLiteral("—") : job.cell;
    case ProgressColumn: {
        const int pct = progress(job);
        return pct < 0 ? QStringLiteral("—") : tr("%1%").arg(pct);
    }
    case BulletColumn: return job.bulletParts > 0 ? QStringLiteral("★") : QString();
    }
    return {};
}

QVariant JobsTableModel::sortKey(const Job &job, int column) const
{
    switch (column) {
    case DueColumn:
        // Jobs without a due date sort after every dated one.
        return job.due.isValid() ? job.due.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
    case StatusColumn: return statusOrder(job.status);
    case ProgressColumn: return progress(job);
    case BulletColumn: return job.bulletParts;
    case CustomerColumn: return job.customer.toCaseFolded();
    default: return display(job, column);
    }
}

QVariant JobsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_jobs.size())
        return {};
    const Job &job = m_jobs[index.row()];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return display(job, column);
    case Qt::AccessibleTextRole:
        if (column == BulletColumn)
            return job.bulletParts > 0 ? tr("Bullet card") : tr("Not a bullet card");
        if (column == DueColumn && isOverdue(job))
            return tr("%1, overdue").arg(display(job, column).toString());
        return display(job, column);
    case Qt::ToolTipRole:
        if (column == DueColumn && job.due.isValid()) {
            const QString when = QLocale().toString(job.due.toLocalTime(), QLocale::LongFormat);
            return isOverdue(job) ? tr("Overdue — due %1").arg(when) : tr("Due %1").arg(when);
        }
        if (column == ProgressColumn)
            return tr("%1 of %2 operations completed").arg(job.operationsDone).arg(job.operations);
        if (column == BulletColumn && job.bulletParts > 0)
            return tr("Bullet card: %n part(s) to rush", nullptr, int(job.bulletParts));
        return {};
    case Qt::ForegroundRole:
        if (column == DueColumn && isOverdue(job))
            return darkPalette() ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
        if (column == BulletColumn)
            return QColor(0xe0, 0x9a, 0x00);
        return {};
    case Qt::FontRole:
        if (column == DueColumn && isOverdue(job)) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::DecorationRole: return column == StatusColumn ? QVariant(statusDot(job.status)) : QVariant();
    case Qt::TextAlignmentRole:
        if (column == BulletColumn || column == ProgressColumn)
            return int(Qt::AlignCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case JobIdRole: return job.id;
    case StatusRole: return job.status;
    case SortRole: return sortKey(job, column);
    case ProgressRole: return progress(job);
    }
    return {};
}

QVariant JobsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case JobColumn: return tr("Job");
    case CustomerColumn: return tr("Customer");
    case DueColumn: return tr("Due");
    case StatusColumn: return tr("Status");
    case CellColumn: return tr("Current cell");
    case ProgressColumn: return tr("Progress");
    case BulletColumn: return tr("Bullet");
    }
    return {};
}

} // namespace ery::ui
