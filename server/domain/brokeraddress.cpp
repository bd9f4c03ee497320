#include "brokeraddress.h"

#include <QRegularExpression>

namespace ery::domain {

BrokerAddress BrokerAddress::parse(const QString &text)
{
    BrokerAddress a;
    QString rest = text.trimmed();
    if (rest.isEmpty()) {
        a.error = QStringLiteral("broker_url is empty: give a host name or address (broker.lan, mqtt://broker.lan:1883)");
        return a;
    }
    if (const int sep = rest.indexOf(QLatin1String("://")); sep >= 0) {
        const QString scheme = rest.left(sep).toLower();
        a.schemeGiven = true;
        if (scheme == QLatin1String("mqtt") || scheme == QLatin1String("tcp")) {
            a.tls = false;
        } else if (scheme == QLatin1String("mqtts") || scheme == QLatin1String("ssl")) {
            a.tls = true;
        } else {
            a.error =
                QStringLiteral("broker_url scheme \"%1\" is not supported: use mqtt://host:port, mqtts://host:port (TLS) or a bare host")
                    .arg(scheme.left(20));
            return a;
        }
        rest = rest.mid(sep + 3);
        if (rest.endsWith(QLatin1Char('/')))
            rest.chop(1);
    }
    if (rest.contains(QLatin1Char('@'))) {
        a.error = QStringLiteral("broker_url must not carry a user name or password: set username and password instead");
        return a;
    }
    if (rest.contains(QLatin1Char('/')) || rest.contains(QLatin1Char('?')) || rest.contains(QLatin1Char('#'))) {
        a.error = QStringLiteral("broker_url must be a host with an optional port, without a path (mqtt://host:port)");
        return a;
    }
    QString portText;
    bool portGiven = false;
    if (rest.startsWith(QLatin1Char('['))) { // [IPv6]:port
        const int close = rest.indexOf(QLatin1Char(']'));
        if (close < 0) {
            a.error = QStringLiteral("broker_url has an unclosed [ around an IPv6 address");
            return a;
        }
        a.host = rest.mid(1, close - 1);
        const QString after = rest.mid(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(QLatin1Char(':'))) {
                a.error = QStringLiteral("broker_url has text after the IPv6 address that is not a port");
                return a;
            }
            portText = after.mid(1);
            portGiven = true;
        }
    } else if (rest.count(QLatin1Char(':')) == 1) {
        a.host = rest.section(QLatin1Char(':'), 0, 0);
        portText = rest.section(QLatin1Char(':'), 1);
        portGiven = true;
    } else {
        a.host = rest; // a host, or a bare IPv6 address (more than one colon)
    }
    static const QRegularExpression hostChars(QStringLiteral("^[A-Za-z0-9._:%-]+$"));
    if (a.host.isEmpty() || !hostChars.match(a.host).hasMatch()) {
        a.error = QStringLiteral("broker_url must be a host name or address (letters, digits, dots, dashes)");
        return a;
    }
    if (portGiven) {
        bool ok = false;
        const int port = portText.toInt(&ok);
        if (!ok || port < 1 || port > 65535 || portText.startsWith(QLatin1Char('+'))) {
            a.error = QStringLiteral("broker_url port \"%1\" is not a port (1 to 65535)").arg(portText.left(20));
            return a;
        }
        a.port = port;
    }
    return a;
}

} // namespace ery::domain
