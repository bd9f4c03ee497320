#include "secretdialog.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ery::ui {

SecretDialog::SecretDialog(const QString &title, const QString &intro, const QString &secret, const QString &warning, QWidget *parent)
    : QDialog(parent), m_secret(new QLineEdit(secret, this))
{
    setWindowTitle(title);
    setWindowModality(Qt::WindowModal);
    setObjectName(QStringLiteral("secretDialog"));
    setMinimumWidth(560);

    auto *introLabel = new QLabel(intro, this);
    introLabel->setWordWrap(true);
    introLabel->setTextFormat(Qt::PlainText);

    m_secret->setObjectName(QStringLiteral("secretField"));
    m_secret->setAccessibleName(tr("Secret"));
    m_secret->setReadOnly(true);
    m_secret->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_secret->setMinimumWidth(m_secret->fontMetrics().horizontalAdvance(secret) + 24);
    auto *copy = new QPushButton(tr("&Copy"), this);
    copy->setObjectName(QStringLiteral("copySecretButton"));
    copy->setAccessibleName(tr("Copy to the clipboard"));
    connect(copy, &QPushButton::clicked, this, [this, copy] {
        QGuiApplication::clipboard()->setText(m_secret->text());
        copy->setText(tr("Copied"));
    });
    auto *row = new QHBoxLayout;
    row->addWidget(m_secret, 1);
    row->addWidget(copy);

    auto *warn = new QLabel(warning, this);
    warn->setObjectName(QStringLiteral("secretWarning"));
    warn->setWordWrap(true);
    warn->setTextFormat(Qt::PlainText);
    warn->setAutoFillBackground(true);
    warn->setMargin(8);
    QPalette pal = warn->palette();
    pal.setColor(QPalette::Window, QColor(0xfff3cd));
    pal.setColor(QPalette::WindowText, QColor(0x664d03));
    warn->setPalette(pal);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *done = buttons->addButton(tr("I have stored it"), QDialogButtonBox::AcceptRole);
    done->setObjectName(QStringLiteral("secretDoneButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(introLabel);
    layout->addLayout(row);
    layout->addWidget(warn);
    layout->addWidget(buttons);
    // Copy first: the admin's next step is to put the key where it will be used.
    copy->setFocus();
    connect(this, &QDialog::finished, this, [this] { m_secret->clear(); });
}

SecretDialog::~SecretDialog() = default;

QString SecretDialog::secret() const
{
    return m_secret->text();
}

} // namespace ery::ui
