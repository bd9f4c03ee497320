// A transparent HTTP proxy that adds `Authorization: Bearer KEY` to every request, for MCP clients
// that cannot send headers (the conformance suite's). Prints its port, then proxies until killed.
// Usage: node mcp-auth-proxy.mjs TARGET_BASE KEY
import http from "node:http";

const [TARGET, KEY] = process.argv.slice(2);
const target = new URL(TARGET);
const server = http.createServer((req, res) => {
  const headers = { ...req.headers, host: target.host, authorization: `Bearer ${KEY}` };
  const up = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (r) => {
    res.writeHead(r.statusCode, r.headers);
    r.pipe(res);
  });
  up.on("error", () => {
    res.writeHead(502).end();
  });
  req.pipe(up);
  res.on("close", () => up.destroy());
});
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
