#pragma once

#include "client/apireply.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace ery::client {
class EngineClient;
}

namespace ery::ui {

class FilesPanel;

// One job as the shop follows it: its parts, each with its routing (operations in order, the cell
// doing them, status, booked against estimated time, who is assigned). Read from
// GET /api/v1/jobs/{id}/tree with the cells' and operators' names. Below, the files of the part
// selected in it (the first part until one is chosen): drawings, CAD files and photos.
class JobDetail : public QWidget {
    Q_OBJECT
public:
    explicit JobDetail(client::EngineClient &client, QWidget *parent = nullptr);

    // Shows the job (empty: nothing); a later call wins over an answer still on its way.
    void showJob(const QString &jobId);
    QString jobId() const { return m_jobId; }
    QTreeWidget *tree() const { return m_tree; }
    FilesPanel *files() const { return m_files; }

signals:
    void shown();

private:
    void draw(const Json &job);
    // The files panel follows the part of `item` (a part, or one of its operations).
    void followPart(QTreeWidgetItem *item);

    client::EngineClient &m_client;
    QLabel *m_title;
    QTreeWidget *m_tree;
    FilesPanel *m_files;
    QString m_jobId;
    int m_generation = 0;
    // Names of the shop's cells and operators by id, read again only when a job names one not
    // known yet (a new cell, a new operator) and forgotten at sign-out.
    QHash<QString, QString> m_cellNames, m_operatorNames;
};

} // namespace ery::ui
