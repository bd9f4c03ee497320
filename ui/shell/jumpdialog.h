#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace ery::client {
class EngineClient;
}

namespace ery::ui {

// Ctrl+K: go to a job by its number, or to the job of a part by the part's number. Asks the hub
// (GET /api/v1/jobs and /api/v1/parts with `search`) and answers with the job's id; a number that
// matches nothing, or more than one job, is said in the dialog, which stays open.
class JumpDialog : public QDialog {
    Q_OBJECT
public:
    explicit JumpDialog(client::EngineClient &client, QWidget *parent = nullptr);

signals:
    void jobChosen(const QString &jobId);

private:
    void find();
    void findPart(const QString &number);

    client::EngineClient &m_client;
    QLineEdit *m_number;
    QLabel *m_message;
};

} // namespace ery::ui
