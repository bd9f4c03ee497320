// One call plan per MCP tool for mcp-check.mjs: each calls its tool on the demo shop (live tenant)
// and checks what came back. `ctx` holds ctx.call(name, args) (asserts success and the output
// schema), ctx.fail(name, args) (asserts isError), ctx.rest(method, path, body), ctx.assert, and the
// demo's ctx.jobs, ctx.operations, ctx.operators, ctx.cells. A plan may change data; later plans
// look up what they need instead of assuming earlier state.
const unique = (p) => `${p}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}`;

async function freshJob(ctx, parts = 1) {
  const number = unique("MCP");
  const job = await ctx.call("create_job", {
    job_number: number,
    customer: "MCP Check",
    parts: Array.from({ length: parts }, (_, i) => ({
      part_number: `${number}-P${i + 1}`,
      material: "S235",
      quantity: 2,
      operations: [
        { operation_name: "Cut", sequence: 1, cell_id: ctx.cells[0].id, estimated_time: 10 },
        { operation_name: "Bend", sequence: 2, cell_id: ctx.cells[1 % ctx.cells.length].id, estimated_time: 5 },
      ],
    })),
  });
  const tree = (await ctx.call("get_job", { id: job.job.id })).job;
  return tree;
}

async function reportIssue(ctx, operationId, extra = {}) {
  const r = await ctx.call("create_issue", { operation_id: operationId, created_by: ctx.operators[0].id, severity: "medium", title: "Burr", description: "Heavy burr on the edge", ...extra });
  return r.issue;
}

function ncrArgs(ctx, operationId, category) {
  return { operation_id: operationId, created_by: ctx.operators[0].id, severity: "high", title: "Out of tolerance", description: "Hole 0.3 mm off", ncr_category: category };
}

export const toolPlans = {
  // jobs
  fetch_jobs: async (ctx) => {
    const all = await ctx.call("fetch_jobs", { limit: 5 });
    ctx.assert(all.jobs.length === 5 && all.total >= 5 && all.has_more === all.total > 5, "paging");
    const st = ctx.jobs[0].status;
    const byStatus = await ctx.call("fetch_jobs", { status: st, limit: 100 });
    ctx.assert(byStatus.jobs.every((j) => j.status === st), "status filter");
    const byNumber = await ctx.call("fetch_jobs", { job_number: ctx.jobs[0].job_number });
    ctx.assert(byNumber.jobs.some((j) => j.id === ctx.jobs[0].id), "job_number filter");
    const sorted = await ctx.call("fetch_jobs", { sort: "job_number", descending: false, limit: 20 });
    const numbers = sorted.jobs.map((j) => j.job_number);
    ctx.assert(JSON.stringify(numbers) === JSON.stringify([...numbers].sort()), "sorted by job_number");
  },
  get_job: async (ctx) => {
    const j = ctx.jobs[0];
    const byId = (await ctx.call("get_job", { id: j.id })).job;
    ctx.assert(byId.id === j.id && Array.isArray(byId.parts), "by id with parts");
    const byNumber = (await ctx.call("get_job", { job_number: j.job_number })).job;
    ctx.assert(byNumber.id === j.id, "by number");
    const e = await ctx.fail("get_job", { id: j.id, job_number: j.job_number });
    ctx.assert(e.error.code === "VALIDATION_ERROR", "either id or job_number");
    const nf = await ctx.fail("get_job", { job_number: "NO-SUCH-JOB" });
    ctx.assert(nf.error.code === "NOT_FOUND", "unknown job");
  },
  create_job: async (ctx) => {
    const tree = await freshJob(ctx, 2);
    ctx.assert(tree.parts.length === 2 && tree.parts[0].operations.length === 2, "the job with its parts and operations");
    const dup = await ctx.fail("create_job", { job_number: tree.job_number });
    ctx.assert(dup.error.code === "CONFLICT", `a duplicate job number: ${dup.error.code}`);
  },
  update_job: async (ctx) => {
    const tree = await freshJob(ctx);
    const u = (await ctx.call("update_job", { id: tree.id, notes: "rush", customer: "Changed" })).job;
    ctx.assert(u.notes === "rush" && u.customer === "Changed", "fields changed");
  },
  start_job: async (ctx) => {
    const tree = await freshJob(ctx);
    const t = await ctx.call("start_job", { job_number: tree.job_number });
    ctx.assert(t.previous_status === "not_started" && t.new_status === "in_progress" && t.job.status === "in_progress", "started");
    const again = await ctx.fail("start_job", { id: tree.id });
    ctx.assert(again.error.code === "INVALID_STATE_TRANSITION", "cannot start twice");
  },
  stop_job: async (ctx) => {
    const tree = await freshJob(ctx);
    await ctx.call("start_job", { id: tree.id });
    const t = await ctx.call("stop_job", { id: tree.id });
    ctx.assert(t.new_status === "on_hold", "on hold");
  },
  resume_job: async (ctx) => {
    const tree = await freshJob(ctx);
    await ctx.call("start_job", { id: tree.id });
    await ctx.call("stop_job", { id: tree.id });
    const t = await ctx.call("resume_job", { id: tree.id });
    ctx.assert(t.previous_status === "on_hold" && t.new_status === "in_progress", "resumed");
  },
  complete_job: async (ctx) => {
    const tree = await freshJob(ctx);
    await ctx.call("start_job", { id: tree.id });
    const t = await ctx.call("complete_job", { id: tree.id });
    ctx.assert(t.new_status === "completed" && t.job.completed_at, "completed");
  },

  // parts
  fetch_parts: async (ctx) => {
    const tree = await freshJob(ctx, 2);
    const p = await ctx.call("fetch_parts", { job_id: tree.id });
    ctx.assert(p.total === 2 && p.parts.every((x) => x.job_id === tree.id), "the job's parts");
    const m = await ctx.call("fetch_parts", { material: "s235", limit: 1000 });
    ctx.assert(m.parts.length >= 2 && m.parts.every((x) => /s235/i.test(x.material)), "material contains");
  },
  get_part: async (ctx) => {
    const tree = await freshJob(ctx);
    const part = (await ctx.call("get_part", { id: tree.parts[0].id })).part;
    ctx.assert(part.operations.length === 2 && part.operations[0].sequence <= part.operations[1].sequence, "with operations in sequence");
  },
  list_part_files: async (ctx) => {
    // The demo's jobs under way carry a PDF drawing on their first part (JOB-2605 to JOB-2608).
    let drawing = null;
    for (const j of ctx.jobs) {
      const tree = (await ctx.call("get_job", { id: j.id })).job;
      const listed = await ctx.call("list_part_files", { part_id: tree.parts[0].id });
      ctx.assert(listed.count === listed.files.length, "count is the files listed");
      if (listed.count > 0) { drawing = { part: tree.parts[0], file: listed.files[0] }; break; }
    }
    ctx.assert(drawing !== null, "a demo part has a drawing");
    ctx.assert(drawing.file.content_type === "application/pdf" && drawing.file.sha256.length === 64, "a PDF with its SHA-256");
    ctx.assert(drawing.file.resource_uri === `eryxon://parts/${drawing.part.id}/files/${encodeURIComponent(drawing.file.name)}`, "its resource URI");
    const fresh = await freshJob(ctx);
    ctx.assert((await ctx.call("list_part_files", { part_id: fresh.parts[0].id })).count === 0, "a new part has none");
  },
  create_part: async (ctx) => {
    const tree = await freshJob(ctx);
    const part = (await ctx.call("create_part", { job_id: tree.id, part_number: `${tree.job_number}-EXTRA`, material: "AlMg3", quantity: 4, operations: [{ operation_name: "Deburr", sequence: 1, cell_id: ctx.cells[0].id }] })).part;
    ctx.assert(part.job_id === tree.id && part.part_number === `${tree.job_number}-EXTRA`, "stored");
    const missing = await ctx.fail("create_part", { job_id: tree.id, part_number: `${tree.job_number}-NOMAT` });
    ctx.assert(missing.error.code === "VALIDATION_ERROR", "material is required");
  },
  update_part: async (ctx) => {
    const tree = await freshJob(ctx);
    const part = (await ctx.call("update_part", { id: tree.parts[0].id, is_bullet_card: true, drawing_no: "DWG-7" })).part;
    ctx.assert(part.is_bullet_card === true && part.drawing_no === "DWG-7", "changed");
  },

  // operations
  fetch_operations: async (ctx) => {
    const tree = await freshJob(ctx);
    const ops = await ctx.call("fetch_operations", { part_id: tree.parts[0].id });
    ctx.assert(ops.total === 2 && ops.operations[0].operation_name === "Cut", "the part's operations in sequence");
    const byCell = await ctx.call("fetch_operations", { cell_id: ctx.cells[0].id, status: "not_started", limit: 1000 });
    ctx.assert(byCell.operations.every((o) => o.cell_id === ctx.cells[0].id && o.status === "not_started"), "cell and status filters");
  },
  get_operation: async (ctx) => {
    const tree = await freshJob(ctx);
    const op = (await ctx.call("get_operation", { id: tree.parts[0].operations[0].id })).operation;
    ctx.assert(Array.isArray(op.substeps) && Array.isArray(op.time_entries), "with substeps and time entries");
  },
  create_operation: async (ctx) => {
    const tree = await freshJob(ctx);
    const op = (await ctx.call("create_operation", { part_id: tree.parts[0].id, operation_name: "Paint", sequence: 3, cell_id: ctx.cells[0].id })).operation;
    ctx.assert(op.part_id === tree.parts[0].id && op.status === "not_started", "stored");
  },
  update_operation: async (ctx) => {
    const tree = await freshJob(ctx);
    const op = (await ctx.call("update_operation", { id: tree.parts[0].operations[0].id, notes: "check the burr", estimated_time: 25 })).operation;
    ctx.assert(op.notes === "check the burr" && op.estimated_time === 25, "changed");
  },
  start_operation: async (ctx) => {
    const tree = await freshJob(ctx);
    const op = tree.parts[0].operations[0];
    const operator = ctx.operators[0];
    const t = await ctx.call("start_operation", { id: op.id, operator_id: operator.id });
    ctx.assert(t.new_status === "in_progress" && t.time_entries_opened.length === 1, "started with a time entry");
    const job = (await ctx.call("get_job", { id: tree.id })).job;
    ctx.assert(job.status === "in_progress" && job.parts[0].status === "in_progress", "rolled up to the part and job");
    await ctx.call("stop_timing", { operator_id: operator.id });
  },
  pause_operation: async (ctx) => {
    const tree = await freshJob(ctx);
    const op = tree.parts[0].operations[0];
    await ctx.call("start_operation", { id: op.id, operator_id: ctx.operators[0].id });
    const t = await ctx.call("pause_operation", { id: op.id });
    ctx.assert(t.new_status === "on_hold" && t.time_entries_closed.length === 1, "paused, time closed");
  },
  resume_operation: async (ctx) => {
    const tree = await freshJob(ctx);
    const op = tree.parts[0].operations[0];
    await ctx.call("start_operation", { id: op.id });
    await ctx.call("pause_operation", { id: op.id });
    const t = await ctx.call("resume_operation", { id: op.id });
    ctx.assert(t.previous_status === "on_hold" && t.new_status === "in_progress", "resumed");
  },
  complete_operation: async (ctx) => {
    const tree = await freshJob(ctx);
    const [a, b] = tree.parts[0].operations;
    for (const op of [a, b]) {
      await ctx.call("start_operation", { id: op.id });
      await ctx.call("complete_operation", { id: op.id });
    }
    const job = (await ctx.call("get_job", { id: tree.id })).job;
    ctx.assert(job.parts[0].status === "completed" && job.status === "completed", "the last operation completes the part and the job");
    const again = await ctx.fail("complete_operation", { id: a.id });
    ctx.assert(again.error.code === "INVALID_STATE_TRANSITION", "not twice");
  },

  // time tracking
  start_timing: async (ctx) => {
    const tree = await freshJob(ctx);
    const operator = ctx.operators[1 % ctx.operators.length];
    const e = (await ctx.call("start_timing", { operator_id: operator.id, operation_id: tree.parts[0].operations[0].id })).time_entry;
    ctx.assert(e.operator_id === operator.id && !e.end_time, "an open entry");
    await ctx.call("stop_timing", { operator_id: operator.id });
  },
  stop_timing: async (ctx) => {
    const tree = await freshJob(ctx);
    const operator = ctx.operators[0];
    await ctx.call("start_timing", { operator_id: operator.id, operation_id: tree.parts[0].operations[0].id });
    const e = (await ctx.call("stop_timing", { operator_id: operator.id })).time_entry;
    ctx.assert(e.end_time && e.duration !== null, "closed with a duration");
    const none = await ctx.fail("stop_timing", { operator_id: operator.id });
    ctx.assert(["NOT_FOUND", "INVALID_STATE_TRANSITION", "CONFLICT"].includes(none.error.code), `nothing open: ${none.error.code}`);
  },
  pause_timing: async (ctx) => {
    const tree = await freshJob(ctx);
    const operator = ctx.operators[0];
    const e = (await ctx.call("start_timing", { operator_id: operator.id, operation_id: tree.parts[0].operations[0].id })).time_entry;
    const p = (await ctx.call("pause_timing", { id: e.id })).time_entry;
    ctx.assert(p.id === e.id, "paused");
    await ctx.call("resume_timing", { id: e.id });
    await ctx.call("stop_timing", { operator_id: operator.id });
  },
  resume_timing: async (ctx) => {
    const tree = await freshJob(ctx);
    const operator = ctx.operators[0];
    const e = (await ctx.call("start_timing", { operator_id: operator.id, operation_id: tree.parts[0].operations[0].id })).time_entry;
    await ctx.call("pause_timing", { id: e.id });
    const r = (await ctx.call("resume_timing", { id: e.id })).time_entry;
    ctx.assert(r.id === e.id, "resumed");
    await ctx.call("stop_timing", { operator_id: operator.id });
  },
  fetch_time_entries: async (ctx) => {
    const tree = await freshJob(ctx);
    const operator = ctx.operators[0];
    const op = tree.parts[0].operations[0];
    await ctx.call("start_timing", { operator_id: operator.id, operation_id: op.id });
    const open = await ctx.call("fetch_time_entries", { operation_id: op.id, open_only: true });
    ctx.assert(open.total === 1 && !open.time_entries[0].end_time, "the open entry");
    await ctx.call("stop_timing", { operator_id: operator.id });
    const closed = await ctx.call("fetch_time_entries", { operation_id: op.id });
    ctx.assert(closed.total === 1 && closed.time_entries[0].end_time, "now closed");
  },
  fetch_active_work: async (ctx) => {
    const tree = await freshJob(ctx);
    const op = tree.parts[0].operations[0];
    await ctx.call("start_operation", { id: op.id, operator_id: ctx.operators[0].id });
    const w = await ctx.call("fetch_active_work", {});
    ctx.assert(w.operations.some((o) => o.id === op.id) && w.time_entries.some((e) => e.operation_id === op.id), "the running work");
    await ctx.call("pause_operation", { id: op.id });
  },
  // issues & NCR
  fetch_issues: async (ctx) => {
    const tree = await freshJob(ctx);
    const op = tree.parts[0].operations[0];
    const made = await reportIssue(ctx, op.id, { severity: "high" });
    const byOp = await ctx.call("fetch_issues", { operation_id: op.id });
    ctx.assert(byOp.total === 1 && byOp.issues[0].id === made.id, "the operation's issue");
    const pending = await ctx.call("fetch_issues", { status: "pending", severity: "high", issue_type: "general", limit: 1000 });
    ctx.assert(pending.issues.some((i) => i.id === made.id), "the new issue is pending");
    ctx.assert(pending.issues.every((i) => i.status === "pending" && i.severity === "high" && i.issue_type === "general"), "typed filters");
    const bad = await ctx.fail("fetch_issues", { status: "open" });
    ctx.assert(bad.error.code === "VALIDATION_ERROR", "open is not an issue status");
  },
  fetch_ncrs: async (ctx) => {
    const tree = await freshJob(ctx);
    const op = tree.parts[0].operations[0];
    await reportIssue(ctx, op.id);
    const ncr = (await ctx.call("create_ncr", ncrArgs(ctx, op.id, "dimensional"))).issue;
    const mine = await ctx.call("fetch_ncrs", { operation_id: op.id });
    ctx.assert(mine.total === 1 && mine.ncrs[0].id === ncr.id, "only the NCR of the operation, not the general issue");
    const byCat = await ctx.call("fetch_ncrs", { ncr_category: "dimensional", unverified: true, limit: 1000 });
    ctx.assert(byCat.ncrs.some((n) => n.id === ncr.id) && byCat.ncrs.every((n) => n.issue_type === "ncr" && n.ncr_category === "dimensional" && !n.verified_at), "category filter");
  },
  get_issue: async (ctx) => {
    const tree = await freshJob(ctx);
    const made = await reportIssue(ctx, tree.parts[0].operations[0].id);
    const got = (await ctx.call("get_issue", { id: made.id })).issue;
    ctx.assert(got.id === made.id && got.status === "pending" && got.created_by === ctx.operators[0].id, "by id");
    const nf = await ctx.fail("get_issue", { id: "00000000-0000-4000-8000-000000000000" });
    ctx.assert(nf.error.code === "NOT_FOUND", "unknown issue");
  },
  create_issue: async (ctx) => {
    const tree = await freshJob(ctx);
    const op = tree.parts[0].operations[0];
    await ctx.call("start_operation", { id: op.id });
    const r = await ctx.call("create_issue", { operation_id: op.id, created_by: ctx.operators[0].id, severity: "critical", title: "Laser down", description: "Nozzle broken", causes_standstill: true });
    ctx.assert(r.issue.status === "pending" && r.issue.issue_type === "general" && r.issue.current_cell_id, "stored with where the part stands");
    ctx.assert(r.parked_operation && r.parked_operation.id === op.id && r.parked_operation.status === "on_hold", "the standstill parked the operation");
    const released = await ctx.call("approve_issue", { id: r.issue.id, resolution_notes: "nozzle replaced" });
    ctx.assert(released.released_operation && released.released_operation.status === "in_progress", "approval released it");
    const noReporter = await ctx.fail("create_issue", { operation_id: op.id, severity: "low", description: "no reporter" });
    ctx.assert(noReporter.error.code === "VALIDATION_ERROR" && /created_by/.test(noReporter.error.message), "created_by is required");
    const ncrOnly = await ctx.fail("create_issue", { operation_id: op.id, created_by: ctx.operators[0].id, severity: "low", description: "x", ncr_category: "other" });
    ctx.assert(ncrOnly.error.code === "VALIDATION_ERROR", "ncr_category only on an NCR");
  },
  create_ncr: async (ctx) => {
    const tree = await freshJob(ctx);
    const op = tree.parts[0].operations[0];
    const ncr = (await ctx.call("create_ncr", { ...ncrArgs(ctx, op.id, "material_defect"), affected_quantity: 3, disposition: "rework", root_cause: "wrong sheet" })).issue;
    ctx.assert(ncr.issue_type === "ncr" && /^NCR-\d{5}$/.test(ncr.ncr_number) && ncr.created_by === ctx.operators[0].id, "numbered, with its reporter");
    ctx.assert(ncr.affected_quantity === 3 && ncr.disposition === "rework", "NCR fields");
    const noCat = await ctx.fail("create_ncr", { operation_id: op.id, created_by: ctx.operators[0].id, severity: "low", description: "x" });
    ctx.assert(noCat.error.code === "VALIDATION_ERROR" && /ncr_category/.test(noCat.error.message), "ncr_category is required");
  },
  update_issue: async (ctx) => {
    const tree = await freshJob(ctx);
    const made = await reportIssue(ctx, tree.parts[0].operations[0].id);
    const u = (await ctx.call("update_issue", { id: made.id, severity: "low", title: "Small burr" })).issue;
    ctx.assert(u.severity === "low" && u.title === "Small burr" && u.status === "pending", "changed, status untouched");
    const st = await ctx.fail("update_issue", { id: made.id, status: "closed" });
    ctx.assert(st.error.code === "VALIDATION_ERROR" && /unknown argument/.test(st.error.message), "status goes through the review tools");
  },
  approve_issue: async (ctx) => {
    const tree = await freshJob(ctx);
    const made = await reportIssue(ctx, tree.parts[0].operations[0].id);
    const noNotes = await ctx.fail("approve_issue", { id: made.id, resolution_notes: "" });
    ctx.assert(noNotes.error.code === "VALIDATION_ERROR", "notes required");
    const t = await ctx.call("approve_issue", { id: made.id, resolution_notes: "deburred" });
    ctx.assert(t.previous_status === "pending" && t.new_status === "approved" && t.issue.reviewed_at && t.issue.resolution_notes === "deburred", "approved");
    const again = await ctx.fail("approve_issue", { id: made.id, resolution_notes: "again" });
    ctx.assert(again.error.code === "INVALID_STATE_TRANSITION", "not twice");
  },
  reject_issue: async (ctx) => {
    const tree = await freshJob(ctx);
    const made = await reportIssue(ctx, tree.parts[0].operations[0].id);
    const t = await ctx.call("reject_issue", { id: made.id, resolution_notes: "not a defect" });
    ctx.assert(t.new_status === "rejected" && t.issue.status === "rejected", "rejected");
  },
  close_issue: async (ctx) => {
    const tree = await freshJob(ctx);
    const made = await reportIssue(ctx, tree.parts[0].operations[0].id);
    const early = await ctx.fail("close_issue", { id: made.id });
    ctx.assert(early.error.code === "INVALID_STATE_TRANSITION", "a pending issue is reviewed first");
    await ctx.call("approve_issue", { id: made.id, resolution_notes: "ok" });
    const t = await ctx.call("close_issue", { id: made.id });
    ctx.assert(t.new_status === "closed" && t.issue.closed_at, "closed");
  },
  verify_ncr: async (ctx) => {
    const tree = await freshJob(ctx);
    const op = tree.parts[0].operations[0];
    const ncr = (await ctx.call("create_ncr", ncrArgs(ctx, op.id, "surface_finish"))).issue;
    const v = (await ctx.call("verify_ncr", { id: ncr.id })).issue;
    ctx.assert(v.verified_at, "verified");
    const again = await ctx.fail("verify_ncr", { id: ncr.id });
    ctx.assert(again.error.code === "INVALID_STATE_TRANSITION", "once");
    const general = await reportIssue(ctx, op.id);
    const g = await ctx.fail("verify_ncr", { id: general.id });
    ctx.assert(g.error.code === "BAD_REQUEST", "only an NCR");
  },

  // substeps
  fetch_substeps: async (ctx) => {
    const tree = await freshJob(ctx);
    const op = tree.parts[0].operations[0];
    for (const name of ["Check drawing", "Clamp", "Measure"]) await ctx.call("add_substep", { operation_id: op.id, name });
    const all = await ctx.call("fetch_substeps", { operation_id: op.id });
    ctx.assert(all.total === 3 && all.substeps.map((s) => s.name).join() === "Check drawing,Clamp,Measure", "in sequence");
    await ctx.call("complete_substep", { id: all.substeps[0].id });
    const done = await ctx.call("fetch_substeps", { operation_id: op.id, status: "completed" });
    ctx.assert(done.total === 1 && done.substeps[0].id === all.substeps[0].id, "status filter");
    const missing = await ctx.fail("fetch_substeps", {});
    ctx.assert(missing.error.code === "VALIDATION_ERROR" && /operation_id/.test(missing.error.message), "operation_id required");
    const nf = await ctx.fail("fetch_substeps", { operation_id: "00000000-0000-4000-8000-000000000000" });
    ctx.assert(nf.error.code === "NOT_FOUND", "unknown operation");
  },
  add_substep: async (ctx) => {
    const tree = await freshJob(ctx);
    const op = tree.parts[0].operations[0];
    const a = (await ctx.call("add_substep", { operation_id: op.id, name: "First" })).substep;
    const b = (await ctx.call("add_substep", { operation_id: op.id, name: "Second", notes: "torque 20 Nm" })).substep;
    ctx.assert(a.sequence === 1 && b.sequence === 2 && b.status === "not_started" && b.notes === "torque 20 Nm", "appended");
    const nf = await ctx.fail("add_substep", { operation_id: "00000000-0000-4000-8000-000000000000", name: "x" });
    ctx.assert(nf.error.code === "NOT_FOUND", "unknown operation");
  },
  update_substep: async (ctx) => {
    const tree = await freshJob(ctx);
    const s = (await ctx.call("add_substep", { operation_id: tree.parts[0].operations[0].id, name: "Step" })).substep;
    const u = (await ctx.call("update_substep", { id: s.id, name: "Renamed", status: "in_progress" })).substep;
    ctx.assert(u.name === "Renamed" && u.status === "in_progress", "changed");
    const bad = await ctx.fail("update_substep", { id: s.id, status: "done" });
    ctx.assert(bad.error.code === "VALIDATION_ERROR", "substep statuses only");
  },
  complete_substep: async (ctx) => {
    const tree = await freshJob(ctx);
    const s = (await ctx.call("add_substep", { operation_id: tree.parts[0].operations[0].id, name: "Step" })).substep;
    const c = (await ctx.call("complete_substep", { id: s.id })).substep;
    ctx.assert(c.status === "completed" && c.completed_at, "completed with its time");
  },
  delete_substep: async (ctx) => {
    const tree = await freshJob(ctx);
    const op = tree.parts[0].operations[0];
    const s = (await ctx.call("add_substep", { operation_id: op.id, name: "Gone" })).substep;
    const d = await ctx.call("delete_substep", { id: s.id });
    ctx.assert(d.deleted === true && d.id === s.id, "deleted");
    ctx.assert((await ctx.call("fetch_substeps", { operation_id: op.id })).total === 0, "no longer listed");
    const again = await ctx.fail("delete_substep", { id: s.id });
    ctx.assert(again.error.code === "NOT_FOUND", "gone");
  },
  apply_substep_template: async (ctx) => {
    const tree = await freshJob(ctx);
    const op = tree.parts[0].operations[0];
    const t = await ctx.rest("POST", "/api/v1/substep-templates", { name: unique("Template") });
    ctx.assert(t.status === 201, `template: ${t.status}`);
    const template = t.body.data.substep_template || Object.values(t.body.data)[0];
    for (const [i, name] of ["Inspect", "Deburr"].entries()) {
      const it = await ctx.rest("POST", `/api/v1/substep-templates/${template.id}/items`, { name, sequence: i + 1 });
      ctx.assert(it.status === 201, `item: ${it.status}`);
    }
    const r = await ctx.call("apply_substep_template", { template_id: template.id, operation_id: op.id });
    ctx.assert(r.substeps.length === 2 && r.substeps.every((s) => s.operation_id === op.id), "the template's steps");
    const nf = await ctx.fail("apply_substep_template", { template_id: "00000000-0000-4000-8000-000000000000", operation_id: op.id });
    ctx.assert(nf.error.code === "NOT_FOUND", "unknown template");
  },

  // agent batch
  batch_update_parts: async (ctx) => {
    const tree = await freshJob(ctx, 3);
    const r = await ctx.call("batch_update_parts", { scope: { job_id: tree.id }, updates: { is_bullet_card: true, cnc_program_name: "NC-42" } });
    ctx.assert(r.succeeded === 3 && r.failed === 0 && r.results.every((x) => x.ok && x.entity === "part" && x.record.is_bullet_card === true && x.record.cnc_program_name === "NC-42"), "every part of the job");
    const foreign = "00000000-0000-4000-8000-000000000000";
    const mixed = await ctx.call("batch_update_parts", { scope: { part_ids: [tree.parts[0].id, foreign] }, updates: { notes: "checked" } });
    ctx.assert(mixed.succeeded === 1 && mixed.failed === 1 && mixed.results[1].id === foreign && mixed.results[1].error.code === "NOT_FOUND", "per-item results");
    const none = await ctx.fail("batch_update_parts", { scope: { job_id: tree.id }, updates: {} });
    ctx.assert(none.error.code === "VALIDATION_ERROR", "at least one field");
    const two = await ctx.fail("batch_update_parts", { scope: { job_id: tree.id, customer: "x" }, updates: { notes: "x" } });
    ctx.assert(two.error.code === "VALIDATION_ERROR", "one scope");
    const many = await ctx.fail("batch_update_parts", { scope: { part_ids: Array(501).fill(foreign) }, updates: { notes: "x" } });
    ctx.assert(many.error.code === "VALIDATION_ERROR" && /500/.test(many.error.message), "at most 500 items");
  },
  "batch_update_parts:progress": async (ctx, client) => {
    const tree = await freshJob(ctx, 3);
    const seen = [];
    const r = await client.callTool({ name: "batch_update_parts", arguments: { scope: { job_id: tree.id }, updates: { drawing_no: "DWG-P" } } }, undefined, { onprogress: (p) => seen.push(p) });
    ctx.assert(!r.isError && r.structuredContent.succeeded === 3, "updated");
    ctx.assert(seen.length >= 3 && seen[seen.length - 1].progress === 3 && seen[seen.length - 1].total === 3, `progress per item: ${JSON.stringify(seen)}`);
  },
  batch_reschedule_operations: async (ctx) => {
    const tree = await freshJob(ctx, 2);
    const set = await ctx.call("batch_reschedule_operations", { scope: { job_number: tree.job_number }, schedule: { planned_start: "2031-03-02T06:00:00Z", planned_end: "2031-03-02T14:00:00Z" } });
    ctx.assert(set.succeeded === 4 && set.results.every((x) => x.record.planned_start.startsWith("2031-03-02T06:00:00")), "set on every operation");
    const shifted = await ctx.call("batch_reschedule_operations", { scope: { part_id: tree.parts[0].id }, schedule: { shift_days: 2, shift_hours: -1 } });
    ctx.assert(shifted.succeeded === 2 && shifted.results.every((x) => x.record.planned_start.startsWith("2031-03-04T05:00:00") && x.record.planned_end.startsWith("2031-03-04T13:00:00")), "shifted");
    const both = await ctx.fail("batch_reschedule_operations", { scope: { part_id: tree.parts[0].id }, schedule: { shift_days: 1, planned_start: "2031-01-01T00:00:00Z" } });
    ctx.assert(both.error.code === "VALIDATION_ERROR", "set or shift");
    const nf = await ctx.fail("batch_reschedule_operations", { scope: { job_id: "00000000-0000-4000-8000-000000000000" }, schedule: { shift_days: 1 } });
    ctx.assert(nf.error.code === "NOT_FOUND", "unknown job");
  },
  prioritize_job: async (ctx) => {
    const tree = await freshJob(ctx, 2);
    const r = await ctx.call("prioritize_job", { job_id: tree.id, notes: "customer line down" });
    ctx.assert(r.failed === 0 && r.results.filter((x) => x.entity === "part").length === 2 && r.results.some((x) => x.entity === "job"), "the job and its parts");
    ctx.assert(r.job.notes.endsWith("[PRIORITY] customer line down"), "the reason in the notes");
    const job = (await ctx.call("get_job", { id: tree.id })).job;
    ctx.assert(job.parts.every((p) => p.is_bullet_card === true), "bullet cards");
    const nf = await ctx.fail("prioritize_job", { job_number: "NO-SUCH-JOB" });
    ctx.assert(nf.error.code === "NOT_FOUND", "unknown job");
  },
  fetch_parts_by_customer: async (ctx) => {
    const customer = unique("Cust");
    const tree = await freshJob(ctx, 2);
    await ctx.call("update_job", { id: tree.id, customer });
    const r = await ctx.call("fetch_parts_by_customer", { customer: customer.toLowerCase() });
    ctx.assert(r.jobs.length === 1 && r.jobs[0].id === tree.id && r.jobs[0].parts.length === 2 && r.parts_count === 2 && !r.truncated, "grouped by job");
    ctx.assert(r.jobs[0].parts.every((p) => p.operations.length === 2), "with operations");
    const none = await ctx.call("fetch_parts_by_customer", { customer: unique("Nobody") });
    ctx.assert(none.jobs.length === 0 && none.parts_count === 0, "no match");
    const empty = await ctx.fail("fetch_parts_by_customer", { customer: "" });
    ctx.assert(empty.error.code === "VALIDATION_ERROR", "customer required");
  },
  batch_complete_operations: async (ctx) => {
    const tree = await freshJob(ctx);
    const [a, b] = tree.parts[0].operations;
    const operator = ctx.operators[0];
    await ctx.call("start_operation", { id: a.id, operator_id: operator.id });
    const r = await ctx.call("batch_complete_operations", { scope: { job_id: tree.id }, operator_id: operator.id, start_first: true });
    ctx.assert(r.succeeded === 2 && r.failed === 0, `both completed: ${JSON.stringify(r.results.map((x) => x.error))}`);
    ctx.assert(r.results.find((x) => x.id === a.id).time_entries_closed === 1, "the operator's time entry closed");
    const job = (await ctx.call("get_job", { id: tree.id })).job;
    ctx.assert(job.status === "completed" && job.parts[0].status === "completed", "rolled up to the part and the job");
    const again = await ctx.call("batch_complete_operations", { scope: { operation_ids: [a.id] } });
    ctx.assert(again.failed === 1 && again.results[0].error.code === "INVALID_STATE_TRANSITION", "per-item refusal");
  },
  batch_pause_operations: async (ctx) => {
    const tree = await freshJob(ctx);
    const [a] = tree.parts[0].operations;
    await ctx.call("start_operation", { id: a.id, operator_id: ctx.operators[0].id });
    const r = await ctx.call("batch_pause_operations", { scope: { part_id: tree.parts[0].id } });
    ctx.assert(r.results.length === 1 && r.succeeded === 1 && r.results[0].new_status === "on_hold" && r.results[0].time_entries_closed === 1, "only the running one, its time closed");
  },
  get_job_overview: async (ctx) => {
    const tree = await freshJob(ctx, 2);
    const op = tree.parts[0].operations[0];
    await ctx.call("start_operation", { id: op.id });
    await ctx.call("complete_operation", { id: op.id });
    await reportIssue(ctx, op.id, { severity: "critical" });
    const o = await ctx.call("get_job_overview", { job_number: tree.job_number });
    ctx.assert(o.progress.operations_total === 4 && o.progress.operations_completed === 1 && o.progress.percent_complete === 25, "progress");
    ctx.assert(o.issues.total === 1 && o.issues.pending === 1 && o.issues.critical_pending === 1 && o.issues.pending_issues.length === 1, "issue summary");
    ctx.assert(o.parts.length === 2 && o.parts[0].operations.length === 2, "parts with operations");
    const slim = await ctx.call("get_job_overview", { job_id: tree.id, include_parts: false, include_issues: false });
    ctx.assert(slim.parts === undefined && slim.issues === undefined, "left out when asked");
  },
  // dashboard
  get_dashboard_stats: async (ctx) => {
    const d = await ctx.call("get_dashboard_stats", {});
    const jobs = await ctx.call("fetch_jobs", { limit: 1 });
    ctx.assert(d.jobs.total === jobs.total, `jobs total ${d.jobs.total} = fetch_jobs total ${jobs.total}`);
    ctx.assert(typeof d.active_time_entries === "number", "running time entries");
  },
  get_qrm_data: async (ctx) => {
    const q = await ctx.call("get_qrm_data", {});
    ctx.assert(q.cells.length >= ctx.cells.length, "every cell");
    const one = await ctx.call("get_qrm_data", { cell_id: ctx.cells[0].id });
    ctx.assert(one.cells.length === 1 && JSON.stringify(one.cells[0]).includes(ctx.cells[0].id), "one cell");
  },
  get_production_metrics: async (ctx) => {
    const m = await ctx.call("get_production_metrics", {});
    ctx.assert(m.from && m.to && typeof m.operations_completed === "number", "a window with counts");
  },
  get_cell_capacity: async (ctx) => {
    const c = await ctx.call("get_cell_capacity", {});
    ctx.assert(c.cells.length >= 1, "cells");
  },
  get_parts_due_soon: async (ctx) => {
    const d = await ctx.call("get_parts_due_soon", { due_within_days: 365, limit: 20 });
    ctx.assert(d.summary && typeof d.summary.total === "number", "summary");
  },
  fetch_cell_queue: async (ctx) => {
    const tree = await freshJob(ctx);
    const cell = ctx.cells[0];
    const q = await ctx.call("fetch_cell_queue", { cell_id: cell.id, limit: 500 });
    ctx.assert(q.cell.id === cell.id && q.operations.some((o) => o.id === tree.parts[0].operations[0].id), "the new job's first operation waits at its cell");
    const byName = await ctx.call("fetch_cell_queue", { cell_name: cell.name, limit: 5 });
    ctx.assert(byName.cell.id === cell.id, "by name");
  },

  // scrap & quality
  fetch_scrap_reasons: async (ctx) => {
    const r = await ctx.call("fetch_scrap_reasons", {});
    ctx.assert(r.scrap_reasons.length > 0, "the demo's scrap reasons");
    ctx.scrapReasons = r.scrap_reasons;
  },
  report_scrap: async (ctx) => {
    const tree = await freshJob(ctx);
    const op = tree.parts[0].operations[0];
    const reasons = (await ctx.call("fetch_scrap_reasons", {})).scrap_reasons;
    const before = await ctx.call("get_scrap_pareto", { days: 7, top_n: 50 });
    const r = await ctx.call("report_scrap", { operation_id: op.id, quantity_scrap: 3, scrap_reason_id: reasons[0].id, notes: "burr" });
    ctx.assert(JSON.stringify(r).includes(op.id), "the report names the operation");
    const after = await ctx.call("get_scrap_pareto", { days: 7, top_n: 50 });
    ctx.assert(after.total_scrap === before.total_scrap + 3, `pareto total ${before.total_scrap} + 3 = ${after.total_scrap}`);
    const bad = await ctx.fail("report_scrap", { operation_id: op.id, quantity_scrap: 0 });
    ctx.assert(bad.error.code === "VALIDATION_ERROR", "at least one");
  },
  report_production: async (ctx) => {
    const tree = await freshJob(ctx);
    const op = tree.parts[0].operations[0];
    const r = (await ctx.call("report_production", { operation_id: op.id, quantity_good: 5, quantity_scrap: 1, quantity_rework: 0 })).operation_quantity;
    ctx.assert(r.operation_id === op.id && r.quantity_good === 5 && r.quantity_scrap === 1, "stored");
  },
  get_scrap_analytics: async (ctx) => {
    for (const group_by of ["reason", "cell", "operation", "material"]) {
      const a = await ctx.call("get_scrap_analytics", { days: 30, group_by });
      ctx.assert(a.group_by === group_by && Array.isArray(a.groups), group_by);
    }
  },
  get_scrap_trends: async (ctx) => {
    const t = await ctx.call("get_scrap_trends", { days: 14, interval: "daily" });
    ctx.assert(t.interval === "daily" && Array.isArray(t.buckets), "daily buckets");
    await ctx.call("get_scrap_trends", { days: 60, interval: "weekly" });
  },
  get_yield_metrics: async (ctx) => {
    const y = await ctx.call("get_yield_metrics", { days: 30 });
    ctx.assert(y.overall && Array.isArray(y.cells), "overall and per cell");
  },
  get_scrap_pareto: async (ctx) => {
    const p = await ctx.call("get_scrap_pareto", { days: 30, top_n: 5 });
    ctx.assert(p.items.length <= 5, "top 5");
  },
  get_quality_score: async (ctx) => {
    const q = await ctx.call("get_quality_score", { days: 30 });
    ctx.assert(q.score >= 0 && q.score <= 100, `a score from 0 to 100: ${q.score}`);
  },
  get_issue_analytics: async (ctx) => {
    for (const group_by of ["severity", "status", "ncr_category", "cell", "operation"]) {
      const a = await ctx.call("get_issue_analytics", { days: 90, group_by });
      ctx.assert(a.group_by === group_by && Array.isArray(a.groups) && typeof a.total === "number", group_by);
    }
  },
  get_issue_trends: async (ctx) => {
    const t = await ctx.call("get_issue_trends", { days: 30, interval: "weekly" });
    ctx.assert(t.interval === "weekly" && Array.isArray(t.buckets), "weekly buckets");
  },
  get_root_cause_analysis: async (ctx) => {
    const r = await ctx.call("get_root_cause_analysis", { days: 90, min_occurrences: 1 });
    ctx.assert(Array.isArray(r.root_causes), "root causes");
  },
  suggest_quality_improvements: async (ctx) => {
    const s = await ctx.call("suggest_quality_improvements", {});
    ctx.assert(Array.isArray(s.suggestions), "suggestions");
    await ctx.call("suggest_quality_improvements", { focus_area: "high_severity" });
  },
};
