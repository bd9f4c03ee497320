#include "targetpolicy.h"

namespace ery::domain {

namespace {
bool isMetadataName(const QString &host)
{
    static const QStringList names{"metadata.google.internal", "metadata.goog", "metadata", "instance-data", "instance-data.ec2.internal"};
    return names.contains(host.toLower());
}
} // namespace

TargetVerdict checkWebhookAddress(const QHostAddress &in, bool allowLoopback)
{
    QHostAddress a = in;
    bool ok = false;
    const quint32 v4 = in.toIPv4Address(&ok); // IPv4-mapped IPv6 is judged as the IPv4 it maps
    if (ok)
        a = QHostAddress(v4);
    if (a.isNull())
        return {false, QStringLiteral("not an address")};
    if (a == QHostAddress(QStringLiteral("169.254.169.254")) || a == QHostAddress(QStringLiteral("fd00:ec2::254")) ||
        a == QHostAddress(QStringLiteral("100.100.100.200")))
        return {false, QStringLiteral("cloud metadata addresses are refused")};
    if (a.isLinkLocal() || a.isInSubnet(QHostAddress(QStringLiteral("169.254.0.0")), 16))
        return {false, QStringLiteral("link-local addresses are refused")};
    if (a.isLoopback() && !allowLoopback)
        return {false, QStringLiteral("loopback targets are refused unless the admin allows them")};
    if (a.isMulticast() || a.isBroadcast() || a == QHostAddress::AnyIPv4 || a == QHostAddress::AnyIPv6)
        return {false, QStringLiteral("broadcast, multicast and unspecified addresses are refused")};
    return {};
}

TargetVerdict checkWebhookUrl(const QUrl &url, bool allowLoopback)
{
    if (!url.isValid() || url.host().isEmpty())
        return {false, QStringLiteral("url must be an absolute http:// or https:// URL")};
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return {false, QStringLiteral("url must use http or https")};
    if (!url.userInfo().isEmpty())
        return {false, QStringLiteral("url must not carry credentials")};
    const QString host = url.host();
    if (isMetadataName(host))
        return {false, QStringLiteral("cloud metadata addresses are refused")};
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 ||
        host.endsWith(QLatin1String(".localhost"), Qt::CaseInsensitive))
        return allowLoopback ? TargetVerdict{}
                             : TargetVerdict{false, QStringLiteral("loopback targets are refused unless the admin allows them")};
    QHostAddress literal;
    if (literal.setAddress(host))
        return checkWebhookAddress(literal, allowLoopback);
    return {};
}

} // namespace ery::domain
