// What the docs tell a newcomer, checked against a served demo shop:
// - README.md and docs/*.md link only to files of this repository, and those files exist;
// - docs/api.md's "Create and update fields" table names exactly the body fields the OpenAPI
//   document gives for each POST /api/v1/<resource> and PATCH /api/v1/<resource>/{id}, and every
//   example body there is accepted (201);
// - docs/realtime.md's npm install line pins what tests/clients/package.json pins, and its
//   example, saved as an ES module exactly as printed, subscribes and receives row changes.
// Usage: node docs-examples.mjs SOURCE_DIR BASE_URL ADMIN_KEY
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

const [root, base, key] = process.argv.slice(2);
const failures = [];
const fail = (what) => { failures.push(what); console.log(`FAIL ${what}`); };
const ok = (what) => console.log(`ok   ${what}`);
const read = (p) => readFileSync(join(root, p), 'utf8');
const auth = { Authorization: `Bearer ${key}` };
const api = async (method, path, body) => {
  const r = await fetch(base + path, {
    method, headers: body ? { ...auth, 'Content-Type': 'application/json' } : auth, body: body ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: r.status, json, text };
};

// 1. Links stay inside the repository.
const pages = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
for (const page of pages) {
  const text = read(page);
  if (text.includes('../shared') || text.includes('/work/')) fail(`${page} points outside the repository`);
  for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^(https?:|mailto:|#)/.test(target)) continue;
    const file = resolve(root, dirname(page), target.split('#')[0]);
    if (relative(root, file).startsWith('..')) fail(`${page} links outside the repository: ${target}`);
    else if (!existsSync(file)) fail(`${page} links to a missing file: ${target}`);
  }
}
ok(`links of ${pages.length} pages checked`);

// 2. docs/api.md: the field table against the served OpenAPI document, then the example bodies.
const apiDoc = read('docs/api.md');
const start = apiDoc.indexOf('## Create and update fields');
if (start < 0) throw new Error('docs/api.md has no "Create and update fields" section');
const section = apiDoc.slice(start, apiDoc.indexOf('\n## ', start + 1));
const openapi = (await api('GET', '/api/v1/openapi.json')).json;
const bodyFields = (path, method) =>
  Object.keys(openapi.paths[path]?.[method]?.requestBody?.content?.['application/json']?.schema?.properties ?? {});
const names = (cell) => [...cell.matchAll(/`([a-z0-9_]+)`/g)].map((m) => m[1]);
const nested = new Set(['parts', 'operations', 'operation_ids', 'scrap_lines']);
const same = (a, b) => a.length === b.length && [...a].sort().join() === [...b].sort().join();
const documented = new Set();
for (const line of section.split('\n')) {
  const m = line.match(/^\| `(\/api\/v1\/[a-z-]+)` \| (.*) \| (.*) \|$/);
  if (!m) continue;
  const [, path, createCell, updateCell] = m;
  documented.add(path);
  const create = bodyFields(path, 'post');
  // In the create column the nested lists' own fields are not named, only the lists.
  const createNamed = names(createCell.replace(/\(nested[^)]*\)/g, ''));
  if (!same(createNamed, create)) fail(`${path} create fields: docs ${createNamed} ≠ served ${create}`);
  const update = bodyFields(`${path}/{id}`, 'patch');
  let updateNamed;
  if (updateCell.startsWith('—')) updateNamed = [];
  else if (updateCell.startsWith('same')) updateNamed = [...create.filter((f) => !nested.has(f)), ...names(updateCell.replace(/^same/, ''))];
  else updateNamed = names(updateCell);
  if (!same(updateNamed, update)) fail(`${path} update fields: docs ${updateNamed} ≠ served ${update}`);
}
for (const path of Object.keys(openapi.paths))
  if (/^\/api\/v1\/[a-z-]+$/.test(path) && bodyFields(path, 'post').length && openapi.paths[`${path}/{id}`] && !documented.has(path))
    fail(`${path} creates records but is not in docs/api.md's field table`);
ok(`field table: ${documented.size} resources`);

const first = async (path, list) => (await api('GET', `/api/v1/${path}`)).json.data[list][0].id;
const ids = {};
ids.JOB_ID = await first('jobs?limit=1', 'jobs');
ids.PART_ID = await first(`parts?job_id=${ids.JOB_ID}&limit=1`, 'parts');
ids.CELL_ID = await first('cells?limit=1', 'cells');
ids.OPERATION_ID = await first('operations?status=not_started&limit=1', 'operations');
ids.OPERATOR_ID = await first('operators?limit=1', 'operators');
ids.SCRAP_REASON_ID = await first('scrap-reasons?limit=1', 'scrap_reasons');
const examples = [...section.matchAll(/^`POST (\/api\/v1\/[a-z-]+)`[\s\S]*?\n```json\n([\s\S]*?)\n```/gm)];
const exampled = new Set();
for (const [, path, text] of examples) {
  exampled.add(path);
  const body = JSON.parse(text.replace(/\$([A-Z_]+)/g, (all, name) => ids[name] ?? all));
  const r = await api('POST', path, body);
  if (r.status !== 201) fail(`example POST ${path}: ${r.status} ${r.text.slice(0, 300)}`);
}
for (const path of documented) if (!exampled.has(path)) fail(`${path} has no example body`);
ok(`${examples.length} example bodies sent`);

// 3. docs/realtime.md: the install line and the example, run as printed (on this hub's port).
const rtDoc = read('docs/realtime.md');
const pins = JSON.parse(read('tests/clients/package.json')).dependencies;
const install = rtDoc.match(/^npm install (.*?)\s*(#.*)?$/m);
if (!install) fail('docs/realtime.md has no npm install line');
else
  for (const spec of install[1].trim().split(/\s+/)) {
    const at = spec.lastIndexOf('@');
    const [name, version] = [spec.slice(0, at), spec.slice(at + 1)];
    if (pins[name] !== version) fail(`docs/realtime.md installs ${spec}, tests/clients pins ${name}@${pins[name]}`);
  }
if (!/npm pkg set type=module/.test(rtDoc)) fail('docs/realtime.md does not make the folder an ES module package');
const code = rtDoc.match(/Save this as `floor\.js`[^\n]*\n\n```js\n([\s\S]*?)\n```/);
if (!code) {
  fail('docs/realtime.md has no floor.js example');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'eryxon-floor-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'floor-display', version: '1.0.0', type: 'module' }));
  symlinkSync(join(root, 'tests/clients/node_modules'), join(dir, 'node_modules'));
  const port = new URL(base).port;
  writeFileSync(join(dir, 'floor.js'), code[1].replace('ws://127.0.0.1:8787/', `ws://127.0.0.1:${port}/`));
  const child = spawn(process.execPath, ['floor.js'], { cwd: dir, env: { ...process.env, ERYXON_KEY: key } });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  const waitFor = async (re, ms) => {
    for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 50)))
      if (re.test(out)) return true;
    return false;
  };
  if (!(await waitFor(/SUBSCRIBED/, 15000))) {
    fail(`the realtime example did not subscribe: ${out}`);
  } else {
    const op = (await api('GET', '/api/v1/operations?status=not_started&limit=1')).json.data.operations[0];
    const started = await api('POST', `/api/v1/operations/${op.id}/start`, {});
    if (started.status !== 200) fail(`starting an operation: ${started.status} ${started.text}`);
    await api('POST', '/api/v1/jobs', { job_number: 'FLOOR-1' });
    if (!(await waitFor(new RegExp(`started ${op.operation_name}`), 10000))) fail(`the realtime example saw no operation start: ${out}`);
    if (!(await waitFor(/new job FLOOR-1/, 10000))) fail(`the realtime example saw no new job: ${out}`);
  }
  child.kill();
  rmSync(dir, { recursive: true, force: true });
  console.log(out.trim().split('\n').map((l) => `     floor.js: ${l}`).join('\n'));
  ok('realtime example run');
}

if (failures.length) {
  console.log(`${failures.length} problem(s)`);
  process.exit(1);
}
console.log('docs examples ok');
