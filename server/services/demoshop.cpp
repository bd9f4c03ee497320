#include "demoshop.h"

#include "services.h"

#include <QDateTime>

#include <algorithm>
#include <array>
#include <tuple>
#include <QTimeZone>
#include <QFile>
#include "storage/repositories.h"

using namespace ery::domain;
using namespace ery::storage;

namespace ery::services {

namespace {

Result<Json> demoData()
{
    QFile f(QStringLiteral(":/eryxon/resources/demo/demo-shop.json"));
    if (!f.open(QIODevice::ReadOnly))
        return Error::internal(QStringLiteral("the demo shop data is missing from the build"));
    return parseJson(f.readAll());
}

QString dayFromNow(int days)
{
    const QDate d = QDateTime::fromMSecsSinceEpoch(Clock::nowMs(), Qt::UTC).date().addDays(days);
    return QDateTime(d, QTime(15, 0), Qt::UTC).toString(Qt::ISODateWithMs);
}

// The demo's work was all done a moment ago; spread it over the last two weeks, so the dashboard's
// daily charts show a shop at work rather than one busy day. The oldest jobs were done first and
// each part's steps in their order; each step took about its estimate (80–130 %), booked as such.
// `finished` holds the completed operations in the order they were done, with their estimates.
struct Finished {
    QString operationId;
    int estimate = 0;
};

Status spreadHistory(storage::Database &db, const Scope &scope, const std::vector<Finished> &finished)
{
    constexpr qint64 kMinute = 60 * 1000, kDay = 24 * 60 * kMinute;
    constexpr int kDays = 14;
    const qint64 now = Clock::nowMs();
    const qsizetype n = qsizetype(finished.size());
    auto dayBack = [n](qsizetype i) { return kDays - 1 - int(i * kDays / std::max<qsizetype>(n, 1)); };
    QHash<int, int> perDay;
    for (qsizetype i = 0; i < n; ++i)
        ++perDay[dayBack(i)];
    QHash<int, int> seen;
    quint32 r = 7;
    for (qsizetype i = 0; i < n; ++i) {
        const int back = dayBack(i);
        const int later = perDay.value(back) - seen[back]++; // the day's last step ends 20 min before now's hour
        const qint64 end = now - back * kDay - later * 20 * kMinute;
        r = r * 1664525u + 1013904223u;
        const int minutes = std::max(1, finished[size_t(i)].estimate * (80 + int((r >> 8) % 51)) / 100);
        const QString endAt = isoOf(end), startAt = isoOf(end - minutes * kMinute);
        const QString id = finished[size_t(i)].operationId;
        ERY_TRY(db.exec(QStringLiteral("UPDATE operations SET started_at = ?, completed_at = ?, actual_time = ? WHERE tenant_id = ? AND id = ?"),
                        {startAt, endAt, minutes, scope.tenantId, id}));
        ERY_TRY(db.exec(QStringLiteral("UPDATE time_entries SET start_time = ?, end_time = ?, duration = ?, created_at = ? "
                                       "WHERE tenant_id = ? AND operation_id = ? AND end_time IS NOT NULL"),
                        {startAt, endAt, minutes, startAt, scope.tenantId, id}));
        ERY_TRY(db.exec(QStringLiteral("UPDATE operation_quantities SET recorded_at = ?, created_at = ? WHERE tenant_id = ? AND operation_id = ?"),
                        {endAt, endAt, scope.tenantId, id}));
    }
    // Parts and jobs finished when their last step did, and jobs started with their first.
    ERY_TRY(db.exec(QStringLiteral("UPDATE parts SET completed_at = (SELECT MAX(o.completed_at) FROM operations o WHERE o.part_id = parts.id) "
                                   "WHERE tenant_id = ? AND completed_at IS NOT NULL"),
                    {scope.tenantId}));
    ERY_TRY(db.exec(QStringLiteral("UPDATE jobs SET completed_at = (SELECT MAX(p.completed_at) FROM parts p WHERE p.job_id = jobs.id) "
                                   "WHERE tenant_id = ? AND completed_at IS NOT NULL"),
                    {scope.tenantId}));
    return db.exec(QStringLiteral("UPDATE jobs SET started_at = (SELECT MIN(o.started_at) FROM operations o JOIN parts p ON p.id = o.part_id "
                                  "WHERE p.job_id = jobs.id AND o.started_at IS NOT NULL) WHERE tenant_id = ? AND started_at IS NOT NULL"),
                   {scope.tenantId});
}

// A small deterministic generator so the demo looks the same on every machine.
struct Lcg {
    quint32 s = 20261125;
    int next(int n)
    {
        s = s * 1664525u + 1013904223u;
        return int((s >> 8) % quint32(n));
    }
};

// ---- The demo's drawings and photo, made here rather than shipped or downloaded -------------------
// The engine does not link Qt Gui, so the PDF is written as PDF text (one page, vector lines and
// the standard Helvetica fonts) and the PNG as its chunks around a zlib stream.

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
    QString partNumber, drawingNo, title, material, jobNumber;
    int quantity = 0;
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
    text("F1", 9, 530, 92, QStringLiteral("Part %1 - job %2").arg(d.partNumber, d.jobNumber));
    text("F1", 8, 530, 64, QStringLiteral("Drawing no."));
    text("F2", 12, 530, 53, d.drawingNo);
    text("F1", 8, 680, 64, QStringLiteral("Material"));
    text("F2", 10, 680, 53, d.material);
    text("F1", 8, 530, 37, QStringLiteral("Quantity"));
    text("F2", 10, 530, 26, QString::number(d.quantity));
    text("F1", 8, 680, 37, QStringLiteral("Scale 1:2  -  Rev C  -  mm"));
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

Status attachDemoFile(Services &s, const Scope &scope, const FileService::Owner &owner, const QString &name, const QString &type,
                      const QByteArray &bytes)
{
    auto staged = s.files.stage(bytes);
    if (!staged)
        return staged.error();
    auto f = s.files.attach(scope, owner, FileService::Incoming{name, type, *staged, {}, 0});
    if (!f)
        return f.error();
    return {};
}

} // namespace

QString DemoShop::tenantName()
{
    return QStringLiteral("Demo Metalworks");
}

Json DemoShop::adminSignIn()
{
    auto data = demoData();
    if (!data)
        return Json::object();
    const Json admin = data->value("admin", Json::object());
    return Json{{"username", admin.value("username", "")}, {"password", admin.value("password", "")}};
}

Result<DemoShop::Outcome> DemoShop::load(Services &s, bool intoSandbox)
{
    auto data = demoData();
    if (!data)
        return data.error();
    const Json &d = *data;

    auto tenants = s.tenants.list();
    if (!tenants)
        return tenants.error();
    for (const auto &t : *tenants) {
        if (str(t, "name") != tenantName() || flag(t, "is_sandbox"))
            continue;
        if (!intoSandbox)
            return Outcome{false, str(t, "id"), 0};
        // The demo is there; its sandbox twin gets the same shop unless it has jobs already.
        auto sb = s.tenants.sandboxOf(str(t, "id"));
        if (!sb)
            return sb.error();
        auto jobs = s.jobs.overview(Scope::of(str(*sb, "id")));
        if (!jobs)
            return jobs.error();
        Outcome o{false, str(t, "id"), 0};
        if (!jobs->empty())
            return o;
        auto filled = s.m_db.write([&](WriteTx &) -> Result<int> { return fill(s, str(*sb, "id"), d); });
        if (!filled)
            return filled.error();
        o.sandboxJobs = *filled;
        return o;
    }

    // One transaction for the whole shop: a half-loaded demo never exists.
    return s.m_db.write([&](WriteTx &) -> Result<Outcome> {
        auto pair = s.tenants.create(d["tenant"]);
        if (!pair)
            return pair.error();
        const QString tenantId = str(pair->live, "id");
        auto jobs = fill(s, tenantId, d);
        if (!jobs)
            return jobs.error();
        Outcome o{true, tenantId, *jobs};
        if (intoSandbox) {
            auto sandboxJobs = fill(s, str(pair->sandbox, "id"), d);
            if (!sandboxJobs)
                return sandboxJobs.error();
            o.sandboxJobs = *sandboxJobs;
        }
        return o;
    });
}

Result<int> DemoShop::fill(Services &s, const QString &tenantId, const Json &d)
{
    {
        Scope scope = Scope::of(tenantId);

        auto admin = s.users.createAdmin(scope, d["admin"]);
        if (!admin)
            return admin.error();
        scope.actorId = str(*admin, "id");
        scope.actorName = str(*admin, "full_name");

        QList<QString> operators;
        for (const auto &o : d["operators"]) {
            auto u = s.users.createOperator(scope, o);
            if (!u)
                return u.error();
            operators << str(*u, "id");
        }
        QHash<QString, QString> cellIds;
        for (const auto &c : d["cells"]) {
            Json in = c;
            in["enforce_wip_limit"] = false;
            auto cell = s.catalog.create(CatalogService::Cells, scope, in);
            if (!cell)
                return cell.error();
            cellIds.insert(str(*cell, "name"), str(*cell, "id"));
        }
        for (const auto &r : d["resources"])
            ERY_TRY(s.catalog.create(CatalogService::Resources, scope, r));
        for (const auto &m : d["materials"])
            ERY_TRY(s.catalog.create(CatalogService::Materials, scope, m));
        for (const auto &c : d["issue_categories"])
            ERY_TRY(s.catalog.create(CatalogService::IssueCategories, scope, c));
        ERY_TRY(s.catalog.seedDefaultScrapReasons(scope));
        auto reasons = s.catalog.list(CatalogService::ScrapReasons, scope, ListQuery{});
        if (!reasons)
            return reasons.error();

        Lcg rnd;
        const Json &products = d["products"];
        const Json &customers = d["customers"];
        const int jobCount = 30;
        QStringList jobIds;
        for (int j = 0; j < jobCount; ++j) {
            const QString number = QStringLiteral("JOB-%1").arg(2601 + j);
            Json job{{"job_number", toStd(number)},
                     {"customer", customers[size_t(j) % customers.size()]},
                     {"due_date", toStd(dayFromNow(-3 + j * 24 / jobCount + rnd.next(3)))},
                     {"notes", toStd(QStringLiteral("Order %1").arg(48000 + j * 7))},
                     {"parts", Json::array()}};
            const int partCount = 1 + rnd.next(3);
            for (int p = 0; p < partCount; ++p) {
                const Json &prod = products[size_t(rnd.next(int(products.size())))];
                Json part{{"part_number", toStd(QStringLiteral("%1-%2").arg(number).arg(p + 1, 2, 10, QLatin1Char('0')))},
                          {"material", prod["material"]},
                          {"quantity", prod["quantity"].get<int>() + rnd.next(5)},
                          {"notes", prod["name"]},
                          {"drawing_no", toStd(QStringLiteral("DWG-%1").arg(7100 + j * 3 + p))},
                          {"is_bullet_card", rnd.next(12) == 0},
                          {"operations", Json::array()}};
                int seq = 1;
                for (const auto &step : prod["routing"])
                    part["operations"].push_back(
                        {{"cell_name", step[0]}, {"operation_name", step[1]}, {"estimated_time", step[2]}, {"sequence", seq++}});
                job["parts"].push_back(part);
            }
            auto created = s.jobs.create(scope, job);
            if (!created)
                return created.error();
            jobIds << str(*created, "id");
        }

        // Drawings on the first part of the jobs under way first (the ones on the floor now).
        if (s.files.configured()) {
            for (int j = 4; j < 8; ++j) {
                auto tree = s.jobs.tree(scope, jobIds[j]);
                if (!tree)
                    return tree.error();
                const Json &part = (*tree)["parts"][0];
                const DrawingInfo info{str(part, "part_number"), str(part, "drawing_no"), str(part, "notes"), str(part, "material"),
                                       str(*tree, "job_number"), int(num(part, "quantity"))};
                ERY_TRY(attachDemoFile(s, scope, {QStringLiteral("part"), str(part, "id")}, info.drawingNo + QStringLiteral(".pdf"),
                                       QStringLiteral("application/pdf"), drawingPdf(info)));
            }
        }

        // Bring the shop to life: the oldest jobs are done or under way, with time booked,
        // production reported and a few issues open.
        int worker = 0;
        std::vector<Finished> finished; // in the order they were done
        for (int j = 0; j < 14; ++j) {
            auto tree = s.jobs.tree(scope, jobIds[j]);
            if (!tree)
                return tree.error();
            const bool finish = j < 4;
            for (const auto &part : (*tree)["parts"]) {
                const auto &ops = part["operations"];
                const int doneOps = finish ? int(ops.size()) : std::min<int>(int(ops.size()) - 1, 1 + (j + rnd.next(2)) % 3);
                for (int k = 0; k < doneOps; ++k) {
                    const QString opId = str(ops[size_t(k)], "id");
                    const QString w = operators[worker++ % operators.size()];
                    ERY_TRY(s.operations.start(scope, opId, w));
                    Json report{{"operation_id", toStd(opId)}, {"quantity_good", num(part, "quantity")}, {"recorded_by", toStd(w)}};
                    if (rnd.next(4) == 0) {
                        report["quantity_scrap"] = 1 + rnd.next(2);
                        report["scrap_lines"] =
                            Json::array({{{"scrap_reason_id", (*reasons).rows[size_t(rnd.next(int(reasons->rows.size())))]["id"]},
                                          {"quantity", report["quantity_scrap"]}}});
                    }
                    ERY_TRY(s.production.report(scope, report));
                    ERY_TRY(s.operations.complete(scope, opId, w));
                    finished.push_back({opId, int(num(ops[size_t(k)], "estimated_time"))});
                }
                if (!finish && doneOps < int(ops.size()) && j % 3 != 2) {
                    // Someone is working on the next step right now (one open entry per worker).
                    const QString opId = str(ops[size_t(doneOps)], "id");
                    ERY_TRY(s.operations.start(scope, opId));
                }
            }
        }
        ERY_TRY(spreadHistory(s.m_db, scope, finished));
        // Issues: one standstill (Yellow Card), one NCR, one approved.
        auto inProgress = s.operations.list(scope, ListQuery{{{QStringLiteral("status"), QStringLiteral("in_progress")}}});
        if (!inProgress)
            return inProgress.error();
        if (inProgress->rows.size() >= 3) {
            const auto &rows = inProgress->rows;
            ERY_TRY(s.issues.create(scope, Json{{"operation_id", rows[0]["id"]},
                                                {"created_by", toStd(operators[0])},
                                                {"severity", "critical"},
                                                {"title", "Press brake hydraulic leak"},
                                                {"description", "[MACH] Oil on the bed; machine stopped."},
                                                {"causes_standstill", true}}));
            auto ncr = s.issues.create(scope, Json{{"operation_id", rows[1]["id"]},
                                                   {"created_by", toStd(operators[1])},
                                                   {"severity", "high"},
                                                   {"issue_type", "ncr"},
                                                   {"ncr_category", "dimensional"},
                                                   {"affected_quantity", 3},
                                                   {"title", "Hole pattern shifted 2 mm"},
                                                   {"description", "[DIM] Three parts measured out of tolerance."}});
            if (!ncr)
                return ncr.error();
            if (s.files.configured())
                ERY_TRY(attachDemoFile(s, scope, {QStringLiteral("issue"), str(*ncr, "id")}, QStringLiteral("hole-pattern.png"),
                                       QStringLiteral("image/png"), issuePhotoPng()));
            auto minor = s.issues.create(scope, Json{{"operation_id", rows[2]["id"]},
                                                     {"created_by", toStd(operators[2])},
                                                     {"severity", "low"},
                                                     {"title", "Drawing revision unclear"},
                                                     {"description", "[DOC] Rev B or C?"}});
            if (!minor)
                return minor.error();
            ERY_TRY(s.issues.approve(scope, str(*minor, "id"), QStringLiteral("Rev C is current; drawing updated.")));
        }
        return jobCount;
    }
}

} // namespace ery::services
