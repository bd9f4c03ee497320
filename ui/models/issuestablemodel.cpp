#include "issuestablemodel.h"

#include "client/engineclient.h"
#include "client/jsonfields.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QUrlQuery>

#include <utility>

using namespace ery::client;

namespace ery::ui {

namespace {

int severityRank(const QString &severity)
{
    if (severity == QLatin1String("critical"))
        return 0;
    if (severity == QLatin1String("high"))
        return 1;
    if (severity == QLatin1String("medium"))
        return 2;
    return 3;
}

int statusRank(const QString &status)
{
    if (status == QLatin1String("pending"))
        return 0;
    if (status == QLatin1String("approved"))
        return 1;
    if (status == QLatin1String("rejected"))
        return 2;
    return 3;
}

QColor severityColor(const QString &severity)
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    if (severity == QLatin1String("critical"))
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
    if (severity == QLatin1String("high"))
        return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xb2, 0x5e, 0x00);
    return {};
}

} // namespace

IssuesTableModel::IssuesTableModel(EngineClient &client, QObject *parent) : QAbstractTableModel(parent), m_client(client)
{
    m_client.subscribe({QStringLiteral("issues")}, this, [this] { reload(); });
}

void IssuesTableModel::setTenant(const QString &tenantId)
{
    if (tenantId == m_tenantId)
        return;
    beginResetModel();
    m_tenantId = tenantId;
    m_issues.clear();
    m_places.clear();
    m_placesAsked.clear();
    m_people.clear();
    m_peopleAsked = false;
    endResetModel();
    reload();
}

void IssuesTableModel::setStatusFilter(const QString &status)
{
    if (status == m_status)
        return;
    m_status = status;
    reload();
}

void IssuesTableModel::setSeverityFilter(const QString &severity)
{
    if (severity == m_severity)
        return;
    m_severity = severity;
    reload();
}

void IssuesTableModel::reload()
{
    if (m_tenantId.isEmpty())
        return;
    // One query in flight at a time; changes meanwhile ask for one more, so answers never arrive
    // out of order.
    if (m_loading) {
        m_reloadAgain = true;
        return;
    }
    m_loading = true;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
    if (!m_status.isEmpty())
        query.addQueryItem(QStringLiteral("status"), m_status);
    if (!m_severity.isEmpty())
        query.addQueryItem(QStringLiteral("severity"), m_severity);
    const QString tenant = m_tenantId;
    const QString asked = query.toString();
    m_client.get(QStringLiteral("/api/v1/issues?") + asked).then(this, [this, tenant, asked](const ApiReply &reply) {
        m_loading = false;
        if (tenant == m_tenantId) {
            if (reply.ok()) {
                const Json &rows = reply.data().value("issues", Json::array());
                QList<Issue> fresh;
                fresh.reserve(qsizetype(rows.size()));
                for (const Json &r : rows)
                    fresh.append(Issue{text(r, "id"), r});
                apply(fresh);
                resolvePlaces();
                resolvePeople();
                emit loaded();
            } else {
                emit loadFailed(reply.errorMessage());
            }
        }
        // A filter changed while this was on its way: its answer is for the old one.
        QUrlQuery now;
        now.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
        if (!m_status.isEmpty())
            now.addQueryItem(QStringLiteral("status"), m_status);
        if (!m_severity.isEmpty())
            now.addQueryItem(QStringLiteral("severity"), m_severity);
        if (std::exchange(m_reloadAgain, false) || tenant != m_tenantId || now.toString() != asked)
            reload();
    });
}

void IssuesTableModel::apply(const QList<Issue> &fresh)
{
    QHash<QString, qsizetype> freshRow;
    for (qsizetype i = 0; i < fresh.size(); ++i)
        freshRow.insert(fresh[i].id, i);

    for (int r = int(m_issues.size()) - 1; r >= 0; --r) {
        if (!freshRow.contains(m_issues[r].id)) {
            beginRemoveRows({}, r, r);
            m_issues.removeAt(r);
            endRemoveRows();
        }
    }
    QSet<QString> known;
    for (int r = 0; r < m_issues.size(); ++r) {
        known.insert(m_issues[r].id);
        const Issue &f = fresh[freshRow.value(m_issues[r].id)];
        if (!(m_issues[r] == f)) {
            m_issues[r] = f;
            emit dataChanged(index(r, 0), index(r, ColumnCount - 1));
        }
    }
    QList<Issue> added;
    for (const Issue &f : fresh)
        if (!known.contains(f.id))
            added.append(f);
    if (!added.isEmpty()) {
        const int first = int(m_issues.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_issues.append(added);
        endInsertRows();
    }
}

void IssuesTableModel::resolvePlaces()
{
    // operation → part → job, each asked once per operation; an issue's operation never changes.
    for (const Issue &i : std::as_const(m_issues)) {
        const QString opId = text(i.row, "operation_id");
        if (opId.isEmpty() || m_placesAsked.contains(opId))
            continue;
        m_placesAsked.insert(opId);
        const QString tenant = m_tenantId;
        m_client.get(QStringLiteral("/api/v1/operations/%1").arg(opId)).then(this, [this, tenant, opId](const ApiReply &op) {
            if (tenant != m_tenantId || !op.ok())
                return;
            const Json &operation = op.data().value("operation", Json::object());
            Place place;
            place.operation = text(operation, "operation_name");
            place.cell = text(operation, "cell_name");
            placeFound(opId, place);
            const QString partId = text(operation, "part_id");
            const QString cellId = text(operation, "cell_id");
            if (place.cell.isEmpty() && !cellId.isEmpty())
                m_client.get(QStringLiteral("/api/v1/cells/%1").arg(cellId)).then(this, [this, tenant, opId](const ApiReply &cell) {
                    if (tenant != m_tenantId || !cell.ok())
                        return;
                    Place p = m_places.value(opId);
                    p.cell = text(cell.data().value("cell", Json::object()), "name");
                    placeFound(opId, p);
                });
            if (partId.isEmpty())
                return;
            m_client.get(QStringLiteral("/api/v1/parts/%1").arg(partId)).then(this, [this, tenant, opId](const ApiReply &pr) {
                if (tenant != m_tenantId || !pr.ok())
                    return;
                const Json &part = pr.data().value("part", Json::object());
                Place p = m_places.value(opId);
                p.partNumber = text(part, "part_number");
                p.jobId = text(part, "job_id");
                placeFound(opId, p);
                if (p.jobId.isEmpty())
                    return;
                m_client.get(QStringLiteral("/api/v1/jobs/%1").arg(p.jobId)).then(this, [this, tenant, opId](const ApiReply &jr) {
                    if (tenant != m_tenantId || !jr.ok())
                        return;
                    Place q = m_places.value(opId);
                    q.jobNumber = text(jr.data().value("job", Json::object()), "job_number");
                    placeFound(opId, q);
                });
            });
        });
    }
}

void IssuesTableModel::placeFound(const QString &operationId, const Place &place)
{
    if (m_places.value(operationId) == place && m_places.contains(operationId))
        return;
    m_places.insert(operationId, place);
    for (int r = 0; r < m_issues.size(); ++r)
        if (text(m_issues[r].row, "operation_id") == operationId)
            emit dataChanged(index(r, WhereColumn), index(r, WhereColumn));
    emit detailsResolved();
}

void IssuesTableModel::resolvePeople()
{
    // Reporters are operators (the floor) or the signed-in admin; someone new asks again.
    bool unknown = false;
    for (const Issue &i : std::as_const(m_issues)) {
        const QString who = text(i.row, "created_by");
        if (!who.isEmpty() && !m_people.contains(who) && who != text(m_client.user(), "id"))
            unknown = true;
    }
    if (!unknown || m_peopleAsked)
        return;
    m_peopleAsked = true;
    const QString tenant = m_tenantId;
    m_client.get(QStringLiteral("/api/v1/operators?limit=1000")).then(this, [this, tenant](const ApiReply &reply) {
        if (tenant != m_tenantId)
            return;
        if (reply.ok())
            for (const Json &o : reply.data().value("operators", Json::array()))
                m_people.insert(text(o, "id"), text(o, "full_name"));
        if (!m_issues.isEmpty())
            emit dataChanged(index(0, ReporterColumn), index(int(m_issues.size()) - 1, ReporterColumn));
        emit detailsResolved();
        // Someone added since (a new operator reporting) is looked up on a later reload.
        for (const Issue &i : std::as_const(m_issues))
            if (!m_people.contains(text(i.row, "created_by")))
                return;
        m_peopleAsked = false;
    });
}

int IssuesTableModel::rowOfIssue(const QString &issueId) const
{
    for (int r = 0; r < m_issues.size(); ++r)
        if (m_issues[r].id == issueId)
            return r;
    return -1;
}

Json IssuesTableModel::issue(const QString &issueId) const
{
    const int r = rowOfIssue(issueId);
    return r < 0 ? Json() : m_issues[r].row;
}

QString IssuesTableModel::placeText(const QString &operationId) const
{
    const Place p = m_places.value(operationId);
    QStringList parts;
    if (!p.jobNumber.isEmpty())
        parts << p.jobNumber;
    if (!p.partNumber.isEmpty())
        parts << p.partNumber;
    if (!p.operation.isEmpty())
        parts << (p.cell.isEmpty() ? p.operation : tr("%1 (%2)").arg(p.operation, p.cell));
    return parts.join(QStringLiteral(" · "));
}

QString IssuesTableModel::personName(const QString &userId) const
{
    if (userId.isEmpty())
        return {};
    if (userId == text(m_client.user(), "id")) {
        const QString me = text(m_client.user(), "full_name");
        return me.isEmpty() ? text(m_client.user(), "username") : me;
    }
    return m_people.value(userId);
}

int IssuesTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_issues.size());
}

int IssuesTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString IssuesTableModel::statusText(const QString &status)
{
    if (status == QLatin1String("pending"))
        return tr("Pending review");
    if (status == QLatin1String("approved"))
        return tr("Approved");
    if (status == QLatin1String("rejected"))
        return tr("Rejected");
    if (status == QLatin1String("closed"))
        return tr("Closed");
    return status;
}

QString IssuesTableModel::severityText(const QString &severity)
{
    if (severity == QLatin1String("low"))
        return tr("Low");
    if (severity == QLatin1String("medium"))
        return tr("Medium");
    if (severity == QLatin1String("high"))
        return tr("High");
    if (severity == QLatin1String("critical"))
        return tr("Critical");
    return severity;
}

QString IssuesTableModel::categoryText(const QString &category)
{
    if (category == QLatin1String("material_defect"))
        return tr("Material defect");
    if (category == QLatin1String("dimensional"))
        return tr("Dimensional");
    if (category == QLatin1String("surface_finish"))
        return tr("Surface finish");
    if (category == QLatin1String("process_error"))
        return tr("Process error");
    if (category == QLatin1String("other"))
        return tr("Other");
    return category;
}

QString IssuesTableModel::dispositionText(const QString &disposition)
{
    if (disposition == QLatin1String("scrap"))
        return tr("Scrap");
    if (disposition == QLatin1String("rework"))
        return tr("Rework");
    if (disposition == QLatin1String("use_as_is"))
        return tr("Use as is");
    if (disposition == QLatin1String("return_to_supplier"))
        return tr("Return to supplier");
    return disposition;
}

QVariant IssuesTableModel::display(const Issue &issue, int column) const
{
    const Json &r = issue.row;
    switch (column) {
    case ReferenceColumn: {
        const QString ncr = text(r, "ncr_number");
        return ncr.isEmpty() ? tr("Issue") : ncr;
    }
    case TitleColumn: {
        const QString title = text(r, "title");
        return title.isEmpty() ? text(r, "description").simplified().left(120) : title;
    }
    case SeverityColumn: return severityText(text(r, "severity"));
    case StatusColumn: return statusText(text(r, "status"));
    case WhereColumn: {
        const QString where = placeText(text(r, "operation_id"));
        return where.isEmpty() ? QStringLiteral("…") : where;
    }
    case ReporterColumn: {
        const QString who = personName(text(r, "created_by"));
        return who.isEmpty() ? QStringLiteral("—") : who;
    }
    case ReportedColumn: {
        // Today's by the time, older ones by the day: the whole moment is in the tooltip.
        const QDateTime at = when(r, "created_at").toLocalTime();
        if (!at.isValid())
            return QString();
        if (at.date() == QDate::currentDate())
            return QLocale().toString(at.time(), QLocale::ShortFormat);
        return QLocale().toString(at.date(), QLocale::ShortFormat);
    }
    }
    return {};
}

QVariant IssuesTableModel::sortKey(const Issue &issue, int column) const
{
    switch (column) {
    case SeverityColumn: return severityRank(text(issue.row, "severity"));
    case StatusColumn: return statusRank(text(issue.row, "status"));
    case ReportedColumn: return text(issue.row, "created_at");
    default: return display(issue, column).toString().toCaseFolded();
    }
}

QVariant IssuesTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_issues.size())
        return {};
    const Issue &issue = m_issues[index.row()];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole: return display(issue, column);
    case Qt::ToolTipRole:
        if (column == TitleColumn)
            return text(issue.row, "description");
        if (column == ReportedColumn)
            return QLocale().toString(when(issue.row, "created_at").toLocalTime(), QLocale::LongFormat);
        if (column == WhereColumn)
            return display(issue, column);
        return {};
    case Qt::ForegroundRole:
        if (column == SeverityColumn) {
            const QColor c = severityColor(text(issue.row, "severity"));
            return c.isValid() ? QVariant(c) : QVariant();
        }
        return {};
    case Qt::FontRole:
        if (column == StatusColumn && text(issue.row, "status") == QLatin1String("pending")) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case IssueIdRole: return issue.id;
    case StatusRole: return text(issue.row, "status");
    case SeverityRole: return text(issue.row, "severity");
    case SortRole: return sortKey(issue, column);
    case SearchRole: {
        const Json &r = issue.row;
        return QStringList{text(r, "title"), text(r, "description"), text(r, "ncr_number"), placeText(text(r, "operation_id")),
                           personName(text(r, "created_by"))}
            .join(QLatin1Char(' '));
    }
    }
    return {};
}

QVariant IssuesTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ReferenceColumn: return tr("Ref.");
    case TitleColumn: return tr("Issue");
    case SeverityColumn: return tr("Severity");
    case StatusColumn: return tr("Status");
    case WhereColumn: return tr("Job · part · operation");
    case ReporterColumn: return tr("Reported by");
    case ReportedColumn: return tr("Reported");
    }
    return {};
}

} // namespace ery::ui
