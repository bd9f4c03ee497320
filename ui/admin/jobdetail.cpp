#include "jobdetail.h"

#include "client/engineclient.h"
#include "client/jsonfields.h"
#include "shell/theme.h"
#include "widgets/filespanel.h"
#include "widgets/operationcarddelegate.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <memory>

using namespace ery::client;

namespace ery::ui {

namespace {

QString statusText(const QString &s)
{
    if (s == QLatin1String("in_progress"))
        return JobDetail::tr("Running");
    if (s == QLatin1String("on_hold"))
        return JobDetail::tr("On hold");
    if (s == QLatin1String("completed"))
        return JobDetail::tr("Done");
    return JobDetail::tr("Waiting");
}

} // namespace

JobDetail::JobDetail(EngineClient &client, QWidget *parent) : QWidget(parent), m_client(client)
{
    m_title = new QLabel(tr("Select a job to see its parts and routing."), this);
    m_title->setObjectName(QStringLiteral("jobDetailTitle"));
    m_title->setForegroundRole(QPalette::PlaceholderText);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("jobDetailTree"));
    m_tree->setAccessibleName(tr("Parts and routing of the selected job"));
    m_tree->setHeaderLabels({tr("Part / operation"), tr("Cell"), tr("Status"), tr("Booked / estimate"), tr("Assigned to")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->resizeSection(1, 150);
    m_tree->header()->resizeSection(2, 100);
    m_tree->header()->resizeSection(3, 150);
    m_tree->header()->resizeSection(4, 170);
    m_files = new FilesPanel(m_client, this);
    m_files->setObjectName(QStringLiteral("jobDetailFiles"));
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_tree);
    split->addWidget(m_files);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(split, 1);
    m_files->hide(); // until a job with parts is shown
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            followPart(item);
    });
    connect(&m_client, &EngineClient::signedOut, this, [this] {
        m_cellNames.clear();
        m_operatorNames.clear();
        showJob({});
    });
}

void JobDetail::showJob(const QString &jobId)
{
    m_jobId = jobId;
    const int generation = ++m_generation;
    if (jobId.isEmpty() || !m_client.isSignedIn()) {
        m_tree->clear();
        m_files->setOwner({}, {}, {});
        m_files->hide();
        m_title->setText(tr("Select a job to see its parts and routing."));
        emit shown();
        return;
    }
    m_client.get(QStringLiteral("/api/v1/jobs/%1/tree").arg(jobId)).then(this, [this, generation](const ApiReply &r) {
        if (generation != m_generation)
            return;
        const Json job = r.ok() ? r.data() : Json();
        bool unknownName = false;
        if (job.is_object())
            for (const Json &p : job.value("parts", Json::array()))
                for (const Json &o : p.value("operations", Json::array()))
                    unknownName = unknownName || (!text(o, "cell_id").isEmpty() && !m_cellNames.contains(text(o, "cell_id"))) ||
                                  (!text(o, "assigned_operator_id").isEmpty() && !m_operatorNames.contains(text(o, "assigned_operator_id")));
        if (!unknownName) {
            draw(job);
            return;
        }
        auto pending = std::make_shared<int>(2);
        auto drawWhenNamed = [this, generation, job, pending] {
            if (--*pending == 0 && generation == m_generation)
                draw(job);
        };
        m_client.get(QStringLiteral("/api/v1/cells?limit=1000")).then(this, [this, drawWhenNamed](const ApiReply &c) {
            for (const Json &cell : c.ok() ? c.data().value("cells", Json::array()) : Json::array())
                m_cellNames.insert(text(cell, "id"), text(cell, "name"));
            drawWhenNamed();
        });
        m_client.get(QStringLiteral("/api/v1/operators?limit=1000")).then(this, [this, drawWhenNamed](const ApiReply &o) {
            for (const Json &op : o.ok() ? o.data().value("operators", Json::array()) : Json::array())
                m_operatorNames.insert(text(op, "id"), text(op, "full_name"));
            drawWhenNamed();
        });
    });
}

void JobDetail::followPart(QTreeWidgetItem *item)
{
    QTreeWidgetItem *part = item->parent() ? item->parent() : item;
    const QString id = part->data(0, Qt::UserRole).toString();
    m_files->setOwner(QStringLiteral("part"), id, tr("Files of part %1").arg(part->data(0, Qt::UserRole + 1).toString()));
    m_files->show();
}

void JobDetail::draw(const Json &job)
{
    const QString followed = m_files->ownerId();
    m_tree->clear();
    if (!job.is_object() || !job.contains("parts")) {
        m_files->setOwner({}, {}, {});
        m_files->hide();
        m_title->setText(tr("The job could not be read."));
        emit shown();
        return;
    }
    m_title->setText(tr("%1 — %2").arg(text(job, "job_number"), text(job, "customer")));
    for (const Json &p : job["parts"]) {
        auto *part = new QTreeWidgetItem(m_tree);
        part->setText(0, tr("%1 · %2 ×%3").arg(text(p, "part_number"), text(p, "material")).arg(number(p, "quantity")));
        part->setData(0, Qt::UserRole, text(p, "id"));
        part->setData(0, Qt::UserRole + 1, text(p, "part_number"));
        part->setText(2, statusText(text(p, "status")));
        if (flag(p, "is_bullet_card"))
            part->setText(1, tr("Bullet Card"));
        QFont bold = part->font(0);
        bold.setBold(true);
        part->setFont(0, bold);
        for (const Json &o : p.value("operations", Json::array())) {
            auto *op = new QTreeWidgetItem(part);
            op->setText(0, tr("%1. %2").arg(number(o, "sequence")).arg(text(o, "operation_name")));
            op->setText(1, m_cellNames.value(text(o, "cell_id")));
            op->setText(2, statusText(text(o, "status")));
            const qint64 est = number(o, "estimated_time"), booked = number(o, "actual_time");
            op->setText(3, est > 0 ? tr("%1 of %2").arg(OperationCardDelegate::durationText(booked), OperationCardDelegate::durationText(est))
                                   : OperationCardDelegate::durationText(booked));
            if (est > 0 && booked > est)
                op->setForeground(3, Theme::errorColor());
            op->setText(4, m_operatorNames.value(text(o, "assigned_operator_id")));
        }
    }
    m_tree->expandAll();
    // The part whose files were shown stays shown (the job was read again); else the first part.
    QTreeWidgetItem *current = m_tree->topLevelItemCount() > 0 ? m_tree->topLevelItem(0) : nullptr;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        if (m_tree->topLevelItem(i)->data(0, Qt::UserRole).toString() == followed)
            current = m_tree->topLevelItem(i);
    if (current)
        m_tree->setCurrentItem(current);
    else {
        m_files->setOwner({}, {}, {});
        m_files->hide();
    }
    emit shown();
}

} // namespace ery::ui
