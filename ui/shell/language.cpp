#include "language.h"

#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace ery::ui {

namespace {

QString g_current = QStringLiteral("en");

// Installed once, loaded again on each change: QCoreApplication keeps the pointers.
QTranslator &appTranslator()
{
    static auto *t = new QTranslator(qApp);
    return *t;
}

QTranslator &qtTranslator()
{
    static auto *t = new QTranslator(qApp);
    return *t;
}

QLocale::Language qtLanguage(const QString &code)
{
    if (code == QLatin1String("nl"))
        return QLocale::Dutch;
    if (code == QLatin1String("de"))
        return QLocale::German;
    return QLocale::English;
}

} // namespace

QStringList Language::choices()
{
    return {QStringLiteral("system"), QStringLiteral("en"), QStringLiteral("nl"), QStringLiteral("de")};
}

bool Language::isChoice(const QString &choice)
{
    return choices().contains(choice);
}

QString Language::resolve(const QString &choice)
{
    if (choice != QLatin1String("system"))
        return isChoice(choice) ? choice : QStringLiteral("en");
    for (const QString &ui : QLocale::system().uiLanguages()) {
        const QString code = ui.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
        if (code == QLatin1String("en") || code == QLatin1String("nl") || code == QLatin1String("de"))
            return code;
    }
    return QStringLiteral("en");
}

bool Language::apply(const QString &choice)
{
    if (!isChoice(choice))
        return false;
    const QString code = resolve(choice);
    // The desktop's own locale when it speaks this language (its country's dates and numbers),
    // else the language's usual one.
    const QLocale system = QLocale::system();
    const QLocale locale = system.language() == qtLanguage(code) ? system : QLocale(qtLanguage(code));
    QLocale::setDefault(locale);

    QCoreApplication::removeTranslator(&appTranslator());
    QCoreApplication::removeTranslator(&qtTranslator());
    // English carries only the plural forms of the English source strings.
    if (appTranslator().load(QStringLiteral("eryxon_") + code, QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&appTranslator());
    if (code != QLatin1String("en") &&
        qtTranslator().load(QStringLiteral("qtbase_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator());
    g_current = code;
    return true;
}

QString Language::current()
{
    return g_current;
}

QString Language::displayName(const QString &choice)
{
    if (choice == QLatin1String("en"))
        return QStringLiteral("English");
    if (choice == QLatin1String("nl"))
        return QStringLiteral("Nederlands");
    if (choice == QLatin1String("de"))
        return QStringLiteral("Deutsch");
    return tr("As the system");
}

} // namespace ery::ui
