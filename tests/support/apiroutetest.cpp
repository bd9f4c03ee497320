#include "apiroutetest.h"

namespace ery::test {

void ApiRouteTest::initTestCase()
{
    f = ApiFixture::create();
    key = f->key(f->shop().scope);
    admin = f->key(f->shop().scope, QStringLiteral("admin"));
}

} // namespace ery::test
