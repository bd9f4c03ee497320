#include "mqtttopic.h"

#include <QRegularExpression>

namespace ery::domain {

const QStringList &topicTokens()
{
    static const QStringList t{"enterprise", "site",  "area",      "cell",       "line",
                               "operation",  "event", "tenant_id", "job_number", "part_number"};
    return t;
}

QStringList unknownTopicTokens(const QString &pattern)
{
    static const QRegularExpression re(QStringLiteral("\\{([^}]*)\\}"));
    QStringList out;
    for (auto it = re.globalMatch(pattern); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (!topicTokens().contains(name))
            out << name;
    }
    return out;
}

QString normaliseTopicValue(const QString &value)
{
    static const QRegularExpression ws(QStringLiteral("\\s+"));
    static const QRegularExpression bad(QStringLiteral("[^a-z0-9_-]"));
    QString v = value.trimmed().toLower();
    v.replace(ws, QStringLiteral("_"));
    v.remove(bad);
    return v;
}

QString unsName(const QString &publisherValue, const QString &shopValue, const QString &fallback)
{
    if (!normaliseTopicValue(publisherValue).isEmpty())
        return publisherValue;
    if (!normaliseTopicValue(shopValue).isEmpty())
        return shopValue;
    return fallback;
}

QString renderTopic(const QString &pattern, const QHash<QString, QString> &values, const QString &eventType)
{
    QString eventPath = eventType;
    const int dot = eventPath.indexOf(QLatin1Char('.'));
    if (dot >= 0)
        eventPath[dot] = QLatin1Char('/');
    QString out = pattern;
    for (const QString &t : topicTokens()) {
        const QString token = QLatin1Char('{') + t + QLatin1Char('}');
        if (!out.contains(token))
            continue;
        QString v;
        if (t == QLatin1String("event"))
            v = eventPath;
        else if (t == QLatin1String("tenant_id"))
            v = values.value(t);
        else
            v = normaliseTopicValue(values.value(t));
        out.replace(token, v);
    }
    QStringList segments;
    for (const QString &s : out.split(QLatin1Char('/')))
        if (!s.isEmpty())
            segments << s;
    return segments.join(QLatin1Char('/'));
}

} // namespace ery::domain
