#pragma once

#include "client/apireply.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

namespace ery::client {
class EngineClient;
}

namespace ery::ui {

// The shop's issues and NCRs (GET /api/v1/issues), narrowed by status and severity on the hub and
// kept current by a subscription on the issues table. Reloads are applied as row differences, so
// the selection survives changes made elsewhere. Where each issue was reported (job, part,
// operation, cell) and who reported it are looked up once per operation and per person, and
// filled in as the answers arrive.
class IssuesTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ReferenceColumn, TitleColumn, SeverityColumn, StatusColumn, WhereColumn, ReporterColumn, ReportedColumn, ColumnCount };
    enum Role {
        IssueIdRole = Qt::UserRole + 1,
        StatusRole,   // pending, approved, rejected, closed
        SeverityRole, // low, medium, high, critical
        SortRole,
        SearchRole, // title, description, NCR number, job, part, operation and reporter
    };

    // Where an issue was reported, as far as it is known yet.
    struct Place {
        QString operation;
        QString cell;
        QString partNumber;
        QString jobNumber;
        QString jobId;
        bool operator==(const Place &) const = default;
    };

    explicit IssuesTableModel(client::EngineClient &client, QObject *parent = nullptr);

    void setTenant(const QString &tenantId);
    QString tenantId() const { return m_tenantId; }
    // Empty for every status / severity.
    void setStatusFilter(const QString &status);
    void setSeverityFilter(const QString &severity);
    QString statusFilter() const { return m_status; }
    QString severityFilter() const { return m_severity; }
    void reload();

    int rowOfIssue(const QString &issueId) const;
    // The issue's row as the hub answered it; null when it is not in the list.
    Json issue(const QString &issueId) const;
    Place placeOf(const QString &operationId) const { return m_places.value(operationId); }
    QString placeText(const QString &operationId) const;
    QString personName(const QString &userId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusText(const QString &status);
    static QString severityText(const QString &severity);
    static QString categoryText(const QString &category);
    static QString dispositionText(const QString &disposition);

signals:
    void loaded();
    void loadFailed(const QString &message);
    // Where an issue was reported, or who reported it, became known.
    void detailsResolved();

private:
    struct Issue {
        QString id;
        Json row;
        bool operator==(const Issue &other) const { return id == other.id && row == other.row; }
    };

    void apply(const QList<Issue> &fresh);
    void resolvePlaces();
    void resolvePeople();
    void placeFound(const QString &operationId, const Place &place);
    QVariant display(const Issue &issue, int column) const;
    QVariant sortKey(const Issue &issue, int column) const;

    client::EngineClient &m_client;
    QString m_tenantId;
    QString m_status;
    QString m_severity;
    bool m_loading = false;
    bool m_reloadAgain = false;
    QList<Issue> m_issues;
    QHash<QString, Place> m_places;
    QSet<QString> m_placesAsked;
    QHash<QString, QString> m_people;
    bool m_peopleAsked = false;
};

} // namespace ery::ui
