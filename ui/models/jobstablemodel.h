#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace ery::client {
class EngineClient;
}

namespace ery::ui {

// The tenant's jobs with their progress, kept current by engine subscriptions, a page at a time:
// the hub sorts and searches (GET /api/v1/jobs/overview) and the view asks for more rows as it
// scrolls (canFetchMore/fetchMore), so a shop with 100,000 operations never comes to the window
// whole. Reloads are applied as row-level differences (moves as a layout change) rather than a
// reset, so selections and scroll positions survive the changes other terminals and processes make.
class JobsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { JobColumn, CustomerColumn, DueColumn, StatusColumn, CellColumn, ProgressColumn, BulletColumn, ColumnCount };
    enum Role {
        JobIdRole = Qt::UserRole + 1,
        StatusRole,   // the raw status (not_started, in_progress, ...)
        SortRole,     // the value the column sorts by (the hub sorts; this is what it compares)
        ProgressRole, // percent of operations completed, -1 when the job has none
    };

    explicit JobsTableModel(client::EngineClient &client, QObject *parent = nullptr);

    static constexpr int kPageSize = 200;

    // Shows the jobs of the signed-in shop (this tenant) and follows their changes.
    void setTenant(const QString &tenantId);
    QString tenantId() const { return m_tenantId; }
    // Reads again the rows loaded so far (at least a page) in the current order and search.
    void reload();
    // Jobs whose number or customer contains `text` (any case); empty: every job.
    void setSearch(const QString &text);
    QString search() const { return m_search; }
    // The row of the job among those loaded; -1 when it is not (yet) loaded or does not match.
    int rowOfJob(const QString &jobId) const;
    // How many jobs match in the hub, loaded or not (known after the first answer).
    qint64 total() const { return m_total; }
    bool isLoading() const { return m_loading; }

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;

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

    QString pagePath(int offset, int limit) const;
    // Reads rows [offset, offset + count) in requests of at most 1,000, then replaces (reload) or
    // extends (fetchMore) the rows with them.
    void load(int offset, int count, QList<Job> got, quint64 generation, bool replace);
    void finishLoad();
    void apply(const QList<Job> &fresh);
    void append(const QList<Job> &more);
    bool isOverdue(const Job &job) const;
    int progress(const Job &job) const;
    QVariant display(const Job &job, int column) const;
    QVariant sortKey(const Job &job, int column) const;

    client::EngineClient &m_client;
    QString m_tenantId;
    QString m_search;
    int m_sortColumn = DueColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    // Bumped when the tenant, search or order changes: answers to older questions are dropped.
    quint64 m_generation = 0;
    bool m_loading = false;
    bool m_reloadAgain = false;
    bool m_fetchAgain = false;
    qint64 m_total = 0;
    QList<Job> m_jobs;
};

} // namespace ery::ui
