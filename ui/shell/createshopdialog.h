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

// "Create my shop" on a database without one: the shop's name, its first admin (username, name,
// password twice), the ISA-95 enterprise and site, its time zone and starter cells. The hub
// (POST /api/v1/setup/shop) makes the shop, its sandbox twin and the admin in one transaction; a refusal is shown in
// the dialog, which stays open. Accepted: shop() and admin() hold what was created.
class CreateShopDialog : public QDialog {
    Q_OBJECT
public:
    explicit CreateShopDialog(client::EngineClient &client, QWidget *parent = nullptr);

    const Json &shop() const { return m_shop; }
    const Json &admin() const { return m_admin; }

    // The input as the service takes it (exposed for tests).
    Json input() const;

private:
    void create();
    void showError(const QString &message);

    client::EngineClient &m_client;
    QLineEdit *m_name, *m_username, *m_fullName, *m_password, *m_confirm, *m_enterprise, *m_site, *m_cells;
    QComboBox *m_timezone;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    Json m_shop, m_admin;
};

} // namespace ery::ui
