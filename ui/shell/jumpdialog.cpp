#include "jumpdialog.h"

#include "client/engineclient.h"
#include "client/jsonfields.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrlQuery>
#include <QVBoxLayout>

using namespace ery::client;

namespace ery::ui {

namespace {

QString searchPath(const char *resource, const QString &number)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("search"), number);
    q.addQueryItem(QStringLiteral("limit"), QStringLiteral("20"));
    return QStringLiteral("/api/v1/%1?%2").arg(QLatin1String(resource), q.toString(QUrl::FullyEncoded));
}

// The row whose `field` is `number` (case aside), else the only row, else none.
Json pick(const Json &rows, const char *field, const QString &number)
{
    if (!rows.is_array())
        return nullptr;
    for (const Json &r : rows)
        if (text(r, field).compare(number, Qt::CaseInsensitive) == 0)
            return r;
    return rows.size() == 1 ? rows[0] : Json(nullptr);
}

} // namespace

JumpDialog::JumpDialog(EngineClient &client, QWidget *parent) : QDialog(parent), m_client(client)
{
    setObjectName(QStringLiteral("jumpDialog"));
    setWindowTitle(tr("Go to a job"));
    m_number = new QLineEdit(this);
    m_number->setObjectName(QStringLiteral("jumpNumber"));
    m_number->setAccessibleName(tr("Job or part number"));
    m_number->setPlaceholderText(tr("Job or part number, e.g. JOB-2605"));
    m_number->setMinimumWidth(340);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("jumpMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *go = buttons->addButton(tr("Go"), QDialogButtonBox::AcceptRole);
    go->setObjectName(QStringLiteral("jumpGo"));
    go->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &JumpDialog::find);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_number);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
}

void JumpDialog::find()
{
    const QString number = m_number->text().trimmed();
    if (number.isEmpty())
        return;
    m_message->hide();
    m_client.get(searchPath("jobs", number)).then(this, [this, number](const ApiReply &r) {
        if (!r.ok()) {
            m_message->setText(r.errorMessage());
            m_message->show();
            return;
        }
        const Json job = pick(r.data().value("jobs", Json::array()), "job_number", number);
        if (!job.is_null()) {
            emit jobChosen(text(job, "id"));
            accept();
            return;
        }
        findPart(number);
    });
}

void JumpDialog::findPart(const QString &number)
{
    m_client.get(searchPath("parts", number)).then(this, [this, number](const ApiReply &r) {
        const Json part = r.ok() ? pick(r.data().value("parts", Json::array()), "part_number", number) : Json(nullptr);
        if (part.is_null()) {
            m_message->setText(r.ok() ? tr("No job or part has the number “%1”.").arg(number) : r.errorMessage());
            m_message->show();
            m_number->selectAll();
            return;
        }
        emit jobChosen(text(part, "job_id"));
        accept();
    });
}

} // namespace ery::ui
