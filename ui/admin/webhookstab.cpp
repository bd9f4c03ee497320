#include "webhookstab.h"

#include "client/engineclient.h"
#include "client/jsonfields.h"
#include "eventpicker.h"
#include "formdialog.h"
#include "models/recordtablemodel.h"
#include "recordview.h"
#include "secretdialog.h"
#include "shell/theme.h"

#include <QFormLayout>
#include <QColor>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

using namespace ery::client;

namespace ery::ui {

namespace {

constexpr int kPollMs = 3000;

QStringList listOf(const Json &row, const char *key)
{
    QStringList out;
    const Json v = row.value(key, Json::array());
    if (v.is_array())
        for (const Json &e : v)
            if (e.is_string())
                out << QString::fromStdString(e.get<std::string>());
    return out;
}

QString eventsText(const Json &row)
{
    const QStringList events = listOf(row, "events");
    return events == QStringList{QStringLiteral("*")} ? WebhooksTab::tr("All events") : events.join(QStringLiteral(", "));
}

QString deliveryStatusText(const Json &d)
{
    const QString status = text(d, "status");
    if (status == QLatin1String("delivered"))
        return WebhooksTab::tr("Delivered");
    if (status == QLatin1String("failed"))
        return WebhooksTab::tr("Failed");
    if (number(d, "attempts") > 0)
        return WebhooksTab::tr("Failing, will try again");
    return WebhooksTab::tr("Waiting to be sent");
}

QVariant deliveryColor(const Json &d)
{
    const QString status = text(d, "status");
    if (status == QLatin1String("delivered"))
        return Theme::successColor();
    if (status == QLatin1String("failed") || number(d, "attempts") > 0)
        return Theme::errorColor();
    return {};
}

QString answerText(const Json &row, const char *codeKey, const char *errorKey)
{
    const qint64 code = number(row, codeKey, -1);
    const QString error = text(row, errorKey);
    if (code > 0 && !error.isEmpty())
        return WebhooksTab::tr("HTTP %1: %2").arg(code).arg(error);
    if (code > 0)
        return WebhooksTab::tr("HTTP %1").arg(code);
    return error.isEmpty() ? QString() : error;
}

} // namespace

WebhooksTab::WebhooksTab(EngineClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_count(new QLabel(this)), m_deliveryTitle(new QLabel(this)), m_status(new QLabel(this)),
      m_new(new QPushButton(tr("&New webhook…"), this)), m_rotate(new QPushButton(tr("Rotate &secret…"), this)),
      m_delete(new QPushButton(tr("&Delete…"), this)), m_replayOne(new QPushButton(tr("Send &again"), this)),
      m_replayFailed(new QPushButton(tr("Send all &failed again…"), this)), m_refresh(new QPushButton(tr("Re&fresh"), this))
{
    using Row = RecordTableModel::Json;
    m_model = new RecordTableModel(
        {
            {tr("URL"), [](const Row &r) { return text(r, "url"); }},
            {tr("Events"), [](const Row &r) { return eventsText(r); }},
            {tr("Status"),
             [](const Row &r) {
                 if (!flag(r, "active"))
                     return tr("Off");
                 const QString failing = RecordTableModel::timeText(r, "failing_since");
                 return failing.isEmpty() ? tr("On") : tr("On, failing since %1").arg(failing);
             },
             {},
             [](const Row &r) {
                 return !flag(r, "active") ? QVariant(QColor(0x9e, 0x9e, 0x9e))
                                           : (text(r, "failing_since").isEmpty() ? QVariant() : QVariant(Theme::errorColor()));
             }},
            {tr("Description"), [](const Row &r) { return text(r, "description"); }},
        },
        this);
    m_view = new RecordView(m_model, QStringLiteral("webhooksTable"), tr("Webhooks"), this);
    m_view->setEmptyText(tr("No webhooks yet. Add one to have the shop's events posted, signed, to another system's URL."));
    m_view->horizontalHeader()->resizeSection(0, 330);
    m_view->horizontalHeader()->resizeSection(1, 260);
    m_view->horizontalHeader()->resizeSection(2, 190);

    m_deliveryModel = new RecordTableModel(
        {
            {tr("Created"), [](const Row &r) { return RecordTableModel::timeText(r, "created_at"); },
             [](const Row &r) { return RecordTableModel::timeKey(r, "created_at"); }},
            {tr("Event"), [](const Row &r) { return text(r, "event_type"); }},
            {tr("Status"), [](const Row &r) { return deliveryStatusText(r); }, {}, [](const Row &r) { return deliveryColor(r); }},
            {tr("Attempts"), [](const Row &r) { return number(r, "attempts"); }},
            {tr("Last answer"), [](const Row &r) { return answerText(r, "last_status_code", "last_error"); }},
            {tr("Next try"),
             [](const Row &r) {
                 return text(r, "status") == QLatin1String("pending") ? RecordTableModel::timeText(r, "next_attempt_at") : QString();
             },
             [](const Row &r) { return RecordTableModel::timeKey(r, "next_attempt_at"); }},
        },
        this);
    m_deliveries =
        new RecordView(m_deliveryModel, QStringLiteral("webhookDeliveriesTable"), tr("Deliveries of the selected webhook"), this);
    QHeaderView *dh = m_deliveries->horizontalHeader();
    dh->resizeSection(0, 140);
    dh->resizeSection(1, 170);
    dh->resizeSection(2, 170);
    dh->resizeSection(3, 70);
    dh->resizeSection(4, 330);

    m_attemptModel = new RecordTableModel(
        {
            {tr("Time"), [](const Row &r) { return RecordTableModel::timeText(r, "created_at"); },
             [](const Row &r) { return RecordTableModel::timeKey(r, "created_at"); }},
            {tr("Event"), [](const Row &r) { return text(r, "event_type"); }},
            {tr("Answer"),
             [](const Row &r) {
                 const qint64 code = number(r, "status_code", -1);
                 return code > 0 ? tr("HTTP %1").arg(code) : tr("No answer");
             },
             [](const Row &r) { return number(r, "status_code", -1); },
             [](const Row &r) {
                 const qint64 code = number(r, "status_code", -1);
                 return code >= 200 && code < 300 ? QVariant(Theme::successColor()) : QVariant(Theme::errorColor());
             }},
            {tr("Duration"), [](const Row &r) { return tr("%1 ms").arg(number(r, "duration_ms")); },
             [](const Row &r) { return number(r, "duration_ms"); }},
            {tr("Response or error"),
             [](const Row &r) {
                 const QString error = text(r, "error_message");
                 const QString excerpt = text(r, "response_excerpt").simplified();
                 return error.isEmpty() ? excerpt : (excerpt.isEmpty() ? error : error + QStringLiteral(" — ") + excerpt);
             }},
        },
        this);
    m_attempts = new RecordView(m_attemptModel, QStringLiteral("webhookAttemptsTable"), tr("Attempts"), this);
    QHeaderView *ah = m_attempts->horizontalHeader();
    ah->resizeSection(0, 140);
    ah->resizeSection(1, 170);
    ah->resizeSection(2, 100);
    ah->resizeSection(3, 80);

    const struct {
        QPushButton *button;
        const char *name;
        QString accessible;
        QString tip;
    } buttons[] = {
        {m_new, "newWebhookButton", tr("New webhook"), tr("Send the shop's events to a URL")},
        {m_rotate, "rotateSecretButton", tr("Rotate signing secret"),
         tr("Make a new signing secret; the old one keeps working for 24 hours")},
        {m_delete, "deleteWebhookButton", tr("Delete webhook"), tr("Stop sending events to the selected URL and forget its log")},
        {m_replayOne, "replayDeliveryButton", tr("Send the selected delivery again"), tr("Send the selected delivery again, now")},
        {m_replayFailed, "replayFailedButton", tr("Send every failed delivery again"),
         tr("Send every failed delivery of this webhook since a time again")},
        {m_refresh, "refreshDeliveriesButton", tr("Refresh the delivery log"), tr("Read the delivery log again")},
    };
    for (const auto &b : buttons) {
        b.button->setObjectName(QString::fromLatin1(b.name));
        b.button->setAccessibleName(b.accessible);
        b.button->setToolTip(b.tip);
    }
    m_count->setForegroundRole(QPalette::PlaceholderText);
    m_count->setTextFormat(Qt::PlainText);
    m_status->setObjectName(QStringLiteral("deliveryStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_deliveryTitle->setTextFormat(Qt::PlainText);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    QFont bold = m_deliveryTitle->font();
    bold.setBold(true);
    m_deliveryTitle->setFont(bold);

    connect(m_new, &QPushButton::clicked, this, &WebhooksTab::create);
    connect(m_rotate, &QPushButton::clicked, this, &WebhooksTab::confirmRotate);
    connect(m_delete, &QPushButton::clicked, this, &WebhooksTab::confirmDelete);
    connect(m_replayOne, &QPushButton::clicked, this, &WebhooksTab::replayDelivery);
    connect(m_replayFailed, &QPushButton::clicked, this, &WebhooksTab::replayFailedSince);
    connect(m_refresh, &QPushButton::clicked, this, &WebhooksTab::reloadDeliveries);
    connect(m_view, &RecordView::selectedIdChanged, this, [this] {
        m_deliveryModel->clear();
        m_attemptModel->clear();
        m_status->clear();
        updateActions();
        reloadDeliveries();
    });
    connect(m_deliveries, &RecordView::selectedIdChanged, this, [this] {
        updateActions();
        reloadAttempts();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &WebhooksTab::updateActions);
    connect(m_deliveryModel, &QAbstractItemModel::dataChanged, this, &WebhooksTab::updateActions);
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &WebhooksTab::reloadDeliveries);

    auto *tools = new QHBoxLayout;
    tools->addWidget(m_count);
    tools->addStretch();
    tools->addWidget(m_new);
    tools->addWidget(m_rotate);
    tools->addWidget(m_delete);

    auto *deliveryTools = new QHBoxLayout;
    deliveryTools->addWidget(m_deliveryTitle);
    deliveryTools->addStretch();
    deliveryTools->addWidget(m_refresh);
    deliveryTools->addWidget(m_replayOne);
    deliveryTools->addWidget(m_replayFailed);

    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 6, 0, 0);
    lowerLayout->addLayout(deliveryTools);
    lowerLayout->addWidget(m_status);
    auto *logs = new QSplitter(Qt::Vertical, lower);
    logs->addWidget(m_deliveries);
    logs->addWidget(m_attempts);
    lowerLayout->addWidget(logs, 1);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(lower);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addLayout(tools);
    layout->addWidget(split, 1);

    m_client.subscribe({QStringLiteral("webhooks")}, this, [this] { reload(); });
    updateActions();
}

void WebhooksTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_active)
        m_poll.start();
}

void WebhooksTab::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_poll.stop();
}

void WebhooksTab::setActive(bool signedIn)
{
    m_active = signedIn;
    if (!signedIn) {
        m_poll.stop();
        m_model->clear();
        m_deliveryModel->clear();
        m_attemptModel->clear();
        m_count->clear();
        m_status->clear();
    } else {
        if (isVisible())
            m_poll.start();
        reload();
    }
    updateActions();
}

void WebhooksTab::say(const QString &message)
{
    m_status->setText(message);
}

void WebhooksTab::reload()
{
    if (!m_active)
        return;
    m_client.get(QStringLiteral("/api/v1/webhooks?limit=1000")).then(this, [this](const ApiReply &reply) {
        if (!m_active)
            return;
        if (!reply.ok()) {
            m_count->setText(tr("Could not load the webhooks: %1").arg(reply.errorMessage()));
            return;
        }
        const Json &rows = reply.data().value("webhooks", Json::array());
        m_model->setRows(rows);
        m_count->setText(tr("%n webhook(s)", nullptr, int(rows.size())));
        updateActions();
    });
}

void WebhooksTab::reloadDeliveries()
{
    const QString hook = m_view->selectedId();
    if (!m_active || hook.isEmpty()) {
        m_deliveryTitle->setText(tr("Select a webhook to see its deliveries."));
        return;
    }
    // One read at a time: a slow answer is not overtaken by the next poll.
    if (m_loadingDeliveries)
        return;
    m_loadingDeliveries = true;
    m_client.get(QStringLiteral("/api/v1/webhook-deliveries?webhook_id=%1&limit=200").arg(hook))
        .then(this, [this, hook](const ApiReply &reply) {
            m_loadingDeliveries = false;
            if (!m_active || m_view->selectedId() != hook)
                return;
            if (!reply.ok()) {
                m_deliveryTitle->setText(tr("Could not load the deliveries: %1").arg(reply.errorMessage()));
                return;
            }
            const Json &rows = reply.data().value("webhook_deliveries", Json::array());
            m_deliveryModel->setRows(rows);
            int failing = 0;
            for (const Json &d : rows)
                failing += text(d, "status") == QLatin1String("failed") ||
                           (text(d, "status") == QLatin1String("pending") && number(d, "attempts") > 0);
            m_deliveryTitle->setText(rows.empty() ? tr("No deliveries yet: events the webhook subscribes to appear here.")
                                                  : tr("Deliveries: %n not delivered", nullptr, failing));
            updateActions();
            reloadAttempts();
        });
}

void WebhooksTab::reloadAttempts()
{
    const QString hook = m_view->selectedId();
    if (!m_active || hook.isEmpty())
        return;
    const QString delivery = m_deliveries->selectedId();
    const QString path = delivery.isEmpty() ? QStringLiteral("/api/v1/webhook-logs?webhook_id=%1&limit=200").arg(hook)
                                            : QStringLiteral("/api/v1/webhook-logs?delivery_id=%1&limit=200").arg(delivery);
    m_client.get(path).then(this, [this, hook, delivery](const ApiReply &reply) {
        if (!m_active || m_view->selectedId() != hook || m_deliveries->selectedId() != delivery || !reply.ok())
            return;
        m_attemptModel->setRows(reply.data().value("webhook_logs", Json::array()));
    });
}

void WebhooksTab::updateActions()
{
    const bool hook = m_view->selectedRecordRow() >= 0;
    const bool ready = m_active && !m_busy;
    m_new->setEnabled(m_active);
    m_rotate->setEnabled(ready && hook);
    m_delete->setEnabled(ready && hook);
    m_replayOne->setEnabled(ready && hook && m_deliveries->selectedRecordRow() >= 0);
    m_replayFailed->setEnabled(ready && hook);
    m_refresh->setEnabled(m_active && hook);
}

void WebhooksTab::create()
{
    auto *dialog = new FormDialog(tr("New webhook"), tr("Create webhook"), this);
    dialog->setObjectName(QStringLiteral("webhookDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *url = new QLineEdit(dialog);
    url->setObjectName(QStringLiteral("webhookUrl"));
    url->setPlaceholderText(tr("https://erp.example.com/eryxon"));
    auto *description = new QLineEdit(dialog);
    description->setObjectName(QStringLiteral("webhookDescription"));
    description->setPlaceholderText(tr("What receives it, e.g. ERP"));
    auto *events = new EventPicker(m_client, dialog);
    dialog->addRow(tr("&URL:"), url, tr("Webhook URL"));
    dialog->addRow(tr("&Description:"), description, tr("Description"));
    dialog->addRow(tr("Events:"), events, tr("Events"));

    dialog->setSubmit([this, url, description, events] {
        Json body{{"url", utf8(url->text().trimmed())}, {"events", events->events()}};
        if (!description->text().trimmed().isEmpty())
            body["description"] = utf8(description->text().trimmed());
        return m_client.post(QStringLiteral("/api/v1/webhooks"), body);
    });
    connect(dialog, &FormDialog::succeeded, this, [this](const ApiReply &reply) {
        const Json &hook = reply.data().value("webhook", Json::object());
        auto *shown = new SecretDialog(tr("Webhook created"),
                                       tr("Events now go to %1, signed with this secret. The receiver checks the "
                                          "webhook-signature header with it (docs: Event delivery, Verify).")
                                           .arg(text(hook, "url")),
                                       text(hook, "secret"),
                                       tr("Copy the signing secret now and give it to the receiver: it is shown only this once "
                                          "and cannot be retrieved again. If it is lost, rotate it."),
                                       this);
        shown->setAttribute(Qt::WA_DeleteOnClose);
        shown->open();
        reload();
        m_view->selectId(text(hook, "id"));
    });
    dialog->open();
}

void WebhooksTab::confirmRotate()
{
    const int row = m_view->selectedRecordRow();
    if (row < 0 || m_busy)
        return;
    const QString id = text(m_model->row(row), "id");
    const QString url = text(m_model->row(row), "url");
    auto *box = new QMessageBox(QMessageBox::Question, tr("Rotate signing secret"), tr("Make a new signing secret for %1?").arg(url),
                                QMessageBox::NoButton, this);
    box->setTextFormat(Qt::PlainText);
    box->setObjectName(QStringLiteral("confirmRotate"));
    box->setInformativeText(tr("Deliveries are signed with both secrets for 24 hours, so the receiver can switch to the new "
                               "one without missing an event. After that only the new one is valid."));
    QPushButton *yes = box->addButton(tr("Rotate"), QMessageBox::AcceptRole);
    yes->setObjectName(QStringLiteral("confirmButton"));
    QPushButton *no = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(no);
    box->setEscapeButton(no);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, yes, id, url] {
        if (box->clickedButton() != yes)
            return;
        m_busy = true;
        updateActions();
        m_client.post(QStringLiteral("/api/v1/webhooks/%1/rotate-secret").arg(id)).then(this, [this, url](const ApiReply &reply) {
            m_busy = false;
            updateActions();
            if (!reply.ok()) {
                say(tr("The secret of %1 was not rotated: %2").arg(url, reply.errorMessage()));
                return;
            }
            auto *shown = new SecretDialog(tr("New signing secret"), tr("The new signing secret of %1:").arg(url),
                                           text(reply.data().value("webhook", Json::object()), "secret"),
                                           tr("Copy it now and give it to the receiver: it is shown only this once. The old "
                                              "secret stays valid for 24 hours."),
                                           this);
            shown->setAttribute(Qt::WA_DeleteOnClose);
            shown->open();
        });
    });
    box->open();
}

void WebhooksTab::confirmDelete()
{
    const int row = m_view->selectedRecordRow();
    if (row < 0 || m_busy)
        return;
    const QString id = text(m_model->row(row), "id");
    const QString url = text(m_model->row(row), "url");
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Delete webhook"), tr("Delete the webhook to %1?").arg(url), QMessageBox::NoButton, this);
    box->setTextFormat(Qt::PlainText);
    box->setObjectName(QStringLiteral("confirmDelete"));
    box->setInformativeText(tr("No more events are sent there, and its delivery log is deleted with it."));
    QPushButton *yes = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("confirmButton"));
    QPushButton *no = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(no);
    box->setEscapeButton(no);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, yes, id, url] {
        if (box->clickedButton() != yes)
            return;
        m_busy = true;
        updateActions();
        m_client.remove(QStringLiteral("/api/v1/webhooks/%1").arg(id)).then(this, [this, url](const ApiReply &reply) {
            m_busy = false;
            reload();
            updateActions();
            if (!reply.ok())
                say(tr("The webhook to %1 was not deleted: %2").arg(url, reply.errorMessage()));
        });
    });
    box->open();
}

void WebhooksTab::replayDelivery()
{
    const int row = m_deliveries->selectedRecordRow();
    if (row < 0 || m_busy)
        return;
    const QString id = text(m_deliveryModel->row(row), "id");
    const QString event = text(m_deliveryModel->row(row), "event_type");
    m_busy = true;
    updateActions();
    m_client.post(QStringLiteral("/api/v1/webhook-deliveries/%1/replay").arg(id)).then(this, [this, event](const ApiReply &reply) {
        m_busy = false;
        updateActions();
        say(reply.ok() ? tr("The %1 delivery is being sent again.").arg(event)
                       : tr("The %1 delivery could not be sent again: %2").arg(event, reply.errorMessage()));
        reloadDeliveries();
    });
}

void WebhooksTab::replayFailedSince()
{
    const int row = m_view->selectedRecordRow();
    if (row < 0 || m_busy)
        return;
    const QString id = text(m_model->row(row), "id");
    const QString url = text(m_model->row(row), "url");
    auto *dialog = new FormDialog(tr("Send failed deliveries again"), tr("Send again"), this);
    dialog->setObjectName(QStringLiteral("replayDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *intro =
        new QLabel(tr("Every delivery to %1 that failed since this time is sent again, with its original event id.").arg(url), dialog);
    intro->setWordWrap(true);
    dialog->form()->addRow(intro);
    auto *since = new QDateTimeEdit(QDateTime::currentDateTime().addDays(-1), dialog);
    since->setObjectName(QStringLiteral("replaySince"));
    since->setCalendarPopup(true);
    since->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    dialog->addRow(tr("Failed &since:"), since, tr("Failed since"));
    dialog->setSubmit([this, id, since] {
        const QString iso = since->dateTime().toUTC().toString(Qt::ISODateWithMs);
        return m_client.post(QStringLiteral("/api/v1/webhooks/%1/replay").arg(id), Json{{"since", utf8(iso)}});
    });
    connect(dialog, &FormDialog::succeeded, this, [this](const ApiReply &reply) {
        const int n = int(number(reply.data(), "replayed"));
        say(n == 0 ? tr("No failed deliveries in that time: nothing was sent again.")
                   : tr("%n failed delivery(s) are being sent again.", nullptr, n));
        reloadDeliveries();
    });
    dialog->open();
}

} // namespace ery::ui
