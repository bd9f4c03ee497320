#include "domain/brokeraddress.h"
#include "domain/mqtttopic.h"
#include "domain/rules.h"

#include <QTest>

using namespace ery::domain;

class TestDomainRules : public QObject {
    Q_OBJECT
private slots:
    void workTransitions_data();
    void workTransitions();
    void issueTransitions_data();
    void issueTransitions();
    void pins();
    void minutes();
    void wip();
    void notificationSeverity();
    void qualityScore();
    void enums();
    void brokerAddresses_data();
    void brokerAddresses();
    void unsNames();
};

void TestDomainRules::workTransitions_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<int>("action");
    QTest::addColumn<QString>("to"); // empty = refused
    const QStringList all{"not_started", "in_progress", "on_hold", "completed"};
    // The whole table: every (status, action) pair, allowed or refused.
    const QHash<QString, QString> expected{
        {"not_started/start", "in_progress"}, {"on_hold/start", "in_progress"},      {"in_progress/pause", "on_hold"},
        {"on_hold/resume", "in_progress"},    {"in_progress/complete", "completed"}, {"on_hold/complete", "completed"},
    };
    for (const QString &from : all)
        for (Action a : {Action::Start, Action::Pause, Action::Resume, Action::Complete}) {
            const QString key = from + QLatin1Char('/') + actionName(a);
            QTest::newRow(qPrintable(key)) << from << int(a) << expected.value(key);
        }
}

void TestDomainRules::workTransitions()
{
    QFETCH(QString, from);
    QFETCH(int, action);
    QFETCH(QString, to);
    auto next = statusAfter(from, Action(action));
    if (to.isEmpty())
        QVERIFY(!next.has_value());
    else
        QCOMPARE(next.value_or(QString()), to);
}

void TestDomainRules::issueTransitions_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<int>("action");
    QTest::addColumn<QString>("to");
    const QHash<QString, QString> expected{
        {"pending/approve", "approved"}, {"pending/reject", "rejected"}, {"approved/close", "closed"}, {"rejected/close", "closed"}};
    for (const QString &from : {"pending", "approved", "rejected", "closed"})
        for (IssueAction a : {IssueAction::Approve, IssueAction::Reject, IssueAction::Close}) {
            const QString key = from + QLatin1Char('/') + issueActionName(a);
            QTest::newRow(qPrintable(key)) << from << int(a) << expected.value(key);
        }
}

void TestDomainRules::issueTransitions()
{
    QFETCH(QString, from);
    QFETCH(int, action);
    QFETCH(QString, to);
    auto next = issueAfter(from, IssueAction(action));
    if (to.isEmpty())
        QVERIFY(!next.has_value());
    else
        QCOMPARE(next.value_or(QString()), to);
}

void TestDomainRules::pins()
{
    QVERIFY(isValidPin("1234"));
    QVERIFY(isValidPin("123456"));
    QVERIFY(!isValidPin("123"));
    QVERIFY(!isValidPin("1234567"));
    QVERIFY(!isValidPin("12a4"));
    QVERIFY(!isValidPin(" 1234"));
    QVERIFY(!isValidPin(""));
}

void TestDomainRules::minutes()
{
    QCOMPARE(entryMinutes(0, 60 * 60 * 1000, 0), 60);
    QCOMPARE(entryMinutes(0, 60 * 60 * 1000, 15 * 60), 45); // pauses are seconds, subtracted
    QCOMPARE(entryMinutes(0, 89 * 1000, 0), 1);             // rounded
    QCOMPARE(entryMinutes(0, 29 * 1000, 0), 0);
    QCOMPARE(entryMinutes(0, 1000, 600), 0); // never negative
}

void TestDomainRules::wip()
{
    QCOMPARE(wipStatus(5, std::nullopt, std::nullopt), QStringLiteral("no_limit"));
    QCOMPARE(wipStatus(3, 10, std::nullopt), QStringLiteral("normal"));
    QCOMPARE(wipStatus(8, 10, std::nullopt), QStringLiteral("warning")); // 80 % of the limit
    QCOMPARE(wipStatus(6, 10, 6), QStringLiteral("warning"));            // the threshold
    QCOMPARE(wipStatus(10, 10, 6), QStringLiteral("at_capacity"));
    QCOMPARE(wipStatus(12, 10, 6), QStringLiteral("at_capacity"));
}

void TestDomainRules::notificationSeverity()
{
    QCOMPARE(ery::domain::notificationSeverity("critical"), QStringLiteral("high"));
    QCOMPARE(ery::domain::notificationSeverity("high"), QStringLiteral("high"));
    QCOMPARE(ery::domain::notificationSeverity("medium"), QStringLiteral("medium"));
    QCOMPARE(ery::domain::notificationSeverity("low"), QStringLiteral("low"));
}

void TestDomainRules::qualityScore()
{
    QCOMPARE(issueScore(0, 0, 0, 0), 100.0);
    QCOMPARE(issueScore(1, 2, 3, 4), 100.0 - (10 + 10 + 6 + 4));
    QCOMPARE(issueScore(20, 0, 0, 0), 0.0);
    QCOMPARE(resolutionScore(2.0), 100.0);
    QCOMPARE(resolutionScore(10.0), 0.0);
    QCOMPARE(resolutionScore(6.5), 50.0);
    QCOMPARE(ery::domain::qualityScore(90, 80, 100), 0.5 * 90 + 0.3 * 80 + 0.2 * 100);
}

void TestDomainRules::enums()
{
    // The database enums win over the original's validator lists.
    QVERIFY(isNcrCategory("material_defect"));
    QVERIFY(!isNcrCategory("material"));
    QVERIFY(isDisposition("use_as_is"));
    QVERIFY(!isDisposition("repair"));
    QVERIFY(isScrapCategory("material"));
    QVERIFY(!isScrapCategory("Material"));
    QVERIFY(isSeverity("critical"));
    QVERIFY(!isSeverity("urgent"));
}

void TestDomainRules::brokerAddresses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host"); // empty: refused
    QTest::addColumn<int>("port");     // 0: none named
    QTest::addColumn<bool>("tls");
    QTest::newRow("bare") << "broker.lan"
                          << "broker.lan" << 0 << false;
    QTest::newRow("host:port") << "10.0.0.5:1884"
                               << "10.0.0.5" << 1884 << false;
    QTest::newRow("mqtt") << "mqtt://127.0.0.1:56617"
                          << "127.0.0.1" << 56617 << false;
    QTest::newRow("mqtt slash") << "mqtt://broker.lan/"
                                << "broker.lan" << 0 << false;
    QTest::newRow("MQTTS upper") << "MQTTS://broker.lan:8884"
                                 << "broker.lan" << 8884 << true;
    QTest::newRow("tcp") << "tcp://broker.lan"
                         << "broker.lan" << 0 << false;
    QTest::newRow("ssl") << "ssl://broker.lan"
                         << "broker.lan" << 0 << true;
    QTest::newRow("ipv6") << "[fd00::1]:1883"
                          << "fd00::1" << 1883 << false;
    QTest::newRow("bare ipv6") << "fd00::1"
                               << "fd00::1" << 0 << false;
    QTest::newRow("spaces around") << "  broker.lan  "
                                   << "broker.lan" << 0 << false;
    for (const char *bad : {"", "http://broker.lan", "wss://b:1", "mqtt://", "mqtt://b:0", "mqtt://b:65536", "mqtt://b:+5", "mqtt://b:",
                            "mqtt://u:p@b", "mqtt://b/x", "b?x=1", "[fd00::1", "[fd00::1]x", "bro ker", "b\n.lan", "mqtt://b:99999999999"})
        QTest::newRow(qPrintable(QStringLiteral("bad %1").arg(QString::fromLatin1(bad))))
            << QString::fromLatin1(bad) << QString() << 0 << false;
}

void TestDomainRules::brokerAddresses()
{
    QFETCH(QString, text);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(bool, tls);
    const auto a = BrokerAddress::parse(text);
    if (host.isEmpty()) {
        QVERIFY2(!a.ok(), qPrintable(a.host));
        QVERIFY(a.error.contains("broker_url"));
        return;
    }
    QVERIFY2(a.ok(), qPrintable(a.error));
    QCOMPARE(a.host, host);
    QCOMPARE(a.port.value_or(0), port);
    QCOMPARE(a.tls, tls);
    QCOMPARE(a.portOr(1883), port ? port : 1883);
}

void TestDomainRules::unsNames()
{
    QCOMPARE(unsName("Plant 7", "Acme", "eryxon"), QStringLiteral("Plant 7"));
    QCOMPARE(unsName("", "Acme", "eryxon"), QStringLiteral("Acme"));
    QCOMPARE(unsName("###", " ", "eryxon"), QStringLiteral("eryxon"));
}

QTEST_GUILESS_MAIN(TestDomainRules)
#include "tst_domainrules.moc"
