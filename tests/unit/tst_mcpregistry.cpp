#include "core/jsonutil.h"
#include "mcp/schema.h"
#include "mcp/toolregistry.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace ery;
using namespace ery::mcp;

// The tool registry as tools/list, docs/mcp.md and the clients see it: at least 55 tools in 9
// modules, unique snake_case names, closed input schemas, an output schema each, the catalogue in
// docs/mcp.md generated from it; and the argument checker every call goes through.
class TestMcpRegistry : public QObject {
    Q_OBJECT
private slots:
    void fiftyFiveToolsInNineModules();
    void everyToolIsDescribedCompletely();
    void catalogueMatchesDocs();
    void argumentsAreChecked_data();
    void argumentsAreChecked();
};

void TestMcpRegistry::fiftyFiveToolsInNineModules()
{
    const ToolRegistry &r = ToolRegistry::standard();
    QVERIFY2(r.tools().size() >= 55, qPrintable(QStringLiteral("%1 tools").arg(r.tools().size())));
    QVERIFY2(r.modules().size() >= 9, qPrintable(r.modules().join(QStringLiteral(", "))));
    QSet<QString> names;
    static const QRegularExpression snake(QStringLiteral("^[a-z][a-z0-9_]{1,63}$"));
    for (const Tool &t : r.tools()) {
        QVERIFY2(!names.contains(t.name), qPrintable(t.name));
        QVERIFY2(snake.match(t.name).hasMatch(), qPrintable(t.name));
        names.insert(t.name);
        QCOMPARE(r.find(t.name), &t);
    }
    // The original's bugs stay fixed: fetch_ncrs under its own name, no shadowed tool.
    for (const char *n : {"fetch_jobs", "get_job", "start_operation", "resume_operation", "start_timing", "stop_timing",
                          "fetch_time_entries", "fetch_active_work", "get_part", "create_part", "get_operation"})
        QVERIFY2(r.find(QLatin1String(n)), n);
}

void TestMcpRegistry::everyToolIsDescribedCompletely()
{
    for (const Tool &t : ToolRegistry::standard().tools()) {
        const QByteArray n = t.name.toUtf8();
        QVERIFY2(!t.title.isEmpty() && t.description.size() > 10 && !t.module.isEmpty(), n);
        QVERIFY2(t.inputSchema.value("type", Json()) == "object", n);
        QVERIFY2(t.inputSchema.value("additionalProperties", Json()) == false, n);
        QVERIFY2(t.outputSchema.is_object() && t.outputSchema.value("type", Json()) == "object", n);
        QVERIFY2(static_cast<bool>(t.handler), n);
        for (const Json &req : t.inputSchema.value("required", Json::array()))
            QVERIFY2(t.inputSchema["properties"].contains(req.get<std::string>()), n);
        // A read-only tool is never destructive.
        QVERIFY2(!(t.hints.readOnly && t.hints.destructive), n);
        const Json d = t.describe();
        QVERIFY2(d["annotations"].contains("readOnlyHint") && d.contains("outputSchema"), n);
    }
}

void TestMcpRegistry::catalogueMatchesDocs()
{
    const QString path = QStringLiteral(ERYXON_SOURCE_DIR "/docs/mcp.md");
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QString doc = QString::fromUtf8(f.readAll());
    f.close();
    const QString begin = QStringLiteral("<!-- tools:begin -->\n"), end = QStringLiteral("<!-- tools:end -->");
    const qsizetype b = doc.indexOf(begin), e = doc.indexOf(end);
    QVERIFY2(b >= 0 && e > b, "docs/mcp.md has the tools markers");
    const QString generated = ToolRegistry::standard().catalogue();
    const QString current = doc.mid(b + begin.size(), e - b - begin.size());
    if (current != generated && qEnvironmentVariableIsSet("ERYXON_UPDATE_DOCS")) {
        doc.replace(b + begin.size(), e - b - begin.size(), generated);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(doc.toUtf8());
        return;
    }
    QVERIFY2(current == generated,
             "docs/mcp.md's tool catalogue differs from the registry: run ERYXON_UPDATE_DOCS=1 ctest -R mcp_registry");
}

void TestMcpRegistry::argumentsAreChecked_data()
{
    QTest::addColumn<QByteArray>("schema");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("violation"); // empty: valid
    const QByteArray obj = R"({"type":"object","additionalProperties":false,"required":["id"],
        "properties":{"id":{"type":"string","format":"uuid"},"limit":{"type":"integer","minimum":1,"maximum":1000},
        "status":{"type":"string","enum":["a","b"]},"name":{"type":"string","maxLength":3,"minLength":1},
        "when":{"type":"string","format":"date-time"},"day":{"type":"string","format":"date"},
        "ids":{"type":"array","maxItems":2,"items":{"type":"string","format":"uuid"}},"x":{"type":"number"}}})";
    const QByteArray id = R"("0190f0a0-0000-7000-8000-000000000001")";
    QTest::newRow("valid") << obj << QByteArray("{\"id\":" + id + ",\"limit\":5,\"status\":\"a\",\"name\":\"äbc\"}") << QString();
    QTest::newRow("missing") << obj << QByteArray("{}") << QStringLiteral("arguments.id: required");
    QTest::newRow("unknown") << obj << QByteArray("{\"id\":" + id + ",\"drop\":1}") << QStringLiteral("arguments.drop: unknown argument");
    QTest::newRow("not uuid") << obj << QByteArray(R"({"id":"x"})") << QStringLiteral("arguments.id: not a valid uuid");
    QTest::newRow("below") << obj << QByteArray("{\"id\":" + id + ",\"limit\":0}") << QStringLiteral("arguments.limit: must be at least 1");
    QTest::newRow("above") << obj << QByteArray("{\"id\":" + id + ",\"limit\":1001}")
                           << QStringLiteral("arguments.limit: must be at most 1000");
    QTest::newRow("fraction") << obj << QByteArray("{\"id\":" + id + ",\"limit\":1.5}")
                              << QStringLiteral("arguments.limit: must be integer");
    QTest::newRow("whole float") << obj << QByteArray("{\"id\":" + id + ",\"limit\":2.0}") << QString();
    QTest::newRow("enum") << obj << QByteArray("{\"id\":" + id + ",\"status\":\"c\"}")
                          << QStringLiteral("arguments.status: must be one of a, b");
    QTest::newRow("long") << obj << QByteArray("{\"id\":" + id + ",\"name\":\"abcd\"}")
                          << QStringLiteral("arguments.name: longer than 3 characters");
    QTest::newRow("empty") << obj << QByteArray("{\"id\":" + id + ",\"name\":\"\"}") << QStringLiteral("arguments.name: must not be empty");
    QTest::newRow("date-time") << obj << QByteArray("{\"id\":" + id + ",\"when\":\"yesterday\"}")
                               << QStringLiteral("arguments.when: not a valid date-time");
    QTest::newRow("date") << obj << QByteArray("{\"id\":" + id + ",\"day\":\"2026-02-30\"}")
                          << QStringLiteral("arguments.day: not a valid date");
    QTest::newRow("items") << obj << QByteArray("{\"id\":" + id + ",\"ids\":[" + id + ",\"y\"]}")
                           << QStringLiteral("arguments.ids[1]: not a valid uuid");
    QTest::newRow("too many") << obj << QByteArray("{\"id\":" + id + ",\"ids\":[" + id + "," + id + "," + id + "]}")
                              << QStringLiteral("arguments.ids: more than 2 items");
    QTest::newRow("type") << obj << QByteArray("{\"id\":" + id + ",\"x\":\"1\"}") << QStringLiteral("arguments.x: must be number");
    QTest::newRow("null") << obj << QByteArray("{\"id\":null}") << QStringLiteral("arguments.id: must be string");
    QTest::newRow("not an object") << obj << QByteArray("[]") << QStringLiteral("arguments: must be object");
}

void TestMcpRegistry::argumentsAreChecked()
{
    QFETCH(QByteArray, schema);
    QFETCH(QByteArray, value);
    QFETCH(QString, violation);
    const auto v = schema::violation(Json::parse(schema.toStdString()), Json::parse(value.toStdString()));
    QCOMPARE(v.value_or(QString()), violation);
}

QTEST_GUILESS_MAIN(TestMcpRegistry)
#include "tst_mcpregistry.moc"
