#include "apikeystab.h"

#include "client/engineclient.h"
#include "client/jsonfields.h"
#include "formdialog.h"
#include "models/recordtablemodel.h"
#include "recordview.h"
#include "secretdialog.h"

#include <QColor>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

using namespace ery::client;

namespace ery::ui {

namespace {

QString scopeText(const QString &scope)
{
    if (scope == QLatin1String("read"))
        return ApiKeysTab::tr("Read only");
    if (scope == QLatin1String("admin"))
        return ApiKeysTab::tr("Admin");
    if (scope == QLatin1String("terminal"))
        return ApiKeysTab::tr("Floor terminal");
    return ApiKeysTab::tr("Read and write");
}

QString environmentText(const QString &environment)
{
    return environment == QLatin1String("test") ? ApiKeysTab::tr("Test (sandbox)") : ApiKeysTab::tr("Live");
}

} // namespace

ApiKeysTab::ApiKeysTab(EngineClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_count(new QLabel(this)), m_new(new QPushButton(tr("&New API key…"), this)),
      m_revoke(new QPushButton(tr("&Revoke…"), this))
{
    using Row = RecordTableModel::Json;
    m_model = new RecordTableModel(
        {
            {tr("Name"), [](const Row &r) { return text(r, "name"); }},
            {tr("Key"), [](const Row &r) { return tr("%1…%2").arg(text(r, "key_prefix"), text(r, "key_last4")); }},
            {tr("Scope"), [](const Row &r) { return scopeText(text(r, "scope")); }},
            {tr("Environment"), [](const Row &r) { return environmentText(text(r, "environment")); }},
            {tr("Status"),
             [](const Row &r) {
                 return flag(r, "active") ? tr("Active") : tr("Revoked %1").arg(RecordTableModel::timeText(r, "revoked_at"));
             },
             {},
             [](const Row &r) { return flag(r, "active") ? QVariant() : QVariant(QColor(0x9e, 0x9e, 0x9e)); }},
            {tr("Last used"), [](const Row &r) { return RecordTableModel::timeText(r, "last_used_at", tr("Never")); },
             [](const Row &r) { return RecordTableModel::timeKey(r, "last_used_at"); }},
            {tr("Created"), [](const Row &r) { return RecordTableModel::timeText(r, "created_at"); },
             [](const Row &r) { return RecordTableModel::timeKey(r, "created_at"); }},
        },
        this);
    m_view = new RecordView(m_model, QStringLiteral("apiKeysTable"), tr("API keys"), this);
    m_view->setEmptyText(tr("No API keys yet. Create one for each system that connects to this shop (an ERP, a PLC gateway, a script), so each can be revoked alone."));
    m_view->sortByColumn(6, Qt::DescendingOrder);
    QHeaderView *header = m_view->horizontalHeader();
    header->resizeSection(0, 200);
    header->resizeSection(1, 190);
    header->resizeSection(2, 120);
    header->resizeSection(3, 120);
    header->resizeSection(4, 110);
    header->resizeSection(5, 150);
    header->resizeSection(6, 150);

    m_new->setObjectName(QStringLiteral("newApiKeyButton"));
    m_new->setAccessibleName(tr("New API key"));
    m_new->setToolTip(tr("Create a key for a program that uses the REST API (an ERP, a script)"));
    m_revoke->setObjectName(QStringLiteral("revokeApiKeyButton"));
    m_revoke->setAccessibleName(tr("Revoke API key"));
    m_revoke->setToolTip(tr("Stop the selected key from working, at once"));
    m_count->setForegroundRole(QPalette::PlaceholderText);
    m_count->setTextFormat(Qt::PlainText);
    connect(m_new, &QPushButton::clicked, this, &ApiKeysTab::create);
    connect(m_revoke, &QPushButton::clicked, this, &ApiKeysTab::confirmRevoke);
    connect(m_view, &RecordView::selectedIdChanged, this, &ApiKeysTab::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ApiKeysTab::updateActions);

    auto *tools = new QHBoxLayout;
    tools->addWidget(m_count);
    tools->addStretch();
    tools->addWidget(m_new);
    tools->addWidget(m_revoke);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addLayout(tools);
    layout->addWidget(m_view, 1);

    m_client.subscribe({QStringLiteral("api_keys")}, this, [this] { reload(); });
    updateActions();
}

void ApiKeysTab::setActive(bool signedIn)
{
    m_active = signedIn;
    if (!signedIn) {
        m_model->clear();
        m_count->clear();
    } else {
        reload();
    }
    updateActions();
}

void ApiKeysTab::reload()
{
    if (!m_active)
        return;
    m_client.get(QStringLiteral("/api/v1/api-keys?limit=1000")).then(this, [this](const ApiReply &reply) {
        if (!m_active)
            return;
        if (!reply.ok()) {
            m_count->setText(tr("Could not load the API keys: %1").arg(reply.errorMessage()));
            return;
        }
        const Json &rows = reply.data().value("api_keys", Json::array());
        m_model->setRows(rows);
        int active = 0;
        for (const Json &r : rows)
            active += flag(r, "active") ? 1 : 0;
        m_count->setText(tr("%n active key(s)", nullptr, active));
        updateActions();
    });
}

void ApiKeysTab::updateActions()
{
    const int row = m_view->selectedRecordRow();
    m_new->setEnabled(m_active);
    m_revoke->setEnabled(m_active && !m_busy && row >= 0 && flag(m_model->row(row), "active"));
}

void ApiKeysTab::create()
{
    auto *dialog = new FormDialog(tr("New API key"), tr("Create key"), this);
    dialog->setObjectName(QStringLiteral("apiKeyDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *name = new QLineEdit(dialog);
    name->setObjectName(QStringLiteral("keyName"));
    name->setPlaceholderText(tr("What uses it, e.g. ERP or Label printer"));
    auto *scope = new QComboBox(dialog);
    scope->setObjectName(QStringLiteral("keyScope"));
    scope->addItem(tr("Read only"), QStringLiteral("read"));
    scope->addItem(tr("Read and write"), QStringLiteral("read_write"));
    scope->addItem(tr("Admin (also manages keys)"), QStringLiteral("admin"));
    scope->addItem(tr("Floor terminal (only signs operators in with their PIN)"), QStringLiteral("terminal"));
    scope->setCurrentIndex(1);
    auto *environment = new QComboBox(dialog);
    environment->setObjectName(QStringLiteral("keyEnvironment"));
    environment->addItem(tr("Live: the shop's own data"), QStringLiteral("live"));
    environment->addItem(tr("Test: the sandbox copy, for trying things out"), QStringLiteral("test"));
    dialog->addRow(tr("&Name:"), name, tr("Key name"));
    dialog->addRow(tr("&Scope:"), scope, tr("Scope"));
    dialog->addRow(tr("&Environment:"), environment, tr("Environment"));
    dialog->setSubmit([this, name, scope, environment] {
        return m_client.post(QStringLiteral("/api/v1/api-keys"), Json{{"name", utf8(name->text().trimmed())},
                                                                      {"scope", utf8(scope->currentData().toString())},
                                                                      {"environment", utf8(environment->currentData().toString())}});
    });
    connect(dialog, &FormDialog::succeeded, this, [this](const ApiReply &reply) {
        const Json &key = reply.data().value("api_key", Json::object());
        auto *shown = new SecretDialog(tr("API key created"),
                                       tr("The API key “%1” was created. Give it to the program with the header "
                                          "Authorization: Bearer <key>.")
                                           .arg(text(key, "name")),
                                       text(key, "key"),
                                       tr("Copy the key now and keep it somewhere safe: it is shown only this once and "
                                          "cannot be retrieved again. If it is lost, revoke it and create a new one."),
                                       this);
        shown->setAttribute(Qt::WA_DeleteOnClose);
        shown->open();
        reload();
        m_view->selectId(text(key, "id"));
    });
    dialog->open();
}

void ApiKeysTab::confirmRevoke()
{
    const int row = m_view->selectedRecordRow();
    if (row < 0 || m_busy)
        return;
    const Json key = m_model->row(row);
    const QString id = text(key, "id");
    const QString name = text(key, "name");
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Revoke API key"),
                                tr("Revoke the API key “%1” (%2…%3)?").arg(name, text(key, "key_prefix"), text(key, "key_last4")),
                                QMessageBox::NoButton, this);
    box->setTextFormat(Qt::PlainText);
    box->setObjectName(QStringLiteral("confirmRevoke"));
    box->setInformativeText(tr("Every program using this key is refused from its next request. A revoked key cannot be "
                               "turned back on; the program will need a new key."));
    QPushButton *yes = box->addButton(tr("Revoke %1").arg(name), QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("confirmButton"));
    QPushButton *no = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(no);
    box->setEscapeButton(no);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, yes, id, name] {
        if (box->clickedButton() != yes)
            return;
        m_busy = true;
        updateActions();
        m_client.remove(QStringLiteral("/api/v1/api-keys/%1").arg(id)).then(this, [this, name](const ApiReply &reply) {
            m_busy = false;
            reload();
            if (reply.ok())
                return;
            auto *failed = new QMessageBox(QMessageBox::Warning, tr("Key not revoked"),
                                           tr("The API key “%1” could not be revoked.").arg(name), QMessageBox::Ok, this);
            failed->setTextFormat(Qt::PlainText);
            failed->setInformativeText(reply.errorMessage());
            failed->setAttribute(Qt::WA_DeleteOnClose);
            failed->open();
        });
    });
    box->open();
}

} // namespace ery::ui
