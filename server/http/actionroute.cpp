#include "actionroute.h"

namespace ery::http {

void installActions(Router &router, std::initializer_list<ActionRoute> actions)
{
    for (const ActionRoute &a : actions) {
        router.add(a.method, QString::fromLatin1(a.path), a.access, a.handler, a.doc);
        if (a.compatPath)
            router.compat(a.method, QString::fromLatin1(a.compatPath), a.access, a.handler, a.doc.textParams);
    }
}

Json operatorBodySchema()
{
    return Json{{"type", "object"}, {"properties", {{"operator_id", {{"type", "string"}, {"format", "uuid"}}}}}};
}

} // namespace ery::http
