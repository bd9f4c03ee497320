#include "jsonutil.h"

namespace ery {

QString str(const Json &row, const char *key)
{
    auto it = row.find(key);
    if (it == row.end() || !it->is_string())
        return {};
    return QString::fromStdString(it->get<std::string>());
}

qint64 num(const Json &row, const char *key, qint64 fallback)
{
    auto it = row.find(key);
    if (it == row.end() || !it->is_number())
        return fallback;
    return it->get<qint64>();
}

bool flag(const Json &row, const char *key)
{
    auto it = row.find(key);
    if (it == row.end())
        return false;
    if (it->is_boolean())
        return it->get<bool>();
    if (it->is_number())
        return it->get<qint64>() != 0;
    return false;
}

Result<Json> parseJson(const QByteArray &text)
{
    // Deeply nested input parses fine but would overflow the stack later, when a value is echoed
    // back in an error and serialised (recursively): refuse it before parsing.
    constexpr int kMaxDepth = 128;
    int depth = 0;
    bool inString = false, escaped = false;
    for (const char c : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxDepth)
                return Error::badRequest(QStringLiteral("JSON nested deeper than %1 levels").arg(kMaxDepth));
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    Json j = Json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
    if (j.is_discarded())
        return Error::badRequest(QStringLiteral("Malformed JSON"));
    return j;
}

} // namespace ery
