#include "operatorstab.h"

#include "client/engineclient.h"
#include "client/jsonfields.h"
#include "formdialog.h"
#include "models/recordtablemodel.h"
#include "recordview.h"
#include "shell/theme.h"

#include <QColor>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

using namespace ery::client;

namespace ery::ui {

namespace {

bool isLocked(const nlohmann::ordered_json &r)
{
    const QDateTime until = when(r, "locked_until");
    return until.isValid() && until > QDateTime::currentDateTimeUtc();
}

QString statusText(const nlohmann::ordered_json &r)
{
    if (!flag(r, "active"))
        return OperatorsTab::tr("Deactivated");
    if (isLocked(r))
        return OperatorsTab::tr("Locked until %1 (wrong PINs)").arg(QLocale().toString(when(r, "locked_until").toLocalTime().time(), QLocale::ShortFormat));
    return OperatorsTab::tr("Can sign in");
}

QLineEdit *pinField(QWidget *parent)
{
    auto *pin = new QLineEdit(parent);
    pin->setObjectName(QStringLiteral("operatorPin"));
    pin->setEchoMode(QLineEdit::Password);
    pin->setMaxLength(6);
    pin->setPlaceholderText(OperatorsTab::tr("4 to 6 digits"));
    pin->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,6}")), pin));
    return pin;
}

} // namespace

OperatorsTab::OperatorsTab(EngineClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_count(new QLabel(this)), m_error(new QLabel(this)),
      m_new(new QPushButton(tr("&New operator…"), this)), m_resetPin(new QPushButton(tr("Reset &PIN…"), this)),
      m_unlock(new QPushButton(tr("&Unlock"), this)), m_toggle(new QPushButton(tr("&Deactivate…"), this))
{
    using Row = RecordTableModel::Json;
    m_model = new RecordTableModel(
        {
            {tr("Name"), [](const Row &r) { return text(r, "full_name"); }},
            {tr("Employee ID"), [](const Row &r) { return text(r, "employee_id"); }},
            {tr("Terminal sign-in"), [](const Row &r) { return statusText(r); }, {},
             [](const Row &r) {
                 return !flag(r, "active") ? QVariant(QColor(0x9e, 0x9e, 0x9e)) : isLocked(r) ? QVariant(Theme::errorColor()) : QVariant();
             }},
            {tr("Kind"), [](const Row &r) { return flag(r, "is_machine") ? tr("Machine") : tr("Person"); }},
        },
        this);
    m_view = new RecordView(m_model, QStringLiteral("operatorsTable"), tr("Operators"), this);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    QHeaderView *h = m_view->horizontalHeader();
    h->resizeSection(0, 240);
    h->resizeSection(1, 130);
    h->resizeSection(2, 260);
    m_count->setObjectName(QStringLiteral("operatorsCount"));
    m_count->setForegroundRole(QPalette::PlaceholderText);
    m_error->setObjectName(QStringLiteral("operatorsError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::errorColor().name()));
    m_error->hide();
    m_new->setObjectName(QStringLiteral("newOperator"));
    m_resetPin->setObjectName(QStringLiteral("resetPin"));
    m_unlock->setObjectName(QStringLiteral("unlockOperator"));
    m_toggle->setObjectName(QStringLiteral("toggleOperator"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_count, 1);
    for (QPushButton *b : {m_new, m_resetPin, m_unlock, m_toggle})
        buttons->addWidget(b);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_error);
    layout->addWidget(m_view, 1);

    connect(m_new, &QPushButton::clicked, this, &OperatorsTab::openNewOperator);
    connect(m_resetPin, &QPushButton::clicked, this, &OperatorsTab::openResetPin);
    connect(m_unlock, &QPushButton::clicked, this, [this] {
        post(QStringLiteral("/api/v1/operators/%1/unlock").arg(m_view->selectedId()), tr("The operator was not unlocked:"));
    });
    connect(m_toggle, &QPushButton::clicked, this, [this] {
        const int row = m_view->selectedRecordRow();
        if (row < 0)
            return;
        const Json op = m_model->row(row);
        const QString id = text(op, "id");
        auto done = [this](const ApiReply &reply) {
            if (!reply.ok()) {
                m_error->setText(tr("The operator was not changed: %1").arg(reply.errorMessage()));
                m_error->show();
            }
            reload();
        };
        if (!flag(op, "active")) {
            m_client.patch(QStringLiteral("/api/v1/operators/%1").arg(id), Json{{"active", true}}).then(this, done);
            return;
        }
        auto *box = new QMessageBox(QMessageBox::Question, tr("Deactivate operator"),
                                    tr("Deactivate %1? They can no longer sign in at a terminal; their time and work stay on record.")
                                        .arg(text(op, "full_name")),
                                    QMessageBox::NoButton, this);
        box->setObjectName(QStringLiteral("deactivateOperatorBox"));
        QPushButton *yes = box->addButton(tr("Deactivate"), QMessageBox::AcceptRole);
        box->addButton(QMessageBox::Cancel);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::finished, this, [this, box, yes, id, done] {
            if (box->clickedButton() == yes)
                m_client.remove(QStringLiteral("/api/v1/operators/%1").arg(id)).then(this, done);
        });
        box->open();
    });
    connect(m_view, &RecordView::selectedIdChanged, this, &OperatorsTab::updateActions);
    // Operators are no realtime table, but every change to them is written to the activity log.
    m_client.subscribe({QStringLiteral("activity_log")}, this, [this] { reload(); }, 300);
    updateActions();
}

void OperatorsTab::setActive(bool signedIn)
{
    m_active = signedIn;
    if (!signedIn) {
        m_model->clear();
        m_count->clear();
        m_error->hide();
    } else {
        reload();
    }
    updateActions();
}

void OperatorsTab::reload()
{
    if (!m_active)
        return;
    m_client.get(QStringLiteral("/api/v1/operators?limit=1000")).then(this, [this](const ApiReply &reply) {
        if (!m_active)
            return;
        if (!reply.ok()) {
            m_count->setText(tr("Could not load the operators: %1").arg(reply.errorMessage()));
            return;
        }
        const Json rows = reply.data().value("operators", Json::array());
        m_model->setRows(rows);
        int locked = 0;
        for (const Json &r : rows)
            locked += flag(r, "active") && isLocked(r) ? 1 : 0;
        m_count->setText(locked > 0 ? tr("%1 operators, %2 locked out").arg(rows.size()).arg(locked) : tr("%1 operators").arg(rows.size()));
        updateActions();
    });
}

void OperatorsTab::updateActions()
{
    const int row = m_view->selectedRecordRow();
    const bool has = m_active && row >= 0;
    const Json op = has ? m_model->row(row) : Json::object();
    m_new->setEnabled(m_active);
    m_resetPin->setEnabled(has && flag(op, "active"));
    m_unlock->setEnabled(has && flag(op, "active") && isLocked(op));
    m_toggle->setEnabled(has);
    m_toggle->setText(has && !flag(op, "active") ? tr("&Activate") : tr("&Deactivate…"));
}

void OperatorsTab::post(const QString &path, const QString &failure)
{
    m_error->hide();
    m_client.post(path).then(this, [this, failure](const ApiReply &reply) {
        if (!reply.ok()) {
            m_error->setText(failure + QLatin1Char(' ') + reply.errorMessage());
            m_error->show();
        }
        reload();
    });
}

QWidget *OperatorsTab::openNewOperator()
{
    auto *dialog = new FormDialog(tr("New operator"), tr("Create operator"), this);
    dialog->setObjectName(QStringLiteral("operatorDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *name = new QLineEdit(dialog);
    name->setObjectName(QStringLiteral("operatorName"));
    name->setMaxLength(200);
    auto *employee = new QLineEdit(dialog);
    employee->setObjectName(QStringLiteral("operatorEmployeeId"));
    employee->setMaxLength(50);
    employee->setPlaceholderText(tr("What they type at the terminal; made up when empty"));
    QLineEdit *pin = pinField(dialog);
    dialog->addRow(tr("Full name"), name, tr("Full name"));
    dialog->addRow(tr("Employee ID"), employee, tr("Employee ID"));
    dialog->addRow(tr("PIN"), pin, tr("PIN"));
    dialog->setSubmit([this, name, employee, pin] {
        Json body{{"full_name", utf8(name->text().trimmed())}, {"pin", utf8(pin->text())}};
        if (const QString e = employee->text().trimmed(); !e.isEmpty())
            body["employee_id"] = utf8(e);
        return m_client.post(QStringLiteral("/api/v1/operators"), body);
    });
    connect(dialog, &FormDialog::succeeded, this, [this](const ApiReply &reply) {
        m_view->selectId(text(reply.data().value("operator", Json::object()), "id"));
        reload();
    });
    dialog->open();
    return dialog;
}

QWidget *OperatorsTab::openResetPin()
{
    const int row = m_view->selectedRecordRow();
    if (row < 0)
        return nullptr;
    const Json op = m_model->row(row);
    const QString id = text(op, "id");
    auto *dialog = new FormDialog(tr("New PIN for %1").arg(text(op, "full_name")), tr("Set PIN"), this);
    dialog->setObjectName(QStringLiteral("resetPinDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QLineEdit *pin = pinField(dialog);
    dialog->addRow(tr("New PIN"), pin, tr("New PIN"));
    dialog->form()->addRow(new QLabel(tr("This also unlocks the operator. Tell them the PIN in person."), dialog));
    dialog->setSubmit([this, id, pin] { return m_client.post(QStringLiteral("/api/v1/operators/%1/reset-pin").arg(id), Json{{"pin", utf8(pin->text())}}); });
    connect(dialog, &FormDialog::succeeded, this, [this] { reload(); });
    dialog->open();
    return dialog;
}

} // namespace ery::ui
