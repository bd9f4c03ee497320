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
};
