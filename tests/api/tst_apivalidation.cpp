#include "apiroutetest.h"

#include "http/apiserver.h"

#include <QElapsedTimer>
#include <QTest>

using namespace ery;
using namespace ery::test;

// What a client may send is bounded and checked before it reaches the database: a null for a
// NOT NULL column, an overlong value, a huge metadata, an overlong or wildcard-laden filter are
// the caller's mistake (4xx naming it), never a 500, and never stored to break later reads.
class TestApiValidation : public ApiRouteTest {
    Q_OBJECT
private slots:
    void nullForNotNullColumns_data();
    void nullForNotNullColumns();
    void nullInNestedAndBulkBodies();
    void queryParametersAreBounded();
    void likeWildcardsAreLiteral();
    void textLimits();
    void numbersOutOfColumnRange();
    void bigMetadataIsRefusedAndReadsKeepWorking();
    void bigPatchIsRefusedQuickly();
    void openApiPublishesEveryLimit();

private:
    // The fields a 422 names.
    static QStringList fieldsOf(const ApiFixture::Reply &r);
    QString idOf(const QString &collection, const Json &body);
};

QStringList TestApiValidation::fieldsOf(const ApiFixture::Reply &r)
{
    QStringList out;
    if (!r.body.is_object() || !r.body.contains("error"))
        return out;
    const Json d = r.body["error"].value("details", Json());
    if (d.is_array())
        for (const auto &e : d)
            out << str(e, "field");
    return out;
}

QString TestApiValidation::idOf(const QString &collection, const Json &body)
{
    auto c = f->call("POST", "/api/v1/" + collection, admin, body);
    if (c.status != 201)
        qWarning() << "creating in" << collection << "failed" << c.status << c.raw.left(300);
    const Json data = c.data();
    for (auto it = data.begin(); it != data.end(); ++it)
        if (it->is_object() && it->contains("id"))
            return str(*it, "id");
    return {};
}

void TestApiValidation::nullForNotNullColumns_data()
{
    // method, path (with {id} for a record created from `seed` in `collection`), body, fields named.
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("collection");
    QTest::addColumn<QString>("seed");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QStringList>("fields");
    const QString none;
    QTest::newRow("cell POST") << QByteArray("POST") << "cells" << none << ""
                               << R"({"name":"Null Cell","sequence":null,"active":null,"capacity_hours_per_day":null})"
                               << QStringList{"sequence", "active", "capacity_hours_per_day"};
    QTest::newRow("cell PATCH") << QByteArray("PATCH") << "cells"
                                << R"({"name":"Cell P"})"
                                << ""
                                << R"({"enforce_wip_limit":null})" << QStringList{"enforce_wip_limit"};
    QTest::newRow("resource PUT") << QByteArray("PUT") << "resources"
                                  << R"({"name":"Res P"})"
                                  << ""
                                  << R"({"type":null,"status":null})" << QStringList{"type", "status"};
    QTest::newRow("material POST") << QByteArray("POST") << "materials" << none << ""
                                   << R"({"name":"Steel N","active":null})" << QStringList{"active"};
    QTest::newRow("scrap reason POST") << QByteArray("POST") << "scrap-reasons" << none << ""
                                       << R"({"code":"N1","description":"x","category":null})" << QStringList{"category"};
    QTest::newRow("scrap reason PUT") << QByteArray("PUT") << "scrap-reasons"
                                      << R"({"code":"N2","description":"d"})"
                                      << ""
                                      << R"({"category":null,"active":null,"metadata":null})" << QStringList{"category", "active"};
    QTest::newRow("substep PATCH") << QByteArray("PATCH") << "substeps" << QStringLiteral("SUBSTEP") << ""
                                   << R"({"sequence":null})" << QStringList{"sequence"};
    QTest::newRow("substep template item POST") << QByteArray("POST") << "substep-templates"
                                                << R"({"name":"T Items"})"
                                                << "/items"
                                                << R"({"name":"Item","sequence":null})" << QStringList{"sequence"};
    QTest::newRow("substep template POST") << QByteArray("POST") << "substep-templates" << none << ""
                                           << R"({"name":"T N","is_global":null})" << QStringList{"is_global"};
    QTest::newRow("operator POST") << QByteArray("POST") << "operators" << none << ""
                                   << R"({"full_name":"N Op","pin":"4321","active":null})" << QStringList{"active"};
    QTest::newRow("part PATCH") << QByteArray("PATCH") << "parts" << QStringLiteral("PART") << ""
                                << R"({"quantity":null,"is_bullet_card":null})" << QStringList{"quantity", "is_bullet_card"};
    QTest::newRow("operation PATCH") << QByteArray("PATCH") << "operations" << QStringLiteral("OP") << ""
                                     << R"({"sequence":null,"estimated_time":null})" << QStringList{"sequence", "estimated_time"};
    QTest::newRow("resource sync") << QByteArray("PUT") << "resources/sync" << none << ""
                                   << R"({"external_id":"R-N","external_source":"erp","name":"Synced","active":null})"
                                   << QStringList{"active"};
    QTest::newRow("cell compat POST") << QByteArray("POST") << "compat:api-cells" << none << ""
                                      << R"({"name":"Compat N","sequence":null})" << QStringList{"sequence"};
    QTest::newRow("webhook PATCH") << QByteArray("PATCH") << "webhooks" << QStringLiteral("WEBHOOK") << ""
                                   << R"({"active":null})" << QStringList{"active"};
    QTest::newRow("mqtt publisher PATCH") << QByteArray("PATCH") << "mqtt-publishers" << QStringLiteral("MQTT") << ""
                                          << R"({"use_tls":null,"qos":null,"port":null})" << QStringList{"port", "use_tls", "qos"};
}

void TestApiValidation::nullForNotNullColumns()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, collection);
    QFETCH(QString, seed);
    QFETCH(QString, suffix);
    QFETCH(QString, body);
    QFETCH(QStringList, fields);
    QString path = collection.startsWith(QLatin1String("compat:")) ? "/functions/v1/" + collection.mid(7) : "/api/v1/" + collection;
    if (!seed.isEmpty()) {
        QString id;
        if (seed == QLatin1String("PART"))
            id = f->shop().partId;
        else if (seed == QLatin1String("OP"))
            id = f->shop().ops[0];
        else if (seed == QLatin1String("SUBSTEP"))
            id = idOf(collection, Json{{"operation_id", toStd(f->shop().ops[0])}, {"name", "Null step"}});
        else if (seed == QLatin1String("WEBHOOK"))
            id = idOf(collection, Json{{"url", "https://example.com/hook"}, {"events", {"*"}}});
        else if (seed == QLatin1String("MQTT"))
            id = idOf(collection, Json{{"name", "Broker N"}, {"broker_url", "broker.example.com"}, {"events", {"*"}}});
        else
            id = idOf(collection, Json::parse(seed.toStdString()));
        QVERIFY(!id.isEmpty());
        path += "/" + id + suffix;
    }
    auto r = f->callRaw(method, path, admin, body.toUtf8());
    EXPECT_STATUS(r, 422);
    QCOMPARE(r.code(), QStringLiteral("VALIDATION_ERROR"));
    QStringList named = fieldsOf(r);
    named.sort();
    fields.sort();
    QCOMPARE(named, fields);
    for (const auto &d : r.body["error"]["details"]) {
        QVERIFY(d.contains("message") && d.contains("value") && d.contains("constraint"));
        QVERIFY(d["value"].is_null());
    }
}

void TestApiValidation::nullInNestedAndBulkBodies()
{
    // A part nested in a job: the field is named with its place in the tree.
    auto j =
        f->call("POST", "/api/v1/jobs", key,
                Json{{"job_number", "J-NULL-1"}, {"parts", {{{"part_number", "P-NULL-1"}, {"material", "S235"}, {"quantity", nullptr}}}}});
    EXPECT_STATUS(j, 422);
    QVERIFY2(fieldsOf(j).contains(QStringLiteral("parts[0].quantity")), j.raw.constData());
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs?job_number=J-NULL-1", key), 200);
    QCOMPARE(f->call("GET", "/api/v1/jobs?job_number=J-NULL-1", key).data()["pagination"].value("total", -1), 0);

    // Bulk sync: the item fails with the 422 of its own; the call itself is answered.
    auto b = f->call("POST", "/api/v1/cells/bulk-sync", key,
                     Json{{"items",
                           {{{"external_id", "C-N1"}, {"external_source", "erp"}, {"name", "Bulk Null"}, {"sequence", nullptr}},
                            {{"external_id", "C-N2"}, {"external_source", "erp"}, {"name", "Bulk Fine"}}}}});
    EXPECT_STATUS(b, 200);
    QCOMPARE(b.data()["results"].value("failed", -1), 1);
    QCOMPARE(b.data()["results"].value("created", -1), 1);
    const Json err = b.data()["results"]["items"][0]["error"];
    QCOMPARE(str(err, "code"), QStringLiteral("VALIDATION_ERROR"));
    QCOMPARE(str(err["details"][0], "field"), QStringLiteral("sequence"));
    // Sync updating an existing record with a null.
    auto s = f->call("PUT", "/functions/v1/api-cells/sync", key,
                     Json{{"external_id", "C-N2"}, {"external_source", "erp"}, {"show_capacity_warning", nullptr}});
    EXPECT_STATUS(s, 422);
    QCOMPARE(fieldsOf(s), QStringList{QStringLiteral("show_capacity_warning")});
}

void TestApiValidation::queryParametersAreBounded()
{
    const QString huge(50000, QLatin1Char('a'));
    for (const QString &param : {QStringLiteral("customer"), QStringLiteral("search"), QStringLiteral("job_number")}) {
        auto r = f->call("GET", "/api/v1/jobs?" + param + "=" + huge, key);
        EXPECT_STATUS(r, 400);
        QCOMPARE(r.code(), QStringLiteral("BAD_REQUEST"));
        QVERIFY2(str(r.body["error"], "message").contains(param), r.raw.constData());
        QVERIFY2(str(r.body["error"], "message").contains(QLatin1String("256")), r.raw.constData());
    }
    // Every parameter, not only the list filters; on the compatible table too.
    auto other = f->call("GET", "/api/v1/jobs?status=" + QString(5000, QLatin1Char('x')), key);
    EXPECT_STATUS(other, 400);
    QVERIFY(str(other.body["error"], "message").contains(QLatin1String("status")));
    auto compat = f->call("GET", "/functions/v1/api-parts?material=" + huge, key);
    EXPECT_STATUS(compat, 400);
    QVERIFY(str(compat.body["error"], "message").contains(QLatin1String("material")));
    // A NUL is not text (PostgreSQL cannot take it as a parameter).
    auto nul = f->call("GET", "/api/v1/jobs?status=a%00b", key);
    EXPECT_STATUS(nul, 400);
    QVERIFY(str(nul.body["error"], "message").contains(QLatin1String("status")));
    // At the limit: answered.
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs?customer=" + QString(256, QLatin1Char('a')), key), 200);
    EXPECT_STATUS(f->call("GET", "/api/v1/jobs?search=" + QString(256, QLatin1Char('a')), key), 200);
}

void TestApiValidation::likeWildcardsAreLiteral()
{
    for (const char *n : {"WILD_1", "WILDX1", "PCT%1", "PCTX1", "BSL\\1", "BSLX1"})
        EXPECT_STATUS(f->call("POST", "/api/v1/jobs", key, Json{{"job_number", n}, {"customer", std::string("Cust ") + n}}), 201);
    auto numbers = [&](const QString &query) {
        QStringList out;
        const Json data = f->call("GET", "/api/v1/jobs?limit=1000&" + query, key).data();
        for (const auto &j : data["jobs"])
            out << str(j, "job_number");
        out.sort();
        return out;
    };
    QCOMPARE(numbers(QStringLiteral("search=wild_")), QStringList{QStringLiteral("WILD_1")});
    QCOMPARE(numbers(QStringLiteral("job_number=wild_")), QStringList{QStringLiteral("WILD_1")});
    QCOMPARE(numbers(QStringLiteral("customer=cust%20wild_")), QStringList{QStringLiteral("WILD_1")});
    QCOMPARE(numbers(QStringLiteral("search=pct%25")), QStringList{QStringLiteral("PCT%1")});
    QCOMPARE(numbers(QStringLiteral("search=bsl%5C")), QStringList{QStringLiteral("BSL\\1")});
    QCOMPARE(numbers(QStringLiteral("search=%25_")), QStringList{});
}

void TestApiValidation::textLimits()
{
    // Every string has a maximum, in characters (not bytes): 200 two-byte characters fit a 200 limit.
    EXPECT_STATUS(f->call("POST", "/api/v1/jobs", key, Json{{"job_number", "J-LEN-1"}, {"customer", std::string(200, 'a')}}), 201);
    std::string twoByte;
    for (int i = 0; i < 200; ++i)
        twoByte += "\xc3\xa9"; // é
    EXPECT_STATUS(f->call("POST", "/api/v1/jobs", key, Json{{"job_number", "J-LEN-2"}, {"customer", twoByte}}), 201);
    auto r = f->call("POST", "/api/v1/jobs", key,
                     Json{{"job_number", "J-LEN-3"},
                          {"customer", twoByte + "x"},
                          {"delivery_city", std::string(201, 'c')},
                          {"notes", std::string(10001, 'n')},
                          {"external_source", std::string(101, 's')}});
    EXPECT_STATUS(r, 422);
    QStringList named = fieldsOf(r);
    named.sort();
    QCOMPARE(named, (QStringList{"customer", "delivery_city", "external_source", "notes"}));
    for (const auto &d : r.body["error"]["details"]) {
        QCOMPARE(str(d, "constraint"), QStringLiteral("maxLength"));
        QVERIFY(str(d, "message").contains(QLatin1String("characters")));
    }
    // Lists of strings: bounded in count and per item.
    auto p = f->call("PATCH", "/api/v1/parts/" + f->shop().partId, key,
                     Json{{"file_paths", Json(std::vector<std::string>(101, "a.pdf"))}, {"image_paths", {std::string(1001, 'i')}}});
    EXPECT_STATUS(p, 422);
    named = fieldsOf(p);
    named.sort();
    QCOMPARE(named, (QStringList{"file_paths", "image_paths[0]"}));
    // A NUL character is not text (PostgreSQL cannot even store it).
    auto nul = f->call("POST", "/api/v1/jobs", key, Json{{"job_number", std::string("J-NUL\0X", 7)}});
    EXPECT_STATUS(nul, 422);
    QCOMPARE(fieldsOf(nul), QStringList{QStringLiteral("job_number")});
    // Also where the value is used before it is stored (sync keys, a cell by name) or stored as
    // it is (a JSON column holding a bare string).
    auto syncNul =
        f->call("PUT", "/api/v1/parts/sync", key,
                Json{{"external_id", "P-NUL"}, {"external_source", std::string("erp\0", 4)}, {"job_external_id", std::string("j\0", 2)}});
    EXPECT_STATUS(syncNul, 422);
    auto cellNul = f->call("POST", "/api/v1/operations", key,
                           Json{{"part_id", toStd(f->shop().partId)}, {"operation_name", "Op"}, {"cell_name", std::string("La\0ser", 6)}});
    EXPECT_STATUS(cellNul, 422);
    QCOMPARE(fieldsOf(cellNul), QStringList{QStringLiteral("cell_name")});
    auto metaNul = f->call("PATCH", "/api/v1/jobs/" + f->shop().jobId, key, Json{{"metadata", std::string("a\0b", 3)}});
    EXPECT_STATUS(metaNul, 422);
    QCOMPARE(fieldsOf(metaNul), QStringList{QStringLiteral("metadata")});
}

void TestApiValidation::numbersOutOfColumnRange()
{
    // Integer columns are 32-bit on PostgreSQL; JSON numbers are unbounded.
    auto r = f->callRaw("PATCH", "/api/v1/jobs/" + f->shop().jobId, key, R"({"package_count": 3000000000, "total_weight_kg": 1e308})");
    EXPECT_STATUS(r, 422);
    QCOMPARE(fieldsOf(r), QStringList{QStringLiteral("package_count")});
    QCOMPARE(str(r.body["error"]["details"][0], "constraint"), QStringLiteral("maximum"));
    auto u = f->callRaw("PATCH", "/api/v1/parts/" + f->shop().partId, key, R"({"quantity": 18446744073709551615})");
    EXPECT_STATUS(u, 422);
    auto big = f->callRaw("PATCH", "/api/v1/parts/" + f->shop().partId, key, R"({"quantity": 1e300})");
    EXPECT_STATUS(big, 422);
    EXPECT_STATUS(f->call("GET", "/api/v1/parts/" + f->shop().partId, key), 200);
}

void TestApiValidation::bigMetadataIsRefusedAndReadsKeepWorking()
{
    const QString job = idOf(QStringLiteral("jobs"), Json{{"job_number", "J-META"}});
    QVERIFY(!job.isEmpty());
    // 2 MB of metadata: under the body limit, far over the metadata limit.
    Json meta = Json::object();
    meta["blob"] = std::string(2 * 1024 * 1024, 'm');
    auto r = f->call("PATCH", "/api/v1/jobs/" + job, key, Json{{"metadata", meta}});
    EXPECT_STATUS(r, 422);
    QCOMPARE(fieldsOf(r), QStringList{QStringLiteral("metadata")});
    QCOMPARE(str(r.body["error"]["details"][0], "constraint"), QStringLiteral("maxBytes"));
    QVERIFY2(r.raw.size() < 4096, "the refusal echoes the huge value back");
    // Too many properties.
    Json many = Json::object();
    for (int i = 0; i < 101; ++i)
        many["k" + std::to_string(i)] = i;
    auto m = f->call("POST", "/api/v1/jobs", key, Json{{"job_number", "J-META-2"}, {"metadata", many}});
    EXPECT_STATUS(m, 422);
    QCOMPARE(str(m.body["error"]["details"][0], "constraint"), QStringLiteral("maxProperties"));
    // 30 MB, through every write path that takes metadata.
    Json huge = Json::object();
    huge["blob"] = std::string(30 * 1000 * 1000, 'h');
    EXPECT_STATUS(f->call("PUT", "/functions/v1/api-jobs?id=" + job, key, Json{{"metadata", huge}}), 422);
    EXPECT_STATUS(f->call("PUT", "/api/v1/jobs/sync", key,
                          Json{{"external_id", "M-1"}, {"external_source", "erp"}, {"job_number", "J-META-3"}, {"metadata", huge}}),
                  422);
    EXPECT_STATUS(f->call("PATCH", "/api/v1/resources/" + idOf(QStringLiteral("resources"), Json{{"name", "Meta Res"}}), key,
                          Json{{"metadata", huge}}),
                  422);
    // At the limit it is stored, and every read of it keeps working.
    Json fits = Json::object();
    fits["blob"] = std::string(60 * 1024, 'f');
    EXPECT_STATUS(f->call("PATCH", "/api/v1/jobs/" + job, key, Json{{"metadata", fits}}), 200);
    auto one = f->call("GET", "/api/v1/jobs/" + job, key);
    EXPECT_STATUS(one, 200);
    QCOMPARE(one.data()["job"]["metadata"]["blob"].get<std::string>().size(), size_t(60 * 1024));
    auto list = f->call("GET", "/api/v1/jobs?limit=1000", key);
    EXPECT_STATUS(list, 200);
    EXPECT_STATUS(f->call("GET", "/functions/v1/api-jobs?limit=1000", key), 200);
}

void TestApiValidation::bigPatchIsRefusedQuickly()
{
    Json meta = Json::object();
    meta["blob"] = std::string(5 * 1000 * 1000, 'p');
    const QByteArray body = QByteArray::fromStdString(Json{{"metadata", meta}, {"notes", std::string(20000, 'n')}}.dump());
    QElapsedTimer t;
    t.start();
    auto r = f->callRaw("PATCH", "/api/v1/jobs/" + f->shop().jobId, key, body);
    const qint64 ms = t.elapsed();
    qInfo("a 5 MB PATCH was answered %d in %lld ms", r.status, ms);
    EXPECT_STATUS(r, 422);
    QVERIFY2(ms < 500, qPrintable(QStringLiteral("took %1 ms").arg(ms)));
}

void TestApiValidation::openApiPublishesEveryLimit()
{
    auto o = f->call("GET", "/api/v1/openapi.json");
    EXPECT_STATUS(o, 200);
    int strings = 0, jsons = 0;
    QStringList missing;
    std::function<void(const Json &, const QString &)> walk = [&](const Json &schema, const QString &where) {
        if (!schema.is_object())
            return;
        if (schema.contains("properties"))
            for (auto it = schema["properties"].begin(); it != schema["properties"].end(); ++it) {
                const Json &p = it.value();
                const QString at = where + "." + QString::fromStdString(it.key());
                const std::string type = p.value("type", Json("")).is_string() ? p.value("type", std::string()) : std::string();
                if (type == "string" && !p.contains("enum") && !p.contains("format")) {
                    ++strings;
                    if (!p.contains("maxLength"))
                        missing << at;
                } else if (type == "array") {
                    // A list column (of strings) is bounded; lists of nested records are walked.
                    walk(p["items"], at + "[]");
                    const Json &items = p["items"];
                    if (items.value("type", Json("")) == "string" && !items.contains("format") && !items.contains("enum") &&
                        (!items.contains("maxLength") || !p.contains("maxItems")))
                        missing << at + "[]";
                } else if (type.empty() || type == "object") {
                    if (!p.contains("properties")) {
                        ++jsons;
                        if (!p.contains("maxProperties") || !p.contains("x-max-bytes"))
                            missing << at;
                    }
                    walk(p, at);
                } else if (type == "integer" && !p.contains("maximum")) {
                    missing << at + " (maximum)";
                }
            }
    };
    for (auto pit = o.body["paths"].begin(); pit != o.body["paths"].end(); ++pit)
        for (auto mit = pit.value().begin(); mit != pit.value().end(); ++mit) {
            const Json &op = mit.value();
            if (!op.is_object() || !op.contains("requestBody"))
                continue;
            for (auto cit = op["requestBody"]["content"].begin(); cit != op["requestBody"]["content"].end(); ++cit)
                walk(cit.value().value("schema", Json()), QString::fromStdString(mit.key() + " " + pit.key()));
        }
    QVERIFY(strings > 100);
    QVERIFY(jsons >= 6);
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("\n"))));
    const Json meta =
        o.body["paths"]["/api/v1/jobs"]["post"]["requestBody"]["content"]["application/json"]["schema"]["properties"]["metadata"];
    QCOMPARE(meta.value("maxProperties", 0), 100);
    QCOMPARE(meta.value("x-max-bytes", 0), 65536);
}

QTEST_GUILESS_MAIN(TestApiValidation)
#include "tst_apivalidation.moc"
