// An MQTT 5 subscriber made with the official mqtt.js client: subscribes to a filter on a broker,
// prints one JSON line per message (topic, payload, MQTT 5 properties) and exits after `count`
// messages, or with code 2 after `timeoutMs`. Usage: node mqtt5-subscribe.mjs PORT FILTER COUNT [TIMEOUT_MS]
import mqtt from 'mqtt';

const [port, filter, count, timeoutMs = '15000'] = process.argv.slice(2);
const want = Number(count);
let seen = 0;
let done = false;
const client = mqtt.connect({ host: '127.0.0.1', port: Number(port), protocolVersion: 5, reconnectPeriod: 0 });
const timer = setTimeout(() => { console.error(`timed out after ${seen} of ${want} messages`); process.exit(2); }, Number(timeoutMs));
client.on('connect', () => {
  client.subscribe(filter, { qos: 1 }, (err) => {
    if (err) { console.error(err.message); process.exit(1); }
    console.log(JSON.stringify({ subscribed: filter }));
  });
});
client.on('message', (topic, payload, packet) => {
  console.log(JSON.stringify({ topic, payload: payload.toString('utf8'), properties: packet.properties ?? {} }));
  if (++seen >= want) {
    done = true;
    clearTimeout(timer);
    client.end(true, () => process.exit(0));
  }
});
// Once every message is in, a reset while closing is no failure.
client.on('error', (e) => { if (done) return; console.error(e.message); process.exit(1); });
