// Makes the demo shop's drawings and photo at build time: one PDF drawing per product of
// resources/demo/demo-shop.json, named <drawing_no>.pdf, and the photo on the demo's open NCR,
// hole-pattern.png. They are compiled into the engine (server/CMakeLists.txt), and the demo shop
// attaches them when it loads; nothing is downloaded.
//
// Usage: eryxon-make-demo-files DEMO_SHOP_JSON OUT_DIR
//
// Only Qt Core: the PDF is written as PDF text (one A4 page, vector lines and the standard
// Helvetica fonts) and the PNG as its chunks around a zlib stream.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstdio>
#include <tuple>

namespace {

QByteArray pdfText(const QString &s)
{
    QByteArray out;
    for (const QChar c : s) {
        const char l = c.unicode() < 0x7f ? char(c.unicode()) : '?';
        if (l == '(' || l == ')' || l == '\\')
            out += '\\';
        out += l;
    }
    return out;
}

struct DrawingInfo {
    QString drawingNo, title, material;
};

// A workshop drawing of a flat part on A4 landscape: frame, title block, the plate's outline with
// its holes and dimensions.
QByteArray drawingPdf(const DrawingInfo &d)
{
    QByteArray c;
    auto line = [&c](double x1, double y1, double x2, double y2) {
        c += QByteArray::number(x1, 'f', 1) + ' ' + QByteArray::number(y1, 'f', 1) + " m " + QByteArray::number(x2, 'f', 1) + ' '
            + QByteArray::number(y2, 'f', 1) + " l S\n";
    };
    auto rect = [&c](double x, double y, double w, double h) {
        c += QByteArray::number(x, 'f', 1) + ' ' + QByteArray::number(y, 'f', 1) + ' ' + QByteArray::number(w, 'f', 1) + ' '
            + QByteArray::number(h, 'f', 1) + " re S\n";
    };
    auto circle = [&c](double cx, double cy, double r) {
        const double k = 0.5523 * r;
        auto p = [](double v) { return QByteArray::number(v, 'f', 2); };
        c += p(cx + r) + ' ' + p(cy) + " m\n";
        c += p(cx + r) + ' ' + p(cy + k) + ' ' + p(cx + k) + ' ' + p(cy + r) + ' ' + p(cx) + ' ' + p(cy + r) + " c\n";
        c += p(cx - k) + ' ' + p(cy + r) + ' ' + p(cx - r) + ' ' + p(cy + k) + ' ' + p(cx - r) + ' ' + p(cy) + " c\n";
        c += p(cx - r) + ' ' + p(cy - k) + ' ' + p(cx - k) + ' ' + p(cy - r) + ' ' + p(cx) + ' ' + p(cy - r) + " c\n";
        c += p(cx + k) + ' ' + p(cy - r) + ' ' + p(cx + r) + ' ' + p(cy - k) + ' ' + p(cx + r) + ' ' + p(cy) + " c S\n";
    };
    auto text = [&c](const char *font, int size, double x, double y, const QString &t) {
        c += "BT /" + QByteArray(font) + ' ' + QByteArray::number(size) + " Tf " + QByteArray::number(x, 'f', 1) + ' '
            + QByteArray::number(y, 'f', 1) + " Td (" + pdfText(t) + ") Tj ET\n";
    };
    // Frame and title block.
    c += "1.2 w\n";
    rect(20, 20, 802, 555);
    c += "0.8 w\n";
    rect(522, 20, 300, 110);
    line(522, 75, 822, 75);
    line(522, 48, 822, 48);
    line(672, 20, 672, 75);
    text("F2", 14, 530, 108, d.title);
    text("F1", 9, 530, 92, QStringLiteral("Flat pattern - all jobs of this product"));
    text("F1", 8, 530, 64, QStringLiteral("Drawing no."));
    text("F2", 12, 530, 53, d.drawingNo);
    text("F1", 8, 680, 64, QStringLiteral("Material"));
    text("F2", 10, 680, 53, d.material);
    text("F1", 8, 530, 37, QStringLiteral("Revision"));
    text("F2", 10, 530, 26, QStringLiteral("C"));
    text("F1", 8, 680, 37, QStringLiteral("Scale 1:2  -  mm"));
    text("F1", 8, 680, 26, QStringLiteral("Demo Metalworks"));
    // The plate (240 x 120 mm at 1:2), its holes and a bend line.
    c += "1.6 w\n";
    rect(140, 240, 340, 170);
    for (const auto &[x, y] : {std::pair{180.0, 280.0}, {440.0, 280.0}, {180.0, 370.0}, {440.0, 370.0}})
        circle(x, y, 9);
    circle(310, 325, 28);
    c += "0.5 w [6 3 1 3] 0 d\n";
    line(125, 325, 495, 325);
    line(310, 232, 310, 418);
    c += "[] 0 d\n";
    // Dimensions with their arrows.
    c += "0.5 w\n";
    line(140, 410, 140, 450);
    line(480, 410, 480, 450);
    line(140, 440, 480, 440);
    c += "140 440 m 148 443 l 148 437 l h f\n480 440 m 472 443 l 472 437 l h f\n";
    text("F1", 10, 295, 445, QStringLiteral("240"));
    line(480, 240, 520, 240);
    line(480, 410, 520, 410);
    line(510, 240, 510, 410);
    c += "510 240 m 507 248 l 513 248 l h f\n510 410 m 507 402 l 513 402 l h f\n";
    text("F1", 10, 515, 322, QStringLiteral("120"));
    line(180, 240, 180, 200);
    line(440, 240, 440, 200);
    line(180, 210, 440, 210);
    c += "180 210 m 188 213 l 188 207 l h f\n440 210 m 432 213 l 432 207 l h f\n";
    text("F1", 10, 295, 215, QStringLiteral("180"));
    text("F1", 9, 330, 358, QStringLiteral("4x  D 9  thru"));
    text("F1", 9, 345, 300, QStringLiteral("D 56"));
    text("F1", 9, 40, 60, QStringLiteral("Deburr all edges. General tolerance ISO 2768-m."));

    QByteArray pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    QList<qsizetype> offsets;
    auto object = [&](const QByteArray &body) {
        offsets << pdf.size();
        pdf += QByteArray::number(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
    };
    object("<< /Type /Catalog /Pages 2 0 R >>");
    object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>");
    object("<< /Length " + QByteArray::number(c.size()) + " >>\nstream\n" + c + "endstream");
    object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(offsets.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype o : offsets)
        pdf += QByteArray::number(o).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref)
        + "\n%%EOF\n";
    return pdf;
}

quint32 crc32(const QByteArray &data)
{
    static const auto table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 c = 0xFFFFFFFFu;
    for (char b : data)
        c = table[(c ^ quint8(b)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

QByteArray pngChunk(const char *type, const QByteArray &data)
{
    QByteArray body = QByteArray(type, 4) + data;
    QByteArray out;
    const quint32 n = quint32(data.size()), crc = crc32(body);
    for (int i = 3; i >= 0; --i)
        out += char((n >> (8 * i)) & 0xFF);
    out += body;
    for (int i = 3; i >= 0; --i)
        out += char((crc >> (8 * i)) & 0xFF);
    return out;
}

// A photo for a quality issue: brushed steel with a hole pattern, the drilled holes of one row
// off their scribed marks (red), as someone would snap it at the machine. 240 x 160, RGB.
QByteArray issuePhotoPng()
{
    constexpr int w = 240, h = 160;
    QByteArray raw;
    raw.reserve((w * 3 + 1) * h);
    quint32 r = 4711;
    for (int y = 0; y < h; ++y) {
        raw += char(0); // filter: none
        for (int x = 0; x < w; ++x) {
            r = r * 1664525u + 1013904223u;
            int v = 150 + (x * 40) / w - (y * 20) / h + int((r >> 24) % 6); // brushed, lit from the right
            int red = v, green = v + 2, blue = v + 6;
            for (const auto &[cx, cy, marked] : {std::tuple{60, 50, true}, {120, 50, true}, {180, 50, true}, {64, 112, false},
                                                  {124, 112, false}, {184, 112, false}}) {
                const int dx = x - cx, dy = y - cy, d2 = dx * dx + dy * dy;
                if (d2 <= 13 * 13) {
                    red = green = blue = 40 + (d2 * 40) / (13 * 13); // the drilled hole
                } else if (d2 <= 15 * 15) {
                    red = green = blue = 205;
                } else if (!marked && (std::abs(x - (cx - 4)) <= 1 || std::abs(y - (cy - 4)) <= 1) && std::abs(dx + 4) < 22
                           && std::abs(dy + 4) < 22) {
                    red = 200, green = 30, blue = 30; // where the hole should have been
                }
            }
            raw += char(std::clamp(red, 0, 255));
            raw += char(std::clamp(green, 0, 255));
            raw += char(std::clamp(blue, 0, 255));
        }
    }
    QByteArray ihdr;
    for (quint32 v : {quint32(w), quint32(h)})
        for (int i = 3; i >= 0; --i)
            ihdr += char((v >> (8 * i)) & 0xFF);
    ihdr += QByteArray("\x08\x02\x00\x00\x00", 5); // 8 bit, RGB, deflate, no filter, no interlace
    // qCompress gives a zlib stream behind a four-byte length of its own.
    const QByteArray idat = qCompress(raw, 9).mid(4);
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", ihdr) + pngChunk("IDAT", idat) + pngChunk("IEND", {});
}

bool save(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size()) {
        std::fprintf(stderr, "eryxon-make-demo-files: cannot write %s\n", qPrintable(path));
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: eryxon-make-demo-files DEMO_SHOP_JSON OUT_DIR\n");
        return 2;
    }
    QFile in(QString::fromLocal8Bit(argv[1]));
    if (!in.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "eryxon-make-demo-files: cannot read %s\n", argv[1]);
        return 1;
    }
    const nlohmann::json demo = nlohmann::json::parse(in.readAll().toStdString(), nullptr, false);
    if (demo.is_discarded() || !demo.contains("products")) {
        std::fprintf(stderr, "eryxon-make-demo-files: %s is not the demo shop\n", argv[1]);
        return 1;
    }
    const QDir out(QString::fromLocal8Bit(argv[2]));
    if (!QDir().mkpath(out.path()))
        return 1;
    for (const auto &p : demo["products"]) {
        const DrawingInfo d{QString::fromStdString(p.at("drawing_no").get<std::string>()), QString::fromStdString(p.at("name").get<std::string>()),
                            QString::fromStdString(p.at("material").get<std::string>())};
        if (!save(out.filePath(d.drawingNo + QStringLiteral(".pdf")), drawingPdf(d)))
            return 1;
    }
    return save(out.filePath(QStringLiteral("hole-pattern.png")), issuePhotoPng()) ? 0 : 1;
}
