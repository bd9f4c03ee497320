#include "eventpicker.h"

#include "client/engineclient.h"
#include "client/jsonfields.h"

#include <QCheckBox>
#include <QMap>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace ery::client;

namespace ery::ui {

EventPicker::EventPicker(EngineClient &client, QWidget *parent) : QWidget(parent), m_all(new QCheckBox(this)), m_tree(new QTreeWidget(this))
{
    m_all->setText(tr("&All events, also ones added in later versions"));
    m_all->setObjectName(QStringLiteral("allEventsCheck"));
    m_tree->setObjectName(QStringLiteral("eventTree"));
    m_tree->setAccessibleName(tr("Events by family"));
    m_tree->setHeaderHidden(true);
    m_tree->setMinimumHeight(220);
    connect(m_all, &QCheckBox::toggled, m_tree, &QWidget::setDisabled);
    connect(m_all, &QCheckBox::toggled, this, &EventPicker::changed);
    connect(m_tree, &QTreeWidget::itemChanged, this, &EventPicker::changed);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_all);
    layout->addWidget(m_tree);

    client.get(QStringLiteral("/api/v1/event-types")).then(this, [this](const ApiReply &reply) {
        if (!reply.ok()) {
            new QTreeWidgetItem(m_tree, {tr("The event list could not be loaded: %1").arg(reply.errorMessage())});
            return;
        }
        QMap<QString, QTreeWidgetItem *> families;
        for (const Json &e : reply.data().value("event_types", Json::array())) {
            const QString family = text(e, "family");
            QTreeWidgetItem *parent = families.value(family);
            if (!parent) {
                parent = new QTreeWidgetItem(m_tree, {tr("%1 (all)").arg(family)});
                parent->setData(0, Qt::UserRole, family);
                parent->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsAutoTristate);
                parent->setCheckState(0, Qt::Unchecked);
                families.insert(family, parent);
            }
            auto *item = new QTreeWidgetItem(parent, {text(e, "name")});
            item->setData(0, Qt::UserRole, text(e, "name"));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(0, Qt::Unchecked);
        }
    });
}

Json EventPicker::events() const
{
    Json events = Json::array();
    if (m_all->isChecked()) {
        events.push_back("*");
        return events;
    }
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *family = m_tree->topLevelItem(i);
        if (family->childCount() == 0)
            continue;
        if (family->checkState(0) == Qt::Checked) {
            events.push_back(utf8(family->data(0, Qt::UserRole).toString() + QStringLiteral(".*")));
            continue;
        }
        for (int j = 0; j < family->childCount(); ++j)
            if (family->child(j)->checkState(0) == Qt::Checked)
                events.push_back(utf8(family->child(j)->data(0, Qt::UserRole).toString()));
    }
    return events;
}

} // namespace ery::ui
