#include "cellstab.h"

#include "widgets/durationtext.h"

#include "client/engineclient.h"
#include "client/jsonfields.h"
#include "formdialog.h"
#include "models/recordtablemodel.h"
#include "recordview.h"

#include <QCheckBox>
#include <QColor>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace ery::client;

namespace ery::ui {

namespace {

QString wipLimitText(const nlohmann::ordered_json &r)
{
    const nlohmann::ordered_json limit = r.value("wip_limit", nlohmann::ordered_json());
    if (!limit.is_number())
        return CellsTab::tr("None");
    return flag(r, "enforce_wip_limit") ? CellsTab::tr("%1, enforced").arg(limit.get<qint64>())
                                         : CellsTab::tr("%1, a warning").arg(limit.get<qint64>());
}

} // namespace

CellsTab::CellsTab(EngineClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_count(new QLabel(this)), m_new(new QPushButton(tr("&New cell…"), this)),
      m_edit(new QPushButton(tr("&Edit…"), this)), m_toggle(new QPushButton(tr("&Deactivate"), this))
{
    using Row = RecordTableModel::Json;
    m_model = new RecordTableModel(
        {
            {tr("Cell"), [](const Row &r) { return text(r, "name"); }},
            {tr("Order"), [](const Row &r) { return number(r, "sequence"); }},
            {tr("WIP limit"), [](const Row &r) { return wipLimitText(r); }},
            {tr("Capacity"),
             [](const Row &r) {
                 return tr("%1 a day").arg(durationText(qRound64(real(r, "capacity_hours_per_day") * 60)));
             }},
            {tr("In use"), [](const Row &r) { return flag(r, "active") ? tr("Yes") : tr("No, deactivated"); }, {},
             [](const Row &r) { return flag(r, "active") ? QVariant() : QVariant(QColor(0x9e, 0x9e, 0x9e)); }},
        },
        this);
    m_view = new RecordView(m_model, QStringLiteral("cellsTable"), tr("Cells"), this);
    m_view->sortByColumn(1, Qt::AscendingOrder);
    QHeaderView *h = m_view->horizontalHeader();
    h->resizeSection(1, 70);
    h->resizeSection(2, 160);
    h->resizeSection(3, 140);
    m_count->setObjectName(QStringLiteral("cellsCount"));
    m_count->setForegroundRole(QPalette::PlaceholderText);
    m_new->setObjectName(QStringLiteral("newCell"));
    m_edit->setObjectName(QStringLiteral("editCell"));
    m_toggle->setObjectName(QStringLiteral("toggleCell"));

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
        const Json &cell = m_model->row(row);
        m_toggle->setEnabled(false);
        m_client.patch(QStringLiteral("/api/v1/cells/%1").arg(text(cell, "id")), Json{{"active", !flag(cell, "active")}})
            .then(this, [this](const ApiReply &reply) {
                if (!reply.ok())
                    m_count->setText(tr("The cell was not changed: %1").arg(reply.errorMessage()));
                reload();
            });
    });
    connect(m_view, &RecordView::selectedIdChanged, this, &CellsTab::updateActions);
    m_client.subscribe({QStringLiteral("cells")}, this, [this] { reload(); });
    updateActions();
}

void CellsTab::setActive(bool signedIn)
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

void CellsTab::reload()
{
    if (!m_active)
        return;
    m_client.get(QStringLiteral("/api/v1/cells?limit=1000&sort=sequence")).then(this, [this](const ApiReply &reply) {
        if (!m_active)
            return;
        if (!reply.ok()) {
            m_count->setText(tr("Could not load the cells: %1").arg(reply.errorMessage()));
            return;
        }
        const Json rows = reply.data().value("cells", Json::array());
        m_model->setRows(rows);
        m_count->setText(rows.empty() ? tr("No cells yet. Add the places work is done, in the order parts pass them.")
                                      : tr("%1 cells").arg(rows.size()));
        updateActions();
    });
}

void CellsTab::updateActions()
{
    const int row = m_view->selectedRecordRow();
    m_new->setEnabled(m_active);
    m_edit->setEnabled(m_active && row >= 0);
    m_toggle->setEnabled(m_active && row >= 0);
    m_toggle->setText(row >= 0 && !flag(m_model->row(row), "active") ? tr("&Activate") : tr("&Deactivate"));
}

QWidget *CellsTab::openForm(const QString &cellId)
{
    const int row = cellId.isEmpty() ? -1 : m_model->rowOf(cellId);
    const Json cell = row >= 0 ? m_model->row(row) : Json::object();
    const bool editing = row >= 0;
    auto *dialog = new FormDialog(editing ? tr("Edit cell %1").arg(text(cell, "name")) : tr("New cell"),
                                  editing ? tr("Save") : tr("Create cell"), this);
    dialog->setObjectName(QStringLiteral("cellDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *name = new QLineEdit(text(cell, "name"), dialog);
    name->setObjectName(QStringLiteral("cellName"));
    name->setMaxLength(200);
    name->setPlaceholderText(tr("e.g. Laser cutting"));
    auto *sequence = new QSpinBox(dialog);
    sequence->setObjectName(QStringLiteral("cellSequence"));
    sequence->setRange(0, 9999);
    sequence->setValue(editing ? int(number(cell, "sequence")) : m_model->rowCount() + 1);
    auto *limit = new QSpinBox(dialog);
    limit->setObjectName(QStringLiteral("cellWipLimit"));
    limit->setRange(0, 9999);
    limit->setSpecialValueText(tr("No limit"));
    limit->setValue(int(number(cell, "wip_limit", 0)));
    auto *enforce = new QCheckBox(tr("Refuse work beyond the limit (otherwise it is a warning)"), dialog);
    enforce->setObjectName(QStringLiteral("cellEnforce"));
    enforce->setChecked(flag(cell, "enforce_wip_limit"));
    auto *capacity = new QDoubleSpinBox(dialog);
    capacity->setObjectName(QStringLiteral("cellCapacity"));
    capacity->setRange(0.5, 24);
    capacity->setDecimals(1);
    capacity->setSuffix(tr(" h a day"));
    capacity->setValue(real(cell, "capacity_hours_per_day", 8)); // one shift unless told otherwise
    dialog->addRow(tr("Name"), name, tr("Cell name"));
    dialog->addRow(tr("Order on the routing"), sequence, tr("Order"));
    dialog->addRow(tr("WIP limit (jobs)"), limit, tr("WIP limit"));
    dialog->addRow(QString(), enforce, tr("Enforce the WIP limit"));
    dialog->addRow(tr("Capacity"), capacity, tr("Capacity in hours a day"));
    dialog->setSubmit([this, dialog, editing, cellId, name, sequence, limit, enforce, capacity] {
        Json body{{"name", utf8(name->text().trimmed())},
                  {"sequence", sequence->value()},
                  {"wip_limit", limit->value() > 0 ? Json(limit->value()) : Json(nullptr)},
                  {"enforce_wip_limit", enforce->isChecked() && limit->value() > 0},
                  {"capacity_hours_per_day", capacity->value()}};
        return editing ? m_client.patch(QStringLiteral("/api/v1/cells/%1").arg(cellId), body) : m_client.post(QStringLiteral("/api/v1/cells"), body);
    });
    connect(dialog, &FormDialog::succeeded, this, [this](const ApiReply &reply) {
        m_view->selectId(text(reply.data().value("cell", Json::object()), "id"));
        reload();
    });
    dialog->open();
    return dialog;
}

} // namespace ery::ui
