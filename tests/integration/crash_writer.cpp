// A writer for the crash-safety test: starts and completes operations as fast as it can and
// prints one line after each commit ("S <id>" / "C <id>"), until it is killed.
#include "engine.h"

#include <QCoreApplication>

#include <cstdio>

using namespace ery::domain;
using namespace ery::services;

using namespace ery;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: crash_writer DB_URL\n");
        return 2;
    }
    Engine engine(Config{QString::fromLocal8Bit(argv[1])});
    if (!engine.open(false)) {
        std::fprintf(stderr, "cannot open the database\n");
        return 1;
    }
    Services &s = engine.services();
    auto tenant = s.tenants.defaultTenant();
    if (!tenant)
        return 1;
    const Scope scope = Scope::of(str(*tenant, "id"));
    auto ops = s.operations.list(scope, ListQuery{.eq = {}, .search = {}, .sort = QStringLiteral("created_at"), .limit = 1000});
    if (!ops)
        return 1;
    for (const auto &op : ops->rows) {
        const QString id = str(op, "id");
        const QString status = str(op, "status");
        if (status == QLatin1String("not_started")) {
            if (!s.operations.start(scope, id))
                return 1;
            std::printf("S %s\n", qPrintable(id));
            std::fflush(stdout);
        }
        if (status != QLatin1String("completed")) {
            if (!s.operations.complete(scope, id))
                return 1;
            std::printf("C %s\n", qPrintable(id));
            std::fflush(stdout);
        }
    }
    std::printf("DONE\n");
    return 0;
}
