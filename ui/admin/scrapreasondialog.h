#pragma once

#include "client/apireply.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace ery::client {
class EngineClient;
}

namespace ery::ui {

// Creates a scrap reason (POST /api/v1/scrap-reasons) or edits one (PATCH …/{id}): code,
// description and category. The hub's refusal (a code already used, a field too long) is shown in
// its words and the dialog stays open; it closes (accepted) once the reason is stored.
class ScrapReasonDialog : public QDialog {
    Q_OBJECT
public:
    // `existing` is the reason as listed, or null to create one.
    ScrapReasonDialog(client::EngineClient &client, const Json &existing, QWidget *parent = nullptr);

    QString errorText() const;

    static QString categoryText(const QString &category);
    static const QStringList &categories();

private:
    void save();

    client::EngineClient &m_client;
    QString m_id;
    QLineEdit *m_code;
    QLineEdit *m_description;
    QComboBox *m_category;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace ery::ui
