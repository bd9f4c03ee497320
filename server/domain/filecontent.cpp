#include "filecontent.h"

#include "core/jsonutil.h"

#include <cstring>

namespace ery::domain::filecontent {

namespace {

Error invalid(const char *field, const QString &message, const QString &value, const char *constraint)
{
    return Error::validation(Json::array({Json{{"field", field}, {"message", toStd(message)}, {"value", toStd(value)}, {"constraint", constraint}}}));
}

bool startsWith(const QByteArray &head, const char *magic, int n)
{
    return head.size() >= n && std::memcmp(head.constData(), magic, size_t(n)) == 0;
}

// The head without a UTF-8 byte-order mark and leading whitespace.
QByteArray trimmedStart(const QByteArray &head)
{
    int i = head.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
        ++i;
    return head.mid(i);
}

bool zip(const QByteArray &h)
{
    return startsWith(h, "PK\x03\x04", 4) || startsWith(h, "PK\x05\x06", 4);
}

} // namespace

const QStringList &uploadUrlTypes()
{
    static const QStringList t{"image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf", "text/plain", "text/csv",
                               "application/json", "application/step", "application/stp", "model/step", "application/octet-stream",
                               "application/dxf", "image/vnd.dxf", "application/vnd.ms-excel",
                               "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"};
    return t;
}

const QStringList &storedTypes()
{
    static const QStringList t = uploadUrlTypes() + QStringList{"application/zip", "model/stl", "model/3mf"};
    return t;
}

const QStringList &imageTypes()
{
    static const QStringList t{"image/jpeg", "image/png", "image/webp", "image/gif"};
    return t;
}

QString normalise(const QString &contentType)
{
    return contentType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
}

bool isImage(const QString &contentType)
{
    return imageTypes().contains(normalise(contentType));
}

bool inlineable(const QString &contentType)
{
    return isImage(contentType) || normalise(contentType) == QLatin1String("application/pdf");
}

Status checkName(const QString &name, const char *field)
{
    if (name.trimmed().isEmpty())
        return invalid(field, QStringLiteral("A file name is required"), name, "required");
    if (name.size() > kMaxNameLength)
        return invalid(field, QStringLiteral("A file name is at most %1 characters").arg(kMaxNameLength), name.left(80), "max_length");
    if (name.contains(QLatin1String("..")) || name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\')))
        return invalid(field, QStringLiteral("A file name may not contain .., / or \\"), name, "path_traversal");
    for (QChar c : name)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.category() == QChar::Other_Format || c.category() == QChar::Other_Control)
            return invalid(field, QStringLiteral("A file name may not contain control characters"), name, "control_character");
    return {};
}

Status checkType(const QString &contentType, const QStringList &allowed)
{
    const QString t = normalise(contentType);
    if (t.isEmpty())
        return Error{ErrorCode::UnsupportedMediaType, QStringLiteral("A Content-Type is required"), Json{{"allowed", toStd(allowed.join(QStringLiteral(", ")))}}};
    if (!allowed.contains(t))
        return Error{ErrorCode::UnsupportedMediaType, QStringLiteral("Files of type %1 are not accepted").arg(t.left(100)),
                     Json{{"content_type", toStd(t.left(100))}, {"allowed", toStd(allowed.join(QStringLiteral(", ")))}}};
    return {};
}

Status checkContent(const QString &contentType, const QByteArray &head)
{
    const QString t = normalise(contentType);
    // Programs are refused whatever they are called: Windows PE, ELF, Mach-O (both byte orders and
    // fat), Java classes share CAFEBABE with fat Mach-O; scripts by their #! line.
    if (startsWith(head, "MZ", 2) || startsWith(head, "\x7f" "ELF", 4) || startsWith(head, "\xCA\xFE\xBA\xBE", 4) ||
        startsWith(head, "\xCF\xFA\xED\xFE", 4) || startsWith(head, "\xCE\xFA\xED\xFE", 4) || startsWith(head, "\xFE\xED\xFA\xCF", 4) ||
        startsWith(head, "\xFE\xED\xFA\xCE", 4) || startsWith(head, "#!", 2))
        return invalid("content", QStringLiteral("Executable files are not accepted"), t, "executable");
    bool ok = true;
    const QByteArray text = trimmedStart(head);
    if (t == QLatin1String("application/pdf"))
        ok = startsWith(head, "%PDF-", 5);
    else if (t == QLatin1String("image/png"))
        ok = startsWith(head, "\x89PNG\r\n\x1a\n", 8);
    else if (t == QLatin1String("image/jpeg"))
        ok = startsWith(head, "\xFF\xD8\xFF", 3);
    else if (t == QLatin1String("image/gif"))
        ok = startsWith(head, "GIF87a", 6) || startsWith(head, "GIF89a", 6);
    else if (t == QLatin1String("image/webp"))
        ok = head.size() >= 12 && startsWith(head, "RIFF", 4) && head.mid(8, 4) == "WEBP";
    else if (t == QLatin1String("application/step") || t == QLatin1String("application/stp") || t == QLatin1String("model/step"))
        ok = text.startsWith("ISO-10303-21");
    else if (t == QLatin1String("application/dxf") || t == QLatin1String("image/vnd.dxf"))
        ok = head.startsWith("AutoCAD Binary DXF") || (!head.contains('\0') && (text.startsWith("0") || text.startsWith("999")) &&
                                                       (head.contains("SECTION") || head.size() < 64));
    else if (t == QLatin1String("application/zip") || t == QLatin1String("model/3mf") ||
             t == QLatin1String("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        ok = zip(head);
    else if (t == QLatin1String("application/vnd.ms-excel"))
        ok = startsWith(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    else if (t == QLatin1String("application/json"))
        ok = text.startsWith('{') || text.startsWith('[');
    else if (t == QLatin1String("text/plain") || t == QLatin1String("text/csv"))
        ok = !head.contains('\0');
    if (!ok)
        return invalid("content", QStringLiteral("The file's content is not %1").arg(t), t, "content_type_mismatch");
    return {};
}

} // namespace ery::domain::filecontent
