#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace ery::client {
class EngineClient;
}

namespace ery::ui {

// The tenant's jobs with their progress, kept current by engine subscriptions. Reloads are applied
// as row-level differences rather than a reset, so selections and scroll positions survive the
// changes other terminals and processes make.
class JobsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { JobColumn, CustomerColumn, DueColumn, StatusColumn, CellColumn, ProgressColumn, BulletColumn, ColumnCount };
    enum Role {
        JobIdRole = Qt::UserRole + 1,
        StatusRole,   // the raw status (not_started, in_progress, ...)
        SortRole,     // a value that sorts naturally for every column
        SearchRole,   // job number and customer, what the search box matches
        ProgressRole, // percent of operations completed, -1 when the job has none
    };

    explicit JobsTableModel(client::EngineClient &client, QObject *parent = nullptr);

    // Shows the jobs of the signed-in shop (this tenant) and follows their changes.
    void setTenant(const QString &tenantId);
    QString tenantId() const { return m_tenantId; }
    void reload();
    int rowOfJob(const QString &jobId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusText(const QString &status);

signals:
    void loaded();
    void loadFailed(const QString &message);

private:
    struct Job {
        QString id;
        QString number;
        QString customer;
        QString status;
        QString cell;
        QDateTime due;
        qint64 operations = 0;
        qint64 operationsDone = 0;
        qint64 bulletParts = 0;
        bool operator==(const Job &) const = default;
    };

    void apply(const QList<Job> &fresh);
    bool isOverdue(const Job &job) const;
    int progress(const Job &job) const;
    QVariant display(const Job &job, int column) const;
    QVariant sortKey(const Job &job, int column) const;

    client::EngineClient &m_client;
    QString m_tenantId;
    bool m_loading = false;
    bool m_reloadAgain = false;
    QList<Job> m_jobs;
};

} // namespace ery::ui
