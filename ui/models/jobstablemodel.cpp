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
    endResetModel();
    reload();
}

void JobsTableModel::reload()
{
    if (m_tenantId.isEmpty())
        return;
    // One query in flight at a time; changes during it ask for one more, so answers never arrive
    // out of order and a burst of events costs two queries, not one per event.
    if (m_loading) {
        m_reloadAgain = true;
        return;
    }
    m_loading = true;
    const QString tenant = m_tenantId;
    m_client.get(QStringLiteral("/api/v1/jobs/overview")).then(this, [this, tenant](const ApiReply &reply) {
        m_loading = false;
        if (tenant == m_tenantId) {
            if (reply.ok()) {
                const Json &rows = reply.data().value("jobs", Json::array());
                QList<Job> fresh;
                fresh.reserve(qsizetype(rows.size()));
                for (const Json &r : rows) {
                    fresh.append(Job{text(r, "id"), text(r, "job_number"), text(r, "customer"), text(r, "status"),
                                     text(r, "current_cell_name"), when(r, "due_date"), number(r, "operation_count"),
                                     number(r, "operations_completed"), number(r, "bullet_parts")});
                }
                apply(fresh);
                emit loaded();
            } else {
                emit loadFailed(reply.errorMessage());
            }
        }
        if (std::exchange(m_reloadAgain, false) || tenant != m_tenantId)
            reload();
    });
}

void JobsTableModel::apply(const QList<Job> &fresh)
{
    QHash<QString, qsizetype> freshRow;
    for (qsizetype i = 0; i < fresh.size(); ++i)
        freshRow.insert(fresh[i].id, i);

    for (int r = int(m_jobs.size()) - 1; r >= 0; --r) {
        if (!freshRow.contains(m_jobs[r].id)) {
            beginRemoveRows({}, r, r);
            m_jobs.removeAt(r);
            endRemoveRows();
        }
    }

    QSet<QString> known;
    for (int r = 0; r < m_jobs.size(); ++r) {
        known.insert(m_jobs[r].id);
        const Job &f = fresh[freshRow.value(m_jobs[r].id)];
        if (!(m_jobs[r] == f)) {
            m_jobs[r] = f;
            emit dataChanged(index(r, 0), index(r, ColumnCount - 1));
        }
    }

    QList<Job> added;
    for (const Job &f : fresh)
        if (!known.contains(f.id))
            added.append(f);
    if (!added.isEmpty()) {
        const int first = int(m_jobs.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_jobs.append(added);
        endInsertRows();
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
    case SearchRole: return job.number + QLatin1Char(' ') + job.customer;
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
