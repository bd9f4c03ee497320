#include "activitypage.h"

#include "client/engineclient.h"
#include "client/jsonfields.h"
#include "models/recordtablemodel.h"
#include "recordview.h"
#include "shell/theme.h"
#include "widgets/pagetitle.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

using namespace ery::client;

namespace ery::ui {

namespace {

constexpr int kPage = 200;

QString valueText(const nlohmann::ordered_json &v)
{
    if (v.is_null())
        return QStringLiteral("—");
    if (v.is_string())
        return QString::fromStdString(v.get<std::string>());
    return QString::fromStdString(v.dump());
}

// The log's codes for what was done and to what, in words of the language in use (English keeps
// the codes themselves). A code added on the hub later shows as it is.
QString actionText(const QString &code)
{
    if (code == QLatin1String("create"))
        return ActivityPage::tr("create", "activity action");
    if (code == QLatin1String("update"))
        return ActivityPage::tr("update", "activity action");
    if (code == QLatin1String("delete"))
        return ActivityPage::tr("delete", "activity action");
    if (code == QLatin1String("start"))
        return ActivityPage::tr("start", "activity action");
    if (code == QLatin1String("pause"))
        return ActivityPage::tr("pause", "activity action");
    if (code == QLatin1String("resume"))
        return ActivityPage::tr("resume", "activity action");
    if (code == QLatin1String("complete"))
        return ActivityPage::tr("complete", "activity action");
    if (code == QLatin1String("approve"))
        return ActivityPage::tr("approve", "activity action");
    if (code == QLatin1String("reject"))
        return ActivityPage::tr("reject", "activity action");
    if (code == QLatin1String("close"))
        return ActivityPage::tr("close", "activity action");
    if (code == QLatin1String("verify"))
        return ActivityPage::tr("verify", "activity action");
    if (code == QLatin1String("revoke"))
        return ActivityPage::tr("revoke", "activity action");
    if (code == QLatin1String("rotate_secret"))
        return ActivityPage::tr("rotate secret", "activity action");
    if (code == QLatin1String("reset_pin"))
        return ActivityPage::tr("reset PIN", "activity action");
    if (code == QLatin1String("unlock"))
        return ActivityPage::tr("unlock", "activity action");
    if (code == QLatin1String("login"))
        return ActivityPage::tr("login", "activity action");
    if (code == QLatin1String("import"))
        return ActivityPage::tr("import", "activity action");
    if (code == QLatin1String("force_stop"))
        return ActivityPage::tr("force stop", "activity action");
    if (code == QLatin1String("force_stop_all"))
        return ActivityPage::tr("force stop all", "activity action");
    return QString(code).replace(QLatin1Char('_'), QLatin1Char(' '));
}

QString recordText(const QString &code)
{
    if (code == QLatin1String("job"))
        return ActivityPage::tr("job", "kind of record");
    if (code == QLatin1String("part"))
        return ActivityPage::tr("part", "kind of record");
    if (code == QLatin1String("operation"))
        return ActivityPage::tr("operation", "kind of record");
    if (code == QLatin1String("issue"))
        return ActivityPage::tr("issue", "kind of record");
    if (code == QLatin1String("ncr"))
        return ActivityPage::tr("ncr", "kind of record");
    if (code == QLatin1String("time_entry"))
        return ActivityPage::tr("time entry", "kind of record");
    if (code == QLatin1String("cell"))
        return ActivityPage::tr("cell", "kind of record");
    if (code == QLatin1String("operator"))
        return ActivityPage::tr("operator", "kind of record");
    if (code == QLatin1String("resource"))
        return ActivityPage::tr("resource", "kind of record");
    if (code == QLatin1String("scrap_reason"))
        return ActivityPage::tr("scrap reason", "kind of record");
    if (code == QLatin1String("batch"))
        return ActivityPage::tr("batch", "kind of record");
    if (code == QLatin1String("api_key"))
        return ActivityPage::tr("api key", "kind of record");
    if (code == QLatin1String("mcp_key"))
        return ActivityPage::tr("mcp key", "kind of record");
    if (code == QLatin1String("webhook"))
        return ActivityPage::tr("webhook", "kind of record");
    if (code == QLatin1String("mqtt_publisher"))
        return ActivityPage::tr("mqtt publisher", "kind of record");
    if (code == QLatin1String("settings"))
        return ActivityPage::tr("settings", "kind of record");
    if (code == QLatin1String("import"))
        return ActivityPage::tr("import", "kind of record");
    if (code == QLatin1String("user"))
        return ActivityPage::tr("user", "kind of record");
    if (code == QLatin1String("tenant"))
        return ActivityPage::tr("tenant", "kind of record");
    return QString(code).replace(QLatin1Char('_'), QLatin1Char(' '));
}

} // namespace

ActivityPage::ActivityPage(EngineClient &client, QWidget *parent) : QWidget(parent), m_client(client)
{
    auto *title = new PageTitle(tr("Activity"), this);
    auto *subtitle = new QLabel(tr("Who changed what in this shop, and when — from this desktop, the floor, the API and imports."), this);
    subtitle->setForegroundRole(QPalette::PlaceholderText);
    subtitle->setWordWrap(true);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("activitySearch"));
    m_search->setPlaceholderText(tr("Search descriptions and names…"));
    m_search->setAccessibleName(tr("Search activity"));
    m_search->setClearButtonEnabled(true);
    // A magnifier at the front marks the field as a search, like the search fields of the desktop.
    m_search->addAction(Theme::icon(QStringLiteral("search")), QLineEdit::LeadingPosition)->setText(tr("Search"));
    m_search->setMaxLength(200);
    m_search->setMinimumWidth(260);

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("activityKind"));
    m_kind->setAccessibleName(tr("Kind of record"));
    const std::pair<const char *, QString> kinds[] = {
        {"", tr("All records")},          {"job", tr("Jobs")},
        {"part", tr("Parts")},            {"operation", tr("Operations")},
        {"issue", tr("Issues")},          {"ncr", tr("NCRs")},
        {"time_entry", tr("Time entries")},
        {"cell", tr("Cells")},            {"operator", tr("Operators")},
        {"batch", tr("Batches")},         {"api_key", tr("API keys")},
        {"mcp_key", tr("MCP keys")},      {"webhook", tr("Webhooks")},
        {"mqtt_publisher", tr("MQTT publishers")}, {"settings", tr("Settings")},
        {"import", tr("Imports")},        {"user", tr("Users")},
    };
    for (const auto &[value, label] : kinds)
        m_kind->addItem(label, QString::fromLatin1(value));

    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("activityPeriod"));
    m_period->setAccessibleName(tr("Period"));
    m_period->addItem(tr("Today"), 0);
    m_period->addItem(tr("Last 7 days"), 7);
    m_period->addItem(tr("Last 30 days"), 30);
    m_period->addItem(tr("All time"), -1);
    m_period->setCurrentIndex(1);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("activityCount"));
    m_count->setForegroundRole(QPalette::PlaceholderText);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search);
    filters->addWidget(m_kind);
    filters->addWidget(m_period);
    filters->addWidget(m_count, 1);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("activityError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::errorColor().name()));
    m_error->hide();

    m_model = new RecordTableModel(
        {
            {tr("When"), [](const Json &r) { return RecordTableModel::timeText(r, "created_at"); },
             [](const Json &r) { return RecordTableModel::timeKey(r, "created_at"); }},
            {tr("Who"), [](const Json &r) { return text(r, "user_name").isEmpty() ? tr("The hub") : text(r, "user_name"); }},
            {tr("Action"), [](const Json &r) { return actionText(text(r, "action")); }},
            {tr("Record"), [](const Json &r) { return recordText(text(r, "entity_type")); }},
            {tr("Description"), [](const Json &r) { return text(r, "description"); }},
        },
        this);
    m_view = new RecordView(m_model, QStringLiteral("activityTable"), tr("Activity"), this);
    m_view->setSortingEnabled(false); // the hub's order (newest first) across pages
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(0, QHeaderView::Interactive);
    header->setSectionResizeMode(4, QHeaderView::Stretch);
    header->resizeSection(0, 150);
    header->resizeSection(1, 170);
    header->resizeSection(2, 90);
    header->resizeSection(3, 110);

    m_more = new QPushButton(tr("Show older entries"), this);
    m_more->setObjectName(QStringLiteral("activityMore"));
    m_more->hide();
    connect(m_more, &QPushButton::clicked, this, [this] { load(int(m_rows.size())); });

    m_changes = new QPlainTextEdit(this);
    m_changes->setObjectName(QStringLiteral("activityChanges"));
    m_changes->setAccessibleName(tr("Changes of the selected entry"));
    m_changes->setReadOnly(true);
    m_changes->setPlaceholderText(tr("Select an entry to see what it changed."));

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_view, 1);
    topLayout->addWidget(m_more, 0, Qt::AlignHCenter);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(m_changes);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->setSpacing(6);
    layout->addWidget(title);
    layout->addWidget(subtitle);
    layout->addSpacing(4);
    layout->addLayout(filters);
    layout->addWidget(m_error);
    layout->addWidget(split, 1);

    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_searchDelay, &QTimer::timeout, this, &ActivityPage::reload);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ActivityPage::reload);
    connect(m_period, &QComboBox::currentIndexChanged, this, &ActivityPage::reload);
    connect(m_view, &RecordView::selectedIdChanged, this, &ActivityPage::showChanges);

    // Every change the trail could show is a new row of the activity log.
    m_client.subscribe({QStringLiteral("activity_log")}, this, [this] {
        if (isVisible())
            reload();
        else
            m_stale = true;
    }, 500);
    connect(&m_client, &EngineClient::signedIn, this, [this] {
        if (isVisible())
            reload();
        else
            m_stale = true;
    });
    connect(&m_client, &EngineClient::signedOut, this, [this] {
        ++m_generation;
        m_rows = Json::array();
        m_model->clear();
        m_count->clear();
        m_more->hide();
        m_changes->clear();
    });
    m_stale = true;
}

void ActivityPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

void ActivityPage::reload()
{
    m_stale = false;
    load(0);
}

QString ActivityPage::query(int offset) const
{
    auto encoded = [](const QString &v) { return QString::fromLatin1(QUrl::toPercentEncoding(v)); };
    QString path = QStringLiteral("/api/v1/activity?limit=%1&offset=%2").arg(kPage).arg(offset);
    if (const QString s = m_search->text().trimmed(); !s.isEmpty())
        path += QStringLiteral("&search=") + encoded(s);
    if (const QString kind = m_kind->currentData().toString(); !kind.isEmpty())
        path += QStringLiteral("&entity_type=") + encoded(kind);
    if (const int days = m_period->currentData().toInt(); days >= 0) {
        // Local midnight, so "Today" is the user's day.
        const QDateTime from(QDate::currentDate().addDays(-days), QTime(0, 0));
        path += QStringLiteral("&from_date=") + encoded(from.toUTC().toString(Qt::ISODateWithMs));
    }
    return path;
}

void ActivityPage::load(int offset)
{
    if (!m_client.isSignedIn())
        return;
    const int generation = offset == 0 ? ++m_generation : m_generation;
    m_more->setEnabled(false);
    m_client.get(query(offset)).then(this, [this, offset, generation](const ApiReply &reply) {
        if (generation != m_generation)
            return;
        m_more->setEnabled(true);
        if (!reply.ok()) {
            m_error->setText(tr("The activity could not be read: %1").arg(reply.errorMessage()));
            m_error->show();
            return;
        }
        m_error->hide();
        const Json page = reply.data().value("activity", Json::array());
        if (offset == 0)
            m_rows = page;
        else
            for (const Json &r : page)
                m_rows.push_back(r);
        m_total = reply.data().value("pagination", Json::object()).value("total", qint64(0));
        m_model->setRows(m_rows);
        const qint64 shown = qint64(m_rows.size());
        m_count->setText(shown == m_total ? tr("%n entries", nullptr, int(m_total))
                                          : tr("the newest %1 of %n entries", nullptr, int(m_total)).arg(shown));
        m_more->setVisible(shown < m_total);
        showChanges();
    });
}

void ActivityPage::showChanges()
{
    const int row = m_view->selectedRecordRow();
    if (row < 0) {
        m_changes->clear();
        return;
    }
    const Json &entry = m_model->row(row);
    QStringList lines;
    lines << text(entry, "description");
    const QString name = text(entry, "entity_name");
    if (!name.isEmpty())
        lines << tr("Record: %1 (%2)").arg(name, text(entry, "entity_id"));
    const Json changes = entry.value("changes", Json());
    const Json before = changes.is_object() ? changes.value("old", Json()) : Json();
    const Json after = changes.is_object() ? changes.value("new", Json()) : Json();
    if (before.is_object() && after.is_object()) {
        // An update stores the whole record before and after: show only the fields that moved
        // (the bookkeeping stamp always does).
        for (auto it = after.begin(); it != after.end(); ++it) {
            if (it.key() == "updated_at")
                continue;
            const Json was = before.value(it.key(), Json());
            if (was != it.value())
                lines << tr("%1: %2 → %3").arg(QString::fromStdString(it.key()), valueText(was), valueText(it.value()));
        }
    } else if (changes.is_object()) {
        for (auto it = changes.begin(); it != changes.end(); ++it) {
            const Json &c = it.value();
            if (c.is_object() && (c.contains("old") || c.contains("new")))
                lines << tr("%1: %2 → %3")
                             .arg(QString::fromStdString(it.key()), valueText(c.value("old", Json())), valueText(c.value("new", Json())));
            else
                lines << tr("%1: %2").arg(QString::fromStdString(it.key()), valueText(c));
        }
    } else if (!changes.is_null()) {
        lines << valueText(changes);
    }
    m_changes->setPlainText(lines.join(QLatin1Char('\n')));
}

} // namespace ery::ui
