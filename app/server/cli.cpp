#include "cli.h"

#include <QLocale>
#include <QTranslator>

namespace ery {

QString Cli::installLanguage()
{
    static const QStringList known{QStringLiteral("en"), QStringLiteral("nl"), QStringLiteral("de")};
    QString code = qEnvironmentVariable("ERYXON_LANGUAGE").trimmed().toLower();
    if (!known.contains(code)) {
        code = QStringLiteral("en");
        for (const QString &ui : QLocale::system().uiLanguages()) {
            const QString c = ui.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
            if (known.contains(c)) {
                code = c;
                break;
            }
        }
    }
    // The source strings are English; Dutch and German have catalogs compiled in under :/i18n.
    if (code != QLatin1String("en")) {
        static auto *translator = new QTranslator(qApp);
        if (translator->load(QStringLiteral("eryxon-server_") + code, QStringLiteral(":/i18n")))
            QCoreApplication::installTranslator(translator);
        else
            code = QStringLiteral("en");
    }
    return code;
}

} // namespace ery
