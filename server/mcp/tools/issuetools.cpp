#include "mcp/toolregistry.h"
#include "services/services.h"
#include "tools.h"
#include "toolkit.h"

#include "domain/rules.h"

using namespace ery::domain;
using namespace ery::services;

namespace ery::mcp {

namespace {
const QString kModule = QStringLiteral("issues & NCR");
// Review notes may be as long as the REST review body allows (issueroutes.cpp).
constexpr int kReviewNotes = 2 * limits::kText;

// The call's scope, with the key named as the actor for the activity log when no worker is known:
// the log then says which MCP key reported or reviewed an issue.
Scope actingScope(const ToolCall &c)
{
    Scope s = c.scope;
    if (s.actorName.isEmpty() && !c.keyName.isEmpty())
        s.actorName = QStringLiteral("MCP key %1").arg(c.keyName);
    return s;
}

// The fields of a report as an input schema; `ncr` leaves out issue_type (create_ncr sets it) and
// requires the NCR category. created_by is required: an issue is always reported by a worker of
// the shop (the original's create_ncr left it out and failed on the NOT NULL column).
Json reportSchema(bool ncr)
{
    Json s = schema::closed(fieldsSchema(IssueService::fields(), true));
    s["properties"]["created_by"] = schema::uuid("The worker (user id) reporting the issue");
    s["properties"]["reported_by_id"] = schema::uuid("The worker who found the problem, when someone else files it");
    s["properties"]["causes_standstill"] =
        schema::boolean("Yellow Card: the problem stops the operation, which is put on hold until the issue leaves pending");
    Json required = s.value("required", Json::array());
    required.push_back("created_by");
    if (ncr) {
        s["properties"].erase("issue_type");
        required.push_back("ncr_category");
    } else {
        s["properties"]["issue_type"] = schema::oneOf(choices::issueTypes(), "general (default) or ncr");
    }
    s["required"] = required;
    return s;
}

Json reportedSchema()
{
    using namespace schema;
    return object({{"issue", anyObject("The stored issue (ncr_number set for an NCR)")},
                   {"parked_operation", anyObject("The operation a standstill issue put on hold, as it is now")}},
                  {"issue"});
}

Result<Json> reported(const Result<IssueService::Reported> &r)
{
    if (!r)
        return r.error();
    Json out{{"issue", r->issue}};
    if (r->parkedOperation)
        out["parked_operation"] = *r->parkedOperation;
    return out;
}

Json reviewSchema()
{
    Json s = ToolKit::transitionSchema("issue");
    s["properties"]["released_operation"] = schema::anyObject("The operation the review released from its standstill, restored");
    return s;
}

using ReviewStep = Result<Transition> (IssueService::*)(const Scope &, const QString &, const QString &);

Tool review(const char *name, const char *title, const char *description, ReviewStep fn, bool notesRequired)
{
    using namespace schema;
    Json notes = string(kReviewNotes, notesRequired ? 1 : 0);
    notes["description"] = notesRequired ? "Resolution notes (required)" : "Resolution notes (optional)";
    Json in = object(Json{{"id", uuid("The issue")}, {"resolution_notes", notes}},
                     notesRequired ? QStringList{"id", "resolution_notes"} : QStringList{"id"});
    return Tool{QLatin1String(name),
                kModule,
                QString::fromUtf8(title),
                QString::fromUtf8(description),
                in,
                reviewSchema(),
                {false, false, false, false},
                [fn](const ToolCall &c) -> Result<Json> {
                    auto t = (c.services.issues.*fn)(actingScope(c), c.text("id"), c.text("resolution_notes"));
                    auto out = ToolKit::transition(t, "issue");
                    if (out && t->releasedOperation)
                        (*out)["released_operation"] = *t->releasedOperation;
                    return out;
                }};
}

// The filters fetch_issues and fetch_ncrs share.
void addFilters(ListQuery &q, const ToolCall &c)
{
    for (const char *k : {"status", "severity", "ncr_category", "operation_id", "created_by", "reported_by_id", "disposition"})
        if (c.has(k))
            q.eq.emplace_back(QLatin1String(k), c.text(k));
    if (c.has("sort"))
        q.sort = c.text("sort");
    q.descending = c.boolean("descending", true);
    if (c.has("created_after"))
        q.conds.push_back({QStringLiteral("created_at"), ListQuery::Op::Gte, c.text("created_after")});
    if (c.has("created_before"))
        q.conds.push_back({QStringLiteral("created_at"), ListQuery::Op::Lte, c.text("created_before")});
    if (c.has("search"))
        q.search = c.text("search");
}
} // namespace

void addIssueTools(ToolRegistry &r)
{
    using namespace schema;
    const Json sorts = oneOf({"created_at", "severity", "status", "updated_at"}, "Sort column (default created_at)");

    r.add({QStringLiteral("fetch_issues"),
           kModule,
           QStringLiteral("Fetch issues"),
           QStringLiteral("List issues and NCRs, newest first, filtered by status (pending, approved, rejected, closed), severity, "
                          "type, operation, reporter or creation time."),
           object({{"status", oneOf(choices::issueStatuses())},
                   {"severity", oneOf(choices::severities())},
                   {"issue_type", oneOf(choices::issueTypes(), "general or ncr")},
                   {"operation_id", uuid("Issues reported on this operation")},
                   {"created_by", uuid("Issues reported by this worker")},
                   {"reported_by_id", uuid("Issues found by this worker")},
                   {"created_after", dateTime("Reported at or after this time")},
                   {"created_before", dateTime("Reported at or before this time")},
                   {"search", text("Title or description contains this", 200)},
                   {"sort", sorts},
                   {"descending", boolean("Sort descending (default true)")},
                   {"limit", limitArg()},
                   {"offset", offsetArg()}}),
           page("issues", anyObject("An issue")),
           {true, false, true, false},
           [](const ToolCall &c) -> Result<Json> {
               ListQuery q = ToolKit::listQuery(c);
               if (c.has("issue_type"))
                   q.eq.emplace_back(QStringLiteral("issue_type"), c.text("issue_type"));
               addFilters(q, c);
               return ToolKit::page(c.services.issues.list(c.scope, q), "issues", q);
           }});

    r.add({QStringLiteral("fetch_ncrs"),
           kModule,
           QStringLiteral("Fetch NCRs"),
           QStringLiteral("List non-conformance reports (issues of type ncr), newest first, filtered by status, severity, NCR "
                          "category, disposition, operation or creation time."),
           object({{"status", oneOf(choices::issueStatuses())},
                   {"severity", oneOf(choices::severities())},
                   {"ncr_category", oneOf(choices::ncrCategories())},
                   {"disposition", oneOf({"scrap", "rework", "use_as_is", "return_to_supplier"})},
                   {"operation_id", uuid("NCRs reported on this operation")},
                   {"created_by", uuid("NCRs reported by this worker")},
                   {"unverified", boolean("Only NCRs whose corrective action is not verified yet")},
                   {"created_after", dateTime("Reported at or after this time")},
                   {"created_before", dateTime("Reported at or before this time")},
                   {"search", text("Title or description contains this", 200)},
                   {"sort", sorts},
                   {"descending", boolean("Sort descending (default true)")},
                   {"limit", limitArg()},
                   {"offset", offsetArg()}}),
           page("ncrs", anyObject("An NCR")),
           {true, false, true, false},
           [](const ToolCall &c) -> Result<Json> {
               ListQuery q = ToolKit::listQuery(c);
               q.eq.emplace_back(QStringLiteral("issue_type"), QStringLiteral("ncr"));
               if (c.boolean("unverified", false))
                   q.eq.emplace_back(QStringLiteral("verified_at"), QVariant());
               addFilters(q, c);
               return ToolKit::page(c.services.issues.list(c.scope, q), "ncrs", q);
           }});

    r.add({QStringLiteral("get_issue"),
           kModule,
           QStringLiteral("Get an issue"),
           QStringLiteral("One issue or NCR by id, with its review and NCR fields."),
           object({{"id", uuid("The issue")}}, {"id"}),
           ToolKit::oneSchema("issue"),
           {true, false, true, false},
           [](const ToolCall &c) { return ToolKit::one(c.services.issues.get(c.scope, c.text("id")), "issue"); }});

    r.add({QStringLiteral("create_issue"),
           kModule,
           QStringLiteral("Report an issue"),
           QStringLiteral("Report a problem on an operation, as the shop-floor form does: notifies the admins, records where the part "
                          "stands, and with causes_standstill puts the operation on hold until the issue is reviewed."),
           reportSchema(false),
           reportedSchema(),
           {false, false, false, false},
           [](const ToolCall &c) { return reported(c.services.issues.report(actingScope(c), c.args)); }});

    r.add({QStringLiteral("create_ncr"),
           kModule,
           QStringLiteral("Report an NCR"),
           QStringLiteral("File a non-conformance report on an operation (numbered NCR-00001, ...), with category, affected quantity, "
                          "disposition and causes/actions; created_by is the worker reporting it."),
           reportSchema(true),
           reportedSchema(),
           {false, false, false, false},
           [](const ToolCall &c) {
               Json in = c.args;
               in["issue_type"] = "ncr";
               return reported(c.services.issues.report(actingScope(c), in));
           }});

    // What update may change: the report's own fields (IssueService::update drops the rest).
    Json update = closed(fieldsSchema(IssueService::fields(), false));
    for (const char *fixed : {"operation_id", "created_by", "reported_by_id", "issue_type", "causes_standstill"})
        update["properties"].erase(fixed);
    update["properties"]["id"] = uuid("The issue to change");
    update["required"] = Json::array({"id"});
    r.add({QStringLiteral("update_issue"),
           kModule,
           QStringLiteral("Update an issue"),
           QStringLiteral("Change an issue's title, description, severity, photos or NCR fields (category, disposition, root cause, "
                          "corrective and preventive action, affected quantity). Status changes go through approve_issue, "
                          "reject_issue and close_issue."),
           update,
           ToolKit::oneSchema("issue", "The issue after the change"),
           {false, false, true, false},
           [](const ToolCall &c) {
               Json patch = c.args;
               patch.erase("id");
               return ToolKit::one(c.services.issues.update(actingScope(c), c.text("id"), patch), "issue");
           }});

    r.add(review("approve_issue", "Approve an issue",
                 "Approve a pending issue with resolution notes: pending → approved. Releases a standstill it caused.",
                 &IssueService::approve, true));
    r.add(review("reject_issue", "Reject an issue",
                 "Reject a pending issue with resolution notes: pending → rejected. Releases a standstill it caused.",
                 &IssueService::reject, true));
    r.add(review("close_issue", "Close an issue", "Close a reviewed issue (approved or rejected → closed), optionally with notes.",
                 &IssueService::close, false));

    r.add({QStringLiteral("verify_ncr"),
           kModule,
           QStringLiteral("Verify an NCR"),
           QStringLiteral("Record that an NCR's corrective action was verified (once per NCR; general issues cannot be verified)."),
           object({{"id", uuid("The NCR")}}, {"id"}),
           ToolKit::oneSchema("issue", "The NCR with verified_at set"),
           {false, false, false, false},
           [](const ToolCall &c) { return ToolKit::one(c.services.issues.verifyNcr(actingScope(c), c.text("id")), "issue"); }});
}

} // namespace ery::mcp
