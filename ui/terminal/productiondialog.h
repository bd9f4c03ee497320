#pragma once

#include "client/apireply.h"

#include <QDialog>
#include <QMap>

class QLabel;
class QPushButton;
class QSpinBox;
class QVBoxLayout;

namespace ery::client {
class EngineClient;
}

namespace ery::ui {

// Report production on an operation: good pieces, rework, and scrap split over its reasons (every
// active reason of GET /api/v1/scrap-reasons is a row, so a report can name several at once). The
// counts are set with big − and + keys or typed. The body it makes is the hub's
// POST /api/v1/production with scrap_lines; the terminal sends it through its action journal.
class ProductionDialog : public QDialog {
    Q_OBJECT
public:
    ProductionDialog(client::EngineClient &client, const QString &operationId, const QString &title, QWidget *parent = nullptr);

    QSpinBox *goodBox() const { return m_good; }
    QSpinBox *reworkBox() const { return m_rework; }
    // The count of scrap for a reason (by its id), once the reasons are read; null before.
    QSpinBox *scrapBox(const QString &reasonId) const { return m_scrap.value(reasonId); }
    QStringList reasonIds() const { return m_scrap.keys(); }
    // POST /api/v1/production's body for what is filled in.
    Json body(const QString &recordedBy) const;

signals:
    // The scrap reasons were read and are shown.
    void reasonsShown();

private:
    void loadReasons();
    void updateTotal();

    client::EngineClient &m_client;
    QString m_operationId;
    QSpinBox *m_good;
    QSpinBox *m_rework;
    QMap<QString, QSpinBox *> m_scrap;
    QVBoxLayout *m_reasons;
    QLabel *m_total;
    QPushButton *m_send;
};

} // namespace ery::ui
