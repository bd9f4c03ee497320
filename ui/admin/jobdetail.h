#pragma once

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace ery::client {
class EngineClient;
}

namespace ery::ui {

// One job as the shop follows it: its parts, each with its routing (operations in order, the cell
// doing them, status, booked against estimated time, who is assigned). Read from
// GET /api/v1/jobs/{id}/tree with the cells' and operators' names.
class JobDetail : public QWidget {
    Q_OBJECT
public:
    explicit JobDetail(client::EngineClient &client, QWidget *parent = nullptr);

    // Shows the job (empty: nothing); a later call wins over an answer still on its way.
    void showJob(const QString &jobId);
    QString jobId() const { return m_jobId; }
    QTreeWidget *tree() const { return m_tree; }

signals:
    void shown();

private:
    client::EngineClient &m_client;
    QLabel *m_title;
    QTreeWidget *m_tree;
    QString m_jobId;
    int m_generation = 0;
};

} // namespace ery::ui
