#include "mcpkeystab.h"

#include "client/engineclient.h"
#include "client/jsonfields.h"
#include "formdialog.h"
#include "models/recordtablemodel.h"
#include "recordview.h"
#include "secretdialog.h"
#include "shell/theme.h"

#include <QButtonGroup>
#include <QColor>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

using namespace ery::client;

namespace ery::ui {

namespace {

QStringList toolsOf(const Json &row)
{
    QStringList out;
    const Json tools = row.value("allowed_tools", Json::array());
    if (tools.is_array())
        for (const Json &t : tools)
            if (t.is_string())
                out << QString::fromStdString(t.get<std::string>());
    return out;
}

QString toolsText(const Json &row)
{
    const QStringList tools = toolsOf(row);
    if (tools.isEmpty() || tools == QStringList{QStringLiteral("*")})
        return McpKeysTab::tr("All tools");
    return McpKeysTab::tr("%n tool(s): %1", nullptr, int(tools.size())).arg(tools.join(QStringLiteral(", ")));
}

} // namespace

McpKeysTab::McpKeysTab(EngineClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_count(new QLabel(this)), m_usageTitle(new QLabel(this)),
      m_new(new QPushButton(tr("&New MCP key…"), this)), m_revoke(new QPushButton(tr("&Revoke…"), this))
{
    using Row = RecordTableModel::Json;
    m_model = new RecordTableModel(
        {
            {tr("Name"), [](const Row &r) { return text(r, "name"); }},
            {tr("Key"), [](const Row &r) { return tr("%1…").arg(text(r, "key_prefix")); }},
            {tr("Environment"),
             [](const Row &r) { return text(r, "environment") == QLatin1String("test") ? tr("Test (sandbox)") : tr("Live"); }},
            {tr("Allowed tools"), [](const Row &r) { return toolsText(r); }},
            {tr("Rate limit"), [](const Row &r) { return tr("%1 per minute").arg(QLocale().toString(number(r, "rate_limit"))); },
             [](const Row &r) { return number(r, "rate_limit"); }},
            {tr("Calls"), [](const Row &r) { return QLocale().toString(number(r, "usage_count")); },
             [](const Row &r) { return number(r, "usage_count"); }},
            {tr("Last used"), [](const Row &r) { return RecordTableModel::timeText(r, "last_used_at", tr("Never")); },
             [](const Row &r) { return RecordTableModel::timeKey(r, "last_used_at"); }},
            {tr("Status"),
             [](const Row &r) { return flag(r, "enabled") ? tr("Active") : tr("Revoked"); },
             {},
             [](const Row &r) { return flag(r, "enabled") ? QVariant() : QVariant(QColor(0x9e, 0x9e, 0x9e)); }},
        },
        this);
    m_view = new RecordView(m_model, QStringLiteral("mcpKeysTable"), tr("MCP keys"), this);
    m_view->setEmptyText(tr("No MCP keys yet. Create one for each AI agent, with only the tools it needs."));
    QHeaderView *header = m_view->horizontalHeader();
    header->resizeSection(0, 170);
    header->resizeSection(1, 140);
    header->resizeSection(2, 110);
    header->resizeSection(3, 230);
    header->resizeSection(4, 110);
    header->resizeSection(5, 70);
    header->resizeSection(6, 140);

    m_usageModel = new RecordTableModel(
        {
            {tr("Time"), [](const Row &r) { return RecordTableModel::timeText(r, "created_at"); },
             [](const Row &r) { return RecordTableModel::timeKey(r, "created_at"); }},
            {tr("Tool"), [](const Row &r) { return text(r, "tool_name"); }},
            {tr("Result"),
             [](const Row &r) { return flag(r, "success") ? tr("OK") : tr("Failed: %1").arg(text(r, "error_message")); },
             {},
             [](const Row &r) { return flag(r, "success") ? QVariant() : QVariant(Theme::errorColor()); }},
            {tr("Duration"), [](const Row &r) { return tr("%1 ms").arg(number(r, "response_time_ms")); },
             [](const Row &r) { return number(r, "response_time_ms"); }},
        },
        this);
    m_usage = new RecordView(m_usageModel, QStringLiteral("mcpUsageTable"), tr("Usage of the selected MCP key"), this);
    m_usage->horizontalHeader()->resizeSection(0, 150);
    m_usage->horizontalHeader()->resizeSection(1, 200);
    m_usage->horizontalHeader()->resizeSection(2, 360);
    m_usageTitle->setTextFormat(Qt::PlainText);
    m_usageTitle->setText(tr("Select a key to see its calls."));

    m_new->setObjectName(QStringLiteral("newMcpKeyButton"));
    m_new->setAccessibleName(tr("New MCP key"));
    m_new->setToolTip(tr("Create a key for an AI agent (Claude Desktop, Cursor, any MCP client)"));
    m_revoke->setObjectName(QStringLiteral("revokeMcpKeyButton"));
    m_revoke->setAccessibleName(tr("Revoke MCP key"));
    m_revoke->setToolTip(tr("Stop the selected key from working, at once, also in open sessions"));
    m_count->setForegroundRole(QPalette::PlaceholderText);
    m_count->setTextFormat(Qt::PlainText);
    connect(m_new, &QPushButton::clicked, this, &McpKeysTab::create);
    connect(m_revoke, &QPushButton::clicked, this, &McpKeysTab::confirmRevoke);
    connect(m_view, &RecordView::selectedIdChanged, this, [this] {
        updateActions();
        loadUsage();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &McpKeysTab::updateActions);

    auto *tools = new QHBoxLayout;
    tools->addWidget(m_count);
    tools->addStretch();
    tools->addWidget(m_new);
    tools->addWidget(m_revoke);
    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 6, 0, 0);
    lowerLayout->addWidget(m_usageTitle);
    lowerLayout->addWidget(m_usage, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(lower);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addLayout(tools);
    layout->addWidget(split, 1);

    m_client.subscribe({QStringLiteral("mcp_keys")}, this, [this] { reload(); });
    updateActions();
}

void McpKeysTab::setActive(bool signedIn)
{
    m_active = signedIn;
    if (!signedIn) {
        m_model->clear();
        m_usageModel->clear();
        m_count->clear();
    } else {
        reload();
    }
    updateActions();
}

void McpKeysTab::reload()
{
    if (!m_active)
        return;
    m_client.get(QStringLiteral("/api/v1/mcp-keys?limit=1000")).then(this, [this](const ApiReply &reply) {
        if (!m_active)
            return;
        if (!reply.ok()) {
            m_count->setText(tr("Could not load the MCP keys: %1").arg(reply.errorMessage()));
            return;
        }
        const Json &rows = reply.data().value("mcp_keys", Json::array());
        m_model->setRows(rows);
        int active = 0;
        for (const Json &r : rows)
            active += flag(r, "enabled") ? 1 : 0;
        m_count->setText(tr("%n active key(s)", nullptr, active));
        updateActions();
        loadUsage();
    });
}

void McpKeysTab::loadUsage()
{
    const QString id = m_view->selectedId();
    if (id.isEmpty() || !m_active) {
        m_usageModel->clear();
        m_usageTitle->setText(tr("Select a key to see its calls."));
        return;
    }
    const QString name = text(m_model->row(m_view->selectedRecordRow()), "name");
    m_client.get(QStringLiteral("/api/v1/mcp-keys/%1/usage?limit=200").arg(id)).then(this, [this, id, name](const ApiReply &reply) {
        if (m_view->selectedId() != id)
            return;
        if (!reply.ok()) {
            m_usageTitle->setText(tr("Could not load the calls of %1: %2").arg(name, reply.errorMessage()));
            return;
        }
        m_usageModel->setRows(reply.data().value("usage", Json::array()));
        m_usageTitle->setText(m_usageModel->rowCount() == 0 ? tr("%1 has not been used yet.").arg(name)
                                                            : tr("Latest calls with %1").arg(name));
    });
}

void McpKeysTab::updateActions()
{
    const int row = m_view->selectedRecordRow();
    m_new->setEnabled(m_active);
    m_revoke->setEnabled(m_active && !m_busy && row >= 0 && flag(m_model->row(row), "enabled"));
}

void McpKeysTab::create()
{
    auto *dialog = new FormDialog(tr("New MCP key"), tr("Create key"), this);
    dialog->setObjectName(QStringLiteral("mcpKeyDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *name = new QLineEdit(dialog);
    name->setObjectName(QStringLiteral("keyName"));
    name->setPlaceholderText(tr("Which agent uses it, e.g. Claude Desktop"));
    auto *description = new QLineEdit(dialog);
    description->setObjectName(QStringLiteral("keyDescription"));
    auto *environment = new QComboBox(dialog);
    environment->setObjectName(QStringLiteral("keyEnvironment"));
    environment->addItem(tr("Live: the shop's own data"), QStringLiteral("live"));
    environment->addItem(tr("Test: the sandbox copy, for trying things out"), QStringLiteral("test"));
    auto *rate = new QSpinBox(dialog);
    rate->setObjectName(QStringLiteral("keyRateLimit"));
    rate->setRange(1, 100000);
    rate->setValue(100);
    rate->setSuffix(tr(" calls per minute"));
    auto *all = new QRadioButton(tr("&All tools"), dialog);
    all->setObjectName(QStringLiteral("allToolsButton"));
    auto *some = new QRadioButton(tr("&Only the tools ticked below"), dialog);
    some->setObjectName(QStringLiteral("someToolsButton"));
    auto *group = new QButtonGroup(dialog);
    group->addButton(all);
    group->addButton(some);
    all->setChecked(true);
    auto *list = new QListWidget(dialog);
    list->setObjectName(QStringLiteral("toolList"));
    list->setAccessibleName(tr("Tools the key may call"));
    list->setMinimumHeight(220);
    list->setEnabled(false);
    connect(some, &QRadioButton::toggled, list, &QWidget::setEnabled);
    auto *toolsBox = new QWidget(dialog);
    auto *toolsLayout = new QVBoxLayout(toolsBox);
    toolsLayout->setContentsMargins(0, 0, 0, 0);
    toolsLayout->addWidget(all);
    toolsLayout->addWidget(some);
    toolsLayout->addWidget(list);
    dialog->addRow(tr("&Name:"), name, tr("Key name"));
    dialog->addRow(tr("&Description:"), description, tr("Description"));
    dialog->addRow(tr("&Environment:"), environment, tr("Environment"));
    dialog->addRow(tr("&Rate limit:"), rate, tr("Rate limit"));
    dialog->addRow(tr("Tools:"), toolsBox, tr("Allowed tools"));

    // The tools the hub offers, by module, so a name is picked rather than typed.
    m_client.get(QStringLiteral("/api/v1/mcp-tools")).then(list, [list](const ApiReply &reply) {
        if (!reply.ok()) {
            list->addItem(tr("The tool list could not be loaded: %1").arg(reply.errorMessage()));
            return;
        }
        for (const Json &t : reply.data().value("mcp_tools", Json::array())) {
            auto *item = new QListWidgetItem(
                tr("%1 — %2").arg(text(t, "name"), text(t, "title").isEmpty() ? text(t, "module") : text(t, "title")), list);
            item->setData(Qt::UserRole, text(t, "name"));
            item->setToolTip(text(t, "description"));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
    });

    dialog->setSubmit([this, name, description, environment, rate, some, list] {
        Json tools = Json::array();
        if (some->isChecked()) {
            for (int i = 0; i < list->count(); ++i)
                if (list->item(i)->checkState() == Qt::Checked)
                    tools.push_back(utf8(list->item(i)->data(Qt::UserRole).toString()));
        } else {
            tools.push_back("*");
        }
        Json body{{"name", utf8(name->text().trimmed())},
                  {"environment", utf8(environment->currentData().toString())},
                  {"rate_limit", rate->value()},
                  {"allowed_tools", tools}};
        if (!description->text().trimmed().isEmpty())
            body["description"] = utf8(description->text().trimmed());
        return m_client.post(QStringLiteral("/api/v1/mcp-keys"), body);
    });
    connect(dialog, &FormDialog::succeeded, this, [this](const ApiReply &reply) {
        const Json &key = reply.data().value("mcp_key", Json::object());
        auto *shown = new SecretDialog(tr("MCP key created"),
                                       tr("The MCP key “%1” was created. Put it in the agent's MCP settings as the "
                                          "Bearer token of this hub's /mcp address.")
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

void McpKeysTab::confirmRevoke()
{
    const int row = m_view->selectedRecordRow();
    if (row < 0 || m_busy)
        return;
    const Json key = m_model->row(row);
    const QString id = text(key, "id");
    const QString name = text(key, "name");
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Revoke MCP key"),
                                tr("Revoke the MCP key “%1” (%2…)?").arg(name, text(key, "key_prefix")), QMessageBox::NoButton, this);
    box->setTextFormat(Qt::PlainText);
    box->setObjectName(QStringLiteral("confirmRevoke"));
    box->setInformativeText(tr("The agent using this key is refused from its next call, also in a session already open. "
                               "Its usage log stays."));
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
        m_client.remove(QStringLiteral("/api/v1/mcp-keys/%1").arg(id)).then(this, [this, name](const ApiReply &reply) {
            m_busy = false;
            reload();
            if (reply.ok())
                return;
            auto *failed = new QMessageBox(QMessageBox::Warning, tr("Key not revoked"),
                                           tr("The MCP key “%1” could not be revoked.").arg(name), QMessageBox::Ok, this);
            failed->setTextFormat(Qt::PlainText);
            failed->setInformativeText(reply.errorMessage());
            failed->setAttribute(Qt::WA_DeleteOnClose);
            failed->open();
        });
    });
    box->open();
}

} // namespace ery::ui
