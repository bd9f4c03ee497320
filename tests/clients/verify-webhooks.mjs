// Verifies captured webhook requests with the official Standard Webhooks library.
// Usage: node verify-webhooks.mjs requests.json   (an array of {secret, headers, body})
import { readFileSync } from "node:fs";
import { Webhook } from "standardwebhooks";

const requests = JSON.parse(readFileSync(process.argv[2], "utf8"));
let verified = 0;
for (const r of requests) {
  const wh = new Webhook(r.secret.replace(/^whsec_/, ""));
  // Throws when the signature, the timestamp tolerance or the headers are wrong.
  const payload = wh.verify(r.body, r.headers);
  if (typeof payload !== "object" || payload.id !== r.headers["webhook-id"]) {
    console.error("payload id does not match webhook-id");
    process.exit(1);
  }
  verified++;
}
console.log(`verified ${verified}`);
