#pragma once

#include "client/apireply.h"

#include <QHash>
#include <QWizard>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;

namespace ery::client {
class EngineClient;
}

namespace ery::ui {

// Creates a job in three steps — the job, its parts, each part's routing (operations with a cell
// picked from the shop's cells and an estimate) — and sends it as one request (POST /api/v1/jobs
// with nested parts and operations), so the job arrives whole or not at all. A refusal is shown in
// the hub's words on the last page, which stays open with everything typed; only an accepted job
// closes the wizard (created, with its id).
//
// edit() opens an existing job the same way, filled from GET /api/v1/jobs/{id}/tree, with each
// operation's status shown. Saving sends only what changed, one request per change: the job's
// fields, removed operations, removed parts, changed parts and operations (renumbered when a
// routing's rows were added, removed or moved), new parts with their routing, new operations. The
// first refusal stops it and is shown in the hub's words, naming the change. When it was the first
// request, nothing is saved and the pages keep what was typed; otherwise what was sent before it
// stays saved and the wizard reads the job again. Only a save the hub took whole closes it (saved).
class JobWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { JobPageId, PartsPageId, RoutingPageId };

    explicit JobWizard(client::EngineClient &client, QWidget *parent = nullptr);
    // The wizard on an existing job; it reads the job (after the shop's cells) and fills the pages.
    static JobWizard *edit(client::EngineClient &client, const QString &jobId, QWidget *parent = nullptr);

    // The request body as the pages stand (the routing on screen is taken in first).
    Json body();
    QString errorText() const;
    QString jobId() const { return m_jobId; }
    // Editing: the job has been read and the pages show it.
    bool isLoaded() const { return !m_original.is_null(); }
    // Fields for tests and keyboard users alike.
    QLineEdit *jobNumber() const { return m_jobNumber; }
    QLineEdit *customer() const { return m_customer; }
    QTableWidget *parts() const { return m_parts; }
    QTableWidget *routing() const { return m_routing; }
    QComboBox *routingPart() const { return m_routingPart; }
    int cellCount() const { return int(m_cells.size()); }
    // Adds an operation row to the routing of the part shown (cell by name).
    void addOperation(const QString &name, const QString &cellName, int minutes);

signals:
    void created(const QString &jobId, const QString &jobNumber);
    void saved(const QString &jobId);

protected:
    void accept() override;
    bool validateCurrentPage() override;
    void initializePage(int id) override;
    void cleanupPage(int id) override;

private:
    // One request of a save, and the record it changes in the shop's words ("Part BRK-100, operation 2").
    struct Change {
        QString method;
        QString path;
        Json body;
        QString what;
    };

    QWidget *buildJobPage();
    QWidget *buildPartsPage();
    QWidget *buildRoutingPage();
    void addPartRow();
    void addOperationRow(const Json &op);
    void storeRouting();
    void showRouting(int partRow);
    void listRoutingParts(int shown);
    void copyRoutingToAll();
    void moveOperation(int by);
    QComboBox *cellPicker(const QString &cellId = {}) const;
    void setError(const QString &text);
    Json dueDate() const;
    void create();
    void load();
    void fill(const Json &job);
    QList<Change> changes();
    void send(const QList<Change> &changes, int next);

    client::EngineClient &m_client;
    QLineEdit *m_jobNumber;
    QLineEdit *m_customer;
    QCheckBox *m_hasDue;
    QDateEdit *m_due;
    QPlainTextEdit *m_notes;
    QTableWidget *m_parts;
    QComboBox *m_routingPart;
    QTableWidget *m_routing;
    QLabel *m_jobError;
    QLabel *m_partsError;
    QLabel *m_error;
    // The shop's active cells (id, name), read when the wizard opens, and every cell's name (an
    // operation may be in a cell since deactivated).
    QList<QPair<QString, QString>> m_cells;
    QHash<QString, QString> m_cellNames;
    // Each part row's routing: [{operation_name, cell_id, estimated_time, and when editing id and
    // status}], kept while the admin switches between parts.
    QHash<int, Json> m_routings;
    int m_shownPart = -1;
    bool m_sending = false;
    // Editing: the job's id and its tree as the hub last answered it.
    QString m_jobId;
    Json m_original;
};

} // namespace ery::ui
