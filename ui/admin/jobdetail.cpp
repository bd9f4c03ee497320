#include "jobdetail.h"

#include "client/engineclient.h"
#include "client/jsonfields.h"
#include "widgets/operationcarddelegate.h"

#include <QHeaderView>
#include <QLabel>
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
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_tree, 1);
    connect(&m_client, &EngineClient::signedOut, this, [this] { showJob({}); });
}

void JobDetail::showJob(const QString &jobId)
{
    m_jobId = jobId;
    const int generation = ++m_generation;
    if (jobId.isEmpty() || !m_client.isSignedIn()) {
        m_tree->clear();
        m_title->setText(tr("Select a job to see its parts and routing."));
        emit shown();
        return;
    }
    // Three reads; the tree is drawn when all are in.
    struct Answers {
        Json tree, cells, operators;
        int pending = 3;
    };
    auto answers = std::make_shared<Answers>();
    auto draw = [this, generation, answers] {
        if (--answers->pending > 0 || generation != m_generation)
            return;
        QHash<QString, QString> cellNames, operatorNames;
        for (const Json &c : answers->cells.value("cells", Json::array()))
            cellNames.insert(text(c, "id"), text(c, "name"));
        for (const Json &o : answers->operators.value("operators", Json::array()))
            operatorNames.insert(text(o, "id"), text(o, "full_name"));
        const Json job = answers->tree.value("job", answers->tree);
        m_tree->clear();
        if (!job.is_object() || !job.contains("parts")) {
            m_title->setText(tr("The job could not be read."));
            emit shown();
            return;
        }
        m_title->setText(tr("%1 — %2").arg(text(job, "job_number"), text(job, "customer")));
        for (const Json &p : job["parts"]) {
            auto *part = new QTreeWidgetItem(m_tree);
            part->setText(0, tr("%1 · %2 ×%3").arg(text(p, "part_number"), text(p, "material")).arg(number(p, "quantity")));
            part->setText(2, statusText(text(p, "status")));
            if (flag(p, "is_bullet_card"))
                part->setText(1, tr("Bullet Card"));
            QFont bold = part->font(0);
            bold.setBold(true);
            part->setFont(0, bold);
            for (const Json &o : p.value("operations", Json::array())) {
                auto *op = new QTreeWidgetItem(part);
                op->setText(0, tr("%1. %2").arg(number(o, "sequence")).arg(text(o, "operation_name")));
                op->setText(1, cellNames.value(text(o, "cell_id")));
                op->setText(2, statusText(text(o, "status")));
                const qint64 est = number(o, "estimated_time"), booked = number(o, "actual_time");
                op->setText(3, est > 0 ? tr("%1 of %2").arg(OperationCardDelegate::durationText(booked), OperationCardDelegate::durationText(est))
                                       : OperationCardDelegate::durationText(booked));
                if (est > 0 && booked > est)
                    op->setForeground(3, QColor(0xd3, 0x2f, 0x2f));
                op->setText(4, operatorNames.value(text(o, "assigned_operator_id")));
            }
        }
        m_tree->expandAll();
        emit shown();
    };
    m_client.get(QStringLiteral("/api/v1/jobs/%1/tree").arg(jobId)).then(this, [answers, draw](const ApiReply &r) {
        answers->tree = r.ok() ? r.data() : Json();
        draw();
    });
    m_client.get(QStringLiteral("/api/v1/cells?limit=1000")).then(this, [answers, draw](const ApiReply &r) {
        answers->cells = r.ok() ? r.data() : Json::object();
        draw();
    });
    m_client.get(QStringLiteral("/api/v1/operators?limit=1000")).then(this, [answers, draw](const ApiReply &r) {
        answers->operators = r.ok() ? r.data() : Json::object();
        draw();
    });
}

} // namespace ery::ui
