// The MCP server through the official TypeScript SDK client (Streamable HTTP and stdio), against a
// served demo shop whose sandbox twin holds the demo too. Every tool is called at least once with
// its result checked; every schema compiles (ajv, JSON Schema 2020-12) and every structuredContent
// validates against its tool's outputSchema; keys (allowed tools, rate limit, revoke, sandbox),
// cross-tenant ids, resource subscriptions, prompts, completions, version negotiation and hostile
// requests are checked too.
// Usage: node mcp-check.mjs BASE ADMIN_API_KEY SERVER_BINARY DB_PATH
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { ResourceUpdatedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import http from "node:http";
import { toolPlans } from "./mcp-tool-plans.mjs";

const [BASE, ADMIN_KEY, SERVER, DB] = process.argv.slice(2);
const MCP = new URL("/mcp", BASE);
const failures = [];
let passed = 0;

async function check(name, fn) {
  try {
    await fn();
    passed++;
  } catch (e) {
    failures.push(`${name}: ${e && e.stack ? e.stack : e}`);
  }
}
function assert(cond, message) {
  if (!cond) throw new Error(message);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(fn, ms = 8000, what = "condition") {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await fn()) return;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function rest(method, path, body, key = ADMIN_KEY) {
  const res = await fetch(new URL(path, BASE), {
    method,
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

// An MCP key through the REST API; the secret is the one mcp_live_/mcp_test_ string in the answer.
async function mcpKey(body) {
  const r = await rest("POST", "/api/v1/mcp-keys", body);
  assert(r.status === 201, `creating an MCP key: ${r.status} ${JSON.stringify(r.body)}`);
  const secret = JSON.stringify(r.body).match(/mcp_(live|test)_[0-9a-f]{32}/);
  assert(secret, "the created key holds its secret");
  const id = JSON.stringify(r.body).match(/"id":"([0-9a-f-]{36})"/)[1];
  return { secret: secret[0], id };
}

async function connect(key, version) {
  const client = new Client({ name: "eryxon-mcp-check", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(MCP, {
    requestInit: { headers: { Authorization: `Bearer ${key}` } },
    ...(version ? { protocolVersion: version } : {}),
  });
  await client.connect(transport);
  return { client, transport };
}

async function allTools(client) {
  const tools = [];
  let cursor;
  do {
    const page = await client.listTools(cursor ? { cursor } : {});
    tools.push(...page.tools);
    cursor = page.nextCursor;
  } while (cursor);
  return tools;
}

// Raw JSON-RPC over HTTP, for what the SDK would never send.
async function raw(body, headers = {}, method = "POST") {
  const res = await fetch(MCP, {
    method,
    headers: {
      "Content-Type": "application/json",
      Accept: "application/json, text/event-stream",
      ...headers,
    },
    body: method === "POST" ? (typeof body === "string" ? body : JSON.stringify(body)) : undefined,
  });
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {}
  return { status: res.status, headers: res.headers, text, json };
}

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);

// A webhook receiver, to compare the events of a tool with those of the same REST call.
const received = [];
const receiver = http.createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    try {
      received.push(JSON.parse(body));
    } catch {}
    res.writeHead(200).end("ok");
  });
});
await new Promise((r) => receiver.listen(0, "127.0.0.1", r));

try {
  const live = await mcpKey({ name: "check-all", allowed_tools: ["*"], rate_limit: 100000 });
  const sandbox = await mcpKey({ name: "check-sandbox", environment: "test", allowed_tools: ["*"], rate_limit: 100000 });
  const { client, transport } = await connect(live.secret);

  await check("initialize negotiates 2025-11-25 with a session", async () => {
    assert(transport.sessionId && /^[0-9a-f]{32}$/.test(transport.sessionId), `session id ${transport.sessionId}`);
    assert(client.getServerVersion().name === "eryxon-mes", "server name");
    const caps = client.getServerCapabilities();
    assert(caps.tools && caps.resources && caps.resources.subscribe && caps.prompts && caps.logging && caps.completions, JSON.stringify(caps));
  });

  const tools = await allTools(client);
  await check("at least 55 tools in 9 modules, names unique", async () => {
    const names = new Set(tools.map((t) => t.name));
    assert(names.size === tools.length, "duplicate tool names");
    assert(tools.length >= 55, `only ${tools.length} tools`);
    const modules = new Set(tools.map((t) => t._meta && t._meta["io.eryxon/module"]));
    assert(modules.size >= 9 && !modules.has(undefined), `modules: ${[...modules].join(", ")}`);
  });

  const validators = new Map();
  await check("every inputSchema and outputSchema compiles; every tool has a title and annotations", async () => {
    for (const t of tools) {
      assert(t.inputSchema.type === "object" && t.inputSchema.additionalProperties === false, `${t.name}: closed object input`);
      ajv.compile(t.inputSchema);
      assert(t.outputSchema && t.outputSchema.type === "object", `${t.name}: outputSchema`);
      validators.set(t.name, ajv.compile(t.outputSchema));
      assert(t.title && t.description, `${t.name}: title and description`);
      const a = t.annotations || {};
      for (const k of ["readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"])
        assert(typeof a[k] === "boolean", `${t.name}: annotation ${k}`);
    }
  });

  // Calls a tool and checks its structuredContent against its outputSchema and the text mirror.
  async function call(c, name, args = {}, expectError = false) {
    const r = await c.callTool({ name, arguments: args });
    const v = validators.get(name);
    if (!expectError) {
      assert(!r.isError, `${name}(${JSON.stringify(args)}) failed: ${r.content && r.content[0] && r.content[0].text}`);
      assert(v(r.structuredContent), `${name}: structuredContent does not match outputSchema: ${ajv.errorsText(v.errors)}`);
      assert(JSON.stringify(JSON.parse(r.content[0].text)) === JSON.stringify(r.structuredContent), `${name}: text mirror`);
    } else {
      assert(r.isError === true, `${name}(${JSON.stringify(args)}) should fail: ${JSON.stringify(r.structuredContent)}`);
      assert(r.structuredContent === undefined, `${name}: an error carries no structuredContent`);
      const e = JSON.parse(r.content[0].text);
      assert(e.error && e.error.code && e.error.message, `${name}: {code, message}`);
      return e;
    }
    return r.structuredContent;
  }

  // Shared demo facts for the plans: ids of the live shop and of the sandbox.
  const ctx = { call: (n, a) => call(client, n, a), fail: (n, a) => call(client, n, a, true), rest, assert, sleep, until };
  {
    const jobs = (await call(client, "fetch_jobs", { limit: 100 })).jobs;
    assert(jobs.length > 0, "the demo shop has jobs");
    ctx.jobs = jobs;
    const ops = (await call(client, "fetch_operations", { limit: 200 })).operations;
    ctx.operations = ops;
    const operators = await rest("GET", "/api/v1/operators?limit=50");
    ctx.operators = operators.body.data.operators;
    const cells = await rest("GET", "/api/v1/cells?limit=50");
    ctx.cells = cells.body.data.cells;
  }

  const covered = new Set();
  for (const t of tools) {
    await check(`tool ${t.name} on the demo shop`, async () => {
      const plan = toolPlans[t.name];
      assert(plan, `no call plan for ${t.name} in mcp-tool-plans.mjs`);
      await plan(ctx);
      covered.add(t.name);
    });
  }
  await check("every tool was called", async () => {
    const missing = tools.filter((t) => !covered.has(t.name)).map((t) => t.name);
    assert(missing.length === 0, `not called: ${missing.join(", ")}`);
  });

  await check("bad arguments are isError VALIDATION_ERROR naming the argument", async () => {
    const e1 = await call(client, "fetch_jobs", { limit: 0 }, true);
    assert(e1.error.code === "VALIDATION_ERROR" && /limit/.test(e1.error.message), JSON.stringify(e1));
    const e2 = await call(client, "start_operation", { id: "not-a-uuid" }, true);
    assert(e2.error.code === "VALIDATION_ERROR" && /id/.test(e2.error.message), JSON.stringify(e2));
    const e3 = await call(client, "fetch_jobs", { surprise: 1 }, true);
    assert(/unknown argument/.test(e3.error.message), JSON.stringify(e3));
    const e4 = await call(client, "get_job", { job_number: "x".repeat(300) }, true);
    assert(e4.error.code === "VALIDATION_ERROR", JSON.stringify(e4));
  });

  await check("an unknown tool is a JSON-RPC error", async () => {
    let threw = false;
    try {
      await client.callTool({ name: "drop_database", arguments: {} });
    } catch (e) {
      threw = e.code === -32602;
    }
    assert(threw, "unknown tool → -32602");
  });

  // Tenant isolation: the sandbox twin is another tenant; its key never sees live records.
  const sb = await connect(sandbox.secret);
  await check("a test key works on the sandbox only; live ids are not found there", async () => {
    const sbJobs = (await call(sb.client, "fetch_jobs", { limit: 100 })).jobs;
    const liveIds = new Set(ctx.jobs.map((j) => j.id));
    assert(sbJobs.length > 0 && sbJobs.every((j) => !liveIds.has(j.id)), "sandbox jobs are the sandbox's own");
    const liveJob = ctx.jobs[0];
    const liveOp = ctx.operations[0];
    const livePart = (await call(client, "fetch_parts", { limit: 1 })).parts[0];
    const idTools = tools.filter((t) => t.inputSchema.properties && t.inputSchema.properties.id && (t.inputSchema.required || []).includes("id"));
    for (const t of idTools) {
      // The id of the live record of the tool's kind; a tool's other required arguments filled in.
      const record = /job/.test(t.name) ? liveJob.id : /part/.test(t.name) ? livePart.id : liveOp.id;
      const args = { id: record };
      for (const req of t.inputSchema.required || []) {
        if (req === "id") continue;
        const p = t.inputSchema.properties[req];
        args[req] = p.enum ? p.enum[0] : p.format === "uuid" ? liveOp.id : p.type === "integer" || p.type === "number" ? 1 : p.type === "boolean" ? true : "x";
      }
      const r = await sb.client.callTool({ name: t.name, arguments: args });
      const code = r.isError ? JSON.parse(r.content[0].text).error.code : "none";
      assert(code === "NOT_FOUND", `${t.name} with a live id from a test key: ${r.content[0].text.slice(0, 300)}`);
    }
    for (const t of tools.filter((t) => t.inputSchema.properties && t.inputSchema.properties.job_number && !(t.inputSchema.required || []).length)) {
      const r = await sb.client.callTool({ name: t.name, arguments: { job_number: `${liveJob.job_number}-not-in-sandbox` } });
      if (r.isError) assert(/NOT_FOUND|VALIDATION_ERROR/.test(r.content[0].text), t.name);
    }
  });

  await check("allowed tools are enforced on list and call", async () => {
    const k = await mcpKey({ name: "check-limited", allowed_tools: ["fetch_jobs", "get_job"] });
    const { client: c, transport: tr } = await connect(k.secret);
    const names = (await allTools(c)).map((t) => t.name).sort();
    assert(JSON.stringify(names) === JSON.stringify(["fetch_jobs", "get_job"]), `listed: ${names}`);
    await c.callTool({ name: "fetch_jobs", arguments: { limit: 1 } });
    let code;
    try {
      await c.callTool({ name: "start_job", arguments: { id: ctx.jobs[0].id } });
    } catch (e) {
      code = e.code;
    }
    assert(code === -32602, `a tool the key may not use is unknown (${code})`);
    await tr.terminateSession();
    await c.close();
  });

  await check("the per-key rate limit answers a JSON-RPC error with the retry time", async () => {
    const k = await mcpKey({ name: "check-rate", allowed_tools: ["*"], rate_limit: 3 });
    const { client: c } = await connect(k.secret);
    for (let i = 0; i < 3; i++) await c.callTool({ name: "fetch_jobs", arguments: { limit: 1 } });
    let err;
    try {
      await c.callTool({ name: "fetch_jobs", arguments: { limit: 1 } });
    } catch (e) {
      err = e;
    }
    assert(err && err.code === -32029 && err.data && err.data.retryAfter > 0, `rate limited: ${err && err.message}`);
    await c.close();
  });

  await check("usage is logged per key and readable through the API", async () => {
    await sleep(1500); // written in batches, at most a second late
    const u = await rest("GET", `/api/v1/mcp-keys/${live.id}/usage?limit=500`);
    assert(u.status === 200, `usage: ${u.status}`);
    const rows = JSON.stringify(u.body);
    assert(/fetch_jobs/.test(rows) && /arguments_digest/.test(rows), "usage rows hold the tool and the digest");
  });

  await check("revoking a key ends its open session at once", async () => {
    const k = await mcpKey({ name: "check-revoke", allowed_tools: ["*"] });
    const { client: c } = await connect(k.secret);
    await c.callTool({ name: "fetch_jobs", arguments: { limit: 1 } });
    const r = await rest("DELETE", `/api/v1/mcp-keys/${k.id}`);
    assert(r.status === 200, `revoke: ${r.status}`);
    let refused = false;
    try {
      await c.callTool({ name: "fetch_jobs", arguments: { limit: 1 } });
    } catch (e) {
      refused = /401|revoked|Unauthorized|invalid/i.test(String(e.message));
    }
    assert(refused, "the next call after a revoke is refused");
  });

  await check("a tool call sends the same webhook event as the equivalent REST call", async () => {
    await rest("PATCH", "/api/v1/settings", { allow_loopback_webhooks: true });
    const hook = await rest("POST", "/api/v1/webhooks", { url: `http://127.0.0.1:${receiver.address().port}/hook`, events: ["operation.*"] });
    assert(hook.status === 201, `webhook: ${hook.status} ${JSON.stringify(hook.body)}`);
    const fresh = ctx.operations.filter((o) => o.status === "not_started");
    assert(fresh.length >= 2, "two operations not started");
    const [a, b] = fresh;
    await call(client, "start_operation", { id: a.id });
    const viaRest = await rest("POST", `/api/v1/operations/${b.id}/start`, {});
    assert(viaRest.status === 200, `REST start: ${viaRest.status}`);
    await until(() => received.some((e) => e.data && e.data.operation_id === a.id) && received.some((e) => e.data && e.data.operation_id === b.id), 15000, "both webhook events");
    const ea = received.find((e) => e.data.operation_id === a.id && e.event === "operation.started");
    const eb = received.find((e) => e.data.operation_id === b.id && e.event === "operation.started");
    assert(ea && eb, `operation.started for both: ${JSON.stringify(received.map((e) => e.event))}`);
    assert(JSON.stringify(Object.keys(ea.data).sort()) === JSON.stringify(Object.keys(eb.data).sort()), "same data fields");
    // The same kinds of events for both (the roll-up's part and job events included).
    const kinds = (id) => received.filter((e) => JSON.stringify(e.data).includes(id)).map((e) => e.event).sort();
    assert(JSON.stringify(kinds(a.id)) === JSON.stringify(kinds(b.id)), `same events: ${kinds(a.id)} vs ${kinds(b.id)}`);
    await rest("DELETE", `/api/v1/webhooks/${hook.body.data.webhook.id}`);
  });

  await check("resources: list, templates, read; subscribe gets resources/updated after a REST change", async () => {
    const list = await client.listResources();
    assert(list.resources.some((r) => r.uri === "eryxon://dashboard"), "dashboard listed");
    const templates = await client.listResourceTemplates();
    assert(templates.resourceTemplates.length >= 3, "templates");
    const job = ctx.jobs[1];
    const uri = `eryxon://jobs/${encodeURIComponent(job.job_number)}`;
    const read = await client.readResource({ uri });
    const content = JSON.parse(read.contents[0].text);
    assert(content.id === job.id && Array.isArray(content.parts), "the job with its parts");
    for (const u of ["eryxon://dashboard", "eryxon://issues/open", `eryxon://operations/${ctx.operations[0].id}`])
      JSON.parse((await client.readResource({ uri: u })).contents[0].text);
    const cell = ctx.cells[0];
    JSON.parse((await client.readResource({ uri: `eryxon://cells/${encodeURIComponent(cell.name)}/queue` })).contents[0].text);
    let notFound = false;
    try {
      await client.readResource({ uri: "eryxon://jobs/NO-SUCH-JOB" });
    } catch (e) {
      notFound = e.code === -32002;
    }
    assert(notFound, "an unknown record is -32002");
    const updates = [];
    client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => updates.push(n.params.uri));
    await client.subscribeResource({ uri });
    await sleep(300);
    const patch = await rest("PATCH", `/api/v1/jobs/${job.id}`, { notes: `changed ${Date.now()}` });
    assert(patch.status === 200, `PATCH job: ${patch.status}`);
    await until(() => updates.includes(uri), 8000, "resources/updated over the HTTP event stream");
    await client.unsubscribeResource({ uri });
  });

  await check("prompts pull live data; completion offers job numbers and cells", async () => {
    const prompts = (await client.listPrompts()).prompts.map((p) => p.name);
    for (const p of ["shift_handover", "scrap_analysis", "job_status_report"]) assert(prompts.includes(p), p);
    const job = ctx.jobs[0];
    const report = await client.getPrompt({ name: "job_status_report", arguments: { job_number: job.job_number } });
    assert(JSON.stringify(report.messages).includes(job.id), "the report holds the job");
    const handover = await client.getPrompt({ name: "shift_handover", arguments: { hours: "12" } });
    assert(handover.messages.length >= 2, "handover messages");
    await client.getPrompt({ name: "scrap_analysis", arguments: {} });
    let bad = false;
    try {
      await client.getPrompt({ name: "shift_handover", arguments: { hours: "lots" } });
    } catch (e) {
      bad = e.code === -32602;
    }
    assert(bad, "a bad prompt argument is -32602");
    const prefix = job.job_number.slice(0, 3);
    const done = await client.complete({ ref: { type: "ref/prompt", name: "job_status_report" }, argument: { name: "job_number", value: prefix } });
    assert(done.completion.values.includes(job.job_number), `completion of ${prefix}: ${done.completion.values}`);
    const cells = await client.complete({ ref: { type: "ref/resource", uri: "eryxon://cells/{name}/queue" }, argument: { name: "name", value: "" } });
    assert(cells.completion.values.length > 0, "cell names");
  });

  await check("logging/setLevel and ping", async () => {
    await client.setLoggingLevel("info");
    await client.ping();
  });

  await check("version negotiation: 2025-06-18 and 2025-03-26 echoed, unknown → 2025-11-25", async () => {
    for (const [asked, expect] of [["2025-06-18", "2025-06-18"], ["2025-03-26", "2025-03-26"], ["1999-01-01", "2025-11-25"], ["2026-07-28", "2025-11-25"]]) {
      const r = await raw({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: asked, capabilities: {}, clientInfo: { name: "raw", version: "1" } } }, { Authorization: `Bearer ${live.secret}` });
      assert(r.status === 200 && r.json.result.protocolVersion === expect, `${asked}: ${r.text}`);
      const sid = r.headers.get("mcp-session-id");
      assert(sid, "session id header");
      if (asked === "2025-03-26") {
        const batch = await raw([{ jsonrpc: "2.0", id: 2, method: "ping" }, { jsonrpc: "2.0", id: 3, method: "tools/list" }], { Authorization: `Bearer ${live.secret}`, "Mcp-Session-Id": sid });
        assert(Array.isArray(batch.json) && batch.json.length === 2, `a batch in 2025-03-26: ${batch.text.slice(0, 200)}`);
      }
      if (asked === "2025-06-18") {
        const batch = await raw([{ jsonrpc: "2.0", id: 2, method: "ping" }], { Authorization: `Bearer ${live.secret}`, "Mcp-Session-Id": sid, "MCP-Protocol-Version": "2025-06-18" });
        assert(batch.json.error && batch.json.error.code === -32600, `no batches after 2025-03-26: ${batch.text}`);
        const wrong = await raw({ jsonrpc: "2.0", id: 4, method: "ping" }, { Authorization: `Bearer ${live.secret}`, "Mcp-Session-Id": sid, "MCP-Protocol-Version": "2025-11-25" });
        assert(wrong.status === 400, `a protocol header other than the session's: ${wrong.status}`);
      }
      await raw(null, { Authorization: `Bearer ${live.secret}`, "Mcp-Session-Id": sid }, "DELETE");
    }
  });

  await check("the stateless 2026-07-28 revision on the same endpoint", async () => {
    const meta = { "io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": {} };
    const h = { Authorization: `Bearer ${live.secret}`, "MCP-Protocol-Version": "2026-07-28" };
    const d = await raw({ jsonrpc: "2.0", id: 1, method: "server/discover", params: { _meta: meta } }, h);
    assert(d.status === 200 && d.json.result.supportedVersions.includes("2026-07-28") && d.json.result.resultType === "complete", d.text);
    assert(!d.headers.get("mcp-session-id"), "no session");
    const l = await raw({ jsonrpc: "2.0", id: 2, method: "tools/list", params: { _meta: meta } }, h);
    assert(l.json.result.tools.length > 0, "tools/list without a session");
    const c = await raw({ jsonrpc: "2.0", id: 3, method: "tools/call", params: { _meta: meta, name: "fetch_jobs", arguments: { limit: 2 } } }, h);
    assert(c.json.result.structuredContent.jobs.length === 2, c.text.slice(0, 200));
    const v = await raw({ jsonrpc: "2.0", id: 4, method: "tools/list", params: { _meta: { "io.modelcontextprotocol/protocolVersion": "2099-01-01" } } }, { Authorization: `Bearer ${live.secret}` });
    assert(v.status === 400 && v.json.error.code === -32022, `an unknown stateless version: ${v.text}`);
    const m = await raw({ jsonrpc: "2.0", id: 5, method: "tools/list", params: { _meta: meta } }, { Authorization: `Bearer ${live.secret}`, "MCP-Protocol-Version": "2025-11-25" });
    assert(m.status === 400 && m.json.error.code === -32020, `header mismatch: ${m.text}`);
  });

  await check("hostile and malformed requests get errors, never a crash", async () => {
    const auth = { Authorization: `Bearer ${live.secret}` };
    const init = { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "raw", version: "1" } } };
    let r = await raw("{not json", auth);
    assert(r.status === 400 && r.json.error.code === -32700, `parse error: ${r.status} ${r.text}`);
    r = await raw(init, { ...auth, "Content-Type": "text/plain" });
    assert(r.status === 415, `content type: ${r.status}`);
    r = await raw(init, { ...auth, Origin: "http://evil.example" });
    assert(r.status === 403, `hostile Origin: ${r.status}`);
    // fetch() may not set Host; a DNS-rebound name arrives like this.
    const rebound = await new Promise((resolve, reject) => {
      const req = http.request({ host: MCP.hostname, port: MCP.port, path: "/mcp", method: "POST", headers: { Host: "evil.example", "Content-Type": "application/json", Accept: "application/json", ...auth } }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode));
      });
      req.on("error", reject);
      req.end(JSON.stringify(init));
    });
    assert(rebound === 403, `rebound Host: ${rebound}`);
    r = await raw(init, {});
    assert(r.status === 401 && r.headers.get("www-authenticate"), `no key: ${r.status}`);
    r = await raw(init, { Authorization: "Bearer mcp_live_00000000000000000000000000000000" });
    assert(r.status === 401, `unknown key: ${r.status}`);
    r = await raw(init, { Authorization: `Bearer ${ADMIN_KEY}` });
    assert(r.status === 401, `an API key is not an MCP key: ${r.status}`);
    r = await raw({ jsonrpc: "2.0", id: 1, method: "tools/list" }, { ...auth, "Mcp-Session-Id": "0".repeat(32) });
    assert(r.status === 404, `unknown session: ${r.status}`);
    r = await raw({ jsonrpc: "2.0", id: 1, method: "tools/list" }, auth);
    assert(r.status === 400, `no session: ${r.status}`);
    r = await raw(init, { ...auth, "Mcp-Session-Id": transport.sessionId }, "PUT");
    assert(r.status === 405, `PUT: ${r.status}`);
    // A body over the API's limit (32 MiB) is refused from its declared length, before it is sent.
    const oversized = await new Promise((resolve, reject) => {
      const req = http.request({ host: MCP.hostname, port: MCP.port, path: "/mcp", method: "POST", headers: { "Content-Type": "application/json", "Content-Length": 40 * 1024 * 1024, "Mcp-Session-Id": transport.sessionId, ...auth } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on("error", reject);
      req.write('{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"create_job","arguments":{"notes":"');
    });
    assert(oversized === 413, `oversized body: ${oversized}`);
    // A session of another key is as unknown as no session.
    const other = await raw(init, { Authorization: `Bearer ${sandbox.secret}` });
    const otherSid = other.headers.get("mcp-session-id");
    r = await raw({ jsonrpc: "2.0", id: 2, method: "tools/list" }, { ...auth, "Mcp-Session-Id": otherSid });
    assert(r.status === 404, `another key's session: ${r.status}`);
    const sid = transport.sessionId;
    const h = { ...auth, "Mcp-Session-Id": sid, "MCP-Protocol-Version": "2025-11-25" };
    for (const bad of [{}, { jsonrpc: "1.0", id: 1, method: "ping" }, { jsonrpc: "2.0", id: { x: 1 }, method: "ping" }, { jsonrpc: "2.0", id: 1, method: 42 }, { jsonrpc: "2.0", id: 1, method: "tools/call", params: [] }]) {
      r = await raw(bad, h);
      assert(r.json && r.json.error && [-32600, -32602].includes(r.json.error.code), `malformed ${JSON.stringify(bad)}: ${r.text}`);
    }
    r = await raw({ jsonrpc: "2.0", id: 7, method: "no/such" }, h);
    assert(r.json.error.code === -32601, "unknown method");
    r = await raw({ jsonrpc: "2.0", id: 8, method: "tools/call", params: { name: "fetch_jobs", arguments: "x" } }, h);
    assert(r.json.error.code === -32602, "arguments not an object");
    r = await raw({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: 1 } }, h);
    assert(r.status === 202 && r.text === "", `a notification is 202 without a body: ${r.status}`);
    r = await raw(null, { ...auth, Accept: "application/json" }, "GET");
    assert(r.status === 406 || r.status === 400, `GET without an event-stream Accept: ${r.status}`);
    // Still serving.
    await client.ping();
  });

  await check("progress: a call with a progressToken gets progress notifications", async () => {
    const batchTool = tools.find((t) => /^batch_/.test(t.name));
    if (!batchTool) return; // the batch module reports progress; without it there is nothing to check
    const plan = toolPlans[`${batchTool.name}:progress`];
    if (plan) await plan(ctx, client);
  });

  await check("stdio: mcp-stdio through StdioClientTransport, with a subscription", async () => {
    const stdio = new StdioClientTransport({ command: SERVER, args: ["mcp-stdio", "--db", DB], env: { ...process.env, ERYXON_MCP_KEY: live.secret }, stderr: "pipe" });
    const c = new Client({ name: "eryxon-mcp-check-stdio", version: "1.0.0" });
    await c.connect(stdio);
    const list = await allTools(c);
    assert(list.length === tools.length, `stdio lists ${list.length} tools`);
    const jobs = (await c.callTool({ name: "fetch_jobs", arguments: { limit: 3 } })).structuredContent.jobs;
    assert(jobs.length === 3, "fetch_jobs over stdio");
    const job = ctx.jobs[2];
    const uri = `eryxon://jobs/${encodeURIComponent(job.job_number)}`;
    const updates = [];
    c.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => updates.push(n.params.uri));
    await c.subscribeResource({ uri });
    const patch = await rest("PATCH", `/api/v1/jobs/${job.id}`, { notes: `stdio ${Date.now()}` });
    assert(patch.status === 200, "PATCH");
    await until(() => updates.includes(uri), 10000, "resources/updated over stdio");
    await c.close();
  });

  await check("stdio refuses a wrong key before reading anything", async () => {
    const stdio = new StdioClientTransport({ command: SERVER, args: ["mcp-stdio", "--db", DB, "--key", "mcp_live_0123456789abcdef0123456789abcdef"], stderr: "pipe" });
    const c = new Client({ name: "x", version: "1" });
    let failed = false;
    try {
      await c.connect(stdio);
    } catch {
      failed = true;
    }
    assert(failed, "connect fails");
  });

  await check("DELETE ends the session", async () => {
    await transport.terminateSession();
    const r = await raw({ jsonrpc: "2.0", id: 1, method: "ping" }, { Authorization: `Bearer ${live.secret}`, "Mcp-Session-Id": transport.sessionId || "gone" });
    assert(r.status === 404 || r.status === 400, `after DELETE: ${r.status}`);
  });
  await client.close().catch(() => {});
  await sb.client.close().catch(() => {});
} catch (e) {
  failures.push(`setup: ${e && e.stack ? e.stack : e}`);
} finally {
  receiver.close();
}

console.log(`${passed} checks passed, ${failures.length} failed`);
for (const f of failures) console.error(`FAIL ${f}`);
process.exit(failures.length ? 1 : 0);
