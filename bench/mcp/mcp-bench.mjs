// MCP tools/call against the REST route doing the same work, in the same run (bench/README.md):
// SESSIONS concurrent clients, each sending its next request when the last answer arrived, for
// SECONDS per case. Cases: fetch_jobs (limit 50) vs GET /api/v1/jobs?limit=50; start_operation +
// pause_operation vs POST /api/v1/operations/{id}/start + /pause. Then the memory of idle sessions.
// Usage: node mcp-bench.mjs BASE API_KEY MCP_KEYS SERVER_PID   (MCP_KEYS: comma-separated; a key
// holds at most 100 sessions, so the idle sessions are spread over them)
import http from "node:http";

const [BASE, API_KEY, MCP_KEYS, PID] = process.argv.slice(2);
const KEYS = MCP_KEYS.split(",");
const SESSIONS = Number(process.env.SESSIONS || 20);
const SECONDS = Number(process.env.SECONDS || 8);
const IDLE = Number(process.env.IDLE_SESSIONS || 1000);
const agent = new http.Agent({ keepAlive: true, maxSockets: SESSIONS * 2 });
const url = new URL(BASE);

function request(method, path, headers, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path, headers, agent }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

const rest = (method, path, body) =>
  request(method, path, { Authorization: `Bearer ${API_KEY}`, "Content-Type": "application/json" }, body ? JSON.stringify(body) : undefined);

async function mcpSession(key = KEYS[0]) {
  const headers = { Authorization: `Bearer ${key}`, "Content-Type": "application/json", Accept: "application/json, text/event-stream" };
  const init = await request("POST", "/mcp", headers, JSON.stringify({ jsonrpc: "2.0", id: 0, method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "bench", version: "1" } } }));
  if (init.status !== 200) throw new Error(`initialize: ${init.status} ${init.body}`);
  const sid = init.headers["mcp-session-id"];
  const h = { ...headers, "Mcp-Session-Id": sid, "MCP-Protocol-Version": "2025-11-25" };
  await request("POST", "/mcp", h, JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }));
  let id = 1;
  return {
    sid,
    async call(name, args) {
      const r = await request("POST", "/mcp", h, JSON.stringify({ jsonrpc: "2.0", id: id++, method: "tools/call", params: { name, arguments: args } }));
      const j = JSON.parse(r.body);
      if (r.status !== 200 || j.error || j.result.isError) throw new Error(`${name}: ${r.body.slice(0, 300)}`);
      return j.result.structuredContent;
    },
    close: () => request("DELETE", "/mcp", h),
  };
}

function pct(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : 0;
}

// Runs `work(i)` on SESSIONS workers for SECONDS; each round trip's latency in ms.
async function drive(name, work) {
  const lat = [];
  const end = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: SESSIONS }, async (_, w) => {
      while (Date.now() < end) {
        const t = process.hrtime.bigint();
        await work(w);
        lat.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }),
  );
  lat.sort((a, b) => a - b);
  return { name, rps: lat.length / SECONDS, p50: pct(lat, 0.5), p99: pct(lat, 0.99) };
}


// Idle sessions first, on a fresh server: its resident memory before and after opening IDLE of them.
const { readFileSync } = await import("node:fs");
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${PID}/status`, "utf8"))[1]);
await new Promise((r) => setTimeout(r, 500));
const before = rss();
const idle = [];
for (let i = 0; i < IDLE; i += 50)
  idle.push(...(await Promise.all(Array.from({ length: Math.min(50, IDLE - i) }, (_, j) => mcpSession(KEYS[Math.floor((i + j) / 100) % KEYS.length])))));
await new Promise((r) => setTimeout(r, 500));
const after = rss();
console.log(`idle sessions: ${IDLE}, server RSS ${before} KiB -> ${after} KiB: ${((after - before) / IDLE).toFixed(1)} KiB per session (target <= 64)`);
for (const s of idle) await s.close();

const sessions = await Promise.all(Array.from({ length: SESSIONS }, () => mcpSession()));
// One operation per worker, each not started, for the start/pause pairs.
const ops = [];
for (let offset = 0; ops.length < SESSIONS; offset += 100) {
  const page = JSON.parse((await rest("GET", `/api/v1/operations?status=not_started&limit=100&offset=${offset}`)).body).data.operations;
  if (!page.length) break;
  ops.push(...page.map((o) => o.id));
}
if (ops.length < SESSIONS * 2) throw new Error(`need ${SESSIONS * 2} operations not started, found ${ops.length}`);
const mcpOps = ops.slice(0, SESSIONS), restOps = ops.slice(SESSIONS, SESSIONS * 2);

const results = [];
for (let round = 0; round < 2; round++) {
  // Alternating, so drift on a shared machine hits both sides.
  results.push(await drive("rest fetch_jobs", () => rest("GET", "/api/v1/jobs?limit=50")));
  results.push(await drive("mcp fetch_jobs", (w) => sessions[w].call("fetch_jobs", { limit: 50 })));
  results.push(
    await drive("rest start+pause", async (w) => {
      const a = await rest("POST", `/api/v1/operations/${restOps[w]}/start`, {});
      const b = await rest("POST", `/api/v1/operations/${restOps[w]}/pause`, {});
      if (a.status !== 200 || b.status !== 200) throw new Error(`REST lifecycle ${a.status} ${b.status} ${a.body}`);
    }),
  );
  results.push(
    await drive("mcp start+pause", async (w) => {
      await sessions[w].call("start_operation", { id: mcpOps[w] });
      await sessions[w].call("pause_operation", { id: mcpOps[w] });
    }),
  );
}
const best = (n) => results.filter((r) => r.name === n).reduce((a, b) => (a.rps > b.rps ? a : b));
console.log("case\tround trips/s\tp50 ms\tp99 ms");
for (const r of results) console.log(`${r.name}\t${r.rps.toFixed(0)}\t${r.p50.toFixed(2)}\t${r.p99.toFixed(2)}`);
const ratioList = best("mcp fetch_jobs").rps / best("rest fetch_jobs").rps;
const ratioLife = best("mcp start+pause").rps / best("rest start+pause").rps;
console.log(`ratio MCP/REST fetch_jobs (limit 50): ${ratioList.toFixed(2)}   start+pause: ${ratioLife.toFixed(2)}   (target >= 0.5)`);
for (const s of sessions) await s.close();

