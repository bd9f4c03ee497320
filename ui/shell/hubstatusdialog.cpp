#include "hubstatusdialog.h"

#include "widgets/durationtext.h"

#include "client/jsonfields.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

using namespace ery::client;

namespace ery::ui {

HubStatusDialog::HubStatusDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("hubStatusDialog"));
    setWindowTitle(tr("Hub status"));
    setMinimumWidth(460);
    m_form = new QFormLayout;
    m_form->setLabelAlignment(Qt::AlignRight);
    const struct {
        const char *name;
        QString label;
    } rows[] = {
        {"api", tr("REST API")},
        {"requests", tr("Requests")},
        {"connections", tr("HTTP connections")},
        {"realtime", tr("Realtime sockets")},
        {"mcp", tr("MCP sessions")},
        {"outbox", tr("Events")},
        {"webhooks", tr("Webhooks")},
        {"mqtt", tr("MQTT")},
        {"integrations", tr("Outgoing integrations")},
        {"database", tr("Database")},
        {"hubs", tr("Hubs on this database")},
        {"version", tr("Version")},
        {"uptime", tr("Running for")},
    };
    for (const auto &r : rows) {
        auto *v = new QLabel(this);
        v->setObjectName(QStringLiteral("status_") + QLatin1String(r.name));
        v->setAccessibleName(r.label);
        v->setTextInteractionFlags(Qt::TextSelectableByMouse);
        v->setWordWrap(true);
        m_form->addRow(r.label + QLatin1Char(':'), v);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(buttons);
}

QLabel *HubStatusDialog::value(const char *name)
{
    return findChild<QLabel *>(QStringLiteral("status_") + QLatin1String(name));
}

void HubStatusDialog::display(const Json &s, double requestsPerMinute)
{
    const QLocale locale;
    const Json &api = s.value("api", Json::object());
    value("api")->setText(flag(api, "listening") ? text(api, "url") : tr("not serving: %1").arg(text(api, "error")));
    value("requests")->setText(requestsPerMinute < 0 ? tr("%1 since start").arg(locale.toString(number(s, "requests_total")))
                                                     : tr("%1 per minute · %2 since start")
                                                           .arg(locale.toString(requestsPerMinute, 'f', 0),
                                                                locale.toString(number(s, "requests_total"))));
    value("connections")->setText(locale.toString(number(s, "http_connections")));
    value("realtime")->setText(locale.toString(number(s, "realtime_connections")));
    value("mcp")->setText(locale.toString(number(s, "mcp_sessions")));
    const Json &outbox = s.value("outbox", Json::object());
    value("outbox")->setText(tr("last #%1 · %2 dispatched · %3 failed · backlog %4")
                                 .arg(locale.toString(number(outbox, "last_id")), locale.toString(number(s, "events_dispatched")),
                                      locale.toString(number(s, "dispatch_failures")), locale.toString(number(outbox, "backlog"))));
    const Json &hooks = s.value("webhooks", Json::object());
    value("webhooks")->setText(tr("%1 delivered · %2 failed attempts · %3 in flight (since start)")
                                   .arg(locale.toString(number(hooks, "delivered")), locale.toString(number(hooks, "failed")),
                                        locale.toString(number(hooks, "in_flight"))));
    const Json &mqtt = s.value("mqtt", Json::object());
    value("mqtt")->setText(tr("%1 of %2 publishers connected").arg(number(mqtt, "connected")).arg(number(mqtt, "publishers")));
    const Json &integrations = s.value("integrations", Json::object());
    value("integrations")->setText(flag(integrations, "paused") ? tr("paused: %1").arg(text(integrations, "reason")) : tr("running"));
    const Json &db = s.value("database", Json::object());
    value("database")->setText(tr("%1 · %2 · schema %3")
                                   .arg(text(db, "engine") == QLatin1String("postgresql") ? tr("PostgreSQL") : tr("SQLite"),
                                        text(db, "location"))
                                   .arg(number(db, "schema_version")));
    QStringList hubs;
    for (const Json &h : s.value("hubs", Json::array()))
        hubs << tr("%1 on %2, pid %3%4")
                    .arg(text(h, "kind"), text(h, "host_name"))
                    .arg(number(h, "pid"))
                    .arg(text(h, "api_url").isEmpty() ? QString() : QStringLiteral(" · ") + text(h, "api_url"));
    value("hubs")->setText(hubs.isEmpty() ? tr("none") : hubs.join(QLatin1Char('\n')));
    value("version")->setText(text(s, "version"));
    const qint64 up = number(s, "uptime_seconds");
    value("uptime")->setText(durationText(up / 60));
}

} // namespace ery::ui
