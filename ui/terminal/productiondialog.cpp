#include "productiondialog.h"

#include "client/engineclient.h"
#include "client/jsonfields.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace ery::client;

namespace ery::ui {

namespace {
// A count with thumb-sized − and + keys on either side: gloves and touch screens miss spin arrows.
QWidget *stepper(QSpinBox *box, const QString &name, QWidget *parent)
{
    auto *w = new QWidget(parent);
    auto *minus = new QPushButton(QStringLiteral("−"), w);
    auto *plus = new QPushButton(QStringLiteral("+"), w);
    minus->setAccessibleName(ProductionDialog::tr("One less: %1").arg(name));
    plus->setAccessibleName(ProductionDialog::tr("One more: %1").arg(name));
    for (QPushButton *b : {minus, plus}) {
        b->setProperty("stepper", true);
        b->setFocusPolicy(Qt::NoFocus);
        b->setAutoRepeat(true);
    }
    box->setRange(0, 100000);
    box->setButtonSymbols(QAbstractSpinBox::NoButtons);
    box->setAlignment(Qt::AlignCenter);
    box->setAccessibleName(name);
    box->setMinimumWidth(110);
    QObject::connect(minus, &QPushButton::clicked, box, [box] { box->stepDown(); });
    QObject::connect(plus, &QPushButton::clicked, box, [box] { box->stepUp(); });
    auto *row = new QHBoxLayout(w);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(minus);
    row->addWidget(box);
    row->addWidget(plus);
    return w;
}
} // namespace

ProductionDialog::ProductionDialog(EngineClient &client, const QString &operationId, const QString &title, QWidget *parent)
    : QDialog(parent), m_client(client), m_operationId(operationId)
{
    setObjectName(QStringLiteral("productionDialog"));
    setWindowTitle(tr("Report production"));
    auto *heading = new QLabel(tr("Report production: %1").arg(title), this);
    heading->setObjectName(QStringLiteral("terminalTitle"));
    heading->setWordWrap(true);

    m_good = new QSpinBox(this);
    m_good->setObjectName(QStringLiteral("productionGood"));
    m_rework = new QSpinBox(this);
    m_rework->setObjectName(QStringLiteral("productionRework"));
    auto *counts = new QGridLayout;
    counts->setHorizontalSpacing(16);
    counts->setVerticalSpacing(10);
    counts->addWidget(new QLabel(tr("Good"), this), 0, 0);
    counts->addWidget(stepper(m_good, tr("Good pieces"), this), 0, 1);
    counts->addWidget(new QLabel(tr("Rework"), this), 1, 0);
    counts->addWidget(stepper(m_rework, tr("Pieces to rework"), this), 1, 1);
    counts->setColumnStretch(2, 1);

    auto *scrapTitle = new QLabel(tr("Scrap, by reason"), this);
    QFont bold = scrapTitle->font();
    bold.setBold(true);
    scrapTitle->setFont(bold);
    auto *reasons = new QWidget(this);
    m_reasons = new QVBoxLayout(reasons);
    m_reasons->setSpacing(8);
    m_reasons->addWidget(new QLabel(tr("Reading the scrap reasons…"), reasons));
    m_reasons->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(reasons);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_total = new QLabel(this);
    m_total->setObjectName(QStringLiteral("productionTotal"));
    m_send = new QPushButton(tr("Report"), this);
    m_send->setObjectName(QStringLiteral("productionSend"));
    m_send->setProperty("primary", true);
    auto *cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(QStringLiteral("productionCancel"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_total, 1);
    buttons->addWidget(cancel);
    buttons->addWidget(m_send);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(14);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->addWidget(heading);
    layout->addLayout(counts);
    layout->addWidget(scrapTitle);
    layout->addWidget(scroll, 1);
    layout->addLayout(buttons);

    connect(m_send, &QPushButton::clicked, this, &QDialog::accept);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    for (QSpinBox *b : {m_good, m_rework})
        connect(b, &QSpinBox::valueChanged, this, &ProductionDialog::updateTotal);
    updateTotal();
    loadReasons();
}

void ProductionDialog::loadReasons()
{
    m_client.get(QStringLiteral("/api/v1/scrap-reasons?limit=200&sort=code")).then(this, [this](const ApiReply &reply) {
        while (QLayoutItem *item = m_reasons->takeAt(0)) {
            delete item->widget();
            delete item;
        }
        if (!reply.ok()) {
            m_reasons->addWidget(new QLabel(tr("The scrap reasons could not be read: %1").arg(reply.errorMessage())));
            return;
        }
        auto *grid = new QGridLayout;
        grid->setHorizontalSpacing(16);
        int row = 0;
        for (const Json &r : reply.data().value("scrap_reasons", Json::array())) {
            const QString id = text(r, "id");
            const QString name = tr("%1 — %2").arg(text(r, "code"), text(r, "description"));
            auto *label = new QLabel(name);
            label->setWordWrap(true);
            auto *box = new QSpinBox;
            box->setObjectName(QStringLiteral("scrap_%1").arg(text(r, "code")));
            grid->addWidget(label, row, 0);
            grid->addWidget(stepper(box, tr("Scrap: %1").arg(text(r, "description")), nullptr), row, 1);
            connect(box, &QSpinBox::valueChanged, this, &ProductionDialog::updateTotal);
            m_scrap.insert(id, box);
            ++row;
        }
        grid->setColumnStretch(0, 1);
        m_reasons->addLayout(grid);
        m_reasons->addStretch(1);
        emit reasonsShown();
    });
}

void ProductionDialog::updateTotal()
{
    int scrap = 0;
    for (QSpinBox *b : m_scrap)
        scrap += b->value();
    const int total = m_good->value() + m_rework->value() + scrap;
    m_total->setText(tr("%n piece(s) made", nullptr, total) + QStringLiteral(" · ") + tr("%n scrapped", nullptr, scrap));
    m_send->setEnabled(total > 0);
}

Json ProductionDialog::body(const QString &recordedBy) const
{
    Json lines = Json::array();
    qint64 scrap = 0;
    for (auto it = m_scrap.cbegin(); it != m_scrap.cend(); ++it)
        if (it.value()->value() > 0) {
            lines.push_back(Json{{"scrap_reason_id", utf8(it.key())}, {"quantity", it.value()->value()}});
            scrap += it.value()->value();
        }
    Json body{{"operation_id", utf8(m_operationId)},
              {"quantity_good", m_good->value()},
              {"quantity_scrap", scrap},
              {"quantity_rework", m_rework->value()}};
    if (!lines.empty())
        body["scrap_lines"] = lines;
    if (!recordedBy.isEmpty())
        body["recorded_by"] = utf8(recordedBy);
    return body;
}

} // namespace ery::ui
