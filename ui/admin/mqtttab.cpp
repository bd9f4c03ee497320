#include "mqtttab.h"

#include "client/engineclient.h"
#include "client/jsonfields.h"
#include "eventpicker.h"
#include "formdialog.h"
#include "models/recordtablemodel.h"
#include "recordview.h"
#include "shell/theme.h"

#include <QCheckBox>
#include <QColor>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QUrl>
#include <QVBoxLayout>

#include <memory>

using namespace ery::client;

namespace ery::ui {

namespace {

constexpr int kPollMs = 3000;
constexpr int kPreviewDelayMs = 250;
const QString kDefaultPattern = QStringLiteral("{enterprise}/{site}/{area}/{cell}/{event}");
const QString kSampleEvent = QStringLiteral("operation.started");

QString eventsText(const Json &row)
{
    QStringList out;
    const Json v = row.value("events", Json::array());
    if (v.is_array())
        for (const Json &e : v)
            if (e.is_string())
                out << QString::fromStdString(e.get<std::string>());
    return out == QStringList{QStringLiteral("*")} ? MqttTab::tr("All events") : out.join(QStringLiteral(", "));
}

QString stateText(const Json &r)
{
    if (!flag(r, "active"))
        return MqttTab::tr("Off");
    if (!text(r, "last_error").isEmpty())
        return MqttTab::tr("Not connected: %1").arg(text(r, "last_error"));
    const QString since = RecordTableModel::timeText(r, "last_connected_at");
    return since.isEmpty() ? MqttTab::tr("Not connected yet") : MqttTab::tr("Connected %1").arg(since);
}

} // namespace

MqttTab::MqttTab(EngineClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_count(new QLabel(this)), m_logTitle(new QLabel(this)), m_status(new QLabel(this)),
      m_new(new QPushButton(tr("&New publisher…"), this)), m_test(new QPushButton(tr("&Test connection"), this)),
      m_delete(new QPushButton(tr("&Delete…"), this))
{
    using Row = RecordTableModel::Json;
    m_model = new RecordTableModel(
        {
            {tr("Name"), [](const Row &r) { return text(r, "name"); }},
            {tr("Broker"),
             [](const Row &r) {
                 return tr("%1:%2%3").arg(text(r, "broker_url")).arg(number(r, "port")).arg(flag(r, "use_tls") ? tr(" (TLS)") : QString());
             }},
            {tr("Topic pattern"), [](const Row &r) { return text(r, "topic_pattern"); }},
            {tr("Events"), [](const Row &r) { return eventsText(r); }},
            {tr("Status"),
             [](const Row &r) { return stateText(r); },
             {},
             [](const Row &r) { return text(r, "last_error").isEmpty() ? QVariant() : QVariant(Theme::errorColor()); }},
        },
        this);
    m_view = new RecordView(m_model, QStringLiteral("mqttPublishersTable"), tr("MQTT publishers"), this);
    m_view->setEmptyText(tr("No MQTT publishers yet. Add a broker to publish the shop's events on its topics."));
    QHeaderView *header = m_view->horizontalHeader();
    header->resizeSection(0, 160);
    header->resizeSection(1, 220);
    header->resizeSection(2, 270);
    header->resizeSection(3, 180);

    m_logModel = new RecordTableModel(
        {
            {tr("Time"), [](const Row &r) { return RecordTableModel::timeText(r, "created_at"); },
             [](const Row &r) { return RecordTableModel::timeKey(r, "created_at"); }},
            {tr("Event"), [](const Row &r) { return text(r, "event_type"); }},
            {tr("Topic"), [](const Row &r) { return text(r, "topic"); }},
            {tr("Result"),
             [](const Row &r) { return flag(r, "success") ? tr("Published") : tr("Failed: %1").arg(text(r, "error_message")); },
             {},
             [](const Row &r) { return flag(r, "success") ? QVariant() : QVariant(Theme::errorColor()); }},
            {tr("Latency"), [](const Row &r) { return tr("%1 ms").arg(number(r, "latency_ms")); },
             [](const Row &r) { return number(r, "latency_ms"); }},
        },
        this);
    m_log = new RecordView(m_logModel, QStringLiteral("mqttLogTable"), tr("Publish log of the selected publisher"), this);
    m_log->horizontalHeader()->resizeSection(0, 140);
    m_log->horizontalHeader()->resizeSection(1, 170);
    m_log->horizontalHeader()->resizeSection(2, 360);
    m_log->horizontalHeader()->resizeSection(3, 200);

    m_new->setObjectName(QStringLiteral("newPublisherButton"));
    m_new->setAccessibleName(tr("New MQTT publisher"));
    m_new->setToolTip(tr("Publish the shop's events to an MQTT broker"));
    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    m_test->setAccessibleName(tr("Test connection"));
    m_test->setToolTip(tr("Connect to the selected publisher's broker with its settings and report the answer"));
    m_delete->setObjectName(QStringLiteral("deletePublisherButton"));
    m_delete->setAccessibleName(tr("Delete MQTT publisher"));
    m_count->setForegroundRole(QPalette::PlaceholderText);
    m_count->setTextFormat(Qt::PlainText);
    m_status->setObjectName(QStringLiteral("publisherStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_logTitle->setTextFormat(Qt::PlainText);
    QFont bold = m_logTitle->font();
    bold.setBold(true);
    m_logTitle->setFont(bold);

    connect(m_new, &QPushButton::clicked, this, &MqttTab::create);
    connect(m_test, &QPushButton::clicked, this, &MqttTab::testConnection);
    connect(m_delete, &QPushButton::clicked, this, &MqttTab::confirmDelete);
    connect(m_view, &RecordView::selectedIdChanged, this, [this] {
        m_logModel->clear();
        m_status->clear();
        updateActions();
        reloadLog();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MqttTab::updateActions);
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &MqttTab::reloadLog);

    auto *tools = new QHBoxLayout;
    tools->addWidget(m_count);
    tools->addStretch();
    tools->addWidget(m_new);
    tools->addWidget(m_test);
    tools->addWidget(m_delete);
    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 6, 0, 0);
    lowerLayout->addWidget(m_logTitle);
    lowerLayout->addWidget(m_log, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(lower);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addLayout(tools);
    layout->addWidget(m_status);
    layout->addWidget(split, 1);

    m_client.subscribe({QStringLiteral("mqtt_publishers")}, this, [this] { reload(); });
    updateActions();
}

void MqttTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_active)
        m_poll.start();
}

void MqttTab::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_poll.stop();
}

void MqttTab::setActive(bool signedIn)
{
    m_active = signedIn;
    if (!signedIn) {
        m_poll.stop();
        m_model->clear();
        m_logModel->clear();
        m_count->clear();
        m_status->clear();
    } else {
        if (isVisible())
            m_poll.start();
        reload();
    }
    updateActions();
}

void MqttTab::reload()
{
    if (!m_active)
        return;
    m_client.get(QStringLiteral("/api/v1/mqtt-publishers?limit=1000")).then(this, [this](const ApiReply &reply) {
        if (!m_active)
            return;
        if (!reply.ok()) {
            m_count->setText(tr("Could not load the MQTT publishers: %1").arg(reply.errorMessage()));
            return;
        }
        const Json &rows = reply.data().value("mqtt_publishers", Json::array());
        m_model->setRows(rows);
        m_count->setText(tr("%n publisher(s)", nullptr, int(rows.size())));
        updateActions();
    });
}

void MqttTab::reloadLog()
{
    const QString id = m_view->selectedId();
    if (!m_active || id.isEmpty()) {
        m_logTitle->setText(tr("Select a publisher to see what it published."));
        return;
    }
    if (m_loadingLog)
        return;
    m_loadingLog = true;
    m_client.get(QStringLiteral("/api/v1/mqtt-logs?publisher_id=%1&limit=200").arg(id)).then(this, [this, id](const ApiReply &reply) {
        m_loadingLog = false;
        if (!m_active || m_view->selectedId() != id)
            return;
        if (!reply.ok()) {
            m_logTitle->setText(tr("Could not load the publish log: %1").arg(reply.errorMessage()));
            return;
        }
        m_logModel->setRows(reply.data().value("mqtt_logs", Json::array()));
        m_logTitle->setText(m_logModel->rowCount() == 0 ? tr("Nothing published yet: events the publisher subscribes to appear here.")
                                                        : tr("Publish log"));
    });
}

void MqttTab::updateActions()
{
    const bool selected = m_view->selectedRecordRow() >= 0;
    m_new->setEnabled(m_active);
    m_test->setEnabled(m_active && selected && !m_testing);
    m_delete->setEnabled(m_active && selected);
}

void MqttTab::testConnection()
{
    const int row = m_view->selectedRecordRow();
    if (row < 0 || m_testing)
        return;
    const QString id = text(m_model->row(row), "id");
    const QString name = text(m_model->row(row), "name");
    // The probe runs on the hub's worker thread; the window stays usable and says it is waiting.
    m_testing = true;
    m_test->setText(tr("Testing…"));
    updateActions();
    m_status->setText(tr("Connecting to the broker of %1…").arg(name));
    m_client.post(QStringLiteral("/api/v1/mqtt-publishers/%1/test").arg(id)).then(this, [this, name](const ApiReply &reply) {
        m_testing = false;
        m_test->setText(tr("&Test connection"));
        updateActions();
        if (!reply.ok())
            m_status->setText(tr("The test of %1 could not run: %2").arg(name, reply.errorMessage()));
        else if (flag(reply.data(), "connected"))
            m_status->setText(tr("%1 connected to its broker.").arg(name));
        else
            m_status->setText(
                tr("%1 could not connect: %2. Check the broker address, port, TLS and sign-in.").arg(name, text(reply.data(), "error")));
    });
}

void MqttTab::create()
{
    auto *dialog = new FormDialog(tr("New MQTT publisher"), tr("Create publisher"), this);
    dialog->setObjectName(QStringLiteral("publisherDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *name = new QLineEdit(dialog);
    name->setObjectName(QStringLiteral("publisherName"));
    name->setPlaceholderText(tr("e.g. Plant UNS"));
    auto *broker = new QLineEdit(dialog);
    broker->setObjectName(QStringLiteral("brokerUrl"));
    broker->setPlaceholderText(tr("broker.example.com"));
    auto *port = new QSpinBox(dialog);
    port->setObjectName(QStringLiteral("brokerPort"));
    port->setRange(1, 65535);
    port->setValue(1883);
    auto *tls = new QCheckBox(tr("Use &TLS"), dialog);
    tls->setObjectName(QStringLiteral("useTls"));
    connect(tls, &QCheckBox::toggled, port, [port](bool on) {
        if (on && port->value() == 1883)
            port->setValue(8883);
        else if (!on && port->value() == 8883)
            port->setValue(1883);
    });
    auto *username = new QLineEdit(dialog);
    username->setObjectName(QStringLiteral("brokerUsername"));
    auto *password = new QLineEdit(dialog);
    password->setObjectName(QStringLiteral("brokerPassword"));
    password->setEchoMode(QLineEdit::Password);
    auto *pattern = new QLineEdit(kDefaultPattern, dialog);
    pattern->setObjectName(QStringLiteral("topicPattern"));
    auto *preview = new QLabel(dialog);
    preview->setObjectName(QStringLiteral("topicPreview"));
    preview->setTextFormat(Qt::PlainText);
    preview->setWordWrap(true);
    preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *events = new EventPicker(m_client, dialog);
    dialog->addRow(tr("&Name:"), name, tr("Publisher name"));
    dialog->addRow(tr("&Broker:"), broker, tr("Broker address"));
    dialog->addRow(tr("&Port:"), port, tr("Broker port"));
    dialog->addRow(QString(), tls, tr("Use TLS"));
    dialog->addRow(tr("&User name:"), username, tr("Broker user name"));
    dialog->addRow(tr("Pass&word:"), password, tr("Broker password"));
    dialog->addRow(tr("&Topic pattern:"), pattern, tr("Topic pattern"));
    dialog->addRow(tr("Sample topic:"), preview, tr("Sample topic"));
    dialog->addRow(tr("Events:"), events, tr("Events"));

    // The preview asks the hub, which fills the pattern with the shop's own names; typing restarts
    // a short timer so a burst of keys costs one request, and only the latest answer is shown.
    auto *delay = new QTimer(dialog);
    delay->setSingleShot(true);
    delay->setInterval(kPreviewDelayMs);
    auto asked = std::make_shared<int>(0);
    connect(delay, &QTimer::timeout, dialog, [this, pattern, preview, asked] {
        const int mine = ++*asked;
        const QString path = QStringLiteral("/api/v1/mqtt-publishers/preview-topic?pattern=%1&event=%2")
                                 .arg(QString::fromLatin1(QUrl::toPercentEncoding(pattern->text())), kSampleEvent);
        m_client.get(path).then(preview, [preview, asked, mine](const ApiReply &reply) {
            if (mine != *asked)
                return;
            preview->setText(reply.ok() ? tr("%1  (for an %2 event)").arg(text(reply.data(), "topic"), kSampleEvent)
                                        : tr("Not a usable pattern: %1").arg(reply.errorMessage()));
        });
    });
    connect(pattern, &QLineEdit::textChanged, delay, qOverload<>(&QTimer::start));
    delay->start();

    dialog->setSubmit([this, name, broker, port, tls, username, password, pattern, events] {
        Json body{{"name", utf8(name->text().trimmed())}, {"broker_url", utf8(broker->text().trimmed())},     {"port", port->value()},
                  {"use_tls", tls->isChecked()},          {"topic_pattern", utf8(pattern->text().trimmed())}, {"events", events->events()}};
        if (!username->text().isEmpty())
            body["username"] = utf8(username->text());
        if (!password->text().isEmpty())
            body["password"] = utf8(password->text());
        return m_client.post(QStringLiteral("/api/v1/mqtt-publishers"), body);
    });
    connect(dialog, &FormDialog::succeeded, this, [this](const ApiReply &reply) {
        reload();
        m_view->selectId(text(reply.data().value("mqtt_publisher", Json::object()), "id"));
    });
    dialog->open();
}

void MqttTab::confirmDelete()
{
    const int row = m_view->selectedRecordRow();
    if (row < 0)
        return;
    const QString id = text(m_model->row(row), "id");
    const QString name = text(m_model->row(row), "name");
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete MQTT publisher"), tr("Delete the MQTT publisher “%1”?").arg(name),
                                QMessageBox::NoButton, this);
    box->setTextFormat(Qt::PlainText);
    box->setObjectName(QStringLiteral("confirmDelete"));
    box->setInformativeText(tr("Nothing more is published to its broker, and its publish log is deleted with it."));
    QPushButton *yes = box->addButton(tr("Delete %1").arg(name), QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("confirmButton"));
    QPushButton *no = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(no);
    box->setEscapeButton(no);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, yes, id, name] {
        if (box->clickedButton() != yes)
            return;
        m_client.remove(QStringLiteral("/api/v1/mqtt-publishers/%1").arg(id)).then(this, [this, name](const ApiReply &reply) {
            reload();
            if (!reply.ok())
                m_status->setText(tr("%1 was not deleted: %2").arg(name, reply.errorMessage()));
        });
    });
    box->open();
}

} // namespace ery::ui
