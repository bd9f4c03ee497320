#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace ery::domain {

// What the hub accepts as a file (pure rules, no I/O): names, declared types and whether the first
// bytes are what the type says.
namespace filecontent {

// Bytes of the start of a file that checkContent() looks at.
constexpr int kSniffBytes = 4096;
constexpr int kMaxNameLength = 255;

// The original's api-upload-url whitelist (jpeg, png, gif, webp, pdf, text, csv, json, STEP, DXF,
// octet-stream, xls, xlsx).
const QStringList &uploadUrlTypes();
// What the file routes take: the whitelist above plus ZIP, STL and 3MF (CAD exchange).
const QStringList &storedTypes();
// The original's part images: jpeg, png, webp, gif.
const QStringList &imageTypes();

// The media type without parameters, lower-case ("Image/PNG; q=1" → "image/png").
QString normalise(const QString &contentType);
bool isImage(const QString &contentType);
// Images and PDFs may be shown inline in a browser; everything else downloads as an attachment.
bool inlineable(const QString &contentType);

// VALIDATION_ERROR (field `field`) for an empty name, one over 255 characters, or one holding
// `..`, `/`, `\` or a control character.
Status checkName(const QString &name, const char *field = "name");
// UNSUPPORTED_MEDIA_TYPE unless `contentType` (normalised) is one of `allowed`.
Status checkType(const QString &contentType, const QStringList &allowed);
// VALIDATION_ERROR (field "content") when the first bytes are an executable (MZ, ELF, Mach-O, a
// #! script) whatever the type says (constraint "executable"), or are not what the declared type
// starts with (constraint "content_type_mismatch": a PDF with %PDF-, a PNG with its signature, STEP
// with ISO-10303-21, ...). Types without a signature (text, CSV, octet-stream) only refuse
// executables and, for text, NUL bytes.
Status checkContent(const QString &contentType, const QByteArray &head);

} // namespace filecontent

} // namespace ery::domain
