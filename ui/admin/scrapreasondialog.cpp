#include "scrapreasondialog.h"

#include "client/engineclient.h"
#include "client/jsonfields.h"
#include "shell/theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace ery::client;

namespace ery::ui {

ScrapReasonDialog::ScrapReasonDialog(EngineClient &client, const Json &existing, QWidget *parent)
    : QDialog(parent), m_client(client), m_id(text(existing, "id")), m_code(new QLineEdit(this)), m_description(new QLineEdit(this)),
      m_category(new QComboBox(this)), m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("scrapReasonDialog"));
    setWindowTitle(m_id.isEmpty() ? tr("New scrap reason") : tr("Edit scrap reason"));
    m_code->setObjectName(QStringLiteral("scrapCode"));
    m_code->setAccessibleName(tr("Code"));
    m_code->setPlaceholderText(tr("e.g. EDGE-BURR"));
    m_code->setText(text(existing, "code"));
    m_description->setObjectName(QStringLiteral("scrapDescription"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setPlaceholderText(tr("What went wrong, as operators will pick it"));
    m_description->setText(text(existing, "description"));
    m_category->setObjectName(QStringLiteral("scrapCategory"));
    m_category->setAccessibleName(tr("Category"));
    for (const QString &c : categories())
        m_category->addItem(categoryText(c), c);
    const int at = m_category->findData(text(existing, "category"));
    m_category->setCurrentIndex(at < 0 ? m_category->findData(QStringLiteral("other")) : at);
    m_error->setObjectName(QStringLiteral("scrapReasonError"));
    m_error->setAccessibleName(tr("Scrap reason problem"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::errorColor().name()));
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Code"), m_code);
    form->addRow(tr("&Description"), m_description);
    form->addRow(tr("C&ategory"), m_category);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *go = m_buttons->addButton(m_id.isEmpty() ? tr("Create") : tr("Save"), QDialogButtonBox::AcceptRole);
    go->setObjectName(QStringLiteral("scrapSaveButton"));
    go->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ScrapReasonDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(460);
}

const QStringList &ScrapReasonDialog::categories()
{
    static const QStringList c{QStringLiteral("material"), QStringLiteral("process"),  QStringLiteral("equipment"),
                               QStringLiteral("operator"), QStringLiteral("design"), QStringLiteral("other")};
    return c;
}

QString ScrapReasonDialog::categoryText(const QString &category)
{
    if (category == QLatin1String("material"))
        return tr("Material");
    if (category == QLatin1String("process"))
        return tr("Process");
    if (category == QLatin1String("equipment"))
        return tr("Equipment");
    if (category == QLatin1String("operator"))
        return tr("Operator");
    if (category == QLatin1String("design"))
        return tr("Design");
    if (category == QLatin1String("other"))
        return tr("Other");
    return category;
}

QString ScrapReasonDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ScrapReasonDialog::save()
{
    m_buttons->setEnabled(false);
    m_error->hide();
    const Json body{{"code", utf8(m_code->text().trimmed())},
                    {"description", utf8(m_description->text().trimmed())},
                    {"category", utf8(m_category->currentData().toString())}};
    auto sent = m_id.isEmpty() ? m_client.post(QStringLiteral("/api/v1/scrap-reasons"), body)
                               : m_client.patch(QStringLiteral("/api/v1/scrap-reasons/%1").arg(m_id), body);
    sent.then(this, [this](const ApiReply &reply) {
        m_buttons->setEnabled(true);
        if (reply.ok()) {
            accept();
            return;
        }
        QString next;
        if (reply.errorCode() == QLatin1String("CONFLICT"))
            next = tr("Choose another code, or edit the reason that already has it.");
        else if (reply.errorCode() == QLatin1String("VALIDATION_ERROR"))
            next = tr("Correct the field, then save again.");
        else if (reply.status() == 0)
            next = tr("Check the connection to the hub, then try again.");
        m_error->setText(next.isEmpty() ? reply.errorMessage() : reply.errorMessage() + QLatin1Char('\n') + next);
        m_error->show();
    });
}

} // namespace ery::ui
