#include "toolregistry.h"

#include "core/jsonutil.h"
#include "tools/tools.h"

namespace ery::mcp {

const ToolRegistry &ToolRegistry::standard()
{
    static const ToolRegistry r = [] {
        ToolRegistry reg;
        addJobTools(reg);
        addPartTools(reg);
        addOperationTools(reg);
        addTimeTools(reg);
        addIssueTools(reg);
        addSubstepTools(reg);
        addDashboardTools(reg);
        addQualityTools(reg);
        addBatchTools(reg);
        return reg;
    }();
    return r;
}

void ToolRegistry::add(Tool tool)
{
    // A second tool of the same name would shadow the first in tools/call (the original's
    // fetch_ncrs bug): a programming error, caught by every test that builds the registry.
    Q_ASSERT_X(!m_index.contains(tool.name), "ToolRegistry::add", qPrintable(tool.name));
    m_index.insert(tool.name, m_tools.size());
    m_tools.push_back(std::move(tool));
}

const Tool *ToolRegistry::find(const QString &name) const
{
    auto it = m_index.constFind(name);
    return it == m_index.constEnd() ? nullptr : &m_tools[*it];
}

QStringList ToolRegistry::names() const
{
    QStringList n;
    for (const Tool &t : m_tools)
        n << t.name;
    return n;
}

QStringList ToolRegistry::modules() const
{
    QStringList m;
    for (const Tool &t : m_tools)
        if (!m.contains(t.module))
            m << t.module;
    return m;
}

QString ToolRegistry::catalogue() const
{
    QString out;
    for (const QString &module : modules()) {
        int count = 0;
        for (const Tool &t : m_tools)
            count += t.module == module;
        out += QStringLiteral("### %1 (%2)\n\n| Tool | Does | Arguments | Hints |\n|---|---|---|---|\n").arg(module).arg(count);
        for (const Tool &t : m_tools) {
            if (t.module != module)
                continue;
            QStringList args;
            const Json props = t.inputSchema.value("properties", Json::object());
            const Json required = t.inputSchema.value("required", Json::array());
            for (auto it = props.begin(); it != props.end(); ++it) {
                bool req = false;
                for (const Json &r : required)
                    req = req || r == it.key();
                args << QStringLiteral("`%1`%2").arg(QString::fromStdString(it.key()), req ? QStringLiteral("*") : QString());
            }
            QStringList hints;
            if (t.hints.readOnly)
                hints << QStringLiteral("read-only");
            if (t.hints.destructive)
                hints << QStringLiteral("destructive");
            if (t.hints.idempotent)
                hints << QStringLiteral("idempotent");
            QString does = t.description;
            does.replace(QLatin1Char('|'), QStringLiteral("\\|")).replace(QLatin1Char('\n'), QLatin1Char(' '));
            out += QStringLiteral("| `%1` | %2 | %3 | %4 |\n")
                       .arg(t.name, does, args.isEmpty() ? QStringLiteral("—") : args.join(QStringLiteral(", ")),
                            hints.isEmpty() ? QStringLiteral("—") : hints.join(QStringLiteral(", ")));
        }
        out += QLatin1Char('\n');
    }
    return out;
}

} // namespace ery::mcp
