#pragma once

#include <QWidget>

#include <nlohmann/json.hpp>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace ery::client {
class EngineClient;
}

namespace ery::ui {

class RecordTableModel;
class RecordView;

// The shop's audit trail (GET /api/v1/activity): who changed what and when, newest first, with
// search, a kind-of-record filter and a period; the selected entry's old and new values below.
// Pages of 200 are read as the admin asks for more. Live: a change to the shop's records reloads
// the trail while the page is shown (once, a moment after a burst), or when it is shown again.
class ActivityPage : public QWidget {
    Q_OBJECT
public:
    using Json = nlohmann::ordered_json;
    explicit ActivityPage(client::EngineClient &client, QWidget *parent = nullptr);

    RecordView *view() const { return m_view; }
    void reload();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QString query(int offset) const;
    void load(int offset);
    void showChanges();

    client::EngineClient &m_client;
    RecordTableModel *m_model;
    RecordView *m_view;
    QLineEdit *m_search;
    QComboBox *m_kind;
    QComboBox *m_period;
    QLabel *m_count;
    QLabel *m_error;
    QPushButton *m_more;
    QPlainTextEdit *m_changes;
    QTimer *m_searchDelay;
    Json m_rows = Json::array();
    qint64 m_total = 0;
    int m_generation = 0; // an answer to an older query is dropped
    bool m_stale = false;
};

} // namespace ery::ui
