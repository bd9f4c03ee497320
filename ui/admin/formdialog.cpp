#include "formdialog.h"

#include "shell/theme.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace ery::client;

namespace ery::ui {

FormDialog::FormDialog(const QString &title, const QString &submitText, QWidget *parent)
    : QDialog(parent), m_form(new QFormLayout), m_error(new QLabel(this)), m_buttons(new QDialogButtonBox(this))
{
    setWindowTitle(title);
    setWindowModality(Qt::WindowModal);
    setMinimumWidth(520);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_error->setObjectName(QStringLiteral("formError"));
    m_error->setAccessibleName(tr("Problem"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette pal = m_error->palette();
    pal.setColor(QPalette::WindowText, Theme::errorColor());
    m_error->setPalette(pal);
    m_error->hide();

    m_ok = m_buttons->addButton(submitText, QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("submitButton"));
    m_ok->setDefault(true);
    QPushButton *cancel = m_buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &FormDialog::send);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(m_buttons);
}

void FormDialog::addRow(const QString &label, QWidget *field, const QString &accessibleName)
{
    field->setAccessibleName(accessibleName);
    m_form->addRow(label, field);
}

QString FormDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void FormDialog::send()
{
    if (!m_submit || !m_ok->isEnabled())
        return;
    m_ok->setEnabled(false);
    m_error->hide();
    m_submit().then(this, [this](const ApiReply &reply) {
        m_ok->setEnabled(true);
        if (reply.ok()) {
            emit succeeded(reply);
            accept();
            return;
        }
        const QString why = reply.status() == 0 ? tr("The hub could not be reached: %1").arg(reply.errorMessage()) : reply.errorMessage();
        m_error->setText(tr("Not saved: %1").arg(why) + QLatin1Char('\n') + tr("Correct the form and try again, or cancel."));
        m_error->show();
    });
}

} // namespace ery::ui
