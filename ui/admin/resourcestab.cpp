#include "resourcestab.h"

#include "client/engineclient.h"
#include "client/jsonfields.h"
#include "formdialog.h"
#include "models/recordtablemodel.h"
#include "recordview.h"
#include "shell/theme.h"

#include <QColor>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace ery::client;

namespace ery::ui {

namespace {

const std::pair<const char *, const char *> kStates[] = {
    {"available", QT_TRANSLATE_NOOP("ery::ui::ResourcesTab", "Available")},
    {"in_use", QT_TRANSLATE_NOOP("ery::ui::ResourcesTab", "In use")},
    {"maintenance", QT_TRANSLATE_NOOP("ery::ui::ResourcesTab", "In maintenance")},
    {"retired", QT_TRANSLATE_NOOP("ery::ui::ResourcesTab", "Retired")},
};

QString stateText(const QString &state)
{
    for (const auto &[value, label] : kStates)
        if (state == QLatin1String(value))
            return ResourcesTab::tr(label);
    return state;
}

} // namespace

ResourcesTab::ResourcesTab(EngineClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_count(new QLabel(this)), m_new(new QPushButton(tr("&New resource…"), this)),
      m_edit(new QPushButton(tr("&Edit…"), this)), m_toggle(new QPushButton(tr("&Deactivate"), this))
{
    using Row = RecordTableModel::Json;
    m_model = new RecordTableModel(
        {
            {tr("Resource"), [](const Row &r) { return text(r, "name"); }},
            {tr("Type"), [](const Row &r) { return text(r, "type"); }},
            {tr("Identifier"), [](const Row &r) { return text(r, "identifier"); }},
            {tr("Location"), [](const Row &r) { return text(r, "location"); }},
            {tr("State"), [](const Row &r) { return flag(r, "active") ? stateText(text(r, "status")) : tr("Deactivated"); }, {},
             [](const Row &r) {
                 return !flag(r, "active") || text(r, "status") == QLatin1String("retired") ? QVariant(QColor(0x9e, 0x9e, 0x9e))
                        : text(r, "status") == QLatin1String("maintenance")                ? QVariant(Theme::warningColor())
                                                                                             : QVariant();
             }},
        },
        this);
    m_view = new RecordView(m_model, QStringLiteral("resourcesTable"), tr("Resources"), this);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    QHeaderView *h = m_view->horizontalHeader();
    h->resizeSection(1, 120);
    h->resizeSection(2, 130);
    h->resizeSection(3, 160);
    h->resizeSection(4, 140);
    m_count->setObjectName(QStringLiteral("resourcesCount"));
    m_count->setForegroundRole(QPalette::PlaceholderText);
    m_new->setObjectName(QStringLiteral("newResource"));
    m_edit->setObjectName(QStringLiteral("editResource"));
    m_toggle->setObjectName(QStringLiteral("toggleResource"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_count, 1);
    for (QPushButton *b : {m_new, m_edit, m_toggle})
        buttons->addWidget(b);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);

    connect(m_new, &QPushButton::clicked, this, [this] { openForm({}); });
    connect(m_edit, &QPushButton::clicked, this, [this] { openForm(m_view->selectedId()); });
    connect(m_view, &QAbstractItemView::doubleClicked, this, [this] { openForm(m_view->selectedId()); });
    connect(m_toggle, &QPushButton::clicked, this, [this] {
        const int row = m_view->selectedRecordRow();
        if (row < 0)
            return;
        const Json &res = m_model->row(row);
        m_toggle->setEnabled(false);
        m_client.patch(QStringLiteral("/api/v1/resources/%1").arg(text(res, "id")), Json{{"active", !flag(res, "active")}})
            .then(this, [this](const ApiReply &reply) {
                if (!reply.ok())
                    m_count->setText(tr("The resource was not changed: %1").arg(reply.errorMessage()));
                reload();
            });
    });
    connect(m_view, &RecordView::selectedIdChanged, this, &ResourcesTab::updateActions);
    m_client.subscribe({QStringLiteral("activity_log")}, this, [this] { reload(); }, 300);
    updateActions();
}

void ResourcesTab::setActive(bool signedIn)
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

void ResourcesTab::reload()
{
    if (!m_active)
        return;
    m_client.get(QStringLiteral("/api/v1/resources?limit=1000")).then(this, [this](const ApiReply &reply) {
        if (!m_active)
            return;
        if (!reply.ok()) {
            m_count->setText(tr("Could not load the resources: %1").arg(reply.errorMessage()));
            return;
        }
        const Json rows = reply.data().value("resources", Json::array());
        m_model->setRows(rows);
        m_count->setText(rows.empty() ? tr("No resources yet: machines, tools, fixtures and moulds operations need.")
                                      : tr("%1 resources").arg(rows.size()));
        updateActions();
    });
}

void ResourcesTab::updateActions()
{
    const int row = m_view->selectedRecordRow();
    m_new->setEnabled(m_active);
    m_edit->setEnabled(m_active && row >= 0);
    m_toggle->setEnabled(m_active && row >= 0);
    m_toggle->setText(row >= 0 && !flag(m_model->row(row), "active") ? tr("&Activate") : tr("&Deactivate"));
}

QWidget *ResourcesTab::openForm(const QString &resourceId)
{
    const int row = resourceId.isEmpty() ? -1 : m_model->rowOf(resourceId);
    const Json res = row >= 0 ? m_model->row(row) : Json::object();
    const bool editing = row >= 0;
    auto *dialog = new FormDialog(editing ? tr("Edit %1").arg(text(res, "name")) : tr("New resource"),
                                  editing ? tr("Save") : tr("Create resource"), this);
    dialog->setObjectName(QStringLiteral("resourceDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto field = [dialog](const char *name, const QString &value, int max, const QString &placeholder) {
        auto *e = new QLineEdit(value, dialog);
        e->setObjectName(QLatin1String(name));
        e->setMaxLength(max);
        e->setPlaceholderText(placeholder);
        return e;
    };
    QLineEdit *name = field("resourceName", text(res, "name"), 200, tr("e.g. Press brake 7"));
    QLineEdit *type = field("resourceType", text(res, "type"), 50, tr("machine, tool, fixture, mould…"));
    QLineEdit *identifier = field("resourceIdentifier", text(res, "identifier"), 100, tr("asset or serial number"));
    QLineEdit *location = field("resourceLocation", text(res, "location"), 200, tr("hall, bay or rack"));
    auto *state = new QComboBox(dialog);
    state->setObjectName(QStringLiteral("resourceState"));
    for (const auto &[value, label] : kStates)
        state->addItem(tr(label), QString::fromLatin1(value));
    state->setCurrentIndex(std::max(0, state->findData(text(res, "status"))));
    dialog->addRow(tr("Name"), name, tr("Resource name"));
    dialog->addRow(tr("Type"), type, tr("Type"));
    dialog->addRow(tr("Identifier"), identifier, tr("Identifier"));
    dialog->addRow(tr("Location"), location, tr("Location"));
    dialog->addRow(tr("State"), state, tr("State"));
    dialog->setSubmit([this, editing, resourceId, name, type, identifier, location, state] {
        Json body{{"name", utf8(name->text().trimmed())}, {"status", utf8(state->currentData().toString())}};
        // Empty text is sent as empty when editing (clearing it), left out when creating.
        const std::pair<const char *, QLineEdit *> optional[] = {{"type", type}, {"identifier", identifier}, {"location", location}};
        for (const auto &[key, edit] : optional)
            if (editing || !edit->text().trimmed().isEmpty())
                body[key] = utf8(edit->text().trimmed());
        return editing ? m_client.patch(QStringLiteral("/api/v1/resources/%1").arg(resourceId), body)
                       : m_client.post(QStringLiteral("/api/v1/resources"), body);
    });
    connect(dialog, &FormDialog::succeeded, this, [this](const ApiReply &reply) {
        m_view->selectId(text(reply.data().value("resource", Json::object()), "id"));
        reload();
    });
    dialog->open();
    return dialog;
}

} // namespace ery::ui
