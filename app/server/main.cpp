#include "cli.h"
#include "servercli.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Eryxon"));
    QCoreApplication::setApplicationName(QStringLiteral("eryxon"));
    ery::Cli::installLanguage();
    return ery::runServerCli(QCoreApplication::arguments());
}
