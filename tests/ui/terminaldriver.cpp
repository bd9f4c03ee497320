#include "terminaldriver.h"

#include "client/engineclient.h"
#include "terminal/loginpage.h"
#include "terminal/operationpanel.h"
#include "terminal/queuerowdelegate.h"
#include "terminal/terminalwindow.h"
#include "terminal/workpage.h"

#include <QDate>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkReply>
#include <QPushButton>
#include <QtTest>

namespace ery::test {

void TerminalDriver::attach(ui::TerminalWindow *window, client::EngineClient *client, const QString &assemblyCell)
{
    m_window = window;
    m_client = client;
    m_assembly = assemblyCell;
}

void TerminalDriver::setApi(const QString &base, const QString &bearer)
{
    m_base = base;
    m_bearer = bearer;
}

ui::WorkPage *TerminalDriver::work() const
{
    return m_window->workPage();
}

ui::OperationPanel *TerminalDriver::panel() const
{
    return work()->panel();
}

Json TerminalDriver::http(const QByteArray &method, const QString &path, const Json &body, int *status)
{
    QNetworkRequest req(QUrl(m_base + path));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!m_bearer.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_bearer.toUtf8());
    QNetworkReply *reply = m_nam.sendCustomRequest(req, method, body.is_null() ? QByteArray() : QByteArray::fromStdString(body.dump()));
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
        return Json();
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray raw = reply->readAll();
    reply->deleteLater();
    return Json::parse(raw.toStdString(), nullptr, false);
}

QString TerminalDriver::makeJob(const QString &number, int quantity)
{
    const Json body{{"job_number", number.toStdString()},
                    {"customer", "Terminal test"},
                    {"due_date", QDate::currentDate().toString(Qt::ISODate).toStdString()},
                    {"parts",
                     Json::array({Json{{"part_number", (number + QStringLiteral("-A")).toStdString()},
                                       {"material", "S235 3 mm"},
                                       {"quantity", quantity},
                                       {"operations", Json::array({Json{{"operation_name", "Assemble"}, {"cell_name", "Assembly"},
                                                                        {"sequence", 1}, {"estimated_time", 30}}})}}})}};
    int status = 0;
    const Json job = http("POST", QStringLiteral("/api/v1/jobs"), body, &status);
    if (status != 201)
        return {};
    return QString::fromStdString(job["data"]["job"]["parts"][0]["operations"][0].value("id", std::string()));
}

QString TerminalDriver::statusOf(const QString &opId)
{
    return QString::fromStdString(http("GET", QStringLiteral("/api/v1/operations/") + opId)["data"]["operation"].value("status", std::string()));
}

bool TerminalDriver::inQueue(const QString &opId) const
{
    for (int i = 0; i < 3; ++i)
        for (int r = 0; r < work()->queue(i)->count(); ++r)
            if (work()->queue(i)->item(r)->data(ui::QueueRowDelegate::IdRole).toString() == opId)
                return true;
    return false;
}

void TerminalDriver::typePin(const QString &employee, const QString &pin)
{
    ui::LoginPage *login = m_window->loginPage();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPage(), static_cast<QWidget *>(login), 5000);
    login->employeeField()->setText(employee);
    login->pinField()->clear();
    // The operator touches the PIN field; the keypad types where the focus is.
    QTest::mouseClick(login->pinField(), Qt::LeftButton);
    // The keypad, as an operator's finger does it.
    for (const QChar d : pin) {
        auto *key = login->findChild<QPushButton *>(QStringLiteral("pinKey") + d);
        QVERIFY(key && key->isVisible());
        QTest::mouseClick(key, Qt::LeftButton);
    }
    QCOMPARE(login->pinField()->text(), pin);
    QTest::mouseClick(login->findChild<QPushButton *>(QStringLiteral("pinOk")), Qt::LeftButton);
}

void TerminalDriver::signIn(const QString &employee, const QString &pin)
{
    if (m_window->currentPage() == work())
        m_window->lock({});
    typePin(employee, pin);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPage(), static_cast<QWidget *>(work()), 5000);
    QTRY_VERIFY(m_client->isSignedIn());
}

void TerminalDriver::openInAssembly(const QString &opId)
{
    work()->showCell(m_assembly);
    QTRY_VERIFY_WITH_TIMEOUT(inQueue(opId), 5000);
    QVERIFY(work()->selectOperation(opId));
    QTRY_COMPARE(panel()->operationId(), opId);
}

} // namespace ery::test
