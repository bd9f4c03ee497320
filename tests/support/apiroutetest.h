#pragma once

#include "apifixture.h"

#include <QObject>

namespace ery::test {

// The base of the REST route suites (tests/api/tst_api<area>.cpp): one served shop per executable,
// a read_write key and an admin key of its live scope. Qt Test runs the base's initTestCase.
class ApiRouteTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();

protected:
    std::unique_ptr<ApiFixture> f;
    QString key, admin;
};

} // namespace ery::test
