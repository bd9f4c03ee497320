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
class JobWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { JobPageId, PartsPageId, RoutingPageId };

    explicit JobWizard(client::EngineClient &client, QWidget *parent = nullptr);

    // The request body as the pages stand (the routing on screen is taken in first).
    Json body();
    QString errorText() const;
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

protected:
    void accept() override;
    bool validateCurrentPage() override;
    void initializePage(int id) override;

private:
    QWidget *buildJobPage();
    QWidget *buildPartsPage();
    QWidget *buildRoutingPage();
    void addPartRow();
    void storeRouting();
    void showRouting(int partRow);
    void copyRoutingToAll();
    QComboBox *cellPicker(const QString &cellId = {}) const;
    void setError(const QString &text);

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
    // The shop's cells (id, name), read when the wizard opens.
    QList<QPair<QString, QString>> m_cells;
    // Each part row's routing: [{operation_name, cell_id, estimated_time}], kept while the admin
    // switches between parts.
    QHash<int, Json> m_routings;
    int m_shownPart = -1;
    bool m_sending = false;
};

} // namespace ery::ui
